"""A cache that checks what it reuses: the no-change shortcut verifies the site it would keep,
and a damaged previous PDF, DOCX or ODT is rendered again, never published again."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import docx
import pikepdf
import pytest
from build_helpers import build, clone, first_build, site_title
from odf.opendocument import load as load_odt

from spacehacks.buildstamp import Stamp

UNCHANGED = "Nothing has changed since the last build"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return first_build(tmp_path_factory.mktemp("built"))


@pytest.fixture
def copy(built, tmp_path) -> Path:
    return clone(built, tmp_path)


def rebuild(copy: Path) -> str:
    result = build(copy / "repo", "site", "--out", str(copy / "out"))
    text = result.stdout + result.stderr
    assert result.returncode == 0 and "Traceback" not in text, text
    return text


def test_an_untouched_site_is_reused(copy):
    index = copy / "out" / "index.html"
    before = index.stat().st_mtime_ns
    assert UNCHANGED in rebuild(copy)
    assert index.stat().st_mtime_ns == before


DAMAGE = {
    "hacks.json deleted": lambda out: (out / "hacks.json").unlink(),
    "PDF deleted": lambda out: (out / "downloads" / "space-hacks.pdf").unlink(),
    "A4 PDF deleted": lambda out: (out / "downloads" / "space-hacks-a4.pdf").unlink(),
    "page edited by hand": lambda out: (out / "index.html").write_text("<p>defaced</p>"),
    "file added by hand": lambda out: (out / "extra.html").write_text("<script>alert(1)</script>"),
    "folder deleted": lambda out: __import__("shutil").rmtree(out / "assets"),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_site_changed_since_the_last_build_is_rebuilt(copy, damage):
    expected = sorted(p.relative_to(copy / "out").as_posix() for p in (copy / "out").rglob("*"))
    damage(copy / "out")
    assert UNCHANGED not in rebuild(copy)
    assert site_title(copy / "out") == "First hack"
    assert sorted(p.relative_to(copy / "out").as_posix() for p in (copy / "out").rglob("*")) == expected
    assert "defaced" not in (copy / "out" / "index.html").read_text(encoding="utf-8")


def test_a_site_whose_marker_was_removed_is_no_longer_replaced(copy):
    (copy / "out" / ".spacehacks-build").unlink()
    result = build(copy / "repo", "site", "--out", str(copy / "out"))
    assert result.returncode == 1 and "was not made by build.py" in result.stderr
    assert (copy / "out" / "index.html").is_file()


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def garble(path: Path) -> None:
    path.write_bytes(b"\x00garbage" * (path.stat().st_size // 8))


@pytest.mark.parametrize("spoil", [truncate, garble])
@pytest.mark.parametrize("name", ["space-hacks.pdf", "space-hacks-a4.pdf"])
def test_a_damaged_previous_pdf_is_rendered_again(copy, spoil, name):
    spoil(copy / "out" / "downloads" / name)
    text = rebuild(copy)
    assert f"reusing {name}" not in text
    with pikepdf.open(copy / "out" / "downloads" / name) as pdf:
        assert len(pdf.pages) > 1


@pytest.mark.parametrize("spoil", [truncate, garble])
@pytest.mark.parametrize("suffix", [".docx", ".odt", ".pdf"])
def test_a_damaged_previous_template_file_is_rendered_again(copy, spoil, suffix):
    file = copy / "out" / "downloads" / "templates" / f"visitor-agreement{suffix}"
    spoil(file)
    assert "Templates (en): 1 rendered, 0 unchanged" in rebuild(copy)
    if suffix == ".docx":
        assert "Agreement" in "\n".join(p.text for p in docx.Document(file).paragraphs)
    elif suffix == ".odt":
        assert load_odt(str(file)).text
    else:
        with pikepdf.open(file) as pdf:
            assert len(pdf.pages) == 1
    with zipfile.ZipFile(copy / "out" / "downloads" / "templates" / "space-hacks-templates.zip") as z:
        assert z.read(f"space-hacks-templates/visitor-agreement{suffix}") == file.read_bytes()


GARBAGE = {
    "inputs binary": (".out-cache/inputs.sha256", b"\xff\xfe\x00\x81garbage"),
    "outputs not JSON": (".out-cache/outputs.json", b"{not json"),
    "outputs a list": (".out-cache/outputs.json", b"[1, 2, 3]"),
    "outputs binary": (".out-cache/outputs.json", b"\xff\xfe\x00"),
    "pdf record garbage": ("out/downloads/pdf-edition.json", b"\xff[[["),
    "pdf record a list": ("out/downloads/pdf-edition.json", b"[]"),
    "pdf record old format": ("out/downloads/pdf-edition.json",
                              json.dumps({"space-hacks.pdf": "0" * 64}).encode()),
    "templates index garbage": ("out/downloads/templates/templates.json", b"\x00\x01"),
    "templates index a list": ("out/downloads/templates/templates.json", b"[]"),
    "templates files not a list": ("out/downloads/templates/templates.json",
                                   json.dumps({"templates": [{"slug": "visitor-agreement", "files": 3}]}).encode()),
}


@pytest.mark.parametrize(("rel", "data"), GARBAGE.values(), ids=GARBAGE.keys())
def test_garbage_in_the_cache_or_the_records_means_a_rebuild_not_a_traceback(copy, rel, data):
    (copy / rel).write_bytes(data)
    assert UNCHANGED not in rebuild(copy)
    assert site_title(copy / "out") == "First hack"
    assert UNCHANGED in rebuild(copy)   # and the cache is sound again afterwards


def test_a_cache_folder_that_is_a_file_is_replaced(copy):
    import shutil
    shutil.rmtree(copy / ".out-cache")
    (copy / ".out-cache").write_text("garbage")
    assert UNCHANGED not in rebuild(copy)
    assert (copy / ".out-cache").is_dir() and UNCHANGED in rebuild(copy)


def test_the_stamp_records_every_output_file_with_its_hash(copy):
    stamp = Stamp(copy / "repo", copy / "out")
    written = json.loads(stamp.manifest.read_text(encoding="utf-8"))
    files = sorted(p.relative_to(copy / "out").as_posix() for p in (copy / "out").rglob("*") if p.is_file())
    assert sorted(written) == files and all(len(h) == 64 for h in written.values())
    assert stamp.current()
    (copy / "out" / "sitemap.xml").write_text("")
    assert not stamp.current()
