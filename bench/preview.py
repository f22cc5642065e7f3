"""Benchmark: the live preview after one sentence of one hack is edited, next to a full rebuild
of the same preview (what every save cost before it rebuilt only what changed), measured side
by side in one run, at 54 and 1,000 synthetic hacks.

"shows the change" is the time from the save to the rebuilt folder the server serves; search
(Pagefind) indexes it afterwards, and "search finds the change" is that time again, counted
from the save. Goals (issue 15): at most 0.5 s at 54 hacks, 1 s at 1,000. A benchmark, not a test.
Usage: python bench/preview.py [N ...]
"""
from __future__ import annotations

import logging
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import make_corpus  # noqa: E402

from spacehacks.site.preview import PreviewBuilds  # noqa: E402

Row = tuple[str, float, float, float]   # name, seconds, full-build seconds, ratio
EDITS = 3   # the best of three saves, each a different sentence


def _full(root: Path, out: Path) -> float:
    builds = PreviewBuilds(root, out, incremental=False)
    start = time.perf_counter()
    builds.build()
    return time.perf_counter() - start


def _saves(root: Path, out: Path) -> tuple[float, float]:
    """(best seconds until the change is served, best seconds until search has it too)."""
    builds = PreviewBuilds(root, out)
    builds.build()
    hack = sorted((root / "hacks").rglob("*.md"))[len(list((root / "hacks").rglob("*.md"))) // 2]
    shown, found = [], []
    for i in range(EDITS):
        builds.searchable()        # an editor saves again after the last save was indexed
        hack.write_text(hack.read_text(encoding="utf-8") + f"\nOne more sentence, number {i}.\n", encoding="utf-8")
        start = time.perf_counter()
        done = builds.build().preview
        shown.append(time.perf_counter() - start)
        builds.searchable()
        found.append(time.perf_counter() - start)
        assert len(done.rebuilt) == 1, done.rebuilt
    return min(shown), min(found)


def preview_rows(sizes: tuple[int, ...] = (54, 1000)) -> list[Row]:
    """The live-preview rows of issue 15's table, each next to its full-build baseline."""
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            root = make_corpus(n, Path(tmp) / f"corpus-{n}")
            full = min(_full(root, Path(tmp) / f"full-{n}-{i}") for i in range(2 if n <= 300 else 1))
            shown, found = _saves(root, Path(tmp) / f"served-{n}")
            rows.append((f"live preview shows the change, {n} hacks", shown, full, shown / full))
            rows.append((f"live preview search finds the change, {n} hacks", found, full, found / full))
    return rows


def main(sizes: list[int]) -> None:
    rows = preview_rows(tuple(sizes) or (54, 1000))
    print(f"{'row':<50} {'s':>7} {'full s':>8} {'ratio':>7}")
    for name, value, baseline, ratio in rows:
        print(f"{name:<50} {value:>7.2f} {baseline:>8.2f} {ratio:>6.2f}x")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]])


def rows(sizes: Sequence[int]) -> Iterator[object]:
    from rows import Row as BenchRow
    """The live-preview rows for bench/run.py, each next to a full preview rebuild."""
    for name, seconds, full, ratio in preview_rows(tuple(sizes)):
        goal = "≤ 0.5 s at 54 hacks, ≤ 1 s at 1,000" if "shows" in name else ""
        yield BenchRow(name, seconds, "s", full, ratio, baseline_name="full rebuild", goal=goal)
