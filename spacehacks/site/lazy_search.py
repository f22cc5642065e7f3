"""Material's Lunr search, kept for readers who open site/ from disk.

On the web, search is Pagefind's (pagefind.py), answered through Material's search box by
theme/assets/search-worker.js. Material still fetches search/search_index.json on every page
load, so after the build it keeps only its `config` (all that Material's page script reads from
it, for highlighting), and the full index moves to INDEX_SCRIPT (`var __index = …`, as
Material's offline plugin writes it). Opened from disk (file://), browsers fetch nothing;
Material then loads that script with a script tag, and only there, and its worker runs on it in
the vendored iframe-worker shim.
"""
from __future__ import annotations

import json
from pathlib import Path

INDEX = "search/search_index.json"
INDEX_SCRIPT = "search/search_index.js"


def split_search_index(site_dir: Path) -> None:
    index = Path(site_dir) / INDEX
    if not index.exists():
        return
    text = index.read_text(encoding="utf-8")
    data = json.loads(text)
    if not data.get("docs"):
        return    # already split (mkdocs serve rebuilds into the same folder)
    (Path(site_dir) / INDEX_SCRIPT).write_text(f"var __index = {text}", encoding="utf-8")
    index.write_text(json.dumps({"config": data["config"], "docs": []}), encoding="utf-8")
