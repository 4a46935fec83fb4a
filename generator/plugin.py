"""MkDocs plugin: a thin layer that hands the generated pages to MkDocs, in memory.

Nothing is written into docs/. Content errors become one clean build failure that
lists every problem; ``mkdocs serve`` also watches the content folder. After the
build, the search index learns unaccented spellings and the offline zip is written.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files

from .errors import ContentErrors
from .load import load_archive
from .offline import build_date, write_zip, zip_path
from .render.pages import PageBuilder, check_no_overlap
from .render.paths import HOME
from .search import add_folded_field


class BriefingConfig(base.Config):
    content_dir = c.Type(str, default="briefings")
    # Publish a zip of the whole site, linked from the home page (not during `mkdocs serve`).
    offline_zip = c.Type(bool, default=True)


class BriefingPlugin(BasePlugin[BriefingConfig]):
    serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config):  # type: ignore[no-untyped-def]
        if config.use_directory_urls:
            raise PluginError("briefing: set 'use_directory_urls: false' in mkdocs.yml: generated "
                              "links point to .html files so the site also works from file://")
        self.content_dir = Path(config.config_file_path).parent / self.config.content_dir
        self.home_sections = ""
        self.build_date = build_date()
        self.zip_wanted = self.config.offline_zip and not self.serving
        return config

    def on_files(self, files: Files, config) -> Files:  # type: ignore[no-untyped-def]
        try:
            archive = load_archive(self.content_dir, root=self.content_dir.parent)
            builder = PageBuilder(archive, download=zip_path(self.build_date)
                                  if self.zip_wanted else None, build_day=self.build_date)
            pages = builder.all_pages()
            assets = builder.all_assets()
            check_no_overlap([p.path for p in pages] + [a.path for a in assets],
                             {f.src_uri for f in files})
        except ContentErrors as errors:
            count = len(errors.errors)
            raise PluginError(f"briefing: {count} problem{'s' * (count > 1)} in the content:\n"
                              f"{errors}") from None
        except ValueError as error:
            raise PluginError(f"briefing: {error}") from None
        for page in pages:
            files.append(File.generated(config, page.path, content=page.markdown))
        for asset in assets:
            files.append(File.generated(config, asset.path, content=asset.content))
        self.home_sections = builder.home_sections()
        return files

    def on_page_markdown(self, markdown: str, page, config, files) -> str:  # type: ignore[no-untyped-def]
        if page.file.src_uri == HOME:
            return f"{markdown}\n\n{self.home_sections}"
        return markdown

    @event_priority(-50)  # after the search plugin writes the index, before `offline` inlines it
    def _fold_search_index(self, *, config) -> None:  # type: ignore[no-untyped-def]
        index_file = Path(config.site_dir) / "search" / "search_index.json"
        if index_file.exists():
            index = json.loads(index_file.read_text(encoding="utf-8"))
            index_file.write_text(json.dumps(add_folded_field(index), ensure_ascii=False,
                                             separators=(",", ":")), encoding="utf-8")

    @event_priority(-200)  # last: the zip holds the finished site, offline search included
    def _write_offline_zip(self, *, config) -> None:  # type: ignore[no-untyped-def]
        if self.zip_wanted:
            write_zip(Path(config.site_dir), self.build_date)

    on_post_build = CombinedEvent(_fold_search_index, _write_offline_zip)

    def on_serve(self, server, config, builder):  # type: ignore[no-untyped-def]
        server.watch(str(self.content_dir))
        return server
