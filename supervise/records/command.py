"""``supervise export`` and ``supervise import``: the record on file from the command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from supervise.content import LibraryLoader
from supervise.records.export import Format, export_session, write_record
from supervise.store import StoreError


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
    imported = commands.add_parser("import", help="add a session from a JSON bundle")
    common(imported)
    imported.add_argument("file", type=Path, metavar="FILE", help="a bundle made by export")


def run(args: argparse.Namespace, folder: Path, content: LibraryLoader) -> int:
    """Run ``export`` or ``import`` against the sessions ``folder``; the exit code."""
    try:
        if args.command == "import":
            from supervise.records.handover import import_file

            print(import_file(folder, args.file).message())
            return 0
        return _export(args, folder, content)
    except StoreError as error:
        print(error, file=sys.stderr)
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

    path = resolve_session(folder, args.session)
    raw = export_session(path, _format(args), content.get())
    if args.output is None:
        sys.stdout.buffer.write(raw)
        sys.stdout.flush()
        _warn_of_identifiers(path, content)
        return 0
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

    try:
        said = report(remaining_in_session(path, content.get()))
    except StoreError as error:
        said = f"Exported, but not checked for identifiers (read it before sharing): {error}"
    if said:
        print(said, file=sys.stderr)
