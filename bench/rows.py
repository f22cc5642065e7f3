"""One row of the benchmark table (bench/run.py): what was measured, next to its baseline.

A bench module joins the table by defining

    def rows(sizes: Sequence[int]) -> Iterable[Row]

where `sizes` are the corpus sizes asked for (hacks; bench/corpus.py makes them). Rows are
printed as they come, so a generator shows progress. The baseline is what the value is judged
against, measured in the same run where it is a time (a full build, the parse floor) or a
fixed figure (a budget); `ratio` is value / baseline unless given.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Row:
    name: str                      # e.g. "PDF step after one edit, 300 hacks"
    value: float
    unit: str                      # "s", "MB", "KiB", "bytes"
    baseline: float | None = None
    ratio: float | None = None     # value / baseline when not given
    baseline_name: str = ""        # e.g. "full render", "parse floor", "budget"
    goal: str = ""                 # e.g. "≤ 0.25×", "≤ 30 MB"

    def __post_init__(self) -> None:
        if self.ratio is None and self.baseline:
            object.__setattr__(self, "ratio", self.value / self.baseline)


class RowSource(Protocol):
    def __call__(self, sizes: Sequence[int]) -> Iterable[Row]: ...
