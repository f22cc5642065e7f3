"""Reading a Markdown file with YAML front matter, keeping line numbers for every key."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problem


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe loading (libyaml when present) that keeps an impossible date (2026-13-45) as text,
    so the schema can say so."""


def _timestamp(loader, node):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


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
    text, problem = decode(file.read_bytes(), relpath)
    if problem:
        return [], [problem]
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


def read_source(file: Path, relpath: str) -> Source:
    text, problem = decode(file.read_bytes(), relpath)
    if problem:
        return Source(relpath, {}, {}, "", 1, [problem])
    return parse_source(text, relpath)


def parse_source(text: str, relpath: str) -> Source:
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
    try:
        loader = _Loader(fm_text)
        try:
            node = loader.get_single_node()
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
