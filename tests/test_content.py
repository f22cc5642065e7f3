"""What the shipped publication promises its readers, checked on every run."""
from __future__ import annotations

import re

import markdown

from spacehacks import markup
from spacehacks.frontmatter import read_source
from spacehacks.passages import without_markers

# The publication covers what practitioners need (issue 12): at least this many hacks in all, and
# at least this many in every category. Floors, not counts: editors add hacks freely.
MIN_HACKS = 90
MIN_PER_CATEGORY = 3


def words(text: str) -> int:
    return len(re.findall(r"[A-Za-z0-9’']+", text))


def test_enough_hacks_in_every_category(pub):
    assert len(pub.hacks) >= MIN_HACKS
    assert len(pub.sections) == 4
    thin = [f"{c.path} ({len(c.hacks)})" for c in pub.categories if len(c.hacks) < MIN_PER_CATEGORY]
    assert thin == [], f"categories with fewer than {MIN_PER_CATEGORY} hacks: {thin}"


def test_every_outline_category_is_present(pub):
    from pathlib import Path
    outline = (Path(pub.root).parent / "shared" / "publication-outline.md").read_text(encoding="utf-8")
    listed = re.findall(r"(?m)^   - ([^[—\n]+?)\s*(?:\[\d+\])?\s+—", outline)
    titles = {c.title for c in pub.categories}
    assert len(listed) == len(pub.categories) == 21
    assert set(listed) == titles


def own_words(pub, h) -> int:
    """The words the hack's own file adds: shared passages are written, and counted, once."""
    return words(without_markers(read_source(pub.root / h.path, h.path).body))


def test_hack_length_tags_and_summary(pub):
    for h in pub.hacks:
        assert 200 <= own_words(pub, h) <= 700, f"{h.path}: {own_words(pub, h)} words"
        # The checker caps tags (checks.MAX_TAGS, tested in test_checks) but lets an editor leave
        # them out; every shipped hack is findable by at least one.
        assert h.tags, f"{h.path}: no tags"
        assert h.summary and "\n" not in h.summary, h.path


def test_hacks_are_practical_with_structure(pub):
    for h in pub.hacks:
        html = markup.render(h.body)
        assert "<h2" in html, f"{h.path}: no sub-headings"
        assert "<li>" in html, f"{h.path}: no tips or steps"


def test_related_links_and_featured_spread(pub):
    assert sum(1 for h in pub.hacks if h.related) >= 30
    assert len(pub.featured) >= 8
    assert {h.section.slug for h in pub.featured} == {s.slug for s in pub.sections}


def test_every_tag_in_the_vocabulary_is_used_and_every_used_tag_is_defined(pub):
    used = {t for h in pub.hacks for t in h.tags}
    assert used == set(pub.tags)


def test_person_first_language(pub):
    # Words that label people by their drug use; person-first language is a rule of the guide.
    # Hacks may name these words in quotes, or in the language category, to advise against them.
    banned = re.compile(r"\b(addicts?|junkies|junkie|drug abusers?|substance abusers?|dirty urine|clean urine)\b", re.I)
    for h in pub.hacks:
        if h.category.slug == "language":
            continue
        used = re.sub(r"[\"“][^\"”\n]{1,40}[\"”]", "", h.body)
        assert not banned.search(used), f"{h.path}: {banned.search(used).group(0)}"


def test_standalone_pages(pub):
    slugs = {p.slug for p in pub.pages}
    assert {"about", "introduction", "method", "acronyms", "resources"} <= slugs
    page = {p.slug: p for p in pub.pages}
    method = page["method"].body
    for fact in ("180", "twelve", "261", "939", "67", "128", "2024"):
        assert fact in method, fact
    assert "menu" in page["introduction"].body.lower()


def test_acronyms_are_a_definition_list_of_at_least_25(pub):
    html = markdown.markdown(next(p for p in pub.pages if p.slug == "acronyms").body, extensions=markup.EXTENSIONS)
    terms = re.findall(r"<dt>(.*?)</dt>", html)
    assert len(terms) >= 25
    for required in ("SSP", "OPC", "RCO", "MOUD", "PEP", "PrEP", "HCV", "HIV", "SAMHSA"):
        assert any(required == re.sub(r"<.*?>", "", t).split()[0].strip() for t in terms), required


def test_resources_link_out_per_section(pub):
    body = next(p for p in pub.pages if p.slug == "resources").body
    links = re.findall(r"\]\((https://[^)\s]+)\)", body)
    assert len(links) >= 12
    for s in pub.sections:
        assert f"## {s.title}" in body, s.title


# The three places issue 12 names, each of which once had its own, disagreeing copy of the steps.
OVERDOSE_STEPS_USED_BY = [
    "hacks/de-escalation-in-the-moment/specific-escalated-events/naloxone-overdose-response-keeping-services-open.md",
    "hacks/preventing-escalation/organizational-boundaries-and-policy/overdose-and-medical-emergency-protocol.md",
    "content/templates/overdose-and-medical-emergency-protocol.md",
]


def test_the_emergency_steps_are_written_once_in_their_passages(pub):
    root = pub.root
    for path in OVERDOSE_STEPS_USED_BY:
        assert re.search(r"(?m)^\s*\{\{\s*passage:\s*overdose-response\s*\}\}\s*$",
                         (root / path).read_text(encoding="utf-8")), path
    # No line of a passage's steps (8 words or more) is written out anywhere else.
    def lines(text: str) -> set[str]:
        return {" ".join(re.sub(r"[*_`>#-]|^\s*\d+\.", " ", line).split()).casefold()
                for line in text.split("\n") if len(line.split()) >= 8}
    passages = {p: lines(read_source(p, p.name).body) for p in sorted((root / "content" / "passages").glob("*.md"))}
    assert passages
    others = [p for folder in ("hacks", "content") for p in sorted((root / folder).rglob("*.md"))
              if "passages" not in p.parts]
    for other in others:
        text = lines(other.read_text(encoding="utf-8"))
        for passage, own in passages.items():
            copied = own & text
            assert not copied, f"{other.relative_to(root)} repeats {passage.name}: {sorted(copied)[:2]}"
