"""Output that never costs work: --out refusals, a complete site at every step of the swap, and
leftovers of killed builds removed by the next build (only ours)."""
from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pytest
from build_helpers import build, clone, first_build, retitle, site_title, small_repo

from spacehacks import output, render_temp
from spacehacks.output import MARKER, OutputError, check_target, exchange


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A small repository with one finished build in out/ (hack titled 'First hack')."""
    return first_build(tmp_path_factory.mktemp("built"))


@pytest.fixture
def copy(built, tmp_path) -> Path:
    return clone(built, tmp_path)


def refused(result) -> str:
    text = result.stdout + result.stderr
    assert result.returncode == 1, text
    assert "Traceback" not in text
    return text


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("target", [".", "{root}", "{root}/..", "{root}/content", "{root}/hacks/sec",
                                    "{root}/theme/pdf", "{root}/.git"])
def test_out_refuses_the_repository_its_ancestors_and_its_sources(tmp_path, target):
    root = small_repo(tmp_path / "repo")
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("keep me")
    before = snapshot(tmp_path)
    text = refused(build(root, "site", "--out", target.format(root=root), cwd=root))
    assert "The build stopped:" in text and ("contains it" in text or "which the build reads" in text)
    assert snapshot(tmp_path) == before, "a refused build changed files"


def test_out_refuses_a_folder_with_files_it_did_not_make(tmp_path):
    root = small_repo(tmp_path / "repo")
    mine = tmp_path / "documents"
    (mine / "thesis").mkdir(parents=True)
    (mine / "thesis" / "chapter1.md").write_text("years of work")
    text = refused(build(root, "site", "--out", str(mine)))
    assert f"{mine} is not empty and was not made by build.py" in text and "nothing was deleted" in text
    assert (mine / "thesis" / "chapter1.md").read_text() == "years of work"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["documents", "repo"]


@pytest.mark.parametrize("kind", ["file", "symlink"])
def test_out_refuses_a_file_or_a_symlink(tmp_path, kind):
    root = small_repo(tmp_path / "repo")
    target = tmp_path / "out"
    if kind == "file":
        target.write_text("not a folder")
    else:
        (tmp_path / "real").mkdir()
        target.symlink_to(tmp_path / "real")
    text = refused(build(root, "site", "--out", str(target)))
    assert ("is a file" if kind == "file" else "is a symbolic link") in text
    assert target.is_symlink() if kind == "symlink" else target.read_text() == "not a folder"


def test_out_builds_into_an_empty_folder_and_replaces_its_own_site(copy):
    empty = copy / "empty"
    empty.mkdir()
    assert build(copy / "repo", "site", "--out", str(empty)).returncode == 0
    assert site_title(empty) == "First hack"
    retitle(copy / "repo", "Renamed hack")
    result = build(copy / "repo", "site", "--out", str(copy / "out"))
    assert result.returncode == 0, result.stderr
    assert site_title(copy / "out") == "Renamed hack"


def test_check_target_is_pure_and_refuses_inside_sources(tmp_path):
    root = small_repo(tmp_path / "repo")
    with pytest.raises(OutputError, match="inside quotes/"):
        check_target(root, root / "quotes" / "site")
    check_target(root, root / "site")          # the default target is fine
    check_target(root, tmp_path / "new")       # so is a folder that does not exist yet


# Each step of a build's end, and what a reader finds if the build is killed right there.
STEPS = [
    ("rendered", "", "First hack"),            # downloads rendered, site not yet built
    ("staged", "", "First hack"),              # new site complete beside the old one
    ("swapped", "", "Renamed hack"),           # exchanged: the old site waits to be removed
    ("cleaned", "", "Renamed hack"),           # old site gone, stamp not yet recorded
    ("swapped", "fallback,", "Renamed hack"),  # the two-rename fallback, after both renames
]


@pytest.mark.parametrize(("step", "mode", "title"), STEPS, ids=[f"{m}{s}" for s, m, _ in STEPS])
def test_a_build_killed_at_any_step_leaves_a_complete_site_and_the_next_build_cleans_up(copy, step, mode, title):
    tmp = copy / "tmp"
    tmp.mkdir()
    retitle(copy / "repo", "Renamed hack")
    killed = build(copy / "repo", "site", "--out", str(copy / "out"),
                   env={output.TEST_HOOK: f"{mode}kill:{step}", "TMPDIR": str(tmp)})
    assert killed.returncode == -9, killed.stderr
    assert site_title(copy / "out") == title
    if step in ("rendered", "staged"):
        assert [p.name for p in copy.iterdir() if p.name.startswith(".out-build-")], "nothing was left to clean"
    if step == "rendered":
        # Each render removes its WeasyPrint folders as it ends; the build's own folder is left.
        assert list(tmp.glob(f"{render_temp.SCRATCH_PREFIX}*")), "nothing of the render's to clean"

    foreign = [copy / ".out-build-notours", tmp / "weasyprint-someone-else", copy / ".out-old-photos"]
    for folder in foreign:
        folder.mkdir()
    again = build(copy / "repo", "site", "--out", str(copy / "out"), env={"TMPDIR": str(tmp)})
    assert again.returncode == 0, again.stderr
    assert site_title(copy / "out") == "Renamed hack"
    left = sorted(p.name for p in copy.iterdir())
    assert left == [".out-build-notours", ".out-cache", ".out-old-photos", "out", "repo", "tmp"], left
    names = [p.name for p in tmp.iterdir()]
    assert "weasyprint-someone-else" in names and not [n for n in names if n.startswith(render_temp.SCRATCH_PREFIX)]


def test_fallback_killed_between_its_two_renames_gets_the_old_site_back(copy):
    retitle(copy / "repo", "Renamed hack")
    killed = build(copy / "repo", "site", "--out", str(copy / "out"),
                   env={output.TEST_HOOK: "fallback,kill:renamed-old"})
    assert killed.returncode == -9
    assert not (copy / "out").exists() and site_title(copy / ".out-old") == "First hack"
    # What a static server would need is back before anything is rebuilt.
    output.sweep(copy / "out")
    assert site_title(copy / "out") == "First hack" and not (copy / ".out-old").exists()


def test_with_renameat2_there_is_no_instant_between_two_renames(copy):
    """The fallback's gap (killed above) does not exist where the exchange works: the build
    never reaches that step and finishes."""
    retitle(copy / "repo", "Renamed hack")
    result = build(copy / "repo", "site", "--out", str(copy / "out"), env={output.TEST_HOOK: "kill:renamed-old"})
    assert result.returncode == 0, result.stderr
    assert site_title(copy / "out") == "Renamed hack"


def test_an_old_site_folder_without_the_marker_is_never_removed(tmp_path):
    site = tmp_path / "out"
    site.mkdir()
    mark_free = tmp_path / ".out-old"
    mark_free.mkdir()
    (mark_free / "keep.txt").write_text("someone's")
    assert output.sweep(site) == []
    assert (mark_free / "keep.txt").exists()


def test_a_dead_builds_render_folder_is_removed_a_live_ones_is_not(tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    dead = tmp_path / f"{render_temp.SCRATCH_PREFIX}999999999-abcdefgh"
    live = tmp_path / f"{render_temp.SCRATCH_PREFIX}{os.getpid()}-abcdefgh"
    for folder in (dead, live):
        (folder / "weasyprint-x").mkdir(parents=True)
    assert render_temp.sweep_render_temp() == [dead]
    assert live.is_dir() and not dead.exists()


def test_exchange_swaps_two_folders_in_one_step(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "new").write_text("new")
    (b / "old").write_text("old")
    assert exchange(a, b) is True
    assert (b / "new").is_file() and (a / "old").is_file()
    with pytest.raises(OSError):
        exchange(tmp_path / "missing", b)


def test_a_second_build_into_the_same_folder_is_refused_while_one_runs(copy):
    cache = copy / ".out-cache"
    with open(cache / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        text = refused(build(copy / "repo", "site", "--out", str(copy / "out")))
    assert "another build into" in text and "is running" in text
    assert site_title(copy / "out") == "First hack"


def test_every_site_carries_the_marker(copy):
    assert (copy / "out" / MARKER).read_text(encoding="utf-8") == output.MARKER_TEXT


def test_the_repositorys_own_site_from_before_the_marker_is_still_replaced(tmp_path):
    root = small_repo(tmp_path / "repo")
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("an older build")
    with pytest.raises(OutputError):
        check_target(root, root / "site")      # without the stamp beside it, it is not ours
    (root / ".site-cache").mkdir()
    (root / ".site-cache" / "inputs.sha256").write_text("0" * 64)
    check_target(root, root / "site")
