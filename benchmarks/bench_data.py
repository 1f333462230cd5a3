"""Synthetic sessions folders, made with supervise's real store and copied in its own format.

A handful of template sessions (and one 300-answer session) are written through
``SessionFile``; large folders are then filled with copies whose session document gets a new id,
date and names, written in the store's own JSON layout. Everything is made once per run.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import bench_synth

from supervise.content import Library, Role
from supervise.prompts import POINTS_STAGE, prompts_for
from supervise.store import SessionFile, list_sessions, sessions_folder
from supervise.store.files import FILE_MODE, encode, load_tables
from supervise.store.folder import session_file_name

INDEX_FILE = ".index.json"
"""The store's session index in a sessions folder (the warm list floor reads it too)."""
BIG_ANSWERS = 300
"""How many answers the big session holds."""

Tables = dict[str, dict[str, Any]]
"""A session file's JSON: table name -> document id -> document."""


@dataclass(frozen=True)
class BigSession:
    """The 300-answer session every session figure uses, resumed at its last item."""

    path: Path
    """A pristine copy of the file (copy it before opening: opening changes it)."""
    answers: int
    """How many answers it really holds."""
    items: int
    """How many items are in its scope (all of them answered)."""
    last_ref: str
    """The item it resumes at: the last in scope."""


def scope_refs(library: Library) -> list[str]:
    """Every item reference in the shipped content, in order."""
    return [item.ref for framework in library.frameworks.values() for item in framework.items()]


def answer_slots(library: Library, refs: list[str]) -> Iterator[tuple[str, str, str]]:
    """(item, stage, role) for every prompt of ``refs``; the sub-point prompts come last."""
    model = library.model(None)
    later: list[tuple[str, str, str]] = []
    for ref in refs:
        for prompt in prompts_for(library.item(ref), model).prompts:
            slot = (ref, prompt.stage, prompt.role.value)
            if prompt.stage == POINTS_STAGE:
                later.append(slot)
            else:
                yield slot
    yield from later


def fill_answers(session: SessionFile, library: Library, refs: list[str], limit: int) -> int:
    """Answer up to ``limit`` prompts of ``refs`` (supervisor ones only in supervision)."""
    written = 0
    supervision = session.record.mode == "supervision"
    for number, (ref, stage, role) in enumerate(answer_slots(library, refs)):
        if written >= limit:
            break
        if role == Role.SUPERVISOR.value and not supervision:
            continue
        session.set_response(ref, stage, role, bench_synth.answer_text(number))
        written += 1
    return written


def make_big_session(folder: Path, library: Library) -> BigSession:
    """A supervision session over every item, 300 answers, ratings, resumed at its last item."""
    refs = scope_refs(library)
    with SessionFile.create(
        folder,
        mode="supervision",
        practitioner=bench_synth.BIG_PRACTITIONER,
        supervisor=bench_synth.BIG_SUPERVISOR,
        date=bench_synth.BIG_DATE,
        scope=refs,
        agenda="Boundaries with tenants; the Kowalski visit; “what the young person heard”.",
        opening={"check_in": bench_synth.answer_text(-1), "purpose": bench_synth.answer_text(-2)},
    ) as session:
        answers = fill_answers(session, library, refs, BIG_ANSWERS)
        for number, ref in enumerate(refs):
            session.set_confidence(ref, 1 + number % 5)
        session.add_action("Ring the school about the transition plan", "Sam B.", "2026-12-01")
        session.set_current_item(refs[-1])
        path = session.path
    with SessionFile.open_read_only(path) as stored:
        answered = {response.item for response in stored.responses()}
    return BigSession(path, answers, len(answered), refs[-1])


def make_template(folder: Path, library: Library, template: bench_synth.Template) -> Tables:
    """One real session of ``template``'s shape, returned as its file's JSON."""
    refs = scope_refs(library)[: template.total]
    supervision = template.mode == "supervision"
    with SessionFile.create(
        folder,
        mode=template.mode,
        practitioner="Template P.",
        supervisor="Template S." if supervision else "",
        date="2020-01-01",
        scope=refs,
    ) as session:
        per_item = 6 if supervision else 3
        fill_answers(session, library, refs[: template.answered], per_item * template.answered)
        if template.status != "in progress":
            session.update_record(summary=bench_synth.answer_text(7), status="completed")
        if template.status == "signed":
            for role in session.record.required_roles:
                session.sign(role, session.record.name_for(role))
        path = session.path
    tables = load_tables(path)
    if tables is None:
        raise RuntimeError(f"the template session {path} vanished")
    return tables


def clone(tables: Tables, spec: bench_synth.SessionSpec) -> Tables:
    """``tables`` with the session document renamed, re-dated and re-peopled as ``spec``."""
    ((key, doc),) = tables["session"].items()
    names = {"practitioner": spec.practitioner, "supervisor": spec.supervisor}
    signatures = [{**sig, "name": names[sig["role"]]} for sig in doc.get("signatures", [])]
    changed = {
        **doc,
        "id": spec.session_id,
        "created": spec.created,
        "date": spec.date,
        "signatures": signatures,
        **names,
    }
    return {**tables, "session": {key: changed}}


def write_private(path: Path, raw: bytes) -> None:
    """Write a new file readable by its owner only, as the store does (no fsync: test data)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
    with open(fd, "wb") as file:
        file.write(raw)


def fill_folder(folder: Path, templates: list[Tables], big: BigSession, count: int) -> Path:
    """A sessions folder of ``count`` sessions: the big one and ``count - 1`` copies."""
    folder = sessions_folder(folder)
    shutil.copy2(big.path, folder / big.path.name)
    for index in range(count - 1):
        spec = bench_synth.spec(index)
        tables = clone(templates[index % len(templates)], spec)
        write_private(folder / session_file_name(spec.date, spec.session_id), encode(tables)[1])
    return folder


def check_folder(folder: Path, count: int, big: BigSession) -> None:
    """List ``folder`` through the store (which also builds its index) and check what it shows."""
    summaries = list_sessions(folder)
    if len(summaries) != count:
        raise RuntimeError(f"{folder} lists {len(summaries)} sessions, expected {count}")
    expected = {row[0] + row[1] + row[5] for row in bench_synth.rows(count, big.items)}
    shown = {f"{s.date}{s.practitioner}{s.answered}/{s.total} items" for s in summaries}
    if shown != expected:
        raise RuntimeError(f"{folder} does not list the sessions it was made with")


def reindex(folder: Path) -> None:
    """List ``folder`` through the store, which brings its session index up to date."""
    list_sessions(folder)
    if not (folder / INDEX_FILE).exists():
        # Without an index here, the warm rows would measure cold listings unawares.
        raise RuntimeError(f"listing {folder} left no {INDEX_FILE}: has the store's index moved?")


def drop_index(folder: Path) -> None:
    """Remove ``folder``'s session index, so that the next listing reads every session file."""
    (folder / INDEX_FILE).unlink(missing_ok=True)


class Workspace:
    """The run's temporary folder and the stores in it, each made when first asked for."""

    def __init__(self, root: Path, library: Library) -> None:
        """Make nothing yet: every store is built on first use."""
        self.root = root
        """The temporary folder everything lives in."""
        self.library = library
        """The shipped content the sessions are about."""
        self._big: BigSession | None = None
        self._templates: list[Tables] = []
        self._stores: dict[int, Path] = {}

    @property
    def big(self) -> BigSession:
        """The 300-answer session (made on first use)."""
        if self._big is None:
            self._big = make_big_session(self.root / "originals", self.library)
        return self._big

    def templates(self) -> list[Tables]:
        """One real session of each template shape (made on first use)."""
        if not self._templates:
            folder = self.root / "templates"
            self._templates = [
                make_template(folder, self.library, t) for t in bench_synth.TEMPLATES
            ]
        return self._templates

    def store(self, count: int) -> Path:
        """A checked, indexed sessions folder holding ``count`` sessions (made on first use)."""
        if count not in self._stores:
            folder = fill_folder(self.root / f"store-{count}", self.templates(), self.big, count)
            check_folder(folder, count, self.big)
            self._stores[count] = folder
        return self._stores[count]

    def home_rows(self, count: int) -> list[list[str]]:
        """The rows supervise's home screen shows for the ``count`` store, in its order (none of
        its sessions has a next date; each covers the frameworks of the items in its scope)."""
        refs = scope_refs(self.library)

        def covered(total: int) -> str:
            return ", ".join(dict.fromkeys(ref.split("/", 1)[0] for ref in refs[:total]))

        totals = [len(refs)] + [bench_synth.spec(i).template.total for i in range(count - 1)]
        rows = bench_synth.rows(count, self.big.items)
        return [[*row, "—", covered(total)] for row, total in zip(rows, totals, strict=True)]

    def copy_store(self, count: int, name: str) -> Path:
        """A private copy of the ``count`` store (index included), for figures that change it."""
        target = self.root / name
        if not target.exists():
            shutil.copytree(self.store(count), target, copy_function=shutil.copy2)
            check_folder(target, count, self.big)
        return target

    def fresh_big(self, folder: Path) -> Path:
        """Put a pristine copy of the big session into ``folder`` and re-index; its path there.

        Re-indexing (untimed) keeps every run's listing equally warm: a run that opened the
        session left a newer file behind than the index knows.
        """
        folder = sessions_folder(folder)
        target = folder / self.big.path.name
        shutil.copy2(self.big.path, target)
        reindex(folder)
        return target
