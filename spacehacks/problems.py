"""Problems found in content, reported to editors as `path:line: message`."""
from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the repository root, with forward slashes
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"

    def github(self) -> str:
        # GitHub annotations end at a newline and treat '%' specially.
        msg = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        # Property values also end at ',' and '::', so those are escaped in the file name too.
        path = self.path.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
        return f"::error file={path},line={self.line}::{msg}"


class ContentError(Exception):
    """Raised when content has problems; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(format_problems(self.problems))


class BuildError(Exception):
    """The build cannot go on for a reason that is not in the content (a setting, a folder, a
    port); the message names the cause and what to do."""


def format_problems(problems: list[Problem], fmt: str = "text") -> str:
    problems = sorted(problems)
    if fmt == "github":
        return "\n".join(p.github() for p in problems)
    files = len({p.path for p in problems})
    head = (f"Found {len(problems)} problem{'s' if len(problems) != 1 else ''} "
            f"in {files} file{'s' if files != 1 else ''}:")
    tail = "Fix these, then run `make check` (or `python build.py check`) again."
    return "\n".join([head, *(str(p) for p in problems), tail])


def did_you_mean(word: str, choices: Iterable[object], cutoff: float = 0.6) -> str:
    """' Did you mean 'x'?' when a close choice exists, else ''."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=cutoff)
    return f" Did you mean '{close[0]}'?" if close else ""


def rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
