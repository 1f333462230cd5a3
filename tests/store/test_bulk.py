"""The whole-table checks the list of sessions takes first are never looser than the checks
per document, and a file read by its size is still read whole, and still capped."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from supervise.store import bulk, codec, files
from supervise.store.errors import SessionUnreadable

ANSWER = {"item": "cyp-4.3/k/1", "stage": "what", "role": "practitioner", "text": "t"}

ANSWERS: list[dict[str, Any]] = [
    ANSWER,
    {**ANSWER, "updated": "2026-01-01T10:00:00+00:00"},
    {**ANSWER, "note": "a key of its own, kept"},
    {**ANSWER, "updated": 5},
    {**ANSWER, "updated": None},
    {**ANSWER, "role": "boss"},
    {**ANSWER, "role": ["practitioner"]},
    {**ANSWER, "text": True},
    {**ANSWER, "text": None},
    {**ANSWER, "item": 3},
    {**ANSWER, "extra": [[["deep"]]]},
    {**ANSWER, "extra": [[[[[[[[[[[[[[[["too deep"]]]]]]]]]]]]]]]]},
    {**ANSWER, "extra": {"a": 1}},
    {key: value for key, value in ANSWER.items() if key != "role"},
    {key: value for key, value in ANSWER.items() if key != "text"},
    {key: value for key, value in ANSWER.items() if key != "stage"},
]


def reads(doc: dict[str, Any]) -> bool:
    try:
        codec.response_from_doc(doc)
    except (TypeError, ValueError):
        return False
    return True


@pytest.mark.parametrize("doc", ANSWERS, ids=range(len(ANSWERS)))
def test_answers_passed_in_bulk_each_read_alone(doc: dict[str, Any]) -> None:
    if bulk.plain_answers([ANSWER, doc]):
        assert reads(doc)
    tables = {"session": {"1": RECORD}, "responses": {"1": ANSWER, "2": doc}}
    if reads(doc) and "too deep" not in str(doc):
        codec.check_tables(tables)
    else:
        with pytest.raises((TypeError, ValueError)):
            codec.check_tables(tables)


def test_answers_as_supervise_writes_them_pass_in_bulk_and_others_are_read_one_by_one() -> None:
    assert bulk.plain_answers(ANSWERS[:2])
    assert bulk.plain_answers([])
    # A key of its own is kept, not refused: the answer is read alone, and its nesting checked.
    assert not bulk.plain_answers(ANSWERS[:3])
    assert reads(ANSWERS[2])


def test_a_table_holding_a_list_or_an_object_is_not_flat() -> None:
    assert bulk.flat([ANSWER, {"n": 1, "x": 1.5, "b": True, "z": None}])
    assert not bulk.flat([ANSWER, {"x": []}])
    assert not bulk.flat([{"x": {}}])


RECORD = {
    "id": "abc",
    "created": "2026-01-01T10:00:00+00:00",
    "mode": "self-reflection",
    "practitioner": "Sam",
    "date": "2026-01-01",
}


def test_a_file_that_grows_after_its_size_was_taken_is_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "2026-01-01-abc.json"
    path.write_text('{"session": {}}' + " " * 100, encoding="utf-8")
    real = os.fstat

    def smaller(fd: int) -> os.stat_result:
        info = real(fd)
        return os.stat_result((*info[:6], 10, *info[7:]))

    monkeypatch.setattr(os, "fstat", smaller)
    assert files.read_text(path) == path.read_text(encoding="utf-8")
    monkeypatch.setattr(files, "MAX_SESSION_BYTES", 50)
    with pytest.raises(SessionUnreadable, match="larger than a session file can be"):
        files.read_text(path)


@pytest.mark.parametrize(
    "docs",
    [
        [ANSWER, {**ANSWER, "item": "b", "text": "  \n"}, {**ANSWER, "item": "c"}],
        [ANSWER, {**ANSWER, "item": 7}],
        [ANSWER, {**ANSWER, "item": 7, "text": " "}],
        [ANSWER, {**ANSWER, "item": ["x"]}],
        [ANSWER, {**ANSWER, "item": ["x"], "text": ""}],
        [ANSWER, {**ANSWER, "text": 5}],
        [ANSWER, {"item": "b"}],
        [ANSWER, {"text": "t"}],
        [],
    ],
)
def test_answered_items_in_bulk_are_those_found_one_by_one(docs: list[dict[str, Any]]) -> None:
    one_by_one = {
        doc["item"]
        for doc in docs
        if isinstance(doc.get("item"), str)
        and isinstance(doc.get("text"), str)
        and doc["text"].strip()
    }
    assert codec.answered_items(docs) == one_by_one
    assert codec.answered_items(iter(docs)) == one_by_one
