"""Our own interface strings: one catalogue per language, checked for missing strings, and a t()
that every output's templates can call."""
from __future__ import annotations

import pytest
from minirepo import minimal, problems, write
from paths import ROOT

from spacehacks import interface
from spacehacks.layouts import environment
from spacehacks.load import load_publication
from spacehacks.model import Publication, fill
from spacehacks.problems import WARNING, errors, warnings

CATALOGUE = "content/i18n/es.yml"


@pytest.fixture
def repo(tmp_path):
    minimal(tmp_path)
    return tmp_path


def test_a_string_the_catalogue_lacks_is_a_warning_naming_where_it_is_used(repo):
    write(repo, CATALOGUE, '"All hacks": Todos los hacks\n')
    found = warnings(problems(repo))
    assert found and all(p.path == CATALOGUE and p.severity == WARNING for p in found)
    missing = {p.message.split("'")[1] for p in found}
    assert "All hacks" not in missing
    assert {"Random hack", "There are {n} hacks in this section."} <= missing
    assert any("(spacehacks/phrases.py:" in p.message for p in found)


def test_a_string_used_in_a_view_is_found(repo):
    write(repo, "theme/views/x.html", '<p>{{ t("Pick one") }}</p>\n')
    write(repo, CATALOGUE, '"All hacks": Todos los hacks\n')
    assert interface.used_strings(repo, {})["Pick one"] == "theme/views/x.html:1"
    assert any("'Pick one' (theme/views/x.html:1)" in p.message for p in problems(repo))


def test_placeholders_must_survive_translation(repo):
    write(repo, CATALOGUE, '"There are {n} hacks in this section.": Hay {num} hacks.\n')
    (p,) = errors(problems(repo))
    assert (p.path, p.line) == (CATALOGUE, 1) and "same {…} placeholders" in p.message


@pytest.mark.parametrize("text,line,words", [
    ('"All hacks": [Todos\n', 1, "not valid YAML"),
    ('"All hacks": Todos\n"All hacks": Todos otra vez\n', 2, "listed twice"),
    ('"All hacks":\n', 1, "may not be empty"),
    ("- a list\n", 1, "must be lines of"),
])
def test_a_broken_catalogue_is_a_plain_message(repo, text, line, words):
    write(repo, CATALOGUE, text)
    found = errors(problems(repo))
    assert [(p.path, p.line) for p in found] == [(CATALOGUE, line)] and words in found[0].message


def test_a_catalogue_for_another_language_is_an_error(repo):
    write(repo, "content/i18n/fr.yml", '"All hacks": Tous les hacks\n')
    (p,) = errors(problems(repo))
    assert p.path == "content/i18n/fr.yml" and "'fr' is not a language" in p.message


def test_t_in_the_layouts_speaks_the_views_language(repo):
    write(repo, CATALOGUE, '"All hacks": Todos los hacks\n'
                           '"There is 1 hack in this category.": Hay 1 hack en esta categoría.\n')
    write(repo, "theme/views/x.html", '{{ t("All hacks") }} | {{ count_line(1, "category") }} | {{ t("Other") }}')
    pub, _ = load_publication(repo)
    es = pub.in_language("es")

    def render(p: Publication) -> str:
        return environment(repo / "theme" / "views", t=p.t).get_template("x.html").render()

    assert render(es) == "Todos los hacks | Hay 1 hack en esta categoría. | Other"
    assert render(pub) == "All hacks | There is 1 hack in this category. | Other"
    assert environment(repo / "theme" / "views").get_template("x.html").render() == render(pub)


def test_t_fills_names_only_and_escapes_in_templates(repo):
    assert fill("{n} of {total}", {"n": 1}) == "1 of {total}"
    assert fill("{n.__class__}", {"n": 1}) == "{n.__class__}"   # no attribute access from a catalogue
    write(repo, CATALOGUE, '"All hacks": "<b>Todos</b>"\n')
    write(repo, "theme/views/x.html", '{{ t("All hacks") }}')
    es = load_publication(repo)[0].in_language("es")
    assert environment(repo / "theme" / "views", t=es.t).get_template("x.html").render() == "&lt;b&gt;Todos&lt;/b&gt;"


def test_the_shipped_catalogue_translates_every_string_in_use():
    pub, _ = load_publication(ROOT)
    used = interface.used_strings(ROOT, pub.info)
    missing = [s for s in used if s not in pub.catalogues["es"]]
    assert missing == [], f"add these to {CATALOGUE}: {missing}"


def test_dates_are_written_as_each_languages_readers_write_them(repo):
    import datetime as dt

    from spacehacks.phrases import edition_label, human_date
    day = dt.date(2026, 12, 1)
    assert (human_date(day), human_date(day, "es")) == ("December 1, 2026", "1 de diciembre de 2026")
    assert (edition_label(2, day, "es"), edition_label(14, day, "es")) == (
        "Segunda edición, diciembre de 2026", "Edición 14, diciembre de 2026")
    write(repo, "theme/views/x.html", "{{ human_date(day) }}")
    es = load_publication(repo)[0].in_language("es")
    env = environment(repo / "theme" / "views", t=es.t, language=es.language)
    assert env.get_template("x.html").render(day=day) == "1 de diciembre de 2026"


def test_a_constant_handed_to_t_is_a_string_the_catalogue_must_hold():
    """t(MAKE_IT_YOURS) asks for the constant's words: a catalogue without them is reported."""
    from spacehacks.phrases import MAKE_IT_YOURS
    used = interface.used_strings(ROOT, {})
    assert used[MAKE_IT_YOURS].startswith(("spacehacks/layouts.py", "spacehacks/templates/frame.py"))
