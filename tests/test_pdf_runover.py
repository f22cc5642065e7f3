"""No hack's last lines run over alone onto a page, however the hack ends: a paragraph, a list (or
a list and a line), a box or a quote. A category's last hack is followed by a new page, so a
runover there would be a page holding three lines or fewer. Proven on hacks whose length steps
line by line past a page's foot, and on the shipped book in both paper sizes."""
from __future__ import annotations

import shutil

import pytest
from minirepo import minimal, write
from paths import ROOT
from pdf_pages import short_hack_ends
from pypdf import PdfReader

from spacehacks.load import load_publication
from spacehacks.pdf.book import Book
from spacehacks.pdf.render import render_whole

SENTENCE = ("Staff keep the room calm by speaking slowly, offering water and a seat, and giving "
            "people time to say what they need before anyone decides what happens next. ").split()
ENDINGS = {
    "paragraph": "Write down what happened while it is fresh, and share it with the team at the next "
                 "meeting so that everyone learns from it.\n",
    "list": "- Offer water.\n- Offer a quiet seat.\n",
    "list and a line": "- Offer water.\n- Offer a quiet seat.\n- Offer the phone.\n\nThat is all.\n",
    "box": '!!! note "Remember"\n    Check in with the person the next day, and thank them for coming back.\n',
    "quote": "> Keep the door open and the tone low; people remember how you made them feel.\n",
}
# Filler from about 26 to 44 lines, a line (12 words) at a time: the ending crosses the foot of
# the first page in both paper sizes.
STEPS = range(26 * 12, 44 * 12, 12)


def filler(count: int) -> str:
    """`count` words in paragraphs of about six lines."""
    text = [SENTENCE[n % len(SENTENCE)] for n in range(count)]
    return "\n\n".join(" ".join(text[i:i + 70]) for i in range(0, count, 70))


@pytest.fixture(scope="module")
def pub(tmp_path_factory):
    root = minimal(tmp_path_factory.mktemp("runover"))
    shutil.copytree(ROOT / "theme", root / "theme")  # a copy: the PDF fetcher follows no link out
    (root / "hacks/sec/cat/first-hack.md").unlink()
    order = 0
    for ending, text in ENDINGS.items():
        for count in STEPS:
            order += 1
            write(root, f"content/sections/sec/c{order}.md",
                  f"---\ntitle: Category {order}\ntagline: Tag\norder: {order}\n---\n\nIntro.\n")
            write(root, f"hacks/sec/c{order}/h{order}.md",
                  f"---\ntitle: Ends with a {ending}, {count} words before\nsummary: A short summary.\n"
                  f"tags: [boundaries]\n---\n\n{filler(count)}\n\n{text}")
    publication, problems = load_publication(root)
    assert problems == [], "\n".join(map(str, problems))
    return publication


@pytest.mark.slow
@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_no_ending_runs_over_alone(pub, tmp_path, paper):
    path = tmp_path / f"{paper}.pdf"
    path.write_bytes(render_whole(Book(pub), paper))
    assert len(PdfReader(path).pages) > 2 * len(pub.hacks)  # the sweep did cross page feet
    assert short_hack_ends(path) == []


@pytest.mark.parametrize("name", ["space-hacks.pdf", "space-hacks-a4.pdf"])
def test_no_hack_of_the_book_ends_on_a_page_of_three_lines(site, name):
    assert short_hack_ends(site / "downloads" / name) == []
