"""The Content-Security-Policy: on every page, before any script, hashing only the theme's own
inline scripts; the from-disk worker shim runs no inline script."""
from __future__ import annotations

import base64
import hashlib
import re

import pytest

from hostile import build, hostile_repo, text_files

from spacehacks import sanitize
from spacehacks.site import csp
from spacehacks.site.mkdocs_plugin import _clean_toc


def sha(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"


PAGE = (f'<html><head><meta http-equiv="Content-Security-Policy" content="{csp.PLACEHOLDER}">'
        "<script>theme()</script></head><body>{content}"
        '<script id="__config" type="application/json">{{}}</script><script src="a.js"></script>'
        "<script>\nlater()\n</script></body></html>")


def test_theme_scripts_are_hashed_and_content_scripts_are_not():
    content = "<p>x</p><script>stolen()</script>"
    out = csp.apply(PAGE.format(content=content), content)
    policy = re.search(r'content="([^"]*)"', out).group(1)
    assert sha("theme()") in policy and sha("\nlater()\n") in policy
    assert sha("stolen()") not in policy and sha("{}") not in policy
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy


@pytest.mark.parametrize("directive", ["default-src 'self'", "object-src 'none'", "base-uri 'self'",
                                       "form-action 'self'", "img-src 'self' data:", "style-src 'self'",
                                       "worker-src 'self'", "connect-src 'self'", "font-src 'self'"])
def test_policy_directives(directive):
    assert directive + ";" in csp.policy([]) + ";"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("csp")
    return build(hostile_repo(tmp / "repo"), tmp / "site")


def test_every_page_has_the_policy_before_any_script(site):
    pages = {p: t for p, t in text_files(site).items() if p.endswith(".html")}
    assert "404.html" in pages and len(pages) > 8
    for path, html in pages.items():
        meta = html.find('<meta http-equiv="Content-Security-Policy"')
        assert 0 < meta < html.find("<script"), path
        assert csp.PLACEHOLDER not in html, path
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
        for m in re.finditer(r"<script>(.*?)</script>", html, re.S):
            assert sha(m.group(1)) in policy, (path, m.group(1)[:60])


def test_from_disk_shim_loads_its_bootstrap_from_a_file(site):
    shim = (site / csp.SHIM).read_text(encoding="utf-8")
    assert "<script>postMessage" not in shim and "iframe-worker-boot" in shim
    assert (site / csp.SHIM_BOOT).is_file()


def test_a_changed_shim_stops_the_build(tmp_path):
    from mkdocs.exceptions import PluginError
    (tmp_path / "assets" / "vendor").mkdir(parents=True)
    (tmp_path / csp.SHIM).write_text("document.write(`<script>other()<\\/script>`)", encoding="utf-8")
    with pytest.raises(PluginError, match="has changed"):
        csp.point_shim_at_boot_file(tmp_path)


class _Item:
    def __init__(self, title, children=()):
        self.title, self.children = title, list(children)


def test_table_of_contents_titles_are_text():
    toc = [_Item("A <img src=x onerror=alert(1)>", [_Item("<script>b()</script>B")])]
    _clean_toc(toc)
    assert toc[0].title == "A " and toc[0].children[0].title == "B"
    assert sanitize.text_only("&lt;kept&gt; & more") == "&lt;kept&gt; &amp; more"
