"""Templates as PDF (WeasyPrint), typeset like the book, plus the fillable PDF form."""
from __future__ import annotations

from pathlib import Path

from markupsafe import escape

from ..fetch import BookFetcher, Source
from ..problems import ContentError, Problem
from ..template_document import Document
from .frame import KIND_NAMES, Frame
from ..template_html import body_html

CSS = Path(__file__).with_name("pdf.css")
FONTS = Path("theme") / "fonts"   # the book's fonts, relative to the publication root
FACES = [("Charis SIL", "CharisSIL-Regular", "normal", "normal"),
         ("Charis SIL", "CharisSIL-Bold", "bold", "normal"),
         ("Charis SIL", "CharisSIL-Italic", "normal", "italic"),
         ("Charis SIL", "CharisSIL-BoldItalic", "bold", "italic"),
         ("Lato", "Lato-Regular", "normal", "normal"),
         ("Lato", "Lato-Bold", "bold", "normal")]
FONT_SUFFIXES = (".ttf", ".otf", ".woff2", ".woff")  # whichever the book ships


def font_faces(root: Path) -> str:
    """@font-face rules for the book's fonts. A missing one is an error naming it: the machine's
    fonts would quietly stand in and the templates would no longer look like the book."""
    rules, missing = [], []
    for family, stem, weight, style in FACES:
        path = next((Path(root) / FONTS / (stem + suffix) for suffix in FONT_SUFFIXES
                     if (Path(root) / FONTS / (stem + suffix)).is_file()), None)
        if path is None:
            missing.append(stem)
            continue
        rules.append(f'@font-face {{ font-family: "{family}"; src: url("{path.resolve().as_uri()}"); '
                     f"font-weight: {weight}; font-style: {style}; }}")
    if missing:
        raise ContentError([Problem(f"{FONTS.as_posix()}/{stem}.ttf", 0, (
            f"this font file is missing (or as {', '.join(FONT_SUFFIXES[1:])}); the template PDFs are "
            "set in the book's fonts. Restore it from git (git checkout -- theme/fonts).")) for stem in missing])
    return "\n".join(rules)


def page_html(doc: Document, frame: Frame, root: Path, fillable: bool = False) -> str:
    body = body_html(doc, "form" if fillable else "print")
    preamble = "".join(f'<p class="preamble">{escape(p)}</p>' for p in frame.preamble)
    if fillable:
        preamble = ('<p class="form-note">Type into the boxes in any PDF reader, then save or print. '
                    "Tick boxes are clickable.</p>")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(doc.title)}</title>
<meta name="author" content="{escape(frame.publisher)}">
<meta name="description" content="{escape(doc.summary)}">
<meta name="keywords" content="{escape(frame.publication)}, {escape(doc.kind)} template">
<style>{font_faces(root)}
{CSS.read_text(encoding="utf-8")}</style></head>
<body>
<p class="kind">{escape(KIND_NAMES.get(doc.kind, "Template"))} template · {escape(frame.publication)}</p>
<h1>{escape(doc.title)}</h1>
<p class="summary">{escape(doc.summary)}</p>
{preamble}
{body}
<p class="colophon">{escape(frame.colophon)}</p>
</body></html>"""


def write_pdf(doc: Document, frame: Frame, root: Path, out: Path, fillable: bool = False,
              source: Source | None = None) -> None:
    """`source` is the template file, named in the error if its HTML asks for a file it may not."""
    from weasyprint import HTML
    name = f"the template PDF {out.name}"
    fetcher = BookFetcher(root, name, [source] if source else [], Path(root).resolve().as_uri() + "/")
    with fetcher.guard():
        document = HTML(string=page_html(doc, frame, root, fillable), base_url=str(root),
                        url_fetcher=fetcher).render(pdf_forms=fillable)
        fetcher.refuse_attachments(document)
        document.write_pdf(out, pdf_forms=fillable)
