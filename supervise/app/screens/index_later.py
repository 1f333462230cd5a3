"""The session list's index, written a moment after the rows are shown rather than beside them."""

from __future__ import annotations

import logging

from textual.screen import Screen

from supervise.store import StoreError
from supervise.store.catalog import Listing

log = logging.getLogger(__name__)

INDEX_DELAY = 1.0
"""Seconds after a listing is shown before its index is written. The index only speeds the next
listing; written at once, its write took about 40 ms from the list's first frames, when the
list was read without one (each of the thread's system calls waits its turn for the
interpreter lock against the drawing; see benchmarks/). Leaving sooner writes it then."""


class IndexLater(Screen[None]):
    """Writes the index of the last listing shown, once the list has been up a moment."""

    _index_to_save: Listing | None = None

    def save_index_later(self, listing: Listing) -> None:
        """Write ``listing``'s index (if it changed) INDEX_DELAY from now, or on leaving."""
        if listing.stale_index is None:
            return
        self._index_to_save = listing
        self.set_timer(INDEX_DELAY, self._save_index_now)

    def _save_index_now(self) -> None:
        listing, self._index_to_save = self._index_to_save, None
        if listing is not None:
            self.run_worker(listing.save_index, thread=True, group="index", exit_on_error=False)

    def on_unmount(self) -> None:
        """Leaving before the index was written: write it now, so the next start is quick."""
        listing, self._index_to_save = self._index_to_save, None
        if listing is None:
            return
        try:
            listing.save_index()
        except StoreError as error:
            # A folder locked again since, say: the next listing reads the files instead.
            log.info("the session index was not written on leaving: %s", error)
