"""What WeasyPrint may read while it renders: the theme and the content's media, nothing else.

Content is untrusted, and WeasyPrint follows every address it is given: a body link with
rel="attachment" would embed `.git/config` (which holds the checkout token in a pull-request
build) in the public PDF, an <img> or a style could make the build machine contact any site.
Every WeasyPrint call (book, slices, overlays, template PDFs and forms) goes through one
BookFetcher; a refusal stops the render and becomes a build error naming the content file whose
HTML asked, or the output being rendered when no file can be named.
"""
from __future__ import annotations

import base64
import contextlib
import html
import mimetypes
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote_to_bytes, urljoin, urlsplit
from urllib.request import url2pathname

from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from .problems import ContentError, Problem

# Relative to the publication root: all the book and the templates are made of.
ALLOWED = ("theme", "content/media")
# Small inline images only; an inline SVG could itself point elsewhere.
DATA_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp")
DATA_LIMIT = 256 * 1024
_REFERENCE = re.compile(
    r"""(?:\b(?:href|src|srcset|data|poster|background|xlink:href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"""
    r"""|url\(\s*["']?([^"')\s]+)|\]\(\s*<?([^)\s>]+))""", re.IGNORECASE)


@dataclass(frozen=True)
class Source:
    """A content file and the text of it that reaches the rendered HTML."""
    path: str   # relative to the publication root
    text: str


class Refused(ValueError):
    """WeasyPrint asked for something the book is not made of."""


class FetchError(ContentError):
    """A render asked for a file outside theme/ and content/media/, or for another site."""

    def __reduce__(self):  # crosses from a PDF worker process intact
        return (type(self), (self.problems,))


class BookFetcher(URLFetcher):
    """WeasyPrint's URL fetcher for this project: serves files under ALLOWED, refuses the rest."""

    def __init__(self, root: Path, output: str, sources: Sequence[Source] = (), base_url: str = ""):
        super().__init__(fail_on_errors=True)  # a refusal stops the render instead of a warning
        self.root = Path(root).resolve()
        self.output = output
        self.sources = sources
        self.base_url = base_url
        self.refused: list[tuple[str, str]] = []

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        try:
            return self._serve(url)
        except Refused as exc:
            self.refused.append((url, str(exc)))
            raise

    def _serve(self, url: str) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "data":
            return _data(url)
        if scheme != "file":
            kind = "another site" if scheme in ("http", "https", "ftp") else f"a '{scheme or '?'}:' address"
            raise Refused(f"{_short(url)} is {kind}; the PDF may only use files under "
                          f"{' or '.join(a + '/' for a in ALLOWED)}")
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            raise Refused(f"{_short(url)} names another machine")
        path = url2pathname(parts.path)
        if ".." in Path(path).parts:
            raise Refused(f"{_short(url)} climbs out of its folder with '..'")
        return self._file(Path(path), url)

    def _file(self, path: Path, url: str) -> URLFetcherResponse:
        real = Path(os.path.realpath(path))
        for folder in ALLOWED:
            base = self.root / folder
            # Both the path as written and where it really leads must be inside: a symlink in
            # theme/ pointing elsewhere is refused like a direct reference.
            if path.is_relative_to(base) and real.is_relative_to(Path(os.path.realpath(base))):
                if not real.is_file():
                    raise Refused(f"{self._rel(path)} does not exist")
                kind = mimetypes.guess_type(real.name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, real.read_bytes(), {"Content-Type": kind})
        where = self._rel(path)
        if path.is_relative_to(self.root) and not real.is_relative_to(self.root):
            where += " (a link to a file outside the repository)"
        raise Refused(f"{where} is outside {' and '.join(a + '/' for a in ALLOWED)}")

    def _rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def problems(self) -> list[Problem]:
        found = []
        for url, reason in self.refused:
            path, line = who_asked(url, self.sources, self.base_url, self.root)
            what = f"this file's HTML asks {self.output}" if path else f"{self.output} asks"
            found.append(Problem(path or self.output, line, f"{what} for {_short(url)}, which it may not "
                                 f"read: {reason}. Link to the file instead, or put images in content/media/."))
        return found

    @contextlib.contextmanager
    def guard(self) -> Iterator[None]:
        """Turn a refused fetch inside the block into a FetchError naming who asked."""
        try:
            yield
        except FatalURLFetchingError:
            if not self.refused:
                raise
            raise FetchError(self.problems()) from None
        if self.refused:  # should WeasyPrint ever swallow a fatal error
            raise FetchError(self.problems())

    def refuse_attachments(self, document) -> None:
        """The book declares no attachments: a rel="attachment" from content is an error, before
        write_pdf would fetch and embed it."""
        urls = [target for page in document.pages for kind, target, *_ in page.links if kind == "attachment"]
        urls += [_attachment_url(a) for a in document.metadata.attachments]
        for url in urls:
            self.refused.append((url, "the PDF embeds no attached files"))
        if self.refused:
            raise FetchError(self.problems())


def _attachment_url(attachment) -> str:
    # WeasyPrint keeps a <link rel="attachment">'s address only inside an unopened source.
    frame = getattr(getattr(attachment.source, "gen", None), "gi_frame", None)
    return str((frame.f_locals if frame else {}).get("url") or "a file named by <link rel=\"attachment\">")


def who_asked(url: str, sources: Sequence[Source], base_url: str, root: Path) -> tuple[str, int]:
    """The content file (and line) whose text refers to `url`, or ("", 0). A reference that
    resolves to `url` wins; failing that (a <base> element moved the base), one `url` ends with."""
    target = url.split("#", 1)[0]
    tails = []
    for source in sources:
        for candidate in _references(source.text):
            if urljoin(base_url, candidate).split("#", 1)[0] in (target, url):
                return source.path, _line_of(root / source.path, candidate)
            if target.endswith("/" + candidate.lstrip("./")):
                tails.append((source.path, candidate))
    return (tails[0][0], _line_of(root / tails[0][0], tails[0][1])) if tails else ("", 0)


def _references(text: str) -> Iterator[str]:
    for match in _REFERENCE.finditer(text):
        ref = html.unescape(next(g for g in match.groups() if g is not None)).strip()
        for candidate in ref.split(",") if "srcset" in match.group(0).lower() else [ref]:
            candidate = candidate.strip().split(" ")[0]
            if candidate:
                yield candidate


def _line_of(file: Path, needle: str) -> int:
    try:
        lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return 1
    return next((n for n, line in enumerate(lines, 1) if needle in html.unescape(line)), 1)


def _data(url: str) -> URLFetcherResponse:
    head, _, payload = url[5:].partition(",")
    kind = head.split(";")[0].strip().lower()
    if kind not in DATA_TYPES:
        raise Refused(f"an inline 'data:' resource of type '{kind or 'text/plain'}' (only small "
                      f"{', '.join(DATA_TYPES)} images are allowed)")
    if len(payload) > DATA_LIMIT * 4 // 3 + 4:
        raise Refused(f"an inline image larger than {DATA_LIMIT // 1024} KB")
    try:
        body = base64.b64decode(payload, validate=True) if head.endswith(";base64") else unquote_to_bytes(payload)
    except ValueError:
        raise Refused("an inline image that is not valid base64") from None
    return URLFetcherResponse(url, body, {"Content-Type": kind})


def _short(url: str) -> str:
    return url if len(url) <= 120 else url[:117] + "..."
