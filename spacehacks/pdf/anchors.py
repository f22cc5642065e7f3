"""The book's anchor ids and the appendix's title, defined once. book.html writes them (they are
globals of its Jinja environment); the parallel render, the merge, the outline and the proof
find the book's parts by them."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Category, Hack, Page, Section

TEMPLATES = "templates"                              # the appendix
APPENDIX = "Appendix: policy and protocol templates"  # its title, in the contents and bookmarks
FRONT_IDS = ("cover", "colophon", "contents")


def hack_id(hack: Hack) -> str:
    return f"hack-{hack.slug}"


def section_id(section: Section) -> str:
    return f"section-{section.slug}"


def page_id(page: Page) -> str:
    return f"page-{page.slug}"


def category_id(category: Category) -> str:
    return f"category-{category.section.slug}-{category.slug}"


def jinja_globals() -> dict[str, object]:
    return {"hack_id": hack_id, "section_id": section_id, "page_id": page_id, "category_id": category_id,
            "templates_id": TEMPLATES, "appendix_title": APPENDIX}
