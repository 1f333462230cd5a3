"""Turn stored JSON documents into records and back, and summarise a whole session."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from supervise.store import bulk
from supervise.store.files import TOO_DEEP, too_deep
from supervise.store.records import (
    DEFAULT_MODEL,
    DEFAULT_PLANNED_MINUTES,
    ROLES,
    Action,
    ActionReview,
    Event,
    Mode,
    Rating,
    Response,
    ReviewOutcome,
    SessionRecord,
    SessionSummary,
    Signature,
    Status,
    check_confidence,
    check_role,
)

FORMAT = 1
"""The session file format this code writes; stored in the session document. A file of a
later format was written by a newer supervise and is refused rather than misread."""

T = TypeVar("T")

Doc = Mapping[str, Any]
"""A stored document as it comes out of JSON."""

SESSION, RESPONSES, RATINGS, POINTS, ACTIONS, EVENTS, REVIEWS = (
    "session",
    "responses",
    "ratings",
    "points",
    "actions",
    "events",
    "reviews",
)
"""The tables of a session file, each holding one of the shapes below."""
TABLES = (SESSION, RESPONSES, RATINGS, POINTS, ACTIONS, EVENTS, REVIEWS)
"""Every table, in the order they are checked when a session is opened."""


_DOC_ID = re.compile(r"0|[1-9][0-9]{0,17}")
"""How TinyDB numbers documents: ``int(key)`` reads each back. "abc" would fail it, and "01"
beside "1" would silently become one document."""


def check_tables(tables: Mapping[str, Mapping[str, Doc]]) -> SessionRecord:
    """The record of a whole session file, with every document in it checked: ValueError or
    TypeError naming the first problem. Listing and opening use this one check, so a file the
    list shows as readable opens, and one that cannot open is listed as damaged."""
    # Answers as supervise writes them pass in one sweep, which also finds them flat.
    plain = bulk.plain_answers(tables.get(RESPONSES, {}).values())
    if too_deep(tables, (RESPONSES,) if plain else ()):
        raise ValueError(TOO_DEEP)
    for name, table in tables.items():
        if all(map(_DOC_ID.fullmatch, table)):
            continue
        for key in table:
            if not _DOC_ID.fullmatch(key):
                raise ValueError(f"table {name!r} holds a document numbered {key[:20]!r}")
    docs = list(tables.get(SESSION, {}).values())
    if len(docs) != 1:
        raise ValueError(f"{len(docs)} session documents, expected 1")
    record = _within(SESSION, record_from_doc, docs[0])
    for name, check in _CHECKS:
        if name == RESPONSES and plain:
            continue
        for key, doc in tables.get(name, {}).items():
            try:
                check(doc)
            except (TypeError, ValueError) as exc:
                raise type(exc)(f"in {name} (document {key}): {exc}") from exc
    return record


def _within(table: str, read: Callable[[Doc], T], doc: Doc) -> T:
    """``read(doc)``, its error saying which table the document is in."""
    try:
        return read(doc)
    except (TypeError, ValueError) as exc:
        raise type(exc)(f"in {table}: {exc}") from exc


def _text(doc: Doc, key: str, default: str = "") -> str:
    value = doc.get(key, default)
    if not isinstance(value, str):
        raise TypeError(f"{key} must be text, not {type(value).__name__}")
    return value


def _required(doc: Doc, key: str, what: str) -> str:
    # Saving finds answers, ratings and actions by these: a document without one could be
    # read, but every later save of it would fail.
    if key not in doc:
        raise ValueError(f"{what} has no {key!r}")
    return _text(doc, key)


def record_to_doc(record: SessionRecord) -> dict[str, Any]:
    """The session document that stores ``record``."""
    doc = {
        "format": FORMAT,
        "id": record.id,
        "created": record.created,
        "mode": record.mode.value,
        "practitioner": record.practitioner,
        "supervisor": record.supervisor,
        "date": record.date,
        "planned_minutes": record.planned_minutes,
        "model": record.model,
        "scope": list(record.scope),
        "agenda": record.agenda,
        "opening": dict(record.opening),
        "summary": record.summary,
        "next_date": record.next_date,
        "status": record.status.value,
        "current_item": record.current_item,
        "current_field": record.current_field,
        "elapsed_seconds": record.elapsed_seconds,
        "signatures": [
            {"role": s.role.value, "name": s.name, "at": s.at} for s in record.signatures
        ],
    }
    if record.served:
        # Only once someone is marked: other sessions' files stay as they were.
        doc["served"] = list(record.served)
    return doc


def record_from_doc(doc: Doc) -> SessionRecord:
    """The record stored in a session document; raises ValueError or TypeError if malformed."""
    version = doc.get("format", FORMAT)
    if isinstance(version, bool) or not isinstance(version, int) or version > FORMAT:
        raise ValueError(f"format {version!r} is newer than this supervise reads ({FORMAT})")
    # Missing optional keys take their defaults so an older or hand-trimmed file still opens;
    # values of the wrong type are refused by SessionRecord itself.
    signatures = doc.get("signatures", [])
    if not isinstance(signatures, list) or not all(isinstance(s, dict) for s in signatures):
        raise TypeError("signatures must be a list of objects")
    opening = doc.get("opening", {})
    if not isinstance(opening, dict):
        raise TypeError("opening must be an object")
    scope = doc.get("scope", [])
    if not isinstance(scope, list):
        raise TypeError("scope must be a list")
    return SessionRecord(
        id=_text(doc, "id"),
        created=_text(doc, "created"),
        mode=Mode(_text(doc, "mode")),
        practitioner=_text(doc, "practitioner"),
        supervisor=_text(doc, "supervisor"),
        date=_text(doc, "date"),
        planned_minutes=doc.get("planned_minutes", DEFAULT_PLANNED_MINUTES),
        model=_text(doc, "model", DEFAULT_MODEL),
        scope=tuple(scope),
        agenda=_text(doc, "agenda"),
        opening=opening,
        summary=_text(doc, "summary"),
        next_date=_text(doc, "next_date"),
        status=Status(_text(doc, "status", Status.IN_PROGRESS.value)),
        current_item=_text(doc, "current_item"),
        current_field=_text(doc, "current_field"),
        elapsed_seconds=doc.get("elapsed_seconds", 0),
        signatures=tuple(
            Signature(check_role(_text(s, "role")), _text(s, "name"), _text(s, "at"))
            for s in signatures
        ),
        served=_texts(doc, "served"),
    )


def response_from_doc(doc: Doc) -> Response:
    """The response stored in ``doc``."""
    item, stage, role, text = doc.get("item"), doc.get("stage"), doc.get("role"), doc.get("text")
    updated = doc.get("updated", "")
    # Exact types first: listing checks every answer of every new or changed file.
    if str is type(item) is type(stage) is type(role) is type(text) is type(updated) and (
        role in ROLES
    ):
        return Response(item, stage, role, text, updated)
    return _response_or_why(doc)


def _response_or_why(doc: Doc) -> Response:
    """The response stored in ``doc``, or an error saying exactly what is wrong with it."""
    role = _required(doc, "role", "an answer")
    check_role(role)
    return Response(
        item=_required(doc, "item", "an answer"),
        stage=_required(doc, "stage", "an answer"),
        role=role,
        text=_required(doc, "text", "an answer"),
        updated=_text(doc, "updated"),
    )


def rating_from_doc(doc: Doc) -> Rating:
    """The rating stored in ``doc``."""
    confidence = doc.get("confidence")
    check_confidence(confidence)
    bring = doc.get("bring_to_supervision", False)
    if not isinstance(bring, bool):
        raise TypeError("bring_to_supervision must be true or false")
    return Rating(
        item=_required(doc, "item", "a rating"), confidence=confidence, bring_to_supervision=bring
    )


def shape_to_doc(shape: Response | Rating | Action | Event) -> dict[str, Any]:
    """The document that stores a response, rating, action or event: its fields, by name (the
    record's declaration is the document's)."""
    return dataclasses.asdict(shape)


def point_to_doc(item: str, index: int) -> dict[str, Any]:
    """The document that stores a ticked point."""
    return {"item": item, "index": index}


def point_from_doc(doc: Doc) -> tuple[str, int]:
    """The item and sub-point index of a ticked point."""
    index = doc.get("index")
    if isinstance(index, bool) or not isinstance(index, int) or index < 0:
        raise TypeError("a point's index must be a whole number from 0")
    return _required(doc, "item", "a ticked point"), index


def action_from_doc(doc: Doc) -> Action:
    """The action stored in ``doc``."""
    return Action(
        id=_required(doc, "id", "an action"),
        what=_required(doc, "what", "an action"),
        who=_text(doc, "who"),
        by_when=_text(doc, "by_when"),
        created=_text(doc, "created"),
    )


def review_to_doc(review: ActionReview) -> dict[str, Any]:
    """The document that stores a carried action and its review."""
    return {
        "session": review.session,
        "action": review.action,
        "what": review.what,
        "who": review.who,
        "by_when": review.by_when,
        "outcome": None if review.outcome is None else review.outcome.value,
        "note": review.note,
    }


def review_from_doc(doc: Doc) -> ActionReview:
    """The carried action and review stored in ``doc``; ValueError for an unknown outcome."""
    outcome = doc.get("outcome")
    if outcome is not None and not isinstance(outcome, str):
        raise TypeError("a review's outcome must be text or unset")
    return ActionReview(
        session=_required(doc, "session", "a reviewed action"),
        action=_required(doc, "action", "a reviewed action"),
        what=_text(doc, "what"),
        who=_text(doc, "who"),
        by_when=_text(doc, "by_when"),
        outcome=None if outcome is None else ReviewOutcome(outcome),
        note=_text(doc, "note"),
    )


def event_from_doc(doc: Doc) -> Event:
    """The event stored in ``doc``."""
    kind, at, detail = doc.get("kind", ""), doc.get("at", ""), doc.get("detail", "")
    if str is type(kind) is type(at) is type(detail):
        return Event(kind, at, detail)
    return Event(kind=_text(doc, "kind"), at=_text(doc, "at"), detail=_text(doc, "detail"))


def answered_items(responses: Iterable[Doc]) -> set[str]:
    """Items with at least one answer that is not blank."""
    docs = responses if isinstance(responses, Collection) else list(responses)
    found = bulk.answered(docs)
    if found is not None:
        return found
    return {
        doc["item"]
        for doc in docs
        if isinstance(doc.get("item"), str)
        and isinstance(doc.get("text"), str)
        and doc["text"].strip()
    }


def summarise(
    record: SessionRecord,
    responses: Iterable[Doc],
    path: Path,
    updated: str,
    *,
    ratings: Iterable[Doc] = (),
    actions: Iterable[Doc] = (),
    reviews: Iterable[Doc] = (),
) -> SessionSummary:
    """The catalogue line for a session (the other tables' documents as stored)."""
    answered = answered_items(responses)
    return SessionSummary(
        id=record.id,
        file=path.name,
        path=path,
        mode=record.mode.value,
        practitioner=record.practitioner,
        supervisor=record.supervisor,
        date=record.date,
        status=record.status.value,
        answered=sum(1 for ref in dict.fromkeys(record.scope) if ref in answered),
        total=len(record.scope),
        created=record.created,
        updated=updated,
        next_date=record.next_date,
        scope=record.scope,
        flagged=tuple(
            rating.item for rating in map(rating_from_doc, ratings) if rating.bring_to_supervision
        ),
        actions=tuple(map(action_from_doc, actions)),
        reviews=tuple(map(review_from_doc, reviews)),
    )


def summary_to_doc(summary: SessionSummary) -> dict[str, Any]:
    """A summary as JSON for the catalogue index (the path is left out: it is rebuilt)."""
    return {
        "id": summary.id,
        "mode": summary.mode,
        "practitioner": summary.practitioner,
        "supervisor": summary.supervisor,
        "date": summary.date,
        "status": summary.status,
        "answered": summary.answered,
        "total": summary.total,
        "created": summary.created,
        "updated": summary.updated,
        "next_date": summary.next_date,
        "scope": list(summary.scope),
        "flagged": list(summary.flagged),
        "actions": [dataclasses.asdict(action) for action in summary.actions],
        "reviews": [review_to_doc(review) for review in summary.reviews],
        "problem": summary.problem,
    }


def _texts(doc: Doc, key: str) -> tuple[str, ...]:
    values = doc.get(key, [])
    # Lists, not generators, in these checks: the list of sessions reads a thousand summaries.
    if not isinstance(values, list) or not all([isinstance(v, str) for v in values]):
        raise TypeError(f"{key} must be a list of text")
    return tuple(values)


def _docs(doc: Doc, key: str) -> list[Doc]:
    values = doc.get(key, [])
    if not isinstance(values, list) or not all([isinstance(v, dict) for v in values]):
        raise TypeError(f"{key} must be a list of objects")
    return values


def summary_from_doc(doc: Doc, path: Path) -> SessionSummary:
    """A summary read back from the catalogue index; raises TypeError if malformed."""
    answered, total = doc.get("answered"), doc.get("total")
    if not isinstance(answered, int) or not isinstance(total, int):
        raise TypeError("answered and total must be whole numbers")
    return SessionSummary(
        id=_text(doc, "id"),
        file=path.name,
        path=path,
        mode=Mode(_text(doc, "mode")),
        practitioner=_text(doc, "practitioner"),
        supervisor=_text(doc, "supervisor"),
        date=_text(doc, "date"),
        status=_text(doc, "status"),
        answered=answered,
        total=total,
        created=_text(doc, "created"),
        updated=_text(doc, "updated"),
        next_date=_text(doc, "next_date"),
        scope=_texts(doc, "scope"),
        flagged=_texts(doc, "flagged"),
        actions=tuple(map(action_from_doc, _docs(doc, "actions"))),
        reviews=tuple(map(review_from_doc, _docs(doc, "reviews"))),
        problem=_text(doc, "problem"),
    )


_CHECKS: tuple[tuple[str, Callable[[Doc], object]], ...] = (
    (RESPONSES, response_from_doc),
    (RATINGS, rating_from_doc),
    (POINTS, point_from_doc),
    (ACTIONS, action_from_doc),
    (EVENTS, event_from_doc),
    (REVIEWS, review_from_doc),
)
"""How each table's documents are read, in the order they are checked."""


LISTED = ("mode", "practitioner", "supervisor", "date", "status", "answered", "total", "next_date")
"""The index's fields that ``supervise list --json`` shows of each session, in its order."""


def summary_listing(summary: SessionSummary) -> dict[str, Any]:
    """A summary as ``supervise list --json`` prints it: the index's shape (summary_to_doc),
    with the file's name and the frameworks covered, and without what only the app needs."""
    doc = summary_to_doc(summary)
    return {
        "id": doc["id"],
        "file": summary.file,
        **{name: doc[name] for name in LISTED},
        "frameworks": list(summary.frameworks),
        "flagged": doc["flagged"],
        # Why a damaged session cannot be opened (empty for one that can).
        "problem": summary.problem,
    }
