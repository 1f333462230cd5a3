"""People served: marked names kept in the session file, through the door like any change."""

from __future__ import annotations

from pathlib import Path

import pytest

from supervise.store import SessionFile
from supervise.store.changes import SetServed, key_of, to_doc
from supervise.store.door import SessionDoor
from supervise.store.records import Mode, SessionRecord
from supervise.store.served import served_before


def test_marked_names_go_through_the_door_to_the_session_file(tmp_path: Path) -> None:
    door = SessionDoor.create(tmp_path, lambda state: None, mode="supervision", practitioner="Sam")
    door.submit(SetServed(("Jane Smith",)))
    door.submit(SetServed(("Jane Smith", "Tom Jones")))
    assert door.snapshot.record.served == ("Jane Smith", "Tom Jones")
    assert door.flush()
    path = door.path
    door.close()
    with SessionFile.open(path, read_only=True) as session:
        assert session.record.served == ("Jane Smith", "Tom Jones")


def test_a_session_with_no_one_marked_stores_no_served_key(tmp_path: Path) -> None:
    with SessionFile.create(tmp_path, mode="supervision", practitioner="Sam") as session:
        path = session.path
    assert '"served"' not in path.read_text(encoding="utf-8")
    with SessionFile.open(path, read_only=True) as session:
        assert session.record.served == ()


def test_only_the_latest_list_of_names_is_kept_while_queued() -> None:
    assert key_of(SetServed(("A B",))) == key_of(SetServed(("C D",)))
    assert to_doc(SetServed(("A B",))) == {"change": "SetServed", "names": ("A B",)}


def test_served_names_must_be_text() -> None:
    with pytest.raises(TypeError):
        SessionRecord(
            id="x",
            created="",
            mode=Mode.SUPERVISION,
            practitioner="",
            date="2026-11-23",
            served=(1,),  # type: ignore[arg-type]
        )


def _earlier(folder: Path, practitioner: str, date: str, served: tuple[str, ...]) -> Path:
    with SessionFile.create(
        folder, mode="supervision", practitioner=practitioner, date=date
    ) as session:
        session.update_record(served=served)
        return session.path


def test_a_new_session_takes_the_names_from_the_practitioners_latest_one(tmp_path: Path) -> None:
    _earlier(tmp_path, "Sam", "2026-10-01", ("Jane Smith",))
    _earlier(tmp_path, "sam ", "2026-11-01", ("", "Tom Jones"))
    _earlier(tmp_path, "Kim", "2026-11-20", ("Ann Lee",))
    newest = _earlier(tmp_path, "Sam", "2026-11-10", ())  # marked no one: look further back
    assert served_before(tmp_path, "Sam") == ("", "Tom Jones")
    assert served_before(tmp_path, "SAM", besides=newest) == ("", "Tom Jones")
    assert served_before(tmp_path, "Nobody") == ()


def test_a_damaged_earlier_session_is_passed_over(tmp_path: Path) -> None:
    _earlier(tmp_path, "Sam", "2026-10-01", ("Jane Smith",))
    damaged = _earlier(tmp_path, "Sam", "2026-11-01", ("Tom Jones",))
    served_before(tmp_path, "Sam")  # lists (and indexes) both while they are whole
    damaged.write_text("{not json", encoding="utf-8")
    assert served_before(tmp_path, "Sam") == ("Jane Smith",)
