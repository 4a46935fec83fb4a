"""From derived data to pages: (path, Markdown) pairs any MkDocs-like builder can take."""
