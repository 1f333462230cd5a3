"""The command line's side of encryption: asking for a passphrase with getpass (three tries),
``supervise --encrypt`` and ``supervise passphrase``."""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from supervise.store import StoreError, keys
from supervise.store.keys import WrongPassphrase
from supervise.store.rekey import NOT_STORE_FILES

if TYPE_CHECKING:
    from supervise.store.seal import Cost

TRIES = 3
"""How many times a passphrase is asked for before giving up."""

Ask = Callable[[str], str]
"""Asks for a passphrase without echoing it (getpass.getpass, or a stand-in in tests)."""


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def _files(count: int) -> str:
    return f"{count} file{'' if count == 1 else 's'}"


def _progress(done: int, total: int) -> None:
    print(f"\r  sealed {done} of {total} files", end="" if done < total else "\n", file=sys.stderr)


NOT_NOTES = NOT_STORE_FILES | {".index.json", ".archived.json", ".search-index"}
"""Files a sessions folder may hold before anything is typed: a fresh clone's sessions/ has a
README, and listing an empty folder writes an empty index."""


def first_run(folder: Path) -> bool:
    """True if ``folder`` is new or holds no notes yet and is not protected: the app then offers
    a passphrase."""
    try:
        with os.scandir(folder) as entries:
            return not any(entry.name not in NOT_NOTES for entry in entries)
    except FileNotFoundError:
        return True
    except OSError:
        return False


def unlock(folder: Path, ask: Ask | None = None) -> bool:
    """Make sure ``folder`` can be read: nothing to do if it is plain or already unlocked, else
    ask for its passphrase (three tries). False, having said why, if it stays locked."""
    if not keys.needs_unlock(folder):
        return True
    ask = ask or getpass.getpass
    for attempt in range(1, TRIES + 1):
        try:
            passphrase = ask(f"Passphrase for {folder}: ")
        except EOFError:
            _say("No passphrase was given; nothing was read.")
            return False
        try:
            entry = keys.unlock(folder, passphrase)
        except WrongPassphrase as error:
            left = TRIES - attempt
            _say(
                error.message + (f" {left} {'try' if left == 1 else 'tries'} left." if left else "")
            )
            continue
        except StoreError as error:
            _say(str(error))
            return False
        if entry.pending is not keys.Pending.NONE:
            from supervise.store.rekey import finish, pending_message

            pending, _ = finish(folder, progress=_progress)
            _say(pending_message(pending))
        return True
    _say(
        f"Wrong passphrase {TRIES} times: the sessions in {folder} stay locked. "
        "Nothing was changed."
    )
    return False


def ask_new(ask: Ask | None = None, what: str = "New passphrase") -> str | None:
    """A new passphrase typed twice and good enough (see rekey.check_new_passphrase); None if
    the person gives up (three mismatches or an empty line)."""
    from supervise.store.rekey import check_new_passphrase

    ask = ask or getpass.getpass
    for _ in range(TRIES):
        try:
            first = ask(f"{what}: ")
            if not first:
                return None
            again = ask(f"{what}, again: ")
        except EOFError:
            return None
        problem = check_new_passphrase(first, again)
        if not problem:
            return first
        _say(problem)
    return None


def encrypt(folder: Path, ask: Ask | None = None, cost: Cost | None = None) -> bool:
    """``supervise --encrypt``: protect ``folder`` with a new passphrase (or unlock it if it is
    protected already). False, having said why, if it is not done."""
    if keys.is_encrypted(folder):
        _say(f"{folder} is already protected by a passphrase.")
        return unlock(folder, ask)
    _say(
        f"Protecting {folder} with a passphrase. Without it nobody can read these sessions, "
        "you included: there is no way to recover a forgotten one."
    )
    passphrase = ask_new(ask, "Passphrase")
    if passphrase is None:
        _say("Not protected: nothing was changed.")
        return False
    from supervise.store.rekey import encrypt_folder
    from supervise.store.seal import DEFAULT_COST

    try:
        result = encrypt_folder(folder, passphrase, cost=cost or DEFAULT_COST, progress=_progress)
    except StoreError as error:
        _say(str(error))
        return False
    _say(f"{folder} is protected: {_files(result.done)} sealed.")
    return True


def change(folder: Path, ask: Ask | None = None, cost: Cost | None = None) -> int:
    """``supervise passphrase``: seal every file of ``folder`` under a new passphrase."""
    if not keys.is_encrypted(folder):
        _say(f"{folder} is not protected by a passphrase. Start supervise with --encrypt to do so.")
        return 1
    if not unlock(folder, ask):
        return 1
    new = ask_new(ask)
    if new is None:
        _say("The passphrase was not changed.")
        return 1
    from supervise.store.rekey import change_passphrase

    try:
        result = change_passphrase(folder, new, cost=cost, progress=_progress)
    except StoreError as error:
        _say(f"{error} The passphrase was not changed.")
        return 1
    skipped = f" ({len(result.skipped)} damaged files left as they were)" if result.skipped else ""
    _say(f"Passphrase changed: {_files(result.done)} sealed again{skipped}.")
    return 0
