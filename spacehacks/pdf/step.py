"""The PDF edition as an output step: the book and each section on its own, in both paper sizes,
each proven complete, reused when unchanged."""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING

from ..buildstamp import file_hash, hash_paths
from ..downloads import EDITIONS, SECTIONS, TRANSLATED_EDITIONS, Download, human_size
from ..fonts import font_faces
from ..model import SOURCE_LANGUAGE
from .book import LABELS, PDF_THEME, Book
from .glyphs import report_missing_glyphs

if TYPE_CHECKING:
    from ..model import Publication

log = logging.getLogger("spacehacks")

HASHES = "pdf-edition.json"  # beside the PDFs: what each was made from, to reuse it next build
CODE = Path(__file__).resolve().parent


def source_hash(book: Book, html: str, paper: str) -> str:
    """Everything the PDF is made from: the book's HTML (content and edition date), its theme,
    fonts, our rendering code and WeasyPrint's version."""
    import weasyprint
    h = hashlib.sha256()
    h.update(f"{paper}\0{weasyprint.__version__}\0".encode())
    h.update(html.encode())
    hash_paths(h, [book.root / PDF_THEME, (book.root / PDF_THEME).parent / "fonts", CODE])
    return h.hexdigest()


def render_paper(book: Book, paper: str, target: Path) -> None:
    """Render one paper size into `target` and prove it complete (raises ProofError)."""
    from .parallel import render
    from .proof import prove
    # A translated book is laid out in one pass: laid out in slices, the Spanish book's contents
    # printed one hack two pages early (not yet diagnosed); one pass numbers them exactly.
    workers = 1 if book.pub.language != SOURCE_LANGUAGE else None
    target.write_bytes(render(book, paper, log=log.info, workers=workers))
    prove(book.pub, target, LABELS[paper] if book.section is None else f"{LABELS[paper]} '{book.section.title}'")


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


def pdf_edition(pub: Publication, out: Path, previous: Path | None) -> list[Download]:
    out.mkdir(parents=True, exist_ok=True)
    (out / SECTIONS).mkdir(exist_ok=True)
    font_faces(pub.root)   # a missing font stops the build here, not inside a forked worker
    report_missing_glyphs(pub)
    jobs = editions(pub)
    for book in {id(b): b for b, _, _, _ in jobs if b.pub.language != pub.language}.values():
        report_missing_glyphs(book.pub)
    htmls = {id(book): book.html() for book, _, _, _ in jobs}  # one per book, for the fingerprints
    hashes = {name: source_hash(book, htmls[id(book)], paper) for book, paper, name, _ in jobs}
    old = _read_hashes(previous)
    todo = []
    for book, paper, name, _ in jobs:
        if previous and _reusable(previous / name, old.get(name), hashes[name]):
            shutil.copy2(previous / name, out / name)
            log.info("PDF edition (%s): content and theme unchanged, reusing %s.", LABELS[paper], name)
        else:
            todo.append((book, paper, out / name))
    _render_all(todo)
    written = {name: {"source": hashes[name], "sha256": file_hash(out / name) if (out / name).is_file() else None}
               for _, _, name, _ in jobs}
    (out / HASHES).write_text(json.dumps(written, indent=1))
    return [_download(out / name, title, "book" if book.section is None else SECTIONS,
                      book.section.tagline if book.section else "", book.pub.language)
            for book, _, name, title in jobs]


def _render_all(todo: list[tuple[Book, str, Path]]) -> None:
    """Small books render one per core; a large one is split across the cores itself."""
    from .parallel import workers_for
    global _JOBS
    small = [job for job in todo if workers_for(job[0]) == 1]
    for book, paper, target in todo:
        if (book, paper, target) not in small:
            render_paper(book, paper, target)
    if len(small) > 1:
        _JOBS = small  # forked workers inherit them: a book cannot be pickled
        try:
            with ProcessPoolExecutor(min(len(small), _cores()), mp_context=get_context("fork")) as pool:
                for future in [pool.submit(_render_inherited, n) for n in range(len(small))]:
                    future.result()
        finally:
            _JOBS = []
    else:
        for book, paper, target in small:
            render_paper(book, paper, target)


_JOBS: list = []


def _cores() -> int:
    return max(1, len(os.sched_getaffinity(0)))


def _render_inherited(n: int) -> None:
    render_paper(*_JOBS[n])


def _reusable(pdf: Path, recorded: object, source: str) -> bool:
    """The previous PDF was made from the same sources and is still the very file written then:
    a truncated or damaged one is rendered again, never published."""
    try:
        return (isinstance(recorded, dict) and recorded.get("source") == source
                and recorded.get("sha256") == file_hash(pdf))
    except OSError:
        return False


def _read_hashes(previous: Path | None) -> dict:
    if previous is None:
        return {}
    try:
        found = json.loads((previous / HASHES).read_text())
    except (TypeError, OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _download(path: Path, title: str, group: str = "book", summary: str = "", language: str = "en") -> Download:
    from pypdf import PdfReader
    pages = len(PdfReader(path).pages)
    url = f"downloads/{path.name}" if group == "book" else f"downloads/{SECTIONS}/{path.name}"
    return Download(title=title, url=url, meta=f"PDF, {pages} pages, {human_size(path)}", group=group,
                    summary=summary, language=language)
