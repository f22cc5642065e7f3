"""Templates as Word documents (python-docx): real heading styles, numbered and bulleted lists
that restart per list, tables with a repeating header row, and fill-in fields as content
controls that Word and LibreOffice both let a reader click and type over."""
from __future__ import annotations

from pathlib import Path

from docx import Document as new_docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from ..template_document import Document, Heading, ListBlock, Paragraph, Run, Table
from .frame import Frame

CHECKBOX = "\u2610"  # ☐


def write_docx(doc: Document, frame: Frame, out: Path) -> None:
    word = new_docx()
    word.core_properties.title = doc.title
    word.core_properties.author = frame.publisher
    word.core_properties.subject = doc.summary
    word.core_properties.keywords = f"{frame.publication}, {doc.kind} template"
    word.styles["Normal"].font.size = Pt(11)
    word.add_heading(doc.title, 0)
    _runs(word.add_paragraph(style="Subtitle"), [Run(doc.summary)])
    for line in frame.preamble:
        _runs(word.add_paragraph(style="Quote"), [Run(line)])
    for block in doc.blocks:
        _block(word, block)
    word.add_paragraph(frame.colophon, style="Caption")
    word.save(out)


def _block(word, block, level: int = 1) -> None:
    if isinstance(block, Heading):
        _runs(word.add_paragraph(style=f"Heading {min(block.level, 9)}"), block.runs)
    elif isinstance(block, Paragraph):
        _runs(word.add_paragraph(style="Quote" if block.note else None), block.runs)
    elif isinstance(block, ListBlock):
        _list(word, block, level)
    elif isinstance(block, Table):
        _table(word, block)


def _list(word, block: ListBlock, level: int) -> None:
    suffix = "" if level == 1 else f" {min(level, 3)}"
    num_id = _restarted_numbering(word, f"List Number{suffix}", block.start) if block.ordered else None
    for item in block.items:
        if item.checkbox:
            p = word.add_paragraph(style="List Paragraph" if level == 1 else f"List Continue{suffix}")
            p.add_run(CHECKBOX + "  ")
        else:
            p = word.add_paragraph(style=f"List {'Number' if block.ordered else 'Bullet'}{suffix}")
            if num_id is not None:
                p._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = num_id
        _runs(p, item.runs)
        for child in item.children:
            _list(word, child, level + 1)


def _restarted_numbering(word, style_name: str, start: int) -> int:
    """A new numbering instance for one list: Word otherwise continues 1, 2, 3 across every
    numbered list in the document, because they all share the style's numbering."""
    numbering = word.part.numbering_part.element
    style_num = word.styles[style_name].element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    num = numbering.add_num(abstract)
    num.add_lvlOverride(ilvl=0).add_startOverride(start)
    return num.numId


def _table(word, block: Table) -> None:
    cols = max([len(block.header)] + [len(r) for r in block.rows])
    rows = ([block.header] if block.header else []) + block.rows
    table = word.add_table(rows=len(rows), cols=cols, style="Table Grid")
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            p = table.cell(r, c).paragraphs[0]
            _runs(p, cell, bold=bool(block.header) and r == 0)
    if block.header:
        tr_pr = table.rows[0]._tr.get_or_add_trPr()
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        tr_pr.append(header)
    word.add_paragraph()


def _runs(p, runs: list[Run], bold: bool = False) -> None:
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


def _content_control(run: Run):
    """<w:sdt>: an inline plain-text content control showing '[Label]' as its placeholder."""
    sdt = OxmlElement("w:sdt")
    pr = OxmlElement("w:sdtPr")
    for tag, value in (("w:alias", run.fill_in.label), ("w:tag", run.fill_in.name)):
        el = OxmlElement(tag)
        el.set(qn("w:val"), value)
        pr.append(el)
    pr.append(OxmlElement("w:showingPlcHdr"))
    text = OxmlElement("w:text")
    if run.fill_in.kind == "long":
        text.set(qn("w:multiLine"), "true")
    pr.append(text)
    sdt.append(pr)
    content = OxmlElement("w:sdtContent")
    r = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    if run.bold:
        rpr.append(OxmlElement("w:b"))
    highlight = OxmlElement("w:highlight")
    highlight.set(qn("w:val"), "yellow")
    rpr.append(highlight)
    r.append(rpr)
    t = OxmlElement("w:t")
    t.text = f"[{run.fill_in.label}]"
    r.append(t)
    content.append(r)
    sdt.append(content)
    return sdt
