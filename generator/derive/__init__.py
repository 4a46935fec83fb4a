"""Pure functions from the archive to what the pages show. No I/O, no MkDocs."""
