"""Loading what opening a session needs in the background, once the session list is up."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from supervise.content import ContentError, LibraryLoader

WARM_UP_DELAY = 0.05
"""Seconds after the session list's first frame before the content and the session screens
load in the background (sooner if they are needed). Not earlier: the list is read in a worker,
and on one interpreter lock a warm-up thread running beside it takes its time from the list's
first frame (see benchmarks/); soon enough to be done before anyone has picked a session."""

SESSION_MODULES = ("supervise.app.screens.walk", "supervise.app.sessions", "supervise.store.door")
"""Most of the cost of opening a session, imported ahead of it."""


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
