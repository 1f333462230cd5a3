"""Encrypting a sessions folder and changing its passphrase, each safe against a crash midway.

Both follow one plan: first the key file is written so that every key old or new opens with
every passphrase that could be typed; then each file is sealed again, one atomic replace at a
time; last the key file drops what is no longer needed. A crash at any point leaves every file
readable, and unlocking afterwards says what was under way so it can be finished (``finish``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from supervise.store import keys
from supervise.store.errors import StoreError, StoreUnwritable
from supervise.store.files import fsync_dir, replace_atomic
from supervise.store.folder import is_session_file_name, sessions_folder
from supervise.store.keyfile import KeyFile, Slot
from supervise.store.keys import Pending, Unlocked
from supervise.store.seal import DEFAULT_COST, SALT_SIZE, Cost, derive, new_key, wrap

Progress = Callable[[int, int], None]
"""Told (files done, files in all) after each file is sealed again."""

MIN_PASSPHRASE = 8
"""The shortest passphrase accepted: scrypt slows guessing, it cannot save a short one."""


def check_new_passphrase(passphrase: str, again: str) -> str:
    """Why ``passphrase`` cannot be used ("" if it can), with its confirmation ``again``."""
    if len(passphrase) < MIN_PASSPHRASE:
        return f"Use at least {MIN_PASSPHRASE} characters (a few words are easy to remember)."
    if passphrase != again:
        return "The two passphrases are not the same; type them again."
    return ""


@dataclass(frozen=True)
class Resealed:
    """What sealing the files again did."""

    done: int
    """Files sealed with the key now in force."""
    skipped: tuple[Path, ...]
    """Files that could not be read (damaged, or from elsewhere), left as they were."""


def _write_key_file(folder: Path, found: KeyFile) -> None:
    try:
        replace_atomic(keys.key_file(folder), found.to_bytes())
        fsync_dir(folder)
    except OSError as exc:
        raise StoreUnwritable(folder, exc.strerror or str(exc)) from exc


def _slot(
    kek: bytes, store: bytes, cost: Cost, salt: bytes, write: bytes, data: dict[bytes, bytes]
) -> Slot:
    return Slot(cost, salt, write, {i: wrap(kek, store, i, k) for i, k in data.items()})


NOT_STORE_FILES = frozenset({"README.md", ".gitkeep"})
"""Files a sessions folder may hold that the store never wrote (a fresh clone's sessions/ has a
README): left as they are, never sealed."""


def store_files(folder: Path) -> Iterator[Path]:
    """Every file of the store with user data: sessions, the index and lists in the folder,
    files in its subfolders (trash), and copies of unsaved changes beside it."""
    places = [folder]
    with os.scandir(folder) as entries:
        places += [Path(e.path) for e in entries if e.is_dir(follow_symlinks=False)]
    unsaved = folder.with_name(folder.name + keys.UNSAVED_SUFFIX)
    if unsaved.is_dir():
        places.append(unsaved)
    for place in places:
        with os.scandir(place) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                name = entry.name
                if name == keys.KEY_FILE or name.endswith(".lock") or ".tmp-" in name:
                    continue
                if place == folder and name in NOT_STORE_FILES:
                    continue
                if entry.is_file(follow_symlinks=False):
                    yield Path(entry.path)


def _stale_temps(folder: Path) -> Iterator[Path]:
    with os.scandir(folder) as entries:
        yield from (Path(e.path) for e in entries if ".tmp-" in e.name)


def _reseal_all(folder: Path, entry: Unlocked, progress: Progress | None) -> Resealed:
    """Seal every file of ``folder`` with ``entry.write``, each all or nothing."""
    from supervise.store.seal import is_sealed, key_id_of

    # Leftovers of a crashed write may be plain (written before the folder was encrypted).
    for temp in _stale_temps(folder):
        temp.unlink(missing_ok=True)
    files = list(store_files(folder))
    skipped = []
    for done, path in enumerate(files, start=1):
        raw = path.read_bytes()
        if not (is_sealed(raw) and key_id_of(raw) == entry.write):
            try:
                plain = keys.plain(path, raw)
            except StoreError:
                skipped.append(path)
                continue
            try:
                replace_atomic(path, plain)
            except OSError as exc:
                raise StoreUnwritable(path.parent, exc.strerror or str(exc)) from exc
        if progress is not None:
            progress(done, len(files))
    fsync_dir(folder)
    return Resealed(len(files) - len(skipped), tuple(skipped))


class _AllLocked:
    """Every session of a folder locked for the change: no window may write one meanwhile."""

    def __init__(self, folder: Path) -> None:
        self._stack = ExitStack()
        from supervise.store.lock import SessionLock

        try:
            with os.scandir(folder) as entries:
                names = sorted(e.name for e in entries if is_session_file_name(e.name))
            for name in names:
                self._stack.enter_context(SessionLock(folder / name))
        except BaseException:
            self._stack.close()
            raise

    def __enter__(self) -> _AllLocked:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stack.close()


def encrypt_folder(
    folder: Path, passphrase: str, *, cost: Cost = DEFAULT_COST, progress: Progress | None = None
) -> Resealed:
    """Protect ``folder`` (made if missing) with ``passphrase`` and seal every file in it;
    SessionLocked if a session is open in a window. Unlocks it for this process."""
    folder = sessions_folder(folder)
    if keys.is_encrypted(folder):
        raise StoreError(f"{folder} is already protected by a passphrase.")
    store = os.urandom(16)
    key_id, key = new_key()
    salt = os.urandom(SALT_SIZE)
    kek = derive(passphrase, salt, cost)
    slot = _slot(kek, store, cost, salt, key_id, {key_id: key})
    with _AllLocked(folder):
        _write_key_file(folder, KeyFile(store, slot, sealing=True))
        entry = Unlocked(folder, store, {key_id: key}, key_id, kek, Pending.SEALING)
        keys.remember(entry)
        result = _reseal_all(folder, entry, progress)
        _write_key_file(folder, KeyFile(store, slot))
        entry.pending = Pending.NONE
        keys.remember(entry)
    return result


def change_passphrase(
    folder: Path,
    new: str,
    *,
    cost: Cost | None = None,
    progress: Progress | None = None,
) -> Resealed:
    """Seal every file of the unlocked ``folder`` with a new key under the passphrase ``new``,
    derived at ``cost`` (by default the folder's own, or the product's if that is higher).

    A crash midway leaves every file readable with the old passphrase and with the new one;
    the next unlock reports it, and ``finish`` completes it for whichever was typed.
    """
    entry = keys.unlocked(folder)
    if entry is None:
        raise keys.FolderLocked(folder)
    if entry.pending is not Pending.NONE:
        raise StoreError(
            "An earlier change to this folder is not finished yet.", "Finish it first."
        )
    found = keys.read_key_file(folder)
    if cost is None:
        cost = max(found.current.cost, DEFAULT_COST, key=lambda c: c.memory_mb)
    new_id, new_data = new_key()
    salt = os.urandom(SALT_SIZE)
    new_kek = derive(new, salt, cost)
    both = {**entry.keys, new_id: new_data}
    old_cost, old_salt = found.current.cost, found.current.salt
    with _AllLocked(Path(folder)):
        # Both passphrases open both keys until every file is sealed with the new one.
        _write_key_file(
            folder,
            KeyFile(
                entry.store,
                _slot(entry.kek, entry.store, old_cost, old_salt, entry.write, both),
                _slot(new_kek, entry.store, cost, salt, new_id, both),
            ),
        )
        entry.keys, entry.write, entry.kek = both, new_id, new_kek
        entry.pending = Pending.CHANGE_UNLOCKED_NEW
        keys.remember(entry)
        result = _reseal_all(Path(folder), entry, progress)
        return _settle(Path(folder), entry, cost, salt, result)


def _settle(folder: Path, entry: Unlocked, cost: Cost, salt: bytes, result: Resealed) -> Resealed:
    """Keep only the key in force, under the passphrase in force."""
    kept = {entry.write: entry.keys[entry.write]}
    slot = _slot(entry.kek, entry.store, cost, salt, entry.write, kept)
    _write_key_file(folder, KeyFile(entry.store, slot))
    entry.keys, entry.pending = kept, Pending.NONE
    keys.remember(entry)
    return result


def finish(folder: Path, *, progress: Progress | None = None) -> tuple[Pending, Resealed]:
    """Finish what a crash interrupted in the unlocked ``folder``: sealing it, or changing its
    passphrase, towards the passphrase that was typed. Returns what was under way."""
    entry = keys.unlocked(folder)
    if entry is None:
        raise keys.FolderLocked(folder)
    pending = entry.pending
    if pending is Pending.NONE:
        return pending, Resealed(0, ())
    found = keys.read_key_file(folder)
    typed = found.next if pending is Pending.CHANGE_UNLOCKED_NEW and found.next else found.current
    with _AllLocked(Path(folder)):
        entry.write = typed.write
        if pending is Pending.SEALING:
            result = _reseal_all(Path(folder), entry, progress)
            _write_key_file(folder, KeyFile(entry.store, found.current))
            entry.pending = Pending.NONE
            keys.remember(entry)
            return pending, result
        result = _reseal_all(Path(folder), entry, progress)
        return pending, _settle(Path(folder), entry, typed.cost, typed.salt, result)


def pending_message(pending: Pending) -> str:
    """What to tell people after ``finish`` dealt with ``pending`` ("" if nothing was)."""
    if pending is Pending.SEALING:
        return (
            "Encrypting this folder was interrupted; it has now been finished, and every "
            "session here is sealed."
        )
    if pending is Pending.CHANGE_UNLOCKED_NEW:
        return (
            "A change of passphrase was interrupted. You typed the new passphrase, so the "
            "change has now been finished: from now on only the new passphrase opens this folder."
        )
    if pending is Pending.CHANGE_UNLOCKED_OLD:
        return (
            "A change of passphrase was interrupted. You typed the old passphrase, so the "
            "change has been undone: the old passphrase still opens this folder."
        )
    return ""
