"""bench/run.py finds every bench module's rows() by convention and prints each row beside its
baseline and ratio (no timings are asserted: the fake module measures nothing)."""
from __future__ import annotations

import importlib.util
import io
import sys

from paths import ROOT

_spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
assert _spec and _spec.loader
bench_run = importlib.util.module_from_spec(_spec)
sys.modules["bench_run"] = bench_run
_spec.loader.exec_module(bench_run)

FAKE = '''
from rows import Row

def rows(sizes):
    for n in sizes:
        yield Row(f"fake step, {n} hacks", n / 4, "s", n, baseline_name="full build", goal="≤ 0.25×")
    yield Row("fake size", 12.5, "MB")
    yield Row("given ratio", 3.0, "s", 6.0, ratio=0.4)
'''


def test_runner_discovers_rows_functions_and_prints_each_row(tmp_path):
    (tmp_path / "fake_bench_steps.py").write_text(FAKE, encoding="utf-8")
    (tmp_path / "fake_bench_helper.py").write_text("def helper():\n    return 1\n", encoding="utf-8")
    (tmp_path / "rows.py").write_text("raise AssertionError('the row type is not a benchmark')\n")
    sources = bench_run.discover(tmp_path)
    assert list(sources) == ["fake_bench_steps"]

    out = io.StringIO()
    rows = bench_run.run(sources, [54, 300], out)
    assert [r.name for r in rows] == ["fake step, 54 hacks", "fake step, 300 hacks", "fake size", "given ratio"]
    assert rows[0].ratio == 0.25 and rows[2].ratio is None and rows[3].ratio == 0.4
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("measure")
    step = next(line for line in lines if line.startswith("fake step, 300 hacks"))
    assert "75.00 s" in step and "300.00 s (full build)" in step and "0.25×" in step and "≤ 0.25×" in step
    size = next(line for line in lines if line.startswith("fake size"))
    assert "12.50 MB" in size and "×" not in size
    assert any("fake_bench_steps" in line for line in lines)


def test_runner_runs_only_the_modules_asked_for(tmp_path):
    (tmp_path / "fake_bench_only_a.py").write_text(FAKE, encoding="utf-8")
    (tmp_path / "fake_bench_only_b.py").write_text(FAKE, encoding="utf-8")
    assert list(bench_run.discover(tmp_path, only=["fake_bench_only_b"])) == ["fake_bench_only_b"]


def test_the_shipped_bench_modules_offer_rows():
    names = set(bench_run.discover())
    assert {"site_build", "page_weight"} <= names


def test_page_weights_cover_the_translated_edition_where_it_has_the_page(tmp_path, monkeypatch):
    page_weight = bench_run.discover(only=["page_weight"])["page_weight"].__module__
    module = sys.modules[page_weight]
    monkeypatch.setattr(module, "page_types", lambda pub: {"home": "", "hack": "a/b/", "not-found": "404.html"})
    (tmp_path / "es").mkdir()
    (tmp_path / "es" / "index.html").write_text("<p>Inicio</p>")
    (tmp_path / "es" / "404.html").write_text("<p>No</p>")
    assert module.pages_to_measure(tmp_path, None) == {
        "home": "", "hack": "a/b/", "not-found": "404.html", "home (es)": "es/", "not-found (es)": "es/404.html"}
