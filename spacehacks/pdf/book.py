"""The PDF edition as HTML: the publication model through theme/pdf/ templates, for WeasyPrint."""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import logging
import os
import re
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from .. import markup
from ..buildstamp import hash_paths
from ..downloads import template_urls
from ..fetch import BookFetcher, Source
from ..fonts import font_faces
from ..layouts import environment
from ..model import SOURCE_LANGUAGE
from ..phrases import edition_label, human_date, translation_notices
from ..problems import BuildError
from ..sources import CONTENT_DIRS, THEME_DIR, is_translation_file
from .anchors import category_id, jinja_globals
from .typography import smarten_html

if TYPE_CHECKING:
    from ..model import Category, Hack, Page, Publication, Quote, Section, Template

log = logging.getLogger("spacehacks")

PDF_THEME = Path("theme") / "pdf"   # relative to the publication root
PAPERS = {"letter": "letter", "a4": "A4"}
LABELS = {"letter": "US Letter", "a4": "A4"}
# Paper width, and the inner (binding) margin, in mm. The text is as wide on both papers, about
# 70 characters of 11 pt Charis SIL a line; the outer margin takes the rest.
WIDTHS = {"letter": 215.9, "a4": 210}
HEIGHTS = {"letter": 279.4, "a4": 297}
TEXT_WIDTH, INNER = 128, 28
# The folders whose last commit dates the edition: the book changes only when these do.
EDITION_DIRS = (*CONTENT_DIRS, THEME_DIR)
# Parts of the book besides the categories: cover, colophon and contents; the pages outside the
# sections (introduction, method, …); the appendix.
FRONT, PAGES, BACK = "front", "pages", "back"

_HEADING = re.compile(r"<(/?)h([1-6])\b")
_HEADING_ID = re.compile(r'(<h[1-6])\s+id="[^"]*"')
# Where a passage starts in a hack (passages.anchor_id): the site links there from the key steps;
# the book sets the steps in a box above and is one document, where the ids would repeat.
_PASSAGE_ANCHOR = re.compile(r'(<p>)?<a id="passage-[\w-]+"></a>(?(1)</p>)\n?')




@dataclass(frozen=True)
class Edition:
    """Which edition readers hold (content/publication.yml's `edition`) and when it was set.
    The commit (`version`) only goes into the PDF's metadata: readers cannot use a hash."""
    version: str
    date: dt.datetime
    number: int = 1
    language: str = SOURCE_LANGUAGE

    @property
    def iso(self) -> str:
        return self.date.strftime("%Y-%m-%dT%H:%M:%SZ")

    @property
    def human(self) -> str:
        return human_date(self.date, self.language)

    @property
    def label(self) -> str:
        return edition_label(self.number, self.date, self.language)


# Latest SOURCE_DATE_EPOCH accepted: the last second of the year 9999, as far as dates go.
MAX_EPOCH = 253_402_300_799


def edition_date() -> int | None:
    """SOURCE_DATE_EPOCH as a number, None when unset; a value that is not a time is an error."""
    raw = os.environ.get("SOURCE_DATE_EPOCH")
    if raw is None or raw == "":
        return None
    value = raw.strip()
    if not value.isascii() or not value.isdigit() or len(value) > 12 or int(value) > MAX_EPOCH:
        shown = raw if len(raw) <= 40 else raw[:37] + "..."
        raise BuildError(f"SOURCE_DATE_EPOCH is {shown!r}, which is not a time: it must be a whole number of "
                         f"seconds since 1970-01-01 UTC, from 0 to {MAX_EPOCH} (for example "
                         "SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)), or unset.")
    return int(value)


def edition(root: Path, number: int = 1, language: str = SOURCE_LANGUAGE) -> Edition:
    """Version and date from git (the last commit touching the content), or SOURCE_DATE_EPOCH.

    Never the clock: the same content must give the same bytes on every build. Without git (or
    outside a repository) the version is a fingerprint of the content and the date is that of
    the newest content file, so the book still says which content it holds and from when.
    """
    epoch = edition_date()
    try:
        # The source language's edition is dated by its own texts: a translation committed
        # beside them leaves the English book as it was.
        skip = [] if language != SOURCE_LANGUAGE else [
            ":(exclude,glob)**/*.*.md", ":(exclude,glob)**/*.*.yml", ":(exclude)content/i18n"]
        found = subprocess.run(["git", "log", "-1", "--format=%ct %h", "--", *EDITION_DIRS, *skip], cwd=root,
                               capture_output=True, text=True, check=False)
        stamp = found.stdout.split() if found.returncode == 0 else []
        why = "git knows no commit of the content" if found.returncode == 0 else "this folder is not a git repository"
    except OSError:
        stamp, why = [], "git was not found"
    if len(stamp) == 2:
        return Edition(stamp[1], _utc(epoch if epoch is not None else int(stamp[0])), number, language)
    dirs = [root / d for d in EDITION_DIRS]
    digest = hashlib.sha256()
    skipped = is_translation_file if language == SOURCE_LANGUAGE else None
    hash_paths(digest, dirs, skip=skipped)
    if epoch is None:
        epoch = max((int(f.stat().st_mtime) for d in dirs if d.is_dir() for f in d.rglob("*")
                     if f.is_file() and not (skipped and skipped(f))), default=0)
    log.warning("Warning: %s, so the book's version is its content's fingerprint and its date is "
                "%s (SOURCE_DATE_EPOCH or the newest content file).", why, _utc(epoch).date())
    return Edition(f"content {digest.hexdigest()[:10]}", _utc(epoch), number, language)


def _utc(epoch: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(epoch, dt.UTC)


def content_sources(pub: Publication) -> list[Source]:
    """Every content file whose text reaches the book, to name the one that asked for a file."""
    items: list[Hack | Page | Section | Category | Template | Quote] = [
        *pub.hacks, *pub.pages, *pub.sections, *pub.categories, *pub.templates, *pub.quotes]
    fields = ("title", "summary", "tagline", "body", "intro", "text", "attribution", "source")
    sources = [Source(i.path, "\n".join(str(getattr(i, f, "") or "") for f in fields)) for i in items]
    return sources + [Source("content/publication.yml", "\n".join(map(str, pub.info.values())))]


def edition_number(info: dict) -> int:
    try:
        return max(1, int(info.get("edition") or 1))
    except (TypeError, ValueError):
        return 1


def web_address(site_url: str | None, path: str) -> Markup:
    """A download's address, whole (under `site_url` when the publication has one), never broken
    inside a name: only after a slash, where a reader copying it cannot mistake the break."""
    address = f"{site_url.rstrip('/')}/{path}" if site_url else path
    parts = [escape(p) for p in re.split(r"(?<=/)", address) if p]
    return Markup("\u200b").join(Markup(f'<span class="url-part">{p}</span>')
                                                for p in parts)


def blank_form(template: Template, fill_ins: dict[str, str]) -> Markup:
    """A form as printed in the appendix: the template's own body with its blanks to fill in by
    hand, the same HTML as its printable PDF."""
    from ..template_document import parse
    from ..template_html import body_html
    html = str(body_html(parse(template, fill_ins), "print", top=4))
    # The book's fonts have no ☐: the box is drawn by book.css instead.
    return Markup(shift_headings(html.replace(">\u2610<", "><"), 1))


def shift_headings(html: str, depth: int) -> str:
    """Nest a body's headings under a title at level `depth` (its `##` becomes depth + 1).

    Their generated ids go: every hack has a "What to avoid", and the book is one document."""
    html = _PASSAGE_ANCHOR.sub("", _HEADING_ID.sub(r"\1", html))
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + depth - 1)}", html)


def all_parts(pub: Publication) -> list[str]:
    return [FRONT, PAGES, *(category_id(c) for c in pub.categories), BACK]


def interludes(pub: Publication) -> dict[str, Quote]:
    """One quote between each two categories of the book, in the pool's order. It is set at the
    head of the later one, kept with the hack that follows, so no page ever holds only a quote."""
    gaps = [category_id(c) for c in pub.categories][1:]
    return dict(zip(gaps, pub.quotes, strict=False))


def section_view(pub: Publication, section: Section) -> Publication:
    """The publication as one section's own PDF sees it: that section, no other pages."""
    return dataclasses.replace(pub, sections=[section], pages=[], templates=[])


class Book:
    """Renders the book's HTML for one publication; the same Book serves every slice of it. With
    `section`, the book of that one section (for a training on one topic): its own cover,
    contents and back page, numbered and quoted as in the whole book."""

    def __init__(self, pub: Publication, root: Path | None = None, section: Section | None = None) -> None:
        self.full, self.section = pub, section
        pub = section_view(pub, section) if section else pub
        self.pub = pub
        self.root = Path(root or pub.root).resolve()
        self.edition = edition(self.root, edition_number(pub.info), pub.language)
        self.templates = list(pub.templates)
        self._sources: list[Source] | None = None
        self.env = environment(self.root / PDF_THEME, t=pub.t, language=pub.language)   # the book's language
        # The book is one document: a body's headings nest under its title, at `depth`.
        self.env.filters["md"] = lambda text, depth=1: Markup(shift_headings(markup.render(text or ""), depth))
        self.env.filters["lookup"] = pub.by_slug.get
        self.env.filters["file_name"] = lambda path: path.rsplit("/", 1)[-1]
        quotes = interludes(self.full)
        sections = {s.slug: n for n, s in enumerate(self.full.sections, 1)}
        self.env.globals.update(jinja_globals())
        self.env.globals.update(
            interlude=lambda c: quotes.get(category_id(c)),
            section_number=lambda s: sections[s.slug],
            template_files=template_urls,
            web_address=lambda path: web_address(pub.info.get("site_url"), path),
            form_html=lambda t: blank_form(t, pub.fill_ins), key_steps=lambda h: pub.key_steps_of(h)[0],
            # What a reader of a translated edition must know about a text (none in English).
            notices=lambda item: translation_notices(pub, item),
            # In a translated edition each text says its language, even the page's own (unlike
            # layouts' words_lang): texts nest (a translated hack in a section shown in English),
            # and each is hyphenated as the language it is in. The English book's bytes stay.
            words_lang=lambda item: Markup(f' lang="{item.language}"') if pub.language != SOURCE_LANGUAGE else "")

    def fetcher(self, paper: str) -> BookFetcher:
        """The only way WeasyPrint reads files for this book (see fetch.py)."""
        if self._sources is None:
            self._sources = content_sources(self.pub)
        return BookFetcher(self.root, f"the {LABELS[paper]} PDF edition", self._sources, self.base_url)

    @property
    def base_url(self) -> str:
        return (self.root / PDF_THEME).as_uri() + "/"

    def stylesheets(self, paper: str, extra: str = "") -> list[str]:
        outer = WIDTHS[paper] - TEXT_WIDTH - INNER
        pages = (f"@page {{ size: {PAPERS[paper]}; }}\n"
                 f"@page :right {{ margin-left: {INNER}mm; margin-right: {outer:.1f}mm; }}\n"
                 f"@page :left {{ margin-left: {outer:.1f}mm; margin-right: {INNER}mm; }}\n"
                 # full bleed, whichever side they fall on
                 "@page cover:right, cover:left, back:right, back:left { margin: 0; }\n"
                 # The page's own height, not 100vh: laid out in a slice, the viewport is the
                 # slice's first page, margins and all, and the back page stopped short of the edge.
                 f".cover, .back-page {{ height: {HEIGHTS[paper]}mm; }}\n")
        return [font_faces(self.root), (self.root / PDF_THEME / "book.css").read_text(encoding="utf-8"),
                pages + self.language_css() + extra]

    def language_css(self) -> str:
        """book.css names a few parts in English (running heads); a translated book names them
        in its own language (its bookmarks are outline.py's). Nothing for the source language:
        its bytes stay the same."""
        pub = self.pub
        if pub.language == SOURCE_LANGUAGE:
            return ""

        def css(text: str) -> str:
            return '"' + "".join(c if c.isalnum() or c in " .,:;·-" else f"\\{ord(c):x} " for c in text) + '"'

        return (f".contents-title {{ string-set: running {css(pub.t('Contents'))}; }}\n"
                f".appendix-title {{ string-set: section {css(pub.t('Appendix'))}, running \"\"; }}\n"
                # Translated titles run longer, and WeasyPrint drops the floated number of a title
                # that nearly fills its line onto a line of its own. As a table, the title wraps
                # in its own cell and the number stays at the end of the entry's last line.
                ".toc-link { display: table; width: 100%; }\n"
                ".toc-link .toc-title { display: table-cell; }\n"
                # The number written in (page_of) sits in the same cell as target-counter's.
                ".toc-link::after, .toc-link .toc-page-number { float: none; display: table-cell; "
                "width: 2.5em; padding-left: 1em; text-align: right; vertical-align: bottom; }\n")

    def html(self, parts: Iterable[str] | None = None, page_of: Mapping[str, int | str] | None = None,
             local_ids: set[str] | None = None) -> str:
        """The book, or the slices named in `parts`. Links to anchors outside `local_ids` go through
        `xref:` so a merge can point them at the right page later."""
        parts = set(parts or all_parts(self.pub))

        def xref(anchor: str) -> str:
            return f"#{anchor}" if local_ids is None or anchor in local_ids else f"xref:{anchor}"

        return smarten_html(self.env.get_template("book.html").render(
            pub=self.pub, info=self.pub.info, edition=self.edition, parts=parts, page_of=page_of, part=self.section,
            xref=xref, templates=self.templates,
            counts={"hacks": len(self.pub.hacks), "sections": len(self.pub.sections),
                    "categories": len(self.pub.categories)}))
