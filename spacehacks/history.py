"""What git knows about a source file's past: when its text changed since a given version.

Used to tell a translator which English edit left a translation behind. Without git (a copy of
the repository downloaded as a zip, say) the answers are None and the messages say less.
"""
from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# How far back to look for the version a translation was marked against: translations are
# marked often, and each step reads one old version of one file.
MAX_COMMITS = 200


@dataclass(frozen=True)
class Change:
    """The source changed on `date` (YYYY-MM-DD, or None when the change is not committed yet);
    `since` is the last commit whose version the translation matches, None when none does."""
    date: str | None
    since: str | None
    latest: str | None   # the date of the newest commit touching the file


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else None


def change_since(root: Path, path: str, recorded: str, text_hash: Callable[[str], str | None]) -> Change | None:
    """When the file at `path` stopped having the text whose hash is `recorded`.

    `text_hash` hashes one version of the file's text as the translation records it. None when
    git cannot say (no repository, the file never committed)."""
    log = _git(root, "log", f"-n{MAX_COMMITS}", "--format=%H %h %cs", "--", path)
    if not log:
        return None
    commits = [line.split(" ") for line in log.splitlines() if line.count(" ") == 2]
    if not commits:
        return None
    newer: list[str] | None = None   # the oldest commit seen so far that changed away from `recorded`
    for full, short, date in commits:
        old = _git(root, "show", f"{full}:{path}")
        if old is not None and text_hash(old) == recorded:
            return Change(newer[2] if newer else None, short, commits[0][2])
        newer = [full, short, date]
    return Change(commits[0][2], None, commits[0][2])
