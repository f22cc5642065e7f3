"""Where a build may write, and how a new site replaces the old one without a moment of no site.

A build writes into a fresh folder beside the target and exchanges the two in one atomic step
(Linux renameat2 RENAME_EXCHANGE). It refuses a target that holds anything it did not make
itself (every site it makes carries MARKER), and it deletes only what it made: its own staging,
downloads and old-site folders beside the target, recognized by name and marker.
"""
from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import os
import re
import shutil
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .problems import BuildError

try:
    import fcntl
except ImportError:  # not on Linux: builds are then not protected from each other
    fcntl = None  # type: ignore[assignment]

MARKER = ".spacehacks-build"
MARKER_TEXT = "Made by Space Hacks' build.py. The next build replaces this whole folder.\n"
# The folders of the repository a build reads: never a target, never inside one.
SOURCES = ("content", "hacks", "quotes", "theme", "archetypes", "spacehacks", "tests", ".git")
# A test hook: "kill:<step>" kills the build with SIGKILL at that step, "fallback" swaps without
# renameat2, as on systems that lack it.
TEST_HOOK = "SPACEHACKS_TEST_SWAP"
RENAME_EXCHANGE = 2
AT_FDCWD = -100


class OutputError(BuildError):
    """The build cannot or may not write where it was asked to; the message says why."""


def check_target(root: Path, site: Path) -> None:
    """Refuse a target whose replacement could cost work: the repository, a folder holding it or
    its sources, a folder inside the sources, or a folder with files the build did not make."""
    root = Path(root).resolve()
    if site.is_symlink():
        raise OutputError(f"{site} is a symbolic link; give the folder it points to, or a new folder.")
    site = site.resolve()
    if root.is_relative_to(site):
        raise OutputError(f"{site} is the repository or a folder that contains it; building there would "
                          "replace your work. Choose a new folder, e.g. --out site.")
    for name in SOURCES:
        if site.is_relative_to(root / name):
            raise OutputError(f"{site} is inside {name}/, which the build reads; choose a folder outside it.")
    if site.exists() and not site.is_dir():
        raise OutputError(f"{site} is a file, not a folder; choose a folder for the site.")
    if site.is_dir() and not is_ours(site) and not _legacy_site(root, site) and any(site.iterdir()):
        raise OutputError(f"{site} is not empty and was not made by build.py (it has no {MARKER} file), "
                          "so the build will not replace it. Choose an empty or new folder; nothing was deleted.")


def is_ours(folder: Path) -> bool:
    return (folder / MARKER).is_file() and not (folder / MARKER).is_symlink()


def _legacy_site(root: Path, site: Path) -> bool:
    # The repository's own site/, made before builds wrote MARKER, has the build's stamp beside it.
    return site == root / "site" and (root / ".site-cache" / "inputs.sha256").is_file()


def mark(folder: Path) -> None:
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def staging_for(site: Path) -> Path:
    site.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{site.name}-build-", dir=site.parent))


def old_for(site: Path) -> Path:
    return site.with_name(f".{site.name}-old")


def leftovers(site: Path) -> list[Path]:
    """Folders beside `site` that killed builds of it left: staging (mkdtemp's own name), its
    downloads folder, and an old site that was being replaced."""
    pattern = re.compile(rf"\.{re.escape(site.name)}-build-[A-Za-z0-9_]{{8}}(-downloads)?")
    found = [p for p in sorted(site.parent.iterdir()) if pattern.fullmatch(p.name)
             and p.is_dir() and not p.is_symlink()] if site.parent.is_dir() else []
    old = old_for(site)
    if old.is_dir() and not old.is_symlink() and is_ours(old):
        found.append(old)
    return found


def sweep(site: Path) -> list[Path]:
    """Remove what killed builds left; put back an old site a fallback swap was killed between
    its two renames. Call only while holding the build lock."""
    old = old_for(site)
    if not site.exists() and old.is_dir() and is_ours(old):
        old.rename(site)
    removed = leftovers(site)
    for folder in removed:
        shutil.rmtree(folder)
    return removed


@contextlib.contextmanager
def build_lock(site: Path) -> Iterator[None]:
    """One build per target at a time: the sweep must not remove another build's staging."""
    cache = site.with_name(f".{site.name}-cache")
    if cache.exists() and not cache.is_dir() or cache.is_symlink():
        cache.unlink()  # garbage under our own name: only costs a rebuild
    cache.mkdir(parents=True, exist_ok=True)
    if fcntl is None:
        yield
        return
    with open(cache / "build.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputError(f"another build into {site} is running; wait for it to finish.") from None
        yield


def swap(new: Path, site: Path) -> None:
    """Make `new` the site. With renameat2 the old and the new site trade places in one step, so
    a reader or a kill at any instant finds a complete site; the old one is removed after."""
    hook("staged")
    if not site.exists():
        new.rename(site)
        hook("swapped")
        return
    if "fallback" not in _hooks() and exchange(new, site):
        hook("swapped")
        shutil.rmtree(new)   # now the old site, under the staging name
    else:
        # Two renames: for an instant there is no site, but the old one waits under its own
        # name with MARKER in it, and the next build puts it back (sweep).
        old = old_for(site)
        if old.exists():
            shutil.rmtree(old)
        site.rename(old)
        hook("renamed-old")
        new.rename(site)
        hook("swapped")
        shutil.rmtree(old)
    hook("cleaned")


_renameat2 = None


def exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths; False where the system or file system cannot."""
    global _renameat2
    if _renameat2 is None:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        _renameat2 = getattr(libc, "renameat2", False)
        if _renameat2:
            _renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if not _renameat2:
        return False
    if _renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _hooks() -> set[str]:
    return {h.strip() for h in os.environ.get(TEST_HOOK, "").split(",") if h.strip()}


def hook(step: str) -> None:
    if f"kill:{step}" in _hooks():
        os.kill(os.getpid(), signal.SIGKILL)

