"""A minimal valid publication written into a folder, for tests that break one thing at a time."""
from __future__ import annotations

import textwrap
from pathlib import Path

from spacehacks.load import load_publication

HACK = """\
---
title: {title}
summary: A short summary.
tags: [boundaries]
---

Some practical text.
"""


def write(root: Path, rel: str, text: str | bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text) if text.startswith("\n") else text, encoding="utf-8")
    return path


def minimal(root: Path) -> Path:
    write(root, "content/publication.yml",
          "title: T\nsubtitle: S\npublisher: P\nlanguage: en\ndescription: D\n")
    write(root, "content/tags.yml", "boundaries: Boundaries | Limits.\nconsent: Consent | Asking.\n")
    write(root, "content/sections/sec/_section.md", "---\ntitle: Sec\ntagline: Tag\norder: 1\n---\n\nIntro.\n")
    write(root, "content/sections/sec/cat.md", "---\ntitle: Cat\ntagline: Tag\norder: 1\n---\n\nIntro.\n")
    write(root, "hacks/sec/cat/first-hack.md", HACK.format(title="First hack"))
    write(root, "quotes/one.md", "---\nattribution: Someone\n---\n\nWords worth keeping.\n")
    return root


def problems(root: Path) -> list:
    return load_publication(root)[1]


def only(root: Path):
    """The single problem found; fails with all of them listed otherwise."""
    found = problems(root)
    assert len(found) == 1, "\n".join(map(str, found))
    return found[0]
