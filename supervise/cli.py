"""The ``supervise`` command: start the app, check content, print prompts, list sessions."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from supervise import __version__

# argparse, json, pathlib and the content are imported where they are used: a plain
# `supervise search` needs none of them, and they cost more than the search (see benchmarks/).
if TYPE_CHECKING:
    import argparse
    from pathlib import Path

    from supervise.content import Library, LibraryLoader


def sessions_dir(option: str | None, *, check: bool = True) -> Path:
    """The sessions folder: --sessions-dir, else SUPERVISE_SESSIONS_DIR, else ./sessions if
    there is one, else the per-user data folder; made private, or refused (FolderUnsafe) if it
    is not the user's alone, unless ``check`` is False (the app checks it on its first screen)."""
    from supervise.store.folder import open_sessions_folder
    from supervise.store.places import find_sessions_place

    folder = find_sessions_place(option).folder
    return open_sessions_folder(folder) if check else folder


def _common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    import argparse
    from pathlib import Path

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
    import argparse
    from pathlib import Path

    parser = argparse.ArgumentParser(
        prog="supervise",
        description="Guided reflective supervision. With no command, starts the app.",
    )
    parser.add_argument("--version", action="version", version=f"supervise {__version__}")
    _common(parser, top=True)
    parser.add_argument(
        "--encrypt",
        action="store_true",
        help="protect the sessions folder with a passphrase (asked for) before starting",
    )
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
    listing.add_argument(
        "--archived", action="store_true", help="also list archived sessions (hidden by default)"
    )

    finding = commands.add_parser(
        "search", help="find words in every session's answers, notes, summaries and actions"
    )
    _common(finding, top=False)
    finding.add_argument("words", nargs="+", metavar="WORD")
    where = commands.add_parser("where", help="say which sessions and cache folders are in use")
    _common(where, top=False)
    passphrase = commands.add_parser(
        "passphrase", help="change the passphrase of an encrypted sessions folder"
    )
    _common(passphrase, top=False)

    from supervise.records.command import add_commands

    add_commands(commands, lambda command: _common(command, top=False))
    from supervise.records.recover_cli import add_command as add_recover

    add_recover(commands, lambda command: _common(command, top=False))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    try:
        return _run(argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Whatever read the output stopped early (`supervise prompts | head`): not an error.
        # Python would complain again flushing stdout at exit, so point it at nothing first.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _run(argv: Sequence[str] | None) -> int:
    from supervise.store.errors import StoreError

    plain = _plain_search(sys.argv[1:] if argv is None else list(argv))
    if plain is not None:
        option, words = plain
        from pathlib import Path

        from supervise.store.folder import open_sessions_folder

        try:
            # A folder named outright needs no search for the default one (places.py and
            # platformdirs cost more than the search itself: see benchmarks/).
            named = Path(os.path.expanduser(option)) if option else None
            searched = str(open_sessions_folder(named) if named else sessions_dir(None))
        except StoreError as error:
            print(error, file=sys.stderr)
            return 1
        from supervise.store.keys import is_encrypted

        # An encrypted folder is unlocked first, below, like every command that reads it.
        if not is_encrypted(Path(searched)):
            return _search(searched, " ".join(words))
    from supervise.content import ContentError, LibraryLoader

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
        from supervise.records import passphrase as unlocking

        if args.command == "passphrase":
            return unlocking.change(sessions_dir(args.sessions_dir))
        reads = ("list", "search", "export", "import", "recover")
        if args.command in reads and not unlocking.unlock(sessions_dir(args.sessions_dir)):
            return 1
        if args.command == "list":
            return _list(sessions_dir(args.sessions_dir), args.json, args.archived)
        if args.command == "search":
            return _search(sessions_dir(args.sessions_dir), " ".join(args.words))
        if args.command == "recover":
            from supervise.records.recover_cli import run as recover

            return recover(args, sessions_dir(args.sessions_dir))
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
        # The app checks the folder on its first screen; --encrypt checks it before sealing.
        folder = sessions_dir(args.sessions_dir, check=False)
        if args.encrypt and not unlocking.encrypt(sessions_dir(args.sessions_dir)):
            return 1
        return _run_app(content, folder, offer_protection=unlocking.first_run(folder))
    except StoreError as error:
        from supervise.visible import visible

        print(visible(str(error)), file=sys.stderr)
        return 1
    except ContentError as error:
        print("The content could not be loaded:", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        print("Fix the file named above, or run 'supervise content check'.", file=sys.stderr)
        return 1


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
    import json

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


def _list(folder: Path, as_json: bool, with_archived: bool = False) -> int:
    import json

    from supervise.store import StoreError, list_sessions
    from supervise.store.tidy import archived
    from supervise.visible import json_visible, visible

    try:
        every = list_sessions(folder) if folder.exists() else []
    except StoreError as error:
        print(visible(str(error)), file=sys.stderr)
        return 1
    # Archived sessions are hidden, as on the home screen, unless asked for.
    hidden = archived(folder) if every else frozenset()
    summaries = [s for s in every if with_archived or s.file not in hidden]
    if as_json:
        from supervise.store.codec import summary_listing

        rows = [{**summary_listing(s), "archived": s.file in hidden} for s in summaries]
        print(json_visible(json.dumps(rows, ensure_ascii=False, indent=2)))
        return 0
    if not every:
        print(f"No sessions in {folder} yet. Run 'supervise' to start one.")
    from supervise.store.catalog import UNREADABLE
    from supervise.visible import visible

    for s in summaries:
        if s.status == UNREADABLE:
            # Its name and the reason may hold anything the file did: drawn, never obeyed.
            print(visible(f"{s.date or '?':<10}  {s.id}  damaged: {s.path}: {s.problem}"))
            continue
        people = s.practitioner + (f" with {s.supervisor}" if s.supervisor else "")
        mark = "  (archived)" if s.file in hidden else ""
        line = (
            f"{s.date}  {s.id}  {s.mode:<15} {s.status:<11} {s.answered}/{s.total}  {people}{mark}"
        )
        # Names (and ids, from file names) are shown, never obeyed: an escape prints as ␛.
        print(visible(line))
    damaged = sum(1 for s in summaries if s.status == UNREADABLE)
    if damaged:
        files = "file cannot be opened and is" if damaged == 1 else "files cannot be opened and are"
        print(
            f"{damaged} damaged {files} left untouched; in supervise, q on one moves it to "
            "quarantine/."
        )
    left_out = len(every) - len(summaries)
    if left_out:
        plural = "s are" if left_out != 1 else " is"
        print(f"{left_out} archived session{plural} not listed: 'list --archived' lists them.")
    return 0


def _plain_search(argv: list[str]) -> tuple[str | None, list[str]] | None:
    """For ``search WORD... [--sessions-dir DIR]`` and nothing more, the folder named (or None)
    and the words; None for anything else, which argparse reads (and explains if it is wrong)."""
    option = None
    rest = []
    at = 0
    while at < len(argv):
        arg = argv[at]
        if arg == "--sessions-dir" and at + 1 < len(argv):
            option, at = argv[at + 1], at + 2
            continue
        if arg.startswith("--sessions-dir="):
            option = arg.partition("=")[2]
        elif arg.startswith("-"):
            return None
        else:
            rest.append(arg)
        at += 1
    if len(rest) < 2 or rest[0] != "search":
        return None
    return option, rest[1:]


def _search(folder: str | Path, words: str) -> int:
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


def _run_app(content: LibraryLoader, folder: Path, *, offer_protection: bool = False) -> int:
    # Imported here so the non-interactive commands never pay for loading Textual.
    from supervise.app import run

    return run(content, folder, offer_protection=offer_protection)
