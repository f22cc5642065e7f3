"""A synthetic publication of N hacks across the real sections and categories, and N/5 quotes.

Bodies are the shipped hacks' bodies, cycled, so Markdown features and lengths are realistic.
"""
from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

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
    shipped = sorted((ROOT / "hacks").rglob("*.md"))
    bodies = [p.read_text(encoding="utf-8").split("\n---\n", 1)[1] for p in shipped]
    categories = sorted((p.parent.name, p.stem) for p in (out / "content" / "sections").glob("*/*.md")
                        if p.name != "_section.md")
    tags = list(yaml.safe_load((ROOT / "content" / "tags.yml").read_text()).keys())
    for i in range(n):
        section, category = categories[i % len(categories)]
        slug = f"synthetic-hack-{i:05d}"
        meta = {"title": f"Synthetic hack number {i} on {category.replace('-', ' ')}",
                "summary": f"What a reader gets from synthetic hack {i}, in one line.",
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
