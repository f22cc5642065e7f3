"""What the site's search (Pagefind) holds, read from its fragment files, for tests: one record per
indexed page with its url, title and text."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


def fragments(site: Path) -> list[dict]:
    out = []
    for file in sorted((Path(site) / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(file.read_bytes())
        assert data.startswith(SIGNATURE), file
        record = json.loads(data[len(SIGNATURE):])
        out.append({"url": record["url"], "title": record["meta"].get("title", "").replace("\u00ad", ""),
                    "text": record["content"].replace("\u00ad", "")})
    return out
