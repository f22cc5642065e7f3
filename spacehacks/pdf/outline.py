"""The book's bookmarks, defined once, from the model: front matter and pages, then section ›
category › hack, then the appendix. Every render gets them here, after WeasyPrint, from the
book's named destinations (the stylesheet defines none), so a book rendered in one pass and one
joined from slices have the same outline."""
from __future__ import annotations

from typing import TYPE_CHECKING

from pikepdf import OutlineItem, Pdf

from .anchors import APPENDIX, TEMPLATES, category_id, hack_id, page_id, section_id
from .typography import book_title

if TYPE_CHECKING:
    from ..model import Publication

# (title, anchor) of the bookmarks before the pages; the headings in book.html say the same.
FRONT_MARKS = (("About this edition", "colophon"), ("Contents", "contents"))


def write_outline(pdf: Pdf, pub: Publication, places: dict[str, tuple[int, float, float]]) -> None:
    """Bookmarks to `places`: anchor → (page index, x, y in PDF points), named in the
    book's language."""
    def item(title: str, anchor: str) -> OutlineItem:
        index, x, y = places[anchor]
        return OutlineItem(book_title(title), index, "XYZ", left=x, top=y, zoom=0)

    # A text whose anchor is not in the PDF gets no bookmark: the proof then names it plainly.
    with pdf.open_outline() as outline:
        top = outline.root
        top.clear()
        top += [item(pub.t(title), anchor) for title, anchor in FRONT_MARKS if anchor in places]
        top += [item(page.title, page_id(page)) for page in pub.pages if page_id(page) in places]
        for section in pub.sections:
            if section_id(section) not in places:
                continue
            s = item(section.title, section_id(section))
            for category in section.categories:
                if category_id(category) not in places:
                    continue
                c = item(category.title, category_id(category))
                c.children += [item(h.title, hack_id(h)) for h in category.hacks if hack_id(h) in places]
                s.children.append(c)
            top.append(s)
        if TEMPLATES in places:
            top.append(item(pub.t(APPENDIX), TEMPLATES))
