"""A session full of hostile text, made through the store, for the record tests."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from supervise.store import SessionFile

EVIL = (
    "# Not a heading\n"
    "<script>alert('x')</script> <b>bold?</b> **strong** _em_ `code` [link](http://example.com)"
    " ![img](x.png) <http://auto.link>\n"
    "1. not a list\n"
    "- not a list\n"
    "    not code\n"
    "> not a quote\n"
    "---\n"
    "| a | b |\n"
    "&amp; &lt; $x^2$ :smile: @someone ~~struck~~ ==hi== C# #\n"
    "\n"
    "terminal \x1b[31mred\x1b[0m bell\x07 nul\x00 del\x7f c1\x85 cr\rend \\\n"
    "a bad paste \ud83d (half an emoji) and Zofia’s «مرحبا» 🙂"
)
"""Markdown, HTML, entities and control characters: every one must show as typed."""
SCOPE = ("h3-25/pc/5", "h3-25/k/c", "cyp-4.3/k/1")
"""An item answered in full, one skipped and one with ticked points."""


def words(name: str) -> str:
    """Distinct text for one answer, so a missing one shows, with the hostile text in it."""
    return f"{name} said this.\n{EVIL}"


@pytest.fixture
def rich_session(tmp_path: Path) -> Path:
    """A signed supervision session with answers from both people, ratings, points, actions."""
    folder = tmp_path / "sessions"
    with SessionFile.create(
        folder,
        mode="supervision",
        practitioner="Sam <i>B</i>",
        supervisor="Alex *C*",
        date="2026-11-23",
        scope=SCOPE,
        agenda=words("agenda"),
        opening={"check_in": words("check-in"), "purpose": words("purpose")},
    ) as session:
        for stage in ("what", "so-what", "now-what"):
            for role in ("practitioner", "supervisor"):
                session.set_response("h3-25/pc/5", stage, role, words(f"{stage}-{role}"))
        session.set_response("cyp-4.3/k/1", "points", "practitioner", words("points"))
        session.set_response("cyp-4.3/k/1", "old-stage", "practitioner", words("leftover"))
        session.set_point("cyp-4.3/k/1", 1, True)
        session.set_confidence("h3-25/pc/5", 2)
        session.set_bring_to_supervision("cyp-4.3/k/1", True)
        session.log("skipped", "h3-25/k/c")
        session.add_action(words("action-one"), "Sam <i>B</i>", "2026-12-01")
        session.add_action("Ring the school | today", "Alex *C*", "")
        session.update_record(
            summary=words("summary"), next_date="2026-12-20", elapsed_seconds=1830
        )
        session.complete()
        session.sign("practitioner", "Sam <i>B</i>")
        session.sign("supervisor", "Alex *C*")
        return session.path


class TextOf(HTMLParser):
    """The visible text of an HTML page, and of each element with a chosen tag or class."""

    def __init__(self, html: str, *, tag: str = "", cls: str = "") -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        """Every start tag, in order."""
        self.parts: list[str] = []
        self.chosen: list[str] = []
        """The text of each chosen element."""
        self._depth = 0
        self._want = (tag, cls)
        self.feed(html)
        self.close()

    @property
    def text(self) -> str:
        """All the visible text."""
        return "".join(self.parts)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        classes = (dict(attrs).get("class") or "").split()
        wanted_tag, wanted_class = self._want
        if self._depth:
            self._depth += 1
        elif (wanted_tag and tag == wanted_tag) or (wanted_class and wanted_class in classes):
            self._depth = 1
            self.chosen.append("")

    def handle_endtag(self, tag: str) -> None:
        if self._depth:
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
        if self._depth:
            self.chosen[-1] += data
