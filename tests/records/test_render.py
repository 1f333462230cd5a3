"""Records hold every answer and action, and show what people typed exactly, never as markup."""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it import MarkdownIt

from supervise.content import Library
from supervise.records.build import read_record
from supervise.records.html import render_html
from supervise.records.markdown import render_markdown
from supervise.records.model import facts as header_facts
from supervise.store import SessionFile
from supervise.visible import visible
from tests.records.conftest import EVIL, TextOf, words

ANSWERS = [
    f"{stage}-{role}"
    for stage in ("what", "so-what", "now-what")
    for role in ("practitioner", "supervisor")
]
EVERY_TEXT = [
    "agenda",
    "check-in",
    "purpose",
    *ANSWERS,
    "points",
    "leftover",
    "summary",
    "action-one",
]
"""Every piece of text the rich session holds (see conftest.words)."""


def _lines(text: str) -> list[str]:
    """Non-blank lines, each with its spacing normalised (no-break spaces keep indentation)."""
    return [
        " ".join(line.split()) for line in text.replace("\u00a0", " ").split("\n") if line.strip()
    ]


def test_control_characters_are_shown_not_obeyed() -> None:
    assert (
        visible("a\x1b[31mb\x07c\x00d\x7fe\x85f\rg\r\nh\ud83di")
        == "a␛[31mb␇c␀d␡e\ufffdf\ng\nh\ufffdi"
    )
    assert visible("tab\tand\nnewline stay") == "tab\tand\nnewline stay"


def test_markdown_holds_every_answer_and_action_as_typed(
    rich_session: Path, library: Library
) -> None:
    markdown = render_markdown(read_record(rich_session, library))
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", markdown)
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    page = parser.render(markdown)
    quotes = TextOf(page, tag="blockquote").chosen
    expected = _lines(visible(EVIL))
    for name in EVERY_TEXT:
        if name == "action-one":
            continue
        shown = [q for q in quotes if q.strip().startswith(f"{name} said this.")]
        assert len(shown) == 1, name
        assert _lines(shown[0]) == [f"{name} said this.", *expected], name
    # Nothing anyone typed became markup: only the record's own structure is there.
    tags = set(TextOf(page).tags)
    assert tags <= {
        "h1",
        "h2",
        "h3",
        "h4",
        "p",
        "em",
        "strong",
        "ul",
        "ol",
        "li",
        "blockquote",
        "br",
    }, tags
    text = TextOf(page).text
    assert "<script>alert('x')</script>" in text and "Sam <i>B</i>" in text
    action = " ".join(_lines(visible(words("action-one"))))
    assert action in " ".join(text.replace("\u00a0", " ").split())
    assert "Ring the school | today (who: Alex *C*; by: —)" in text


def test_html_holds_every_answer_and_action_as_typed(rich_session: Path, library: Library) -> None:
    page = render_html(read_record(rich_session, library))
    assert "<script>" not in page and "<i>B</i>" not in page
    assert not re.search(r"(src|href)=|@import|url\(", page), "no external assets"
    shown = TextOf(page, cls="words").chosen
    for name in EVERY_TEXT[:-1]:
        assert visible(words(name)).strip() in shown, name
    cells = TextOf(page, tag="td").chosen
    assert visible(words("action-one")) in cells and "Ring the school | today" in cells
    assert "Confidential" in TextOf(page, cls="confidential").chosen[0]
    assert "@page { size: A4" in page and "@media print" in page


def test_the_record_has_the_header_skips_ratings_points_and_sign_off(
    rich_session: Path, library: Library
) -> None:
    record = read_record(rich_session, library)
    facts = dict(header_facts(record))
    assert facts["Practitioner"] == "Sam <i>B</i>" and facts["Supervisor"] == "Alex *C*"
    assert facts["Status"] == "Signed" and facts["Length"].startswith("30 min")
    assert facts["Reflective model"].startswith("Driscoll")
    assert "Signed (practitioner)" in facts and "Signed (supervisor)" in facts
    items = {item.ref: item for item in record.items}
    assert items["h3-25/k/c"].skipped and not items["h3-25/k/c"].answered
    assert items["h3-25/pc/5"].confidence_words == "2 of 5, A little"
    assert items["cyp-4.3/k/1"].bring_to_supervision
    point = library.item("cyp-4.3/k/1").points[1].text
    assert items["cyp-4.3/k/1"].points == (point,)
    markdown = render_markdown(record)
    assert "### h3-25/k/c (skipped)" in markdown
    assert "- Practitioner: Sam \\<i\\>B\\</i\\>," in markdown
    assert "Next session:** 2026-12-20" in markdown


def test_an_empty_prompt_collapses(rich_session: Path, library: Library) -> None:
    page = render_html(read_record(rich_session, library))
    # cyp-4.3/k/1 has its points answered but not its three stages.
    assert page.count('<details class="empty">') == 3
    assert "details.empty { display: none; }" in page


def test_answers_to_content_no_longer_loaded_are_kept(tmp_path: Path, library: Library) -> None:
    with SessionFile.create(
        tmp_path / "sessions",
        mode="self-reflection",
        practitioner="Jo",
        model="someone-elses-model",
        scope=["their-framework/s/1", "h3-25/pc/5"],
    ) as session:
        session.set_response("their-framework/s/1", "reflect", "practitioner", "kept *one*")
        session.set_response("h3-25/pc/5", "what", "practitioner", "kept two")
        path = session.path
    record = read_record(path, library)
    assert record.header.model == "someone-elses-model"
    lost = record.items[0]
    assert lost.where == "not in the loaded content" and lost.answered
    assert lost.prompts[0].title == "reflect" and lost.prompts[0].practitioner == "kept *one*"
    markdown = render_markdown(record)
    assert "> kept \\*one\\*" in markdown and "> kept two" in markdown
