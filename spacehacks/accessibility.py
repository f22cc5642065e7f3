"""What the accessibility tests check, named once: the browser tests (tests/browser/) run these
page types at these sizes against these rules, and the site's accessibility statement is written
from the same names, so it says what is really tested and no more."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .phrases import english as t  # marks the words for the catalogue; tested() translates them
from .views import tag_url

if TYPE_CHECKING:
    from .model import Publication

# axe-core's rule tags the tests run: WCAG 2.0, 2.1 and 2.2 at levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE_VERSION = "4.14.1"          # tests/browser/vendor/axe.min.js


@dataclass(frozen=True)
class Size:
    name: str
    width: int
    height: int
    text_scale: int        # 2: text at 200 % of the browser's default size
    what: str


VIEWPORTS = {"phone": Size("phone", 390, 844, 1, t("a phone, 390 × 844 CSS px")),
             "desktop": Size("desktop", 1280, 900, 1, t("a desktop, 1280 × 900 CSS px"))}
REFLOW_SIZES = {
    "320px": Size("320px", 320, 640, 1, t("320 CSS px wide (WCAG 1.4.10 reflow)")),
    "phone-200pct-text": Size("phone-200pct-text", 390, 844, 2, t("a 390 px phone with text at 200 % (WCAG 1.4.4)")),
    "desktop-200pct-text": Size("desktop-200pct-text", 1280, 900, 2, t("a 1280 px desktop with text at 200 %")),
}
# Page type -> what a reader calls it.
PAGE_LABELS = {
    "home": t("the home page"), "section": t("a section"), "category": t("a category"), "hack": t("a hack"),
    "all-hacks": t("all hacks"), "random": t("the random hack page (without JavaScript)"), "quotes": t("quotes"),
    "tags": t("tags"), "tag": t("a tag's hacks"), "downloads": t("downloads"), "about-page": t("an about page"),
    "templates": t("the templates"),
    "template": t("a template"), "accessibility": t("this statement"), "not-found": t("the page-not-found page"),
}


def page_types(pub: Publication) -> dict[str, str]:
    """name -> path under the site root: one page of every type the site has."""
    hack = next((h for h in pub.hacks if h.featured), pub.hacks[0])
    types = {"home": "", "section": hack.section.url, "category": hack.category.url, "hack": hack.url,
             "all-hacks": "hacks/", "random": "random/", "quotes": "quotes/", "tags": "tags/",
             "downloads": "downloads/"}
    if hack.tags and hack.tags[0] in pub.tags:
        types["tag"] = tag_url(hack.tags[0])
    if pub.pages:
        types["about-page"] = pub.pages[0].url
    if getattr(pub, "templates", None):
        types["templates"] = "templates/"
        types["template"] = pub.templates[0].url
    types["accessibility"] = "accessibility/"
    types["not-found"] = "404.html"
    return types


def tested(pub: Publication) -> dict[str, object]:
    """What the statement lists, from the names above."""
    return {
        "pages": [pub.t(PAGE_LABELS.get(k, k)) for k in page_types(pub)],
        "viewports": [pub.t(v.what) for v in VIEWPORTS.values()],
        "reflow": [pub.t(s.what) for s in REFLOW_SIZES.values()],
        "wcag_tags": WCAG_TAGS,
        "axe": AXE_VERSION,
        "templates": len(getattr(pub, "templates", []) or []),
    }
