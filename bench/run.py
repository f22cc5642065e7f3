"""Every benchmark of issue 15 in one run: each bench module's rows (see bench/rows.py), each
value next to its baseline measured in the same run, at 54, 300 and 1,000 hacks by default.

    .venv/bin/python bench/run.py                    # or: make bench, python -m bench
    .venv/bin/python bench/run.py --sizes 54 300     # smaller corpora while developing
    .venv/bin/python bench/run.py --only site_size page_weight

Benchmarks, not tests: nothing here passes or fails.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from rows import Row, RowSource

# Modules of bench/ that are not benchmarks of their own.
NOT_BENCHMARKS = {"run", "rows", "corpus", "__init__", "__main__"}
SIZES = (54, 300, 1000)


def discover(folder: Path = HERE, only: Sequence[str] = ()) -> dict[str, RowSource]:
    """name -> rows function of every module in `folder` that has one, by name."""
    found: dict[str, RowSource] = {}
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    for path in sorted(folder.glob("*.py")):
        name = path.stem
        if name in NOT_BENCHMARKS or (only and name not in only):
            continue
        module = importlib.import_module(name)
        fn = getattr(module, "rows", None)
        if callable(fn):
            found[name] = fn
    return found


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:,.2f}"


def format_row(row: Row) -> str:
    value = f"{_number(row.value)} {row.unit}"
    base = f"{_number(row.baseline)} {row.unit}" if row.baseline is not None else ""
    if base and row.baseline_name:
        base += f" ({row.baseline_name})"
    ratio = f"{row.ratio:.2f}×" if row.ratio is not None else ""
    return f"{row.name:52} {value:>16} {base:>34} {ratio:>7}  {row.goal}"


HEADER = f"{'measure':52} {'value':>16} {'baseline, same run':>34} {'ratio':>7}  goal"


def run(sources: dict[str, RowSource], sizes: Sequence[int], out: TextIO = sys.stdout) -> list[Row]:
    print(HEADER, file=out, flush=True)
    every: list[Row] = []
    for name, fn in sources.items():
        start = time.perf_counter()
        rows: Iterable[Row] = fn(sizes)
        for row in rows:
            every.append(row)
            print(format_row(row), file=out, flush=True)
        print(f"  ({name}: {time.perf_counter() - start:.0f} s)", file=out, flush=True)
    return every


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="corpus sizes, in hacks")
    parser.add_argument("--only", nargs="+", default=[], help="bench modules to run (default: all)")
    args = parser.parse_args(argv)
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    run(discover(only=args.only), args.sizes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
