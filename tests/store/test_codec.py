"""Each stored shape has one encoder and one decoder; a newer format is refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from supervise.store import SessionFile, SessionUnreadable, codec
from supervise.store.records import Action, Event, Rating, Response


@pytest.mark.parametrize(
    ("shape", "encode", "decode"),
    [
        (
            Response("h3-25/pc/5", "what", "practitioner", "text", "t"),
            codec.shape_to_doc,
            codec.response_from_doc,
        ),
        (Rating("h3-25/pc/5", 3, True), codec.shape_to_doc, codec.rating_from_doc),
        (
            Action("a1", "Ring the GP", "Sam", "2026-12-01", "t"),
            codec.shape_to_doc,
            codec.action_from_doc,
        ),
        (Event("skipped", "t", "h3-25/k/c"), codec.shape_to_doc, codec.event_from_doc),
    ],
)
def test_every_shape_reads_back_as_it_was_written(
    shape: object, encode: object, decode: object
) -> None:
    assert decode(json.loads(json.dumps(encode(shape)))) == shape  # type: ignore[operator]


def test_a_session_file_of_a_newer_format_is_refused(tmp_path: Path) -> None:
    with SessionFile.create(tmp_path, mode="self-reflection", practitioner="Sam") as session:
        path = session.path
    data = json.loads(path.read_text(encoding="utf-8"))
    for doc in data["session"].values():
        doc["format"] = codec.FORMAT + 1
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SessionUnreadable, match="newer than this supervise reads"):
        SessionFile.open(path)
