"""A minimal valid publication written into a folder, for tests that break one thing at a time."""
from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from paths import ROOT

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


FORM = """\
---
title: A short form
kind: form
summary: Record what happened, briefly.
related: [first-hack]
---

## What happened

Name: [[Organization name]]
"""
SPANISH = {
    "hacks/sec/cat/first-hack.es.md":
        "---\ntitle: Primer hack\nsummary: Un resumen breve.\nreviewed: false\n---\n\n"
        "Un texto práctico sobre la naloxona.\n",
    "content/templates/a-short-form.es.md":
        "---\ntitle: Un formulario breve\nsummary: Anote lo que pasó, en pocas palabras.\nreviewed: false\n---\n\n"
        "## Qué pasó\n\nNombre: [[Organization name]]\n",
    "content/templates/fields.es.yml": "Organization name: Nombre de la organización\n",
    "content/i18n/es.yml": '"All hacks": Todos los hacks\n"Contents": Índice\n'
                           '"Read the current English": Leer la versión actual en inglés\n'
                           '"This text has not been translated yet, so it is shown in English.": Este texto todavía no '
                           "está traducido al español, por eso se muestra en inglés.\n",
}


def spanish_publication(root: Path, spanish: bool = True) -> Path:
    """A small publication that builds every output (theme and settings copied from the
    repository), with two hacks and a form template; with `spanish`, one hack and the form
    translated and marked current, Spanish fill-in labels and a few interface strings."""
    minimal(root)
    for name in ("theme", "archetypes"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "content" / "media").mkdir(parents=True, exist_ok=True)   # mkdocs.yml's docs_dir
    write(root, "content/templates/fields.yml", "Organization name: text\n")
    write(root, "content/templates/a-short-form.md", FORM)
    write(root, "hacks/sec/cat/second-hack.md", "---\ntitle: Second hack\nsummary: Another.\n---\n\nMore text.\n")
    if spanish:
        for path, text in SPANISH.items():
            write(root, path, text)
        from spacehacks.translation_commands import mark
        mark(root, [p for p in SPANISH if p.endswith(".es.md")])
    return root
