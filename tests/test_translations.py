"""Translations beside their sources: read into the model, checked like English, and honest about
what is translated, reviewed and current."""
from __future__ import annotations

import pytest
from minirepo import minimal, problems, write

from spacehacks import translations
from spacehacks.frontmatter import read_source
from spacehacks.load import load_publication
from spacehacks.phrases import count_line, translation_notices
from spacehacks.problems import WARNING, errors, warnings

HACK_PATH = "hacks/sec/cat/first-hack.md"
ES_PATH = "hacks/sec/cat/first-hack.es.md"


def current_hash(root, path=HACK_PATH, kind="hack") -> str:
    return translations.text_hash(read_source(root / path, path), kind)


def spanish(root, body="Un texto práctico.\n", extra="", hash_line=True, path=ES_PATH, source=HACK_PATH,
            kind="hack", fields="title: Primer hack\nsummary: Un resumen breve.\n") -> None:
    mark = f'source_hash: "{current_hash(root, source, kind)}"\n' if hash_line else ""
    write(root, path, f"---\n{fields}reviewed: false\n{mark}{extra}---\n\n{body}")


@pytest.fixture
def repo(tmp_path):
    minimal(tmp_path)
    write(tmp_path, "hacks/sec/cat/second-hack.md",
          "---\ntitle: Second hack\nsummary: Another.\ntags: [consent]\nrelated: [first-hack]\n---\n\nMore text.\n")
    return tmp_path


def test_a_marked_translation_is_clean_and_in_the_model(repo):
    spanish(repo)
    pub, found = load_publication(repo)
    assert found == []
    t = pub.translations["es"][HACK_PATH]
    assert (t.path, t.kind, t.values["title"], t.reviewed, t.outdated) == (ES_PATH, "hack", "Primer hack", False, False)
    assert len(pub.hacks) == 2   # a translation is not a second hack


def test_the_spanish_view_has_spanish_words_the_same_links_and_the_english_where_untranslated(repo):
    spanish(repo)
    pub, _ = load_publication(repo)
    es = pub.in_language("es")
    first, second = es.hack("first-hack"), es.hack("second-hack")
    assert (first.title, first.summary) == ("Primer hack", "Un resumen breve.")
    assert first.body.strip() == "Un texto práctico."
    assert first.language == "es" and first.translation is not None
    assert (second.title, second.language) == ("Second hack", "en")
    assert es.untranslated(second) and not es.untranslated(first)
    assert [h.slug for h in es.hacks] == [h.slug for h in pub.hacks]
    assert (first.url, first.tags, second.related) == ("sec/cat/first-hack/", ["boundaries"], ["first-hack"])
    assert es.info["language"] == "es" and es.language == "es"
    # The English publication is untouched.
    assert pub.hack("first-hack").title == "First hack" and pub.language == "en"
    assert pub.in_language("en") is pub


def test_sections_categories_pages_and_templates_take_their_translations(repo):
    write(repo, "content/sections/sec/_section.es.md", "---\ntitle: Sección\ntagline: Lema\n---\n\nIntroducción.\n")
    write(repo, "content/sections/sec/cat.es.md", "---\ntitle: Categoría\ntagline: Lema\n---\n\nIntro.\n")
    write(repo, "content/pages/about.md", "---\ntitle: About\nsummary: What this is.\norder: 1\n---\n\nText.\n")
    write(repo, "content/pages/about.es.md", "---\ntitle: Acerca de\nsummary: Qué es.\n---\n\nTexto.\n")
    pub, found = load_publication(repo)
    assert errors(found) == []
    es = pub.in_language("es")
    assert (es.sections[0].title, es.sections[0].intro.strip()) == ("Sección", "Introducción.")
    assert es.categories[0].title == "Categoría" and es.categories[0].hacks[0].slug == "first-hack"
    assert (es.pages[0].title, es.pages[0].summary, es.pages[0].order) == ("Acerca de", "Qué es.", 1)


def test_a_spanish_body_includes_the_spanish_passage_and_falls_back_to_the_english_one(repo):
    write(repo, "content/passages/call-ems.md", "---\ntitle: Call EMS\n---\n\nCall 911.\n")
    write(repo, "content/passages/stay.md", "---\ntitle: Stay\n---\n\nStay with them.\n")
    write(repo, HACK_PATH, "---\ntitle: First hack\nsummary: S.\n---\n\n"
                           "{{ passage: call-ems }}\n\n{{ passage: stay }}\n")
    write(repo, "content/passages/call-ems.es.md", "---\ntitle: Llamar\n---\n\nLlame al 911.\n")
    spanish(repo, body="{{ passage: call-ems }}\n\n{{ passage: stay }}\n")
    pub, found = load_publication(repo)
    assert errors(found) == []
    body = pub.in_language("es").hack("first-hack").body
    assert "Llame al 911." in body and "Stay with them." in body and "{{" not in body
    assert "Call 911." in pub.hack("first-hack").body


def test_a_one_word_edit_to_the_english_makes_the_translation_outdated_a_warning(repo):
    spanish(repo)
    write(repo, HACK_PATH, (repo / HACK_PATH).read_text().replace("Some practical", "Some useful"))
    found = problems(repo)
    assert errors(found) == []
    (w,) = warnings(found)
    assert (w.path, w.line, w.severity) == (ES_PATH, 5, WARNING)
    assert w.message.startswith("outdated:") and f"--mark {ES_PATH}" in w.message
    pub, _ = load_publication(repo)
    assert pub.translations["es"][HACK_PATH].outdated
    assert translations.status(pub, "es")["outdated"][0].path == ES_PATH


def test_changing_a_field_that_is_not_translated_leaves_the_translation_current(repo):
    spanish(repo)
    write(repo, HACK_PATH, (repo / HACK_PATH).read_text().replace("tags: [boundaries]", "tags: [consent]"))
    assert problems(repo) == []


def test_a_translation_never_marked_is_a_warning_naming_the_command(repo):
    spanish(repo, hash_line=False)
    (w,) = problems(repo)
    assert w.severity == WARNING and w.path == ES_PATH
    assert "never marked" in w.message and f"build.py translations --mark {ES_PATH}" in w.message


def test_a_hash_typed_by_hand_is_a_warning(repo):
    spanish(repo, hash_line=False, extra="source_hash: 1234\n")
    (w,) = problems(repo)
    assert w.severity == WARNING and w.line == 5 and "not one the command wrote" in w.message


def test_a_translation_without_a_source_is_an_error(repo):
    spanish(repo, path="hacks/sec/cat/gone.es.md")
    (p,) = problems(repo)
    assert p.severity != WARNING and p.path == "hacks/sec/cat/gone.es.md"
    assert "has no source" in p.message and "hacks/sec/cat/gone.md" in p.message


def test_an_unknown_language_code_is_an_error_not_a_new_hack(repo):
    write(repo, "hacks/sec/cat/first-hack.fr.md", (repo / HACK_PATH).read_text())
    (p,) = problems(repo)
    assert p.path == "hacks/sec/cat/first-hack.fr.md" and "'fr' is not a language" in p.message


@pytest.mark.parametrize("line,words", [
    ("tags: [consent]\n", "'tags' comes from the source"),
    ("related: [second-hack]\n", "'related' comes from the source"),
    ("featured: true\n", "'featured' comes from the source"),
    ("templates: [a-form]\n", "'templates' comes from the source"),
    ("slug: primer\n", "'slug' is not a known field"),
])
def test_fields_that_belong_to_the_source_may_not_differ(repo, line, words):
    spanish(repo, extra=line)
    (p,) = problems(repo)
    assert p.severity != WARNING and p.path == ES_PATH and p.line == 6 and words in p.message


def test_repeating_a_source_field_with_the_same_value_is_allowed(repo):
    spanish(repo, extra="tags: [boundaries]\n")
    assert problems(repo) == []


def test_order_and_kind_come_from_sections_and_templates(repo):
    write(repo, "content/sections/sec/_section.es.md", "---\ntitle: Sección\ntagline: Lema\norder: 3\n---\n\nTexto.\n")
    found = errors(problems(repo))
    assert [(p.path, p.line) for p in found] == [("content/sections/sec/_section.es.md", 4)]
    assert "'order' comes from the source" in found[0].message


def test_a_translation_passes_the_same_checks_as_english(repo):
    spanish(repo, body="<script>alert(1)</script>\n\n# Un título\n\n{{ passage: nada }}\n",
            fields=f"title: Primer hack\nsummary: {'x' * 201}\n")
    found = errors(problems(repo))
    messages = " | ".join(p.message for p in found)
    assert all(p.path == ES_PATH for p in found)
    assert "201 characters" in messages            # the summary limit
    assert "top-level '# ' heading" in messages   # the body rules
    assert "passage that does not exist" in messages
    assert any("script" in p.message.lower() for p in found)   # the sanitizer's scan


def test_a_missing_required_translated_field_is_an_error(repo):
    spanish(repo, fields="title: Primer hack\n")
    (p,) = errors(problems(repo))
    assert "required field 'summary' is missing" in p.message


def test_quotes_are_not_translated(repo):
    write(repo, "quotes/one.es.md", "---\n---\n\nPalabras.\n")
    (p,) = problems(repo)
    assert p.path == "quotes/one.es.md" and "quotes are not translated" in p.message


def test_the_spelling_check_skips_spanish(repo):
    write(repo, "content/passages/call-ems.md", "---\ntitle: Call EMS\n---\n\nCall 911.\n")
    write(repo, HACK_PATH, "---\ntitle: First hack\nsummary: S.\n---\n\n{{ passage: call-ems }}\n")
    write(repo, "content/passages/call-ems.es.md", "---\ntitle: Llamar\n---\n\nLlame rápidamente.\n")
    spanish(repo, source="content/passages/call-ems.md", path="content/passages/call-ems.es.md", kind="passage",
            fields="title: Llamar\n", body="Llame rápidamente.\n")
    assert problems(repo) == []


def template_pair(repo, english: str, spanish_body: str, vocabulary: str = "Organization name: text\n") -> None:
    """A form template and its Spanish translation, marked current."""
    write(repo, "content/templates/fields.yml", vocabulary)
    write(repo, "content/templates/a-form.md", f"---\ntitle: A form\nkind: form\nsummary: S.\n---\n\n{english}")
    spanish(repo, path="content/templates/a-form.es.md", source="content/templates/a-form.md", kind="template",
            fields="title: Un formulario\nsummary: R.\n", body=spanish_body)


def test_template_translations_keep_the_fill_ins_and_take_spanish_labels(repo):
    template_pair(repo, "Name: [[Organization name]]\n", "Nombre: [[Organization name]]\n")
    pub, found = load_publication(repo)
    assert found == []
    es = pub.in_language("es")
    assert es.label("Organization name") == "Organization name"   # no fields.es.yml yet
    write(repo, "content/templates/fields.es.yml", "Organization name: Nombre de la organización\n")
    pub, found = load_publication(repo)
    assert found == []
    es = pub.in_language("es")
    # The Spanish template shows its fields with the Spanish labels, of the same kinds.
    assert es.templates[0].title == "Un formulario" and "[[Nombre de la organización]]" in es.templates[0].body
    assert es.fill_ins["Nombre de la organización"] == "text"
    assert es.label("Organization name") == "Nombre de la organización"
    assert pub.label("Organization name") == "Organization name" and "[[Organization name]]" in pub.templates[0].body


def test_the_spanish_labels_file_is_checked(repo):
    both = "[[Organization name]] [[Site address]]\n"
    template_pair(repo, both, both, vocabulary="Organization name: text\nSite address: text\n")
    write(repo, "content/templates/fields.es.yml", "Organisation name: Nombre\nOrganization name: Nombre\n")
    found = problems(repo)
    (error,) = errors(found)
    assert (error.line, "Did you mean 'Organization name'?" in error.message) == (1, True)
    (missing,) = warnings(found)
    assert missing.path == "content/templates/a-form.es.md" and "[[Site address]]" in missing.message


def test_an_unknown_fill_in_in_a_spanish_template_is_an_error(repo):
    template_pair(repo, "[[Organization name]]\n", "[[Nombre de la organización]]\n")
    (p,) = errors(problems(repo))
    assert p.path == "content/templates/a-form.es.md" and p.line == 8 and "not a known fill-in field" in p.message


def test_readers_are_told_when_a_text_is_english_unreviewed_or_outdated(repo):
    write(repo, "content/i18n/es.yml",
          '"This text has not been translated yet, so it is shown in English.": Sin traducir.\n'
          '"This translation has not yet been reviewed by a native speaker.": Sin revisar.\n')
    spanish(repo)
    pub, _ = load_publication(repo)
    es = pub.in_language("es")
    assert translation_notices(es, es.hack("second-hack")) == ["Sin traducir."]
    assert translation_notices(es, es.hack("first-hack")) == ["Sin revisar."]
    assert translation_notices(pub, pub.hack("first-hack")) == []
    write(repo, HACK_PATH, (repo / HACK_PATH).read_text().replace("Some practical", "Some useful"))
    es = load_publication(repo)[0].in_language("es")
    notes = translation_notices(es, es.hack("first-hack"))
    assert notes[0].startswith("The English text has changed") and notes[1] == "Sin revisar."


def test_count_lines_speak_the_views_language(repo):
    write(repo, "content/i18n/es.yml", '"There are {n} hacks in this section.": Hay {n} hacks en esta sección.\n')
    pub, _ = load_publication(repo)
    es = pub.in_language("es")
    assert count_line(3, "section", es.t) == "Hay 3 hacks en esta sección."
    assert count_line(3, "section", pub.t) == count_line(3, "section") == "There are 3 hacks in this section."


def test_every_shipped_translation_is_marked_current(pub):
    found = [t for lang in pub.translations.values() for t in lang.values()]
    assert found, "the branch ships Spanish texts"
    stale = [t.path for t in found if not t.current]
    assert stale == [], f"run `python build.py translations --mark {' '.join(stale)}`"
    assert all(not t.reviewed for t in found)   # none has been reviewed by a native speaker yet


def test_tags_and_the_publications_own_words_are_translated_in_the_spanish_view(repo):
    write(repo, "content/tags.es.yml", "boundaries: Límites | Poner límites.\n")
    write(repo, "content/i18n/es.yml", '"S": Subtítulo\n')
    pub, found = load_publication(repo)
    (w,) = [p for p in warnings(found) if p.path == "content/tags.es.yml"]
    assert "'consent'" in w.message   # it has no Spanish yet
    es = pub.in_language("es")
    assert (es.tags["boundaries"].title, es.tags["consent"].title) == ("Límites", "Consent")
    assert es.info["subtitle"] == "Subtítulo" and es.info["title"] == "T"   # untranslated stays English
    assert pub.tags["boundaries"].title == "Boundaries" and pub.info["subtitle"] == "S"


def test_a_translated_tag_keeps_its_slug(repo):
    write(repo, "content/tags.es.yml",
          "boundaries: Límites | Poner límites.\nconsentimiento: Consentimiento | Preguntar.\n")
    (p,) = errors(problems(repo))
    assert (p.path, p.line) == ("content/tags.es.yml", 2) and "keeps its English slug" in p.message
