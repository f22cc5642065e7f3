"""The command line behind build.py: check, site, serve, new, docs, translations."""
from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from . import editor_docs, scaffold, translation_commands
from .problems import ContentError, format_problems

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build.py", description="Build and check Space Hacks.")
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository folder (default: this one)")
    sub = parser.add_subparsers(dest="command")
    p_check = sub.add_parser("check", help="check every hack, quote and page; build nothing")
    p_check.add_argument("--format", choices=["text", "github"], default="text",
                         help="'github' prints GitHub Actions annotations")
    p_site = sub.add_parser("site", help="check, then build the whole publication into site/")
    p_site.add_argument("--out", type=Path, help="where to build (default: site/ in the repository)")
    p_serve = sub.add_parser("serve", help="live preview on 127.0.0.1")
    p_serve.add_argument("--port", type=int, default=8000)
    scaffold.add_commands(sub)
    editor_docs.add_commands(sub)
    translation_commands.add_commands(sub)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for noisy in ("mkdocs", "MARKDOWN", "weasyprint"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # fontTools warns about the shipped fonts' old timestamps on every subset: not the editor's concern.
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    command = args.command or "site"
    try:
        if command == "check":
            return _check(args.root, args.format)
        if command == "site":
            return _site(args.root, args.out)
        if command == "serve":
            return _serve(args.root, args.port)
        if command == "new":
            return scaffold.run(args)
        if command == "docs":
            return editor_docs.run(args)
        if command == "translations":
            return translation_commands.run(args)
    except ContentError as exc:
        fmt = getattr(args, "format", "text")
        # The Actions runner reads workflow commands from standard output only.
        print(format_problems(exc.problems, fmt), file=sys.stdout if fmt == "github" else sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 2


def _check(root: Path, fmt: str) -> int:
    from .publish import check
    start = time.perf_counter()
    pub = check(root)
    if pub.warnings:
        print(format_problems(pub.warnings, fmt))
    if fmt == "text":
        also = f" ({len(pub.warnings)} warning{'s' if len(pub.warnings) != 1 else ''} above)" if pub.warnings else ""
        print(f"All good{also}: {len(pub.hacks)} hacks, {len(pub.quotes)} quotes, {len(pub.pages)} pages "
              f"checked in {time.perf_counter() - start:.2f} s.")
    return 0


def _site(root: Path, out: Path | None) -> int:
    from mkdocs.exceptions import MkDocsException
    from .publish import publish
    start = time.perf_counter()
    try:
        site = publish(root, out)
    except MkDocsException as exc:
        print(f"The site could not be built: {exc}\nThe previous site/ was left as it was.", file=sys.stderr)
        return 1
    print(f"Done in {time.perf_counter() - start:.1f} s: the publication is in {site}.")
    return 0


def _serve(root: Path, port: int) -> int:
    from mkdocs.commands.serve import serve
    from .publish import check
    check(root)  # fail early and plainly rather than inside the server
    serve(str(root / "mkdocs.yml"), dev_addr=f"127.0.0.1:{port}", livereload=True)
    return 0
