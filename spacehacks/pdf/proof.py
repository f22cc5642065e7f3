"""Proof that a rendered PDF edition is complete, read back from the PDF itself.

Every section, category and hack must be in the bookmarks under the right parent, every contents
entry must name the page the thing is really on, and no page may be blank. A failure is a
ContentError, so the build stops with a plain list instead of publishing a book with holes.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from pypdf import PdfReader

from ..problems import ContentError, Problem


class ProofError(ContentError):
    """The PDF edition is not complete; raised after a render, before anything is published."""

    def __reduce__(self):  # crosses from a worker process intact, problems and all
        return (type(self), (self.problems,))


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


def page_texts(pdf: Path) -> list[str]:
    """Each page's text, by poppler's pdftotext (pure-Python extraction is ~50x slower)."""
    if not shutil.which("pdftotext"):
        raise ContentError([Problem(str(pdf.name), 0, "checking the PDF edition needs pdftotext: "
                                    "install Debian's poppler-utils (apt-get install poppler-utils).")])
    # -layout keeps each contents entry's page number on the entry's line, wherever it floats.
    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                         check=True).stdout.decode("utf-8")
    return out.split("\f")[:-1]


def outline_tree(reader: PdfReader) -> list[tuple[str, int, list]]:
    """Bookmarks as (title, page index, children)."""
    def walk(items):
        tree = []
        for item in items:
            if isinstance(item, list):
                if tree:
                    tree[-1][2].extend(walk(item))
                continue
            tree.append((_norm(item.title), reader.get_destination_page_number(item), []))
        return tree
    return walk(reader.outline)


def contents_numbers(text: str, titles: list[str]) -> list[int | None]:
    """The page number the contents gives for each title, read in order."""
    found, pos = [], 0
    for title in titles:
        m = re.compile(re.escape(_norm(title)) + r"\s*[.\s]*?\s(\d+)\b").search(text, pos)
        if not m:
            found.append(None)
            continue
        found.append(int(m.group(1)))
        pos = m.end()
    return found


def prove(pub, pdf: Path, label: str) -> None:
    """Raise ProofError listing everything missing or misplaced in `pdf`."""
    reader = PdfReader(pdf)
    raw = page_texts(pdf)
    texts = [_norm(t) for t in raw]
    problems: list[Problem] = []

    def fail(path: str, message: str, line: int = 1) -> None:
        problems.append(Problem(path, line, f"the {label} PDF edition: {message}"))

    tree = outline_tree(reader)
    top = {title: (page, kids) for title, page, kids in tree}
    contents = top.get("Contents")
    if contents is None:
        fail(label, "has no 'Contents' bookmark, so its contents page could not be checked.", 0)
        raise ProofError(problems)
    after = [page for _, page, _ in tree if page > contents[0]]
    contents_text = " ".join(texts[contents[0]:min(after, default=len(texts))])

    hacks = pub.hacks
    numbers = dict(zip((h.slug for h in hacks), contents_numbers(contents_text, [h.title for h in hacks])))
    for section in pub.sections:
        if section.title not in top:
            fail(section.path, f"section '{section.title}' has no bookmark.")
            continue
        page, kids = top[section.title]
        if section.title not in texts[page]:
            fail(section.path, f"section '{section.title}' is not on the page its bookmark names ({page + 1}).")
        categories = {title: (p, k) for title, p, k in kids}
        for category in section.categories:
            if category.title not in categories:
                fail(category.path, f"category '{category.title}' is not in the bookmarks under "
                                    f"'{section.title}'.")
                continue
            cpage, hack_marks = categories[category.title]
            if category.title not in texts[cpage]:
                fail(category.path, f"category '{category.title}' is not on page {cpage + 1}, "
                                    "where its bookmark points.")
            marks = {title: p for title, p, _ in hack_marks}
            for hack in category.hacks:
                _prove_hack(hack, marks, numbers.get(hack.slug), texts, fail)
    heads = sorted({_norm(t) for t in ["Contents", "Appendix", *(p.title for p in pub.pages),
                                       *(x.title for x in [*pub.sections, *pub.categories, *hacks])]},
                   key=len, reverse=True)
    for index, text in enumerate(raw):
        if not _has_body(text, heads):
            fail(label, f"page {index + 1} is blank.", index + 1)
    if problems:
        raise ProofError(problems)


def _prove_hack(hack, marks: dict, number: int | None, texts: list[str], fail) -> None:
    title = _norm(hack.title)
    if title not in marks:
        fail(hack.path, f"hack '{hack.title}' is not in the bookmarks under '{hack.category.title}'.")
        return
    if number is None:
        fail(hack.path, f"hack '{hack.title}' is missing from the contents.")
        return
    if not 1 <= number <= len(texts) or title not in texts[number - 1]:
        fail(hack.path, f"the contents puts hack '{hack.title}' on page {number}, but it is not there.")
    elif marks[title] != number - 1:
        fail(hack.path, f"hack '{hack.title}' is on page {number} but its bookmark points to page "
                        f"{marks[title] + 1}.")


def _has_body(text: str, heads: list[str]) -> bool:
    """A page with nothing but its running heads (the first line) and its page number is blank."""
    lines = [_norm(line) for line in text.splitlines() if line.strip()]
    if lines:
        first = lines[0]
        for head in heads:
            first = first.replace(head, " ")
        if not first.strip():
            lines = lines[1:]
    return any(not line.isdigit() for line in lines)
