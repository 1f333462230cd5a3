"""A reflection prompt and its answer area, which saves a moment after the last key."""

from __future__ import annotations

from collections.abc import Callable
from time import monotonic
from typing import TYPE_CHECKING, Self

from textual import work
from textual.geometry import Region, Size
from textual.markup import escape
from textual.reactive import Reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Label, TextArea
from textual.widgets.text_area import Edit, EditResult
from textual.worker import get_current_worker

from supervise.app.textual_private import quiet_virtual_size, update_scrollbars
from supervise.app.widgets.box import Box
from supervise.app.widgets.identifier_hint import IdentifierHint, served_names_of

if TYPE_CHECKING:
    from supervise.privacy import Finding

SAVE_DELAY = 0.3
"""Seconds after the last key before an answer is written: short enough that a crash loses at
most this much typing, long enough that a fast typist does not cause a write per key."""

SAVE_AT_LEAST_EVERY = 0.6
"""Seconds of unbroken typing after which the answer is written anyway, so someone who never
pauses still has everything but the last moment on disk."""

CHECK_AFTER_OPEN = 0.2
"""Seconds after an answer brought back from the file is shown before it is checked for
identifiers: the session's first frames (the answers, then the cursor in one) come first, and
the first check also loads the detectors (~10 ms; see benchmarks/, opening a session)."""

CHECK_IN_THREAD = 10_000
"""Characters from which an answer is checked for identifiers off the screen thread (a few
milliseconds' work below it; a pasted report of a megabyte would take a third of a second)."""


class AnswerArea(TextArea):
    """A multi-line answer that hands its text to ``on_save`` shortly after each change."""

    # An answer's own height is fixed (see the stylesheet), so a new line of text need only
    # move its scrollbar, not lay the screen out again (also as each answer is first wrapped
    # when a session opens).
    virtual_size: Reactive[Size] = quiet_virtual_size()
    _editing = False
    """True while an edit is made (see ``edit``); a class default, as Widget refreshes itself
    before ``__init__`` here has run."""

    def watch_virtual_size(self, size: Size) -> None:
        """Bring the scrollbar up to date with the text, and keep the cursor in view."""
        update_scrollbars(self, size)
        # TextArea scrolls to the cursor before the text's new size is known, so a new last
        # line (from enter) stayed below the bottom edge until the next key.
        if self.has_focus:
            self.scroll_cursor_visible()

    def __init__(
        self,
        text: str,
        on_save: Callable[[str], None],
        *,
        read_only: bool = False,
        classes: str = "",
        field: str = "",
    ) -> None:
        super().__init__(
            text, soft_wrap=True, tab_behavior="focus", read_only=read_only, classes=classes
        )
        self.field = field
        """Which answer this is, so a resumed session can return the cursor to it."""
        self._on_save = on_save
        self._saved_text = text
        self._timer: Timer | None = None
        self._dirty_since: float | None = None
        self.hint: IdentifierHint | None = None
        """The line under the answer that says what in it looks like an identifier (added
        the first time there is something to say: most answers never need one)."""
        self.findings: tuple[Finding, ...] = ()
        """What in the answer looked like an identifier when it was last checked."""
        self._checked: tuple[str, tuple[str, ...]] | None = None

    def edit(self, edit: Edit) -> EditResult:
        """Make ``edit``, redrawing only the lines from its first row down, not the whole area.

        TextArea redraws all of itself when its selection moves, which an edit always does; a
        key typed near the end of a long answer then redrew every line above it (and made
        Textual redraw each widget around the answer with it: see benchmarks/). Rows above the
        edit's (and the cursor's) row, bar the one just above, neither change nor move, so only
        the rest is redrawn; anything that scrolls the area still redraws all of it.
        """
        # A word can move up a row when the text after it changes, so the row above goes too.
        top = min(edit.top, *self.selection)
        first = max(0, self.wrapped_document.location_to_offset(top).y - 1)
        scrolled = self.scroll_offset
        self._editing = True
        try:
            result = super().edit(edit)
        finally:
            self._editing = False
        if self.scroll_offset != scrolled:
            self.refresh()
        else:
            self.refresh_lines(first, max(1, scrolled.y + self.size.height - first))
        return result

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        """Refresh as Widget does, except the whole-area redraw an edit asks for (see ``edit``)."""
        if self._editing and not regions and not layout and not recompose:
            return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    @property
    def unsaved(self) -> bool:
        """Whether the answer on screen differs from the last one handed to the store."""
        return self.text != self._saved_text

    def _on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Restart the save countdown on every change."""
        # Handled here and stopped: each widget a message bubbles through costs time per key.
        event.stop()
        if self.read_only:
            return
        now = monotonic()
        if self._dirty_since is None:
            self._dirty_since = now
        if now - self._dirty_since >= SAVE_AT_LEAST_EVERY:
            self.save()
        elif self._timer is None:
            self._timer = self.set_timer(SAVE_DELAY, self.save)
        else:
            self._timer.reset()

    def _on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        """Keep cursor moves here: nothing above needs them."""
        event.stop()

    def save(self) -> None:
        """Hand the answer to the store now if it changed."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._dirty_since = None
        if self.unsaved and not self.read_only:
            self._saved_text = self.text
            self._on_save(self._saved_text)
            # Checked as often as saved: after a pause, or every moment of unbroken typing.
            self.check_identifiers()

    def on_mount(self) -> None:
        """Say, a moment after the session is shown, if an answer brought back from the file
        holds an identifier (see ``CHECK_AFTER_OPEN``)."""
        if self.document.text:
            self.set_timer(CHECK_AFTER_OPEN, self.check_identifiers)

    def check_identifiers(self, *, again: bool = False) -> None:
        """Look for identifiers in the answer and show what is found under it.

        Only when the text (or the names marked) changed since the last look, unless
        ``again``. A long answer is read in a thread, so typing never waits for it.
        """
        if self.read_only:
            return
        checked = (self.text, served_names_of(self))
        if checked == self._checked and not again:
            return
        self._checked = checked
        if len(checked[0]) >= CHECK_IN_THREAD:
            self._check_in_thread(*checked)
        else:
            # Imported here, not with the walk: no session's first frame waits for it.
            from supervise.privacy import find_identifiers

            self._found(checked[0], find_identifiers(*checked))

    @work(thread=True, exclusive=True, group="identifiers")
    def _check_in_thread(self, text: str, served: tuple[str, ...]) -> None:
        from supervise.privacy import find_identifiers_in_parts

        findings = find_identifiers_in_parts(text, served)
        # Cancelled when the answer left the screen (or a newer look began): nobody to tell.
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._found, text, findings)

    def _found(self, text: str, findings: tuple[Finding, ...]) -> None:
        if self._checked is None or self._checked[0] != text or not self.is_attached:
            return  # the answer changed meanwhile: the look at it as it is now tells
        self.findings = findings
        if self.hint is None and findings and isinstance(self.parent, Widget):
            self.hint = IdentifierHint()
            self.parent.mount(self.hint, after=self)
        if self.hint is not None:
            self.hint.show(findings)


class PromptField(Box):
    """A prompt's label above its answer area.

    The two share a box so that typing redraws only them: Textual redraws every widget whose
    parent overlaps the changed area on each key, and this keeps the other prompts' answer
    areas out of that (see benchmarks/).
    """

    def __init__(
        self,
        prompt: str,
        text: str,
        on_save: Callable[[str], None],
        *,
        heading: str = "",
        read_only: bool = False,
        role: str = "practitioner",
        field: str = "",
    ) -> None:
        lead = f"[b]{escape(heading)}[/b]  " if heading else ""
        answer = AnswerArea(
            text, on_save, read_only=read_only, classes=f"answer {role}", field=field
        )
        label = Label(f"{lead}{escape(prompt)}", classes=f"prompt {role}", markup=True)
        super().__init__(label, answer, classes=f"prompt-field {role}")
