"""A template source parsed once into a small document model that every writer reads.

The body goes through the same Markdown renderer as the site (markup.render), then the HTML is
read back into blocks: headings, paragraphs, lists (with checkbox items), tables and notes, each
holding runs of text, bold, italic or a fill-in field. Writers never see Markdown.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html

from . import markup
from .fillins import FillIn, split


@dataclass
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    fill_in: FillIn | None = None   # set for a fill-in field; text is then its label
    href: str | None = None


@dataclass
class Heading:
    level: int          # 1 is the first level inside the body (the title sits above it)
    runs: list[Run]


@dataclass
class Paragraph:
    runs: list[Run]
    note: bool = False  # a blockquote in the source: guidance to the adopting organization

    @property
    def long_answer(self) -> bool:
        """A paragraph that is one long fill-in: printed forms give it a box to write in."""
        return len(self.runs) == 1 and bool(self.runs[0].fill_in) and self.runs[0].fill_in.kind == "long"


@dataclass
class Item:
    runs: list[Run]
    checkbox: bool = False
    children: list["ListBlock"] = field(default_factory=list)


@dataclass
class ListBlock:
    ordered: bool
    items: list[Item]
    start: int = 1


@dataclass
class Table:
    header: list[list[Run]]
    rows: list[list[list[Run]]]


@dataclass
class Document:
    title: str
    kind: str
    summary: str
    blocks: list


def parse(template, vocab: dict[str, str]) -> Document:
    html = markup.render(template.body)
    root = lxml.html.fragment_fromstring(html or "<p></p>", create_parent="div")
    reader = _Reader(vocab)
    blocks = []
    for el in root:
        blocks += reader.block(el)
    return Document(template.title, template.kind, template.summary, blocks)


_CHECKBOX = re.compile(r"^\[( |x|X)\]\s+")


class _Reader:
    def __init__(self, vocab):
        self.vocab = vocab

    def block(self, el) -> list:
        tag = el.tag
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            # Bodies start at '##' (the title is '#'), so '##' is the first heading level.
            return [Heading(max(1, int(tag[1]) - 1), self.runs(el))]
        if tag == "p":
            return [Paragraph(self.runs(el))]
        if tag in ("ul", "ol"):
            return [self.list(el)]
        if tag == "table":
            return [self.table(el)]
        if tag == "blockquote":
            return [Paragraph(b.runs, note=True) for child in el for b in self.block(child)
                    if isinstance(b, Paragraph)]
        if tag == "hr":
            return []
        runs = self.runs(el)
        return [Paragraph(runs)] if runs else []

    def list(self, el) -> ListBlock:
        items = []
        for li in el.findall("li"):
            runs, children = [], []
            if li.text and li.text.strip():
                runs += self.text_runs(li.text, False, False)
            for child in li:
                if child.tag in ("ul", "ol"):
                    children.append(self.list(child))
                elif child.tag == "p":
                    if runs:
                        runs.append(Run("\n"))
                    runs += self.runs(child)
                else:
                    runs += self.inline(child, False, False)
                if child.tail and child.tail.strip() and child.tag in ("ul", "ol", "p"):
                    runs += self.text_runs(child.tail, False, False)
            runs = _trim(runs)
            checkbox = bool(runs and not runs[0].fill_in and _CHECKBOX.match(runs[0].text))
            if checkbox:
                runs[0].text = _CHECKBOX.sub("", runs[0].text)
            items.append(Item(runs, checkbox, children))
        return ListBlock(el.tag == "ol", items, int(el.get("start", 1)))

    def table(self, el) -> Table:
        rows = el.findall(".//tr")
        cells = [[self.runs(c) for c in tr if c.tag in ("td", "th")] for tr in rows]
        has_head = bool(rows) and all(c.tag == "th" for c in rows[0] if c.tag in ("td", "th"))
        return Table(cells[0] if has_head else [], cells[1:] if has_head else cells)

    def runs(self, el) -> list[Run]:
        out = self.text_runs(el.text or "", False, False)
        for child in el:
            out += self.inline(child, False, False)
        return _trim(out)

    def inline(self, el, bold, italic) -> list[Run]:
        if el.tag == "br":
            return [Run("\n")] + self.text_runs(el.tail or "", bold, italic)
        inner_bold = bold or el.tag in ("strong", "b")
        inner_italic = italic or el.tag in ("em", "i")
        out = self.text_runs(el.text or "", inner_bold, inner_italic)
        for child in el:
            out += self.inline(child, inner_bold, inner_italic)
        if el.tag == "a" and el.get("href"):
            for r in out:
                r.href = el.get("href")
        return out + self.text_runs(el.tail or "", bold, italic)

    def text_runs(self, text, bold, italic) -> list[Run]:
        out = []
        for kind, value in split(re.sub(r"\s*\n\s*", " ", text)):
            if kind == "field":
                out.append(Run(value, bold, italic, FillIn(value, self.vocab.get(value, "text"))))
            elif value:
                out.append(Run(value, bold, italic))
        return out


def _trim(runs: list[Run]) -> list[Run]:
    if runs and not runs[0].fill_in:
        runs[0].text = runs[0].text.lstrip()
    if runs and not runs[-1].fill_in:
        runs[-1].text = runs[-1].text.rstrip()
    return [r for r in runs if r.text or r.fill_in]
