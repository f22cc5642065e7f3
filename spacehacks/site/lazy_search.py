"""Material's Lunr search, kept for readers who open site/ from disk.

On the web, search is Pagefind's (pagefind.py), answered through Material's search box by
theme/assets/search-worker.js. Material still fetches search/search_index.json on every page
load, so after the build it keeps only its `config` (all that Material's page script reads from
it, for highlighting), and the full index moves to INDEX_SCRIPT (`var __index = …`, as
Material's offline plugin writes it). Opened from disk (file://), browsers fetch nothing;
Material then loads that script with a script tag, and only there, and its worker runs on it in
the vendored iframe-worker shim.

The index holds every page's text again (4.8 MB at 1,000 hacks), so the script carries it
gzipped, in base64 (1.8 MB): the vendored fflate, which theme/main.html loads first on pages
opened from disk, unpacks it as the script runs, so `__index` is there when Material reads it.
"""
from __future__ import annotations

import base64
import gzip
import json
import re
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
    (Path(site_dir) / INDEX_SCRIPT).write_text(index_script(text), encoding="utf-8")
    index.write_text(json.dumps({"config": data["config"], "docs": []}), encoding="utf-8")


def search_languages(site_dir: Path) -> list[str]:
    """The languages Material's search worker sets Lunr up for, as the index's config names them."""
    index = Path(site_dir) / INDEX
    if not index.exists():
        return []
    lang = json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang", ["en"])
    return [lang] if isinstance(lang, str) else list(lang)


# fflate (assets/vendor/fflate.min.js) as a global; atob's binary string is read as Latin-1 bytes.
_SCRIPT = 'var __index = JSON.parse(fflate.strFromU8(fflate.gunzipSync(fflate.strToU8(atob("{}"), true))));\n'
_PACKED = re.compile(r'atob\("([A-Za-z0-9+/=]*)"\)')


def index_script(index_json: str) -> str:
    # mtime=0: the same index gives the same bytes, build after build.
    packed = gzip.compress(index_json.encode("utf-8"), compresslevel=9, mtime=0)
    return _SCRIPT.format(base64.b64encode(packed).decode("ascii"))


def read_index_script(site_dir: Path) -> dict:
    """The from-disk index as Material's page script reads it (for tests and benchmarks)."""
    script = (Path(site_dir) / INDEX_SCRIPT).read_text(encoding="utf-8")
    m = _PACKED.search(script)
    if m is None:
        raise ValueError(f"{INDEX_SCRIPT} holds no packed index")
    return json.loads(gzip.decompress(base64.b64decode(m.group(1))).decode("utf-8"))
