"""Search every session's words: answers, opening, agenda, summary and actions.

Reads the session files as they are on disk (each is replaced whole, so a read is never half a
save), takes no lock and writes nothing: the CLI and the app share it, and a session open in
another window is searched as last saved.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from itertools import islice
from pathlib import Path
from typing import Any

from supervise.store.files import MAX_SESSION_BYTES
from supervise.store.folder import is_session_file_name

EXCERPT_WIDTH = 100
"""Characters of a long matching line shown around its first match."""


class Found(str, Enum):
    """Which kind of text a hit is in."""

    ANSWER = "answer"
    OPENING = "opening"
    AGENDA = "agenda"
    SUMMARY = "summary"
    ACTION = "action"


@dataclass(frozen=True)
class Hit:
    """One piece of text in one session that holds every word searched for."""

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
        # A file whose bytes lack a word (in any case) cannot hold it in any text, so most
        # files are ruled out without parsing them. Only words JSON writes as they are qualify:
        # the store escapes everything beyond ASCII, quotes and backslashes.
        self._raw = [
            word.lower().encode("ascii")
            for word in self.words
            if word.isascii() and word.isprintable() and '"' not in word and "\\" not in word
        ]
        self._folded = [word.casefold() for word in self.words]

    def __bool__(self) -> bool:
        return bool(self.words)

    def may_be_in(self, raw: bytes) -> bool:
        """False if the file's bytes cannot hold every word; True if they might."""
        if not self._raw:
            return True
        # Lowering the bytes and looking for plain bytes is several times faster than a
        # case-blind regular expression (measured on 10,000 sessions, see benchmarks/).
        lowered = raw.lower()
        return all(word in lowered for word in self._raw)

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


def _texts(tables: dict[str, Any]) -> Iterator[tuple[Found, str, str, str, str]]:
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


def _read(path: Path) -> bytes | None:
    """The file's bytes, or None if it cannot be read (os.read: a third quicker than open())."""
    try:
        # Non-blocking: a FIFO named like a session is passed over, not waited on.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        size = info.st_size
        if not stat.S_ISREG(info.st_mode) or size > MAX_SESSION_BYTES:
            # Refused by the list as damaged; searching it would read it all into memory.
            return None
        chunks = [os.read(fd, size + 1)]
        while chunks[-1] and sum(map(len, chunks)) > size:
            # Larger than it said: read on to the end.
            chunks.append(os.read(fd, 1 << 20))
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


def search_file(path: Path, query: Query) -> list[Hit]:
    """The hits in one session file; none if it cannot be read."""
    raw = _read(path)
    if raw is None or not query.may_be_in(raw):
        return []
    try:
        tables = json.loads(raw)
        record = next(iter(tables["session"].values()))
        details = {
            key: str(record.get(key, ""))
            for key in ("id", "date", "practitioner", "supervisor", "status")
        }
        texts = list(_texts(tables))
    except (ValueError, TypeError, KeyError, AttributeError, StopIteration):
        # A damaged file is the listing's to report; search shows what it can read.
        return []
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


def session_files(folder: Path) -> list[Path]:
    """The session files in ``folder`` (none if it is missing)."""
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return []
    return [Path(entry.path) for entry in entries if is_session_file_name(entry.name)]


def places(folder: Path, text: str) -> Iterator[Hit]:
    """Each text in the sessions in ``folder`` holding every word of ``text``, as found: newest
    session first, and in each session in its own order (opening, items, closing)."""
    query = Query(text)
    if not query:
        return
    # Files are named by date first (see folder.session_file_name): newest first by name.
    for path in sorted(session_files(Path(folder)), key=lambda p: p.name, reverse=True):
        yield from search_file(path, query)


def search(folder: Path, text: str, limit: int | None = None) -> list[Hit]:
    """The places ``places`` finds, all of them or the first ``limit`` (reading no further)."""
    return list(islice(places(folder, text), limit))
