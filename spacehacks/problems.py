"""Problems found in content, reported to editors as `path:line: message`."""
from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ERROR = "error"
# A warning is printed and annotated but never fails a check or a build: an English edit that
# leaves a translation behind must not block the English.
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the repository root, with forward slashes
    line: int
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        mark = "warning: " if self.severity == WARNING else ""
        return f"{self.path}:{self.line}: {mark}{self.message}"

    def github(self) -> str:
        # GitHub annotations end at a newline and treat '%' specially.
        msg = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        # Property values also end at ',' and '::', so those are escaped in the file name too.
        path = self.path.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
        return f"::{self.severity} file={path},line={self.line}::{msg}"


class ContentError(Exception):
    """Raised when content has problems; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(format_problems(self.problems))


def errors(problems: list[Problem]) -> list[Problem]:
    """The problems that stop a check or a build (warnings do not)."""
    return [p for p in problems if p.severity != WARNING]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == WARNING]


class BuildError(Exception):
    """The build cannot go on for a reason that is not in the content (a setting, a folder, a
    port); the message names the cause and what to do."""


def format_problems(problems: list[Problem], fmt: str = "text") -> str:
    problems = sorted(problems)
    if fmt == "github":   # errors first: they are what a pull request must fix
        return "\n".join(p.github() for p in errors(problems) + warnings(problems))
    found = errors(problems)
    if not found:
        return format_warnings(problems)
    files = len({p.path for p in found})
    head = (f"Found {len(found)} problem{'s' if len(found) != 1 else ''} "
            f"in {files} file{'s' if files != 1 else ''}:")
    tail = "Fix these, then run `make check` (or `python build.py check`) again."
    lines = [head, *(str(p) for p in found), tail]
    if warnings(problems):
        lines += ["", format_warnings(problems)]
    return "\n".join(lines)


def format_warnings(problems: list[Problem]) -> str:
    """The warnings alone, for a check that otherwise passes."""
    found = warnings(problems)
    if not found:
        return ""
    head = f"{len(found)} warning{'s' if len(found) != 1 else ''} (these do not stop the build):"
    return "\n".join([head, *(str(p) for p in found)])


def did_you_mean(word: str, choices: Iterable[object], cutoff: float = 0.6) -> str:
    """' Did you mean 'x'?' when a close choice exists, else ''."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=cutoff)
    return f" Did you mean '{close[0]}'?" if close else ""


def rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
