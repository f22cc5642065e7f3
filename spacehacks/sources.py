"""Where a publication lives in its repository, and the web addresses its site keeps for itself.

Every module that reads the sources, watches them, dates an edition from them or keeps editors'
files off the site's own addresses takes these names from here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# The languages translations are written in. A translation lives beside its source, named with
# the language before the extension: hacks/…/<slug>.es.md translates hacks/…/<slug>.md.
TRANSLATION_LANGUAGES = ("es",)
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}
# What a language code looks like in a file name (es, pt-br, es-419): such a file is read as a
# translation, and one in a language not listed above is reported rather than taken for a source.
_CODE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$", re.IGNORECASE)


def translation_language(path: Path) -> str | None:
    """The language code a file is named for (hacks/…/<slug>.es.md: 'es'), or None for a source
    file. The code may be one the publication is not translated into; the checks say so."""
    stem, dot, language = path.stem.rpartition(".")
    return language if dot and stem and _CODE.match(language) else None


def translation_path(source: Path, language: str) -> Path:
    """Where the translation of `source` into `language` lives: beside it."""
    return source.with_name(f"{source.stem}.{language}{source.suffix}")


def is_translation_file(path: Path) -> bool:
    """A file that only translations read: <name>.<lang>.md, <name>.<lang>.yml (fill-in labels,
    tags) and the interface catalogues in content/i18n/. The source language's outputs (the
    English book's edition date, say) never depend on these."""
    path = Path(path)
    return ("i18n" in path.parts and path.suffix == ".yml") or (
        path.suffix in (".md", ".yml") and translation_language(path) is not None)


def source_of(translation: Path) -> Path:
    """The file a translation translates: <slug>.es.md -> <slug>.md."""
    stem = translation.stem.rpartition(".")[0]
    return translation.with_name(f"{stem}{translation.suffix}")


# Folders editors write in: hacks, quotes, and everything else (sections, pages, templates, media).
CONTENT_DIRS = ("content", "hacks", "quotes")
# The look of every output: site overrides and views, the book's layout and fonts.
THEME_DIR = "theme"
# Files whose change changes the build without changing any content.
SETTINGS = ("mkdocs.yml", "requirements.txt", "pyproject.toml")


@dataclass(frozen=True)
class ViewPage:
    """A page the site generates from the whole publication, at a top-level address.

    Adding one: a line here, a method of that name on views.Views, and its view file in
    theme/views/; the site's pages, its navigation and the reserved addresses follow."""
    slug: str            # the address: /<slug>/
    title: str           # page title and navigation entry
    view: str            # the views.Views method that renders it
    needs_templates: bool = False   # only when the publication has templates
    searchable: bool = False        # its words are its own (not a list of other pages' titles)
    in_nav: bool = True             # listed in the site's navigation


VIEW_PAGES = (
    ViewPage("hacks", "All hacks", "all_hacks"),
    ViewPage("random", "Random hack", "random"),
    ViewPage("quotes", "Quotes", "quotes", searchable=True),
    ViewPage("tags", "Tags", "tags"),
    ViewPage("downloads", "Downloads", "downloads_page"),
    ViewPage("templates", "Templates", "templates_index", needs_templates=True),
    ViewPage("accessibility", "Accessibility", "accessibility", searchable=True),
    # What the service worker shows for a page not saved on the device (theme/sw.js).
    ViewPage("offline", "You are offline", "offline", in_nav=False),
)

# Addresses a section or page may not take: the view pages', and those the site engine and our
# outputs write (search index, assets, home page, 404 page, feed, sitemap).
RESERVED = {v.slug for v in VIEW_PAGES} | {"search", "assets", "index", "404", "feed", "sitemap", "pagefind"}
