"""The MkDocs adapter: hands the publication to MkDocs as generated pages. Kept thin on purpose
(MkDocs 1.x is in maintenance mode): everything it shows comes from the model and views."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup
from mkdocs.config import config_options
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

from .. import feed, markup, sanitize
from ..load import load_publication
from ..problems import errors, format_problems
from ..sources import CONTENT_DIRS, THEME_DIR
from ..views import Views, alternates, link
from . import csp
from .lazy_search import split_search_index
from .minify import minify_own_assets
from .pagefind import index_site, weigh_definitions
from .pages import manifest, manifest_script, markdown_page, nav, site_pages
from .reflow import hyphenate_headings

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

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"

    def _root(self, config: MkDocsConfig) -> Path:
        return Path(self.config["root"] or Path(config.config_file_path).parent).resolve()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
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
        for page in self.pages:
            files.append(File.generated(config, page.src, content=markdown_page(page)))
        hacks = manifest(self.pub)
        files.append(File.generated(config, "hacks.json", content=hacks))
        # The random page opened from disk, where browsers fetch nothing, loads it as a script.
        files.append(File.generated(config, HACKS_SCRIPT, content=manifest_script(self.pub)))
        # Read by hack pages' "Featured hacks" block only as it nears the screen, so the list is
        # not repeated inside every hack page's first load.
        files.append(File.generated(config, FEATURED, content=self.views.featured_data))
        files.append(File.generated(config, feed.FEED_PATH, content=feed.atom(self.pub)))
        self.by_src = {p.src: p for p in self.pages}
        return files

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        env.bytecode_cache = TEMPLATE_CACHE
        return env

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
        extra = _extra(context)
        extra["sh_live_reload"] = LIVE_RELOAD if self.serving else ""
        record = self.by_src.get(page.file.src_uri)
        extra["sh_footer"] = self.views.footer(page.url)
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
            extra["sh_after"] = self.views.hack_footer(record.hack)
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return csp.apply(output, page.content or "")

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        return csp.apply(output_content, "")

    def on_template_context(self, context: TemplateContext, /, *, template_name: str,
                            config: MkDocsConfig) -> TemplateContext:
        if template_name == "404.html":
            # Served at any depth: its links start from the site's root path, not from itself.
            root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
            _extra(context)["sh_footer"] = re.sub(r'href="(?!https?:)', f'href="{root}', self.views.footer(""))
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
        split_search_index(Path(config.site_dir))
        csp.point_shim_at_boot_file(Path(config.site_dir))
        minify_own_assets(Path(config.site_dir))
        index_site(Path(config.site_dir))

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig,
                 builder: Callable[..., object]) -> LiveReloadServer:
        root = self._root(config)
        # Every file the generated views read; the theme (its views included) is watched here too
        # because MkDocs only watches a custom_dir when asked to.
        for folder in (*CONTENT_DIRS, THEME_DIR):
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        return server


def _extra(context: TemplateContext) -> dict[str, object]:
    """The page context as the plain dict it is, for the keys our theme reads (sh_*)."""
    return cast("dict[str, object]", context)


def _clean_toc(items: Iterable[AnchorLink]) -> None:
    """Headings as the table of contents shows them: text only, whatever the Markdown held."""
    for item in items:
        item.title = sanitize.text_only(item.title)
        _clean_toc(item.children)
