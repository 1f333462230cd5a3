"""``supervise export`` and ``supervise import``: the record on file from the command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from supervise.content import LibraryLoader
from supervise.records.export import Format, export_session, write_record
from supervise.store import StoreError
from supervise.visible import json_visible, visible


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``export`` and ``import`` to the command line; ``common`` adds the shared options."""
    export = commands.add_parser(
        "export", help="write a session's record as Markdown, HTML or a JSON bundle"
    )
    common(export)
    export.add_argument("session", metavar="SESSION", help="an id, the start of one, or a file")
    export.add_argument(
        "--format",
        choices=[f.value for f in Format],
        help="md, html or json (default: from -o's ending, else md)",
    )
    export.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE")
    export.add_argument(
        "--encrypt-export",
        action="store_true",
        help="seal the JSON bundle with a passphrase (asked for); 'supervise import' opens it",
    )
    imported = commands.add_parser("import", help="add a session from a JSON bundle")
    common(imported)
    imported.add_argument("file", type=Path, metavar="FILE", help="a bundle made by export")


def run(args: argparse.Namespace, folder: Path, content: LibraryLoader) -> int:
    """Run ``export`` or ``import`` against the sessions ``folder``; the exit code."""
    try:
        if args.command == "import":
            from supervise.records.handover import import_file
            from supervise.records.sealed_cli import open_if_sealed

            # Ids come from the file imported: shown, never obeyed.
            print(visible(import_file(folder, args.file, opener=open_if_sealed).message()))
            return 0
        return _export(args, folder, content)
    except StoreError as error:
        print(visible(str(error)), file=sys.stderr)
        return 1


def _format(args: argparse.Namespace) -> Format:
    if args.format:
        return Format(args.format)
    name = args.output.name if args.output else ""
    for format in Format:
        if name.endswith(f".{format.value}"):
            return format
    return Format.MARKDOWN


def _export(args: argparse.Namespace, folder: Path, content: LibraryLoader) -> int:
    from supervise.records.lookup import resolve_session
    from supervise.records.sealed_cli import seal_or_warn

    path = resolve_session(folder, args.session)
    format = _format(args)
    raw = seal_or_warn(folder, export_session(path, format, content.get()), format, args)
    if raw is None:
        return 1
    if args.output is None:
        if format is Format.JSON and not getattr(args, "encrypt_export", False):
            # Markdown and HTML show control characters as pictures; JSON keeps them, escaped.
            raw = json_visible(raw.decode("utf-8")).encode("utf-8")
        sys.stdout.buffer.write(raw)
        sys.stdout.flush()
    else:
        try:
            target = write_record(args.output, raw)
        except OSError as exc:
            print(f"{args.output} could not be written ({exc.strerror or exc}).", file=sys.stderr)
            return 1
        print(f"Wrote {target}", file=sys.stderr)
    _warn_of_identifiers(path, content)
    return 0


def _warn_of_identifiers(path: Path, content: LibraryLoader) -> None:
    """Say on standard error which likely identifiers the record still holds, and where."""
    from supervise.records.identifiers import remaining_in_session, report

    said = report(remaining_in_session(path, content.get()))
    if said:
        print(said, file=sys.stderr)
