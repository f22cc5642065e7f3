"""Reading a Markdown file with YAML front matter, keeping line numbers for every key."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problem

# Limits that keep one hostile file from bringing the check down (or filling the site).
MAX_FILE_BYTES = 256_000
MAX_DEPTH = 20          # front matter needs 2 levels; libyaml recurses once per level
MAX_INT_DIGITS = 18

# C0 controls but tab and newline, DEL and the C1 controls: invisible, and refused by XML (the
# feed, DOCX, ODT) or silently dropped somewhere, so an editor never means them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def control_character(text: str) -> str | None:
    """'U+0007' for the first control character in text, or None."""
    m = _CONTROL.search(text)
    return f"U+{ord(m.group()):04X}" if m else None


def _control_problems(text: str, relpath: str) -> list[Problem]:
    out = []
    for n, line in enumerate(text.split("\n"), 1):
        code = control_character(line)
        if code:
            out.append(Problem(relpath, n, (
                f"this line holds an invisible control character ({code}), usually pasted in by "
                "accident. Delete it: retype the line, or remove the character in an editor that "
                "shows invisible characters.")))
    return out


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe loading (libyaml when present) that keeps an impossible date (2026-13-45) as text,
    so the schema can say so."""


def _int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int | str:
    # A number of thousands of digits costs Python a ValueError (or seconds); as text it gets a message.
    if len(node.value.lstrip("+-0")) > MAX_INT_DIGITS:
        return node.value
    return yaml.SafeLoader.construct_yaml_int(loader, node)


def _timestamp(loader, node):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
_Loader.add_constructor("tag:yaml.org,2002:int", _int)

_OPEN = (yaml.BlockSequenceStartToken, yaml.BlockMappingStartToken, yaml.FlowSequenceStartToken,
         yaml.FlowMappingStartToken)
_CLOSE = (yaml.BlockEndToken, yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)


def _depth(text: str) -> int:
    """The deepest bracket nesting of the raw text, counted before libyaml sees it (its parser
    recurses per level and a few thousand levels crash the process)."""
    depth = deepest = 0
    quote = ""
    for ch in text:
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth = max(depth - 1, 0)
        elif ch == "\n":
            quote = ""
    return deepest


def yaml_problems(text: str, relpath: str, first_line: int) -> list[Problem]:
    """Aliases, anchors and deep nesting, found by the scanner alone (which never expands or
    recurses), before anything is built from the text. `first_line` is the file line of text's first."""
    if _depth(text) > MAX_DEPTH:
        return [Problem(relpath, first_line, (
            f"the front matter nests brackets more than {MAX_DEPTH} levels deep; a field is a word, "
            "a line of text or a flat list like [a, b]. Rewrite it that way."))]
    out, depth, lines = [], 0, set()
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if isinstance(token, (yaml.AliasToken, yaml.AnchorToken)):
                if token.start_mark.line in lines:
                    continue    # once per line is enough to find them
                lines.add(token.start_mark.line)
                alias = isinstance(token, yaml.AliasToken)
                what = "is a YAML alias" if alias else "is a YAML anchor"
                out.append(Problem(relpath, first_line + token.start_mark.line, (
                    f"'{'*' if alias else '&'}{token.value}' {what}; front matter does not use them. "
                    "Write the value out in full instead.")))
            elif isinstance(token, _OPEN):
                depth += 1
                if depth > MAX_DEPTH:
                    return [Problem(relpath, first_line + token.start_mark.line, (
                        f"the front matter nests more than {MAX_DEPTH} levels deep; a field is a "
                        "word, a line of text or a flat list. Rewrite it that way."))]
            elif isinstance(token, _CLOSE):
                depth -= 1
    except yaml.YAMLError:
        return out    # reported with its line by the parser
    return out


def duplicate_keys(node: yaml.Node | None, relpath: str, first_line: int) -> list[Problem]:
    """Each repeated key of a mapping, naming both lines (YAML would keep the last silently)."""
    out: list[Problem] = []
    if not isinstance(node, yaml.MappingNode):
        return out
    seen: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        line = first_line + key_node.start_mark.line
        if key in seen:
            out.append(Problem(relpath, line, (
                f"'{key}' is given twice, on lines {seen[key]} and {line}; only one would count. "
                "Keep one of them.")))
        else:
            seen[key] = line
        out += duplicate_keys(value_node, relpath, first_line)
    return out


@dataclass
class Source:
    path: str                      # repository-relative, for messages
    meta: dict                     # parsed front matter
    key_lines: dict[str, int]      # front matter key -> line number in the file
    body: str                      # Markdown after the front matter
    body_line: int                 # file line number of the body's first line
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, 1)


def decode(raw: bytes, path: str) -> tuple[str | None, Problem | None]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, Problem(path, line, (
            "this file is not saved as UTF-8 text (byte "
            f"0x{raw[exc.start]:02x} cannot be read). Re-save it as UTF-8 in your editor "
            "(in most editors: Save As, then choose the UTF-8 encoding)."))
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"), None


def entry_lines(file: Path, relpath: str) -> tuple[list[tuple[int, str]], list[Problem]]:
    """The entries of a one-entry-per-line file (tags, fill-in fields) with their line numbers;
    blank lines and '#' comments are skipped."""
    text, problems = read_text(file, relpath)
    if text is None:
        return [], problems
    return [(n, line) for n, line in enumerate(text.split("\n"), 1)
            if line.strip() and not line.lstrip().startswith("#")], []


def _error_line(exc: yaml.YAMLError, last: int) -> int:
    """The file line to point an editor at. libyaml places an unclosed bracket at the closing
    '---'; the line where the bracket opened (the context) is where the fix goes."""
    problem = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context_mark", None)
    line = problem.line + 2 if problem is not None else 2
    if line > last and context is not None:
        line = context.line + 2
    return min(line, last)


def too_big(file: Path, relpath: str) -> Problem | None:
    size = file.stat().st_size
    if size <= MAX_FILE_BYTES:
        return None
    return Problem(relpath, 1, (
        f"this file is {size // 1000} KB; a content file may be at most {MAX_FILE_BYTES // 1000} KB. "
        "Split it into several, or check that nothing was pasted in by mistake."))


def read_text(file: Path, relpath: str) -> tuple[str | None, list[Problem]]:
    """The file's text, if it is small enough, UTF-8 and free of control characters."""
    big = too_big(file, relpath)
    if big:
        return None, [big]
    text, problem = decode(file.read_bytes(), relpath)
    if problem:
        return None, [problem]
    controls = _control_problems(text, relpath)
    return (None, controls) if controls else (text, [])


def read_source(file: Path, relpath: str) -> Source:
    text, problems = read_text(file, relpath)
    if text is None:
        return Source(relpath, {}, {}, "", 1, problems)
    return _parse(text, relpath)


def parse_source(text: str, relpath: str) -> Source:
    controls = _control_problems(text, relpath)
    if controls:
        return Source(relpath, {}, {}, "", 1, controls)
    return _parse(text, relpath)


def _parse(text: str, relpath: str) -> Source:
    """parse_source for text already free of control characters."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return Source(relpath, {}, {}, text, 1, [Problem(relpath, 1, (
            "the file must start with front matter: a line '---', the fields, then another "
            "line '---'. Copy the top of a neighboring file to see the shape."))])
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    except StopIteration:
        return Source(relpath, {}, {}, "", 1, [Problem(relpath, 1, (
            "the front matter is never closed: add a line '---' after the last field."))])
    fm_text = "\n".join(lines[1:end])
    body = "\n".join(lines[end + 1:])
    src = Source(relpath, {}, {}, body, end + 2)
    src.problems += yaml_problems(fm_text, relpath, 2)
    if src.problems:
        return src
    try:
        loader = _Loader(fm_text)
        try:
            node = loader.get_single_node()
            src.problems += duplicate_keys(node, relpath, 2)
            if src.problems:
                return src
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        line = _error_line(exc, last=end)
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        src.problems.append(Problem(relpath, line, (
            f"the front matter is not valid YAML ({what}). Check this line for a missing "
            "space after ':', an unclosed quote or bracket, or a value containing ': ' that "
            "needs quotes around it.")))
        return src
    if data is None:
        data = {}
    if not isinstance(data, dict):
        src.problems.append(Problem(relpath, 2, (
            "the front matter must be a list of 'field: value' lines.")))
        return src
    src.meta = data
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            src.key_lines[str(key_node.value)] = key_node.start_mark.line + 2
    return src


def load_settings(text: str, relpath: str) -> tuple[dict, list[Problem]]:
    """A settings file (content/publication.yml) read with the same limits as front matter."""
    problems = yaml_problems(text, relpath, 1)
    if problems:
        return {}, problems
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        problems = duplicate_keys(node, relpath, 1)
        data = loader.construct_document(node) if node is not None and not problems else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return {}, [Problem(relpath, mark.line + 1 if mark else 1,
                            f"this is not valid YAML ({getattr(exc, 'problem', None) or exc}).")]
    finally:
        loader.dispose()
    if problems:
        return {}, problems
    if data is not None and not isinstance(data, dict):
        return {}, [Problem(relpath, 1, "this file must be a list of 'field: value' lines.")]
    return data or {}, []
