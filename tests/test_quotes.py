"""The quote pool is the seed's, once each: exact words and attribution, nothing invented."""
from __future__ import annotations

import re

from paths import SHARED

from spacehacks.checks import normalise


def seed_quotes() -> list[tuple[str, str | None]]:
    """(text, attribution) for every bullet on the seed home page, duplicates included."""
    lines = (SHARED / "seeds" / "home-page.txt").read_text(encoding="utf-8").split("\n")
    found = []
    for i, line in enumerate(lines):
        if line.startswith("  • "):
            text = re.sub(r"=+$", "", line[4:]).strip()
            after = lines[i + 2] if i + 2 < len(lines) and not lines[i + 1].strip() else ""
            attribution = after.strip() if after.startswith("    ") and not after.startswith("  •") else None
            found.append((text, attribution))
    return found


def test_seed_has_duplicates_that_the_validator_would_catch():
    texts = [normalise(t) for t, _ in seed_quotes()]
    assert len(texts) > len(set(texts))


def test_every_seed_quote_is_shipped_once_with_its_exact_attribution(pub):
    shipped = {normalise(q.text): q for q in pub.quotes}
    assert len(shipped) == len(pub.quotes)
    seeds = {normalise(t): a for t, a in seed_quotes()}
    assert set(shipped) == set(seeds)
    for key, attribution in seeds.items():
        assert shipped[key].attribution == attribution, shipped[key].path


def test_shipped_words_are_exactly_the_seed_words(pub):
    seed_text = (SHARED / "seeds" / "home-page.txt").read_text(encoding="utf-8")
    for q in pub.quotes:
        assert q.text in seed_text, f"{q.path}: words differ from the seed"
