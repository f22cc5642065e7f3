"""Our own interface strings in other languages: one catalogue per language, content/i18n/<lang>.yml.

Each line maps an English string, exactly as the code passes it to t, to its translation:
    "All hacks": Todos los hacks
    "There are {n} hacks in this section.": Hay {n} hacks en esta sección.
The strings are found where they are used (calls of t with a quoted string in theme/ and
spacehacks/, the view pages' titles, the publication's own title and subtitle), so a new string in a view is reported as
missing from every catalogue until it is translated; until then readers see it in English.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml

from .frontmatter import decode
from .model import PLACEHOLDER, TRANSLATED_INFO, Publication
from .problems import WARNING, Problem, did_you_mean, rel
from .shared_fields import SHARED
from .sources import LANGUAGE_NAMES, THEME_DIR, TRANSLATION_LANGUAGES, VIEW_PAGES

FOLDER = Path("content") / "i18n"
# A call of t with a literal string, which may be several literals in a row (Python joins them).
CALL = re.compile(r"""\bt\(\s*((?:(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')\s*)+)[,)]""")
PIECE = re.compile(r""""((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'""")
# A call of t with a module constant (MAKE_IT_YOURS): the string the constant holds is used.
CONSTANT_CALL = re.compile(r"\bt\(\s*([A-Z][A-Z0-9_]*)\s*[,)]")


def used_strings(root: Path, info: dict) -> dict[str, str]:
    """Every English string the outputs translate -> where it is first used (file:line)."""
    code = Path(__file__).resolve().parent
    found: dict[str, str] = {}
    scanned = sorted((Path(root) / THEME_DIR).rglob("*.html")) + sorted(code.rglob("*.py"))
    constants = _string_constants(code)
    for file in scanned:
        text = file.read_text(encoding="utf-8", errors="replace")
        for m in CALL.finditer(text):
            words = "".join(a + b for a, b in PIECE.findall(m.group(1)))   # one of the two is empty
            words = re.sub(r"\\(.)", r"\1", words)
            found.setdefault(words, f"{_where(file, root, code)}:{text.count(chr(10), 0, m.start()) + 1}")
        for m in CONSTANT_CALL.finditer(text):
            if m.group(1) in constants:
                found.setdefault(constants[m.group(1)],
                                 f"{_where(file, root, code)}:{text.count(chr(10), 0, m.start()) + 1}")
    for view in VIEW_PAGES:
        found.setdefault(view.title, "spacehacks/sources.py (VIEW_PAGES)")
    for _, hint, example in SHARED.values():   # the fill-once form describes each field
        found.setdefault(hint, "spacehacks/shared_fields.py (SHARED)")
        found.setdefault(example, "spacehacks/shared_fields.py (SHARED)")
    for key in TRANSLATED_INFO:
        if isinstance(info.get(key), str) and info[key].strip():
            found.setdefault(info[key].strip(), f"content/publication.yml ({key})")
    return found


def _string_constants(code: Path) -> dict[str, str]:
    """Every module-level NAME = "string" of our code (several literals in a row are one)."""
    out: dict[str, str] = {}
    for file in sorted(code.rglob("*.py")):
        for node in ast.parse(file.read_text(encoding="utf-8")).body:
            if (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                    and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)):
                out.setdefault(node.targets[0].id, node.value.value)
    return out


def _where(file: Path, root: Path, code: Path) -> str:
    if file.is_relative_to(code):
        return f"spacehacks/{file.relative_to(code).as_posix()}"
    return rel(file, Path(root))


def catalogue_file(language: str) -> Path:
    return FOLDER / f"{language}.yml"


def load_catalogues(pub: Publication) -> list[Problem]:
    """Read content/i18n/<lang>.yml for every language into pub.catalogues, with its problems."""
    root = Path(pub.root)
    problems: list[Problem] = []
    folder = root / FOLDER
    for file in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        if file.stem not in TRANSLATION_LANGUAGES:
            problems.append(Problem(rel(file, root), 1, (
                f"'{file.stem}' is not a language this publication is translated into."
                f"{did_you_mean(file.stem, TRANSLATION_LANGUAGES)} Name the catalogue after one of: "
                f"{', '.join(TRANSLATION_LANGUAGES)}.")))
    translated = any(pub.translations.get(lang) for lang in TRANSLATION_LANGUAGES)
    used = used_strings(root, pub.info) if translated or folder.is_dir() else {}
    for language in TRANSLATION_LANGUAGES:
        strings, lines, found = read_catalogue(root, language)
        problems += found
        pub.catalogues[language] = strings
        if not used or not (root / catalogue_file(language)).exists():
            continue   # not started yet: `build.py translations` says so
        path = catalogue_file(language).as_posix()
        name = LANGUAGE_NAMES.get(language, language)
        for english, where in used.items():
            if english not in strings:
                problems.append(Problem(path, 1, (
                    f"the interface string '{english}' ({where}) has no {name} translation, so "
                    f"{name} readers see it in English. Add a line to {path}: "
                    f"{_quoted(english)}: …"), WARNING))
        for english, text in strings.items():
            if set(PLACEHOLDER.findall(english)) != set(PLACEHOLDER.findall(text)):
                problems.append(Problem(path, lines.get(english, 1), (
                    f"the translation of '{english}' must keep the same {{…}} placeholders as the "
                    f"English ({', '.join(sorted(PLACEHOLDER.findall(english))) or 'none'}), unchanged.")))
    return problems


def unused(pub: Publication, language: str) -> list[str]:
    """Catalogue entries no output asks for (left over from a changed English string)."""
    used = used_strings(Path(pub.root), pub.info)
    return [s for s in pub.catalogues.get(language, {}) if s not in used]


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def read_catalogue(root: Path, language: str) -> tuple[dict[str, str], dict[str, int], list[Problem]]:
    """The catalogue's strings, the line of each, and its problems (a missing file is empty)."""
    file = Path(root) / catalogue_file(language)
    path = catalogue_file(language).as_posix()
    if not file.exists():
        return {}, {}, []
    text, problem = decode(file.read_bytes(), path)
    if problem or text is None:
        return {}, {}, [problem] if problem else []
    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark, context = getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else 1
        if line > len(text.rstrip("\n").split("\n")) and context is not None:
            line = context.line + 1   # an unclosed bracket is reported at the end; the fix is where it opened
        return {}, {}, [Problem(path, line, (
            f"this is not valid YAML ({getattr(exc, 'problem', exc)}). Each line is "
            '"English string": translation; put quotes around a string holding ": ".'))]
    if node is None:
        return {}, {}, []
    if not isinstance(node, yaml.MappingNode):
        return {}, {}, [Problem(path, 1, 'the catalogue must be lines of "English string": translation.')]
    strings: dict[str, str] = {}
    lines: dict[str, int] = {}
    problems: list[Problem] = []
    for key, value in node.value:
        line = key.start_mark.line + 1
        if not isinstance(key, yaml.ScalarNode) or not isinstance(value, yaml.ScalarNode) or not value.value.strip():
            problems.append(Problem(path, line, (
                'each entry is one line "English string": translation, and the translation may not be empty.')))
        elif key.value in strings:
            problems.append(Problem(path, line, f"'{key.value}' is listed twice; keep one line."))
        else:
            strings[key.value] = value.value
            lines[key.value] = line
    return strings, lines, problems

