"""Shared passages: text written once in content/passages/<name>.md and included by name.

A line on its own `{{ passage: call-ems }}` in a hack, page, section, category, template or another
passage is replaced by that passage's body. Expansion happens once, on the model, so the site, both
PDF editions, the template downloads and search all read the same words. Every expanded line keeps
the file and line it came from, so a problem found in the expanded text points at the passage's own
file, not at the file that included it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import schema
from .checks import check_body
from .fillins import FIELD
from .frontmatter import read_source
from .model import Hack
from .problems import Problem, did_you_mean, rel
from .slugs import SLUG
from .sources import translation_language

if TYPE_CHECKING:
    from .model import Publication

FOLDER = Path("content") / "passages"
MARKER = re.compile(r"^(?P<indent>[ \t]*)\{\{\s*passage\s*:\s*(?P<name>[^{}\n]*?)\s*\}\}\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass
class Passage:
    name: str
    title: str
    body: str
    path: str
    body_line: int
    key_steps: list[str] = field(default_factory=list)


def anchor_id(name: str) -> str:
    """The id of the place where a passage's text starts in a hack, for the key-steps link."""
    return f"passage-{name}"


@dataclass
class Expansion:
    """Expanded text and, for each of its lines, the (file, line) it was written on."""
    text: str
    origins: list[tuple[str, int]] = field(default_factory=list)

    def locate(self, offset: int) -> tuple[str, int]:
        return self.origins[min(offset, len(self.origins) - 1)]


def markers(body: str) -> list[tuple[int, str, str]]:
    """(line offset, indent, name) of each include marker outside fenced code."""
    found, fence = [], None
    for offset, line in enumerate(body.split("\n")):
        opened = _FENCE.match(line)
        if opened:
            fence = opened.group(1) if fence is None else (None if opened.group(1) == fence else fence)
            continue
        m = None if fence else MARKER.match(line)
        if m:
            found.append((offset, m.group("indent"), m.group("name")))
    return found


def without_markers(body: str) -> str:
    """The body with include lines blanked, for checks that would misread the braces."""
    lines = body.split("\n")
    for offset, _, _ in markers(body):
        lines[offset] = ""
    return "\n".join(lines)


def load_passages(root: Path) -> tuple[dict[str, Passage], list[Problem]]:
    folder = Path(root) / FOLDER
    passages: dict[str, Passage] = {}
    problems: list[Problem] = []
    for file in sorted(p for p in folder.glob("*.md") if translation_language(p) is None) if folder.is_dir() else []:
        path = rel(file, Path(root))
        if not SLUG.match(file.stem):
            problems.append(Problem(path, 1, (
                f"the passage name '{file.stem}' is what editors type to include it, so it may only use "
                "lowercase letters, digits and single hyphens. Rename the file.")))
            continue
        src = read_source(file, path)
        if src.problems:   # unreadable: its name still counts, so each include is not reported too
            problems += src.problems
            passages[file.stem] = Passage(file.stem, "", "", path, src.body_line)
            continue
        values = schema.validate(src, schema.PASSAGE, "a passage")
        problems += src.problems + check_body(src.path, src.body, src.body_line, "passage")
        for offset, line in enumerate(src.body.split("\n")):
            if FIELD.search(line):
                problems.append(Problem(path, src.body_line + offset, (
                    "a passage cannot hold a fill-in field: hacks and pages include passages too, "
                    "and readers would see the brackets. Keep fill-in fields in the template itself.")))
        passages[file.stem] = Passage(file.stem, values.get("title", ""), src.body, path, src.body_line,
                                      values.get("key_steps", []))
    return passages, problems


class Expander:
    """Expands include markers against one set of passages, noting which passages are used."""

    def __init__(self, passages: dict[str, Passage]):
        self.passages = passages
        self.used: set[str] = set()
        self.problems: list[Problem] = []

    def expand(self, body: str, path: str, body_line: int, _stack: tuple[str, ...] = (),
               anchors: bool = False) -> Expansion:
        """`anchors`: start each passage included at the top level with an anchor (anchor_id), so
        a hack page can link to it; only for the final text, not the text that is checked."""
        lines = body.split("\n")
        anchored: set[str] = set()
        found = {offset: (indent, name) for offset, indent, name in markers(body)}
        out = Expansion("")
        text: list[str] = []
        for offset, line in enumerate(lines):
            where = (path, body_line + offset)
            if offset not in found:
                text.append(line)
                out.origins.append(where)
                continue
            indent, name = found[offset]
            inner = self._include(name, where, _stack)
            if inner is None:
                text.append(line)
                out.origins.append(where)
                continue
            if anchors and name not in anchored:
                anchored.add(name)
                text += [f'{indent}<a id="{anchor_id(name)}"></a>', ""]
                out.origins += [where, where]
            inner_lines = inner.text.strip("\n").split("\n")
            lead = len(inner.text) - len(inner.text.lstrip("\n"))
            lead_lines = inner.text[:lead].count("\n")
            for i, inner_line in enumerate(inner_lines):
                text.append(f"{indent}{inner_line}" if inner_line else "")
                out.origins.append(inner.locate(lead_lines + i))
        out.text = "\n".join(text)
        return out

    def _include(self, name: str, where: tuple[str, int], stack: tuple[str, ...]) -> Expansion | None:
        path, line = where
        passage = self.passages.get(name)
        if passage is None:
            self.problems.append(Problem(path, line, (
                f"'{{{{ passage: {name} }}}}' names a passage that does not exist."
                f"{did_you_mean(name, self.passages)} Passages are the files in {FOLDER.as_posix()}/; "
                "use one's file name without '.md'.")))
            return None
        if name in stack:
            chain = " → ".join((*stack[stack.index(name):], name))
            self.problems.append(Problem(path, line, (
                f"this include makes a loop ({chain}): a passage cannot include itself, directly or "
                "through another passage. Remove one of the includes.")))
            return None
        self.used.add(name)
        return self.expand(passage.body, passage.path, passage.body_line, (*stack, name))

    def closure(self, name: str, _seen: frozenset[str] = frozenset()) -> list[str]:
        """The passages `name` includes, directly or through another, in reading order."""
        found: list[str] = []
        passage = self.passages.get(name)
        for _, _, inner in markers(passage.body) if passage else []:
            if inner in self.passages and inner not in _seen and inner != name and inner not in found:
                found += [inner, *(n for n in self.closure(inner, _seen | {name}) if n not in found)]
        return found

    def included(self, body: str) -> dict[str, str]:
        """Every passage a body includes, directly or not, most specific first (a passage before
        those it includes), each with the anchor where the text that brings it in starts."""
        where: dict[str, str] = {}
        for _, _, name in markers(body):
            if name in self.passages:
                for n in (name, *self.closure(name)):
                    where.setdefault(n, anchor_id(name))
        # A passage has more passages inside it than any passage it includes (loops are refused).
        order = sorted(where, key=lambda n: -len(self.closure(n)))
        return {n: where[n] for n in order}


def expand_publication(pub: Publication) -> list[Problem]:
    """Replace include markers in every body of `pub` with the passages' text.

    Run after the other checks, which read each file's own lines; the problems returned are the
    passages' own, unknown names, loops, unused passages, and problems the expanded hack text has
    that a passage brought in (reported at the passage's line).
    """
    passages, problems = load_passages(pub.root)
    expander = Expander(passages)
    for p in passages.values():   # loops are reported even in a passage nobody uses yet
        expander.expand(p.body, p.path, p.body_line, (p.name,))
    expander.used.clear()
    kinds = ([(h, "body", "hack") for h in pub.hacks] + [(p, "body", "page") for p in pub.pages]
             + [(s, "intro", "section") for s in pub.sections] + [(c, "intro", "category") for c in pub.categories]
             + [(t, "body", "template") for t in pub.templates])
    for item, attr, kind in kinds:
        body = getattr(item, attr)
        text, found = expand_checked(expander, body, item.path, item.body_line, kind)
        setattr(item, attr, text)
        problems += found
        if isinstance(item, Hack) and markers(body):
            item.passages = expander.included(body)
            item.body = expand_anchored(expander, body, item.path, item.body_line)
    pub.key_steps = {name: p.key_steps for name, p in passages.items() if p.key_steps}
    problems += expander.problems
    pub.passages = passages
    for name in sorted(set(passages) - expander.used):
        p = passages[name]
        problems.append(Problem(p.path, 1, (
            f"the passage '{name}' is not included anywhere. Include it with a line "
            f"'{{{{ passage: {name} }}}}' in a hack, page or template, or delete the file.")))
    return problems


def expand_checked(expander: Expander, body: str, path: str, body_line: int, kind: str) -> tuple[str, list[Problem]]:
    """One body with its includes expanded, and the problems the included text brings in,
    reported at the passage's own line."""
    if not markers(body):
        return body, []
    expansion = expander.expand(body, path, body_line)
    problems: list[Problem] = []
    for p in check_body(path, expansion.text, body_line, kind):
        where, line = expansion.locate(p.line - body_line)
        problems.append(Problem(where, line, p.message))
    return expansion.text, problems


def expand_anchored(expander: Expander, body: str, path: str, body_line: int) -> str:
    """A hack's body expanded again with an anchor where each passage starts (the key steps link
    there). The text was checked by expand_checked already, so its problems are not kept twice."""
    reported = len(expander.problems)
    text = expander.expand(body, path, body_line, anchors=True).text
    del expander.problems[reported:]
    return text
