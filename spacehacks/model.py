"""The publication as one in-memory model. Knows nothing of MkDocs, WeasyPrint or any output."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path


@dataclass
class Tag:
    slug: str
    title: str
    description: str


@dataclass
class Hack:
    slug: str
    title: str
    summary: str
    body: str
    path: str
    body_line: int
    section: Section = field(repr=False)
    category: Category = field(repr=False)
    featured: bool = False
    tags: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    templates: list[str] = field(default_factory=list)
    updated: dt.date | None = None
    key_lines: dict[str, int] = field(default_factory=dict, repr=False)
    # The passages the body includes, directly or through another, most specific first, each
    # with the id of the anchor where the text that brings it in starts.
    passages: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"{self.category.url}{self.slug}/"


@dataclass
class Grouping:
    """What a section and a category both are: a titled, ordered text that groups hacks."""
    slug: str
    title: str
    tagline: str
    order: int
    intro: str
    path: str


@dataclass
class Category(Grouping):
    section: Section = field(repr=False)
    hacks: list[Hack] = field(default_factory=list)
    body_line: int = 1

    @property
    def url(self) -> str:
        return f"{self.section.slug}/{self.slug}/"


@dataclass
class Section(Grouping):
    categories: list[Category] = field(default_factory=list)
    body_line: int = 1

    @property
    def url(self) -> str:
        return f"{self.slug}/"

    @property
    def hacks(self) -> list[Hack]:
        return [h for c in self.categories for h in c.hacks]


@dataclass
class Quote:
    slug: str
    text: str
    path: str
    attribution: str | None = None
    source: str | None = None
    body_line: int = 1


@dataclass
class Page:
    slug: str
    title: str
    order: int
    body: str
    path: str
    summary: str | None = None
    body_line: int = 1

    @property
    def url(self) -> str:
        return f"{self.slug}/"


@dataclass
class Template:
    """A policy, protocol or form that organizations download and adapt (content/templates/)."""
    slug: str
    title: str
    kind: str            # "policy", "protocol" or "form"
    summary: str
    body: str
    path: str
    body_line: int = 1
    related: list[str] = field(default_factory=list)
    key_lines: dict[str, int] = field(default_factory=dict, repr=False)
    hacks: list[Hack] = field(default_factory=list, repr=False)  # hacks whose front matter names it

    @property
    def url(self) -> str:
        return f"templates/{self.slug}/"


@dataclass
class Publication:
    root: Path
    info: dict
    sections: list[Section] = field(default_factory=list)
    tags: dict[str, Tag] = field(default_factory=dict)
    quotes: list[Quote] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    templates: list[Template] = field(default_factory=list)
    # Fill-in field vocabulary for templates: label -> kind (content/templates/fields.yml).
    fill_ins: dict[str, str] = field(default_factory=dict)
    # Hack files that exist but could not be read; other files may still refer to them.
    unreadable_hacks: set[str] = field(default_factory=set)
    # Each passage's key steps (content/passages/, `key_steps:`), for passages that have them.
    key_steps: dict[str, list[str]] = field(default_factory=dict)

    @property
    def hacks(self) -> list[Hack]:
        """Every hack, in reading order: section, category, then title."""
        return [h for s in self.sections for h in s.hacks]

    @property
    def categories(self) -> list[Category]:
        return [c for s in self.sections for c in s.categories]

    @property
    def featured(self) -> list[Hack]:
        return [h for h in self.hacks if h.featured]

    @property
    def recently_updated(self) -> list[Hack]:
        """Hacks with an `updated:` date, newest first (the home page list and the feed)."""
        return sorted((h for h in self.hacks if h.updated),
                      key=lambda h: (-(h.updated or dt.date.min).toordinal(), h.title.casefold()))

    @cached_property
    def by_slug(self) -> dict[str, Hack]:
        """Every hack by file name. Built on first use: outputs read the model only once loading
        has finished, and nothing changes it after that."""
        return {h.slug: h for h in self.hacks}

    def hack(self, slug: str) -> Hack:
        return self.by_slug[slug]

    def template(self, slug: str) -> Template:
        return next(t for t in self.templates if t.slug == slug)

    def key_steps_of(self, hack: Hack) -> tuple[list[str], str | None]:
        """The key steps a hack opens with, most specific passage first and none twice, and the
        anchor of the text they come from (None, and no steps, for a hack without any)."""
        steps: list[str] = []
        anchor = None
        for name, where in hack.passages.items():
            for step in self.key_steps.get(name, []):
                anchor = anchor or where
                if step not in steps:
                    steps.append(step)
        return steps, anchor

    def hacks_tagged(self, tag: str) -> list[Hack]:
        return [h for h in self.hacks if tag in h.tags]
