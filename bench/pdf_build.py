"""Benchmark of the PDF edition: the parallel render next to a single-process one, same run.

    .venv/bin/python bench/pdf_build.py              # shipped content and 1,000 hacks
    .venv/bin/python bench/pdf_build.py --hacks 200  # a smaller synthetic book while developing

For each book it prints pages, seconds, pages per second, the parallel/single time ratio and the
peak memory of each process (goal at 1,000 hacks: ratio <= 0.6, <= 700 MB per process). Each
render runs in a fresh child process so the peaks do not mix.
"""
from __future__ import annotations

import argparse
import dataclasses
import multiprocessing
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def synthetic(pub, hacks: int):
    """The shipped publication grown to `hacks` hacks: each category's hacks repeated, with
    unique titles, in the same proportions as the real book."""
    originals = {c.slug: list(c.hacks) for c in pub.categories}
    total = sum(map(len, originals.values()))
    made = 0
    for i, category in enumerate(pub.categories):
        own = originals[category.slug]
        want = round(hacks * len(own) / total) if i < len(pub.categories) - 1 else hacks - made
        category.hacks = [dataclasses.replace(own[k % len(own)], slug=f"{own[k % len(own)].slug}-{k}",
                                              title=f"{own[k % len(own)].title} ({k + 1})")
                          for k in range(max(1, want))]
        made += len(category.hacks)
    return pub


def _child(hacks: int, paper: str, workers: int, queue) -> None:
    from spacehacks.load import load_publication
    from spacehacks.pdf.book import Book
    from spacehacks.pdf.parallel import render
    from spacehacks.pdf.proof import prove

    pub, _ = load_publication(ROOT)
    if hacks:
        synthetic(pub, hacks)
    book = Book(pub)
    start = time.perf_counter()
    pdf = render(book, paper, workers=workers,
                 log=lambda m: print(f"    {time.perf_counter() - start:6.1f} s  {m}", flush=True))
    seconds = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before the proof's own reading
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    out = Path(f"/tmp/spacehacks-bench-{hacks}-{workers}.pdf")
    out.write_bytes(pdf)
    prove(pub, out, paper)
    from pypdf import PdfReader
    queue.put((len(PdfReader(out).pages), seconds, own, kids, len(pub.hacks)))


def measure(hacks: int, paper: str, workers: int):
    queue = multiprocessing.get_context("spawn").Queue()
    proc = multiprocessing.get_context("spawn").Process(target=_child, args=(hacks, paper, workers, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hacks", type=int, action="append",
                        help="synthetic book sizes (default: the shipped content and 1000)")
    parser.add_argument("--paper", default="letter", choices=["letter", "a4"])
    parser.add_argument("--workers", type=int, default=len(__import__("os").sched_getaffinity(0)))
    args = parser.parse_args()
    sizes = args.hacks or [0, 1000]
    print(f"PDF edition benchmark, {args.paper}, {args.workers} processes against 1.")
    for hacks in sizes:
        label = "shipped content" if hacks == 0 else f"synthetic, {hacks} hacks"
        print(f"\n{label}: single process…", flush=True)
        pages, single, peak1, _, n = measure(hacks, args.paper, 1)
        print(f"{label}: {args.workers} processes…", flush=True)
        pages2, parallel, peak_main, peak_worker, _ = measure(hacks, args.paper, args.workers)
        print(f"\n{label} ({n} hacks)\n"
              f"  single process: {pages} pages in {single:6.1f} s = {pages / single:5.1f} pages/s, "
              f"peak {peak1:5.0f} MB\n"
              f"  {args.workers} processes:    {pages2} pages in {parallel:6.1f} s = {pages2 / parallel:5.1f} pages/s, "
              f"peak {peak_main:5.0f} MB main, {peak_worker:5.0f} MB largest worker\n"
              f"  ratio parallel/single: {parallel / single:.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
