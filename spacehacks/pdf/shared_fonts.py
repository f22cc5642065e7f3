"""One embedded font per face in a book joined from slices.

Each slice embeds its own subset of every font it uses, so a book of 30 slices would carry 30
copies of Charis SIL's common letters. WeasyPrint subsets with the glyph ids of the full font kept
(HarfBuzz's RETAIN_GIDS), so the subsets of one font are interchangeable wherever they overlap:
their union is one subset that serves every page. Here the slices' font programs are merged into
one per font file, and the font dictionaries of one face (the same BaseFont in every slice: its
tag is a hash of the face's description) into one, with every width and Unicode mapping of all
of them. Fonts that are not TrueType with the Identity-H encoding (WeasyPrint's way for text
whose letters the font lacks) are left as they are.
"""
from __future__ import annotations

import copy
import logging
import re
from io import BytesIO
from typing import Any

from pikepdf import Array, Dictionary, Name, Pdf

_BFCHAR = re.compile(rb"<([0-9a-fA-F]{4})> <([0-9a-fA-F]*)>")


def share_fonts(pdf: Pdf) -> None:
    users: dict[str, list[tuple[Any, Name]]] = {}      # BaseFont: (font resources, name) using it
    faces: dict[str, dict[tuple[int, int], Any]] = {}  # BaseFont: its font dictionaries
    for fonts in _font_resources(pdf):
        for key in list(fonts.keys()):
            font = fonts[key]
            if _mergeable(font):
                users.setdefault(str(font.BaseFont), []).append((fonts, Name(key)))
                faces.setdefault(str(font.BaseFont), {})[font.objgen] = font
    programs: dict[tuple, dict[tuple[int, int], Any]] = {}
    for found in faces.values():
        for font in found.values():
            stream = _descriptor(font).FontFile2
            programs.setdefault(_identity(stream.read_bytes()), {})[stream.objgen] = stream
    merged = {}
    for _, streams in sorted(programs.items(), key=lambda item: str(item[0])):
        data = _union([s.read_bytes() for s in streams.values()])
        stream = pdf.make_stream(data)
        stream.Length1 = len(data)
        for s in streams.values():
            merged[s.objgen] = stream
    for base in sorted(faces):
        one = _merge_face(pdf, list(faces[base].values()), merged)
        for fonts, key in users[base]:
            fonts[key] = one


def _font_resources(pdf: Pdf) -> list[Any]:
    """Every /Font resource dictionary of the pages and of the forms they draw (the overlays)."""
    out, seen = [], set()

    def visit(resources: Any) -> None:
        if not isinstance(resources, Dictionary) or (resources.is_indirect and resources.objgen in seen):
            return
        if resources.is_indirect:
            seen.add(resources.objgen)
        fonts = resources.get(Name.Font)
        if isinstance(fonts, Dictionary) and not (fonts.is_indirect and fonts.objgen in seen):
            if fonts.is_indirect:
                seen.add(fonts.objgen)
            out.append(fonts)
        for xobject in resources.get(Name.XObject, Dictionary()).values():
            if xobject.get(Name.Subtype) == Name.Form:
                visit(xobject.get(Name.Resources))

    for page in pdf.pages:
        visit(page.obj.get(Name.Resources))
    return out


def _descriptor(font: Any) -> Any:
    return font.DescendantFonts[0].FontDescriptor


def _mergeable(font: Any) -> bool:
    try:
        return (font.Subtype == Name.Type0 and font.Encoding == Name("/Identity-H")
                and Name.FontFile2 in _descriptor(font) and Name.W in font.DescendantFonts[0])
    except (AttributeError, KeyError, IndexError, TypeError):
        return False


def _identity(data: bytes) -> tuple:
    """Which font file a subset was cut from: its unique id, PostScript name and version (the
    name table; HarfBuzz keeps it). Not the head table: its dates make fontTools warn."""
    from fontTools.ttLib import TTFont
    names = TTFont(BytesIO(data), lazy=True)["name"]
    return tuple(names.getDebugName(n) or "" for n in (3, 6, 5))


def _union(subsets: list[bytes]) -> bytes:
    """One TrueType font holding every glyph any of `subsets` holds, at the same glyph ids."""
    from fontTools.ttLib import TTFont
    if len(subsets) == 1:
        return subsets[0]
    # HarfBuzz's subsets carry no creation date, which fontTools warns about on every read.
    head = logging.getLogger("fontTools.ttLib.tables._h_e_a_d")
    level, head.level = head.level, logging.ERROR
    try:
        # recalcTimestamp off: fontTools would stamp the merged font's head table with the clock,
        # and the same book would come out different from one build to the next.
        return _union_of([TTFont(BytesIO(data), recalcTimestamp=False) for data in subsets])
    finally:
        head.setLevel(level)


def _union_of(fonts: list[Any]) -> bytes:
    if not all("glyf" in f and "hmtx" in f for f in fonts):
        raise ValueError("not TrueType")  # _mergeable lets only FontFile2 (TrueType) through
    base = max(fonts, key=lambda f: len(f.getGlyphOrder()))
    order, glyf, hmtx = base.getGlyphOrder(), base["glyf"], base["hmtx"]
    for other in fonts:
        if other is base:
            continue
        theirs = other.getGlyphOrder()
        for gid, name in enumerate(theirs):
            glyph = other["glyf"][name]
            if glyph.numberOfContours == 0 or glyf[order[gid]].numberOfContours != 0:
                continue
            glyph = copy.deepcopy(glyph)
            if glyph.isComposite():   # components are named: name them as the base font does
                for component in glyph.components:
                    component.glyphName = order[other.getGlyphID(component.glyphName)]
            glyf[order[gid]] = glyph
            hmtx[order[gid]] = other["hmtx"][name]
    out = BytesIO()
    base.save(out)
    return out.getvalue()


def _widths(w: Any) -> dict[int, Any]:
    items, out, n = list(w), {}, 0
    while n < len(items):
        start, value = int(items[n]), items[n + 1]
        if isinstance(value, Array):
            for i, width in enumerate(value):
                out[start + i] = width
            n += 2
        else:   # c_first c_last width
            for cid in range(start, int(value) + 1):
                out[cid] = items[n + 2]
            n += 3
    return out


def _w_array(widths: dict[int, Any]) -> Array:
    out, run, last = Array(), None, None
    for cid in sorted(widths):
        if last is None or cid != last + 1:
            run = Array()
            out.append(cid)
            out.append(run)
        assert run is not None
        run.append(widths[cid])
        last = cid
    return out


def _to_unicode(streams: list[Any]) -> bytes:
    """One ToUnicode CMap with every glyph's text, in WeasyPrint's form."""
    chars: dict[bytes, bytes] = {}
    for stream in streams:
        for gid, text in _BFCHAR.findall(stream.read_bytes()):
            chars.setdefault(gid.lower(), text)
    lines = [b"/CIDInit /ProcSet findresource begin", b"12 dict begin", b"begincmap", b"/CIDSystemInfo",
             b"<< /Registry (Adobe)", b"/Ordering (UCS)", b"/Supplement 0", b">> def",
             b"/CMapName /Adobe-Identity-UCS def", b"/CMapType 2 def", b"1 begincodespacerange",
             b"<0000> <ffff>", b"endcodespacerange"]
    items = sorted(chars.items())
    for n in range(0, len(items), 100):
        batch = items[n:n + 100]
        lines.append(f"{len(batch)} beginbfchar".encode())
        lines += [b"<" + gid + b"> <" + text + b">" for gid, text in batch]
        lines.append(b"endbfchar")
    lines += [b"endcmap", b"CMapName currentdict /CMap defineresource pop", b"end", b"end"]
    return b"\n".join(lines)


def _merge_face(pdf: Pdf, fonts: list[Any], programs: dict) -> Any:
    first = fonts[0]
    widths: dict[int, Any] = {}
    for font in fonts:
        for cid, width in _widths(font.DescendantFonts[0].W).items():
            widths.setdefault(cid, width)
    descriptor = Dictionary(_descriptor(first))
    descriptor.FontFile2 = programs[_descriptor(first).FontFile2.objgen]
    boxes = [list(map(float, _descriptor(f).FontBBox)) for f in fonts]
    descriptor.FontBBox = Array([min(b[0] for b in boxes), min(b[1] for b in boxes),
                                 max(b[2] for b in boxes), max(b[3] for b in boxes)])
    cid_font = Dictionary(first.DescendantFonts[0])
    cid_font.W = _w_array(widths)
    cid_font.FontDescriptor = pdf.make_indirect(descriptor)
    font = Dictionary(first)
    font.ToUnicode = pdf.make_stream(_to_unicode([f.ToUnicode for f in fonts]))
    font.DescendantFonts = Array([pdf.make_indirect(cid_font)])
    return pdf.make_indirect(font)

