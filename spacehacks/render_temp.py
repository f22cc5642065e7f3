"""A temp folder of our own for WeasyPrint, so the next build can remove what killed ones left."""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

SCRATCH_PREFIX = "spacehacks-render-"
_ACTIVE: list[Path] = []


@contextlib.contextmanager
def render_temp() -> Iterator[Path]:
    """Point the temp folder at one of ours while the PDFs render. WeasyPrint copies each
    @font-face into a weasyprint-* folder of its own and leaves it behind when a worker is
    killed (and often even when not). Under a folder named with our prefix and process id, all
    of it goes when the render ends, and the next build can tell what builds that are gone
    left, touching nothing else in the temp folder. Inside another render_temp (a build around
    each of its renders), a folder inside that one's, gone when this render ends."""
    if _ACTIVE:
        folder = Path(tempfile.mkdtemp(prefix="render-", dir=_ACTIVE[-1]))
    else:
        sweep_render_temp()
        folder = Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-"))
    before = tempfile.tempdir
    tempfile.tempdir = str(folder)   # forked PDF workers inherit it
    _ACTIVE.append(folder)
    try:
        yield folder
    finally:
        _ACTIVE.pop()
        tempfile.tempdir = before
        shutil.rmtree(folder, ignore_errors=True)


def sweep_render_temp() -> list[Path]:
    pattern = re.compile(rf"{SCRATCH_PREFIX}(\d+)-[A-Za-z0-9_]{{8}}")
    removed = []
    for folder in Path(tempfile.gettempdir()).glob(SCRATCH_PREFIX + "*"):
        match = pattern.fullmatch(folder.name)
        if match and folder.is_dir() and not folder.is_symlink() and not _alive(int(match[1])):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
