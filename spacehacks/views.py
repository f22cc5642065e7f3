"""The site's views as HTML fragments, rendered from the model with our own Jinja templates.

Nothing here knows about MkDocs: an adapter places these fragments into its engine's pages.
Every link is relative to the page it appears on, so the site works under any base path.
"""
from __future__ import annotations

import posixpath
import zlib
from collections.abc import Callable, Sequence
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from .downloads import from_site, template_folder
from .jsdata import script_json
from .layouts import environment
from .model import SOURCE_LANGUAGE
from .phrases import english as t
from .phrases import translation_notices
from .script_strings import script_strings
from .shared_fields import SharedField, fill_templates, grouped
from .template_document import parse
from .template_html import body_html

if TYPE_CHECKING:
    from .downloads import Download
    from .model import Category, Hack, Publication, Quote, Section, Template, Translatable

T = TypeVar("T")

VIEWS_DIR = Path("theme") / "views"  # relative to the publication root
# The home page's "right now" row: what people come for in a hurry, each the hack that answers
# it (a hack not in the publication is left out, so renaming one never breaks the build).
RIGHT_NOW = (
    (t("Someone has overdosed"), "naloxone-overdose-response-keeping-services-open"),
    (t("Someone is escalating"), "escalation-cycle-where-to-step-in"),
    (t("Right after an incident"), "first-hours-after-an-incident"),
    (t("Looking after yourself"), "recovering-after-a-hard-shift"),
)
FEATURED_ON_HOME = 6
RELATED_AT_MOST = 3
# A list of every hack grows with the publication, and a reader on a slow phone pays for all of
# it before the first title shows: all hacks come a page at a time, in reading order, the tags
# page names a few of each tag's hacks (the filter of all hacks finds the rest), and a section's
# page a few of each category's.
ALL_HACKS_PER_PAGE = 60
CATEGORY_PER_PAGE = 30   # with their summaries
TAG_SHOWS = 5
SECTION_SHOWS = 8    # of each category, on its section's page (the category's page has them all)


class FooterLinks(NamedTuple):
    previous: Hack | None
    next: Hack | None
    related: list[Hack]
    featured: list[Hack]


def stable_pick(items: Sequence[T], key: str, k: int = 1) -> list[T]:
    """The same k items for the same key on every build (no randomness between builds)."""
    if not items:
        return []
    start = zlib.crc32(key.encode()) % len(items)
    return [items[(start + i * 7) % len(items)] for i in range(min(k, len(items)))]


def pages_of(items: Sequence[T], per_page: int) -> list[list[T]]:
    """The items in order, in as few pages as hold `per_page` each, the pages as even as can be
    (94 hacks: 47 and 47, not 60 and 34). Always one page, if empty."""
    count = max(1, -(-len(items) // per_page))
    size, extra = divmod(len(items), count)
    out, start = [], 0
    for i in range(count):
        end = start + size + (1 if i < extra else 0)
        out.append(list(items[start:end]))
        start = end
    return out


def all_hacks_url(number: int) -> str:
    """The address of page `number` (from 1) of all hacks."""
    return "hacks/" if number == 1 else f"hacks/{number}/"


class Paging(NamedTuple):
    """Page `number` (from 1) of a list cut into pages, and every page's address."""
    number: int
    items: list[Hack]
    first: int      # the position (from 1) of its first item in the whole list
    total: int
    urls: list[str]

    @property
    def last(self) -> int:
        return self.first + len(self.items) - 1


def paging(pages: list[list[Hack]], number: int, url: Callable[[int], str]) -> Paging:
    return Paging(number, pages[number - 1], sum(map(len, pages[:number - 1])) + 1, sum(map(len, pages)),
                  [url(k) for k in range(1, len(pages) + 1)])


def category_url(category: Category, number: int) -> str:
    """The address of page `number` (from 1) of a category (no hack's name is only digits)."""
    return category.url if number == 1 else f"{category.url}{number}/"


def category_pages(category: Category) -> list[list[Hack]]:
    return pages_of(category.hacks, CATEGORY_PER_PAGE)


def tag_url(slug: str, number: int = 1) -> str:
    """The address of page `number` (from 1) of a tag's hacks."""
    return f"tags/{slug}/" if number == 1 else f"tags/{slug}/{number}/"


def tag_pages(pub: Publication, slug: str) -> list[list[Hack]]:
    return pages_of(pub.hacks_tagged(slug), ALL_HACKS_PER_PAGE)


def used_tags(pub: Publication) -> list[str]:
    """The tags some hack carries, in the tag list's order: each has a page of its own."""
    return [slug for slug in pub.tags if pub.hacks_tagged(slug)]


def by_place(hacks: Sequence[Hack]) -> list[tuple[Section, list[tuple[Category, list[Hack]]]]]:
    """Hacks in reading order under their section and category, as all hacks lists them."""
    groups: list[tuple[Section, list[tuple[Category, list[Hack]]]]] = []
    for h in hacks:
        if not groups or groups[-1][0] is not h.section:
            groups.append((h.section, []))
        inner = groups[-1][1]
        if not inner or inner[-1][0] is not h.category:
            inner.append((h.category, []))
        inner[-1][1].append(h)
    return groups


# Each language named in its own words, as a language switcher shows it.
LANGUAGE_ENDONYMS = {"en": "English", "es": "Español"}


def alternates(pub: Publication) -> list[tuple[str, str]]:
    """(language, prefix from this view's site root to that language's) for every other language
    the publication is read in: translations live at /<language>/, the source language at /."""
    others = [lang for lang, found in pub.translations.items() if found and lang != pub.language]
    if pub.language == SOURCE_LANGUAGE:
        return [(lang, f"{lang}/") for lang in others]
    return [(SOURCE_LANGUAGE, "../")] + [(lang, f"../{lang}/") for lang in others]


def link(from_url: str, to_url: str) -> str:
    """Relative link from one site page (a directory URL like 'a/b/') to another URL."""
    to_url, _, fragment = to_url.partition("#")
    base = from_url.rstrip("/") or "."
    target = to_url.rstrip("/") or "."
    out = posixpath.relpath(target, base)
    if to_url.endswith("/") or to_url == "":
        out = "./" if out == "." else out + "/"
    return out + (f"#{fragment}" if fragment else "")


class Views:
    """Fragments for one publication; each method takes the URL of the page being rendered."""

    def __init__(self, pub: Publication, downloads: list[Download] | None = None) -> None:
        self.pub = pub
        self.downloads = downloads or []
        self.env = environment(Path(pub.root) / VIEWS_DIR, keep_trailing_newline=True, t=pub.t,
                               language=pub.language)
        self.env.globals["tag_url"] = tag_url
        # Looked up on every hack page: computed once, so a build stays linear in the hack count.
        self.featured = pub.featured
        self.reading_order = pub.hacks
        self.position = {h.slug: i for i, h in enumerate(self.reading_order)}

    def _render(self, template: str, url: str, **ctx: object) -> str:
        return self.env.get_template(template).render(
            pub=self.pub, url=url, link=lambda to: link(url, to if isinstance(to, str) else to.url),
            views=self, **ctx)

    @cached_property
    def quote_data(self) -> str:
        return script_json([{"text": q.text, "attribution": q.attribution or ""} for q in self.pub.quotes])

    @cached_property
    def featured_data(self) -> str:
        """Featured hacks for the JS picker; URLs are relative to the site root."""
        return script_json([{"slug": h.slug, "title": h.title, "summary": h.summary,
                             "section": h.section.title, "url": h.url} for h in self.featured])

    @cached_property
    def script_strings(self) -> str:
        return script_strings(self.pub)

    def quote_for(self, key: str) -> Quote | None:
        picked = stable_pick(self.pub.quotes, key)
        return picked[0] if picked else None

    def home(self) -> str:
        known = self.pub.by_slug
        right_now = [(self.pub.t(label), known[slug]) for label, slug in RIGHT_NOW if slug in known]
        return self._render("home.html", "", quote=self.quote_for("home"), right_now=right_now,
                            featured=self.featured[:FEATURED_ON_HOME])

    def section(self, section: Section) -> str:
        return self._render("section.html", section.url, section=section, quote=self.quote_for(section.slug),
                            shows=SECTION_SHOWS)

    def category(self, category: Category, number: int = 1) -> str:
        """Page `number` of a category: its hacks with their summaries, a page's worth at a time."""
        page = paging(category_pages(category), number, partial(category_url, category))
        return self._render("category.html", category_url(category, number), category=category, paging=page,
                            quote=self.quote_for(category.section.slug + "/" + category.slug))

    def hack_header(self, hack: Hack, on_page: Sequence[tuple[str, str]] | None = None) -> str:
        """`on_page`: the hack's own headings as (title, #anchor), for a short list on phones."""
        return self._render("hack_header.html", hack.url, hack=hack, on_page=on_page or [])

    def footer_links(self, hack: Hack) -> FooterLinks:
        """The other hacks a hack's footer leads to (the site's live preview reads them too, to
        know which pages an edit to one hack reaches)."""
        # Previous and next run through the whole publication in reading order, so the last
        # hack of a category leads on into the next category.
        hacks = self.reading_order
        i = self.position[hack.slug]
        previous = hacks[i - 1] if i > 0 else None
        following = hacks[i + 1] if i + 1 < len(hacks) else None
        related = [self.pub.by_slug[s] for s in hack.related if self.pub.by_slug[s] not in (previous, following)]
        others = [h for h in self.featured if h is not hack]
        return FooterLinks(previous, following, related[:RELATED_AT_MOST], stable_pick(others, hack.slug, 2))

    def hack_footer(self, hack: Hack) -> str:
        links = self.footer_links(hack)
        return self._render("hack_footer.html", hack.url, hack=hack, previous=links.previous, next=links.next,
                            related=links.related, featured=links.featured)

    @cached_property
    def all_hacks_pages(self) -> list[list[Hack]]:
        return pages_of(self.reading_order, ALL_HACKS_PER_PAGE)

    def all_hacks(self, number: int = 1) -> str:
        """Page `number` of all hacks: its hacks' titles under their section and category."""
        page = paging(self.all_hacks_pages, number, all_hacks_url)
        used = sorted({t for h in self.pub.hacks for t in h.tags})
        return self._render("all_hacks.html", all_hacks_url(number), groups=by_place(page.items), paging=page,
                            tags=[self.pub.tags[t] for t in used if t in self.pub.tags])

    def random(self) -> str:
        return self._render("random.html", "random/", picks=stable_pick(self.pub.hacks, "random", 5))

    def quotes(self) -> str:
        return self._render("quotes.html", "quotes/")

    def tags(self) -> str:
        tags = [self.pub.tags[slug] for slug in used_tags(self.pub)]
        return self._render("tags.html", "tags/", tags=sorted(tags, key=lambda t: t.title.casefold()),
                            shows=TAG_SHOWS)

    def tag(self, slug: str, number: int = 1) -> str:
        """Page `number` of the hacks that carry a tag, by title under their section and category."""
        page = paging(tag_pages(self.pub, slug), number, partial(tag_url, slug))
        return self._render("tag.html", tag_url(slug, number), tag=self.pub.tags[slug], groups=by_place(page.items),
                            paging=page)

    def footer(self, url: str) -> str:
        return self._render("footer.html", url)

    def language_links(self, url: str, alternates: list[tuple[str, str]]) -> tuple[str, str]:
        """The <head> links to this page in the other languages (hreflang), and the switcher at the
        top of the page; `alternates` are (language, prefix from this site's root to that one's)."""
        found = [(lang, LANGUAGE_ENDONYMS.get(lang, lang), link(url, prefix + url)) for lang, prefix in alternates]
        own = (self.pub.language, LANGUAGE_ENDONYMS.get(self.pub.language, self.pub.language), link(url, url))
        return (self._render("language_head.html", url, alternates=[own, *found]),
                self._render("language_switch.html", url, alternates=found))

    def translation_notice(self, item: Translatable | None, url: str, english: str) -> str:
        """What a reader of a translation is told above a text (phrases.translation_notices), with
        a link to the English page at `english` (relative to the site's root)."""
        notes = translation_notices(self.pub, item) if item is not None else []
        if item is None or not notes:
            return ""
        return self._render("translation_notice.html", url, notes=notes, english=link(url, english),
                            show_english=self.pub.untranslated(item) is False)

    def offline(self) -> str:
        return self._render("offline.html", "offline/")

    def accessibility(self) -> str:
        from .accessibility import tested
        return self._render("accessibility.html", "accessibility/", tested=tested(self.pub))

    def downloads_page(self) -> str:
        return self._render("downloads.html", "downloads/")

    def template_files(self, template: Template) -> list[dict[str, str]]:
        """Each downloadable file of a template (label, url, size), as the output step listed them."""
        # The templates step's records (TemplateDownload) carry `slug` and `files`; the views
        # read them by name so the site does not import an output package.
        return next((getattr(d, "files", []) for d in self.downloads if getattr(d, "slug", None) == template.slug), [])

    @cached_property
    def fill_groups(self) -> list[tuple[str, str, list[SharedField]]]:
        """The shared fill-in fields the templates page's form asks for, by group."""
        return grouped(self.pub)

    @property
    def fill_templates(self) -> list[Template]:
        return fill_templates(self.pub)

    @property
    def fill_folder(self) -> str:
        """The fill-once form's files, from this site's root: this language's template downloads.
        They are published once, under the English site's downloads/, so a translation's site
        (at /<language>/) reaches them one folder up, as its download links do."""
        return from_site(f"downloads/{template_folder(self.pub.language)}/", self.pub.language)

    def templates_index(self) -> str:
        return self._render("templates.html", "templates/")

    def template_page(self, template: Template) -> str:
        # The hacks that name this template first, then the ones its own front matter relates.
        known = self.pub.by_slug
        hacks = template.hacks + [known[s] for s in template.related
                                  if s in known and known[s] not in template.hacks]
        return self._render("template.html", template.url, tpl=template, hacks=hacks,
                            preview=body_html(parse(template, self.pub.fill_ins), top=3))
