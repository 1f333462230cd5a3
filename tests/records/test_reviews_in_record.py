"""The record on file says how each action carried in from earlier sessions went."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

from supervise.content import Library
from supervise.records.build import read_record
from supervise.records.html import render_html
from supervise.records.markdown import render_markdown
from supervise.store import SessionFile
from supervise.store.records import ActionReview, ReviewOutcome
from tests.records.conftest import TextOf


def _session(tmp_path: Path) -> Path:
    reviews = [
        ActionReview("s1", "a1", "Call <b>the</b> landlord", "Sam *K*", "2026-11-10"),
        ActionReview("s1", "a2", "Read the policy", "", ""),
        ActionReview("s1", "a3", "Shadow a visit", "Alex", ""),
    ]
    with SessionFile.create(
        tmp_path,
        mode="supervision",
        practitioner="Sam",
        supervisor="Alex",
        date="2026-11-20",
        scope=("h3-25/pc/5",),
        reviews=reviews,
    ) as session:
        session.put_review(
            ActionReview(
                *reviews[0].key,
                "Call <b>the</b> landlord",
                "Sam *K*",
                "2026-11-10",
                ReviewOutcome.DONE,
                "booked | <i>Monday</i>",
            )
        )
        session.put_review(
            ActionReview(*reviews[1].key, "Read the policy", "", "", ReviewOutcome.PARTLY)
        )
        return session.path


def test_markdown_and_html_list_carried_actions_and_how_each_went(
    tmp_path: Path, library: Library
) -> None:
    record = read_record(_session(tmp_path), library)
    assert [r.verdict for r in record.reviews] == [
        "done",
        "partly, carried on",
        "not reviewed, carried on",
    ]
    markdown = render_markdown(record)
    assert "**Actions from earlier sessions**" in markdown
    text = TextOf(MarkdownIt("commonmark").render(markdown)).text
    assert (
        "Call <b>the</b> landlord (who: Sam *K*; by: 2026-11-10) — done: booked | <i>Monday</i>"
        in text
    )
    assert "Read the policy (who: —; by: —) — partly, carried on" in text
    page = render_html(record)
    assert "<b>the</b>" not in page and "<i>Monday</i>" not in page
    cells = TextOf(page, tag="td").chosen
    assert "Call <b>the</b> landlord" in cells and "booked | <i>Monday</i>" in cells
    assert "not reviewed, carried on" in cells
