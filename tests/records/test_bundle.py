"""Hand-over by file: a bundle moves a session whole, and a damaged one changes nothing."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from supervise.content import Library
from supervise.records.bundle import VERSION, BundleRefused, canonical, checksum, read_bundle
from supervise.records.export import Format, export_session
from supervise.records.handover import Outcome, import_bundle, import_file
from supervise.store import SessionFile, list_sessions
from supervise.store.files import load_tables
from supervise.store.snapshot import Snapshot


def _folder_state(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` (hidden ones too) and its bytes."""
    if not folder.exists():
        return {}
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _bundle(path: Path, library: Library, tmp_path: Path) -> Path:
    target = tmp_path / "handover.bundle.json"
    target.write_bytes(export_session(path, Format.JSON, library))
    return target


def test_round_trip_into_an_empty_folder_is_the_same_session(
    rich_session: Path, library: Library, tmp_path: Path
) -> None:
    bundle = _bundle(rich_session, library, tmp_path)
    other = tmp_path / "elsewhere"
    result = import_file(other, bundle)
    assert result.outcome is Outcome.ADDED and result.path.name == rich_session.name
    assert load_tables(result.path) == load_tables(rich_session)
    with (
        SessionFile.open_read_only(rich_session) as a,
        SessionFile.open_read_only(result.path) as b,
    ):
        assert Snapshot.of(a) == Snapshot.of(b)
    assert result.path.stat().st_mode & 0o777 == 0o600
    assert [s.id for s in list_sessions(other)] == [result.path.name[11:19]]


def test_the_bundle_describes_itself_and_its_checksum_is_of_a_canonical_encoding(
    rich_session: Path, library: Library, tmp_path: Path
) -> None:
    body = json.loads(_bundle(rich_session, library, tmp_path).read_bytes())
    assert body["format"] == "supervise-session-bundle" and body["version"] == VERSION
    assert body["checksum"]["algorithm"] == "sha256"
    rest = {k: v for k, v in body.items() if k != "checksum"}
    assert body["checksum"]["value"] == hashlib.sha256(canonical(rest)).hexdigest()
    assert body["record"]["header"]["people"][0]["name"] == "Sam <i>B</i>"
    assert body["session"] == load_tables(rich_session)


def _rewritten(body: dict[str, object], **changes: object) -> bytes:
    body = {**body, **changes}
    body["checksum"] = {"algorithm": "sha256", "value": checksum(body)}
    return json.dumps(body).encode()


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        ("truncate", "truncated"),
        ("truncate-at-brace", "truncated"),
        ("edit", "checksum does not match"),
        ("newer", "newer supervise (bundle format 2"),
        ("not-json", "not valid JSON"),
        ("not-a-bundle", "not a supervise session bundle"),
        ("bad-session", "not a valid session"),
        ("binary", "not text"),
        ("keyed-by-a-word", "numbered 'abc'"),
        ("nested-deep", "nested more than"),
        ("nested-very-deep", "not valid JSON"),
        ("huge", "larger than a bundle can be"),
    ],
)
def test_a_damaged_bundle_is_refused_with_the_reason_and_nothing_changes(
    rich_session: Path, library: Library, tmp_path: Path, damage: str, reason: str
) -> None:
    raw = _bundle(rich_session, library, tmp_path).read_bytes()
    body = json.loads(raw)
    broken = {
        "truncate": raw[: len(raw) * 2 // 3],
        "truncate-at-brace": raw[: raw.index(b"}", len(raw) // 2) + 1],
        "edit": raw.replace(b"now-what-practitioner said", b"now-what-practitioner wrote"),
        "newer": _rewritten(body, version=VERSION + 1),
        "not-json": raw.replace(b'"version"', b"'version'", 1),
        "not-a-bundle": json.dumps({"format": "something else"}).encode(),
        "bad-session": _rewritten(body, session={"session": {"1": {"id": 3}}}),
        "binary": b"\xff\xfe\x00junk",
        "keyed-by-a-word": _rewritten(
            body, session={**body["session"], "session": {"abc": body["session"]["session"]["1"]}}
        ),
        "nested-deep": raw.replace(
            b'"version"', b'"x": ' + b"[" * 100 + b"]" * 100 + b', "version"'
        ),
        "nested-very-deep": raw.replace(
            b'"version"', b'"x": ' + b"[" * 9000 + b"]" * 9000 + b', "version"'
        ),
        "huge": b"",
    }[damage]
    file = tmp_path / "broken.bundle.json"
    file.write_bytes(broken)
    if damage == "huge":
        with open(file, "wb") as sparse:
            sparse.truncate(1 << 30)
    for folder in (rich_session.parent, tmp_path / "empty"):
        before = _folder_state(folder)
        with pytest.raises(BundleRefused) as refused:
            import_file(folder, file)
        assert reason in str(refused.value) and "Nothing was imported" in str(refused.value)
        assert _folder_state(folder) == before


def test_the_same_session_is_never_overwritten(
    rich_session: Path, library: Library, tmp_path: Path
) -> None:
    file = _bundle(rich_session, library, tmp_path)
    folder = rich_session.parent
    same = import_file(folder, file)
    assert same.outcome is Outcome.ALREADY_HERE and "Nothing to do" in same.message()
    assert len(list_sessions(folder)) == 1
    # The session changes here after the export: the bundle is now a different version of it.
    before = rich_session.read_bytes()
    tables = load_tables(rich_session)
    assert tables is not None
    tables["session"]["1"]["summary"] = "changed here since"
    rich_session.write_text(json.dumps(tables), encoding="utf-8")
    changed = rich_session.read_bytes()
    both = import_bundle(folder, read_bundle(file.read_bytes()))
    assert both.outcome is Outcome.KEPT_BOTH and "both are kept" in both.message()
    assert both.path != rich_session and rich_session.read_bytes() == changed != before
    with SessionFile.open_read_only(both.path) as imported:
        assert imported.record.id != tables["session"]["1"]["id"]
        assert imported.record.summary != "changed here since"
    assert len(list_sessions(folder)) == 2
