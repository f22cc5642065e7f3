"""Readable at any size (WCAG 2.2: 1.4.10 reflow at 320 CSS px, 1.4.4 text resized to 200 %):
every page type at 320 px wide, and at 200 % text on a phone and a desktop, with no horizontal
scroll, no text clipped by its box, and no word broken across lines in a heading."""
from __future__ import annotations

import pytest
from browsing import ROOT, page_types, screenshot

from spacehacks.accessibility import REFLOW_SIZES
from spacehacks.load import load_publication

PUB, _ = load_publication(ROOT)
TYPES = page_types(PUB)
# The hack whose title holds the longest word: the heading most likely to split mid-word.
TYPES["hack-longest-word"] = max(PUB.hacks, key=lambda h: max(len(w) for w in h.title.split())).url
# name -> (viewport, text scale), as the accessibility statement lists them.
SIZES = {name: ({"width": s.width, "height": s.height}, s.text_scale) for name, s in REFLOW_SIZES.items()}
pytestmark = pytest.mark.browser



def enlarge_text(page, scale: int) -> None:
    """Text `scale` times the default size, as Chromium's own font-size setting makes it (16 px
    by default): the page's root size and every `em` media query follow it, as for a reader who
    set a larger text size, so the layout changes as it would for them."""
    if scale != 1:
        cdp = page.context.new_cdp_session(page)
        cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 16 * scale, "fixed": 13 * scale}})

# Text that its box cuts off: a box that hides its overflow (or ends it in an ellipsis) while
# its content is wider than it. Scrolling boxes (tables, code) are not clipping.
CLIPPED = """() => [...document.querySelectorAll('body *')].filter(el => {
  const s = getComputedStyle(el);
  if (el.closest('[hidden], .md-search, [aria-hidden=true]')) return false;
  if (el.matches('.md-sidebar__scrollwrap')) return false;   /* scrolls, clips nothing */
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0 || s.visibility === 'hidden') return false;
  const hides = ['hidden', 'clip'].includes(s.overflowX) || s.textOverflow === 'ellipsis';
  return hides && el.scrollWidth > el.clientWidth + 1 && el.textContent.trim();
}).map(el => el.outerHTML.slice(0, 100))"""

# A heading word laid out on more than one line ("Respondin/g"). A line may end after a hyphen
# ("De-/Escalation") or a soft hyphen, which then shows one: that is a break, not a broken word.
BROKEN_WORDS = """() => { const out = [];
  const top = (node, i) => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
    const rects = [...r.getClientRects()].filter(x => x.width > 0);
    return rects.length ? Math.round(rects[rects.length - 1].top) : null; };
  for (const h of document.querySelectorAll('.md-content h1, .md-content h2, .md-header__topic')) {
    const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode());) {
      for (const m of node.textContent.matchAll(/\\S+/g)) {
        let last = null;
        for (let i = m.index; i < m.index + m[0].length; i++) {
          const t = top(node, i);
          if (t === null) continue;
          if (last !== null && t > last + 2 && !/[-\u00ad\u2010]/.test(node.textContent[i - 1])) {
            out.push(m[0].replace(/\u00ad/g, '')); break; }
          last = t;
        }
      }
    }
  }
  return out; }"""

# Elements sticking out past the right edge of the viewport (what makes a page scroll sideways).
WIDE = """() => [...document.querySelectorAll('.md-container *, .md-header *')].filter(el => {
  if (el.closest('[hidden], .md-sidebar, .md-search, .md-typeset__scrollwrap')) return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.right > document.documentElement.clientWidth + 1;
}).map(el => el.outerHTML.slice(0, 100)).slice(0, 8)"""


def check_page(page, label: str) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.evaluate("document.documentElement.clientWidth")
    assert width <= viewport, f"{label}: {width}px wide in {viewport}px: {page.evaluate(WIDE)}"
    clipped = page.evaluate(CLIPPED)
    assert clipped == [], f"{label}: clipped text: {clipped[:6]}"
    broken = page.evaluate(BROKEN_WORDS)
    assert broken == [], f"{label}: words broken across lines: {broken[:10]}"


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("kind", list(TYPES))
def test_page_reflows_without_scrolling_sideways(open_reader, base_url, kind, size):
    viewport, scale = SIZES[size]
    reader = open_reader(viewport)
    page = reader.page
    if kind == "random":
        reader.context.route("**/assets/pick.js", lambda route: route.abort())
    enlarge_text(page, scale)
    page.goto(base_url + TYPES[kind])
    page.wait_for_load_state("networkidle")
    screenshot(page, f"reflow-{kind}-{size}")
    check_page(page, f"{kind} at {size}")


@pytest.mark.parametrize("size", list(SIZES))
def test_every_template_preview_reflows(open_reader, base_url, size):
    """The templates' previews hold tables and fill-in fields (the incident report's table)."""
    viewport, scale = SIZES[size]
    page = open_reader(viewport).page
    enlarge_text(page, scale)
    for t in PUB.templates:
        page.goto(base_url + t.url)
        page.wait_for_load_state("load")
        check_page(page, f"{t.slug} at {size}")
