"""WeasyPrint, called the one way the book needs: tagged (PDF/UA-1), fonts embedded, reproducible."""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .book import Book

log = logging.getLogger("spacehacks")

PDF_VARIANT = "pdf/ua-1"


def layout(book: Book, paper: str, html: str, extra_css: str = "") -> Any:  # a weasyprint Document
    """Lay out `html` and return WeasyPrint's Document (pages, anchors, bookmarks)."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fetcher = book.fetcher(paper)
    with fetcher.guard():
        fonts = FontConfiguration()
        sheets = [CSS(string=css, base_url=book.base_url, font_config=fonts, url_fetcher=fetcher)
                  for css in book.stylesheets(paper, extra_css)]
        document = HTML(string=html, base_url=book.base_url, url_fetcher=fetcher).render(
            stylesheets=sheets, font_config=fonts, pdf_variant=PDF_VARIANT)
        fetcher.refuse_attachments(document)
    return document


def write(document: Any, identity: str | None = None) -> bytes:
    """The PDF bytes. The file identifier is derived from `identity` rather than from the clock,
    so the same book gives the same bytes."""
    ident = hashlib.md5(identity.encode()).hexdigest().encode() if identity is not None else b"0" * 32
    with document.url_fetcher.guard():
        return document.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=ident)


def render_whole(book: Book, paper: str, page_of: Mapping[str, int | str] | None = None) -> bytes:
    """The whole book in one WeasyPrint run: contents numbered by target-counter, or with the
    numbers in `page_of` (anchor -> printed page number) when given."""
    from .finish import finish
    html = book.html(page_of=page_of)
    return finish(write(layout(book, paper, html), html + paper), book.pub)
