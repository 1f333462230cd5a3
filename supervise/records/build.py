"""Build a session's record from what the store holds, the content and the prompts."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from supervise.content import Library, Role
from supervise.prompts import ItemPrompts, PromptBook
from supervise.records.model import (
    OPENING_TITLES,
    ActionRecord,
    Header,
    ItemRecord,
    Person,
    PromptRecord,
    Record,
    SignedBy,
)
from supervise.store import SessionFile
from supervise.store.snapshot import Snapshot


def read_record(path: Path, library: Library) -> Record:
    """The record of the session file at ``path``, read without taking its lock."""
    with SessionFile.open_read_only(path) as session:
        snapshot = Snapshot.of(session)
    return build_record(snapshot, library)


def build_record(snapshot: Snapshot, library: Library) -> Record:
    """The record of ``snapshot``: every answer, rating, ticked point and action it holds."""
    record = snapshot.record
    try:
        model = library.model(record.model)
        model_title = model.title
    except KeyError:
        model, model_title = library.model(None), record.model
    known = [library.item(ref) for ref in record.scope if library.has_item(ref)]
    book = PromptBook(known, model, {f.id: f.people for f in library.frameworks.values()})
    # Every answered item is kept, in scope or not: a record never drops what was written.
    refs = list(dict.fromkeys([*record.scope, *(item for item, _, _ in snapshot.answers)]))
    items = tuple(_item(ref, snapshot, library, book) for ref in refs)
    frameworks = dict.fromkeys(
        library.frameworks[ref.split("/")[0]].title
        for ref in record.scope
        if ref.split("/")[0] in library.frameworks
    )
    people = [Person("practitioner", record.practitioner)]
    if record.mode == "supervision":
        people.append(Person("supervisor", record.supervisor))
    header = Header(
        session_id=record.id,
        date=record.date,
        time=record.created[11:16] if len(record.created) >= 16 else "",
        planned_minutes=record.planned_minutes,
        elapsed_minutes=round(record.elapsed_seconds / 60),
        mode=record.mode,
        model=model_title,
        status=record.status,
        people=tuple(people),
        signatures=tuple(SignedBy(s.role, s.name, s.at) for s in record.signatures),
        frameworks=tuple(frameworks),
    )
    opening_keys = [*OPENING_TITLES, *(k for k in record.opening if k not in OPENING_TITLES)]
    opening = tuple(
        (OPENING_TITLES.get(key, key), record.opening[key])
        for key in opening_keys
        if record.opening.get(key, "").strip()
    )
    return Record(
        header=header,
        agenda=record.agenda,
        opening=opening,
        items=items,
        summary=record.summary,
        actions=tuple(ActionRecord(a.what, a.who, a.by_when) for a in snapshot.actions),
        next_date=record.next_date,
        required_roles=record.required_roles,
    )


def _item(ref: str, snapshot: Snapshot, library: Library, book: PromptBook) -> ItemRecord:
    rating = snapshot.rating(ref)
    answers = {
        (stage, role): text for (item, stage, role), text in snapshot.answers.items() if item == ref
    }
    statement, where = "", "not in the loaded content"
    points: tuple[str, ...] = ()
    records: list[PromptRecord] = []
    if ref in book:
        prompts = book[ref]
        item = prompts.item
        statement = item.text
        where = f"{library.framework_of(item).title}, {library.section_of(item).title}"
        ticked = snapshot.ticked(ref)
        points = tuple(p.text for i, p in enumerate(item.points) if i in ticked)
        records = list(_prompts(prompts, answers, snapshot.record.mode == "supervision"))
    records.extend(_leftovers(answers, [r.stage for r in records]))
    return ItemRecord(
        ref=ref,
        statement=statement,
        where=where,
        points=points,
        confidence=rating.confidence,
        bring_to_supervision=rating.bring_to_supervision,
        prompts=tuple(records),
        skipped=ref in snapshot.skipped,
    )


def _prompts(
    prompts: ItemPrompts, answers: dict[tuple[str, str], str], supervision: bool
) -> Iterable[PromptRecord]:
    """One record per stage the prompts ask, in their order (cues only in supervision)."""
    for stage in dict.fromkeys(p.stage for p in prompts.prompts):
        question = prompts.for_stage(stage, Role.PRACTITIONER)
        cue = prompts.for_stage(stage, Role.SUPERVISOR)
        either = question or cue
        title = either.stage_title if either else stage
        yield PromptRecord(
            stage=stage,
            title=title,
            question=question.text if question else "",
            cue=cue.text if cue and supervision else "",
            practitioner=answers.get((stage, "practitioner"), ""),
            supervisor=answers.get((stage, "supervisor"), ""),
        )


def _leftovers(answers: dict[tuple[str, str], str], shown: Iterable[str]) -> Iterable[PromptRecord]:
    """Answers to stages the prompts no longer ask (another model, other content): kept."""
    seen = set(shown)
    for stage in dict.fromkeys(stage for stage, _ in answers):
        if stage in seen:
            continue
        yield PromptRecord(
            stage=stage,
            title=stage,
            question="",
            cue="",
            practitioner=answers.get((stage, "practitioner"), ""),
            supervisor=answers.get((stage, "supervisor"), ""),
        )
