"""Identifier warnings on a session's screens: marking people served, replacing identifiers."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.screen import Screen
from textual.widgets import Input

from supervise.app.commands import REPLACE_IDENTIFIERS
from supervise.app.settle import settle_input
from supervise.app.widgets.identifier_hint import IdentifierHint
from supervise.app.widgets.prompt_field import AnswerArea
from supervise.store.changes import SetServed

if TYPE_CHECKING:
    from supervise.app.live import SessionDoor


def carry_served(door: SessionDoor, folder: Path) -> None:
    """Mark in a new session the people served marked in its practitioner's latest earlier
    session (slow: reads session files, so call it off the screen thread)."""
    from supervise.store.served import served_before

    record = door.snapshot.record
    carried = served_before(folder, record.practitioner, besides=door.path)
    if carried:
        door.submit(SetServed(carried))


def _location(text: str, index: int, newline: str) -> tuple[int, int]:
    """(row, column) of character ``index`` of ``text`` whose lines end with ``newline``."""
    row = text.count(newline, 0, index)
    line_start = text.rfind(newline, 0, index) + len(newline) if row else 0
    return row, index - line_start


def _described(count: int, kinds: list[str]) -> str:
    unique = list(dict.fromkeys(kinds))
    return f"{count} identifier{'s' if count != 1 else ''} ({', '.join(unique)})"


class IdentifierActions(Screen[None]):
    """Mixed into the session screens: the names marked as people served, and the keys."""

    live: SessionDoor

    def served_names(self) -> tuple[str, ...]:
        """The names marked as people served in this session (see AnswerArea's warnings)."""
        return self.live.snapshot.record.served

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Replacing shows (in the key bar too) once an answer here holds an identifier."""
        if action == "replace_identifiers":
            found = any(hint.shown for hint in self.query(IdentifierHint))
            return found and not self.live.read_only
        if action == "mark_person":
            return not self.live.read_only
        return super().check_action(action, parameters)

    def _answer_with_identifiers(self) -> AnswerArea | None:
        """The answer being written, else the first one on screen with an identifier in it."""
        if isinstance(self.focused, AnswerArea):
            return self.focused
        return next((area for area in self.query(AnswerArea) if area.findings), None)

    async def action_replace_identifiers(self) -> None:
        """Replace each identifier in the answer being written with its placeholder.

        One edit of the answer, like typing: saved the same way, and ctrl+z undoes it.
        """
        await settle_input(self)
        if isinstance(self.focused, Input) and not self.live.read_only:
            self._replace_in_field(self.focused)
            return
        area = self._answer_with_identifiers()
        if self.live.read_only or area is None or area.read_only:
            self.notify("There is no answer to change here.", markup=False)
            return
        from supervise.privacy import find_identifiers, replaced_span

        text = area.text
        findings = find_identifiers(text, self.served_names())
        span = replaced_span(text, findings)
        if span is None:
            self.notify("Nothing in this answer looks like an identifier.", markup=False)
            return
        start, end, new = span
        newline = area.document.newline
        area.replace(new, _location(text, start, newline), _location(text, end, newline))
        area.save()
        what = _described(len(findings), [f.kind.described for f in findings])
        self.notify(f"Replaced {what} with placeholders. ctrl+z undoes it.", markup=False)

    def _replace_in_field(self, field: Input) -> None:
        """Replace the identifiers in a one-line field (a note), as typing there would."""
        from supervise.privacy import find_identifiers, replace_identifiers

        findings = find_identifiers(field.value, self.served_names())
        if not findings:
            self.notify("Nothing in this field looks like an identifier.", markup=False)
            return
        field.value = replace_identifiers(field.value, findings)
        what = _described(len(findings), [f.kind.described for f in findings])
        self.notify(f"Replaced {what} with placeholders.", markup=False)

    def action_mark_person(self) -> None:
        """Open the form that marks people served, with the words selected in the answer."""
        if self.live.read_only:
            self.notify("This session is read only.", markup=False)
            return
        from supervise.app.screens.served_people import ServedPeopleForm

        area = self.focused if isinstance(self.focused, AnswerArea) else None
        suggestion = area.selected_text if area is not None else ""
        self.app.push_screen(ServedPeopleForm(self.served_names(), suggestion), self._marked)

    def _marked(self, names: tuple[str, ...] | None) -> None:
        if names is None:
            return
        self.live.submit(SetServed(names))
        for area in self.query(AnswerArea):
            area.check_identifiers()
        marked = sum(1 for name in names if name)
        self.notify(
            f"People served marked in this session: {marked}. Where their names are written, "
            f"the line under the answer says so, and {REPLACE_IDENTIFIERS.key} replaces them.",
            markup=False,
        )
