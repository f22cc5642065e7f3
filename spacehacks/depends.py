"""What each page of the site shows of the publication, so a live preview rebuilds only the pages
an edit changes.

`page_inputs` maps every page address to a digest of all the model data its view reads: a page
whose digest is the same after an edit shows the same thing and need not be built again. What
every page shows (the navigation's sections, categories and pages, the footer's latest update,
the publication's settings, the downloads) is part of every digest, so changing it rebuilds
everything. Adding a field to a view means adding it here too; the preview's equality test
(tests/test_editor_preview.py) catches a page left stale.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .sources import VIEW_PAGES
from .views import (
    FEATURED_ON_HOME,
    RIGHT_NOW,
    Views,
    all_hacks_url,
    alternates,
    category_pages,
    category_url,
    stable_pick,
    tag_pages,
    tag_url,
    used_tags,
)

if TYPE_CHECKING:
    from .downloads import Download
    from .model import Hack, Publication, Section

HOME = ""


def listed(h: Hack | None) -> tuple[object, ...]:
    """What any list, card or link of a hack shows of it."""
    if h is None:
        return ()
    return (h.slug, h.url, h.title, h.summary, h.section.title, h.category.title, tuple(h.tags), h.featured,
            h.updated)


def _listed_all(hacks: Iterable[Hack]) -> tuple[object, ...]:
    return tuple(listed(h) for h in hacks)


def _digest(*parts: object) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).hexdigest()


def _everywhere(pub: Publication, downloads: list[Download]) -> tuple[object, ...]:
    return (
        sorted((str(k), repr(v)) for k, v in pub.info.items()),
        [(s.slug, s.title, [(c.slug, c.title) for c in s.categories]) for s in pub.sections],
        [(p.slug, p.title) for p in pub.pages],
        bool(pub.templates),                         # the Templates page is in the navigation
        _listed_all(pub.recently_updated[:1]),       # the site footer names the latest update
        [repr(d) for d in downloads],
        pub.language, alternates(pub),               # every page links to its translations
    )


def _quotes(pub: Publication) -> tuple[object, ...]:
    return tuple((q.slug, q.text, q.attribution, q.source) for q in pub.quotes)


def _section(s: Section) -> tuple[object, ...]:
    return (s.slug, s.title, s.tagline, s.intro,
            [(c.slug, c.title, c.tagline, c.intro, _listed_all(c.hacks)) for c in s.categories])


def page_inputs(pub: Publication, downloads: list[Download] | None = None) -> dict[str, str]:
    """Every page's address (as Hack.url and the others write it) with a digest of what it shows."""
    views = Views(pub, downloads)
    # Digested once, then named by their digest in each page's (repr of a large tuple costs).
    everywhere = _digest(_everywhere(pub, downloads or []))
    quotes = _digest(_quotes(pub))
    # A template's page lists the hacks that name it and those it relates to itself.
    templates = tuple((t.slug, t.title, t.kind, t.summary, t.body, _listed_all(t.hacks),
                       _listed_all(pub.by_slug[s] for s in t.related if s in pub.by_slug))
                      for t in pub.templates)
    templates_shown = _digest(templates, pub.fill_ins)
    tags = tuple((t.slug, t.title, t.description) for t in pub.tags.values())
    out: dict[str, str] = {}
    right_now = [(label, listed(pub.by_slug.get(slug))) for label, slug in RIGHT_NOW]
    out[HOME] = _digest(everywhere, quotes, right_now, len(pub.hacks), [_section(s) for s in pub.sections],
                        _listed_all(pub.featured[:FEATURED_ON_HOME]), _listed_all(pub.recently_updated[:5]))
    for p in pub.pages:
        out[p.url] = _digest(everywhere, p.title, p.summary, p.body)
    for s in pub.sections:
        out[s.url] = _digest(everywhere, quotes, _section(s))
        for c in s.categories:
            out[c.url] = _digest(everywhere, quotes, s.url, s.title, c.slug, c.title, c.tagline, c.intro,
                                 _listed_all(c.hacks))
            for k in range(2, len(category_pages(c)) + 1):   # each page's pager names them all
                out[category_url(c, k)] = out[c.url]
    for h in pub.hacks:
        links = views.footer_links(h)
        out[h.url] = _digest(
            everywhere, listed(h), h.body, h.path, tuple(h.related), tuple(h.templates), tuple(h.passages.items()),
            pub.key_steps_of(h), [(t, pub.tags[t].title if t in pub.tags else t) for t in h.tags],
            [(t.slug, t.url, t.title, t.kind) for slug in h.templates for t in pub.templates if t.slug == slug],
            listed(links.previous), listed(links.next), _listed_all(links.related), _listed_all(links.featured))
    # The generated views list the whole publication: any change to what a list shows of a hack
    # rebuilds them all (a handful of pages), a change to a hack's text alone does not.
    listing = _digest(everywhere, quotes, templates, tags, _listed_all(pub.hacks), pub.fill_ins,
                      [_section(s) for s in pub.sections], stable_pick(_listed_all(pub.hacks), "random", 5))
    for v in VIEW_PAGES:
        out[f"{v.slug}/"] = listing
    for k in range(2, len(views.all_hacks_pages) + 1):
        out[all_hacks_url(k)] = listing
    for slug in used_tags(pub):
        for k in range(1, len(tag_pages(pub, slug)) + 1):
            out[tag_url(slug, k)] = listing
    for t in pub.templates:
        out[t.url] = _digest(everywhere, templates_shown, t.slug)
    return out


def changed_pages(before: dict[str, str], after: dict[str, str]) -> tuple[set[str], set[str]]:
    """The addresses to build (new or showing something else) and those gone since `before`."""
    return {url for url, digest in after.items() if before.get(url) != digest}, set(before) - set(after)
