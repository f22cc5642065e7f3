"""Rendering the book over the machine's cores.

A small book renders in one WeasyPrint run (its contents numbered by target-counter). A large
one is cut into slices at category boundaries: every category starts a page, and left and right
pages differ only in where the text block and the running heads sit, not in its width, so a
slice breaks into the same pages wherever it lands. The slices are laid out in parallel, each as
if it began on a right page; one that lands on a left page is laid out again behind a page that
is dropped. Once every slice's page count is known, the front matter is set with the real
contents numbers, page numbers are drawn on a thin overlay, and merge.py joins it all into one
PDF with one outline and one structure tree.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..problems import Problem
from ..render_temp import render_temp
from .anchors import FRONT_IDS, TEMPLATES, category_id, hack_id, page_id, section_id
from .book import BACK, FRONT, PAGES
from .finish import finish, label
from .proof import ProofError
from .render import layout, render_whole, write
from .workers import Task, Workers

if TYPE_CHECKING:
    from ..model import Hack, Publication
    from .book import Book
    from .slice_cache import SliceCache

# Below this many characters of text, one WeasyPrint run is quicker than splitting.
PARALLEL_FROM = 400_000
# With a slice cache, the slices are smaller whatever the book's size: an edit lays out its own
# slice again (in the book and in its section's, on both papers), and a run's fixed cost (about
# 0.15 s, and as much for its overlay) is small beside laying out 20,000 characters (2-3 s on
# this project's machines). With 40,000, an edit cost 0.28x a full render at 54 hacks.
CACHED_SLICE_CHARS = 20_000
# About this many characters per slice: small enough to balance the cores, large enough that
# each slice's fixed cost (fonts, style sheets) stays small.
SLICE_CHARS = 150_000
# In slices, page numbers come from the overlay (bookmarks from outline.py, for every render).
SLICE_CSS = ("@page :left, :right, front:left, front:right, matter:left, matter:right "
             "{ @bottom-left { content: none } @bottom-right { content: none } }")
# The overlay keeps the book's sides (a padded overlay starts on a left page), so each number sits
# in the outer corner, as book.css sets it.
OVERLAY_CSS = """@page :left { @bottom-left { content: string(number) } }
@page :right { @bottom-right { content: string(number) } }
@page :left, :right { @top-left { content: none } @top-right { content: none } }
@page plain { @bottom-left { content: none } @bottom-right { content: none } }
.plain { page: plain; } .p { break-after: page; string-set: number attr(data-n); }"""
# A page laid out first and dropped, so that what follows starts on a left page.
PAD = '<div class="sh-pad" style="break-after: page"></div>'

# Named pages that carry no page number.
PLAIN_PAGES = {"cover", "opener", "first-opener", "back"}


@dataclass
class Slice:
    """One rendered slice: its PDF, and where each anchor and plain page fell inside it."""
    parts: list[str]
    pdf: bytes = b""
    pages: int = 0
    heights: list[float] = field(default_factory=list)
    anchors: dict[str, tuple[int, float, float]] = field(default_factory=dict)
    plain: list[int] = field(default_factory=list)
    key: str = ""           # in the slice cache, when there is one
    reused: bool = False    # taken from the cache rather than laid out


def hack_chars(hack: Hack) -> int:
    return len(hack.body) + len(hack.title) + len(hack.summary)


def book_size(book: Book) -> int:
    return sum(map(hack_chars, book.pub.hacks)) + sum(len(p.body) for p in book.pub.pages)


def workers_for(book: Book, cores: int | None = None) -> int:
    cores = cores or len(os.sched_getaffinity(0))
    return 1 if book_size(book) < PARALLEL_FROM else max(1, cores)


def slices(pub: Publication, size: int = SLICE_CHARS) -> list[list[str]]:
    """The pages outside the sections, then consecutive categories, grouped into slices of about
    `size` characters; the appendix goes with the last."""
    out: list[list[str]] = []
    current, chars = [PAGES], sum(len(p.body) for p in pub.pages)
    for category in pub.categories:
        current.append(category_id(category))
        chars += sum(map(hack_chars, category.hacks)) + len(category.intro)
        if chars >= size:
            out.append(current)
            current, chars = [], 0
    if current or not out:
        out.append(current)
    out[-1].append(BACK)
    return out


def render(book: Book, paper: str, log: Callable[[str], object] = print, workers: int | None = None,
           slice_chars: int | None = None, cache: SliceCache | None = None) -> bytes:
    """The book's PDF. With a `cache`, always in slices (whatever the book's size), so that the
    next build after an edit lays out only the slices it changed. WeasyPrint's temporary files
    go when it ends, a killed worker's included (render_temp)."""
    with render_temp():
        return _render(book, paper, log, workers, slice_chars, cache)


def _render(book: Book, paper: str, log: Callable[[str], object], workers: int | None, slice_chars: int | None,
            cache: SliceCache | None) -> bytes:
    workers = workers or (max(1, len(os.sched_getaffinity(0))) if cache else workers_for(book))
    if workers == 1 and cache is None:
        log(f"PDF edition ({paper}): rendering {len(book.pub.hacks)} hacks in one pass…")
        start = time.perf_counter()
        pdf = render_whole(book, paper)
        log(f"PDF edition ({paper}): done in {time.perf_counter() - start:.1f} s.")
        return pdf
    size = slice_chars or (CACHED_SLICE_CHARS if cache else SLICE_CHARS)
    return render_parallel(book, paper, workers, log, size, cache)


@dataclass
class _Run:
    book: Book
    cache: SliceCache | None


# Forked workers inherit the book and the cache (a book holds a Jinja environment and cannot be
# pickled): the one piece of state a parallel render hands to its workers.
_RUN: _Run | None = None


def _inherited() -> _Run:
    assert _RUN is not None   # set by render_parallel before the workers fork
    return _RUN


def render_parallel(book: Book, paper: str, workers: int, log: Callable[[str], object] = print,
                    slice_chars: int = SLICE_CHARS, cache: SliceCache | None = None) -> bytes:
    from .merge import merge

    global _RUN
    _RUN = _Run(book, cache)
    start = time.perf_counter()
    body = [Slice(parts) for parts in slices(book.pub, slice_chars)]
    log(f"PDF edition ({paper}): {len(book.pub.hacks)} hacks in {len(body)} slices over {workers} processes…")
    # Fontconfig, Pango and the shipped fonts load once here, and every forked worker starts
    # warm (0.6 s saved per slice and per overlay).
    layout(book, paper, f'<html lang="{book.pub.info.get("language", "en")}"><body><p>warm <b>up</b> <i>now</i></p>')
    try:
        # A fresh process per slice: WeasyPrint keeps what it allocated, and a long-lived worker
        # would grow with every slice it lays out.
        with Workers(workers) as pool:
            # The contents' length is all the body needs to know of the front matter: a draft
            # with placeholder numbers gives it while the body is laid out.
            draft_task = pool.submit(f"the contents draft ({paper})", _render_slice, paper, [FRONT], placeholders(book))
            tasks = [pool.submit(f"slice {i + 1} ({paper})", _render_slice, paper, s.parts, None)
                     for i, s in enumerate(body)]
            draft = _note(cache, f"contents draft {paper}", pool.get(draft_task))
            offset = draft.pages
            for i, task in enumerate(tasks):
                body[i] = _note(cache, f"slice {paper} {i + 1}", pool.get(task))
                if offset % 2:  # lands on a left page: laid out again as one (the others go on)
                    body[i] = _note(cache, f"slice {paper} {i + 1} verso", pool.get(pool.submit(
                        f"slice {i + 1} as a left page ({paper})", _render_slice, paper, body[i].parts, None, True)))
                offset += body[i].pages
                log(f"PDF edition ({paper}): slice {i + 1}/{len(body)} {'reused' if body[i].reused else 'laid out'}, "
                    f"{offset - draft.pages} pages so far")
            total = offset
            page_of = _number(draft, body)
            first = page_of.get(section_id(book.pub.sections[0])) if book.pub.sections else None
            labels = [label(n, first) for n in range(total)]
            printed = {name: labels[n] for name, n in page_of.items()}
            overlays: list[Task[tuple[str, bytes, bool]]] = []
            offset = 0
            for n, s in enumerate([draft, *body]):
                overlays.append(pool.submit(f"page numbers {n} ({paper})", _render_overlay,
                                            paper, offset, labels[offset:offset + s.pages],
                                            [offset + p for p in s.plain]))
                offset += s.pages
            log(f"PDF edition ({paper}): setting the contents ({draft.pages} pages) with real page numbers…")
            front = _note(cache, f"contents {paper}",
                          pool.get(pool.submit(f"the contents ({paper})", _render_slice, paper, [FRONT], printed)))
            if front.pages != draft.pages:
                # Every later page number would be off by the difference: stop, plainly.
                raise ProofError([_layout_problem(
                    f"the PDF edition's contents took {front.pages} pages once real page numbers were "
                    f"set, but {draft.pages} while the book was laid out, so every page number after it "
                    "would be wrong")])
            overlay_pdfs = []
            for n, overlay in enumerate(overlays):
                key, made, reused = pool.get(overlay)
                if cache is not None:
                    cache.record(key, f"overlay {paper} {n}", reused)
                overlay_pdfs.append(made)
    finally:
        _RUN = None
    log(f"PDF edition ({paper}): joining {total} pages…")
    pdf = finish(merge(book, [front, *body], overlay_pdfs), book.pub)
    log(f"PDF edition ({paper}): {total} pages in {time.perf_counter() - start:.1f} s.")
    return pdf


def _note(cache: SliceCache | None, what: str, s: Slice) -> Slice:
    """Count a finished slice as laid out or reused, and keep its key in the cache."""
    if cache is not None:
        cache.record(s.key, what, s.reused)
    return s


def _layout_problem(what: str) -> Problem:
    return Problem("theme/pdf/book.css", 1, f"{what}. This is a layout problem in theme/pdf, not in your "
                                            "content; please report it with this message.")


def placeholders(book: Book) -> dict[str, str]:
    # As wide as any real number, so the draft breaks its lines as the final contents will.
    return _AnyPage("9" * len(str(max(1, len(book.pub.hacks) * 3))))


class _AnyPage(dict[str, str]):
    def __init__(self, value: str) -> None:
        super().__init__()
        self.value = value

    def __missing__(self, key: str) -> str:
        return self.value

    def __bool__(self) -> bool:
        return True


def _number(front: Slice, body: list[Slice]) -> dict[str, int]:
    """The index (from 0) of the page of every anchor in the whole book."""
    page_of: dict[str, int] = {}
    offset = 0
    for s in [front, *body]:
        for name, (index, _, _) in s.anchors.items():
            page_of[name] = offset + index
        offset += s.pages
    return page_of


def _local_ids(book: Book, parts: list[str]) -> set[str]:
    pub, wanted = book.pub, set(parts)
    ids: set[str] = set()
    if FRONT in wanted:
        ids |= set(FRONT_IDS)
    if PAGES in wanted:
        ids |= {page_id(p) for p in pub.pages}
    if BACK in wanted:
        ids.add(TEMPLATES)
    for category in pub.categories:
        if category_id(category) in wanted:
            ids |= {category_id(category), *map(hack_id, category.hacks)}
            if category is category.section.categories[0]:
                ids.add(section_id(category.section))
    return ids


def _render_slice(paper: str, parts: list[str], page_of: Mapping[str, int | str] | None,
                  verso: bool = False) -> Slice:
    """One slice laid out alone, or taken from the cache; `verso`: as if it began on a left page."""
    run = _inherited()
    book = run.book
    html = book.html(parts=parts, page_of=page_of, local_ids=_local_ids(book, parts))
    key = run.cache.key("slice", paper, html, f"verso={verso}") if run.cache else ""
    kept = run.cache.get_slice(key) if run.cache else None
    if kept is not None:
        return kept
    doc = _drop_pad(layout(book, paper, _pad(html) if verso else html, SLICE_CSS), verso)
    out = Slice(parts, pages=len(doc.pages), heights=[p.height for p in doc.pages], key=key)
    for index, page in enumerate(doc.pages):
        for name, (x, y, _, _) in page.anchors.items():
            out.anchors.setdefault(name, (index, x, y))
        kind = page._page_box.page_type
        if kind.name in PLAIN_PAGES or kind.blank:
            out.plain.append(index)
    out.pdf = write(doc, html + paper + str(verso))
    if run.cache:
        run.cache.put_slice(key, out)
    return out


def _pad(html: str) -> str:
    head, body = html.split("<body", 1)
    tag, rest = body.split(">", 1)
    return f"{head}<body{tag}>{PAD}{rest}"


def _drop_pad(doc: Any, padded: bool) -> Any:  # weasyprint Documents
    return doc.copy(doc.pages[1:]) if padded else doc


def _render_overlay(paper: str, first: int, labels: list[str], plain: list[int]) -> tuple[str, bytes, bool]:
    """Blank pages first+1 … carrying only their printed numbers, to lay over the slices: (cache
    key, PDF, whether it came from the cache)."""
    run = _inherited()
    divs = "".join(f'<div class="p{" plain" if first + n in plain else ""}" data-n="{text}"></div>'
                   for n, text in enumerate(labels))
    html = f'<!DOCTYPE html><html lang="{run.book.pub.info.get("language", "en")}"><body>{divs}</body></html>'
    padded = first % 2 == 1
    key = run.cache.key("overlay", paper, html, f"padded={padded}") if run.cache else ""
    kept = run.cache.get(key) if run.cache else None
    if kept is not None:
        return key, kept[1], True
    pdf = write(_drop_pad(layout(run.book, paper, _pad(html) if padded else html, OVERLAY_CSS), padded))
    if run.cache:
        run.cache.put(key, {}, pdf)
    return key, pdf, False
