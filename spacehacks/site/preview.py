"""The live preview's memory between saves, for the MkDocs adapter.

`build.py serve` runs MkDocs' server with dirty rebuilds: MkDocs builds only the pages whose
file says it changed and leaves the others in the served folder. What changed is decided by the
core (depends.page_inputs, a digest of what each page shows); this module only carries the
digests from one build to the next, marks the unchanged pages' files as such, removes the pages
an edit deleted, and keeps each page's entries of Material's search index, so the index MkDocs
writes holds every page, in a clean build's order.

Search in the preview: once a rebuild is served, Material's index (read only from disk) is
completed and Pagefind indexes the whole served folder, as a clean build does, in the
background: the saved page shows at once, and search finds its new text a moment later (at
1,000 hacks Pagefind takes longer than the rebuild). The next save waits for it first.
"""
from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.structure.files import File

from ..buildstamp import hash_paths
from ..sources import THEME_DIR

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from .mkdocs_plugin import SpaceHacksPlugin

log = logging.getLogger("spacehacks")

# The theme's folders the site never reads (the book's fonts and layout): not worth hashing.
PRINT_ONLY = ("fonts", "pdf")


class KeptPage(File):
    """A page showing what it showed at the last build: MkDocs neither renders nor writes it.
    Its source text is made only if read (the navigation reads its pages' titles)."""

    make: Callable[[], str]

    @classmethod
    def lazy(cls, config: MkDocsConfig, src_uri: str, make: Callable[[], str]) -> KeptPage:
        page = cls.generated(config, src_uri, content="")
        assert isinstance(page, KeptPage)
        page.make = make
        return page

    @property
    def content_string(self) -> str:
        return self.make()

    @content_string.setter
    def content_string(self, value: str) -> None:
        self.make = lambda: value

    @property
    def content_bytes(self) -> bytes:
        return self.make().encode("utf-8")

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self.content_string = value.decode("utf-8")

    def is_modified(self) -> bool:
        return not os.path.isfile(self.abs_dest_path)


class GeneratedAsset(File):
    """A generated file (hacks.json, the feed): written only when its bytes differ from the served ones."""

    def is_modified(self) -> bool:
        try:
            return Path(self.abs_dest_path).read_bytes() != self.content_bytes
        except OSError:
            return True


def look_fingerprint(root: Path, config: MkDocsConfig) -> str:
    """What every page's look is made from: the theme the site reads and the site settings."""
    digest = hashlib.sha256()
    theme = root / THEME_DIR
    hash_paths(digest, [p for p in sorted(theme.iterdir()) if p.name not in PRINT_ONLY] if theme.is_dir() else [])
    hash_paths(digest, [config.config_file_path])
    digest.update(repr((config.site_url, config.use_directory_urls)).encode())
    return digest.hexdigest()


@dataclass
class Preview:
    """One served folder's last build: each page's digest and search entries, by source name."""
    site_dir: str = ""
    built: dict[str, str] = field(default_factory=dict)          # src -> digest it was built from
    dest: dict[str, str] = field(default_factory=dict)           # src -> file it was written to
    search: dict[str, list[dict[str, object]]] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)        # this build's, src -> digest
    rebuilt: set[str] = field(default_factory=set)               # this build's pages built again
    indexing: threading.Thread | None = None

    def plan(self, site_dir: str, digests: dict[str, str | None]) -> None:
        """Start a build of `site_dir` whose pages show `digests` (None: not known, always built)."""
        if site_dir != self.site_dir:   # another folder: nothing is known of it
            self.site_dir, self.built, self.dest, self.search = site_dir, {}, {}, {}
        self.digests = {src: d for src, d in digests.items() if d is not None}
        self.rebuilt = {src for src, d in digests.items() if d is None or self.built.get(src) != d}

    def index_later(self, index: Callable[[], None]) -> None:
        """Index the served folder for search in the background, once this build is served."""
        self.wait_for_search()
        self.indexing = threading.Thread(target=self._index, args=(index,), name="preview-search", daemon=True)
        self.indexing.start()

    def _index(self, index: Callable[[], None]) -> None:
        try:
            index()
        except Exception as exc:  # noqa: BLE001 - reported; the pages are served, the next save tries again
            log.warning("Search could not index the preview: %s", exc)

    def wait_for_search(self) -> None:
        if self.indexing is not None:
            self.indexing.join()
            self.indexing = None

    def keeps(self, src: str) -> bool:
        return src not in self.rebuilt

    def record_search(self, src: str, entries: list[dict[str, object]]) -> None:
        self.search[src] = entries

    def finish(self, pages: list[File]) -> list[dict[str, object]]:
        """After the build: remove pages gone since the last one; the search entries of every page
        in build order (fresh for the pages built again, remembered for the others)."""
        gone = set(self.dest) - {f.src_uri for f in pages}
        for src in gone:
            _remove(Path(self.dest[src]), Path(self.site_dir))
            self.search.pop(src, None)
        self.built = dict(self.digests)
        self.dest = {f.src_uri: f.abs_dest_path for f in pages}
        return [entry for f in pages for entry in self.search.get(f.src_uri, [])]


def _remove(file: Path, top: Path) -> None:
    """A page's file and the folders it leaves empty, up to the served folder."""
    file.unlink(missing_ok=True)
    folder = file.parent
    while folder != top and folder.is_relative_to(top) and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def not_dirty_warning(record: logging.LogRecord) -> bool:
    """Drops MkDocs' warning that a dirty build may leave stale links: it is about MkDocs' own
    guess from file times, which the preview does not use (and in strict mode it would stop
    every rebuild)."""
    return "'dirty' build" not in record.getMessage()


class PreviewBuilds:
    """A folder built as `build.py serve` builds it on every save, without the server: what the
    tests and bench/ drive. `incremental=False` builds every page every time, as MkDocs' own
    serve does, for comparison."""

    def __init__(self, root: Path, site_dir: Path, address: str = "127.0.0.1:8000", incremental: bool = True) -> None:
        self.config_file = str(Path(root) / "mkdocs.yml")
        self.site_dir = str(site_dir)
        self.address = address
        self.incremental = incremental
        logging.getLogger("mkdocs.commands.build").addFilter(not_dirty_warning)
        config = self._config()
        config.plugins.on_startup(command="serve", dirty=incremental)

    def _config(self) -> MkDocsConfig:
        from mkdocs.config import load_config
        config = load_config(self.config_file, site_dir=self.site_dir, dev_addr=self.address)
        config.site_url = f"http://{self.address}/"
        return config

    def build(self) -> SpaceHacksPlugin:
        """Build once, as after a save; the plugin, whose `preview` and `renders` say what was
        built and converted again."""
        from mkdocs.commands.build import build

        from .mkdocs_plugin import SpaceHacksPlugin
        config = self._config()
        build(config, serve_url=config.site_url, dirty=self.incremental)
        plugin = config.plugins["spacehacks"]
        assert isinstance(plugin, SpaceHacksPlugin)
        return plugin

    def searchable(self) -> None:
        """Wait until search has indexed the last build (the tests compare whole folders)."""
        from .mkdocs_plugin import SpaceHacksPlugin
        plugin = self._config().plugins["spacehacks"]
        assert isinstance(plugin, SpaceHacksPlugin)
        plugin.preview.wait_for_search()
