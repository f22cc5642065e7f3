"""The US English spelling check: each unknown word with its file and line; quotes never checked."""
from __future__ import annotations

import pytest
from minirepo import minimal, only, problems, write

from spacehacks import spelling

HACK_PATH = "hacks/sec/cat/first-hack.md"


def hack(body: str, title: str = "First hack") -> str:
    return f"---\ntitle: {title}\nsummary: A short summary.\ntags: [boundaries]\n---\n\n{body}"


@pytest.fixture
def repo(tmp_path):
    return minimal(tmp_path)


def test_a_british_spelling_is_reported_on_its_line_with_the_us_word(repo):
    write(repo, HACK_PATH, hack("Some practical text.\n\nPick a colour you like.\n"))
    p = only(repo)
    assert (p.path, p.line) == (HACK_PATH, 9)
    assert p.message.startswith("'colour' is not in the US English dictionary. Did you mean 'color'?")
    assert "content/words.txt" in p.message


def test_titles_and_summaries_are_checked_but_file_names_in_related_are_not(repo):
    write(repo, "hacks/sec/cat/making-allies-of-neighbours.md", hack("Fine text.\n", "Second hack"))
    write(repo, HACK_PATH, (
        "---\ntitle: Good behaviour\nsummary: A short summary.\ntags: [boundaries]\n"
        "related: [making-allies-of-neighbours]\n---\n\nFine text.\n"))
    p = only(repo)
    assert (p.path, p.line, p.message[:11]) == (HACK_PATH, 2, "'behaviour'")


def test_a_word_in_the_project_word_list_passes(repo):
    write(repo, HACK_PATH, hack("Carry naloxone and Xylazine test strips; ask Zehr.\n"))
    assert {p.message.split("'")[1] for p in problems(repo)} == {"naloxone", "Xylazine", "Zehr"}
    write(repo, "content/words.txt", "# Project words\nnaloxone\nxylazine\nZehr\n")
    assert problems(repo) == []


def test_a_name_in_the_word_list_must_keep_its_capitals(repo):
    write(repo, "content/words.txt", "Zehr\n")
    write(repo, HACK_PATH, hack("Ask zehr.\n"))
    assert only(repo).message.startswith("'zehr'")


def test_a_quote_is_never_checked(repo):
    write(repo, "quotes/one.md", "---\nattribution: Colourful Neighbour\nsource: Organised Labour\n---\n\n"
          "The colour of my neighbour's favourite behaviour.\n")
    assert problems(repo) == []


def test_code_addresses_fill_ins_and_markers_are_skipped(repo):
    write(repo, HACK_PATH, hack(
        "Run `colourise --behaviour` first.\n\n```\nbehaviour colour\n```\n\n"
        "See [the guide](https://example.org/colour-behaviour) or www.colour.org/x.\n"))
    write(repo, "content/templates/fields.yml", "Organisation colour: text\n")
    write(repo, "content/templates/a-form.md", (
        "---\ntitle: A form\nkind: form\nsummary: For forms.\n---\n\n## Purpose\n\n"
        "Fill in [[Organisation colour]] here.\n"))
    assert problems(repo) == []


def test_prefixes_before_a_hyphen_are_words(repo):
    write(repo, HACK_PATH, hack("De-escalation with pre-made kits and co-workers; de-colour.\n"))
    p = only(repo)
    assert p.message.startswith("'colour'")


def test_tags_and_publication_texts_are_checked(repo):
    write(repo, "content/tags.yml", "boundaries: Boundaries | Limits we recognise.\nconsent: Consent | Asking.\n")
    p = only(repo)
    assert (p.path, p.line, p.message[:11]) == ("content/tags.yml", 1, "'recognise'")


def test_known_words_are_remembered_between_runs(repo, monkeypatch):
    write(repo, HACK_PATH, hack("Ordinary words only.\n"))
    assert problems(repo) == []
    assert (repo / spelling.CACHE).exists()

    def no_dictionary():
        raise AssertionError("the dictionary was loaded although every word was known")

    monkeypatch.setattr(spelling, "_dictionary", no_dictionary)
    assert problems(repo) == []


def test_a_changed_word_list_is_read_again_despite_the_cache(repo):
    write(repo, HACK_PATH, hack("Carry naloxone.\n"))
    write(repo, "content/words.txt", "naloxone\n")
    assert problems(repo) == []
    write(repo, "content/words.txt", "# emptied\n")
    assert only(repo).message.startswith("'naloxone'")


def test_a_missing_dictionary_is_a_plain_message(repo, monkeypatch):
    monkeypatch.setattr(spelling, "LANGUAGE", "xx_XX")   # a dictionary no machine has
    spelling._dictionary.cache_clear()
    try:
        p = only(repo)
    finally:
        spelling._dictionary.cache_clear()
    assert p.path == "content/words.txt" and "hunspell-en-us" in p.message and "language" in p.message


def test_a_file_edited_after_a_clean_run_is_checked_again(repo):
    write(repo, HACK_PATH, hack("Ordinary words only.\n"))
    assert problems(repo) == []
    write(repo, HACK_PATH, hack("Ordinary words only, in every colour.\n"))
    assert only(repo).message.startswith("'colour'")
    assert only(repo).message.startswith("'colour'")   # a file with a problem is never remembered as clean


def test_a_translated_passage_is_not_checked_as_us_english(repo):
    def spelling_paths() -> list[str]:
        return [p.path for p in problems(repo) if "dictionary" in p.message]

    write(repo, "content/passages/call-ems.md", "---\ntitle: Calling for help\n---\n\nCall now.\n")
    write(repo, "content/passages/call-ems.es.md",
          "---\ntitle: Cómo pedir ayuda\nreviewed: false\n---\n\nLlama ahora mismo.\n")
    assert spelling_paths() == []
    write(repo, "content/passages/call-ems.md", "---\ntitle: Calling for help\n---\n\nCall the neighbour.\n")
    assert spelling_paths() == ["content/passages/call-ems.md"]
