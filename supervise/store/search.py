"""Search every session's words: answers, opening, agenda, summary and actions.

Reads the session files as they are on disk (each is replaced whole, so a read is never half a
save) and takes no lock: the CLI and the app share it, and a session open in another window is
searched as last saved. The word index (see ``wordindex``) rules out the files that cannot
match; only the others are read, and any the index is out of date for are read and re-indexed.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from enum import Enum
from itertools import islice
from pathlib import Path
from typing import Any, NamedTuple

from supervise.store import keys
from supervise.store.errors import StoreError
from supervise.store.files import MAX_SESSION_BYTES
from supervise.store.folder import is_session_file_name
from supervise.store.wordindex import Stamp, WordIndex, fold, stamp_of, words_of

EXCERPT_WIDTH = 100
"""Characters of a long matching line shown around its first match."""


class Found(str, Enum):
    """Which kind of text a hit is in."""

    ANSWER = "answer"
    OPENING = "opening"
    AGENDA = "agenda"
    SUMMARY = "summary"
    ACTION = "action"


class Hit(NamedTuple):
    """One piece of text in one session that holds every word searched for.

    A named tuple rather than a dataclass: importing dataclasses would cost the search command
    a third of grep's whole time (see benchmarks/).
    """

    path: Path
    """The session file."""
    session_id: str
    date: str
    practitioner: str
    supervisor: str
    status: str
    found: Found
    place: str
    """Where to open the session to see it: an item reference, ``opening`` or ``closing``."""
    detail: str
    """For an answer its stage id, for the opening its question's key; else ""."""
    role: str
    """Whose answer it is (``practitioner`` or ``supervisor``); "" for the rest."""
    line: str
    """The line of the text where the words are (the first with the most of them)."""
    spans: tuple[tuple[int, int], ...]
    """Where in ``line`` each match of a word is: (start, end), in order."""

    @property
    def people(self) -> str:
        """The practitioner, and the supervisor if there is one."""
        return self.practitioner + (f" with {self.supervisor}" if self.supervisor else "")

    @property
    def where(self) -> str:
        """Where in the session the hit is, in a few words: ``h3-25/pc/5 · what (supervisor)``."""
        if self.found is Found.ANSWER:
            return f"{self.place} · {self.detail} ({self.role})"
        if self.found is Found.OPENING:
            return f"opening · {self.detail.replace('_', ' ')}"
        return {Found.AGENDA: "agenda", Found.SUMMARY: "summary", Found.ACTION: "action"}[
            self.found
        ]


class Query:
    """Words to find, each anywhere in a text and in any case, all of them in the same text."""

    def __init__(self, text: str) -> None:
        """Split ``text`` into words at spaces."""
        self.words = tuple(dict.fromkeys(text.split()))
        """The distinct words searched for."""
        self._any = re.compile(
            "|".join(re.escape(w) for w in sorted(self.words, key=len, reverse=True)),
            re.IGNORECASE,
        )
        self._folded = [word.casefold() for word in self.words]
        self._indexed = [fold(word) for word in self.words]

    def __bool__(self) -> bool:
        return bool(self.words)

    def may_be_in(self, words: bytes) -> bool:
        """False if a session whose word index entry is ``words`` cannot hold every word."""
        return all(word in words for word in self._indexed)

    def matches(self, text: str) -> bool:
        """Whether ``text`` holds every word (in any case)."""
        if not self.words:
            return False
        folded = text.casefold()
        return all(word in folded for word in self._folded)

    def best_line(self, text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
        """The line of ``text`` with the most distinct words (the first such), and its matches."""
        best: tuple[int, str, list[tuple[int, int]]] = (-1, "", [])
        for line in text.splitlines():
            found = [m.span() for m in self._any.finditer(line)]
            count = len({line[a:b].casefold() for a, b in found})
            if count > best[0]:
                best = (count, line, found)
        return best[1], tuple(best[2])


def excerpt(
    line: str, spans: tuple[tuple[int, int], ...], width: int = EXCERPT_WIDTH
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """``line`` cut to about ``width`` characters around its first match, with "…" where cut,
    and the spans moved to match."""
    if len(line) <= width or not spans:
        return line[:width] if not spans else line, spans
    start = max(0, min(spans[0][0] - width // 4, len(line) - width))
    end = start + width
    head = "…" if start else ""
    tail = "…" if end < len(line) else ""
    shift = len(head) - start
    kept = tuple((a + shift, b + shift) for a, b in spans if a >= start and b <= end)
    return head + line[start:end] + tail, kept


def segments(line: str, spans: tuple[tuple[int, int], ...]) -> list[tuple[str, bool]]:
    """``line`` in pieces, each with whether it is a match (to highlight), in order."""
    pieces: list[tuple[str, bool]] = []
    at = 0
    for start, end in spans:
        if start < at:
            continue
        if start > at:
            pieces.append((line[at:start], False))
        pieces.append((line[start:end], True))
        at = end
    if at < len(line):
        pieces.append((line[at:], False))
    return pieces


Written = tuple[Found, str, str, str, str]
"""(found, place, detail, role, text): one text someone wrote, and where it is."""


def _texts(tables: dict[str, Any]) -> Iterator[Written]:
    """(found, place, detail, role, text) for every text people wrote in one session."""
    record: dict[str, Any] = next(iter(tables.get("session", {}).values()), {})
    agenda = record.get("agenda")
    if isinstance(agenda, str):
        yield Found.AGENDA, "opening", "", "", agenda
    opening = record.get("opening")
    if isinstance(opening, dict):
        for key, text in opening.items():
            if isinstance(text, str):
                yield Found.OPENING, "opening", str(key), "", text
    scope = record.get("scope")
    order = {ref: n for n, ref in enumerate(scope)} if isinstance(scope, list) else {}
    answers = [
        doc
        for doc in tables.get("responses", {}).values()
        if isinstance(doc.get("text"), str) and isinstance(doc.get("item"), str)
    ]
    answers.sort(key=lambda doc: order.get(doc["item"], len(order)))
    for doc in answers:
        yield (
            Found.ANSWER,
            doc["item"],
            str(doc.get("stage", "")),
            str(doc.get("role", "")),
            doc["text"],
        )
    summary = record.get("summary")
    if isinstance(summary, str):
        yield Found.SUMMARY, "closing", "", "", summary
    for doc in tables.get("actions", {}).values():
        words = " ".join(str(doc.get(key, "")) for key in ("what", "who", "by_when")).strip()
        yield Found.ACTION, "closing", "", "", words


def _read(path: Path) -> tuple[bytes, Stamp] | None:
    """The file's bytes and its stamp before they were read, or None if it cannot be read
    (os.read: a third quicker than open())."""
    try:
        # Non-blocking: a FIFO named like a session is passed over, not waited on.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        # Stamped before reading: a change made while reading leaves a newer stamp on the file,
        # so the words read are taken again next time rather than trusted.
        info = os.fstat(fd)
        size = info.st_size
        if not stat.S_ISREG(info.st_mode) or size > MAX_SESSION_BYTES:
            # Refused by the list as damaged; searching it would read it all into memory.
            return None
        chunks = [os.read(fd, size + 1)]
        while chunks[-1] and sum(map(len, chunks)) > size:
            # Larger than it said: read on to the end.
            chunks.append(os.read(fd, 1 << 20))
        return keys.plain(path, b"".join(chunks)), stamp_of(info)
    except (OSError, StoreError):
        return None
    finally:
        os.close(fd)


def _parse(path: Path, raw: bytes) -> tuple[dict[str, str], list[Written]]:
    """A session's details and its texts; ValueError if the file is damaged."""
    try:
        tables = json.loads(raw)
        record = next(iter(tables["session"].values()))
        details = {
            key: str(record.get(key, ""))
            for key in ("id", "date", "practitioner", "supervisor", "status")
        }
        return details, list(_texts(tables))
    except (ValueError, TypeError, KeyError, AttributeError, StopIteration, RecursionError) as exc:
        raise ValueError(f"{path.name} is damaged") from exc


def _hits(path: Path, details: dict[str, str], texts: list[Written], query: Query) -> list[Hit]:
    """The texts of one session that hold every word, as hits."""
    hits = []
    for found, place, detail, role, text in texts:
        if query.matches(text):
            line, spans = query.best_line(text)
            hits.append(
                Hit(
                    path=path,
                    session_id=details["id"],
                    date=details["date"],
                    practitioner=details["practitioner"],
                    supervisor=details["supervisor"],
                    status=details["status"],
                    found=found,
                    place=place,
                    detail=detail,
                    role=role,
                    line=line,
                    spans=spans,
                )
            )
    return hits


def _search_file(path: Path, query: Query, index: WordIndex, indexed: Stamp | None) -> list[Hit]:
    """The hits in one session file (none if it cannot be read); its index entry refreshed
    unless the file read is the one ``indexed`` stamps."""
    read = _read(path)
    if read is None:
        return []
    raw, stamp = read
    try:
        details, texts = _parse(path, raw)
    except ValueError:
        # A damaged file is the listing's to report; search shows what it can read. Indexed
        # with no words, it is read again only once it changes.
        index.put(path.name, stamp, b"")
        return []
    if stamp != indexed:
        index.put(path.name, stamp, words_of(text for *_, text in texts))
    return _hits(path, details, texts, query)


def _stamped_session_files(folder: Path) -> list[tuple[str, Stamp | None]]:
    """The session files in ``folder`` by name, each with its stamp (None if it could not be
    taken), newest first (none if the folder is missing)."""
    try:
        names = [name for name in os.listdir(folder) if is_session_file_name(name)]
    except OSError:
        return []
    # Files are named by date first (see folder.session_file_name): newest first by name.
    names.sort(reverse=True)
    with _opened(folder) as at:
        return [(name, _stamp(folder, name, at)) for name in names]


@contextmanager
def _opened(folder: Path) -> Iterator[int | None]:
    """The folder open to stat files in it by name (a third quicker), where the system can."""
    fd = None
    if os.stat in os.supports_dir_fd:
        with suppress(OSError):
            fd = os.open(folder, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        yield fd
    finally:
        if fd is not None:
            os.close(fd)


def _stamp(folder: Path, name: str, at: int | None) -> Stamp | None:
    try:
        info = os.stat(name, dir_fd=at) if at is not None else os.stat(folder / name)
    except OSError:
        return None
    return stamp_of(info)


def places(folder: str | os.PathLike[str], text: str) -> Iterator[Hit]:
    """Each text in the sessions in ``folder`` holding every word of ``text``, as found: newest
    session first, and in each session in its own order (opening, items, closing).

    Files the word index rules out are not read; the index is brought up to date with every
    file read (when the search ends, or stops early), and forgets files no longer there.
    """
    query = Query(text)
    if not query:
        return
    folder = Path(folder)
    files = _stamped_session_files(folder)
    if not files:
        return
    index = WordIndex.load(folder)
    try:
        for name, stamp in files:
            words = None if stamp is None else index.words(name, stamp)
            if words is None:
                yield from _search_file(folder / name, query, index, None)
            elif query.may_be_in(words):
                yield from _search_file(folder / name, query, index, stamp)
    finally:
        index.keep_only(name for name, _ in files)
        index.save(folder)


def search(folder: str | os.PathLike[str], text: str, limit: int | None = None) -> list[Hit]:
    """The places ``places`` finds, all of them or the first ``limit`` (reading no further)."""
    return list(islice(places(folder, text), limit))
