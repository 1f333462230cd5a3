"""The export's second look at a session: which likely identifiers remain, and where."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from supervise.content import Library
from supervise.privacy import Kind
from supervise.records.build import read_record
from supervise.records.identifiers import identifiers_in, remaining_in_session, report
from supervise.store import SessionFile
from supervise.store.records import Action


def _session(folder: Path) -> Path:
    with SessionFile.create(
        folder,
        mode="supervision",
        practitioner="Sam",
        supervisor="Alex",
        date="2026-11-23",
        scope=("h3-25/pc/5",),
        opening={"check_in": "Her NHS number is 943 476 5919."},
    ) as session:
        session.set_response("h3-25/pc/5", "what", "practitioner", "Jane Smith lives at M1 1AE.")
        session.set_response("h3-25/pc/5", "so-what", "supervisor", "We met on 12/03/2025.")
        session.update_record(summary="Call jo@example.com", served=("Jane Smith",))
        session.put_action(Action("a1", "Ring 07700 900123", "jane smith", "", ""))
        return session.path


def test_each_identifier_left_is_listed_with_where_it_is(tmp_path: Path, library: Library) -> None:
    remaining = remaining_in_session(_session(tmp_path), library)
    assert [(r.where, r.finding.kind) for r in remaining] == [
        ("Opening, Check-in", Kind.NHS_NUMBER),
        ("h3-25/pc/5, What? (practitioner)", Kind.PERSON),
        ("h3-25/pc/5, What? (practitioner)", Kind.POSTCODE),
        ("Summary", Kind.EMAIL),
        ("Action 1", Kind.PHONE),
        ("Action 1, who", Kind.PERSON),
    ]
    assert str(remaining[0]) == "Opening, Check-in: an NHS number (943 476 5919)"


def test_the_report_says_how_many_and_lists_them_or_says_nothing(
    tmp_path: Path, library: Library
) -> None:
    remaining = remaining_in_session(_session(tmp_path), library)
    full = report(remaining)
    assert full.splitlines()[0].startswith("6 likely identifiers still in the record")
    assert "  Summary: an e-mail address (jo@example.com)" in full
    short = report(remaining, 2).splitlines()
    assert len(short) == 4 and short[-1] == "  and 4 more"
    assert report(()) == ""


def test_a_record_without_identifiers_has_none_left(tmp_path: Path, library: Library) -> None:
    with SessionFile.create(tmp_path, mode="self-reflection", practitioner="Sam") as session:
        session.update_record(summary="A quiet week; review on 12/03/2027.")
        path = session.path
    record = read_record(path, library)
    assert identifiers_in(record, (), date(2026, 12, 3)) == ()
