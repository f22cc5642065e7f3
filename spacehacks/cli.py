"""The command line behind build.py: check, site, serve, new, docs, translations."""
from __future__ import annotations

import argparse
import errno
import logging
import socket
import sys
import time
from pathlib import Path

from . import editor_docs, scaffold, translation_commands
from .problems import BuildError, ContentError, format_problems

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
    for noisy in ("mkdocs", "MARKDOWN", "weasyprint", "pikepdf"):
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
    except BuildError as exc:
        print(f"The build stopped: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 2


def _check(root: Path, fmt: str) -> int:
    from .load import check
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
    except OSError as exc:
        # Unwritable or full target, a name that is a file: the system's own words say which.
        where = exc.filename or out or root / "site"
        print(f"The site could not be written to {where}: {exc.strerror or exc}.\n"
              "The previous site was left as it was; check that the folder is writable.", file=sys.stderr)
        return 1
    print(f"Done in {time.perf_counter() - start:.1f} s: the publication is in {site}.")
    return 0


def _serve(root: Path, port: int) -> int:
    from mkdocs.commands.serve import serve

    from .load import check
    _port_free(port)  # MkDocs binds only after a whole build, and then fails with a traceback
    check(root)  # fail early and plainly rather than inside the server
    try:
        serve(str(root / "mkdocs.yml"), dev_addr=f"127.0.0.1:{port}", livereload=True)
    except OSError as exc:
        raise BuildError(f"the preview could not use port {port}: {exc.strerror or exc}. "
                         "Try another, e.g. --port 8001.") from None
    return 0


def _port_free(port: int) -> None:
    if not 1 <= port <= 65535:
        raise BuildError(f"--port {port} is not a port: use a number from 1 to 65535, e.g. --port 8000.")
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError as exc:
            busy = exc.errno == errno.EADDRINUSE
            why = "already in use (is another preview running?)" if busy else "not usable"
            raise BuildError(f"port {port} is {why}"
                             f": {exc.strerror}. Stop the other program or use another port, e.g. "
                             f"--port {port + 1 if port < 65535 else 8000}.") from None
