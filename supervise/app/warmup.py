"""Loading what opening a session needs in the background, once the session list is up."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from enum import Enum

from supervise.content import ContentError, LibraryLoader

WARM_UP_DELAY = 0.01
"""Seconds after the session list's first frame before the content and the session screens
load in the background (or at once by whatever needs them first). Not before that frame: the
list is read in a worker, and on one interpreter lock a warm-up thread beside it takes its time
from the list's first frame. Soon after it: a session opened straight away then finds most of
its code loaded (measured against 50 ms: start alike, opening 1.4-1.6x -> 1.2-1.45x a bare app;
see benchmarks/). Not 0: Textual cannot stop a zero-second timer that has not fired."""


class WarmUp(Enum):
    """Where the warm-up stands."""

    NOT_YET = "not yet"
    """Waiting for the session list's first frame."""
    SCHEDULED = "scheduled"
    """Due WARM_UP_DELAY after that frame."""
    STARTED = "started"
    """Running, or done."""
    NOT_NEEDED = "not needed"
    """Something needed the content first and loaded it itself."""


SESSION_MODULES = ("supervise.app.screens.walk", "supervise.app.sessions", "supervise.store.door")
"""Most of the cost of opening a session, imported ahead of it. Not the identifier checks:
they run after a session's first frame, and importing them here took the interpreter lock
from a session opened straight away (its first frame came 30-70 ms later)."""


def warm_up(content: LibraryLoader, broken: Callable[[ContentError], None]) -> None:
    """Load the content, the session screens' code and every item's handle (run in a thread);
    tell ``broken`` if the content cannot be loaded."""
    try:
        library = content.get()
    except ContentError as error:
        broken(error)
        library = None
    for module in SESSION_MODULES:
        importlib.import_module(module)
    if library is not None:
        from supervise.prompts import handles_of

        # Every item's line in the walk's list needs its handle; handles_of() remembers them.
        for framework in library.frameworks.values():
            for item in framework.items():
                handles_of(item)
