"""Templates as PDF (WeasyPrint), typeset like the book, plus the fillable PDF form."""
from __future__ import annotations

from pathlib import Path

from markupsafe import escape

from ..fetch import BookFetcher, Source
from ..fonts import font_faces
from ..template_document import Document
from ..template_html import body_html
from .frame import KIND_NAMES, Frame

CSS = Path(__file__).with_name("pdf.css")


PAPERS = {"a4": "A4", "letter": "letter"}


def page_html(doc: Document, frame: Frame, root: Path, fillable: bool = False, paper: str = "a4") -> str:
    body = body_html(doc, "form" if fillable else "print")
    preamble = "".join(f'<p class="preamble">{escape(p)}</p>' for p in frame.preamble)
    if fillable:
        preamble = f'<p class="form-note">{escape(frame.form_note)}</p>'
    return f"""<!doctype html>
<html lang="{escape(frame.language)}"><head><meta charset="utf-8"><title>{escape(doc.title)}</title>
<meta name="author" content="{escape(frame.publisher)}">
<meta name="description" content="{escape(doc.summary)}">
<meta name="keywords" content="{escape(frame.publication)}, {escape(doc.kind)} template">
<style>{font_faces(root)}
{CSS.read_text(encoding="utf-8")}
@page {{ size: {PAPERS[paper]}; }}</style></head>
<body>
<p class="colophon">{escape(frame.colophon)}</p>
<p class="running-org">Organization: <span class="sh-fill sh-fill--text">Organization name</span></p>
<p class="kind">{escape(KIND_NAMES.get(doc.kind, "Template"))} template · {escape(frame.publication)}</p>
<h1>{escape(doc.title)}</h1>
<p class="summary">{escape(doc.summary)}</p>
{preamble}
{body}
</body></html>"""


def write_pdf(doc: Document, frame: Frame, root: Path, out: Path, fillable: bool = False,
              source: Source | None = None, paper: str = "a4") -> None:
    """`source` is the template file, named in the error if its HTML asks for a file it may not."""
    from weasyprint import HTML
    name = f"the template PDF {out.name}"
    fetcher = BookFetcher(root, name, [source] if source else [], Path(root).resolve().as_uri() + "/")
    with fetcher.guard():
        document = HTML(string=page_html(doc, frame, root, fillable, paper), base_url=str(root),
                        url_fetcher=fetcher).render(pdf_forms=fillable)
        fetcher.refuse_attachments(document)
        document.write_pdf(out, pdf_forms=fillable)
