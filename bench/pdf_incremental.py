"""Benchmark of the incremental PDF step: after editing one sentence of one hack, next to the full
render of the same book measured in the same run.

    .venv/bin/python bench/pdf_incremental.py                 # 54, 300 and 1,000 hacks
    .venv/bin/python bench/pdf_incremental.py --hacks 54      # one size

Each size is a synthetic publication (bench/corpus.py) in a git repository of its own, as an
editor's working copy: the full render is the PDF step with no previous build and an empty slice
cache (both papers, the book and every section); then one sentence of one hack is reworded, not
committed, and the step runs again from the first build. `pdf_step_rows()` returns the rows
(name, seconds, baseline seconds, ratio) for the one bench command; the goal is a ratio <= 0.25.
"""
from __future__ import annotations

import argparse
import logging
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

SIZES = (54, 300, 1000)
GIT = ["git", "-c", "user.email=bench@example.org", "-c", "user.name=Bench"]


def _step(root: Path, out: Path, previous: Path | None, cache: Path) -> float:
    from spacehacks.load import load_publication
    from spacehacks.pdf.step import pdf_edition
    pub, _ = load_publication(root)
    start = time.perf_counter()
    pdf_edition(pub, out, previous, cache=cache)
    return time.perf_counter() - start


def _reword(root: Path) -> Path:
    """Change one sentence of one hack (its first full stop, in the body) in the file."""
    path = sorted((root / "hacks").rglob("*.md"))[len(list((root / "hacks").rglob("*.md"))) // 2]
    head, body = path.read_text(encoding="utf-8").split("\n---\n", 1)
    path.write_text(f"{head}\n---\n{body.replace('.', ';', 1)}", encoding="utf-8")
    return path


def pdf_step_rows(sizes: tuple[int, ...] = SIZES, log=print) -> list[tuple[str, float, float, float]]:
    """(name, seconds after the edit, seconds of the full render, ratio) for each size."""
    from corpus import make_corpus
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="spacehacks-bench-pdf-") as tmp:
            root = make_corpus(n, Path(tmp) / "repo")
            for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "corpus"]):
                subprocess.run([*GIT, *args], cwd=root, check=True)
            cache = Path(tmp) / "slices"
            full = _step(root, Path(tmp) / "first", None, cache)
            log(f"  {n} hacks: full render {full:.1f} s")
            _reword(root)
            edited = _step(root, Path(tmp) / "second", Path(tmp) / "first", cache)
            log(f"  {n} hacks: after the edit {edited:.1f} s")
            rows.append((f"PDF step after editing one sentence of one hack, {n} hacks", edited, full, edited / full))
    return rows


def rows(sizes: Sequence[int]) -> Iterator[object]:
    """The PDF-step rows for bench/run.py: each edit next to a clean step in the same run."""
    from rows import Row as BenchRow
    for name, edited, full, ratio in pdf_step_rows(tuple(sizes)):
        yield BenchRow(name, edited, "s", full, ratio, baseline_name="full render", goal="≤ 0.25×")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hacks", type=int, action="append", help=f"sizes (default {', '.join(map(str, SIZES))})")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    found = pdf_step_rows(tuple(args.hacks or SIZES))
    print(f"\n{'row':<62} {'seconds':>8} {'full':>8} {'ratio':>6}")
    for name, value, baseline, ratio in found:
        print(f"{name:<62} {value:8.1f} {baseline:8.1f} {ratio:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
