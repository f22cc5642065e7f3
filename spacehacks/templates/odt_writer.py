"""Templates as OpenDocument text (odfpy), for LibreOffice and the public bodies that require an
open format: outline headings, lists that restart per list, tables with header rows, and fill-in
fields as input fields that print as [Label] and open a dialog to fill in."""
from __future__ import annotations

from pathlib import Path

from odf import dc, table, teletype
from odf.element import Element
from odf.opendocument import OpenDocumentText
from odf.style import (
    FontFace,
    Footer,
    Header,
    ListLevelProperties,
    MasterPage,
    PageLayout,
    PageLayoutProperties,
    ParagraphProperties,
    Style,
    TableCellProperties,
    TableProperties,
    TableRowProperties,
    TextProperties,
)
from odf.text import (
    H,
    LineBreak,
    List,
    ListItem,
    ListLevelStyleBullet,
    ListLevelStyleNumber,
    ListStyle,
    P,
    PageCount,
    PageNumber,
    Span,
    TextInput,
)

from ..model import SOURCE_LANGUAGE
from ..template_document import Block, Document, Heading, ListBlock, Paragraph, Run, Table
from .frame import Frame
from .house import (
    ACCENT,
    ENDING,
    FILL,
    FILL_STYLE,
    INK,
    MUTED,
    ORGANIZATION,
    SANS,
    SERIF,
    TEXT_STYLES,
    footer_line,
    locale,
)

CHECKBOX = "\u2610"


def _walk(el: Element) -> list[Element]:
    """Every element under `el`, in document order."""
    out = []
    for child in el.childNodes:
        if child.nodeType == child.ELEMENT_NODE:
            out.append(child)
            out.extend(_walk(child))
    return out


_PROPERTIES = {"paragraphproperties": ParagraphProperties, "textproperties": TextProperties,
               "tableproperties": TableProperties, "tablecellproperties": TableCellProperties,
               "tablerowproperties": TableRowProperties}
ODT_NAMES = {"Normal": "Standard", "Heading 1": "Heading_20_1", "Heading 2": "Heading_20_2",
             "Heading 3": "Heading_20_3", "Quote": "Note"}  # house style names in OpenDocument


def write_odt(doc: Document, frame: Frame, out: Path) -> None:
    language, country = locale(frame)
    writer = _Writer(language, country)
    odt = writer.odt
    odt.meta.addElement(dc.Language(text="-".join(p for p in (language, country) if p)))
    odt.meta.addElement(dc.Title(text=doc.title))
    odt.meta.addElement(dc.Subject(text=doc.summary))
    odt.meta.addElement(dc.Creator(text=frame.publisher))
    writer.page(frame)
    body = odt.text
    body.addElement(writer.para([Run(doc.title)], "Title"))
    body.addElement(writer.para([Run(doc.summary)], "Subtitle"))
    for line in frame.preamble:
        body.addElement(writer.para([Run(line)], "Note"))
    writer.form = doc.kind == "form"
    for block in doc.blocks:
        writer.block(body, block)
    writer.keep_ending(body)
    odt.save(str(out))


class _Writer:
    def __init__(self, language: str = SOURCE_LANGUAGE, country: str = "US") -> None:
        self.odt = OpenDocumentText()
        self.locale = {"language": language, **({"country": country} if country else {})}
        self.tables = 0
        self.form = False
        self.styles: dict[str, Element] = {}
        self._define_styles()

    def _style(self, name: str, family: str, where: str = "styles", attrs: dict[str, object] | None = None,
               **props: dict[str, object] | None) -> Element:
        style = Style(name=name, family=family, **(attrs or {}))
        for kind, values in props.items():
            if values:
                style.addElement(_PROPERTIES[kind](**values))
        (self.odt.styles if where == "styles" else self.odt.automaticstyles).addElement(style)
        self.styles[name] = style
        return style

    def _define_styles(self) -> None:
        for family, generic in ((SERIF, "roman"), (SANS, "swiss")):
            self.odt.fontfacedecls.addElement(FontFace(name=family, fontfamily=f"'{family}'",
                                                       fontfamilygeneric=generic, fontpitch="variable"))
        looks = {ODT_NAMES.get(name, name): (font, size, bold, italic, color)
                 for name, font, size, bold, italic, color in TEXT_STYLES}

        def text(name: str) -> dict:
            font, size, bold, italic, color = looks[name]
            return {"fontname": font, "fontsize": f"{size}pt", "fontweight": "bold" if bold else "normal",
                    "fontstyle": "italic" if italic else "normal", "color": f"#{color}"}
        # Every style inherits the language from Standard: LibreOffice spell-checks and
        # hyphenates the words in it.
        self._style("Standard", "paragraph", attrs={"displayname": "Default"},
                    paragraphproperties={"marginbottom": "0.18cm"},
                    textproperties={**text("Standard"), **self.locale})
        for level in (1, 2, 3):
            self._style(f"Heading_20_{level}", "paragraph",
                        attrs={"displayname": f"Heading {level}", "parentstylename": "Standard",
                               "nextstylename": "Standard", "defaultoutlinelevel": str(level)},
                        paragraphproperties={"margintop": "0.45cm", "marginbottom": "0.15cm",
                                             "keepwithnext": "always"},
                        textproperties=text(f"Heading_20_{level}"))
        self._style("Title", "paragraph", attrs={"displayname": "Title", "parentstylename": "Standard"},
                    paragraphproperties={"marginbottom": "0.2cm"}, textproperties=text("Title"))
        self._style("Subtitle", "paragraph", attrs={"displayname": "Subtitle", "parentstylename": "Standard"},
                    paragraphproperties={"marginbottom": "0.4cm"}, textproperties=text("Subtitle"))
        self._style("Note", "paragraph", attrs={"displayname": "Note", "parentstylename": "Standard"},
                    paragraphproperties={"backgroundcolor": "#f7f1ea", "padding": "0.2cm",
                                         "borderleft": f"2pt solid #{ACCENT}", "marginbottom": "0.3cm"},
                    textproperties=text("Note"))
        self._style("Caption", "paragraph", attrs={"displayname": "Caption", "parentstylename": "Standard"},
                    paragraphproperties={"margintop": "0.6cm"}, textproperties=text("Caption"))
        for name in ("Header", "Footer"):
            self._style(name, "paragraph", attrs={"displayname": name, "parentstylename": "Standard"},
                        textproperties={"fontname": SANS, "fontsize": "8.5pt", "color": f"#{MUTED}"})
        # Kept with the next item, so a list of tick boxes is never split across two pages.
        self._style("Tick", "paragraph", "auto", attrs={"parentstylename": "Standard"},
                    paragraphproperties={"keepwithnext": "always"})
        self._style("Bold", "text", "auto", textproperties={"fontweight": "bold"})
        self._style("Italic", "text", "auto", textproperties={"fontstyle": "italic"})
        self._style("BoldItalic", "text", "auto", textproperties={"fontweight": "bold", "fontstyle": "italic"})
        self._style("Fill", "text", attrs={"displayname": FILL_STYLE},
                    textproperties={"backgroundcolor": f"#{FILL}", "fontname": SANS, "color": f"#{INK}"})
        self._style("Answer", "table-row", "auto", tablerowproperties={"minrowheight": "1.2cm"})
        self._style("Box", "table-row", "auto", tablerowproperties={"minrowheight": "4cm"})
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

    def keep_ending(self, body: Element) -> None:
        """The last ENDING paragraphs with text go onto one page: each keeps with the next, in a
        style of its own based on its style (a table's cells do not take part)."""
        paragraphs = [el for el in _walk(body) if el.qname[1] in ("p", "h")
                      and el.parentNode.qname[1] != "table-cell"]
        kept = 0
        for p in reversed(paragraphs[:-1]):
            if kept >= ENDING - 1:
                break
            kept += bool(teletype.extractText(p).strip())
            base = p.getAttribute("stylename")
            if base not in self.styles or base == "Tick":  # a tick box already keeps with the next
                continue
            name = f"Keep_{base}"
            if name not in self.styles:
                self._style(name, "paragraph", "auto", attrs={"parentstylename": self.styles[base]},
                            paragraphproperties={"keepwithnext": "always"})
            p.setAttribute("stylename", self.styles[name])

    def page(self, frame: Frame) -> None:
        """The organization's name at the head of every page; where the template came from and
        'Page X of Y' at its foot."""
        layout = PageLayout(name="Page")
        layout.addElement(PageLayoutProperties(margintop="1.5cm", marginbottom="1.5cm", marginleft="2cm",
                                               marginright="2cm"))
        self.odt.automaticstyles.addElement(layout)
        master = MasterPage(name="Standard", pagelayoutname=layout)
        header, footer = Header(), Footer()
        header.addElement(self.para([Run("Organization: "), Run(ORGANIZATION.label, fill_in=ORGANIZATION)], "Header"))
        line = self.para([Run(footer_line(frame))], "Footer")
        line.addElement(LineBreak())
        teletype.addTextToElement(line, "Page ")
        line.addElement(PageNumber(selectpage="current", text="1"))
        teletype.addTextToElement(line, " of ")
        line.addElement(PageCount(text="1"))
        footer.addElement(line)
        master.addElement(header)
        master.addElement(footer)
        self.odt.masterstyles.addElement(master)

    def para(self, runs: list[Run], style: str = "Standard", heading: int = 0) -> Element:
        el = (H(outlinelevel=heading, stylename=self.styles[style]) if heading
              else P(stylename=self.styles[style]))
        self.inline(el, runs)
        return el

    def inline(self, el: Element, runs: list[Run]) -> None:
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

    def block(self, parent: Element, block: Block) -> None:
        if isinstance(block, Heading):
            parent.addElement(self.para(block.runs, f"Heading_20_{min(block.level, 3)}", block.level))
        elif isinstance(block, Paragraph) and block.long_answer:
            parent.addElement(self.answer_box(block.runs))
        elif isinstance(block, Paragraph):
            parent.addElement(self.para(block.runs, "Note" if block.note else "Standard"))
        elif isinstance(block, ListBlock):
            parent.addElement(self.list_block(block))
        elif isinstance(block, Table):
            parent.addElement(self.table(block))

    def list_block(self, block: ListBlock) -> Element:
        checklist = all(i.checkbox for i in block.items)
        style = "Numbered" if block.ordered else "Checklist" if checklist else "Bullets"
        el = List(stylename=self.styles[style])
        for n, item in enumerate(block.items, 1):
            li = ListItem()
            runs = item.runs if checklist or not item.checkbox else [Run(CHECKBOX + " ")] + item.runs
            li.addElement(self.para(runs, "Tick" if checklist and n < len(block.items) else "Standard"))
            for child in item.children:
                li.addElement(self.list_block(child))
            el.addElement(li)
        return el

    def table(self, block: Table) -> Element:
        self.tables += 1
        cols = max([len(block.header)] + [len(r) for r in block.rows])
        el = table.Table(name=f"Table{self.tables}", stylename=self.styles["Table"])
        el.addElement(table.TableColumn(numbercolumnsrepeated=cols))
        if block.header:
            head = table.TableHeaderRows()
            head.addElement(self.row(block.header, cols, bold=True))
            el.addElement(head)
        for row in block.rows:
            el.addElement(self.row(row, cols, answer=self.form))
        return el

    def answer_box(self, runs: list[Run]) -> Element:
        """A long answer in a box with room to write by hand when the page is printed."""
        self.tables += 1
        el = table.Table(name=f"Table{self.tables}", stylename=self.styles["Table"])
        el.addElement(table.TableColumn())
        row = table.TableRow(stylename=self.styles["Box"])
        cell = table.TableCell(stylename=self.styles["Cell"], valuetype="string")
        cell.addElement(self.para(runs))
        row.addElement(cell)
        el.addElement(row)
        return el

    def row(self, cells: list[list[Run]], cols: int, bold: bool = False, answer: bool = False) -> Element:
        tr = table.TableRow(stylename=self.styles["Answer"]) if answer else table.TableRow()
        for c in range(cols):
            cell = table.TableCell(stylename=self.styles["Cell"], valuetype="string")
            runs = cells[c] if c < len(cells) else []
            cell.addElement(self.para([Run(r.text, True, r.italic, r.fill_in) for r in runs] if bold else runs))
            tr.addElement(cell)
        return tr
