"""Skipping a build whose inputs have not changed since the last successful one.

The fingerprint is a hash of every file the publication is built from (content, theme, the
site settings, the pinned package list and this package's own code), so any edit to a hack, a
quote, a template or the code makes the next `make site` build again, and nothing else does.
It is kept beside the site folder (`.site-cache/`), not in it, so it is never published.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from .sources import CONTENT_DIRS, SETTINGS, THEME_DIR

PACKAGE = Path(__file__).resolve().parent
# Relative to the repository root; a folder counts with everything in it.
INPUTS = (*CONTENT_DIRS, THEME_DIR, *SETTINGS)
SKIP_DIRS = {"__pycache__", ".pytest_cache", "node_modules"}
ENV_PREFIXES = ("SPACEHACKS_", "SOURCE_DATE_EPOCH")


def _files(base: Path) -> Iterator[Path]:
    if base.is_file():
        yield base
        return
    for folder, dirs, names in os.walk(base):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
        for name in sorted(names):
            yield Path(folder, name)


def fingerprint(root: Path) -> str:
    root = Path(root)
    digest = hashlib.sha256(sys.version.encode())
    for key in sorted(k for k in os.environ if k.startswith(ENV_PREFIXES)):
        digest.update(f"\0env\0{key}={os.environ[key]}".encode())
    hash_paths(digest, [root / name for name in INPUTS] + [PACKAGE])
    return digest.hexdigest()


def hash_paths(digest: hashlib._Hash, paths: Iterable[Path | str],
               skip: Callable[[Path], bool] | None = None) -> None:
    """Fold files and whole folders (recursively, in a fixed order) into `digest`: every output
    step's "has anything I am made from changed?" question goes through here. `skip(file)` leaves
    files out (the English book does not depend on the translations beside its sources)."""
    for base in paths:
        base = Path(base)
        if not base.exists():
            continue
        for file in _files(base):
            if file.suffix == ".pyc" or (skip is not None and skip(file)):
                continue
            name = file.relative_to(base).as_posix() if base.is_dir() else ""
            digest.update(f"\0{base.name}\0{name}\0".encode())
            digest.update(hashlib.sha256(file.read_bytes()).digest())


class Stamp:
    """The fingerprint of the inputs `site` was last built from, and a hash of every file the
    build wrote there: the site is reused only if both still hold (a file deleted, added or
    changed by hand since makes the next build run)."""

    def __init__(self, root: Path, site: Path):
        self.site = Path(site)
        self.file = self.site.with_name(f".{self.site.name}-cache") / "inputs.sha256"
        self.manifest = self.file.with_name("outputs.json")
        self.value = fingerprint(root)   # taken before building: an edit made meanwhile rebuilds next time

    def current(self) -> bool:
        try:
            recorded = self.file.read_text(encoding="ascii").strip()
            written = json.loads(self.manifest.read_text(encoding="utf-8"))
            return recorded == self.value and isinstance(written, dict) and written == outputs(self.site)
        except (OSError, ValueError):   # missing, unreadable or garbage: only costs a rebuild
            return False

    def record(self) -> None:
        self.file.parent.mkdir(parents=True, exist_ok=True)
        self.manifest.write_text(json.dumps(outputs(self.site), indent=0, sort_keys=True), encoding="utf-8")
        self.file.write_text(self.value + "\n", encoding="ascii")


def file_hash(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def outputs(site: Path) -> dict[str, str]:
    """Every file under `site` (as a path relative to it) with its SHA-256; {} without a site."""
    if not site.is_dir():
        return {}
    found = {}
    for folder, dirs, names in os.walk(site):
        dirs.sort()
        for name in sorted(names):
            file = Path(folder, name)
            found[file.relative_to(site).as_posix()] = file_hash(file)
    return found


def reuse_unchanged(previous: Path, out: Path, names: Iterable[str], fingerprint: str, recorded: object,
                    hashes: Mapping[str, object]) -> bool:
    """Copy `names` from the previous build's folder into `out` when they were made from the same
    inputs (`recorded` is `fingerprint`) and each is still the file written then (`hashes`, by
    name): the one way every output step reuses a file, so a truncated or damaged one is
    rendered again, never published a second time."""
    names = list(names)
    try:
        if recorded != fingerprint or not all(hashes.get(n) == file_hash(previous / n) for n in names):
            return False
    except OSError:
        return False
    for name in names:
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(previous / name, out / name)
    return True
