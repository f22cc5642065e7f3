"""Small publications for the build's security tests, built for real (PDF and templates included)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
from minirepo import minimal, write
from paths import ROOT

TEMPLATE = """\
---
title: Visitor agreement
kind: policy
summary: What a visit here means.
---

## Agreement

We keep [[Program or site name]] open for everyone.
"""


def small_repo(root: Path, body: str = "Some practical text.", template_body: str = "") -> Path:
    """The minimal publication with the real theme and site settings, one hack whose body is
    `body`, and one template (whose body gets `template_body` appended)."""
    minimal(root)
    for name in ("theme",):
        shutil.copytree(ROOT / name, root / name, symlinks=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "content" / "media").mkdir(parents=True, exist_ok=True)
    write(root, "hacks/sec/cat/first-hack.md",
          f"---\ntitle: First hack\nsummary: A short summary.\ntags: [boundaries]\n---\n\n{body}\n")
    write(root, "content/templates/fields.yml", "Program or site name: text\n")
    write(root, "content/templates/visitor-agreement.md", TEMPLATE + template_body + "\n")
    return root


def build(root: Path, *args: str, env: dict | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    """`python build.py --root ROOT ARGS` as a subprocess, its output as text."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), *args],
                          check=False, capture_output=True, text=True, env=full_env, timeout=timeout)


def attachments(pdf: Path) -> list[str]:
    """Every embedded file and every FileAttachment annotation in `pdf`."""
    found = []
    with pikepdf.open(pdf) as doc:
        found += [str(name) for name in doc.attachments]
        for page in doc.pages:
            for annot in page.obj.get("/Annots", []):
                if annot.get("/Subtype") == "/FileAttachment":
                    found.append(str(annot.get("/FS", annot)))
    return found
