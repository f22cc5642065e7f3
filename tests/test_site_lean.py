"""The built site carries nothing no reader needs (issue 15): no source maps, no Lunr packs for
languages the site does not search in, no unused Material files, no template indentation; and
what serves search from disk is still there, packed."""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import material

from spacehacks.site.lazy_search import INDEX_SCRIPT, index_script, read_index_script
from spacehacks.site.lean import collapse_whitespace, lunr_files
from spacehacks.site.purge_css import purge


def test_no_source_maps_and_no_comment_pointing_at_one(site):
    assert list(site.rglob("*.map")) == []
    for path in (site / "assets").rglob("*.min.*"):
        assert "sourceMappingURL" not in path.read_text(encoding="utf-8"), path


def test_unused_material_assets_are_gone(site):
    assets = site / "assets"
    assert list(assets.glob("stylesheets/palette.*")) == []
    assert not (assets / "images" / "favicon.png").exists()
    # English search needs no Lunr language pack: Material's worker loads none for it.
    assert not (assets / "javascripts" / "lunr").exists()
    # What the site does load is still there.
    assert list(assets.glob("stylesheets/main.*.min.css")) and list(assets.glob("javascripts/bundle.*.min.js"))
    assert list(assets.glob("javascripts/workers/search.*.min.js"))


def test_lunr_packs_kept_are_those_the_worker_imports_for_the_languages():
    assert lunr_files(["en"]) == set()
    assert lunr_files(["es"]) == {"min/lunr.es.min.js", "min/lunr.stemmer.support.min.js"}
    assert lunr_files(["en", "es"]) == {"min/lunr.es.min.js", "min/lunr.multi.min.js",
                                        "min/lunr.stemmer.support.min.js"}
    assert lunr_files(["th"]) == {"wordcut.js", "min/lunr.th.min.js", "min/lunr.stemmer.support.min.js"}


def test_collapsing_keeps_one_line_break_and_everything_shown_as_written():
    html = ('<ul>\n    <li>\n      One  two\n    </li>\n</ul>\n<pre><code>a\n    b</code></pre>\n'
            '<p>x <code>c\n  d</code>\n\n  y</p><textarea>\n  t\n</textarea>\n'
            '<script>\n  var s = "a\\n   b";\n</script>')
    assert collapse_whitespace(html) == (
        '<ul>\n<li>\nOne  two\n</li>\n</ul>\n<pre><code>a\n    b</code></pre>\n'
        '<p>x <code>c\n  d</code>\ny</p><textarea>\n  t\n</textarea>\n'
        '<script>\n  var s = "a\\n   b";\n</script>')


def test_pages_carry_no_template_indentation(site, pub):
    kept = re.compile(r"<(pre|textarea|code|kbd|script|style)\b.*?</\1\s*>", re.DOTALL)
    for rel in ("index.html", pub.hacks[0].url + "index.html", "hacks/index.html", "404.html"):
        text = kept.sub("<kept>", (site / rel).read_text(encoding="utf-8"))
        assert re.search(r"\n[ \t]+\S", text) is None, rel
        assert "\n\n" not in text, rel


def test_disk_index_is_packed_and_reads_back_whole(site, tmp_path):
    data = {"config": {"lang": ["en"]}, "docs": [{"location": "a/", "title": "Ä </script>", "text": "x" * 5000}]}
    script = index_script(json.dumps(data))
    assert "</script" not in script and len(script) < 1000
    assert script.startswith("var __index = ") and "fflate.gunzipSync" in script
    (tmp_path / INDEX_SCRIPT).parent.mkdir(parents=True)
    (tmp_path / INDEX_SCRIPT).write_text(script, encoding="utf-8")
    assert read_index_script(tmp_path) == data
    assert index_script(json.dumps(data)) == script      # the same bytes, build after build
    index = read_index_script(site)
    assert len(index["docs"]) > len(index["config"]) and index["config"]["lang"] == ["en"]
    assert (site / INDEX_SCRIPT).stat().st_size < len(json.dumps(index)) / 2
    # Pages opened from disk load fflate before Material can load the index script.
    home = (site / "index.html").read_text(encoding="utf-8")
    loader = home[home.index('"vendor/fflate.min.js"'):]
    assert loader.index('(document.getElementById("__config"), "assets/")') < loader.index("javascripts/bundle.")


def test_purge_keeps_the_rules_pages_and_scripts_can_use():
    css = (".used{color:red}.unused{color:blue}.used .unused,.used>p{margin:0}"
           ".md-typeset :is(.note,.absent){padding:1px}.md-typeset :is(.absent,.gone){padding:2px}"
           ".used:not(.absent){top:0}[href$=\".pdf\"] .used{left:0}"
           "@media screen and (min-width:10em){.unused{x:1}.used{y:2}}@media print{.unused{z:3}}"
           "@keyframes spin{to{transform:rotate(1turn)}}"
           ":root{--used-var:1px;--unused-var:url(\"data:x\");--chained:2px;--via-chain:var(--chained);"
           "--set-by-script:0}.used{width:var(--used-var)}")
    out = purge(css, ['<p class="used md-typeset note">', 'el.style.setProperty("--set-by-script", 1)'])
    assert ".used{color:red}" in out and ".unused{color:blue}" not in out
    assert ".used>p{margin:0}" in out and ".used .unused" not in out
    assert ".md-typeset :is(.note,.absent){padding:1px}" in out and "padding:2px" not in out
    assert ".used:not(.absent){top:0}" in out and '[href$=".pdf"] .used{left:0}' in out
    assert "@media screen and (min-width:10em){.used{y:2}}" in out and "z:3" not in out and "x:1" not in out
    assert "@keyframes spin" in out
    assert "--used-var:1px" in out and "--unused-var" not in out and "--set-by-script:0" in out
    # A property read only by another property nobody reads goes with it.
    assert "--via-chain" not in out and "--chained" not in out


def test_the_site_loads_material_stylesheet_cut_to_what_it_uses(site, pub):
    sheets = list(site.glob("assets/stylesheets/*.css"))
    assert len(sheets) == 1
    sheet = sheets[0]
    cut = sheet.read_text(encoding="utf-8")
    assert sheet.name == f"main.{hashlib.sha256(cut.encode()).hexdigest()[:8]}.min.css"
    whole = next(Path(material.__file__).parent.glob("templates/assets/stylesheets/main.*.min.css"))
    assert len(cut) < len(whole.read_text(encoding="utf-8")) * 0.8
    for rel in ("index.html", pub.hacks[0].url + "index.html", "hacks/index.html", "404.html", "offline/index.html"):
        page = (site / rel).read_text(encoding="utf-8")
        assert f"assets/stylesheets/{sheet.name}" in page and whole.name not in page, rel
    # What Material styles the pages by is still styled: the header, the drawer, search, content.
    for selector in (".md-header{", ".md-nav__link", ".md-search__input", ".md-typeset h1", ".md-content"):
        assert selector in cut, selector


def test_pages_carry_no_palette_script(site, pub):
    # The site has no palette toggle, so nothing ever stores a palette to re-apply.
    for rel in ("index.html", pub.hacks[0].url + "index.html", "404.html"):
        assert "__palette" not in (site / rel).read_text(encoding="utf-8"), rel


def test_manifest_is_written_without_indentation(site):
    text = (site / "hacks.json").read_text(encoding="utf-8")
    assert "\n" not in text.strip() and json.loads(text)["hacks"]
