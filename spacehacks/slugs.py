"""File names that become web addresses: what is allowed, and how to make one from a title."""
from __future__ import annotations

import re
import unicodedata

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_SLUG = 60


def slugify(text: str, max_len: int = MAX_SLUG) -> str:
    """A file name from a title: 'Don't rush the café' -> 'dont-rush-the-cafe'."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    folded = re.sub(r"['’]", "", folded.lower())
    words = re.findall(r"[a-z0-9]+", folded)
    slug = ""
    for word in words:   # whole words only, so a long title never ends mid-word
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_len and slug:
            break
        slug = candidate
    return slug[:max_len] or "untitled"
