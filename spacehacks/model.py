"""The publication as one in-memory model. Knows nothing of MkDocs, WeasyPrint or any output."""
from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .fillins import FIELD

if TYPE_CHECKING:
    from .passages import Passage

SOURCE_LANGUAGE = "en"
# The publication's own words readers see (content/publication.yml); their translations are in
# the interface catalogue, keyed by the English.
TRANSLATED_INFO = ("title", "subtitle", "series", "description")


@dataclass
class Translation:
    """One file translating one source file (a hack, section, category, page, template or passage)
    into one language: its translated words and which version of the source it translates."""
    language: str
    kind: str                    # "hack", "section", "category", "page", "template" or "passage"
    path: str                    # the translation's file, e.g. hacks/a/b/slug.es.md
    source_path: str             # the file it translates, e.g. hacks/a/b/slug.md
    values: dict[str, str | list[str]]   # translated front matter: title, summary, tagline, key steps
    body: str                    # translated body, shared passages already included
    body_line: int
    reviewed: bool
    source_hash: str | None      # the source's hash when the translation was last marked
    current_hash: str            # the source's hash now
    key_lines: dict[str, int] = field(default_factory=dict, repr=False)

    @property
    def outdated(self) -> bool:
        """The source changed since the translation was marked (never marked is not outdated:
        it is reported on its own)."""
        return self.source_hash is not None and self.source_hash != self.current_hash

    @property
    def current(self) -> bool:
        return self.source_hash == self.current_hash


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
    language: str = SOURCE_LANGUAGE          # the language of the words it holds
    translation: Translation | None = field(default=None, repr=False)

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
    language: str = SOURCE_LANGUAGE
    translation: Translation | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"{self.section.slug}/{self.slug}/"


@dataclass
class Section(Grouping):
    categories: list[Category] = field(default_factory=list)
    body_line: int = 1
    language: str = SOURCE_LANGUAGE
    translation: Translation | None = field(default=None, repr=False)

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
    language: str = SOURCE_LANGUAGE
    translation: Translation | None = field(default=None, repr=False)

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
    language: str = SOURCE_LANGUAGE
    translation: Translation | None = field(default=None, repr=False)

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
    # The language this view of the publication is in; see in_language().
    language: str = SOURCE_LANGUAGE
    # Every translation, by language, then by the path of the file it translates.
    translations: dict[str, dict[str, Translation]] = field(default_factory=dict, repr=False)
    # Interface strings by language: the English string -> its translation (content/i18n/<lang>.yml).
    catalogues: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)
    # Fill-in labels by language: the English label -> the label readers see (fields.<lang>.yml).
    fill_in_labels: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)
    # Tag titles and descriptions by language (content/tags.<lang>.yml); slugs never change.
    tag_translations: dict[str, dict[str, Tag]] = field(default_factory=dict, repr=False)
    # Shared passages by name (content/passages/), as loaded; bodies already include them.
    passages: dict[str, Passage] = field(default_factory=dict, repr=False)
    # Problems that do not stop a build (outdated translations, for one), set by load.check.
    warnings: list = field(default_factory=list, repr=False)

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

    def in_language(self, language: str) -> Publication:
        """The same publication for readers of `language`: translated words wherever a
        translation exists, the source's words (with `language` left at the source language, so
        outputs can say so) wherever it does not; the same slugs, tags, links, templates and order.
        """
        if language == self.language:
            return self
        view = copy.deepcopy(self)
        view.language = language
        view.info = {**self.info, "language": language}
        for key in TRANSLATED_INFO:
            if isinstance(self.info.get(key), str):
                view.info[key] = view.t(self.info[key].strip())
        view.tags = {**self.tags, **self.tag_translations.get(language, {})}
        found = self.translations.get(language, {})
        items: list[Hack | Section | Category | Page | Template] = [
            *view.hacks, *view.sections, *view.categories, *view.pages, *view.templates]
        for item in items:
            t = found.get(item.path)
            if t is None:
                continue
            item.language, item.translation = language, t
            for name, value in t.values.items():
                setattr(item, name, value)
            setattr(item, "intro" if t.kind in ("section", "category") else "body", t.body)
        view.key_steps = {**self.key_steps, **{
            name: list(t.values["key_steps"]) for name, passage in self.passages.items()
            if (t := found.get(passage.path)) is not None and isinstance(t.values.get("key_steps"), list)}}
        labels = self.fill_in_labels.get(language, {})
        if labels:   # translated templates show their fill-in fields with the translated labels
            view.fill_ins = {**self.fill_ins, **{labels[k]: kind for k, kind in self.fill_ins.items() if k in labels}}
            for template in view.templates:
                if template.language == language:
                    template.body = FIELD.sub(
                        lambda m: f"[[{labels.get(m.group(1), m.group(1))}]]", template.body)
        return view

    def untranslated(self, item: Translatable) -> bool:
        """True when `item` shows the source's words in a view meant for another language."""
        return item.language != self.language

    def t(self, text: str, **values: object) -> str:
        """One of our own interface strings in this view's language, with {name} placeholders
        filled in. A string the catalogue lacks stays in English (`build.py check` says so)."""
        chosen = self.catalogues.get(self.language, {}).get(text) or text
        return fill(chosen, values)

    def label(self, fill_in: str) -> str:
        """A template's fill-in label as readers of this view see it."""
        return self.fill_in_labels.get(self.language, {}).get(fill_in) or fill_in


# What a language view can show in translation (or, lacking one, in the source's words).
Translatable = Hack | Section | Category | Page | Template


PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def fill(text: str, values: dict[str, object]) -> str:
    """Replace {name} placeholders. Not str.format: catalogues are editors' files, and format
    would let a string reach into the values' attributes."""
    return PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), text)
