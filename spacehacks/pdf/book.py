"""The PDF edition as HTML: the publication model through theme/pdf/ templates, for WeasyPrint."""
from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import jinja2

from .. import markup
from ..fonts import font_faces
from ..kits.step import FOLDER, formats_for
from ..views import count_line

PDF_THEME = Path("theme") / "pdf"   # relative to the publication root
PAPERS = {"letter": "letter", "a4": "A4"}
# The folders whose last commit dates the edition: the book changes only when these do.
CONTENT_DIRS = ("content", "hacks", "quotes", "theme")
# Parts of the book besides the categories: cover, colophon and contents; the pages outside the
# sections (introduction, method, …); the appendix.
FRONT, PAGES, BACK = "front", "pages", "back"

_HEADING = re.compile(r"<(/?)h([1-6])\b")
_HEADING_ID = re.compile(r'(<h[1-6])\s+id="[^"]*"')


@dataclass(frozen=True)
class Edition:
    version: str
    date: dt.datetime

    @property
    def iso(self) -> str:
        return self.date.strftime("%Y-%m-%dT%H:%M:%SZ")

    @property
    def human(self) -> str:
        return f"{self.date.day} {self.date:%B %Y}"

    @property
    def label(self) -> str:
        return f"Edition of {self.human}"


def edition(root: Path) -> Edition:
    """Version and date from git (the last commit touching the content), or SOURCE_DATE_EPOCH.

    Never the clock: the same content must give the same bytes on every build.
    """
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True,
                                  check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return ""
    stamp = git("log", "-1", "--format=%ct %h", "--", *CONTENT_DIRS).split()
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or (stamp[0] if stamp else "0")
    version = stamp[1] if len(stamp) > 1 else "unversioned"
    return Edition(version, dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc))


def shift_headings(html: str, depth: int) -> str:
    """Nest a body's headings under a title at level `depth` (its `##` becomes depth + 1).

    Their generated ids go: every hack has a "What to avoid", and the book is one document."""
    html = _HEADING_ID.sub(r"\1", html)
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + depth - 1)}", html)


def category_id(category) -> str:
    return f"category-{category.section.slug}-{category.slug}"


def all_parts(pub) -> list[str]:
    return [FRONT, PAGES, *(category_id(c) for c in pub.categories), BACK]


def interludes(pub) -> dict[str, object]:
    """One quote after each category but the last of the book, in the pool's order."""
    gaps = [category_id(c) for c in pub.categories][:-1]
    return dict(zip(gaps, pub.quotes))


class Book:
    """Renders the book's HTML for one publication; the same Book serves every slice of it."""

    def __init__(self, pub, root: Path | None = None):
        self.pub = pub
        self.root = Path(root or pub.root).resolve()
        self.edition = edition(self.root)
        self.templates = list(pub.templates)
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(self.root / PDF_THEME), autoescape=True,
                                      trim_blocks=True, lstrip_blocks=True)
        md = lambda text, depth=1: jinja2.filters.Markup(shift_headings(markup.render(text or ""), depth))
        self.env.filters["md"] = md
        self.env.filters["md_inline"] = lambda s: jinja2.filters.Markup(markup.render_inline(s or ""))
        by_slug = {h.slug: h for h in pub.hacks}
        self.env.filters["lookup"] = by_slug.get
        quotes = interludes(pub)
        sections = {s.slug: n for n, s in enumerate(pub.sections, 1)}
        self.env.globals.update(
            count_line=count_line, category_id=category_id, interlude=lambda c: quotes.get(category_id(c)),
            section_number=lambda s: sections[s.slug],
            template_files=lambda t: [f"downloads/{FOLDER}/{t.slug}{suffix}" for suffix, _ in formats_for(t)])

    @property
    def base_url(self) -> str:
        return (self.root / PDF_THEME).as_uri() + "/"

    def stylesheets(self, paper: str, extra: str = "") -> list[str]:
        return [font_faces(self.root), (self.root / PDF_THEME / "book.css").read_text(encoding="utf-8"),
                f"@page {{ size: {PAPERS[paper]}; }}\n{extra}"]

    def html(self, parts=None, page_of: dict | None = None, outline: bool = True, local_ids=None) -> str:
        """The book, or the slices named in `parts`. Links to anchors outside `local_ids` go through
        `xref:` so a merge can point them at the right page later."""
        parts = set(parts or all_parts(self.pub))

        def xref(anchor: str) -> str:
            return f"#{anchor}" if local_ids is None or anchor in local_ids else f"xref:{anchor}"

        return self.env.get_template("book.html").render(
            pub=self.pub, info=self.pub.info, edition=self.edition, parts=parts, page_of=page_of,
            outline=outline, xref=xref, templates=self.templates,
            counts={"hacks": len(self.pub.hacks), "sections": len(self.pub.sections),
                    "categories": len(self.pub.categories)})
