"""The PDF edition as an output step: both paper sizes, proven complete, reused when unchanged."""
from __future__ import annotations

import hashlib
import json
import logging
import shutil
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from ..buildstamp import hash_paths
from ..downloads import Download, human_size
from .book import PDF_THEME, Book
from .glyphs import report_missing_glyphs
from .proof import prove

log = logging.getLogger("spacehacks")

# Stable public paths: organizations link to these.
EDITIONS = [
    ("letter", "space-hacks.pdf", "Space Hacks, the PDF edition (US Letter)"),
    ("a4", "space-hacks-a4.pdf", "Space Hacks, the PDF edition (A4)"),
]
LABELS = {"letter": "US Letter", "a4": "A4"}
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
    target.write_bytes(render(book, paper, log=log.info))
    prove(book.pub, target, LABELS[paper])


def pdf_edition(pub, out: Path, previous: Path | None) -> list[Download]:
    out.mkdir(parents=True, exist_ok=True)
    report_missing_glyphs(pub)
    book = Book(pub)
    html = book.html()  # the same for every paper size: rendered once for the fingerprints
    hashes = {paper: source_hash(book, html, paper) for paper, _, _ in EDITIONS}
    old = _read_hashes(previous)
    todo = []
    for paper, name, _ in EDITIONS:
        if previous and old.get(name) == hashes[paper] and (previous / name).is_file():
            shutil.copy2(previous / name, out / name)
            log.info("PDF edition (%s): content and theme unchanged, reusing %s.", LABELS[paper], name)
        else:
            todo.append((paper, out / name))
    _render_all(book, todo)
    (out / HASHES).write_text(json.dumps({name: hashes[paper] for paper, name, _ in EDITIONS}, indent=1))
    return [_download(out / name, title) for _, name, title in EDITIONS]


def _render_all(book: Book, todo: list[tuple[str, Path]]) -> None:
    """Small books render one paper size per core; a large one is split across the cores itself."""
    from .parallel import workers_for
    global _BOOK
    if len(todo) > 1 and workers_for(book) == 1:
        _BOOK = book  # forked workers inherit it: the book itself cannot be pickled
        try:
            with ProcessPoolExecutor(len(todo), mp_context=get_context("fork")) as pool:
                for future in [pool.submit(_render_inherited, paper, target) for paper, target in todo]:
                    future.result()
        finally:
            _BOOK = None
    else:
        for paper, target in todo:
            render_paper(book, paper, target)


_BOOK = None


def _render_inherited(paper: str, target: Path) -> None:
    render_paper(_BOOK, paper, target)


def _read_hashes(previous: Path | None) -> dict:
    try:
        return json.loads((previous / HASHES).read_text())
    except (TypeError, OSError, ValueError):
        return {}


def _download(path: Path, title: str) -> Download:
    from pypdf import PdfReader
    pages = len(PdfReader(path).pages)
    return Download(title=title, url=f"downloads/{path.name}", meta=f"PDF, {pages} pages, {human_size(path)}",
                    group="book")
