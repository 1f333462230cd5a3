"""Search: every session's words found, in order, without a lock taken or a session changed."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from supervise.store import SessionFile
from supervise.store.search import Found, excerpt, search, segments
from supervise.store.wordindex import INDEX_NAME
from tests.store.conftest import SCOPE


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file but the search index (which a search keeps up to date), as it stands."""
    return {
        p.name: (p.stat().st_mtime_ns, p.stat().st_size)
        for p in folder.iterdir()
        if p.name != INDEX_NAME
    }


def test_a_word_typed_three_sessions_ago_is_found_where_it_was_typed(
    folder: Path, new_session: Callable[..., SessionFile]
) -> None:
    dates = ("2026-09-01", "2026-10-01", "2026-11-01", "2026-12-01")
    for n, day in enumerate(dates):
        session = new_session(date=day)
        session.set_response(SCOPE[1], "what", "practitioner", f"Visit number {n}.")
        if n == 0:
            session.set_response(
                SCOPE[2], "so-what", "supervisor", "First line.\nThe Zugzwang moment, again."
            )
        session.close()
    hits = search(folder, "zugzwang")
    assert len(hits) == 1
    hit = hits[0]
    assert (hit.date, hit.place, hit.detail, hit.role) == (
        "2026-09-01",
        SCOPE[2],
        "so-what",
        "supervisor",
    )
    assert hit.found is Found.ANSWER
    assert hit.line == "The Zugzwang moment, again."
    assert [hit.line[a:b] for a, b in hit.spans] == ["Zugzwang"]
    # Every word must be in the same text; newest session first.
    assert [h.date for h in search(folder, "visit NUMBER")] == sorted(dates, reverse=True)
    assert search(folder, "visit zugzwang") == []
    assert search(folder, "   ") == []


def test_opening_summary_and_actions_are_searched_and_open_at_their_place(
    folder: Path, new_session: Callable[..., SessionFile]
) -> None:
    session = new_session()
    session.update_record(
        opening={"check_in": "Tired after the flood"}, summary="The flood plan", agenda=""
    )
    session.add_action("Ring the flood team", "Sam", "2026-12-01")
    session.close()
    hits = search(folder, "flood")
    assert [(h.found, h.place) for h in hits] == [
        (Found.OPENING, "opening"),
        (Found.SUMMARY, "closing"),
        (Found.ACTION, "closing"),
    ]
    assert hits[0].where == "opening · check in"


def test_searching_takes_no_lock_changes_nothing_and_skips_damaged_files(
    folder: Path, new_session: Callable[..., SessionFile]
) -> None:
    session = new_session()
    session.set_response(SCOPE[0], "what", "practitioner", "kept: résumé ÉCOLE")
    (folder / "2026-01-01-broken00.json").write_text('{"session": ', encoding="utf-8")
    (folder / "2026-01-02-notjson0.json").write_bytes(b"\xff\xfe")
    before = _snapshot(folder)
    # The session is still open (and locked) in "another window".
    hits = search(folder, "école RÉSUMÉ")
    assert [h.line for h in hits] == ["kept: résumé ÉCOLE"]
    assert _snapshot(folder) == before
    session.close()


def test_control_characters_stay_in_the_hit_for_the_display_to_draw(
    folder: Path, new_session: Callable[..., SessionFile]
) -> None:
    session = new_session()
    session.set_response(SCOPE[0], "what", "practitioner", "bell\x07 and [b]markup[/b]")
    session.close()
    (hit,) = search(folder, "[b]markup")
    assert hit.line == "bell\x07 and [b]markup[/b]"
    assert segments(hit.line, hit.spans) == [
        ("bell\x07 and ", False),
        ("[b]markup", True),
        ("[/b]", False),
    ]


def test_a_long_line_is_cut_around_its_first_match() -> None:
    line = "a" * 300 + " needle " + "b" * 300
    start = line.index("needle")
    cut, spans = excerpt(line, ((start, start + 6),), width=60)
    assert cut.startswith("…") and cut.endswith("…") and len(cut) == 62
    assert [cut[a:b] for a, b in spans] == ["needle"]


def test_a_missing_folder_finds_nothing(tmp_path: Path) -> None:
    assert search(tmp_path / "nowhere", "word") == []
    assert not (tmp_path / "nowhere").exists()
    assert os.listdir(tmp_path) == []


def test_a_limit_keeps_the_newest_places_and_stops_reading(
    folder: Path, new_session: Callable[..., SessionFile]
) -> None:
    for day in ("2026-09-01", "2026-10-01", "2026-11-01"):
        session = new_session(date=day)
        for ref in SCOPE:
            session.set_response(ref, "what", "practitioner", "the same word")
        session.close()
    hits = search(folder, "word", limit=4)
    assert [(h.date, h.place) for h in hits] == [
        ("2026-11-01", SCOPE[0]),
        ("2026-11-01", SCOPE[1]),
        ("2026-11-01", SCOPE[2]),
        ("2026-10-01", SCOPE[0]),
    ]
    assert len(search(folder, "word")) == 9
