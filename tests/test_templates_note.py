"""The "make it your own" note is written once (spacehacks/phrases.py) and every output carries
the same words: each template's DOCX, ODT, PDF in both papers and Markdown, the site's templates
page and each template's page, and the PDF book's appendix in both papers."""
from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import docx
import pikepdf
from odf import teletype
from odf import text as odf_text
from odf.opendocument import load as load_odt

from spacehacks.downloads import PRINTABLE
from spacehacks.pdf.structure import destinations
from spacehacks.phrases import MAKE_IT_YOURS


def flat(text: str) -> str:
    """Text as a reader reads it: one space between words, printer's apostrophes as typed."""
    return " ".join(text.replace("\u2019", "'").split())


def pdf_text(path: Path, first: int = 1, last: int | None = None) -> str:
    pages = ["-f", str(first)] + (["-l", str(last)] if last else [])
    return flat(subprocess.run(["pdftotext", *pages, str(path), "-"], capture_output=True, text=True,
                               check=True).stdout)


def page_text(path: Path) -> str:
    return flat(html.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))))


def test_the_note_is_one_sentence_of_the_core():
    assert MAKE_IT_YOURS.startswith("A template is a first draft to make your own")
    assert "{" not in MAKE_IT_YOURS and "  " not in MAKE_IT_YOURS


def test_every_template_download_carries_the_note(pub, site):
    folder = site / "downloads" / "templates"
    for t in pub.templates:
        word = flat(" ".join(p.text for p in docx.Document(folder / f"{t.slug}.docx").paragraphs))
        odt = load_odt(str(folder / f"{t.slug}.odt"))
        office = flat(" ".join(teletype.extractText(p) for p in odt.getElementsByType(odf_text.P)))
        texts = {"docx": word, "odt": office, "md": flat((folder / f"{t.slug}.md").read_text(encoding="utf-8"))}
        texts.update({suffix: pdf_text(folder / (t.slug + suffix)) for suffix, _, _ in PRINTABLE})
        for name, text in texts.items():
            assert MAKE_IT_YOURS in text, (t.slug, name)


def test_the_site_and_the_book_carry_the_same_note(pub, site):
    assert MAKE_IT_YOURS in page_text(site / "templates" / "index.html")
    for t in pub.templates:
        assert MAKE_IT_YOURS in page_text(site / t.url / "index.html"), t.slug
    for name in ("space-hacks.pdf", "space-hacks-a4.pdf"):
        path = site / "downloads" / name
        with pikepdf.open(path) as doc:
            start = destinations(doc)["templates"]
        assert MAKE_IT_YOURS in pdf_text(path, start + 1, start + 2), name
