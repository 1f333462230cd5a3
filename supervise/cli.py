"""The ``supervise`` command: start the app, check content, print prompts, list sessions."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from supervise import __version__
from supervise.content import ContentError, LibraryLoader

if TYPE_CHECKING:
    from supervise.content import Library


def sessions_dir(option: str | None) -> Path:
    """The sessions folder: --sessions-dir, else SUPERVISE_SESSIONS_DIR, else ./sessions if
    there is one, else the per-user data folder."""
    from supervise.store.places import find_sessions_place

    return find_sessions_place(option).folder


def _common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    # Sub-commands accept the same options; SUPPRESS keeps their absence from hiding the
    # value given before the sub-command name.
    default: Any = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--content",
        action="append",
        type=Path,
        metavar="DIR",
        default=[] if top else argparse.SUPPRESS,
        help="also load frameworks and models from DIR (repeatable; also $SUPERVISE_CONTENT)",
    )
    parser.add_argument(
        "--sessions-dir",
        type=str,
        metavar="DIR",
        default=default,
        help="where session files live (default: $SUPERVISE_SESSIONS_DIR, else ./sessions if "
        "there is one, else your own data folder; see 'supervise where')",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every sub-command."""
    parser = argparse.ArgumentParser(
        prog="supervise",
        description="Guided reflective supervision. With no command, starts the app.",
    )
    parser.add_argument("--version", action="version", version=f"supervise {__version__}")
    _common(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    content = commands.add_parser("content", help="work with competence content")
    content_commands = content.add_subparsers(dest="content_command", metavar="ACTION")
    check = content_commands.add_parser("check", help="validate the content and any given files")
    _common(check, top=False)
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH")

    prompts = commands.add_parser("prompts", help="print the generated reflection prompts")
    _common(prompts, top=False)
    prompts.add_argument("--framework", metavar="ID", help="only this framework")
    prompts.add_argument("--model", metavar="ID", help="reflective model (default: driscoll)")
    prompts.add_argument("--json", action="store_true", help="print JSON")

    listing = commands.add_parser("list", help="list the sessions in the sessions folder")
    _common(listing, top=False)
    listing.add_argument("--json", action="store_true", help="print JSON")

    finding = commands.add_parser(
        "search", help="find words in every session's answers, notes, summaries and actions"
    )
    _common(finding, top=False)
    finding.add_argument("words", nargs="+", metavar="WORD")
    where = commands.add_parser("where", help="say which sessions and cache folders are in use")
    _common(where, top=False)

    from supervise.records.command import add_commands

    add_commands(commands, lambda command: _common(command, top=False))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "content":
            if args.content_command != "check":
                print("usage: supervise content check [PATH ...]", file=sys.stderr)
                return 2
            return _content_check([*args.content, *args.paths])
        if args.command == "prompts":
            library = LibraryLoader(args.content).get()
            return _prompts(library, args.framework, args.model, args.json)
        if args.command == "where":
            from supervise.store.places import where_lines

            print("\n".join(where_lines(args.sessions_dir)))
            return 0
        if args.command == "list":
            return _list(sessions_dir(args.sessions_dir), args.json)
        if args.command == "search":
            return _search(sessions_dir(args.sessions_dir), " ".join(args.words))
        if args.command in ("export", "import"):
            from supervise.content.cache import default_cache_dir
            from supervise.records.command import run

            loader = LibraryLoader(args.content, cache_dir=default_cache_dir())
            return run(args, sessions_dir(args.sessions_dir), loader)
        # The app loads the content itself once its first screen is up, and explains any
        # problem there; `supervise content check` reports the same problems here.
        # A copy of the content in the user's cache folder spares later starts the YAML parser.
        from supervise.content.cache import default_cache_dir

        content = LibraryLoader(args.content, cache_dir=default_cache_dir())
        return _run_app(content, sessions_dir(args.sessions_dir))
    except ContentError as error:
        print("The content could not be loaded:", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        print("Fix the file named above, or run 'supervise content check'.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Whatever read the output stopped early (`supervise prompts | head`): not an error.
        # Python would complain again flushing stdout at exit, so point it at nothing first.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _content_check(paths: list[Path]) -> int:
    from supervise.content import check_content, load_library

    problems = check_content(paths)
    for problem in problems:
        print(problem)
    if problems:
        return 1
    library = load_library(paths)
    items = sum(len(f.items()) for f in library.frameworks.values())
    print(
        f"ok: {len(library.frameworks)} frameworks, {items} items, "
        f"{len(library.models)} reflective models"
    )
    return 0


def _prompts(
    library: Library, framework_id: str | None, model_id: str | None, as_json: bool
) -> int:
    from supervise.prompts import prompts_for_framework

    if framework_id and framework_id not in library.frameworks:
        known = ", ".join(library.frameworks)
        print(f"unknown framework '{framework_id}' (known: {known})", file=sys.stderr)
        return 2
    if model_id and model_id not in library.models:
        known = ", ".join(library.models)
        print(f"unknown model '{model_id}' (known: {known})", file=sys.stderr)
        return 2
    model = library.model(model_id)
    frameworks = [library.frameworks[framework_id]] if framework_id else library.frameworks.values()
    records: list[dict[str, Any]] = []
    titles: dict[tuple[str, str], str] = {}
    for framework in frameworks:
        for item_prompts in prompts_for_framework(framework, model):
            item = item_prompts.item
            titles.update(((item.ref, p.stage), p.stage_title) for p in item_prompts.prompts)
            records.append(
                {
                    "framework": framework.id,
                    "item": item.ref,
                    "kind": item.kind.value,
                    "handle": item_prompts.handle.label,
                    "statement": item.text,
                    "points": [point.text for point in item.points],
                    "prompts": [
                        {"stage": p.stage, "role": p.role.value, "text": p.text}
                        for p in item_prompts.prompts
                    ],
                }
            )
    if as_json:
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print(f"Reflective model: {model.title}\n")
    for record in records:
        print(f"{record['item']} · {record['handle']}  ({record['kind']})")
        print(f"  {record['statement']}")
        for point in record["points"]:
            print(f"    - {point}")
        for prompt in record["prompts"]:
            who = "Practitioner" if prompt["role"] == "practitioner" else "Supervisor  "
            if prompt["role"] == "practitioner":
                print(f"  {titles[(record['item'], prompt['stage'])]}")
            print(f"    {who}  {prompt['text']}")
        print()
    return 0


def _list(folder: Path, as_json: bool) -> int:
    from supervise.store import StoreError, list_sessions

    try:
        summaries = list_sessions(folder) if folder.exists() else []
    except StoreError as error:
        print(error, file=sys.stderr)
        return 1
    if as_json:
        from supervise.store.codec import summary_listing

        rows = [summary_listing(s) for s in summaries]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if not summaries:
        print(f"No sessions in {folder} yet. Run 'supervise' to start one.")
    for s in summaries:
        people = s.practitioner + (f" with {s.supervisor}" if s.supervisor else "")
        print(f"{s.date}  {s.id}  {s.mode:<15} {s.status:<11} {s.answered}/{s.total}  {people}")
    return 0


def _search(folder: Path, words: str) -> int:
    from supervise.store.search import excerpt, places, segments
    from supervise.visible import visible

    # Reverse video on a terminal; plain words when the output goes to a file or a pipe.
    on, off = ("\x1b[7m", "\x1b[0m") if sys.stdout.isatty() else ("", "")
    shown = None
    sessions = found = 0
    # Printed as found, newest first: the first places show at once however large the store.
    for hit in places(folder, words):
        found += 1
        if hit.path != shown:
            shown = hit.path
            sessions += 1
            print(f"{hit.date}  {hit.session_id}  {visible(hit.people)}  ({hit.status})")
        line, spans = excerpt(hit.line, hit.spans)
        marked = "".join(
            f"{on}{visible(piece)}{off}" if match else visible(piece)
            for piece, match in segments(line, spans)
        )
        print(f"  {hit.where}: {marked}")
    if not found:
        print(f"No session in {folder} holds all of: {visible(words)}")
        return 1
    plural = "s" if found != 1 else ""
    print(f"{found} place{plural} in {sessions} session{'s' if sessions != 1 else ''}")
    return 0


def _run_app(content: LibraryLoader, folder: Path) -> int:
    # Imported here so the non-interactive commands never pay for loading Textual.
    from supervise.app import run

    return run(content, folder)
