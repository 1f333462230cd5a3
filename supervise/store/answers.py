"""The answers part of a session: responses to prompts, ratings and ticked sub-points."""

from __future__ import annotations

from typing import Any

from tinydb import where
from tinydb.table import Document, Table

from supervise.store import codec
from supervise.store.guard import Guarded, check_text, reading, writing
from supervise.store.records import Rating, Response, check_confidence, check_role, now_iso


class Answers(Guarded):
    """Responses, ratings and ticked points of one session (mixed into SessionFile)."""

    _responses: Table
    _ratings: Table
    _points: Table
    _response_ids: dict[tuple[str, str, str], int] | None

    # -- responses ------------------------------------------------------------------------

    def _response_id(self, item: str, stage: str, role: str) -> int | None:
        """The document holding one prompt's answer, found without scanning every answer."""
        if self._response_ids is None:
            self._response_ids = {
                (str(doc["item"]), str(doc["stage"]), str(doc["role"])): doc.doc_id
                for doc in self._responses.all()
            }
        return self._response_ids.get((item, stage, role))

    @reading
    def response(self, item: str, stage: str, role: str) -> str:
        """The text answered for one prompt, or "" if none."""
        doc_id = self._response_id(item, stage, role)
        doc = None if doc_id is None else self._responses.get(doc_id=doc_id)
        return str(doc["text"]) if isinstance(doc, dict) else ""

    @reading
    def responses(self) -> list[Response]:
        """Every response, in the order first answered."""
        return [codec.response_from_doc(doc) for doc in self._responses.all()]

    @writing
    def set_response(self, item: str, stage: str, role: str, text: str) -> None:
        """Save the answer to one prompt; an emptied answer is kept as "" (it was deliberate)."""
        check_text(item=item, stage=stage, text=text)
        check_role(role)
        doc_id = self._response_id(item, stage, role)
        doc = None if doc_id is None else self._responses.get(doc_id=doc_id)
        if doc_id is not None and isinstance(doc, dict):
            if doc["text"] != text:
                self._responses.update({"text": text, "updated": now_iso()}, doc_ids=[doc_id])
        elif text:
            new_id = self._responses.insert(
                codec.shape_to_doc(Response(item, stage, role, text, now_iso()))
            )
            if self._response_ids is not None:
                self._response_ids[(item, stage, role)] = new_id

    @reading
    def answered_items(self) -> set[str]:
        """Items with at least one answer that is not blank."""
        return codec.answered_items(self._responses.all())

    # -- ratings and ticked points --------------------------------------------------------

    def _rating_doc(self, item: str) -> Document | None:
        docs = self._ratings.search(where("item") == item)
        return docs[0] if docs else None

    @reading
    def rating(self, item: str) -> Rating:
        """How the practitioner rated ``item`` (unrated if never set)."""
        doc = self._rating_doc(item)
        return Rating(item) if doc is None else codec.rating_from_doc(doc)

    @reading
    def ratings(self) -> list[Rating]:
        """Every item's rating that has been set."""
        return [codec.rating_from_doc(doc) for doc in self._ratings.all()]

    def _set_rating(self, item: str, **fields: Any) -> None:
        check_text(item=item)
        doc = self._rating_doc(item)
        if doc is None:
            self._ratings.insert({**codec.shape_to_doc(Rating(item)), **fields})
        elif any(doc.get(k) != v for k, v in fields.items()):
            self._ratings.update(fields, doc_ids=[doc.doc_id])

    @writing
    def set_confidence(self, item: str, value: int | None) -> None:
        """Rate confidence in ``item`` from 1 to 5, or clear it with None."""
        check_confidence(value)
        self._set_rating(item, confidence=value)

    @writing
    def set_bring_to_supervision(self, item: str, flag: bool) -> None:
        """Mark ``item`` (or unmark it) as one to bring to supervision."""
        if not isinstance(flag, bool):
            raise TypeError("flag must be True or False")
        self._set_rating(item, bring_to_supervision=flag)

    @reading
    def ticked_points(self, item: str) -> frozenset[int]:
        """The indexes of ``item``'s sub-points that are ticked."""
        return frozenset(int(doc["index"]) for doc in self._points.search(where("item") == item))

    @reading
    def points(self) -> list[tuple[str, int]]:
        """Every ticked sub-point, as (item, index)."""
        return [codec.point_from_doc(doc) for doc in self._points.all()]

    @writing
    def set_point(self, item: str, index: int, ticked: bool) -> None:
        """Tick or untick sub-point ``index`` of ``item``."""
        check_text(item=item)
        if isinstance(index, bool) or not isinstance(index, int) or index < 0:
            raise ValueError(f"index must be a whole number from 0, not {index!r}")
        docs = self._points.search((where("item") == item) & (where("index") == index))
        if ticked and not docs:
            self._points.insert(codec.point_to_doc(item, index))
        elif not ticked and docs:
            self._points.remove(doc_ids=[doc.doc_id for doc in docs])
