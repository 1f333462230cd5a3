"""A plain box: a container Textual need not draw, having no border or content of its own."""

from __future__ import annotations

from textual.containers import Vertical, VerticalScroll


class Box(Vertical):
    """A vertical box that is only ever its background: give it no border or title.

    Textual draws every widget whose box overlaps a change on screen, on every key typed; a
    blank box is drawn as plain background instead of line by line (see benchmarks/).
    """

    BLANK = True


class ScrollBox(VerticalScroll):
    """A vertical scrolling box that is only ever its background, like ``Box``."""

    BLANK = True
