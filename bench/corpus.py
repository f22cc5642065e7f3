"""A synthetic publication of N hacks across the real sections and categories, and N/5 quotes.

Bodies are the shipped hacks' bodies, cycled, so Markdown features and lengths are realistic;
titles and summaries are the shipped ones' words, shuffled, so lists of them weigh what real ones do.
"""
from __future__ import annotations

import atexit
import random
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from spacehacks.sources import translation_language

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(n: int, out: Path, seed: int = 1) -> Path:
    rng = random.Random(seed)
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in ("content", "theme"):
        shutil.copytree(ROOT / name, out / name, ignore=shutil.ignore_patterns("templates"))
    shutil.copy(ROOT / "mkdocs.yml", out / "mkdocs.yml")
    # English sources only: the translations beside them are not hacks of their own.
    shipped = sorted(p for p in (ROOT / "hacks").rglob("*.md") if translation_language(p) is None)
    bodies = [p.read_text(encoding="utf-8").split("\n---\n", 1)[1] for p in shipped]
    heads = [yaml.safe_load(p.read_text(encoding="utf-8").split("\n---\n", 1)[0].removeprefix("---\n"))
             for p in shipped]
    # Titles and summaries are the shipped ones' words in a random order, so a list of them weighs
    # what a list of real ones would: "Synthetic hack number 12 on …" gzipped to a few bytes and
    # hid how the lists grow.
    title_words = [w for h in heads for w in h["title"].split()]
    summary_words = [w for h in heads for w in h["summary"].split()]
    categories = sorted((p.parent.name, p.stem) for p in (out / "content" / "sections").glob("*/*.md")
                        if not p.name.startswith("_section") and translation_language(p) is None)
    tags = list(yaml.safe_load((ROOT / "content" / "tags.yml").read_text()).keys())
    for i in range(n):
        section, category = categories[i % len(categories)]
        slug = f"synthetic-hack-{i:05d}"
        title = " ".join(rng.sample(title_words, rng.randint(4, 8)))
        summary = " ".join(rng.sample(summary_words, rng.randint(12, 22))).rstrip(".,;:") + "."
        meta = {"title": title[0].upper() + title[1:], "summary": summary[0].upper() + summary[1:],
                "featured": i % 50 == 0, "tags": rng.sample(tags, 2)}
        if i > 0:
            meta["related"] = [f"synthetic-hack-{rng.randrange(i):05d}"]
        path = out / "hacks" / section / category / f"{slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\n" + yaml.safe_dump(meta, sort_keys=False) + "---\n" + bodies[i % len(bodies)],
                        encoding="utf-8")
    (out / "quotes").mkdir()
    for i in range(max(1, n // 5)):
        (out / "quotes" / f"quote-{i:05d}.md").write_text(
            f"---\nattribution: Person {i}\n---\n\nA distinct sentence worth keeping, number {i}.\n", encoding="utf-8")
    return out


def built_corpora(n: int, tmp: Path) -> Iterator[tuple[str, Any, Path]]:
    """(name, publication, built site) for the shipped content, then for N synthetic hacks
    (none when N is 0): what the browser benchmarks measure side by side."""
    from spacehacks.load import load_publication
    from spacehacks.publish import build_site, check
    corpora = [("shipped", ROOT)]
    if n:
        corpora.append((f"{n} synthetic hacks", make_corpus(n, Path(tmp) / "corpus")))
    for i, (name, root) in enumerate(corpora):
        site = Path(tmp) / f"site-{i}"
        build_site(root, site, check(root), [])
        yield name, load_publication(root)[0], site


_WORK: list[Path] = []
_BUILT: dict[int, tuple[Path, Path, float]] = {}


def workdir() -> Path:
    """One temporary folder for the whole run (bench/run.py), removed at exit."""
    if not _WORK:
        _WORK.append(Path(tempfile.mkdtemp(prefix="spacehacks-bench-")))
        atexit.register(shutil.rmtree, _WORK[0], True)
    return _WORK[0]


def built_site(n: int) -> tuple[Path, Path, float]:
    """(corpus, built site, seconds the full site build took) for N synthetic hacks, 0 for the
    shipped content; built once per run, so every bench module measures the same site. Each
    translated edition is built beside it at /<language>/, as publishing does."""
    if n not in _BUILT:
        from spacehacks.publish import build_site, check, language_views
        root = ROOT if n == 0 else make_corpus(n, workdir() / f"corpus-{n}")
        site = workdir() / f"site-{n}"
        pub = check(root)
        start = time.perf_counter()
        build_site(root, site, pub)
        for language, view in language_views(pub):
            build_site(root, site / language, view, [])
        _BUILT[n] = (root, site, time.perf_counter() - start)
    return _BUILT[n]


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file())
