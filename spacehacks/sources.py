"""Where a publication lives in its repository, and the web addresses its site keeps for itself.

Every module that reads the sources, watches them, dates an edition from them or keeps editors'
files off the site's own addresses takes these names from here.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# The languages translations are written in. A translation lives beside its source, named with
# the language before the extension: hacks/…/<slug>.es.md translates hacks/…/<slug>.md.
TRANSLATION_LANGUAGES = ("es",)


def translation_language(path: Path) -> str | None:
    """The language a file translates into, or None for a source file."""
    stem, dot, language = path.stem.rpartition(".")
    return language if dot and stem and language in TRANSLATION_LANGUAGES else None


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
