"""What ``supervise recover`` prints: the copies of changes a disk refused, and what restoring
them into their sessions did."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from supervise.records.change_words import indented, is_bookkeeping, place, preview, words
from supervise.store.changes import Change
from supervise.store.unsaved import (
    Copy,
    CopyUnreadable,
    Outcome,
    Restored,
    Verdict,
    read_copies,
    restore,
    unsaved_folder,
)
from supervise.visible import visible

_HEADINGS = {
    Outcome.RESTORED: "restored",
    Outcome.ALREADY: "already there",
    Outcome.SKIPPED: "not restored",
    Outcome.CONFLICT: "CONFLICT",
}
"""How each outcome of a change is told."""


def run(args: argparse.Namespace, folder: Path) -> int:
    """Run ``recover`` for the (unlocked) sessions ``folder``; the exit code: 1 if a copy is
    left that could not be read or restored whole, else 0."""
    found = read_copies(folder)
    if not found:
        print(f"No copies of unsaved changes for {folder}: there is nothing to recover.")
        return 0
    print(visible(f"Copies of changes that could not be saved, in {unsaved_folder(folder)}:"))
    left = 0
    for copy in found:
        print()
        if isinstance(copy, CopyUnreadable):
            print(visible(str(copy)))
            left += 1
        elif args.restore:
            left += not _told(restore(copy, folder))
        else:
            _show(copy, full=args.full)
    print()
    if not args.restore:
        print(
            "Run 'supervise recover --restore' to put them back into their sessions: words typed "
            "there since are never overwritten."
        )
    elif left:
        print(f"{left} {'copy is' if left == 1 else 'copies are'} kept; see above for why.")
    return 1 if left else 0


def _heading(copy: Copy) -> str:
    when = copy.written[:16].replace("T", " ")
    count = len(copy.changes)
    session = copy.session.removesuffix(".json")
    return visible(
        f"{copy.path.name}: session {session}, kept {when}, {count} change{'s' * (count != 1)}"
    )


def _show(copy: Copy, *, full: bool) -> None:
    print(_heading(copy))
    margin = " " * 6
    for change in copy.changes:
        if is_bookkeeping(change):
            continue
        text = words(change)
        shown = (indented(text, margin) if full else preview(text)) if text else ""
        print(visible(f"  {place(change)}") + (f": {shown}" if shown else ""))
    _say_bookkeeping(copy.changes)


def _say_bookkeeping(changes: Sequence[Change]) -> None:
    kept = sum(1 for change in changes if is_bookkeeping(change))
    if kept:
        print(f"  and {kept} note{'s' * (kept != 1)} of where you were and time spent")


def _told(done: Restored) -> bool:
    """Tell what restoring one copy did; True if the copy is gone (all in its session)."""
    print(_heading(done.copy))
    for verdict in done.verdicts:
        if not is_bookkeeping(verdict.change):
            _tell(verdict)
    if done.problem:
        print(visible(f"  Not restored: {done.problem}"))
        print(visible(f"  The copy is kept: {done.copy.path}"))
    elif done.removed:
        print("  Everything in it is in the session now; the copy has been removed.")
    else:
        print(
            visible(
                f"  The copy is kept: {done.copy.path}. Put the words you want into the session "
                "in supervise, then delete the copy."
            )
        )
    return done.removed


def _tell(verdict: Verdict) -> None:
    heading = f"  {_HEADINGS[verdict.outcome]}: {place(verdict.change)}"
    if verdict.why:
        heading += f" ({verdict.why})"
    elif verdict.outcome is Outcome.CONFLICT:
        heading += " (the session holds other words there now)"
    print(visible(heading))
    if verdict.outcome is Outcome.CONFLICT:
        margin = " " * 20
        held = words(verdict.now) if verdict.now else "(nothing: it is no longer there)"
        print(f"    in the session: {indented(held, margin)}")
        print(f"    in the copy:    {indented(words(verdict.change), margin)}")
