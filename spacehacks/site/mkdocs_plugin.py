"""The MkDocs adapter: hands the publication to MkDocs as generated pages. Kept thin on purpose
(MkDocs 1.x is in maintenance mode): everything it shows comes from the model and views."""
from __future__ import annotations

import re
from pathlib import Path

import jinja2
from mkdocs.config import config_options
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

from .. import feed, markup
from ..load import load_publication
from ..problems import errors, format_problems
from ..sources import CONTENT_DIRS, THEME_DIR
from ..views import Views
from .lazy_search import split_search_index
from .minify import minify_own_assets
from .pages import manifest, markdown_page, nav, site_pages


# Compiling Material's and our templates took a third of every rebuild; compiled templates are
# kept on disk (keyed by each template's source, so an edited template is compiled afresh).
TEMPLATE_CACHE = jinja2.FileSystemBytecodeCache()


PRINT_ONLY = {"fonts", "pdf"}
FEATURED = "assets/featured.json"
HACKS_SCRIPT = "assets/hacks.js"


class SpaceHacksPlugin(BasePlugin):
    config_scheme = (("root", config_options.Type(str, default="")),)

    def __init__(self):
        super().__init__()
        self.publication = None     # build.py may hand over a publication it already checked
        self.downloads = None       # and the list of files it will publish under downloads/

    def _root(self, config) -> Path:
        return Path(self.config["root"] or Path(config.config_file_path).parent).resolve()

    def on_config(self, config):
        pub = self.publication
        if pub is None:
            pub, problems = load_publication(self._root(config))
            if errors(problems):
                raise PluginError("\n" + format_problems(problems))
        self.pub = pub
        self.views = Views(pub, self.downloads or [])
        self.views.env.bytecode_cache = TEMPLATE_CACHE
        self.pages = site_pages(pub, self.views)
        config.nav = nav(pub)
        for ext in markup.EXTENSIONS:
            if ext not in config.markdown_extensions:
                config.markdown_extensions.append(ext)
                config.mdx_configs.setdefault(ext, markup.EXTENSION_CONFIGS.get(ext, {}))
        return config

    def on_files(self, files, config):
        # theme/ also holds the PDF edition's fonts and templates; readers of the site never
        # load them, so they stay out of site/ (the fonts alone are megabytes).
        for f in list(files):
            if f.src_uri.split("/", 1)[0] in PRINT_ONLY and f.abs_src_path \
                    and Path(f.abs_src_path).is_relative_to(self._root(config) / "theme"):
                files.remove(f)
        for page in self.pages:
            files.append(File.generated(config, page.src, content=markdown_page(page)))
        hacks = manifest(self.pub)
        files.append(File.generated(config, "hacks.json", content=hacks))
        # The random page opened from disk, where browsers fetch nothing, loads it as a script.
        files.append(File.generated(config, HACKS_SCRIPT, content=f"var __hacks = {hacks};\n"))
        # Read by hack pages' "Featured hacks" block only as it nears the screen, so the list is
        # not repeated inside every hack page's first load.
        files.append(File.generated(config, FEATURED, content=self.views.featured_data))
        files.append(File.generated(config, feed.FEED_PATH, content=feed.atom(self.pub)))
        self.by_src = {p.src: p for p in self.pages}
        return files

    def on_env(self, env, config, files):
        env.bytecode_cache = TEMPLATE_CACHE
        return env

    def on_page_content(self, html, page, config, files):
        record = self.by_src.get(page.file.src_uri)
        return record.body if record is not None and record.is_html else html

    def on_page_context(self, context, page, config, nav):
        record = self.by_src.get(page.file.src_uri)
        if record is not None and record.hack is not None:
            context["sh_before"] = self.views.hack_header(record.hack)
            context["sh_after"] = self.views.hack_footer(record.hack)
        return context

    def on_post_build(self, config):
        # Material's bundle falls back to scripts on unpkg.com (a ResizeObserver polyfill for old
        # browsers, and mermaid). Readers' browsers must never contact another site, so those
        # fallbacks become inert local scripts; pages still work, as they do without JavaScript.
        for bundle in (Path(config.site_dir) / "assets" / "javascripts").glob("bundle.*.min.js"):
            text = bundle.read_text(encoding="utf-8")
            safe = re.sub(r'"https://unpkg\.com/[^"]*"', '"data:text/javascript,"', text)
            if safe != text:
                bundle.write_text(safe, encoding="utf-8")
        split_search_index(Path(config.site_dir))
        minify_own_assets(Path(config.site_dir))

    def on_serve(self, server, config, builder):
        root = self._root(config)
        # Every file the generated views read; the theme (its views included) is watched here too
        # because MkDocs only watches a custom_dir when asked to.
        for folder in (*CONTENT_DIRS, THEME_DIR):
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        return server
