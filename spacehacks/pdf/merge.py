"""Joining slices of the book, rendered apart, into one PDF that reads as if rendered whole.

Each slice is a tagged PDF of its own. The join keeps one of everything: one page sequence with
page numbers laid over from the overlay, one structure tree (the slices' trees under one Document
element, their parent-tree keys renumbered), and links that
point at pages in other slices resolved to those pages. The outline is finish.py's.
"""
from __future__ import annotations

import warnings
from io import BytesIO
from typing import TYPE_CHECKING, cast

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf, Rectangle

from .shared_fonts import share_fonts

if TYPE_CHECKING:
    from .book import Book
    from .parallel import Slice

CSS_TO_PT = 0.75  # WeasyPrint lays out in CSS pixels; PDF counts points


def merge(book: Book, slices: list[Slice], overlays: list[bytes]) -> bytes:
    """One PDF from the slices (front first) and the page-number overlays, page for page.

    qpdf (through pikepdf) does the copying: pure-Python PDF parsing cost more than the render."""
    out = Pdf.new()
    sources = [Pdf.open(BytesIO(s.pdf)) for s in slices]
    starts = []
    for source in sources:
        starts.append(len(out.pages))
        with warnings.catch_warnings():  # named destinations: _resolve_links makes them explicit
            warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
            out.pages.extend(source.pages)
    overlay_pdfs = [Pdf.open(BytesIO(pdf)) for pdf in overlays]
    overlay_pages = ((pdf, p) for pdf in overlay_pdfs for p in pdf.pages)
    for number, (page, (source, overlay)) in enumerate(zip(out.pages, overlay_pages, strict=False), 1):
        if not _draw_over(out, page, source, overlay):
            _stamp(page, out.copy_foreign(overlay.as_form_xobject()), Name(f"/SHPage{number}"))

    # Every anchor of the book, as a place on a page of the joined PDF.
    places: dict[str, tuple[int, float, float]] = {}
    for s, start in zip(slices, starts, strict=False):
        for name, (index, x, y) in s.anchors.items():
            places[name] = (start + index, x * CSS_TO_PT, (s.heights[index] - y) * CSS_TO_PT)

    _join_structure(out, sources, starts)
    _resolve_links(out, places)
    share_fonts(out)
    front = sources[0]
    out.docinfo = cast(Dictionary, out.copy_foreign(front.docinfo))
    out.Root.Metadata = out.copy_foreign(front.Root.Metadata)
    out.Root.Lang = pikepdf.String(str(front.Root.Lang))
    out.Root.MarkInfo = Dictionary(Marked=True)
    out.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    out.Root.PageMode = Name.UseOutlines
    buffer = BytesIO()
    out.save(buffer, deterministic_id=True, min_version="1.7", object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return buffer.getvalue()


def _draw_over(out: Pdf, page: pikepdf.Page, source: Pdf, overlay: pikepdf.Page) -> bool:
    """Append the overlay page's drawing (its page number) to the page's own content, as a
    pagination artifact, its resources under names of their own (SH-…). A form per page cost
    some 300 bytes a page. False, leaving the page as it was, if a name is taken already."""
    ops = []
    resources = overlay.obj.get(Name.Resources, Dictionary())
    names = {str(n) for category in resources.values() if isinstance(category, Dictionary) for n in category.keys()}
    for instruction in pikepdf.parse_content_stream(overlay):
        operands, operator = list(getattr(instruction, "operands", [])), instruction.operator
        if str(operator) == "BDC":   # the number WeasyPrint tags as text is an artifact here
            operands, operator = [Name.Artifact], pikepdf.Operator("BMC")
        ops.append(([Name(f"/SH-{str(o)[1:]}") if isinstance(o, Name) and str(o) in names else o
                     for o in operands], operator))
    own = page.obj.Resources
    for category, entries in resources.items():
        if not isinstance(entries, Dictionary):
            continue
        if category not in own:
            own[category] = Dictionary()
        for name, value in entries.items():
            key = Name(f"/SH-{name[1:]}")
            copied = out.copy_foreign(value if value.is_indirect else source.make_indirect(value))
            if key in own[category] and own[category][key].objgen != copied.objgen:
                return False
            own[category][key] = copied
    page.contents_add(b"q\n", prepend=True)  # the page leaves its own transform set: isolate it
    page.contents_add(b"Q\nq\n" + pikepdf.unparse_content_stream(ops) + b"\nQ\n")
    page.contents_coalesce()   # one stream a page, not three
    return True


def _stamp(page: pikepdf.Page, form: pikepdf.Object, name: Name) -> None:
    """Draw `form` over the page. As pikepdf's add_overlay, but under a name unique to the page
    and the same on every build (add_overlay picks a random one; the book must give the same
    bytes). Unique, because WeasyPrint's pages share one resource dictionary."""
    page.add_resource(form, Name.XObject, name=name)
    page.contents_add(b"q\n", prepend=True)  # the page leaves its own transform set: isolate it
    # pikepdf's stubs give the three keywords after `rect` no defaults; the library does.
    placement = page.calc_form_xobject_placement(form, name, Rectangle(page.trimbox))  # type: ignore[call-arg]
    page.contents_add(b"Q\n" + placement)
    page.contents_coalesce()   # one stream a page, not three: 100 bytes a page less


def _join_structure(out: Pdf, sources: list[Pdf], starts: list[int]) -> None:
    """One structure tree: each slice's elements under one Document, parent-tree keys shifted."""
    root = out.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    document = out.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, P=root))
    kids, nums, base = Array(), Array(), 0
    for source, start in zip(sources, starts, strict=False):
        tree = source.Root.StructTreeRoot
        # Cut each element loose from the slice's own Document before copying, or the copy
        # would drag the old Document and root (and all they reach) along.
        for kid in tree.K[0].K:
            del kid.P
            copied = out.copy_foreign(kid)
            copied.P = document
            kids.append(copied)
        pairs = list(tree.ParentTree.Nums)
        top = 0
        for number, value in zip(pairs[::2], pairs[1::2], strict=False):
            key = int(number)
            nums.append(base + key)
            nums.append(Array([out.copy_foreign(v) for v in value]) if isinstance(value, Array)
                        else out.copy_foreign(value))
            top = max(top, key)
        for index in range(len(source.pages)):
            page = out.pages[start + index].obj
            page.StructParents = base + int(page.StructParents)
            for annot in page.get(Name.Annots, []):
                if Name.StructParent in annot:
                    annot.StructParent = base + int(annot.StructParent)
        base += top + 1
    document.K = kids
    root.K = Array([document])
    root.ParentTree = out.make_indirect(Dictionary(Nums=nums))
    root.ParentTreeNextKey = base
    out.Root.StructTreeRoot = root


def _resolve_links(out: Pdf, places: dict) -> None:
    """One named destination for every anchor of the book; links across slices (`xref:`) become
    links to those names, as links inside a slice already are. Names, not page references, so
    the proof can tell which entry leads where."""
    dests = pikepdf.NameTree.new(out)
    for name in sorted(places):
        index, x, y = places[name]
        dests[name] = Array([out.pages[index].obj, Name.XYZ, x, y, 0])
    out.Root.Names = Dictionary(Dests=dests.obj)
    for page in out.pages:
        for annot in page.obj.get(Name.Annots, []):
            uri = str(annot.A.get(Name.URI, "")) if Name.A in annot else ""
            if uri.startswith("xref:") and uri[5:] in places:
                del annot.A
                annot.Dest = pikepdf.String(uri[5:])
