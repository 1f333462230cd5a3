"""One action carried in from an earlier session: what, who, by when, and how it went."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, RadioSet, Static

from supervise.app.widgets.identifier_hint import IdentifierHint, served_names_of
from supervise.app.widgets.marks import MarkedRadioButton
from supervise.privacy import find_identifiers
from supervise.store.records import ActionReview, ReviewOutcome

OUTCOME_LABELS = {
    ReviewOutcome.DONE: "Done",
    ReviewOutcome.PARTLY: "Partly",
    ReviewOutcome.NOT_DONE: "Not done",
    ReviewOutcome.DROPPED: "Dropped",
}
"""How each outcome reads on its button, in the order shown."""
OUTCOMES = tuple(OUTCOME_LABELS)


def describe_action(what: str, who: str, by_when: str, today: date) -> str:
    """One line for an action: what, who and by when, with "overdue" once its date has passed."""
    due = f"by {by_when}" if by_when else "no date"
    if by_when and by_when < today.isoformat():
        due += " (overdue)"
    return f"{what} — {who or 'no one named'}, {due}"


class ActionReviewField(Vertical):
    """Asks of one carried action: done, partly, not done or dropped, with a note."""

    class Reviewed(Message):
        """The outcome or the note changed."""

        def __init__(self, review: ActionReview) -> None:
            super().__init__()
            self.review = review
            """The review as it now stands."""

    def __init__(self, review: ActionReview, today: date, *, read_only: bool = False) -> None:
        super().__init__(classes="action-review")
        self.review = review
        """The review as it now stands on screen."""
        self._today = today
        self._read_only = read_only

    def compose(self) -> ComposeResult:
        """The action, a row of outcomes and a line for a note."""
        review = self.review
        yield Static(
            "• " + describe_action(review.what, review.who, review.by_when, self._today),
            classes="action-line",
            markup=False,
        )
        with RadioSet(classes="outcome", disabled=self._read_only):
            for outcome, label in OUTCOME_LABELS.items():
                yield MarkedRadioButton(label, value=review.outcome is outcome)
        yield Input(
            review.note,
            placeholder="Note (optional): what happened, what is next",
            classes="review-note",
            disabled=self._read_only,
        )
        yield IdentifierHint()

    @property
    def unanswered(self) -> bool:
        """Whether no outcome has been chosen yet."""
        return self.review.outcome is None

    def focus_outcome(self) -> None:
        """Put the cursor on the outcome buttons."""
        self.query_one(RadioSet).focus()

    @on(RadioSet.Changed)
    def _outcome(self, event: RadioSet.Changed) -> None:
        event.stop()
        self._set(replace(self.review, outcome=OUTCOMES[event.index]))

    @on(Input.Changed, ".review-note")
    def _note(self, event: Input.Changed) -> None:
        event.stop()
        if not self._read_only:
            found = find_identifiers(event.value, served_names_of(self))
            self.query_one(IdentifierHint).show(found)
        if event.value != self.review.note:
            self._set(replace(self.review, note=event.value))

    def _set(self, review: ActionReview) -> None:
        self.review = review
        self.post_message(self.Reviewed(review))


def reviews_text(reviews: Sequence[ActionReview]) -> str:
    """The actions carried into a session and how each went, one a line, for its closing."""
    lines = ["Actions from earlier sessions (reviewed at the opening):"]
    for review in reviews:
        if review.outcome is None:
            how = "not reviewed, carried on"
        elif review.outcome.closes:
            how = OUTCOME_LABELS[review.outcome].lower()
        else:
            how = f"{OUTCOME_LABELS[review.outcome].lower()}, carried on"
        note = f": {review.note.strip()}" if review.note.strip() else ""
        lines.append(f"  {how} — {review.what}{note}")
    return "\n".join(lines)
