"""Copies of changes a disk refused: written beside the sessions folder, read back (each checked
as a file anyone could have put there), and restored into their sessions without overwriting
anything typed since."""

from __future__ import annotations

import enum
import json
import os
import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from supervise.store import changes
from supervise.store.changes import (
    AddAction,
    AddElapsed,
    BadChange,
    Change,
    Complete,
    EditAction,
    MoveTo,
    Note,
    RemoveAction,
    SetAnswer,
    SetBring,
    SetConfidence,
    SetNextDate,
    SetOpening,
    SetPoint,
    SetReview,
    SetServed,
    SetSummary,
    Sign,
)
from supervise.store.errors import SessionLocked, SessionUnreadable, StoreError
from supervise.store.files import (
    MAX_SESSION_DEPTH,
    deeper_than,
    encode,
    fsync_dir,
    read_text,
    write_atomic,
)
from supervise.store.folder import is_session_file_name
from supervise.store.keys import UNSAVED_SUFFIX
from supervise.store.records import Action, ActionReview, Status
from supervise.store.session import SessionFile
from supervise.store.tidy import TRASH_DAYS

_FIELDS = ("session", "exported", "changes")
"""What a copy holds: the session's file name, when it was written, and the changes."""
_SESSION_NAME = re.compile(r"[^./\\:\x00-\x1f][^/\\:\x00-\x1f]{0,200}\.json")
"""A session file's name and nothing more: no folder, drive or stream (``C:x`` on Windows), so a
copy can only ever name a file in the sessions folder."""
RESTORED_EVENT = "restored"
"""The event a session's log gets when changes from a copy are restored into it."""


def unsaved_folder(folder: Path) -> Path:
    """Where copies of the unsaved changes of sessions in ``folder`` go (beside it)."""
    return folder.with_name(folder.name + UNSAVED_SUFFIX)


def write_copy(session: Path, pending: Iterable[Change]) -> Path:
    """Write ``pending`` (changes of the session file ``session``) as a copy; return where."""
    stamp = datetime.now().astimezone()
    document = {
        "session": session.name,
        "exported": stamp.isoformat(timespec="seconds"),
        "changes": [changes.to_doc(change) for change in pending],
    }
    _, raw = encode(document)
    target = unsaved_folder(session.parent)
    target.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = target / f"{session.stem}-{stamp:%Y%m%dT%H%M%S}.json"
    write_atomic(path, raw)
    return path


@dataclass(frozen=True)
class Copy:
    """One copy of unsaved changes, read and checked."""

    path: Path
    session: str
    """The file name of the session the changes belong to (in the sessions folder)."""
    written: str
    """When the copy was written (ISO 8601, local time with its offset)."""
    changes: tuple[Change, ...]
    """The changes, oldest first."""


class CopyUnreadable(StoreError):
    """A file among the copies that is not a copy supervise wrote (or no longer reads)."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"{path.name} is not a copy that can be read back ({detail}).",
            "It has been left where it is.",
        )
        self.path = path
        """The file."""
        self.detail = detail
        """Why it was refused."""


def copy_paths(folder: Path) -> list[Path]:
    """The copies kept for the sessions folder ``folder``, oldest first by name (the store's
    own temporary files left out); none if there is no folder of copies."""
    try:
        with os.scandir(unsaved_folder(folder)) as entries:
            names = [e.name for e in entries if is_session_file_name(e.name)]
    except (FileNotFoundError, NotADirectoryError):
        return []
    return [unsaved_folder(folder) / name for name in sorted(names)]


def read_copy(path: Path) -> Copy:
    """The copy at ``path``; CopyUnreadable saying why if it is not one (a link, not a regular
    file, too large, not JSON, sealed by another folder, the wrong shape, a change not known)."""
    if path.is_symlink():
        raise CopyUnreadable(path, "a link, not a file supervise wrote")
    try:
        text = read_text(path)
    except SessionUnreadable as exc:
        raise CopyUnreadable(path, exc.detail) from None
    except OSError as exc:
        raise CopyUnreadable(path, exc.strerror or str(exc)) from None
    if text is None:
        raise CopyUnreadable(path, "it is no longer there")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise CopyUnreadable(path, "not JSON") from None
    if deeper_than(data, MAX_SESSION_DEPTH):
        raise CopyUnreadable(path, "nested too deep")
    return _checked(path, data)


def _checked(path: Path, data: Any) -> Copy:
    if not isinstance(data, dict) or set(data) != set(_FIELDS):
        raise CopyUnreadable(path, f"expected an object of {', '.join(_FIELDS)}")
    session, written, docs = (data[name] for name in _FIELDS)
    if not isinstance(session, str) or not _SESSION_NAME.fullmatch(session):
        raise CopyUnreadable(path, "it does not name a session file")
    if not isinstance(written, str) or not _is_time(written):
        raise CopyUnreadable(path, "it does not say when it was written")
    if not isinstance(docs, list):
        raise CopyUnreadable(path, "its changes are not a list")
    found = []
    for number, doc in enumerate(docs, start=1):
        try:
            found.append(changes.from_doc(doc))
        except BadChange as exc:
            raise CopyUnreadable(path, f"change {number}: {exc}") from None
    return Copy(path, session, written, tuple(found))


def _is_time(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def read_copies(folder: Path) -> list[Copy | CopyUnreadable]:
    """Every copy kept for ``folder``, read, or why it could not be; oldest first."""
    found: list[Copy | CopyUnreadable] = []
    for path in copy_paths(folder):
        try:
            found.append(read_copy(path))
        except CopyUnreadable as exc:
            found.append(exc)
    return found


class Outcome(enum.Enum):
    """What restoring did with one change."""

    RESTORED = "restored"
    """Written into the session now."""
    ALREADY = "already"
    """The session holds it already (or holds more, beginning with it)."""
    CONFLICT = "conflict"
    """The session holds other words there now: left as they are, and the copy is kept."""
    SKIPPED = "skipped"
    """Not restored, by design (see ``Verdict.why``): nothing typed is lost by leaving it."""


@dataclass(frozen=True)
class Verdict:
    """One change of a copy and what became of it."""

    change: Change
    outcome: Outcome
    now: Change | None = None
    """For a conflict, what the session holds there now, as the change that would make it
    (None where it holds nothing there any more: an action since removed)."""
    why: str = ""
    """For a change skipped, in a few words why ("" for bookkeeping nobody needs told of:
    where the cursor was, time spent, the app's own notes)."""


@dataclass(frozen=True)
class Restored:
    """What restoring one copy did."""

    copy: Copy
    verdicts: tuple[Verdict, ...] = ()
    problem: str = ""
    """Why the session could not be changed at all, or stopped being ("" if it could)."""
    removed: bool = False
    """True if every change is in the session now (saved) and the copy was removed."""

    @property
    def conflicts(self) -> tuple[Verdict, ...]:
        """The changes whose place in the session now holds other words."""
        return tuple(v for v in self.verdicts if v.outcome is Outcome.CONFLICT)


def restore(copy: Copy, folder: Path) -> Restored:
    """Put ``copy``'s changes back into its session in ``folder`` wherever that loses nothing;
    remove the copy once everything in it is in the session, saved. Never raises a StoreError:
    a session that is missing, open in another window, damaged or signed is told in
    ``problem`` and the copy kept."""
    path = folder / copy.session
    if not path.is_file():
        gone = "its session is no longer in the sessions folder (a deleted one stays in trash/"
        then = "move it back, then run this again)"
        return Restored(copy, problem=f"{gone} for {TRASH_DAYS} days: {then}")
    try:
        session = SessionFile.open(path, note_resumed=False)
    except SessionLocked as exc:
        return Restored(copy, problem=f"{exc.message} Close it there, then run this again.")
    except StoreError as exc:
        return Restored(copy, problem=str(exc))
    with session:
        if session.read_only:
            return Restored(copy, problem="its session is signed, so it can no longer be changed")
        verdicts, problem = _restore_into(session, copy)
        if problem:
            return Restored(copy, tuple(verdicts), problem)
    if any(v.outcome is Outcome.CONFLICT for v in verdicts):
        return Restored(copy, tuple(verdicts))
    try:
        remove_copy(copy.path)
    except OSError as exc:
        return Restored(copy, tuple(verdicts), f"the copy could not be removed ({exc.strerror})")
    return Restored(copy, tuple(verdicts), removed=True)


def _restore_into(session: SessionFile, copy: Copy) -> tuple[list[Verdict], str]:
    verdicts: list[Verdict] = []
    ours: set[Hashable] = set()
    try:
        for change in copy.changes:
            slot = _slot(change)
            # A later change of the copy to what it restored itself follows it, as it did when
            # the person typed them.
            verdict = Verdict(change, Outcome.RESTORED) if slot in ours else judge(session, change)
            if verdict.outcome is Outcome.RESTORED:
                changes.apply(session, change)
                ours.add(slot)
            verdicts.append(verdict)
        if ours:
            session.log(RESTORED_EVENT, copy.path.name)
        session.sync()
    except (StoreError, OSError, ValueError, KeyError) as exc:
        return verdicts, f"it could not be saved ({exc})"
    return verdicts, ""


def _slot(change: Change) -> Hashable:
    if isinstance(change, AddAction | EditAction):
        return ("action", change.action.id)
    return changes.key_of(change) or change


def remove_copy(path: Path) -> None:
    """Delete a copy whose changes are all in their session, and make that last."""
    path.unlink()
    fsync_dir(path.parent)


def _text(change: Change, text: str, held: Change, now: str) -> Verdict:
    """``change``, of ``text``, restored only where the session's text ``now`` (which ``held``
    would make) holds nothing ``text`` does not."""
    if now.startswith(text) and (text or not now):
        return Verdict(change, Outcome.ALREADY)
    if not text:
        return Verdict(change, Outcome.SKIPPED, why="not emptied: it holds words now")
    if text.startswith(now):
        return Verdict(change, Outcome.RESTORED)
    return Verdict(change, Outcome.CONFLICT, now=held)


def _fits(now: Action | ActionReview, new: Action | ActionReview) -> bool:
    """Whether every text of ``now`` begins ``new``'s, and an outcome set is the same."""
    pairs = [(now.what, new.what), (now.who, new.who), (now.by_when, new.by_when)]
    if isinstance(now, ActionReview) and isinstance(new, ActionReview):
        if now.outcome is not None and now.outcome != new.outcome:
            return False
        pairs.append((now.note, new.note))
    return all(text.startswith(old) for old, text in pairs)


def _record_judge(
    change: Change, now: Action | ActionReview | None, new: Action | ActionReview
) -> Verdict:
    if now is None:
        if isinstance(change, EditAction):
            return Verdict(change, Outcome.CONFLICT)
        return Verdict(change, Outcome.RESTORED)
    if now == new:
        return Verdict(change, Outcome.ALREADY)
    if _fits(now, new):
        return Verdict(change, Outcome.RESTORED)
    held = SetReview(now) if isinstance(now, ActionReview) else EditAction(now)
    return Verdict(change, Outcome.CONFLICT, now=held)


def judge(session: SessionFile, change: Change) -> Verdict:
    """What restoring ``change`` into ``session`` would do, by the rule that nothing in the
    session is lost: words only where its own are empty or begin the copy's; a tick, a
    rating or a flag only where none is set; the rest skipped with a word (see README)."""
    record = session.record
    match change:
        case SetAnswer(item, stage, role, text):
            now = session.response(item, stage, role.value)
            return _text(change, text, change._replace(text=now), now)
        case SetOpening(field, text):
            now = record.opening.get(field, "")
            return _text(change, text, change._replace(text=now), now)
        case SetSummary(text):
            return _text(change, text, SetSummary(record.summary), record.summary)
        case SetNextDate(date):
            return _text(change, date, SetNextDate(record.next_date), record.next_date)
        case SetServed(names):
            if names == record.served:
                return Verdict(change, Outcome.ALREADY)
            if names[: len(record.served)] == record.served:
                return Verdict(change, Outcome.RESTORED)
            return Verdict(change, Outcome.CONFLICT, now=SetServed(record.served))
        case AddAction(action) | EditAction(action):
            agreed = next((a for a in session.actions() if a.id == action.id), None)
            return _record_judge(change, agreed, action)
        case SetReview(review):
            found = next((r for r in session.reviews() if r.key == review.key), None)
            return _record_judge(change, found, review)
        case SetPoint(item, point, ticked):
            if (point in session.ticked_points(item)) == ticked:
                return Verdict(change, Outcome.ALREADY)
            if ticked:
                return Verdict(change, Outcome.RESTORED)
            return Verdict(change, Outcome.SKIPPED, why="left ticked, as the session has it")
        case SetConfidence(item, value):
            rated = session.rating(item).confidence
            if rated == value:
                return Verdict(change, Outcome.ALREADY)
            if rated is None:
                return Verdict(change, Outcome.RESTORED)
            return Verdict(change, Outcome.SKIPPED, why=f"left at {rated}, as the session has it")
        case SetBring(item, flag):
            if session.rating(item).bring_to_supervision == flag:
                return Verdict(change, Outcome.ALREADY)
            if flag:
                return Verdict(change, Outcome.RESTORED)
            return Verdict(change, Outcome.SKIPPED, why="left marked, as the session has it")
        case RemoveAction(action_id):
            if all(a.id != action_id for a in session.actions()):
                return Verdict(change, Outcome.ALREADY)
            why = "not removed: remove it in supervise if you still mean to"
            return Verdict(change, Outcome.SKIPPED, why=why)
        case Complete():
            if record.status is not Status.IN_PROGRESS:
                return Verdict(change, Outcome.ALREADY)
            why = "not marked completed: do so in supervise when it is"
            return Verdict(change, Outcome.SKIPPED, why=why)
        case Sign(role, _):
            if role in record.signed_roles:
                return Verdict(change, Outcome.ALREADY)
            return Verdict(change, Outcome.SKIPPED, why="not signed: sign it in supervise")
        case MoveTo() | AddElapsed() | Note():
            # Where the cursor was, time spent and the app's own notes: not words anyone typed,
            # and time would count twice if a copy kept after a conflict were restored again.
            return Verdict(change, Outcome.SKIPPED)
