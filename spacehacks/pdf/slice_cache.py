"""Rendered slices of the book kept between builds, so an edit lays out only what it changed.

Every WeasyPrint run of a parallel render (a body slice, the contents, a page-number overlay) is
a pure function of the HTML it is given, the paper, the theme and fonts, our rendering code and
WeasyPrint's version; the PDF it writes is identified by that HTML, not by the clock. So a run
whose inputs hash to a key already kept gives the very bytes it gave then, and the kept result is
used instead: the book joined from it is the same file a clean build writes. The cache lives
beside the site, never in it, and keeps only what the last build used.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

from ..buildstamp import hash_paths
from ..fonts import FONTS
from .book import PDF_THEME

if TYPE_CHECKING:
    from .parallel import Slice

CODE = Path(__file__).resolve().parent
BOOKS = "books.json"   # which kept runs each published PDF was joined from
MEDIA = Path("content") / "media"   # the one content folder WeasyPrint may read (fetch.py)


def render_inputs(root: Path) -> str:
    """What every run depends on besides its HTML: the book's theme and fonts, the content's
    media (images a hack shows), this package and WeasyPrint's version (read from its metadata:
    importing WeasyPrint costs half a second)."""
    h = hashlib.sha256(f"weasyprint {version('weasyprint')}\0".encode())
    hash_paths(h, [root / PDF_THEME, root / FONTS, root / MEDIA, CODE])
    return h.hexdigest()


@dataclass
class Tally:
    """What one build laid out and what it took from the cache, by kind of run."""
    rendered: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)


@dataclass
class SliceCache:
    folder: Path
    inputs: str
    used: set[str] = field(default_factory=set)
    tally: Tally = field(default_factory=Tally)
    books: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def open(cls, folder: Path, root: Path) -> SliceCache:
        folder.mkdir(parents=True, exist_ok=True)
        cache = cls(folder, render_inputs(root))
        try:
            found = json.loads((folder / BOOKS).read_text(encoding="utf-8"))
            cache.books = {str(k): [str(key) for key in v] for k, v in found.items() if isinstance(v, list)}
        except (OSError, ValueError, AttributeError):
            pass   # none yet, or unreadable: only costs a render of a book reused whole
        return cache

    def made_for(self, name: str) -> list[str]:
        return self.books.get(name, [])

    def keep(self, name: str, keys: Iterable[str]) -> None:
        """Keep `keys` as what the PDF `name` is made from, through builds that reuse it whole."""
        self.books[name] = sorted(keys)
        self.used.update(self.books[name])

    def key(self, kind: str, paper: str, html: str, extra: str = "") -> str:
        h = hashlib.sha256(f"{self.inputs}\0{kind}\0{paper}\0{extra}\0".encode())
        h.update(html.encode())
        return f"{kind}-{h.hexdigest()[:40]}"

    def get(self, key: str) -> tuple[dict, bytes] | None:
        """The kept record and PDF under `key`, if both are there and the PDF is still the file
        written then (a damaged one is laid out again, never joined into a book)."""
        try:
            record = json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
            pdf = (self.folder / f"{key}.pdf").read_bytes()
        except (OSError, ValueError):
            return None
        if not isinstance(record, dict) or record.get("sha256") != hashlib.sha256(pdf).hexdigest():
            return None
        return record, pdf

    def put(self, key: str, record: dict, pdf: bytes) -> None:
        # Written under a temporary name and renamed: a killed worker never leaves half a file
        # under a real key.
        for suffix, data in ((".pdf", pdf), (".json", json.dumps(
                {**record, "sha256": hashlib.sha256(pdf).hexdigest()}).encode())):
            temp = self.folder / f".{key}{suffix}.{os.getpid()}"
            temp.write_bytes(data)
            temp.replace(self.folder / f"{key}{suffix}")

    def get_slice(self, key: str) -> Slice | None:
        from .parallel import Slice
        found = self.get(key)
        if found is None:
            return None
        record, pdf = found
        try:
            return Slice(list(record["parts"]), pdf, int(record["pages"]), [float(h) for h in record["heights"]],
                         {k: (int(i), float(x), float(y)) for k, (i, x, y) in record["anchors"].items()},
                         [int(p) for p in record["plain"]], key=key, reused=True)
        except (KeyError, TypeError, ValueError):
            return None

    def put_slice(self, key: str, s: Slice) -> None:
        record = asdict(s)
        del record["pdf"], record["key"], record["reused"]
        self.put(key, record, s.pdf)

    def record(self, key: str, what: str, reused: bool) -> None:
        self.used.add(key)
        (self.tally.reused if reused else self.tally.rendered).append(what)

    def prune(self) -> list[str]:
        """Remove what this build did not use, and leftovers of killed workers; write down what
        each book is made from."""
        (self.folder / BOOKS).write_text(json.dumps(self.books, indent=0, sort_keys=True), encoding="utf-8")
        removed = []
        for file in self.folder.iterdir():
            if file.name == BOOKS:
                continue
            stem = file.name.split(".")[0] if not file.name.startswith(".") else ""
            if file.is_file() and stem not in self.used:
                file.unlink(missing_ok=True)
                removed.append(file.name)
        return removed
