"""Material's search, paid for only by readers who open it.

Material fetches search/search_index.json and starts its Lunr worker on every page load: about
90 KB gzipped per 100 hacks before anyone has typed a word, over 1 MB at 1,000 hacks. After the
build, the full index moves to FULL_INDEX and search_index.json keeps only its `config` (all that
Material's page script reads from it, for highlighting). The theme (main.html) points Material's
documented worker setting at theme/assets/search-worker.js, which answers "ready" at once and
fetches the full index and Material's own worker on the reader's first query.

Opened from disk (file://), browsers fetch nothing; Material then loads INDEX_SCRIPT
(`var __index = …`, as its offline plugin writes it) with a script tag instead, and only there.
It holds the full index, and Material's worker runs on it in the vendored iframe-worker shim.
"""
from __future__ import annotations

import json
from pathlib import Path

INDEX = "search/search_index.json"
FULL_INDEX = "search/full_index.json"
INDEX_SCRIPT = "search/search_index.js"


def split_search_index(site_dir: Path) -> None:
    index = Path(site_dir) / INDEX
    if not index.exists():
        return
    text = index.read_text(encoding="utf-8")
    data = json.loads(text)
    if not data.get("docs"):
        return    # already split (mkdocs serve rebuilds into the same folder)
    index.replace(Path(site_dir) / FULL_INDEX)
    (Path(site_dir) / INDEX_SCRIPT).write_text(f"var __index = {text}", encoding="utf-8")
    index.write_text(json.dumps({"config": data["config"], "docs": []}), encoding="utf-8")
