"""``supervise list --json`` rows come from the store's one codec of a session's summary."""

from __future__ import annotations

from collections.abc import Callable

from supervise.store import SessionFile
from supervise.store.codec import LISTED, summary_listing, summary_to_doc
from tests.store.conftest import SCOPE


def test_a_listing_row_is_the_index_shape_with_the_file_and_frameworks(
    new_session: Callable[..., SessionFile],
) -> None:
    session = new_session(next_date="2026-12-24")
    session.set_response(SCOPE[0], "what", "practitioner", "yes")
    session.set_bring_to_supervision(SCOPE[2], True)
    summary = session.summary()
    row = summary_listing(summary)
    indexed = summary_to_doc(summary)
    assert list(row) == ["id", "file", *LISTED, "frameworks", "flagged", "problem"]
    assert all(row[name] == indexed[name] for name in ("id", *LISTED, "flagged"))
    assert row["file"] == session.path.name
    assert row["frameworks"] == ["h3-25", "cyp-4.3"]
    assert row["flagged"] == [SCOPE[2]] and row["answered"] == 1
