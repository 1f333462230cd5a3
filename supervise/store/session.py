"""One session, one TinyDB file: opening and locking it, its record, actions, events, sign-off."""

from __future__ import annotations

import dataclasses
import logging
import os
import threading
from collections.abc import Mapping, Sequence
from contextlib import suppress
from datetime import date as Date
from pathlib import Path
from types import TracebackType
from typing import Any, cast

from tinydb import TinyDB, where
from tinydb.table import Document

from supervise.store import codec
from supervise.store.answers import Answers
from supervise.store.atomic import AtomicJSONStorage
from supervise.store.errors import (
    SessionClosed,
    SessionNotFound,
    SessionReadOnly,
    SessionUnreadable,
    StoreUnwritable,
)
from supervise.store.files import remove_stale_temps
from supervise.store.folder import session_file_name, sessions_folder
from supervise.store.guard import check_text, reading, writing
from supervise.store.lock import SessionLock
from supervise.store.records import (
    DEFAULT_MODEL,
    DEFAULT_PLANNED_MINUTES,
    Action,
    ActionReview,
    Event,
    Mode,
    SessionRecord,
    SessionSummary,
    Status,
    check_role,
    iso_from_ns,
    new_id,
    now_iso,
    signed_by,
)

log = logging.getLogger(__name__)

EDITABLE_FIELDS = frozenset(
    f.name
    for f in dataclasses.fields(SessionRecord)
    if f.name not in {"id", "created", "signatures"}
)
"""Record fields update_record() accepts (id, created and signatures are the store's own)."""
ACTION_FIELDS = frozenset({"what", "who", "by_when"})
"""Action fields update_action() accepts."""


class SessionFile(Answers):
    """An open session file. Every change is written to disk, atomically, before it returns.

    Safe to use from several threads; writable only by the one process holding its lock.
    Changes are made in memory under a lock that readers share, then written and fsynced
    without it: a reader never waits for the disk (see guard.writing).
    """

    def __init__(self, path: Path, storage: AtomicJSONStorage, lock: SessionLock | None) -> None:
        """Wrap an already-loaded storage; use create() or open() instead."""
        self._path = path
        self._storage = storage
        self._lock = lock
        # Held only while memory is read or changed; the disk is written under _write_order
        # alone, so a reader never waits for a write or an fsync (see guard.writing).
        self._mutex = threading.RLock()
        self._write_order = threading.RLock()
        self._changing = False
        self._closed = False
        storage.deferred = True
        self._db = TinyDB(storage=lambda: storage)
        self._session = self._db.table(codec.SESSION)
        self._responses = self._db.table(codec.RESPONSES)
        self._ratings = self._db.table(codec.RATINGS)
        self._points = self._db.table(codec.POINTS)
        self._actions = self._db.table(codec.ACTIONS)
        self._events = self._db.table(codec.EVENTS)
        self._reviews = self._db.table(codec.REVIEWS)
        self._doc_id, self._record = self._load()
        self._response_ids: dict[tuple[str, str, str], int] | None = None

    def _load(self) -> tuple[int, SessionRecord]:
        # Check every document now, with the check the list of sessions uses, so a damaged
        # file is refused at the door rather than failing halfway through someone's session.
        try:
            record = codec.check_tables(self._storage.read() or {})
        except (TypeError, ValueError) as exc:
            raise SessionUnreadable(self._path, str(exc)) from exc
        return self._session.all()[0].doc_id, record

    # -- opening and closing --------------------------------------------------------------

    @classmethod
    def create(
        cls,
        folder: Path,
        *,
        mode: Mode | str,
        practitioner: str,
        supervisor: str = "",
        date: str | None = None,
        planned_minutes: int = DEFAULT_PLANNED_MINUTES,
        model: str = DEFAULT_MODEL,
        scope: Sequence[str] = (),
        agenda: str = "",
        opening: Mapping[str, str] | None = None,
        next_date: str = "",
        reviews: Sequence[ActionReview] = (),
    ) -> SessionFile:
        """Start a new session file in ``folder`` (created if missing) and hold its lock.

        ``reviews`` are open actions from earlier sessions, carried in to be reviewed.
        """
        record = SessionRecord(
            id=new_id(),
            created=now_iso(),
            # Text is checked and turned into a Mode by the record itself, with a plain message.
            mode=cast(Mode, mode),
            practitioner=practitioner,
            supervisor=supervisor,
            date=date if date is not None else Date.today().isoformat(),
            planned_minutes=planned_minutes,
            model=model,
            scope=tuple(scope),
            agenda=agenda,
            opening=dict(opening or {}),
            next_date=next_date,
        )
        folder = sessions_folder(folder)
        while True:
            path = folder / session_file_name(record.date, record.id)
            if not any(folder.glob(f"*-{record.id}.json")):
                lock = SessionLock(path).acquire()
                if not path.exists():
                    break
                lock.release()
            record = dataclasses.replace(record, id=new_id())
        try:
            storage = AtomicJSONStorage(path)
            created = codec.shape_to_doc(Event("created", record.created))
            tables: dict[str, Any] = {
                codec.SESSION: {"1": codec.record_to_doc(record)},
                codec.EVENTS: {"1": created},
            }
            if reviews:
                tables[codec.REVIEWS] = {
                    str(n): codec.review_to_doc(r) for n, r in enumerate(reviews, start=1)
                }
            # One write holds the record, its first event and the actions carried in: the file
            # appears whole or not at all.
            try:
                storage.write(tables)
                storage.sync_folder()
            except OSError as exc:
                raise StoreUnwritable(folder, exc.strerror or str(exc)) from exc
            return cls(path, storage, lock)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False, note_resumed: bool = True) -> SessionFile:
        """Open an existing session; writable (and locked) unless ``read_only`` or signed.

        A writable session notes that it was resumed, unless ``note_resumed`` is False (for a
        caller that notes it later, off its own critical path, with ``log("resumed")``).
        """
        path = Path(path)
        if not path.is_file():
            raise SessionNotFound(path.parent, path.name)
        lock = None if read_only else SessionLock(path).acquire()
        try:
            session = cls(path, AtomicJSONStorage(path, read_only=lock is None), lock)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        if lock is None:
            return session
        # Only a lock holder writes temporary files for this session, so any still here were
        # left by a crash; they hold personal notes and must not linger.
        with suppress(OSError):
            remove_stale_temps(path)
        if session.record.status is Status.SIGNED:
            # Nothing can change a signed session, so there is nothing to guard: let others in.
            session._storage.read_only = True
            session._lock = None
            lock.release()
            return session
        try:
            if lock.took_over_from is not None:
                session.log("recovered", f"left open by process {lock.took_over_from}")
            if note_resumed:
                session.log("resumed")
        except BaseException:
            session.close()
            raise
        return session

    @classmethod
    def open_read_only(cls, path: Path) -> SessionFile:
        """Open a session for reading only, without taking its lock."""
        return cls.open(path, read_only=True)

    def sync(self) -> None:
        """Make every change so far survive a power cut, not only a crash.

        Each change is written whole and atomically as it is made; this makes the last of them
        durable (one folder sync for a burst of changes). Closing does it too.
        """
        with self._write_order:
            try:
                self._storage.sync_folder()
            except OSError as exc:
                raise StoreUnwritable(self._path.parent, exc.strerror or str(exc)) from exc

    def close(self) -> None:
        """Sync, then release the lock; later changes raise SessionClosed. Safe to call twice."""
        with self._write_order:
            with self._mutex:
                if self._closed:
                    return
                self._closed = True
            try:
                self._db.close()
            except OSError:
                # The folder could not be synced: every write already reached the file, and a
                # lock left behind would keep the person out of their own session.
                log.warning("could not sync the folder of %s on closing", self._path)
            finally:
                if self._lock is not None:
                    self._lock.release()

    def __enter__(self) -> SessionFile:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _discard_unsaved(self) -> None:
        self._storage.discard_unsaved()
        self._response_ids = None
        # Searches made after the change in memory must not answer from it now it is undone.
        tables = (self._session, self._responses, self._ratings, self._points)
        for table in (*tables, self._actions, self._events, self._reviews):
            table.clear_cache()
        doc = self._session.get(doc_id=self._doc_id)
        if isinstance(doc, dict):
            self._record = codec.record_from_doc(doc)

    def _commit(self) -> None:
        self._storage.commit()

    def _check_writable(self) -> None:
        if self._closed:
            raise SessionClosed(self._path)
        if self._record.status is Status.SIGNED:
            raise SessionReadOnly(self._path, signed=True)
        if self._lock is None:
            raise SessionReadOnly(self._path, signed=False)
        # Another window may have come in through a lock file removed or replaced meanwhile:
        # a write now would throw its words away.
        self._lock.check()

    # -- the record -----------------------------------------------------------------------

    @property
    def path(self) -> Path:
        """The session file."""
        return self._path

    @property
    def read_only(self) -> bool:
        """True if this session cannot be changed: opened read-only, or signed."""
        with self._mutex:
            return self._lock is None or self._record.status is Status.SIGNED

    @property
    def recovered_from(self) -> int | None:
        """The pid of a crashed window whose stale lock this session took over, if any."""
        return None if self._lock is None else self._lock.took_over_from

    @property
    def record(self) -> SessionRecord:
        """The session's details as they are now."""
        with self._mutex:
            return self._record

    def _save_record(self, record: SessionRecord) -> None:
        if record != self._record:
            self._session.update(codec.record_to_doc(record), doc_ids=[self._doc_id])
            self._record = record

    @writing
    def update_record(self, /, **fields: Any) -> SessionRecord:
        """Change some of the record's fields (see EDITABLE_FIELDS); return the new record."""
        unknown = set(fields) - EDITABLE_FIELDS
        if unknown:
            raise TypeError(f"cannot update {', '.join(sorted(unknown))}")
        if fields.get("status") == Status.SIGNED:
            raise ValueError("A session becomes signed only when everyone has signed it.")
        old = self._record
        self._save_record(dataclasses.replace(old, **fields))
        if self._record.status != old.status:
            reopened = self._record.status is Status.IN_PROGRESS
            self._append_event("reopened" if reopened else self._record.status.value)
        return self._record

    def set_current_item(self, ref: str, field: str = "") -> None:
        """Remember where the session is (and in which answer), so a resume starts there."""
        self.update_record(current_item=ref, current_field=field)

    @writing
    def add_elapsed(self, seconds: int) -> None:
        """Add time spent in the walk, so "time used" survives a resume."""
        if isinstance(seconds, bool) or not isinstance(seconds, int) or seconds < 0:
            raise ValueError(f"seconds must be a whole number from 0, not {seconds!r}")
        if seconds:
            elapsed = self._record.elapsed_seconds + seconds
            self._save_record(dataclasses.replace(self._record, elapsed_seconds=elapsed))

    # -- actions --------------------------------------------------------------------------

    @reading
    def actions(self) -> list[Action]:
        """Agreed actions, in the order added."""
        return [codec.action_from_doc(doc) for doc in self._actions.all()]

    def _action_doc(self, action_id: str) -> Document:
        docs = self._actions.search(where("id") == action_id)
        if not docs:
            raise KeyError(f"no action with id {action_id!r}")
        return docs[0]

    @writing
    def add_action(self, what: str, who: str = "", by_when: str = "") -> Action:
        """Record an agreed action and return it."""
        check_text(what=what, who=who, by_when=by_when)
        taken = {doc["id"] for doc in self._actions.all()}
        action_id = new_id()
        while action_id in taken:
            action_id = new_id()
        action = Action(id=action_id, what=what, who=who, by_when=by_when, created=now_iso())
        self._actions.insert(codec.shape_to_doc(action))
        return action

    @writing
    def put_action(self, action: Action) -> None:
        """Store ``action`` as it is (id included), replacing any action with its id."""
        check_text(id=action.id, what=action.what, who=action.who, by_when=action.by_when)
        docs = self._actions.search(where("id") == action.id)
        if docs:
            self._actions.update(codec.shape_to_doc(action), doc_ids=[docs[0].doc_id])
        else:
            self._actions.insert(codec.shape_to_doc(action))

    @writing
    def update_action(self, /, action_id: str, **fields: str) -> Action:
        """Change an action's what, who or by_when; KeyError if there is no such action."""
        unknown = set(fields) - ACTION_FIELDS
        if unknown:
            raise TypeError(f"cannot update {', '.join(sorted(unknown))}")
        check_text(**fields)
        doc = self._action_doc(action_id)
        if any(doc.get(k) != v for k, v in fields.items()):
            self._actions.update(dict(fields), doc_ids=[doc.doc_id])
        return codec.action_from_doc({**doc, **fields})

    @writing
    def remove_action(self, action_id: str) -> None:
        """Delete an action; KeyError if there is no such action."""
        self._actions.remove(doc_ids=[self._action_doc(action_id).doc_id])

    # -- actions carried in from earlier sessions ------------------------------------------

    @reading
    def reviews(self) -> list[ActionReview]:
        """Actions carried in from earlier sessions and how each was reviewed, in order."""
        return [codec.review_from_doc(doc) for doc in self._reviews.all()]

    @writing
    def put_review(self, review: ActionReview) -> None:
        """Store ``review``, replacing the one for the same action (session and action id)."""
        check_text(what=review.what, who=review.who, by_when=review.by_when, note=review.note)
        docs = self._reviews.search(
            (where("session") == review.session) & (where("action") == review.action)
        )
        if docs:
            self._reviews.update(codec.review_to_doc(review), doc_ids=[docs[0].doc_id])
        else:
            self._reviews.insert(codec.review_to_doc(review))

    # -- events ---------------------------------------------------------------------------

    @reading
    def events(self) -> list[Event]:
        """What has happened to the session, oldest first."""
        return [codec.event_from_doc(doc) for doc in self._events.all()]

    def _append_event(self, kind: str, detail: str = "") -> None:
        self._events.insert(codec.shape_to_doc(Event(kind, now_iso(), detail)))

    @writing
    def log(self, kind: str, detail: str = "") -> None:
        """Add an event to the session's log."""
        check_text(kind=kind, detail=detail)
        self._append_event(kind, detail)

    # -- finishing ------------------------------------------------------------------------

    @writing
    def complete(self) -> None:
        """Mark the session completed (it can still be changed until it is signed)."""
        self.update_record(status=Status.COMPLETED)

    @writing
    def sign(self, role: str, name: str) -> None:
        """Sign as ``role``; once everyone required has signed, the session is read-only.

        ``name`` must match the name recorded for that role (case and spacing aside). Signing
        again for a role that has already signed does nothing, so a retried save is harmless.
        """
        check_text(name=name)
        record = signed_by(self._record, role, name, now_iso())
        if record is self._record:
            return
        self._save_record(record)
        # Written after the signature, past the read-only check: the record is what matters.
        self._append_event("signed", check_role(role).value)

    # -- the catalogue line ---------------------------------------------------------------

    @reading
    def summary(self) -> SessionSummary:
        """The line the list of sessions shows for this session."""
        updated = iso_from_ns(os.stat(self._path).st_mtime_ns)
        return codec.summarise(
            self._record,
            self._responses.all(),
            self._path,
            updated,
            ratings=self._ratings.all(),
            actions=self._actions.all(),
            reviews=self._reviews.all(),
        )
