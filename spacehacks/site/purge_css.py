"""Material's stylesheet cut down to the rules this site's pages can use.

Material ships one stylesheet for every feature it has (code highlighting, tabs, admonitions,
annotations, blog, palettes…): 22.8 KB gzipped, a third of a page's first load (budget 70 KB).
After the build, a rule stays if every class its selector needs is named somewhere in the
site's pages or scripts (Material's bundle adds classes as it runs: they are named in it); a
custom property stays if a kept rule or a script reads it. A selector that can match through
any one of :is()/:where()'s alternatives stays; what :not() and :has() hold is never a reason to
drop one. Content can only add classes the sanitizer lets through (sanitize.py), and those are in
the pages, so nothing a page uses is lost.

The stylesheet is renamed by what it now holds, and every page points at the new name, so a
browser or the service worker never keeps an older cut under the same address.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

import tinycss2
from tinycss2.ast import AtRule, Declaration, Node, QualifiedRule

STYLESHEET = "assets/stylesheets/main.*.min.css"
_NAME = re.compile(r"[A-Za-z_][\w-]*")
_IDENT_START = re.compile(r"-?[_a-zA-Z]")
_ANY_OF = ("is(", "where(", "matches(", "-webkit-any(", "-moz-any(")
_CUSTOM = re.compile(r"--[\w-]+")
_VAR = re.compile(r"var\(\s*(--[\w-]+)")


def names_in(texts: Iterable[str]) -> set[str]:
    """Every word a class could be named by, in the site's pages and scripts."""
    out: set[str] = set()
    for text in texts:
        out.update(_NAME.findall(text))
    return out


def _closing(s: str, i: int, open_: str, close: str) -> int:
    """Index just past the bracket that closes the one opened before s[i]."""
    depth, quote = 1, ""
    while i < len(s):
        ch = s[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "\\":
            i += 1
        elif ch == open_:
            depth += 1
        elif ch == close:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return i


def _split(s: str) -> list[str]:
    """A selector list's selectors (commas inside brackets and strings are not separators)."""
    parts, start, i = [], 0, 0
    while i < len(s):
        ch = s[i]
        if ch == "\\":
            i += 2
            continue
        if ch in "([":
            i = _closing(s, i + 1, ch, ")" if ch == "(" else "]")
            continue
        if ch in "\"'":
            end = s.find(ch, i + 1)
            i = len(s) if end < 0 else end + 1
            continue
        if ch == ",":
            parts.append(s[start:i])
            start = i + 1
        i += 1
    parts.append(s[start:])
    return [p.strip() for p in parts if p.strip()]


def can_match(selector: str, names: set[str]) -> bool:
    """False only if the selector needs a class that no page or script names."""
    i = 0
    while i < len(selector):
        ch = selector[i]
        if ch == "\\":
            i += 2
        elif ch == "[":
            i = _closing(selector, i + 1, "[", "]")
        elif ch == ".":
            m = _IDENT_START.match(selector, i + 1)
            if m is None:
                i += 1
                continue
            end = i + 1
            while end < len(selector) and (selector[end].isalnum() or selector[end] in "-_"):
                end += 1
            if end < len(selector) and selector[end] == "\\":
                return True          # an escaped class name: not worth reading, kept
            if selector[i + 1:end] not in names:
                return False
            i = end
        elif ch == ":":
            j = i + 1
            while j < len(selector) and selector[j] == ":":
                j += 1
            rest = selector[j:]
            paren = re.match(r"[\w-]+\(", rest)
            if paren is None:
                i = j
                continue
            close = _closing(selector, j + paren.end(), "(", ")")
            if rest.lower().startswith(_ANY_OF):
                inner = selector[j + paren.end():close - 1]
                if not any(can_match(alt, names) for alt in _split(inner)):
                    return False
            i = close
        else:
            i += 1
    return True


def _rules(nodes: Iterable[Node], names: set[str]) -> list[Node]:
    out: list[Node] = []
    for node in nodes:
        if isinstance(node, QualifiedRule):
            selectors = [s for s in _split(tinycss2.serialize(node.prelude)) if can_match(s, names)]
            if selectors:
                node.prelude = tinycss2.parse_component_value_list(",".join(selectors))
                out.append(node)
        elif isinstance(node, AtRule) and node.lower_at_keyword in ("media", "supports") and node.content:
            inner = _rules(tinycss2.parse_rule_list(node.content, skip_comments=True, skip_whitespace=True), names)
            if inner:
                node.content = inner
                out.append(node)
        elif isinstance(node, AtRule | QualifiedRule):
            out.append(node)
    return out


def _serialize(nodes: Iterable[Node]) -> str:
    parts = []
    for node in nodes:
        if isinstance(node, QualifiedRule):
            parts.append(tinycss2.serialize(node.prelude).strip() + "{" + tinycss2.serialize(node.content) + "}")
        elif isinstance(node, AtRule) and node.lower_at_keyword in ("media", "supports") and node.content:
            body = node.content if isinstance(node.content[0], AtRule | QualifiedRule) else None
            inner = _serialize(body) if body is not None else tinycss2.serialize(node.content)
            parts.append(f"@{node.at_keyword}{tinycss2.serialize(node.prelude).rstrip()}{{{inner}}}")
        else:
            parts.append(tinycss2.serialize([node]))
    return "".join(parts)


def _declarations(rule: QualifiedRule) -> list[Declaration]:
    return [d for d in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
            if isinstance(d, Declaration)]


def _drop_unread_properties(nodes: list[Node], read_by_scripts: set[str]) -> None:
    rules: list[QualifiedRule] = []

    def collect(ns: Iterable[Node]) -> None:
        for n in ns:
            if isinstance(n, QualifiedRule):
                rules.append(n)
            elif isinstance(n, AtRule) and n.content and isinstance(n.content[0], AtRule | QualifiedRule):
                collect(n.content)
    collect(nodes)
    while True:
        read = set(read_by_scripts)
        for rule in rules:
            read.update(_VAR.findall(tinycss2.serialize(rule.content)))
        changed = False
        for rule in rules:
            decls = _declarations(rule)
            kept = [d for d in decls if not d.name.startswith("--") or d.name in read]
            if len(kept) != len(decls):
                changed = True
                rule.content = tinycss2.parse_component_value_list(
                    ";".join(f"{d.name}:{tinycss2.serialize(d.value).strip()}"
                             + ("!important" if d.important else "") for d in kept))
        if not changed:
            break


def purge(css: str, texts: Iterable[str]) -> str:
    """The stylesheet with only what pages and scripts holding `texts` can use."""
    texts = list(texts)
    names = names_in(texts)
    nodes = _rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), names)
    _drop_unread_properties(nodes, {n for t in texts for n in _CUSTOM.findall(t)})
    nodes = [n for n in nodes if not (isinstance(n, QualifiedRule) and not tinycss2.serialize(n.content).strip())]
    return _serialize(nodes)


def purge_site_stylesheet(site_dir: Path) -> None:
    site_dir = Path(site_dir)
    sheets = list(site_dir.glob(STYLESHEET))
    if len(sheets) != 1:
        return
    sheet = sheets[0]
    pages = sorted(site_dir.rglob("*.html"))
    scripts = sorted(p for p in (site_dir / "assets").rglob("*.js"))
    texts = [p.read_text(encoding="utf-8") for p in pages]
    cut = purge(sheet.read_text(encoding="utf-8"), texts + [p.read_text(encoding="utf-8") for p in scripts])
    name = f"main.{hashlib.sha256(cut.encode('utf-8')).hexdigest()[:8]}.min.css"
    if name == sheet.name:
        return
    sheet.with_name(name).write_text(cut, encoding="utf-8")
    sheet.unlink()
    for page, text in zip(pages, texts, strict=True):
        if sheet.name in text:
            page.write_text(text.replace(sheet.name, name), encoding="utf-8")
