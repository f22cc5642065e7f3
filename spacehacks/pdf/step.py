"""The PDF edition as an output step: the book and each section on its own, in both paper sizes,
each proven complete, reused when unchanged."""
from __future__ import annotations

import contextlib
import hashlib
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..buildstamp import file_hash, reuse_unchanged
from ..downloads import EDITIONS, SECTIONS, TRANSLATED_EDITIONS, Download, human_size
from ..fonts import font_faces
from ..model import SOURCE_LANGUAGE
from .book import LABELS, Book
from .glyphs import report_missing_glyphs
from .slice_cache import SliceCache, render_inputs

if TYPE_CHECKING:
    from ..model import Publication

log = logging.getLogger("spacehacks")

HASHES = "pdf-edition.json"  # beside the PDFs: what each was made from, to reuse it next build
# Where the rendered slices are kept between builds (beside the site, never in it): set by
# publish() for the build it runs, or given to pdf_edition directly.
_SLICES: list[Path] = []


@contextlib.contextmanager
def keeping_slices(folder: Path) -> Iterator[None]:
    _SLICES.append(folder)
    try:
        yield
    finally:
        _SLICES.pop()


def source_hash(book: Book, html: str, paper: str, inputs: str | None = None) -> str:
    """Everything the PDF is made from: the book's HTML (content and edition date), its theme,
    fonts, our rendering code and WeasyPrint's version (`inputs`, slice_cache.render_inputs)."""
    h = hashlib.sha256(f"{paper}\0{inputs or render_inputs(book.root)}\0".encode())
    h.update(html.encode())
    return h.hexdigest()


# How many times a translated book may be laid out again with numbers read from its pages.
RELAYOUTS = 2


def render_paper(book: Book, paper: str, target: Path, cache: SliceCache | None = None) -> int:
    """Render one paper size into `target` and prove it complete (raises ProofError); its pages."""
    from ..render_temp import render_temp
    from .parallel import placeholders, render
    from .proof import ProofError, anchor_labels, prove
    from .render import render_whole
    label = LABELS[paper] if book.section is None else f"{LABELS[paper]} '{book.section.title}'"
    if book.pub.language == SOURCE_LANGUAGE or cache is not None:
        # In slices, every book's contents is numbered from its laid-out pages (parallel.py), and
        # an edit lays out again only the slices it changed, in a translation as in English.
        target.write_bytes(render(book, paper, log=log.info, cache=cache))
        return prove(book.pub, target, label)
    # Without a slice cache a small book is laid out in one pass, where WeasyPrint numbers the
    # contents by target-counter; a translated contents grew by a page after it had taken its
    # numbers. So the first layout writes numbers as wide as any real one, and the contents has
    # its final length; the next writes the numbers read from the first.
    log.info("PDF edition (%s): rendering %d hacks in one pass…", label, len(book.pub.hacks))
    with render_temp():   # WeasyPrint's temporary font folders go when the render ends
        target.write_bytes(render_whole(book, paper, page_of=placeholders(book)))
        for _ in range(RELAYOUTS):
            try:
                return prove(book.pub, target, label)
            except ProofError as error:
                if not error.stale_numbers:
                    raise
                log.info("PDF edition (%s): %d contents numbers are not yet those of the pages; "
                         "setting them from the laid-out pages…", label, len(error.problems))
                target.write_bytes(render_whole(book, paper, page_of=anchor_labels(target)))
        return prove(book.pub, target, label)


def editions(pub: Publication) -> list[tuple[Book, str, str, str]]:
    """(book, paper, file name under downloads/, title) for the whole book and each section."""
    whole = Book(pub)
    out = [(whole, paper, name, title) for paper, name, title in EDITIONS]
    for n, section in enumerate(pub.sections, 1):
        book = Book(pub, section=section)
        for paper, suffix in (("letter", ""), ("a4", "-a4")):
            out.append((book, paper, f"{SECTIONS}/{section.slug}{suffix}.pdf",
                        f"Section {n}: {section.title} ({LABELS[paper]})"))
    for language, files in TRANSLATED_EDITIONS.items():   # the whole book in each translation
        if pub.translations.get(language):
            translated = Book(pub.in_language(language))
            out += [(translated, paper, name, title) for paper, name, title in files]
    return out


def pdf_edition(pub: Publication, out: Path, previous: Path | None, cache: Path | None = None) -> list[Download]:
    """Both papers of the book and of each section. A file made from the same HTML as the
    previous one is copied; the others are rendered in slices, taking every slice, contents and
    page-number overlay whose HTML is unchanged from `cache` (or the folder keeping_slices set)."""
    out.mkdir(parents=True, exist_ok=True)
    (out / SECTIONS).mkdir(exist_ok=True)
    font_faces(pub.root)   # a missing font stops the build here, not inside a forked worker
    report_missing_glyphs(pub)
    folder = cache or (_SLICES[-1] if _SLICES else None)
    slices = SliceCache.open(folder, pub.root) if folder else None
    inputs = slices.inputs if slices else render_inputs(pub.root)
    jobs = editions(pub)
    for book in {id(b): b for b, _, _, _ in jobs if b.pub.language != pub.language}.values():
        report_missing_glyphs(book.pub)
    htmls = {id(book): book.html() for book, _, _, _ in jobs}  # one per book, for the fingerprints
    hashes = {name: source_hash(book, htmls[id(book)], paper, inputs) for book, paper, name, _ in jobs}
    old = _read_hashes(previous)
    written: dict[str, dict] = {}
    for book, paper, name, _ in jobs:
        found = old.get(name)
        before: dict = found if isinstance(found, dict) else {}
        if previous and isinstance(before.get("pages"), int) and reuse_unchanged(
                previous, out, [name], hashes[name], before.get("source"), {name: before.get("sha256")}):
            log.info("PDF edition (%s): content and theme unchanged, reusing %s.", LABELS[paper], name)
            pages = before["pages"]
            if slices:   # its slices stay too, for the next edit of that book
                slices.keep(name, slices.made_for(name))
        else:
            had = set(slices.used) if slices else set()
            pages = render_paper(book, paper, out / name, slices)
            if slices:
                slices.keep(name, slices.used - had)
        written[name] = {"source": hashes[name], "sha256": file_hash(out / name), "pages": pages}
    if slices:
        slices.prune()
        log.info("PDF edition: %d runs laid out, %d taken from the slice cache.",
                 len(slices.tally.rendered), len(slices.tally.reused))
    (out / HASHES).write_text(json.dumps(written, indent=1))
    return [_download(out / name, written[name]["pages"], title, "book" if book.section is None else SECTIONS,
                      book.section.tagline if book.section else "", book.pub.language)
            for book, _, name, title in jobs]


def _read_hashes(previous: Path | None) -> dict:
    if previous is None:
        return {}
    try:
        found = json.loads((previous / HASHES).read_text())
    except (TypeError, OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _download(path: Path, pages: int, title: str, group: str = "book", summary: str = "",
              language: str = SOURCE_LANGUAGE) -> Download:
    url = f"downloads/{path.name}" if group == "book" else f"downloads/{SECTIONS}/{path.name}"
    return Download(title=title, url=url, meta=f"PDF, {pages} pages, {human_size(path)}", group=group,
                    summary=summary, language=language)
