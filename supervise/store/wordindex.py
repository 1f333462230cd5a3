"""The search index: each session file's distinct words, so a search reads only files that can
match.

One hidden file per sessions folder. Each entry is stamped with what ``os.stat`` said of the
session file when its words were taken (times, size, inode); a file whose stamp differs (saved
since, by any version of supervise or any other program), or that has no entry, is read again by
the search and its entry refreshed. An index that is missing, of another version, or damaged
(its checksum catches a torn or zero-filled write) is simply empty: the search then reads every
file and writes a whole new index. So the index can make a search faster but never miss a hit.

Nothing here is imported by a save: keeping the index current costs the writer nothing.

The file is read and written by ``read_index_file`` and ``write_index_file`` only (bytes in and
out, the write atomic): the one place to change how the index is kept on disk.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterable

INDEX_NAME = ".search-index"
"""The index inside a sessions folder (hidden, so it is never taken for a session)."""
_MAGIC = b"supervise-search-index 1"
"""The first word of the file and its layout's version; any other is read as no index."""

Stamp = bytes
"""What ``os.stat`` says of a session file, as the index holds it: modified and changed times
(ns), size and inode, in ASCII digits joined by commas."""


def read_index_file(folder: str | os.PathLike[str]) -> bytes | None:
    """The index file's plain bytes, or None if there is none or it cannot be read (or
    unsealed, in an encrypted folder)."""
    path = os.path.join(folder, INDEX_NAME)
    try:
        with open(path, "rb") as file:
            raw = file.read()
    except OSError:
        return None
    from pathlib import Path

    from supervise.store import keys
    from supervise.store.errors import StoreError

    try:
        # Sealed like every file of an encrypted folder (its words are the answers' words).
        return keys.plain(Path(path), raw)
    except StoreError:
        return None


def write_index_file(folder: str | os.PathLike[str], raw: bytes) -> None:
    """Replace the index file with ``raw``, all or nothing."""
    # Imported here: a search that finds the index current never writes it.
    from pathlib import Path

    from supervise.store.files import replace_atomic

    # No folder sync: an index lost to a power cut is rebuilt by the next search.
    replace_atomic(Path(folder) / INDEX_NAME, raw)


def stamp_of(info: os.stat_result) -> Stamp:
    """A file's stamp: a save replaces the file (new inode); an edit in place moves its times."""
    return b"%d,%d,%d,%d" % (info.st_mtime_ns, info.st_ctime_ns, info.st_size, info.st_ino)


def fold(word: str) -> bytes:
    """A word as the index holds words: case folded, as bytes (every string has some)."""
    return word.casefold().encode("utf-8", "surrogatepass")


def words_of(texts: Iterable[str]) -> bytes:
    """The distinct words of ``texts``, folded and joined by spaces.

    A searched word holds no space, so wherever it is in a folded text it is inside one of that
    text's words: it is in a text only if it is in this list (the converse need not hold).
    """
    words: set[str] = set()
    for text in texts:
        words.update(text.casefold().split())
    # Sorted, so that the same texts give the same bytes in every process (sets are not).
    return " ".join(sorted(words)).encode("utf-8", "surrogatepass")


class WordIndex:
    """The words of each session file as last read, by file name, with the file's stamp."""

    def __init__(self, entries: dict[str, tuple[Stamp, bytes]] | None = None) -> None:
        """An index holding ``entries`` (none: an empty index)."""
        self.entries: dict[str, tuple[Stamp, bytes]] = entries or {}
        """File name -> (stamp, words)."""
        self.changed = False
        """True once the entries differ from the file they were read from."""

    @classmethod
    def load(cls, folder: str | os.PathLike[str]) -> WordIndex:
        """The index of ``folder``; an empty one if it is missing, damaged or of another kind."""
        raw = read_index_file(folder)
        return cls(decode(raw) if raw is not None else None)

    def words(self, name: str, stamp: Stamp) -> bytes | None:
        """The words of file ``name`` if its entry is for this stamp, else None."""
        entry = self.entries.get(name)
        if entry is None or entry[0] != stamp:
            return None
        return entry[1]

    def put(self, name: str, stamp: Stamp, words: bytes) -> None:
        """Record the words of file ``name`` as read at ``stamp``."""
        if _storable(name) and self.entries.get(name) != (stamp, words):
            self.entries[name] = (stamp, words)
            self.changed = True

    def keep_only(self, names: Iterable[str]) -> None:
        """Forget the files not in ``names`` (deleted, moved to the trash)."""
        kept = {name: self.entries[name] for name in names if name in self.entries}
        if len(kept) != len(self.entries):
            self.entries = kept
            self.changed = True

    def save(self, folder: str | os.PathLike[str]) -> bool:
        """Write the index if it changed; False if it could not be (a read-only folder)."""
        if not self.changed:
            return True
        try:
            write_index_file(folder, encode(self.entries))
        except OSError:
            # The index only saves time: the next search reads what it must and tries again.
            return False
        self.changed = False
        return True


def encode(entries: dict[str, tuple[Stamp, bytes]]) -> bytes:
    """The index file's bytes: a header with a checksum of the rest, then a line per file."""
    body = b"\n".join(
        b"%s\t%s\t%s" % (os.fsencode(name), stamp, words)
        for name, (stamp, words) in entries.items()
    )
    return b"%s %d\n%s" % (_MAGIC, zlib.crc32(body), body)


def decode(raw: bytes) -> dict[str, tuple[Stamp, bytes]]:
    """The entries in an index file's bytes; none unless the whole file is as written."""
    header, _, body = raw.partition(b"\n")
    magic, _, checksum = header.rpartition(b" ")
    if magic != _MAGIC or checksum != b"%d" % zlib.crc32(body):
        return {}
    entries: dict[str, tuple[Stamp, bytes]] = {}
    for line in body.split(b"\n") if body else ():
        fields = line.split(b"\t", 2)
        if len(fields) != 3:
            return {}
        entries[os.fsdecode(fields[0])] = (fields[1], fields[2])
    return entries


def _storable(name: str) -> bool:
    """Whether a file name fits on an index line (one with a tab or newline is read each time)."""
    return "\t" not in name and "\n" not in name
