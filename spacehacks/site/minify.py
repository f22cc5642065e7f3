"""Our own stylesheets and scripts, minified in the built site.

The sources in theme/ keep their comments for the people who maintain them; readers on a phone
should not pay for those comments on every first visit (a hack page's first load must stay within
70 KB gzipped). Material's files and vendored ones ship minified already (`*.min.*`).
"""
from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

# Where our files land in site/: the theme's assets and the service worker at the root.
OWN = ("assets/*.js", "assets/*.css", "sw.js")


def _minify(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".css":
        small = rcssmin.cssmin(text, keep_bang_comments=True)
    else:
        small = rjsmin.jsmin(text, keep_bang_comments=True)
    if small != text:
        path.write_text(small, encoding="utf-8")


def minify_own_assets(site_dir: Path) -> None:
    for pattern in OWN:
        for path in Path(site_dir).glob(pattern):
            if ".min." not in path.name:
                _minify(path)
