"""Which folders are encrypted, their unlocked keys, and the one byte-level pair every store
file goes through: ``read_bytes``/``plain`` to read, ``for_disk`` to write.

A folder is encrypted when it holds a key file (KEY_FILE); its files are then sealed (see
``seal``) and cannot be read or written until ``unlock`` has been given its passphrase, once
per process. A folder without a key file is read and written as plain bytes, by the same code.
"""

from __future__ import annotations

import enum
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from supervise.store.errors import SessionUnreadable, StoreError, StoreUnwritable
from supervise.store.keyfile import KeyFile, Slot

if TYPE_CHECKING:
    from supervise.store.seal import Broken

KEY_FILE = ".seal.json"
"""The key file of an encrypted sessions folder: scrypt's parameters and salt, and the data
keys sealed under the passphrase. No names and no notes, so it is kept in the clear."""
UNSAVED_SUFFIX = "-unsaved"
"""The folder beside the sessions folder that copies of unsaved changes go to (see door)."""
_MAGIC = b"SVSEAL1\n"
"""seal.MAGIC, repeated so that plain folders never load the cipher library."""
_STAMPED = re.compile(r"\d{8}T\d{6}-")
"""The time the trash puts in front of a deleted session's name (see tidy)."""


class FolderLocked(StoreError):
    """The folder is encrypted and this process has not been given its passphrase."""

    def __init__(self, folder: Path) -> None:
        super().__init__(
            f"The sessions folder {folder} is protected by a passphrase and has not been unlocked.",
            "Start supervise and type the passphrase when asked.",
        )
        self.folder = folder
        """The encrypted folder."""


class WrongPassphrase(StoreError):
    """The passphrase typed does not open the folder (never taken for damage: see seal.unwrap)."""

    def __init__(self, folder: Path) -> None:
        super().__init__(
            f"That passphrase does not open {folder}.",
            "Check Caps Lock and the keyboard layout, then try again. Nothing was changed.",
        )
        self.folder = folder
        """The encrypted folder."""


class KeyFileDamaged(StoreError):
    """The key file cannot be read, so no passphrase can open the folder."""

    def __init__(self, folder: Path, detail: str) -> None:
        super().__init__(
            f"The key file {KEY_FILE} in {folder} is damaged ({detail}), so the sessions there "
            "cannot be unlocked.",
            "Nothing was changed. Restore that file from a backup of the folder.",
        )
        self.folder = folder
        """The encrypted folder."""


class KeyChanged(StoreUnwritable):
    """Another window changed the folder's passphrase: this one's key no longer seals."""

    def __init__(self, folder: Path) -> None:
        StoreError.__init__(
            self,
            f"The passphrase of {folder} was changed in another window, so this window can no "
            "longer save there.",
            "Your words are still in this window. Quit, start supervise again and type the new "
            "passphrase.",
        )
        self.path = folder
        self.detail = "key changed"


class SealBroken(SessionUnreadable):
    """A sealed file that does not open with the folder's keys, and why."""

    def __init__(self, path: Path, why: Broken) -> None:
        super().__init__(path, why.value)
        StoreError.__init__(
            self,
            f"The file {path.name} could not be opened: {why.value}.",
            "It has been left untouched. Your other sessions are not affected.",
        )
        self.why = why
        """Which kind of failure."""


class Pending(enum.Enum):
    """Work a crash interrupted, found when the folder is unlocked (see ``rekey``)."""

    NONE = "none"
    SEALING = "sealing"
    """The folder was being encrypted: some files may still be plain."""
    CHANGE_UNLOCKED_OLD = "old"
    """A passphrase change was under way; the old passphrase was typed."""
    CHANGE_UNLOCKED_NEW = "new"
    """A passphrase change was under way; the new passphrase was typed."""


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return info.st_mtime_ns, info.st_ino, info.st_size


@dataclass
class Unlocked:
    """An encrypted folder this process has the keys of."""

    folder: Path
    store: bytes
    keys: dict[bytes, bytes]
    """Every data key the typed passphrase opened, by id."""
    write: bytes
    """The id of the key new writes are sealed with."""
    kek: bytes
    """The key derived from the typed passphrase (to wrap new data keys under it)."""
    pending: Pending = Pending.NONE
    stamp: tuple[int, int, int] | None = field(default=None)
    """The key file as last seen: a change by another process is noticed before a write."""


_unlocked: dict[str, Unlocked] = {}


def _registry_key(folder: Path) -> str:
    return os.path.normcase(os.path.abspath(folder))


def key_file(folder: Path) -> Path:
    """The key file of ``folder`` (it may not exist)."""
    return Path(folder) / KEY_FILE


def is_encrypted(folder: Path) -> bool:
    """True if ``folder`` has a key file."""
    return key_file(folder).is_file()


def read_key_file(folder: Path) -> KeyFile:
    """The key file of ``folder``; KeyFileDamaged if it cannot be read."""
    try:
        return KeyFile.from_bytes(key_file(folder).read_bytes())
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise KeyFileDamaged(Path(folder), str(exc) or type(exc).__name__) from exc


def unlocked(folder: Path) -> Unlocked | None:
    """The keys of ``folder`` if this process has unlocked it."""
    found = _unlocked.get(_registry_key(folder))
    if found is None:
        found = _unlocked.get(_registry_key(Path(os.path.realpath(folder))))
    return found


def needs_unlock(folder: Path) -> bool:
    """True if ``folder`` is encrypted and this process has not been given its passphrase."""
    return is_encrypted(folder) and unlocked(folder) is None


def remember(entry: Unlocked) -> None:
    """Hold ``entry``'s keys for the rest of this process (see ``forget``)."""
    entry.stamp = _stamp(key_file(entry.folder))
    _unlocked[_registry_key(entry.folder)] = entry
    _unlocked[_registry_key(Path(os.path.realpath(entry.folder)))] = entry


def forget(folder: Path | None = None) -> None:
    """Drop the keys of ``folder`` (of every folder if None): it must be unlocked again."""
    if folder is None:
        _unlocked.clear()
        return
    for key in {_registry_key(folder), _registry_key(Path(os.path.realpath(folder)))}:
        _unlocked.pop(key, None)


def _open_slot(store: bytes, slot: Slot, passphrase: str) -> tuple[bytes, dict[bytes, bytes]]:
    from supervise.store.seal import derive, unwrap

    kek = derive(passphrase, slot.salt, slot.cost)
    keys: dict[bytes, bytes] = {}
    for key_id, wrapped in slot.wrapped.items():
        key = unwrap(kek, store, key_id, wrapped)
        if key is None:
            return kek, {}
        keys[key_id] = key
    return kek, keys


def unlock(folder: Path, passphrase: str) -> Unlocked:
    """Unlock ``folder`` with ``passphrase`` for this process; WrongPassphrase if it does not
    open it, KeyFileDamaged if the key file is unreadable. ``pending`` says what a crash left."""
    folder = Path(folder)
    found = read_key_file(folder)
    slots = [(found.current, Pending.CHANGE_UNLOCKED_OLD)]
    if found.next is not None:
        slots.append((found.next, Pending.CHANGE_UNLOCKED_NEW))
    for slot, during_change in slots:
        kek, keys = _open_slot(found.store, slot, passphrase)
        if keys:
            pending = during_change if found.next is not None else Pending.NONE
            if found.sealing:
                pending = Pending.SEALING
            entry = Unlocked(folder, found.store, keys, slot.write, kek, pending)
            remember(entry)
            return entry
    raise WrongPassphrase(folder)


def _place(path: Path) -> tuple[Path, str] | None:
    """The encrypted folder ``path`` belongs to and the name it is bound to there; None if
    ``path`` is not in an encrypted folder (or is the key file itself)."""
    # Text, not Path objects: every file the list of sessions reads asks this.
    parent, name = os.path.split(os.fspath(path))
    if os.path.isfile(os.path.join(parent, KEY_FILE)):
        return None if name == KEY_FILE else (Path(parent), name)
    grand, parent_name = os.path.split(parent)
    if os.path.isfile(os.path.join(grand, KEY_FILE)):
        # trash/ (and any folder the store moves files into): bound to the session's own name,
        # so a deleted session can be moved back out by hand and still open.
        return Path(grand), _STAMPED.sub("", name, count=1)
    if parent_name.endswith(UNSAVED_SUFFIX):
        home = os.path.join(grand, parent_name[: -len(UNSAVED_SUFFIX)])
        if os.path.isfile(os.path.join(home, KEY_FILE)):
            return Path(home), f"{UNSAVED_SUFFIX}/{name}"
    return None


def _keys_for(root: Path) -> Unlocked:
    entry = unlocked(root)
    if entry is None:
        raise FolderLocked(root)
    return entry


def plain(path: Path, raw: bytes) -> bytes:
    """The plain bytes of the file at ``path`` whose stored bytes are ``raw``."""
    place = _place(path)
    if place is None:
        if raw.startswith(_MAGIC):
            raise SessionUnreadable(
                path, f"it is sealed, but its folder has no key file ({KEY_FILE})"
            )
        return raw
    root, name = place
    entry = _keys_for(root)
    if entry.pending is Pending.SEALING and not raw.startswith(_MAGIC):
        return raw
    from supervise.store.seal import Unsealable, unseal

    try:
        return unseal(entry.keys, entry.store, name, raw)
    except Unsealable as exc:
        raise SealBroken(path, exc.why) from exc


def read_bytes(path: Path) -> bytes | None:
    """The plain bytes of the file at ``path``, or None if it does not exist."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        return None
    return plain(Path(path), raw)


def for_disk(path: Path, raw: bytes) -> bytes:
    """The bytes to store at ``path`` for the plain bytes ``raw``: sealed in an encrypted folder
    (FolderLocked if it is not unlocked), as they are elsewhere."""
    place = _place(path)
    if place is None:
        if _unlocked and path.name != KEY_FILE:
            _refuse_if_key_file_gone(path)
        return raw
    root, name = place
    entry = _keys_for(root)
    stamp = _stamp(key_file(root))
    if stamp != entry.stamp:
        _check_still_ours(root, entry, stamp)
    from supervise.store.seal import seal

    return seal(entry.write, entry.keys[entry.write], entry.store, name, raw)


def _refuse_if_key_file_gone(path: Path) -> None:
    """Never write plain bytes into a folder unlocked as encrypted whose key file has gone."""
    parent = path.parent
    homes = [parent, parent.parent]
    if parent.name.endswith(UNSAVED_SUFFIX):
        homes.append(parent.with_name(parent.name[: -len(UNSAVED_SUFFIX)]))
    for home in homes:
        if unlocked(home) is not None:
            raise KeyFileDamaged(home, f"{KEY_FILE} has gone")


def _check_still_ours(root: Path, entry: Unlocked, stamp: tuple[int, int, int] | None) -> None:
    """The key file changed since it was read: write only if our key is still one of its own."""
    found = read_key_file(root)
    ids = set(found.current.wrapped) | (set(found.next.wrapped) if found.next else set())
    if found.store != entry.store or entry.write not in ids:
        raise KeyChanged(root)
    entry.stamp = stamp
