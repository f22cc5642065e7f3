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

from spacehacks.output import MARKER

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


def build(root: Path, *args: str, env: dict | None = None, timeout: int = 300,
          cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`python build.py --root ROOT ARGS` as a subprocess, its output as text."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), *args], cwd=cwd,
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


def site_title(site: Path) -> str:
    """Assert `site` is a complete site as a build leaves it; return its hack's title."""
    import json
    assert (site / MARKER).is_file(), f"no {MARKER} in {site}"
    assert (site / "index.html").is_file()
    for name in ("space-hacks.pdf", "space-hacks-a4.pdf", "templates/space-hacks-templates.zip"):
        assert (site / "downloads" / name).stat().st_size > 0, name
    for name in ("space-hacks.pdf", "space-hacks-a4.pdf"):
        with pikepdf.open(site / "downloads" / name) as pdf:
            assert len(pdf.pages) > 0
    hacks = json.loads((site / "hacks.json").read_text(encoding="utf-8"))
    titles = {h["title"] for h in (hacks if isinstance(hacks, list) else hacks.get("hacks", []))}
    assert len(titles) == 1, titles
    return titles.pop()


def retitle(root: Path, title: str) -> None:
    hack = root / "hacks/sec/cat/first-hack.md"
    text = hack.read_text(encoding="utf-8")
    hack.write_text(text.replace(text.split("\n")[1], f"title: {title}", 1), encoding="utf-8")


def first_build(base: Path) -> Path:
    """A small repository in base/repo with one finished build in base/out."""
    root = small_repo(base / "repo")
    result = build(root, "site", "--out", str(base / "out"))
    assert result.returncode == 0, result.stderr
    return base


def clone(built: Path, to: Path) -> Path:
    """A private copy of first_build's folder: repo/, out/ and the build's cache beside it."""
    for name in ("repo", "out", ".out-cache"):
        shutil.copytree(built / name, to / name, symlinks=True)
    return to
