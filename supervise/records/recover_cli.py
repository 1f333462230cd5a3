"""``supervise recover`` on the command line: its options, read without loading the store (every
command builds the whole parser)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path


def add_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``recover`` to the command line; ``common`` adds the shared options."""
    recover = commands.add_parser(
        "recover",
        help="list the copies of changes that could not be saved, and restore them",
        description="With no option, lists the copies kept when a save failed and shows the "
        "start of the words in each. --restore puts them back into their sessions, never over "
        "words typed there since.",
    )
    common(recover)
    recover.add_argument(
        "--restore",
        action="store_true",
        help="put the changes back into their sessions; where a session holds other words now, "
        "both are shown and the copy is kept",
    )
    recover.add_argument(
        "--full", action="store_true", help="show every word of each copy, not the first few"
    )


def run(args: argparse.Namespace, folder: Path) -> int:
    """Run ``recover`` for the (unlocked) sessions ``folder``; the exit code."""
    from supervise.records.recover import run as recover

    return recover(args, folder)
