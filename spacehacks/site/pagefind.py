"""Search on the web: Pagefind indexes the built site into pagefind/, in chunks.

Material's Lunr index is one file that every first query downloads whole (1,147 KB gzipped at
1,000 hacks); Pagefind's is split by word, so a query fetches only the chunks and result
fragments it needs (bench/search.py). Only what the templates mark `data-pagefind-body` is
indexed (hacks, templates, the about pages, quotes), never the listing pages, which repeat
every title; summaries, tags and defined terms carry more weight than body words
(`data-pagefind-weight`). Each page language gets its own index, so a second edition can be
searched in its own language. Opened from disk, where browsers fetch nothing, Material's Lunr
index inlined as a script still serves (lazy_search.py).
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError

BUNDLE = "pagefind"
# Pagefind writes UI kits we do not use (Material's search box shows the results).
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js",
          "pagefind-worker.js")  # Pagefind runs inside our search worker, so starts none of its own


def executable() -> Path:
    try:
        from pagefind_bin_extended import get_executable
    except ImportError as e:  # pragma: no cover - requirements.txt pins it
        raise PluginError("Pagefind is missing: install requirements.txt (pagefind[extended])") from e
    return get_executable()


def index_site(site_dir: Path) -> None:
    bundle = Path(site_dir) / BUNDLE
    if not bundle.exists():
        _index(site_dir, bundle)
        return
    # Indexing again (the live preview): Pagefind names its files by their content and leaves
    # the old ones, so the new index is made beside the old one and replaces it whole.
    fresh, old = bundle.with_name(".pagefind-new"), bundle.with_name(".pagefind-old")
    for folder in (fresh, old):
        shutil.rmtree(folder, ignore_errors=True)
    _index(site_dir, fresh)
    bundle.rename(old)
    fresh.rename(bundle)
    shutil.rmtree(old, ignore_errors=True)


def _index(site_dir: Path, out: Path) -> None:
    run = subprocess.run([str(executable()), "--site", str(site_dir), "--output-path", str(out), "--silent"],
                         capture_output=True, text=True, timeout=600, check=False)
    if run.returncode != 0:
        raise PluginError(f"Pagefind could not index the site:\n{run.stdout}{run.stderr}")
    for pattern in UNUSED:
        for path in out.glob(pattern):
            path.unlink()


# In a list of definitions (the acronyms), the term is what a reader looks up; the explanation
# mentions words that have hacks of their own (naloxone, overdose) and must not outrank them.
_DT = re.compile(r"<dt(?=[\s>])")
_DD = re.compile(r"<dd(?=[\s>])")


def weigh_definitions(html: str) -> str:
    if "<dl" not in html:
        return html
    return _DD.sub('<dd data-pagefind-weight="0.1"', _DT.sub('<dt data-pagefind-weight="10"', html))
