"""The MkDocs adapter: hands the publication to MkDocs as generated pages. Kept thin on purpose
(MkDocs 1.x is in maintenance mode): everything it shows comes from the model and views."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import partial
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup
from mkdocs.config import config_options
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File
from mkdocs.structure.toc import TableOfContents

from .. import feed, markup, sanitize
from ..depends import page_inputs
from ..load import load_publication
from ..problems import errors, format_problems
from ..sources import CONTENT_DIRS, THEME_DIR
from ..views import Views, alternates, link
from . import csp
from .lazy_search import search_languages, split_search_index
from .lean import collapse_whitespace, drop_unused_assets
from .minify import minify_own_assets
from .pagefind import index_site, weigh_definitions
from .pages import manifest, manifest_script, markdown_page, nav, site_pages
from .preview import GeneratedAsset, KeptPage, Preview, look_fingerprint
from .purge_css import purge_site_stylesheet
from .reflow import hyphenate_headings
from .render_cache import Renders

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import AnchorLink
    from mkdocs.utils.templates import TemplateContext

    from ..downloads import Download
    from ..model import Publication

# Compiling Material's and our templates took a third of every rebuild; compiled templates are
# kept on disk (keyed by each template's source, so an edited template is compiled afresh).
TEMPLATE_CACHE = jinja2.FileSystemBytecodeCache()


PRINT_ONLY = {"fonts", "pdf"}
FEATURED = "assets/featured.json"
HACKS_SCRIPT = "assets/hacks.js"
LIVE_RELOAD = "assets/livereload.js"   # served pages only: see theme/assets/livereload.js
VIEWS_CSS = "assets/views.css"
VIEWS_JS = "assets/views.js"


class SpaceHacksPlugin(BasePlugin):
    config_scheme = (("root", config_options.Type(str, default="")),)

    def __init__(self) -> None:
        super().__init__()
        self.publication: Publication | None = None     # build.py may hand over a publication it already checked
        self.downloads: list[Download] | None = None       # and the list of files it will publish under downloads/
        self.serving = False
        self.incremental = False
        self.preview = Preview()
        self.renders = Renders()
        self.look = ""
        self.search: Any = None            # Material's search plugin, whose index the preview completes
        self.search_mark = 0

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"
        # Served with dirty rebuilds (cli.py), every save rebuilds only the pages it changed.
        self.incremental = self.serving and dirty
        self.preview = Preview()
        self.renders = Renders()

    def _root(self, config: MkDocsConfig) -> Path:
        return Path(self.config["root"] or Path(config.config_file_path).parent).resolve()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.preview.wait_for_search()   # the last save's indexing must not read pages being rewritten
        pub = self.publication
        if pub is None:
            pub, problems = load_publication(self._root(config))
            if errors(problems):
                raise PluginError("\n" + format_problems(problems))
        self.pub = pub
        self.alternates = alternates(pub)
        self.views = Views(pub, self.downloads or [])
        self.views.env.bytecode_cache = TEMPLATE_CACHE
        self.pages = site_pages(pub, self.views)
        config.nav = nav(pub)
        if self.incremental:
            self.look = look = look_fingerprint(self._root(config), config)
            shows = page_inputs(pub, self.downloads)
            self.preview.plan(config.site_dir, {p.src: f"{look} {shows[p.url]}" if p.url in shows else None
                                                for p in self.pages})
            self.renders.start()
            self.search_mark = 0
        self.search = config.plugins.get("material/search")
        if self.search is not None:
            # Material merges a dirty rebuild's entries into its last index by guessing from the
            # first page's address; the preview completes the index itself (on_post_build), and
            # a build in the same process must never start from another build's index.
            self.search.search_index_prev = None
        # The 404 page is served at any depth, so MkDocs writes its links from site_url's path:
        # with the publication's own address set, it works under a sub-path too.
        if pub.info.get("site_url") and not config.site_url:
            config.site_url = pub.info["site_url"]
        for ext in markup.EXTENSIONS:
            if ext not in config.markdown_extensions:
                config.markdown_extensions.append(ext)
                config.mdx_configs.setdefault(ext, markup.EXTENSION_CONFIGS.get(ext, {}))
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        # theme/ also holds the PDF edition's fonts and templates; readers of the site never
        # load them, so they stay out of site/ (the fonts alone are megabytes).
        for f in list(files):
            if f.src_uri.split("/", 1)[0] in PRINT_ONLY and f.abs_src_path \
                    and Path(f.abs_src_path).is_relative_to(self._root(config) / "theme"):
                files.remove(f)
            elif f.src_uri == LIVE_RELOAD and not self.serving:
                files.remove(f)
        keep = self.preview.keeps if self.incremental else lambda src: False
        self.page_files = [KeptPage.lazy(config, page.src, partial(markdown_page, page)) if keep(page.src)
                           else File.generated(config, page.src, content=markdown_page(page)) for page in self.pages]
        for file in self.page_files:
            files.append(file)
        asset = GeneratedAsset if self.incremental else File
        hacks = manifest(self.pub)
        files.append(asset.generated(config, "hacks.json", content=hacks))
        # The random page opened from disk, where browsers fetch nothing, loads it as a script.
        files.append(asset.generated(config, HACKS_SCRIPT, content=manifest_script(self.pub, hacks)))
        # Read by hack pages' "Featured hacks" block only as it nears the screen, so the list is
        # not repeated inside every hack page's first load.
        files.append(asset.generated(config, FEATURED, content=self.views.featured_data))
        files.append(asset.generated(config, feed.FEED_PATH, content=feed.atom(self.pub)))
        self.by_src = {p.src: p for p in self.pages}
        return files

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        # A kept page is not read again, but the navigation shows its title: read its front matter.
        for page in nav.pages:
            if isinstance(page.file, KeptPage) and page.markdown is None:
                page.read_source(config)
        return nav

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        env.bytecode_cache = TEMPLATE_CACHE
        return env

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        if self.incremental:
            self.renders.wrap(page, self.look)
        return page

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        record = self.by_src.get(page.file.src_uri)
        if record is not None and record.is_html:
            # The listing pages' own stylesheet and script, which hack pages never load (their
            # first load has a 70 KB budget); both are allowed in the body. The views themselves
            # are autoescaped templates around sanitized Markdown.
            sheet, script = link(page.url, VIEWS_CSS), link(page.url, VIEWS_JS)
            return (f'<link rel="stylesheet" href="{sheet}">\n<script src="{script}" defer></script>\n'
                    + hyphenate_headings(record.body))
        # MkDocs rendered this Markdown itself, raw HTML included: it passes the same policy as
        # every other output, and so do the headings it lists in the table of contents.
        _clean_toc(page.toc)
        html = sanitize.clean(html)
        if record is not None and record.hack is None and "<h1" not in html:
            # Material would add the title as a heading of its own; added here, it is hyphenated.
            html = f"<h1>{escape(record.title)}</h1>\n{html}"
        return hyphenate_headings(weigh_definitions(html))

    def on_page_context(self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        if self.incremental and self.search is not None:
            # Material's search plugin, listed first, has just indexed this page.
            entries = self.search.search_index.entries
            self.preview.record_search(page.file.src_uri, entries[self.search_mark:])
            self.search_mark = len(entries)
        extra = _extra(context)
        extra["sh_live_reload"] = LIVE_RELOAD if self.serving else ""
        record = self.by_src.get(page.file.src_uri)
        extra["sh_footer"] = self.views.footer(page.url)
        # Words shown in another language than the page's (a hack not translated yet) say so,
        # for screen readers' voices and the browser's hyphenation.
        item = record.item if record is not None else None
        extra["sh_words_lang"] = item.language if item is not None and self.pub.untranslated(item) else ""

        if self.alternates:   # the same page in the other languages, and what a reader must know
            extra["sh_language_head"], extra["sh_language_switch"] = self.views.language_links(
                page.url, self.alternates)
            if self.pub.language != self.alternates[0][0] and record is not None:
                extra["sh_notice"] = self.views.translation_notice(
                    record.item, page.url, self.alternates[0][1] + page.url)
        if record is not None and record.hack is not None:
            # MkDocs' table of contents holds the headings' text as HTML (entities escaped).
            on_page = [(Markup(t.title), t.url) for t in page.toc]
            extra["sh_before"] = hyphenate_headings(self.views.hack_header(record.hack, on_page))
            # The header's list stands in for Material's, which it writes twice into every hack
            # page (the drawer and the sidebar): 2 KB of each page, 2.2 MB of a 1,000-hack site.
            page.toc = TableOfContents([])
            extra["sh_after"] = self.views.hack_footer(record.hack)
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return collapse_whitespace(csp.apply(output, page.content or ""))

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        page = csp.apply(output_content, "")
        return collapse_whitespace(page) if template_name.endswith(".html") else page

    def on_template_context(self, context: TemplateContext, /, *, template_name: str,
                            config: MkDocsConfig) -> TemplateContext:
        if template_name == "404.html":
            # Served at any depth: its links start from the site's root path, not from itself.
            root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
            _extra(context)["sh_footer"] = re.sub(r'href="(?!https?:)', f'href="{root}', self.views.footer(""))
            _extra(context)["t"] = self.pub.t
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # Material's bundle falls back to scripts on unpkg.com (a ResizeObserver polyfill for old
        # browsers, and mermaid). Readers' browsers must never contact another site, so those
        # fallbacks become inert local scripts; pages still work, as they do without JavaScript.
        for bundle in (Path(config.site_dir) / "assets" / "javascripts").glob("bundle.*.min.js"):
            text = bundle.read_text(encoding="utf-8")
            safe = re.sub(r'"https://unpkg\.com/[^"]*"', '"data:text/javascript,"', text)
            if safe != text:
                bundle.write_text(safe, encoding="utf-8")
        site = Path(config.site_dir)
        if not self.incremental:
            split_search_index(site)
        # A preview rebuild too: MkDocs copies the theme's files on every build.
        drop_unused_assets(site, search_languages(site))
        csp.point_shim_at_boot_file(site)
        minify_own_assets(site)
        if self.incremental:
            entries = self.preview.finish(self.page_files)
            index = self.search.search_index if self.search is not None else None
            self.preview.index_later(partial(_index_preview, site, index, entries))
            return
        if not self.serving:
            # Reads every page: a preview shows Material's whole stylesheet instead.
            purge_site_stylesheet(site)
        index_site(site)

    def on_shutdown(self) -> None:
        self.preview.wait_for_search()

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig,
                 builder: Callable[..., object]) -> LiveReloadServer:
        root = self._root(config)
        # Every file the generated views read; the theme (its views included) is watched here too
        # because MkDocs only watches a custom_dir when asked to.
        for folder in (*CONTENT_DIRS, THEME_DIR):
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        return server


def _index_preview(site: Path, index: Any, entries: list[dict[str, object]]) -> None:
    """Both search indexes of a preview rebuild, written once it is served: Material's (read
    from disk only), completed with the entries of the pages kept, then Pagefind's."""
    if index is not None:
        # Material wrote only the pages built this time; the index holds them all.
        index.entries = entries
        (site / "search" / "search_index.json").write_text(index.generate_search_index(None), encoding="utf-8")
    split_search_index(site)
    index_site(site)


def _extra(context: TemplateContext) -> dict[str, object]:
    """The page context as the plain dict it is, for the keys our theme reads (sh_*)."""
    return cast("dict[str, object]", context)


def _clean_toc(items: Iterable[AnchorLink]) -> None:
    """Headings as the table of contents shows them: text only, whatever the Markdown held."""
    for item in items:
        item.title = sanitize.text_only(item.title)
        _clean_toc(item.children)
