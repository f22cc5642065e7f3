"""The live preview's Markdown renders, reused while a page's Markdown is unchanged.

A page an edit reaches only through a list or a link (a related hack retitled, a featured card)
is laid out again, but its own Markdown is what it was: MkDocs' render of it is kept, keyed by a
hash of the text (and of the site's settings), and given back instead of converting again.
Text with a relative link is always converted again: MkDocs checks such links against the
other pages, which an edit may have moved or deleted.
"""
from __future__ import annotations

import copy
import hashlib
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import TableOfContents

# A Markdown link, reference or image, or an HTML href or src, to an address of this site
# ("other/", "../x.md"): anything but a full address (https:, mailto:) or an anchor on the page.
_ADDRESS = r"(?![a-z][a-z0-9+.-]*:|#)"
LOCAL_LINK = re.compile(rf"\]\(\s*+<?+{_ADDRESS}|^\s*\[[^\]]+\]:\s*+<?+{_ADDRESS}"
                        rf"|\b(?:src|href)\s*=\s*+[\"']?+{_ADDRESS}", re.IGNORECASE | re.MULTILINE)


@dataclass
class Rendered:
    key: str
    content: str
    toc: TableOfContents
    title: str | None
    anchors: set[str]


@dataclass
class Renders:
    known: dict[str, Rendered] = field(default_factory=dict)    # src -> its last render
    converted: set[str] = field(default_factory=set)            # this build's pages converted
    reused: set[str] = field(default_factory=set)               # this build's renders reused

    def start(self) -> None:
        self.converted, self.reused = set(), set()

    def wrap(self, page: Page, salt: str) -> None:
        """Make `page.render` give back the last render of the same text."""
        convert = page.render

        def render(config: MkDocsConfig, files: Files) -> None:
            src, text = page.file.src_uri, page.markdown or ""
            key = hashlib.sha256(f"{salt}\0{src}\0{text}".encode()).hexdigest()
            last = self.known.get(src)
            if last is not None and last.key == key:
                # Copies: the plugin cleans the table of contents in place after rendering.
                page.content, page.toc = last.content, copy.deepcopy(last.toc)
                page._title_from_render, page.present_anchor_ids = last.title, set(last.anchors)
                self.reused.add(src)
                return
            convert(config, files)
            self.converted.add(src)
            # Links to the page's own headings were checked on this very text; others were not.
            elsewhere = any(to is not page.file for to in page.links_to_anchors or {})
            if LOCAL_LINK.search(text) or elsewhere or page.content is None:
                self.known.pop(src, None)
            else:
                self.known[src] = Rendered(key, page.content, copy.deepcopy(page.toc), page._title_from_render,
                                           set(page.present_anchor_ids or ()))

        setattr(page, "render", render)  # noqa: B010 - this page only, for this build
