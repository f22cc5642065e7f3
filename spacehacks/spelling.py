"""US English spelling of everything readers see, checked with the file and line of each word.

The dictionary is Hunspell's en_US (Debian's hunspell-en-us) through Enchant (pyenchant), plus the
project's own words in content/words.txt. Quotes are never checked: their words are someone
else's, exactly as published. Code, web addresses, fill-in labels and include markers are skipped.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from functools import lru_cache
from pathlib import Path

from .frontmatter import decode
from .problems import Problem, rel
from .sources import translation_language

WORDS = Path("content") / "words.txt"
LANGUAGE = "en_US"
# Words already found correct, kept between runs (`make check` runs on every save); ignored by git.
CACHE = Path(".cache") / "spelling.json"
DICTIONARY_FILES = (Path("/usr/share/hunspell/en_US.dic"), Path("/usr/share/hunspell/en_US.aff"))
# Front matter fields whose text readers see; every other field is a name, a date or a list.
READ_FIELDS = ("title", "summary", "tagline", "subtitle", "description", "publisher")

_FENCE = re.compile(r"^\s*(```|~~~)")
_SKIP = re.compile(
    r"`+[^`]*`+"                        # code spans
    r"|\[\[[^\]\n]*\]\]"                # fill-in fields: labels come from fields.yml
    r"|\{\{[^}\n]*\}\}|\{:[^}\n]*\}"    # include markers, attribute lists
    r"|\]\([^)\s]*\)"                   # a link's address (its text is still checked)
    r"|<[^>\n]*>"                       # HTML tags
    r"|&[#\w]+;"                        # entities
    r"|\b(?:https?://|www\.|mailto:)\S+"
    r"|\S+@\S+\.\w+"                    # email addresses
    r"|\b[\w.-]+\.(?:org|com|gov|net|edu|md|yml|pdf)\b")
_PART = r"[A-Za-z\u00C0-\u024F]+(?:['’][A-Za-z]+)*"
_WORD = re.compile(rf"{_PART}(?:-{_PART})*")
# Prefixes that are words only before a hyphen: de-escalation, pre-made, co-worker.
PREFIXES = {"de", "pre", "re", "co", "non", "anti", "multi", "post", "sub", "inter", "mid", "semi", "ex"}


class Speller:
    """One dictionary and word list, with every answer remembered: the same words recur in
    every file. Correct words are also kept on disk, so a run that meets no new word never
    loads the dictionary at all."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.problems: list[Problem] = []
        words_text = self._read_words()
        self.extra, self.extra_exact = _project_words(words_text)
        self.cache_key = _cache_key(words_text)
        known, clean = self._load_cache()
        self._known: dict[str, bool] = dict.fromkeys(known, True)
        # File path -> hash of a text found to have no problems: an unchanged file is not read again.
        self.clean: dict[str, str] = clean
        self._cached = (len(self._known), dict(clean))

    @property
    def dictionary(self):
        return _dictionary()

    def _read_words(self) -> str:
        file = self.root / WORDS
        if not file.exists():
            return ""
        text, problem = decode(file.read_bytes(), WORDS.as_posix())
        if problem:
            self.problems.append(problem)
        return text or ""

    def _load_cache(self) -> tuple[list[str], dict[str, str]]:
        try:
            data = json.loads((self.root / CACHE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return [], {}
        if not isinstance(data, dict) or data.get("key") != self.cache_key:
            return [], {}
        known = [w for w in data.get("known", []) if isinstance(w, str)]
        clean = data.get("clean", {})
        return known, {k: v for k, v in clean.items() if isinstance(v, str)} if isinstance(clean, dict) else {}

    def save_cache(self) -> None:
        known = sorted(w for w, ok in self._known.items() if ok)
        if (len(known), self.clean) == self._cached:
            return
        file = self.root / CACHE
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            tmp = file.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps({"key": self.cache_key, "known": known, "clean": self.clean}),
                           encoding="utf-8")
            tmp.replace(file)
        except OSError:
            pass   # a read-only checkout still checks, only without the speed-up

    def check_file(self, path: str, text: str, lines) -> list[Problem]:
        """Problems in one file's text; `lines(text)` gives the (line, text) pairs to check."""
        digest = hashlib.sha1(text.encode()).hexdigest()
        if self.clean.get(path) == digest:
            return []
        found = self.check_lines(path, lines(text))
        if found:
            self.clean.pop(path, None)
        else:
            self.clean[path] = digest
        return found

    def known(self, word: str) -> bool:
        if word not in self._known:
            self._known[word] = self._check(word)
        return self._known[word]

    def _check(self, word: str) -> bool:
        plain = word.replace("’", "'")
        plain = plain.removesuffix("'s").removesuffix("'S")
        stem = plain.removesuffix("s")
        if len(plain) <= 1 or (stem.isupper() and len(stem) > 1):
            return True   # single letters and acronyms (HIV, PEP, STAMP, EMTs)
        if plain in self.extra_exact or plain.lower() in self.extra:
            return True
        return self.dictionary.check(plain) or (plain[0].isupper() and self.dictionary.check(plain.lower()))

    def suggest(self, word: str) -> str:
        ideas = [s for s in self.dictionary.suggest(word.replace("’", "'")) if " " not in s]
        return f" Did you mean '{ideas[0]}'?" if ideas else ""

    def unknown_parts(self, word: str) -> list[str]:
        """The parts of a word (or of a hyphenated compound) that are not known."""
        if self._known.get(word) or self.known(word):
            return []
        parts = word.split("-")
        if len(parts) == 1:
            return [word]
        bad = [p for i, p in enumerate(parts)
               if not (i < len(parts) - 1 and p.lower() in PREFIXES) and not self.known(p)]
        self._known[word] = not bad   # remembered whole, so the next run need not split it
        return bad

    def check_lines(self, path: str, lines: list[tuple[int, str]]) -> list[Problem]:
        out = []
        for number, line in lines:
            for m in _WORD.finditer(_SKIP.sub(" ", line)):
                for word in self.unknown_parts(m.group(0)):
                    out.append(Problem(path, number, (
                        f"'{word}' is not in the US English dictionary.{self.suggest(word)} If the word is "
                        f"right (a name, a term of the field), add it to {WORDS.as_posix()}, one word a line.")))
        return out


def _project_words(text: str) -> tuple[set[str], set[str]]:
    words = [w.strip() for w in text.split("\n") if w.strip() and not w.lstrip().startswith("#")]
    # A lowercase entry allows any capitalization; an entry with capitals (a name) is exact.
    return {w for w in words if w == w.lower()}, {w for w in words if w != w.lower()}


def _cache_key(words_text: str) -> str:
    """Changes when the word list, the dictionary files or this module change."""
    digest = hashlib.sha256(words_text.encode())
    for file in (*DICTIONARY_FILES, Path(__file__)):
        try:
            st = file.stat()
            digest.update(f"{file}:{st.st_size}:{st.st_mtime_ns}".encode())
        except OSError:
            digest.update(f"{file}:missing".encode())
    return digest.hexdigest()


class DictionaryMissing(Exception):
    """pyenchant, the Enchant library or the en_US dictionary is not installed."""


@lru_cache(maxsize=1)
def _dictionary():
    try:
        import enchant  # here, so a run whose words are all known never loads it
    except (ImportError, OSError) as exc:   # pyenchant, or the C library it loads, is missing
        raise DictionaryMissing(str(exc)) from exc
    try:
        return enchant.Dict(LANGUAGE)
    except enchant.errors.Error as exc:
        raise DictionaryMissing(str(exc)) from exc


def readable_lines(text: str) -> list[tuple[int, str]]:
    """(file line number, text) of the lines readers see in a Markdown file with front matter."""
    lines = text.split("\n")
    out: list[tuple[int, str]] = []
    start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), 0)
        for i in range(1, end):
            key, _, value = lines[i].partition(":")
            if key.strip() in READ_FIELDS:
                out.append((i + 1, value))
        start = end + 1
    fence = None
    for i in range(start, len(lines)):
        opened = _FENCE.match(lines[i])
        if opened:
            fence = opened.group(1) if fence is None else (None if opened.group(1) == fence else fence)
            continue
        if fence is None:
            out.append((i + 1, lines[i]))
    return out


def _yaml_lines(text: str, tags: bool) -> list[tuple[int, str]]:
    out = []
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, _, value = line.partition(":")
        if tags or key.strip() in READ_FIELDS:
            out.append((n, value))
    return out


def check_publication(pub) -> list[Problem]:
    """Spelling problems in every file readers see, quotes excepted."""
    root = Path(pub.root)
    speller = Speller(root)
    # Translations (<name>.es.md) are not US English, so only source passages are read here.
    files = ([h.path for h in pub.hacks] + [p.path for p in pub.pages] + [s.path for s in pub.sections]
             + [c.path for c in pub.categories] + [t.path for t in pub.templates]
             + [rel(p, root) for p in sorted((root / "content" / "passages").glob("*.md"))
                if translation_language(p) is None])
    problems = list(speller.problems)
    try:
        for path in dict.fromkeys(files):
            text, _ = decode((root / path).read_bytes(), path)
            if text is not None:
                problems += speller.check_file(path, text, readable_lines)
        for name, tags in (("content/tags.yml", True), ("content/publication.yml", False)):
            file = root / name
            if file.exists():
                text, _ = decode(file.read_bytes(), name)
                if text is not None:
                    problems += speller.check_file(name, text, lambda t, tags=tags: _yaml_lines(t, tags))
    except DictionaryMissing as exc:
        return [Problem(WORDS.as_posix(), 1, (
            f"the spelling could not be checked: the US English dictionary is not installed ({exc}). "
            "Run `make check`, which installs pyenchant and the Debian packages libenchant-2-2 and "
            "hunspell-en-us, or install them yourself."))]
    speller.save_cache()
    return problems
