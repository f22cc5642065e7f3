"""The front matter reference in CONTRIBUTING.md, generated from schema.py so it cannot drift.

`python build.py docs` rewrites the part between the markers; `python build.py docs --check`
(and the tests) fail when the file no longer matches the schema.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import schema

GUIDE = Path("CONTRIBUTING.md")   # relative to the repository root
START = "<!-- fields:start (generated from spacehacks/schema.py by `python build.py docs`: do not edit here) -->"
END = "<!-- fields:end -->"

# What each kind of file is, where it lives, and its table in schema.py.
KINDS = (
    ("A hack", "hacks/&lt;section&gt;/&lt;category&gt;/&lt;name&gt;.md", "HACK"),
    ("A quote", "quotes/&lt;name&gt;.md (the words go below the front matter)", "QUOTE"),
    ("A section", "content/sections/&lt;section&gt;/_section.md", "SECTION"),
    ("A category", "content/sections/&lt;section&gt;/&lt;category&gt;.md", "CATEGORY"),
    ("A page", "content/pages/&lt;name&gt;.md", "PAGE"),
    ("A template", "content/templates/&lt;name&gt;.md", "TEMPLATE"),
    ("A passage", "content/passages/&lt;name&gt;.md (the shared text goes below the front matter)", "PASSAGE"),
    ("A translation", "&lt;name&gt;.es.md beside the file it translates: that file's `title`, `summary` "
     "and `tagline`, translated (as required as in the source), then these (every other field comes from "
     "the source)", "TRANSLATION"),
)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def reference(kinds: Sequence[tuple[str, str, str]] = KINDS) -> str:
    """The generated Markdown: one table per kind of file."""
    out = []
    for heading, where, table in kinds:
        fields = getattr(schema, table, None)
        if not fields:
            continue
        out += [f"#### {heading}: {where}", "",
                "| Field | Required | What to write | Example |", "| --- | --- | --- | --- |"]
        for f in fields:
            example = f"`{f.name}: {f.example}`" if f.example else ""
            out.append(f"| `{f.name}` | {'yes' if f.required else 'no'} | "
                       f"{_cell(f.help)} ({schema.KIND_NAMES[f.kind]}) | {_cell(example)} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _split(text: str) -> tuple[str, str, str]:
    if START not in text or END not in text:
        raise ValueError(f"{GUIDE} has lost its marker lines {START!r} and {END!r}")
    head, rest = text.split(START, 1)
    middle, tail = rest.split(END, 1)
    return head, middle, tail


def updated(text: str) -> str:
    head, _, tail = _split(text)
    return f"{head}{START}\n\n{reference()}\n{END}{tail}"


def is_current(text: str) -> bool:
    return updated(text) == text


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p_docs = sub.add_parser("docs", help="regenerate the field reference in CONTRIBUTING.md from the schema")
    p_docs.add_argument("--check", action="store_true", help="only report whether it is up to date")


def run(args: argparse.Namespace) -> int:
    file = Path(args.root) / GUIDE
    try:
        text = file.read_text(encoding="utf-8")
        current = is_current(text)
    except (OSError, ValueError) as exc:
        print(f"Cannot update {GUIDE}: {exc}. Restore the file (and its marker lines) from git.",
              file=sys.stderr)
        return 1
    if current:
        print(f"{GUIDE} is up to date with spacehacks/schema.py.")
        return 0
    if args.check:
        print(f"{GUIDE} no longer matches spacehacks/schema.py: run `python build.py docs` "
              "and commit the result.", file=sys.stderr)
        return 1
    file.write_text(updated(text), encoding="utf-8")
    print(f"Updated the field reference in {GUIDE}.")
    return 0
