"""Fill-in fields in template sources: the one syntax, its vocabulary, and the checks on both.

A fill-in field is a label from content/templates/fields.yml between double square brackets:
`[[Organization name]]`. Every output marks it for filling in: a content control in Word, a
placeholder in LibreOffice, a highlighted blank in the PDF, a form field in the fillable PDF.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .frontmatter import entry_lines
from .problems import Problem, did_you_mean, rel

FIELD = re.compile(r"\[\[([^\[\]\n]*)\]\]")
LABEL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ,'’/()&-]*[A-Za-z0-9)]$|^[A-Za-z0-9]$")
KINDS = {
    "text": "one line of text",
    "long": "several lines of text",
    "date": "a date",
    "time": "a time of day",
}
VOCABULARY = Path("content") / "templates" / "fields.yml"
_CURLY = re.compile(r"\{\{[^}\n]*\}\}")
_SINGLE = re.compile(r"(?<!\[)\[([^\[\]\n]+)\](?![\](])")


@dataclass(frozen=True)
class FillIn:
    label: str
    kind: str

    @property
    def name(self) -> str:
        """A stable identifier for form fields and content-control tags."""
        return re.sub(r"[^a-z0-9]+", "_", self.label.lower()).strip("_")


def split(text: str) -> Iterator[tuple[str, str]]:
    """Yield ('text', str) and ('field', label) pieces of one run of text, in order."""
    pos = 0
    for m in FIELD.finditer(text):
        if m.start() > pos:
            yield "text", text[pos:m.start()]
        yield "field", m.group(1)
        pos = m.end()
    if pos < len(text):
        yield "text", text[pos:]


def load_vocabulary(root: Path) -> tuple[dict[str, str], list[Problem]]:
    """content/templates/fields.yml: one 'Label: kind' per line; label -> kind."""
    file = Path(root) / VOCABULARY
    path = rel(file, Path(root))
    vocab: dict[str, str] = {}
    if not file.exists():
        return vocab, []
    entries, problems = entry_lines(file, path)
    for n, line in entries:
        m = re.match(r"^(.+?):\s*(\S+)\s*$", line)
        if not m:
            problems.append(Problem(path, n, (
                "each fill-in field is one line 'Label: kind', for example 'Organization name: text'.")))
            continue
        label, kind = m.group(1).strip(), m.group(2)
        if not LABEL.match(label):
            problems.append(Problem(path, n, (
                f"the label '{label}' may use letters, digits, spaces and simple punctuation "
                "(, ' / ( ) & -), and must start and end with a letter or digit.")))
        elif kind not in KINDS:
            problems.append(Problem(path, n, (
                f"'{kind}' is not a kind of fill-in field.{did_you_mean(kind, KINDS)} "
                f"Use one of: {', '.join(f'{k} ({v})' for k, v in KINDS.items())}.")))
        elif label.casefold() in {k.casefold() for k in vocab}:
            problems.append(Problem(path, n, f"the field '{label}' is listed twice; keep one line."))
        else:
            vocab[label] = kind
    return vocab, problems


def scan(path: str, body: str, body_line: int, vocab: dict[str, str]) -> list[Problem]:
    """Malformed or unknown fill-in fields in a template body, each with its line."""
    out = []
    known = {k.casefold(): k for k in vocab}
    for offset, line in enumerate(body.split("\n")):
        where = body_line + offset
        for m in FIELD.finditer(line):
            label = m.group(1)
            if label != label.strip() or "  " in label:
                out.append(Problem(path, where, (
                    f"the fill-in field '{m.group(0)}' has extra spaces; write it as "
                    f"[[{' '.join(label.split())}]].")))
            elif not label:
                out.append(Problem(path, where, (
                    "'[[]]' is an empty fill-in field; put a label between the brackets, "
                    "for example [[Organization name]].")))
            elif label not in vocab:
                hint = (f" Did you mean '{known[label.casefold()]}'? Labels must match exactly."
                        if label.casefold() in known else did_you_mean(label, vocab))
                out.append(Problem(path, where, (
                    f"'[[{label}]]' is not a known fill-in field.{hint} Use a label listed in "
                    f"{VOCABULARY.as_posix()}, or add a line '{label}: text' there.")))
        rest = FIELD.sub("", line)
        if "[[" in rest or "]]" in rest:
            out.append(Problem(path, where, (
                "a fill-in field here is not closed properly: write it with two square brackets "
                "on each side, on one line, like [[Organization name]].")))
        for m in _CURLY.finditer(rest):
            label = m.group(0).strip("{} ")
            out.append(Problem(path, where, (
                f"'{m.group(0)}' uses curly braces; fill-in fields are written with double square "
                f"brackets, like [[{vocab_label(label, vocab)}]].")))
        for m in _SINGLE.finditer(rest):
            if m.group(1).strip().casefold() in known:
                out.append(Problem(path, where, (
                    f"'{m.group(0)}' looks like a fill-in field with single brackets; write it as "
                    f"[[{known[m.group(1).strip().casefold()]}]].")))
    return out


def vocab_label(text: str, vocab: dict[str, str]) -> str:
    """The vocabulary label closest to `text` (e.g. 'organization_name'), else `text` itself."""
    wanted = text.replace("_", " ").strip().casefold()
    return next((k for k in vocab if k.casefold() == wanted), text.replace("_", " ").strip() or "Label")
