"""Templates as Word documents (python-docx): real heading styles, numbered and bulleted lists
that restart per list, tables with a repeating header row, and fill-in fields as content
controls that Word and LibreOffice both let a reader click and type over."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document as new_docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from ..template_document import Block, Document, Heading, ListBlock, Paragraph, Run, Table
from .frame import Frame
from .house import FILL, FILL_STYLE, ORGANIZATION, TEXT_STYLES, footer_line, locale

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.shared import Length
    from docx.table import _Row
    from docx.text.paragraph import Paragraph as DocxParagraph
    from lxml.etree import _Element

CHECKBOX = "\u2610"  # ☐


def write_docx(doc: Document, frame: Frame, out: Path) -> None:
    word = new_docx()
    word.core_properties.title = doc.title
    word.core_properties.author = frame.publisher
    word.core_properties.subject = doc.summary
    word.core_properties.keywords = f"{frame.publication}, {doc.kind} template"
    _language(word, frame)
    _house_style(word)
    _header_and_footer(word, frame)
    word.add_heading(doc.title, 0)
    _runs(word.add_paragraph(style="Subtitle"), [Run(doc.summary)])
    for line in frame.preamble:
        _runs(word.add_paragraph(style="Quote"), [Run(line)])
    for block in doc.blocks:
        _block(word, block, form=doc.kind == "form")
    word.save(str(out))


def _language(word: DocxDocument, frame: Frame) -> None:
    """The document's language in its properties and as every run's default (Word's template
    says en-US), so Word checks a Spanish template's spelling in Spanish."""
    tag = "-".join(part for part in locale(frame) if part)
    word.core_properties.language = tag
    defaults = word.styles.element.find(qn("w:docDefaults"))
    run = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")) if defaults is not None else None
    if run is not None:
        lang = run.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            run.append(lang)
        lang.set(qn("w:val"), tag)


def _house_style(word: DocxDocument) -> None:
    """The book's fonts and colors in Word's own styles, so every paragraph and heading takes
    them (Word's template names theme fonts, Calibri and Cambria, and blue headings)."""
    for name, font, size, bold, italic, color in TEXT_STYLES:
        style = word.styles[name]
        style.font.name = font
        fonts = style.element.rPr.rFonts
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        fonts.set(qn("w:eastAsia"), font)
        fonts.set(qn("w:cs"), font)
        style.font.size, style.font.bold, style.font.italic = Pt(size), bold, italic
        style.font.color.rgb = RGBColor.from_string(color)
        # Lines set in points, as in the book: Charis SIL's own line height makes Word's
        # "single" spacing look double, and a one-page notice ran to three.
        style.paragraph_format.line_spacing = Pt(round(size * 1.35, 1))
        borders = style.element.pPr.find(qn("w:pBdr")) if style.element.pPr is not None else None
        if borders is not None:  # Word's Title has a blue rule under it
            style.element.pPr.remove(borders)
    word.styles["Normal"].paragraph_format.space_after = Pt(4)
    fill = word.styles.add_style(FILL_STYLE, WD_STYLE_TYPE.CHARACTER)
    fill.font.highlight_color = WD_COLOR_INDEX.YELLOW
    fill.element.get_or_add_rPr().append(_shading())


def _shading() -> _Element:
    """Shading as well as the highlight: LibreOffice shows shading but not a highlight on text
    in a content control."""
    shd = OxmlElement("w:shd")
    for key, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", FILL)):
        shd.set(qn(key), value)
    return shd


def _header_and_footer(word: DocxDocument, frame: Frame) -> None:
    """The organization's name at the head of every page; where it came from and 'Page X of Y'
    at its foot."""
    section = word.sections[0]
    head = section.header.paragraphs[0]
    head.style = word.styles["Header"]
    head.add_run("Organization: ")
    _runs(head, [Run(ORGANIZATION.label, fill_in=ORGANIZATION)])
    foot = section.footer.paragraphs[0]
    foot.style = word.styles["Footer"]
    foot.add_run(footer_line(frame))
    foot.add_run().add_break()
    foot.add_run("Page ")
    foot._p.append(_field("PAGE"))
    foot.add_run(" of ")
    foot._p.append(_field("NUMPAGES"))
    for p in (head, foot):
        for run in p._p.iter(qn("w:r")):
            size = OxmlElement("w:sz")
            size.set(qn("w:val"), "17")  # 8.5 pt, in half points
            run.get_or_add_rPr().append(size)


def _field(code: str) -> _Element:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {code} ")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    field.append(r)
    return field


def _answer_box(word: DocxDocument, runs: list[Run]) -> None:
    """A long answer in a box with room to write by hand when the page is printed, on the same
    page as the question before it."""
    if word.paragraphs:
        word.paragraphs[-1].paragraph_format.keep_with_next = True
    box = word.add_table(rows=1, cols=1, style="Table Grid")
    _row_height(box.rows[0], Cm(4))
    _runs(box.cell(0, 0).paragraphs[0], runs)
    _spacer(word)


def _spacer(word: DocxDocument) -> None:
    """The paragraph Word needs after a table, small: full size, after a box at the foot of the
    last page, it spilled onto a page of its own (seen rendering the checklist with LibreOffice)."""
    p = word.add_paragraph()
    p.paragraph_format.space_after = p.paragraph_format.space_before = Pt(0)
    p.paragraph_format.line_spacing = Pt(6)


def _row_height(row: _Row, height: Length) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    h = OxmlElement("w:trHeight")
    h.set(qn("w:val"), str(int(height.twips)))
    h.set(qn("w:hRule"), "atLeast")
    tr_pr.append(h)


def _block(word: DocxDocument, block: Block, level: int = 1, form: bool = False) -> None:
    if isinstance(block, Heading):
        _runs(word.add_paragraph(style=f"Heading {min(block.level, 9)}"), block.runs)
    elif isinstance(block, Paragraph) and block.long_answer:
        _answer_box(word, block.runs)
    elif isinstance(block, Paragraph):
        _runs(word.add_paragraph(style="Quote" if block.note else None), block.runs)
    elif isinstance(block, ListBlock):
        _list(word, block, level)
    elif isinstance(block, Table):
        _table(word, block, form)


def _list(word: DocxDocument, block: ListBlock, level: int) -> None:
    suffix = "" if level == 1 else f" {min(level, 3)}"
    num_id = _restarted_numbering(word, f"List Number{suffix}", block.start) if block.ordered else None
    for n, item in enumerate(block.items, 1):
        if item.checkbox:
            p = word.add_paragraph(style="List Paragraph" if level == 1 else f"List Continue{suffix}")
            p.paragraph_format.keep_with_next = n < len(block.items)  # tick boxes stay on one page
            p.add_run(CHECKBOX + "  ")
        else:
            p = word.add_paragraph(style=f"List {'Number' if block.ordered else 'Bullet'}{suffix}")
            if num_id is not None:
                # python-docx makes get_or_add_numPr at run time; its types do not list it.
                p._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = num_id  # type: ignore[attr-defined]
        _runs(p, item.runs)
        for child in item.children:
            _list(word, child, level + 1)


def _restarted_numbering(word: DocxDocument, style_name: str, start: int) -> int:
    """A new numbering instance for one list: Word otherwise continues 1, 2, 3 across every
    numbered list in the document, because they all share the style's numbering."""
    numbering = word.part.numbering_part.element
    style_num = word.styles[style_name].element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    num = numbering.add_num(abstract)
    num.add_lvlOverride(ilvl=0).add_startOverride(start)
    return num.numId


def _table(word: DocxDocument, block: Table, form: bool = False) -> None:
    cols = max([len(block.header)] + [len(r) for r in block.rows])
    rows = ([block.header] if block.header else []) + block.rows
    table = word.add_table(rows=len(rows), cols=cols, style="Table Grid")
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            p = table.cell(r, c).paragraphs[0]
            _runs(p, cell, bold=bool(block.header) and r == 0)
        if form and not (block.header and r == 0):
            _row_height(table.rows[r], Cm(1.2))  # room to write the answer by hand
    if block.header:
        tr_pr = table.rows[0]._tr.get_or_add_trPr()
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        tr_pr.append(header)
    _spacer(word)


def _runs(p: DocxParagraph, runs: list[Run], bold: bool = False) -> None:
    for run in runs:
        if run.fill_in:
            p._p.append(_content_control(run))
            continue
        for i, piece in enumerate(run.text.split("\n")):
            if i:
                p.add_run().add_break()
            r = p.add_run(piece)
            r.bold = run.bold or bold or None
            r.italic = run.italic or None
        if run.href and run.href != run.text:
            p.add_run(f" ({run.href})")


def _content_control(run: Run) -> _Element:
    """<w:sdt>: an inline content control showing '[Label]', shaded, as its placeholder."""
    assert run.fill_in is not None   # called for fill-in runs only
    sdt = OxmlElement("w:sdt")
    pr = OxmlElement("w:sdtPr")
    for tag, value in (("w:alias", run.fill_in.label), ("w:tag", run.fill_in.name)):
        el = OxmlElement(tag)
        el.set(qn("w:val"), value)
        pr.append(el)
    # A rich-text control (no <w:text/>): LibreOffice turns a plain-text one into a field and
    # drops the fill-in's shading, and a rich-text one takes several paragraphs of answer.
    pr.append(OxmlElement("w:showingPlcHdr"))
    sdt.append(pr)
    content = OxmlElement("w:sdtContent")
    r = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), FILL_STYLE)  # its style id: the name has no spaces
    rpr.append(style)
    if run.bold:
        rpr.append(OxmlElement("w:b"))
    highlight = OxmlElement("w:highlight")
    highlight.set(qn("w:val"), "yellow")
    rpr.append(highlight)
    rpr.append(_shading())
    r.append(rpr)
    t = OxmlElement("w:t")
    t.text = f"[{run.fill_in.label}]"
    r.append(t)
    content.append(r)
    sdt.append(content)
    return sdt
