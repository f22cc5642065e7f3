"""A passage's key steps, written by a hostile editor, reach the hack page and the book as text."""
from __future__ import annotations

import shutil

from minirepo import minimal, write
from paths import ROOT

from spacehacks.load import load_publication
from spacehacks.pdf.book import Book
from spacehacks.views import Views

ATTACK = '"><img src=x onerror=alert(1)><script>alert(2)</script>'


def test_hostile_key_steps_are_escaped_on_the_page_and_in_the_book(tmp_path):
    minimal(tmp_path)
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    write(tmp_path, "content/passages/call-ems.md",
          f"---\ntitle: Call\nkey_steps:\n  - '{ATTACK}'\n---\n\nCall now.\n")
    write(tmp_path, "hacks/sec/cat/first-hack.md",
          "---\ntitle: First hack\nsummary: S.\ntags: [boundaries]\n---\n\n{{ passage: call-ems }}\n")
    pub, _ = load_publication(tmp_path)
    assert pub.key_steps["call-ems"] == [ATTACK]
    for html in (Views(pub).hack_header(pub.hack("first-hack")), Book(pub, tmp_path).html()):
        assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
        assert "<script>alert(2)" not in html and "<img src=x" not in html
