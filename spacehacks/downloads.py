"""Files the publication offers for download (PDF editions, templates), as the site lists them."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class Download:
    title: str
    url: str            # relative to the site root, e.g. "downloads/space-hacks.pdf"
    meta: str           # what a reader needs before downloading, e.g. "PDF, 96 pages, 1.4 MB"
    summary: str = ""
    group: str = "book"  # "book" or "templates"


def human_size(path: Path) -> str:
    size = Path(path).stat().st_size
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"
