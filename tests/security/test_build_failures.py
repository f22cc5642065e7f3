"""Every failure of the build is a message naming its cause, never a traceback."""
from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
from pathlib import Path

import pytest
from build_helpers import build, small_repo

from spacehacks import cli
from spacehacks.pdf.book import edition
from spacehacks.problems import ContentError


def plain_failure(result) -> str:
    text = result.stdout + result.stderr
    assert result.returncode == 1, text
    assert "Traceback" not in text
    return text


@pytest.fixture
def repo(tmp_path) -> Path:
    return small_repo(tmp_path / "repo")


@pytest.mark.parametrize("value", ["yesterday", "9" * 5000, "-1", "1e9", "99999999999999999999",
                                   "253402300800", "0x10", "１２３", "12 34", "1767225600\n5"])
def test_a_bad_source_date_epoch_is_an_error_naming_the_variable(repo, tmp_path, monkeypatch, capsys, value):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    assert cli.main(["--root", str(repo), "site", "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "The build stopped: SOURCE_DATE_EPOCH is " in err and "Traceback" not in err
    assert len(err) < 600, "the message repeats a huge value"
    assert not (tmp_path / "out").exists()


def test_a_bad_source_date_epoch_through_build_py(repo, tmp_path):
    text = plain_failure(build(repo, "site", "--out", str(tmp_path / "out"), env={"SOURCE_DATE_EPOCH": "yesterday"}))
    assert "SOURCE_DATE_EPOCH is 'yesterday', which is not a time" in text


@pytest.mark.parametrize(("value", "iso"), [("0", "1970-01-01T00:00:00Z"), ("1767225600", "2026-01-01T00:00:00Z"),
                                            (" 1767225600 ", "2026-01-01T00:00:00Z")])
def test_a_good_source_date_epoch_dates_the_edition(repo, monkeypatch, value, iso):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    assert edition(repo).iso == iso


def test_without_git_the_edition_is_dated_by_the_newest_content_file_with_a_warning(repo, tmp_path, monkeypatch,
                                                                                    caplog):
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools"))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    for file in repo.rglob("*"):
        os.utime(file, (1_600_000_000, 1_600_000_000))
    os.utime(repo / "hacks/sec/cat/first-hack.md", (1_767_225_600, 1_767_225_600))
    caplog.set_level(logging.WARNING, logger="spacehacks")
    found = edition(repo)
    assert found.iso == "2026-01-01T00:00:00Z"
    assert found.version.startswith("content ") and len(found.version) == len("content ") + 10
    assert "git was not found" in caplog.text
    (repo / "hacks/sec/cat/first-hack.md").write_text("---\ntitle: Changed\n---\n\nOther text.\n")
    assert edition(repo).version != found.version, "the version must follow the content"


def test_without_git_source_date_epoch_still_wins(repo, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert edition(repo).iso == "2026-01-01T00:00:00Z"


def test_a_build_without_git_says_so_and_the_book_is_not_from_1970(repo, tmp_path):
    tools = tmp_path / "tools"   # what the build needs on PATH, git left out
    tools.mkdir()
    for tool in ("pdftotext",):
        (tools / tool).symlink_to(shutil.which(tool))
    result = build(repo, "site", "--out", str(tmp_path / "out"), env={"PATH": str(tools)})
    assert result.returncode == 0, result.stderr
    assert "Warning: git was not found" in result.stderr
    text = subprocess.run(["pdftotext", str(tmp_path / "out/downloads/space-hacks.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "1970" not in text and "unversioned" not in text
    import pikepdf
    with pikepdf.open(tmp_path / "out/downloads/space-hacks.pdf") as pdf:   # readers get no hash
        assert "from source content " in str(pdf.docinfo.get("/Creator", ""))


@pytest.mark.parametrize("port", ["99999", "0", "-5", "65536"])
def test_serve_refuses_a_port_that_is_not_one(repo, port):
    text = plain_failure(build(repo, "serve", "--port", port, timeout=60))
    assert f"--port {port} is not a port" in text


def test_serve_on_a_busy_port_is_a_message(repo):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        text = plain_failure(build(repo, "serve", "--port", str(port), timeout=60))
    assert f"port {port} is already in use" in text


@pytest.fixture
def immutable(tmp_path):
    """Folders made unwritable even for root: chattr +i, or else a read-only bind mount (a file
    system without attributes, such as overlayfs); undone afterwards. A machine that allows
    neither fails here, plainly: the refusal to write would otherwise go untested."""
    undo: list[list[str]] = []

    def run(*args: str) -> bool:
        return subprocess.run(list(args), capture_output=True, check=False).returncode == 0

    def freeze(folder: Path) -> Path:
        if run("chattr", "+i", str(folder)):
            undo.append(["chattr", "-i", str(folder)])
        elif run("mount", "--bind", str(folder), str(folder)):
            undo.append(["umount", str(folder)])
            if not run("mount", "-o", "remount,ro,bind", str(folder)):
                pytest.fail(f"could not make {folder} read-only (mount -o remount,ro,bind failed)")
        else:
            pytest.fail("this machine can make no folder unwritable for root: neither chattr +i "
                        "nor a read-only bind mount works; run the tests as CI does (as root)")
        return folder

    yield freeze
    for args in reversed(undo):
        subprocess.run(args, check=False)


def test_an_unwritable_out_folder_is_a_message(repo, tmp_path, immutable):
    locked = tmp_path / "locked"
    locked.mkdir()
    immutable(locked)
    text = plain_failure(build(repo, "site", "--out", str(locked / "site")))
    assert "could not be written to" in text and str(locked) in text


def test_an_unwritable_repository_for_the_default_site_is_a_message(repo, immutable):
    immutable(repo)
    text = plain_failure(build(repo, "site"))
    assert "could not be written to" in text and "Operation not permitted" in text


def test_an_out_path_through_a_file_is_a_message(repo, tmp_path):
    (tmp_path / "a-file").write_text("x")
    text = plain_failure(build(repo, "site", "--out", str(tmp_path / "a-file" / "site")))
    assert "could not be written to" in text or "is a file" in text


@pytest.mark.parametrize("font", ["Lato-Bold.ttf", "CharisSIL-Regular.ttf"])
def test_a_missing_font_is_an_error_naming_the_file(repo, tmp_path, font):
    (repo / "theme" / "fonts" / font).unlink()
    text = plain_failure(build(repo, "site", "--out", str(tmp_path / "out")))
    assert f"theme/fonts/{font}" in text and "font file is missing" in text
    assert not (tmp_path / "out").exists()


def test_the_font_list_names_every_missing_font(repo):
    from spacehacks.fonts import font_faces
    for stem in ("Lato-Regular", "CharisSIL-Italic"):
        (repo / "theme" / "fonts" / f"{stem}.ttf").unlink()
    with pytest.raises(ContentError) as caught:
        font_faces(repo)
    assert sorted(p.path for p in caught.value.problems) == [
        "theme/fonts/CharisSIL-Italic.ttf", "theme/fonts/Lato-Regular.ttf"]
