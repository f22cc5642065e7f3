"""WeasyPrint reads only what the book is made of: hostile bodies, rendered for real."""
from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest
from build_helpers import attachments, build, small_repo

from spacehacks.templates.step import build_templates
from spacehacks.load import load_publication
from spacehacks.pdf.book import Book
from spacehacks.fetch import BookFetcher, FetchError, Refused
from spacehacks.pdf.render import layout, render_whole, write
from spacehacks.pdf.step import EDITIONS, pdf_edition

HACK = "hacks/sec/cat/first-hack.md"
SECRET = "token=ghs_not_for_the_pdf"
# A 1x1 transparent PNG.
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")


def hostile_repo(root: Path, body: str) -> Path:
    small_repo(root, body=body)
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text(f"[http]\n{SECRET}\n")
    (root / "content" / "media" / "dot.png").write_bytes(PNG)
    os.symlink("/etc/hostname", root / "content" / "media" / "link.png")
    return root


def publication(root: Path):
    """The publication as loaded, problems or not: the fetcher must hold even if the content
    check were bypassed or missed something."""
    pub, _ = load_publication(root)
    assert [h.path for h in pub.hacks] == [HACK]
    return pub


ATTACHMENTS = {
    "git config, relative": '<a rel="attachment" href="../../.git/config">notes</a>',
    "file URL": '<a rel="attachment" href="file:///etc/hostname">notes</a>',
    "a theme file": '<a rel="attachment" href="../fonts/LICENSE-Lato.txt">licence</a>',
    "a media file": '<a rel="attachment" href="../../content/media/dot.png">dot</a>',
    "link element": '<link rel="attachment" href="file:///etc/hostname">',
    "second rel word": '<a rel="nofollow attachment" href="../../.git/config">notes</a>',
}


@pytest.mark.parametrize("body", ATTACHMENTS.values(), ids=ATTACHMENTS.keys())
def test_no_attachment_reaches_either_pdf_edition(tmp_path, body):
    """End to end: the build stops naming the hack, or (should a sanitizer earlier in the
    pipeline have removed the link) both editions come out with nothing embedded."""
    pub = publication(hostile_repo(tmp_path, body))
    out = tmp_path / "out"
    try:
        pdf_edition(pub, out, None)
    except FetchError as caught:
        problem = caught.problems[0]
        assert problem.path == HACK and problem.line == 7, problem
        assert "embeds no attached files" in problem.message or "outside" in problem.message
    for _, name, _ in EDITIONS:  # nothing written that could be published
        if (out / name).exists():
            assert attachments(out / name) == []
            assert SECRET.encode() not in (out / name).read_bytes()


@pytest.mark.parametrize("body", ATTACHMENTS.values(), ids=ATTACHMENTS.keys())
def test_the_fetcher_alone_refuses_every_attachment(tmp_path, body):
    """The same links handed straight to the guarded layout, past any sanitizer."""
    pub = publication(hostile_repo(tmp_path, body))
    with pytest.raises(FetchError) as caught:
        layout(Book(pub), "a4", f'<html lang="en"><head>{body}</head><body><p>{body}</p></body></html>')
    assert caught.value.problems[0].path == HACK
    assert "A4 PDF edition" in caught.value.problems[0].message


FETCHES = {
    "img file URL": ('<img src="file:///etc/hostname" alt="x">', "outside theme/"),
    "img ../.git": ('<img src="../../.git/config" alt="x">', ".git/config is outside"),
    "img .. through media": ('<img src="../../content/media/../../.git/config" alt="x">', "outside"),
    "img percent-encoded ..": ('<img src="%2e%2e/%2e%2e/.git/config" alt="x">', "'..'"),
    "img http": ('<img src="http://127.0.0.1:9/x.png" alt="x">', "another site"),
    "img https": ('<img src="https://example.com/x.png" alt="x">', "another site"),
    "style background": ('<span style="background:url(https://example.com/t.png)">x</span>', "another site"),
    "style list image": ('<ul style="list-style-image:url(\'file:///etc/passwd\')"><li>x</li></ul>', "outside"),
    "svg image": ('<svg width="9" height="9"><image href="file:///etc/hostname" width="9" height="9"/></svg>',
                  "outside"),
    "style element @import": ("<style>@import url(file:///etc/passwd);</style>\n\nText.", "outside"),
    "style element font-face": (('<style>@font-face { font-family: X; src: url("../../.git/config"); }\n'
                                 "p { font-family: X }</style>\n\nText."), ".git/config is outside"),
    "base element": ('<base href="file:///etc/">\n\n<img src="hostname" alt="x">', "outside"),
    "file URL of another host": ('<img src="file://otherhost/etc/hostname" alt="x">', "another machine"),
    "ftp": ('<img src="ftp://example.com/x.png" alt="x">', "another site"),
    "data: SVG": ('<img src="data:image/svg+xml,%3Csvg%20xmlns=%22http://www.w3.org/2000/svg%22/%3E" alt="x">',
                  "image/svg+xml"),
    "data: HTML": ('<img src="data:text/html,%3Cb%3Ex%3C/b%3E" alt="x">', "text/html"),
    "symlink in media pointing out": ('<img src="../../content/media/link.png" alt="x">', "outside the repository"),
    "missing media file": ('<img src="../../content/media/nothing.png" alt="x">', "does not exist"),
}


@pytest.mark.parametrize(("body", "reason"), FETCHES.values(), ids=FETCHES.keys())
def test_a_fetch_outside_theme_and_media_fails_the_build_naming_the_hack(tmp_path, body, reason):
    """Handed to the guarded layout as raw HTML, past any sanitizer: the fetcher stands alone."""
    pub = publication(hostile_repo(tmp_path, body))
    with pytest.raises(FetchError) as caught:
        write(layout(Book(pub), "letter", f'<html lang="en"><body>{body}</body></html>'))  # SVG fetches as it draws
    problem = caught.value.problems[0]
    assert problem.path == HACK and 7 <= problem.line <= 7 + body.count("\n"), problem
    assert reason in problem.message and "US Letter PDF edition" in problem.message


def test_media_images_and_small_inline_pngs_still_render(tmp_path):
    inline = "data:image/png;base64," + base64.b64encode(PNG).decode()
    pub = publication(hostile_repo(tmp_path, f'![dot](../../content/media/dot.png)\n\n<img src="{inline}" alt="d">'))
    pdf_edition(pub, tmp_path / "out", None)
    for _, name, _ in EDITIONS:
        assert attachments(tmp_path / "out" / name) == []


def test_a_large_inline_image_is_refused():
    with pytest.raises(Refused, match="larger than"):
        BookFetcher(Path("/nonexistent"), "a test").fetch("data:image/png;base64," + "A" * 400_000)


def test_a_theme_font_that_is_a_symlink_out_stops_the_book_and_the_template_pdfs(tmp_path):
    root = hostile_repo(tmp_path, "Some practical text.")
    font = root / "theme" / "fonts" / "Lato-Bold.ttf"
    outside = tmp_path.parent / f"{tmp_path.name}-outside.ttf"
    outside.write_bytes(font.read_bytes())
    font.unlink()
    font.symlink_to(outside)
    pub = publication(root)
    with pytest.raises(FetchError) as book:
        render_whole(Book(pub), "letter")
    assert "theme/fonts/Lato-Bold.ttf (a link to a file outside the repository)" in str(book.value)
    with pytest.raises(FetchError) as template:
        build_templates(pub, tmp_path / "downloads", None)
    assert template.value.problems[0].path == "the template PDF visitor-agreement.pdf"
    assert "is outside theme/ and content/media/" in template.value.problems[0].message


def test_build_py_site_refuses_an_attachment_plainly_and_publishes_nothing(tmp_path):
    root = hostile_repo(tmp_path / "repo", '<a rel="attachment" href="../../.git/config">notes</a>')
    result = build(root, "site", "--out", str(tmp_path / "out"))
    assert "Traceback" not in result.stderr + result.stdout
    assert SECRET not in result.stderr + result.stdout
    if result.returncode == 0:   # a sanitizer before the PDF removed the link: nothing may be embedded
        for _, name, _ in EDITIONS:
            pdf = tmp_path / "out" / "downloads" / name
            assert attachments(pdf) == [] and SECRET.encode() not in pdf.read_bytes()
        return
    assert result.returncode == 1
    assert f"{HACK}:7: this file's HTML asks the US Letter PDF edition for " in result.stderr
    assert not (tmp_path / "out").exists()


def test_the_attachment_probe_sees_what_an_unguarded_weasyprint_embeds(tmp_path):
    """The check the tests above rely on is not vacuous: WeasyPrint left to itself embeds."""
    from weasyprint import HTML
    HTML(string='<p><a rel="attachment" href="file:///etc/hostname">x</a></p>').write_pdf(tmp_path / "open.pdf")
    assert attachments(tmp_path / "open.pdf")


def test_the_parallel_renderer_refuses_too_and_names_the_hack(tmp_path):
    from spacehacks.pdf.parallel import render
    pub = publication(hostile_repo(tmp_path, '<a rel="attachment" href="../../.git/config">notes</a>'))
    with pytest.raises(FetchError) as caught:
        render(Book(pub), "a4", log=lambda _: None, workers=2, slice_chars=1)
    assert (caught.value.problems[0].path, caught.value.problems[0].line) == (HACK, 7)
    assert "A4 PDF edition" in caught.value.problems[0].message
