"""`build.py serve` rebuilds only the pages an edit changes, and what it serves after any sequence
of edits is what a clean build of the same content gives, byte for byte, every file (pages,
search indexes, sitemap, generated data).

The clean build is the preview's own, without reuse (every page built, search indexed at once):
a served page differs from `build.py site`'s only by what serving adds (the live-reload script,
the server's address), which is not what is tested here."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from minirepo import minimal
from mkdocs.exceptions import PluginError

from spacehacks.depends import changed_pages, page_inputs
from spacehacks.load import check, load_publication
from spacehacks.model import Hack, Publication
from spacehacks.site.preview import Preview, PreviewBuilds
from spacehacks.site.render_cache import LOCAL_LINK
from spacehacks.views import RIGHT_NOW


def src(h: Hack) -> str:
    return f"{h.section.slug}/{h.category.slug}/{h.slug}.md"


def referenced(pub: Publication) -> set[str]:
    """Hacks another file names (renaming or deleting one would be refused by the checks)."""
    named = {s for h in pub.hacks for s in h.related} | {s for t in pub.templates for s in t.related}
    return named | {slug for _, slug in RIGHT_NOW}


def set_field(path: Path, field: str, value: str) -> None:
    text = path.read_text(encoding="utf-8")
    new = re.sub(rf"^{field}:.*$", f"{field}: {value}", text, count=1, flags=re.MULTILINE)
    assert new != text, f"{path} has no {field}"
    path.write_text(new, encoding="utf-8")


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def served(repo_copy, tmp_path, monkeypatch):
    # The sitemap dates every page (and its archive's header) with the build's day: pinned, two
    # builds either side of midnight still agree.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    builds = PreviewBuilds(repo_copy, tmp_path / "served")
    first = builds.build().preview
    assert first.rebuilt == set(first.digests), "the first build builds every page"
    return builds, repo_copy, tmp_path / "served"


def test_edits_rebuild_only_what_they_change_and_end_as_a_clean_build(served, tmp_path):
    builds, root, out = served
    pub = check(root)
    categories = {c.url: c for c in pub.categories}
    named = referenced(pub)
    free = [h for h in pub.hacks if h.slug not in named and not h.featured]
    every_hack = {src(h) for h in pub.hacks}

    # 1. A sentence in one hack: that page alone, and no file around it is written again.
    body_only = free[0]
    untouched = out / free[-1].url / "index.html"
    listing = out / "hacks.json"
    times = untouched.stat().st_mtime_ns, listing.stat().st_mtime_ns
    (root / body_only.path).write_text((root / body_only.path).read_text(encoding="utf-8")
                                       + "\nA sentence added in the preview.\n", encoding="utf-8")
    plugin = builds.build()
    done = plugin.preview
    assert done.rebuilt == {src(body_only)} and plugin.renders.converted == {src(body_only)}
    assert "A sentence added in the preview." in (out / body_only.url / "index.html").read_text(encoding="utf-8")
    assert (untouched.stat().st_mtime_ns, listing.stat().st_mtime_ns) == times

    # 2. A title: the lists that show it, and the hacks whose "Related hacks" name it.
    retitled = next(h for h in pub.hacks if not h.featured and h.slug not in {s for _, s in RIGHT_NOW}
                    and any(h.slug in other.related[:2] for other in pub.hacks))
    linking = {src(o) for o in pub.hacks if retitled.slug in o.related[:2]}
    set_field(root / retitled.path, "title", "A renamed hack about waiting rooms")
    plugin = builds.build()
    done = plugin.preview
    # Laid out again, but their Markdown is what it was: the last render is given back.
    assert {src(retitled)} | linking <= plugin.renders.reused
    assert not plugin.renders.converted & every_hack
    assert {src(retitled), f"{retitled.category.url}index.md", f"{retitled.section.url}index.md",
            "hacks/index.md", "tags/index.md"} | linking <= done.rebuilt
    assert len(done.rebuilt & every_hack) < len(every_hack) / 2, "a title change rebuilt most hack pages"
    for page in linking:
        assert "A renamed hack about waiting rooms" in (out / page.removesuffix(".md") / "index.html").read_text(
            encoding="utf-8")

    # 3. A rename: the new address is built, the old one is gone from the preview.
    renamed = free[1]
    new_path = (root / renamed.path).with_name(renamed.slug + "-renamed.md")
    (root / renamed.path).rename(new_path)
    done = builds.build().preview
    assert not (out / renamed.url).exists()
    assert (out / (renamed.url.rstrip("/") + "-renamed") / "index.html").is_file()
    assert src(renamed).replace(".md", "-renamed.md") in done.rebuilt

    # 4. A new hack, 5. a deleted one.
    added = root / "hacks" / free[2].section.slug / free[2].category.slug / "a-hack-added-in-the-preview.md"
    added.write_text("---\ntitle: A hack added in the preview\nsummary: What it is for, in one line.\n"
                     "tags: [boundaries]\n---\n\nSome practical text about the front desk.\n", encoding="utf-8")
    done = builds.build().preview
    assert f"{free[2].category.url}a-hack-added-in-the-preview.md" in done.rebuilt
    deleted = free[3]
    (root / deleted.path).unlink()
    done = builds.build().preview
    assert not (out / deleted.url).exists()
    assert f"{deleted.category.url}index.md" in done.rebuilt

    # 6. A quote: the pages that show quotes, no hack page.
    quote = sorted((root / "quotes").glob("*.md"))[0]
    text = quote.read_text(encoding="utf-8")
    quote.write_text(text.rstrip("\n") + " We kept the door open.\n", encoding="utf-8")
    done = builds.build().preview
    assert {"index.md", "quotes/index.md"} | {f"{u}index.md" for u in categories} <= done.rebuilt
    assert not done.rebuilt & every_hack

    # 7. A section's tagline: the home page and the section's, no hack page.
    section = pub.sections[0]
    set_field(root / section.path, "tagline", "Ways to keep a shared space calm and welcoming")
    done = builds.build().preview
    assert {"index.md", f"{section.url}index.md"} <= done.rebuilt
    assert not done.rebuilt & every_hack

    # Nothing changed: nothing is built.
    assert builds.build().preview.rebuilt == set()

    builds.searchable()
    clean = PreviewBuilds(root, tmp_path / "clean", incremental=False)
    clean.build()
    served_files, clean_files = files_of(out), files_of(tmp_path / "clean")
    left = sorted(set(served_files) - set(clean_files))
    assert left == [], f"left in the preview: {[n for n in left if not n.startswith('pagefind/')]} {len(left)}"
    assert sorted(set(clean_files) - set(served_files)) == [], "missing from the preview"
    differ = [name for name in clean_files if served_files[name] != clean_files[name]]
    assert differ == [], f"{len(differ)} files differ from a clean build, e.g. {differ[:5]}"
    shutil.rmtree(tmp_path / "clean")


def test_theme_change_rebuilds_every_page(served):
    builds, root, out = served
    view = root / "theme" / "views" / "footer.html"
    view.write_text(view.read_text(encoding="utf-8") + "\n<p>Footer marker 4c1b.</p>\n", encoding="utf-8")
    done = builds.build().preview
    assert done.rebuilt == set(done.digests)
    assert "Footer marker 4c1b." in (out / "hacks" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("text", "local"), [
    ("See [the other hack](../other/).", True), ("![A map](map.png)", True), ("[ref]: other.md", True),
    ('<a href="../x/">x</a>', True), ("[CDC](https://www.cdc.gov/)", False), ("[Below](#steps)", False),
    ('<a id="passage-first-steps"></a>', False), ("[ref]: https://example.org", False),
])
def test_markdown_with_a_link_into_the_site_is_always_converted_again(text, local):
    """MkDocs checks such links against the other pages, which an edit may have moved."""
    assert bool(LOCAL_LINK.search(text)) is local


def test_loading_again_sees_every_change_and_repeats_known_problems(tmp_path):
    """The preview loads the publication on every save; unchanged files come from memory."""
    root = minimal(tmp_path)
    hack = root / "hacks" / "sec" / "cat" / "first-hack.md"
    hack.write_text(hack.read_text(encoding="utf-8").replace("Some practical text.", "# Some practical text."),
                    encoding="utf-8")
    first = load_publication(root)[1]
    assert any("top-level '# ' heading" in p.message for p in first)
    assert load_publication(root)[1] == first, "a file read from memory reports its problems again"

    hack.write_text(hack.read_text(encoding="utf-8").replace("# Some practical text.", "Some practical text.\n"),
                    encoding="utf-8")
    assert load_publication(root)[1] == []
    # The same size, another text: compared by its bytes, not by its size or time.
    same_size = hack.read_text(encoding="utf-8").replace("title: First hack", "title: Fresh hack")
    hack.write_text(same_size, encoding="utf-8")
    pub, problems = load_publication(root)
    assert problems == [] and pub.hacks[0].title == "Fresh hack"
    pub.hacks[0].tags.append("consent")
    assert load_publication(root)[0].hacks[0].tags == ["boundaries"], "a caller changed what the next load reads"


def test_what_each_page_shows_follows_the_model(repo_copy):
    """depends.page_inputs: a hack's text reaches its own page only; its title reaches every page
    that names it, a template's page among them."""
    before = page_inputs(check(repo_copy))
    pub = check(repo_copy)
    # A hack a template relates to, which names no template itself.
    template, hack = next((t, pub.by_slug[s]) for t in pub.templates for s in t.related
                          if s in pub.by_slug and not pub.by_slug[s].templates)
    hack.body += "\nOne more sentence.\n"
    changed, gone = changed_pages(before, page_inputs(pub))
    assert changed == {hack.url} and gone == set()
    hack.title = "A title no list has shown yet"
    changed, _ = changed_pages(before, page_inputs(pub))
    assert {hack.url, hack.category.url, template.url, "hacks/"} <= changed


def test_search_indexing_that_fails_is_reported_and_the_next_save_waits_for_it(caplog):
    preview = Preview()
    ran: list[str] = []

    def broken() -> None:
        raise PluginError("Pagefind could not index the site")

    preview.index_later(broken)
    preview.index_later(lambda: ran.append("second"))   # starts only once the first has ended
    preview.wait_for_search()
    assert ran == ["second"]
    assert "Search could not index the preview: Pagefind could not index the site" in caplog.text


def test_a_publication_handed_to_one_build_is_not_kept_for_the_next(tmp_path, monkeypatch):
    """MkDocs keeps plugin instances between loads of a config in one process (its plugin cache,
    for serve): a preview started after a full build must read the content, not the publication
    the build was handed (the preview then saw no edit at all)."""
    import mkdocs.commands.build
    from mkdocs.config import load_config
    from paths import ROOT

    from spacehacks.publish import build_site
    monkeypatch.setattr(mkdocs.commands.build, "build", lambda config: None)
    pub = check(ROOT)
    build_site(ROOT, tmp_path / "out", pub, [])
    plugin = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "again")).plugins["spacehacks"]
    assert plugin.publication is None and plugin.downloads is None
