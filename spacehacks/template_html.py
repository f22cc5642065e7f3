"""Templates as HTML: the site's preview, the printable PDF and the fillable PDF form all come
from here, so the three show the same document.

Modes: "preview" marks fill-in fields for reading on screen; "print" leaves highlighted blanks
(ruled boxes for long answers) to fill in by hand; "form" turns each fill-in field and checkbox
into a named PDF form field (WeasyPrint's pdf_forms).
"""
from __future__ import annotations

import re

from markupsafe import Markup, escape

from .template_document import Document, Heading, ListBlock, Paragraph, Run, Table

_LAST_WORD = re.compile(r"(.*?)(\S*\s*)\Z", re.DOTALL)


def body_html(doc: Document, mode: str = "preview", top: int = 2) -> Markup:
    """`top` is the HTML level of the body's first heading level (the page decides what sits above)."""
    return Markup(_Html(mode, top).blocks(doc.blocks))


class _Html:
    def __init__(self, mode: str, top: int = 2):
        self.mode = mode
        self.top = top
        self.names: list[str] = []
        self.prefix = ""

    def _name(self, base: str) -> str:
        base = base[:48].strip("_") or "field"
        name, n = base, 1
        while name in self.names:
            n += 1
            name = f"{base}_{n}"
        self.names.append(name)
        return name

    def blocks(self, blocks) -> str:
        return "\n".join(self.block(b) for b in blocks)

    def block(self, b) -> str:
        if isinstance(b, Heading):
            level = min(b.level + self.top - 1, 6)
            return f"<h{level}>{self.runs(b.runs)}</h{level}>"
        if isinstance(b, Paragraph):
            if len(b.runs) == 1 and b.runs[0].fill_in and b.runs[0].fill_in.kind == "long":
                return self.long_field(b.runs[0])
            cls = ' class="sh-template-note"' if b.note else ""
            return f"<p{cls}>{self.runs(b.runs)}</p>"
        if isinstance(b, ListBlock):
            return self.list(b)
        if isinstance(b, Table):
            return self.table(b)
        return ""

    def list(self, b: ListBlock) -> str:
        checklist = bool(b.items) and all(i.checkbox for i in b.items)
        tag = "ol" if b.ordered else "ul"
        attrs = ' class="sh-checklist"' if checklist else ""
        if b.ordered and b.start != 1:
            attrs += f' start="{b.start}"'
        items = []
        for item in b.items:
            box = self.checkbox(item.runs) if item.checkbox else ""
            children = "".join(self.list(c) for c in item.children)
            items.append(f"<li>{box}{self.runs(item.runs)}{children}</li>")
        return f"<{tag}{attrs}>\n" + "\n".join(items) + f"\n</{tag}>"

    def checkbox(self, runs: list[Run]) -> str:
        if self.mode == "form":
            words = "".join(r.text for r in runs if not r.fill_in)
            name = self._name("check_" + re.sub(r"[^a-z0-9]+", "_", words.lower()))
            return f'<input type="checkbox" name="{name}" value="yes" title="{escape(words)}"> '
        return '<span class="sh-box" aria-hidden="true">\u2610</span> '

    def table(self, b: Table) -> str:
        out = ['<table class="sh-template-table">']
        if b.header:
            out.append("<thead><tr>" + "".join(f"<th>{self.runs(c)}</th>" for c in b.header) + "</tr></thead>")
        out.append("<tbody>")
        for row in b.rows:
            # A field in a row named by its first cell ("Witness") takes that name as a prefix,
            # so a form's fields read witness_name_or_description rather than a bare number.
            first = "".join(r.text for r in row[0] if not r.fill_in) if row else ""
            self.prefix = re.sub(r"[^a-z0-9]+", "_", first.lower()).strip("_")
            out.append("<tr>" + "".join(f"<td>{self.runs(c)}</td>" for c in row) + "</tr>")
            self.prefix = ""
        out.append("</tbody></table>")
        return "\n".join(out)

    def runs(self, runs: list[Run]) -> str:
        """The runs as HTML; a fill-in and the label word before it ("Role:") never part at a line
        end, so a printed form keeps each box beside what it asks for."""
        out, held = [], []
        for n, r in enumerate(runs):
            if r.fill_in:
                out.append(f'<span class="sh-pair">{"".join(held)}{self.field(r)}</span>')
                held = []
                continue
            ahead = next((x for x in runs[n + 1:] if x.fill_in or x.text.strip()), None)
            if ahead is not None and ahead.fill_in and held and not r.text.strip():
                held.append(self.text(r))  # the space between "Role:" and its box
            elif ahead is not None and ahead.fill_in:
                out.extend(held)
                held = []
                # a bold run is the field's whole label ("Adopted on:"); otherwise its last word
                head, tail = ("", r.text) if r.bold and len(r.text) < 40 else _LAST_WORD.match(r.text).groups()
                out.append(self.text(Run(head, r.bold, r.italic, None, r.href)) if head else "")
                held.append(self.text(Run(tail, r.bold, r.italic, None, r.href)))
            else:
                out.extend(held)
                held = []
                out.append(self.text(r))
        return "".join(out + held)

    def text(self, r: Run) -> str:
        text = str(escape(r.text)).replace("\n", "<br>")
        if r.italic:
            text = f"<em>{text}</em>"
        if r.bold:
            text = f"<strong>{text}</strong>"
        if r.href:
            text = f'<a href="{escape(r.href)}">{text}</a>'
        return text

    def field(self, r: Run) -> str:
        f = r.fill_in
        label = escape(f.label)
        if self.mode == "form":
            name = self._name(f"{self.prefix}_{f.name}" if self.prefix else f.name)
            return (f'<input type="text" name="{name}" title="{label}" '
                    f'class="sh-input sh-input--{f.kind}" placeholder="{label}">')
        if self.mode == "print":
            return f'<span class="sh-fill sh-fill--{f.kind}">{label}</span>'
        return f'<mark class="sh-fill" title="Fill in: {label}">[{label}]</mark>'

    def long_field(self, r: Run) -> str:
        f = r.fill_in
        label = escape(f.label)
        if self.mode == "form":
            name = self._name(f.name)
            return (f'<p class="sh-long"><span class="sh-long__label">{label}</span>'
                    f'<textarea name="{name}" title="{label}" rows="6"></textarea></p>')
        if self.mode == "print":
            return f'<p class="sh-long"><span class="sh-long__label">{label}</span></p>'
        return f'<p class="sh-long"><mark class="sh-fill" title="Fill in: {label}">[{label}]</mark></p>'
