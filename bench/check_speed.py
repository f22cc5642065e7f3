"""Benchmark: how long `build.py check` spends on loading and on spelling, with and without the
word cache, for the shipped content. A benchmark, not a timed test.

Usage: python bench/check_speed.py [RUNS]      (RUNS: repetitions, median reported; default 5)
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from spacehacks import spelling
from spacehacks.load import load_publication


def median_seconds(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(runs: int = 5) -> None:
    pub, _ = load_publication(ROOT)
    cache = ROOT / spelling.CACHE

    def cold() -> None:
        cache.unlink(missing_ok=True)
        spelling.check_publication(pub)

    print(f"whole load and check, warm cache: {median_seconds(lambda: load_publication(ROOT), runs):.3f} s")
    print(f"spelling only, no word cache:     {median_seconds(cold, runs):.3f} s")
    spelling.check_publication(pub)
    print(f"spelling only, warm word cache:   {median_seconds(lambda: spelling.check_publication(pub), runs):.3f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
