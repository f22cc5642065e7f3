"""Templates as OpenDocument text (odfpy), for LibreOffice and the public bodies that require an
open format: outline headings, lists that restart per list, tables with header rows, and fill-in
fields as input fields that print as [Label] and open a dialog to fill in."""
from __future__ import annotations

from pathlib import Path

from odf import dc, table, teletype
from odf.opendocument import OpenDocumentText
from odf.style import (ListLevelProperties, ParagraphProperties, Style, TableCellProperties,
                       TableProperties, TextProperties)
from odf.text import (H, LineBreak, List, ListItem, ListLevelStyleBullet, ListLevelStyleNumber,
                      ListStyle, P, Span, TextInput)

from ..template_document import Document, Heading, ListBlock, Paragraph, Run, Table
from .frame import Frame

CHECKBOX = "\u2610"
_PROPERTIES = {"paragraphproperties": ParagraphProperties, "textproperties": TextProperties,
               "tableproperties": TableProperties, "tablecellproperties": TableCellProperties}


def write_odt(doc: Document, frame: Frame, out: Path) -> None:
    writer = _Writer()
    odt = writer.odt
    odt.meta.addElement(dc.Title(text=doc.title))
    odt.meta.addElement(dc.Subject(text=doc.summary))
    odt.meta.addElement(dc.Creator(text=frame.publisher))
    body = odt.text
    body.addElement(writer.para([Run(doc.title)], "Title"))
    body.addElement(writer.para([Run(doc.summary)], "Subtitle"))
    for line in frame.preamble:
        body.addElement(writer.para([Run(line)], "Note"))
    for block in doc.blocks:
        writer.block(body, block)
    body.addElement(writer.para([Run(frame.colophon)], "Caption"))
    odt.save(str(out))


class _Writer:
    def __init__(self):
        self.odt = OpenDocumentText()
        self.tables = 0
        self.styles = {}
        self._define_styles()

    def _style(self, name, family, where="styles", attrs=None, **props):
        style = Style(name=name, family=family, **(attrs or {}))
        for kind, values in props.items():
            if values:
                style.addElement(_PROPERTIES[kind](**values))
        (self.odt.styles if where == "styles" else self.odt.automaticstyles).addElement(style)
        self.styles[name] = style
        return style

    def _define_styles(self):
        text = {"fontsize": "11pt", "fontname": "Liberation Sans"}
        self._style("Standard", "paragraph", attrs={"displayname": "Default"},
                    paragraphproperties={"marginbottom": "0.18cm"}, textproperties=text)
        sizes = {1: "16pt", 2: "13pt", 3: "12pt"}
        for level, size in sizes.items():
            self._style(f"Heading_20_{level}", "paragraph",
                        attrs={"displayname": f"Heading {level}", "parentstylename": "Standard",
                               "nextstylename": "Standard", "defaultoutlinelevel": str(level)},
                        paragraphproperties={"margintop": "0.45cm", "marginbottom": "0.15cm",
                                             "keepwithnext": "always"},
                        textproperties={"fontsize": size, "fontweight": "bold", "color": "#2b2d42"})
        self._style("Title", "paragraph", attrs={"displayname": "Title", "parentstylename": "Standard"},
                    paragraphproperties={"marginbottom": "0.2cm"},
                    textproperties={"fontsize": "22pt", "fontweight": "bold"})
        self._style("Subtitle", "paragraph", attrs={"displayname": "Subtitle", "parentstylename": "Standard"},
                    paragraphproperties={"marginbottom": "0.4cm"},
                    textproperties={"fontsize": "12pt", "fontstyle": "italic", "color": "#444444"})
        self._style("Note", "paragraph", attrs={"displayname": "Note", "parentstylename": "Standard"},
                    paragraphproperties={"backgroundcolor": "#eef2f7", "padding": "0.2cm",
                                         "borderleft": "2pt solid #5b6f95", "marginbottom": "0.3cm"},
                    textproperties={})
        self._style("Caption", "paragraph", attrs={"displayname": "Caption", "parentstylename": "Standard"},
                    paragraphproperties={"margintop": "0.6cm"},
                    textproperties={"fontsize": "9pt", "color": "#555555"})
        self._style("Bold", "text", "auto", textproperties={"fontweight": "bold"})
        self._style("Italic", "text", "auto", textproperties={"fontstyle": "italic"})
        self._style("BoldItalic", "text", "auto", textproperties={"fontweight": "bold", "fontstyle": "italic"})
        self._style("Fill", "text", "auto", textproperties={"backgroundcolor": "#fff3a3"})
        self._style("Table", "table", "auto", tableproperties={"width": "17cm", "align": "left"})
        self._style("Cell", "table-cell", "auto",
                    tablecellproperties={"border": "0.5pt solid #000000", "padding": "0.12cm"})
        for name, number in (("Numbered", True), ("Bullets", False), ("Checklist", None)):
            ls = ListStyle(name=name)
            for level in (1, 2, 3):
                if number:
                    lvl = ListLevelStyleNumber(level=level, numformat="1", numsuffix=".")
                else:
                    lvl = ListLevelStyleBullet(level=level, bulletchar=CHECKBOX if number is None else "•")
                lvl.addElement(ListLevelProperties(spacebefore=f"{0.6 * (level - 1)}cm",
                                                   minlabelwidth="0.6cm"))
                ls.addElement(lvl)
            self.odt.automaticstyles.addElement(ls)
            self.styles[name] = ls

    def para(self, runs: list[Run], style: str = "Standard", heading: int = 0):
        el = (H(outlinelevel=heading, stylename=self.styles[style]) if heading
              else P(stylename=self.styles[style]))
        self.inline(el, runs)
        return el

    def inline(self, el, runs: list[Run]) -> None:
        for run in runs:
            if run.fill_in:
                span = Span(stylename=self.styles["Fill"])
                # An input field rather than a placeholder: LibreOffice prints its text (a
                # placeholder prints blank) and opens a small dialog to fill it in.
                holder = TextInput(description=run.fill_in.label)
                holder.addText(f"[{run.fill_in.label}]")
                span.addElement(holder)
                el.addElement(span)
                continue
            style = ("BoldItalic" if run.bold and run.italic else "Bold" if run.bold
                     else "Italic" if run.italic else None)
            target = Span(stylename=self.styles[style]) if style else el
            for i, piece in enumerate(run.text.split("\n")):
                if i:
                    target.addElement(LineBreak())
                teletype.addTextToElement(target, piece)
            if run.href and run.href != run.text:
                teletype.addTextToElement(target, f" ({run.href})")
            if style:
                el.addElement(target)

    def block(self, parent, block) -> None:
        if isinstance(block, Heading):
            parent.addElement(self.para(block.runs, f"Heading_20_{min(block.level, 3)}", block.level))
        elif isinstance(block, Paragraph):
            parent.addElement(self.para(block.runs, "Note" if block.note else "Standard"))
        elif isinstance(block, ListBlock):
            parent.addElement(self.list(block))
        elif isinstance(block, Table):
            parent.addElement(self.table(block))

    def list(self, block: ListBlock):
        checklist = all(i.checkbox for i in block.items)
        style = "Numbered" if block.ordered else "Checklist" if checklist else "Bullets"
        el = List(stylename=self.styles[style])
        for item in block.items:
            li = ListItem()
            runs = item.runs if checklist or not item.checkbox else [Run(CHECKBOX + " ")] + item.runs
            li.addElement(self.para(runs))
            for child in item.children:
                li.addElement(self.list(child))
            el.addElement(li)
        return el

    def table(self, block: Table):
        self.tables += 1
        cols = max([len(block.header)] + [len(r) for r in block.rows])
        el = table.Table(name=f"Table{self.tables}", stylename=self.styles["Table"])
        el.addElement(table.TableColumn(numbercolumnsrepeated=cols))
        if block.header:
            head = table.TableHeaderRows()
            head.addElement(self.row(block.header, cols, bold=True))
            el.addElement(head)
        for row in block.rows:
            el.addElement(self.row(row, cols))
        return el

    def row(self, cells, cols: int, bold: bool = False):
        tr = table.TableRow()
        for c in range(cols):
            cell = table.TableCell(stylename=self.styles["Cell"], valuetype="string")
            runs = cells[c] if c < len(cells) else []
            cell.addElement(self.para([Run(r.text, True, r.italic, r.fill_in) for r in runs] if bold else runs))
            tr.addElement(cell)
        return tr
