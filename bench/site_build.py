"""Benchmark: the site build next to the bare floor (read + YAML + python-markdown of the same
files), at N=100 and N=1000 hacks, measured side by side in one run. Prints the ratio; as rows
for bench/run.py, also the built site's size (goal, issue 15: at most 30 MB at 1,000 hacks).

Goal (issue 2): site build at most 3.5x the floor at N=1000. A benchmark, not a test.
Usage: python bench/site_build.py [N ...]
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import markdown
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import built_site, folder_bytes, make_corpus  # noqa: E402
from rows import Row  # noqa: E402

from spacehacks import markup  # noqa: E402
from spacehacks.publish import build_site, check  # noqa: E402


def floor(root: Path) -> None:
    md = markdown.Markdown(extensions=markup.EXTENSIONS)
    for path in sorted(root.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        _, fm, body = text.split("---\n", 2) if text.startswith("---\n") else ("", "", text)
        yaml.safe_load(fm)
        md.reset().convert(body)


def site(root: Path, out: Path) -> None:
    build_site(root, out, check(root))


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def rows(sizes: list[int]):
    for n in sizes:
        root, out, seconds = built_site(n)
        repeat = 3 if n <= 200 else 1
        f = best_of(lambda root=root: floor(root), repeat)
        if repeat > 1:
            again = out.with_name(f"again-{n}")
            seconds = min(seconds, best_of(lambda root=root, again=again: site(root, again), repeat - 1))
        yield Row(f"site build, {n} hacks", seconds, "s", f, baseline_name="parse floor",
                  goal="≤ 3.5× at 1,000" if n >= 1000 else "")
        # A translated edition (its section and page texts ship with the content) is built
        # beside the English site at /<language>/: counted on a row of its own.
        editions = [d for d in out.iterdir() if d.is_dir() and (d / "index.html").is_file() and len(d.name) == 2]
        translated = sum(folder_bytes(d) for d in editions) / 1e6
        size = folder_bytes(out) / 1e6 - translated
        yield Row(f"site size, {n} hacks", size, "MB", goal="≤ 30 MB at 1,000" if n >= 1000 else "")
        if editions:
            names = ", ".join(d.name for d in editions)
            yield Row(f"  and its edition(s) at /{names}/, {n} hacks", translated, "MB")
        search = sum(folder_bytes(out / d) for d in ("search", "pagefind")) / 1e6
        yield Row(f"  of which search indexes, {n} hacks", search, "MB")


def main(sizes: list[int]) -> None:
    import logging
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    print(f"{'hacks':>6} {'floor s':>9} {'site s':>9} {'ratio':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            root = make_corpus(n, Path(tmp) / f"corpus-{n}")
            repeat = 3 if n <= 200 else 1
            f = best_of(lambda root=root: floor(root), repeat)
            s = best_of(lambda root=root, n=n: site(root, Path(tmp) / f"site-{n}"), repeat)
            print(f"{n:>6} {f:>9.2f} {s:>9.2f} {s / f:>6.2f}x")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000])
