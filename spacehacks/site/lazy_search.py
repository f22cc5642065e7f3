"""Material's search, paid for only by readers who open it.

Material fetches search/search_index.json and starts its Lunr worker on every page load: about
90 KB gzipped per 100 hacks before anyone has typed a word, over 1 MB at 1,000 hacks. After the
build, the full index moves to FULL_INDEX and search_index.json keeps only its `config` (all that
Material's page script reads from it, for highlighting). The theme (main.html) points Material's
documented worker setting at theme/assets/search-worker.js, which answers "ready" at once and
fetches the full index and Material's own worker on the reader's first query.
"""
from __future__ import annotations

import json
from pathlib import Path

INDEX = "search/search_index.json"
FULL_INDEX = "search/full_index.json"


def split_search_index(site_dir: Path) -> None:
    index = Path(site_dir) / INDEX
    if not index.exists():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    if not data.get("docs"):
        return    # already split (mkdocs serve rebuilds into the same folder)
    index.replace(Path(site_dir) / FULL_INDEX)
    index.write_text(json.dumps({"config": data["config"], "docs": []}), encoding="utf-8")
