"""What WeasyPrint does not write, added to the rendered book: page labels (roman numerals for the
front matter, 1 from the first section on, as the pages are printed) and bookmarks that open to
the section level. The same input still gives the same bytes."""
from __future__ import annotations

from io import BytesIO
from typing import TYPE_CHECKING

import pikepdf
from pikepdf import Dictionary, Name

from .anchors import section_id
from .outline import write_outline
from .structure import destinations, places

if TYPE_CHECKING:
    from ..model import Publication

ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
         (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def roman(n: int) -> str:
    out = []
    for value, letters in ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def label(index: int, first_arabic: int | None) -> str:
    """The printed number of the page at `index` (from 0)."""
    if first_arabic is None or index < first_arabic:
        return roman(index + 1)
    return str(index - first_arabic + 1)


def first_arabic(pub: Publication, names: dict[str, int]) -> int | None:
    """The index of the first section's opener, where the page numbers start again at 1."""
    return names.get(section_id(pub.sections[0])) if pub.sections else None


def finish(pdf: bytes, pub: Publication) -> bytes:
    with pikepdf.open(BytesIO(pdf)) as doc:
        start = first_arabic(pub, destinations(doc))
        labels = pikepdf.NumberTree.new(doc)
        labels[0] = Dictionary(S=Name.r)
        if start:
            labels[start] = Dictionary(S=Name.D)
        doc.Root.PageLabels = labels.obj
        write_outline(doc, pub, places(doc))
        outlines = doc.Root.Outlines
        outlines.Count = _close(outlines)
        doc.Root.PageMode = Name.UseOutlines
        buffer = BytesIO()
        doc.save(buffer, deterministic_id=True, min_version="1.7",
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return buffer.getvalue()


def _close(item: pikepdf.Object) -> int:
    """Collapse every bookmark below `item`; return how many of its children show."""
    shown, kid = 0, item.get(Name.First)
    while kid is not None:
        shown += 1
        if Name.First in kid:
            kid.Count = -_close(kid)
        kid = kid.get(Name.Next)
    return shown
