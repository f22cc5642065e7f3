"""The join's merged font subsets are the same bytes whenever they are made: the same content
gives the same book (fontTools would otherwise stamp each merged font with the clock)."""
from __future__ import annotations

from io import BytesIO

from fontTools import subset
from fontTools.ttLib import TTFont
from paths import ROOT

from spacehacks.pdf import shared_fonts


def _subset(text: str) -> bytes:
    font = TTFont(ROOT / "theme" / "fonts" / "Lato-Regular.ttf")
    options = subset.Options()
    options.retain_gids = True   # as WeasyPrint's HarfBuzz subsets keep the full font's ids
    sub = subset.Subsetter(options)
    sub.populate(text=text)
    sub.subset(font)
    out = BytesIO()
    font.save(out)
    return out.getvalue()


def test_merged_subsets_do_not_depend_on_the_clock(monkeypatch):
    import fontTools.ttLib.tables._h_e_a_d as head
    parts = [_subset("Space"), _subset("Hacks 123")]
    made = []
    for now in (1_000_000, 2_000_000):
        monkeypatch.setattr(head, "timestampNow", lambda now=now: now)
        made.append(shared_fonts._union(parts))
    assert made[0] == made[1]
    merged = TTFont(BytesIO(made[0]))
    full = TTFont(ROOT / "theme" / "fonts" / "Lato-Regular.ttf")
    cmap, order = full.getBestCmap(), merged.getGlyphOrder()
    for letter in "SpaceHcks123":   # every glyph of both subsets is in the merged font, at its id
        assert merged["glyf"][order[full.getGlyphID(cmap[ord(letter)])]].numberOfContours != 0, letter


def test_the_merge_would_differ_with_the_clock_were_it_not_kept_out(monkeypatch):
    """The hazard is real: fontTools' own default writes the time."""
    import fontTools.ttLib.tables._h_e_a_d as head
    data = _subset("Space")
    out = []
    for now in (1_000_000, 2_000_000):
        monkeypatch.setattr(head, "timestampNow", lambda now=now: now)
        buf = BytesIO()
        TTFont(BytesIO(data)).save(buf)
        out.append(buf.getvalue())
    assert out[0] != out[1]
