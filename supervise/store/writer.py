"""Saving off the UI thread: one daemon thread applies queued writes in order."""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable, Hashable
from datetime import datetime
from typing import TypeVar

from supervise.store.errors import StoreError, StoreUnwritable

log = logging.getLogger(__name__)

T = TypeVar("T")

Operation = Callable[[], object]
"""A write to apply, e.g. ``lambda: session.set_response(...)`` (its result is ignored)."""
SavedCallback = Callable[[datetime], None]
"""Told when everything queued so far has been saved."""
ErrorCallback = Callable[[StoreError | OSError], None]
"""Told when a write failed."""

SETTLE_AFTER = 1.0
"""Seconds without a write before a writer settles (see BackgroundWriter): autosaves between
words do not each pay for it; a pause to think does."""

_SETTLE = ("settle",)
"""The queue slot of a settle, which is not a queued write."""

TRANSIENT = (OSError, StoreUnwritable)
"""Failures worth retrying (a full disk, a missing drive): the operation is kept."""


def _bug_error(exc: Exception) -> StoreError:
    return StoreError(
        f"A change could not be saved because of a fault in supervise ({exc}).",
        "Your other changes are still being saved; please report this.",
    )


class BackgroundWriter:
    """Applies submitted writes one at a time, in order, on its own thread.

    Queued writes that share a key are coalesced: only the latest runs, after everything
    submitted before it. A write that fails for a reason worth retrying (a full disk, say) is
    kept, and tried again on the next submit() or flush(); nothing is dropped. A write that
    fails for another reason (a bug, a session signed meanwhile) is kept aside, so it cannot
    hold up the writes behind it, and tried again by flush(); it stays failed (``failing``)
    until it succeeds or a newer write with its key does. Once no write has come for
    ``settle_after`` seconds, ``settle`` runs (the session syncs its folder there). Callbacks run
    on the writer's thread.
    """

    def __init__(
        self,
        on_saved: SavedCallback | None = None,
        on_error: ErrorCallback | None = None,
        *,
        settle: Operation | None = None,
        settle_after: float = SETTLE_AFTER,
        name: str = "supervise-writer",
    ) -> None:
        self._on_saved = on_saved
        self._on_error = on_error
        # Run once no write has come for settle_after seconds: the place for what every write
        # would otherwise repeat, such as syncing the folder (see SessionFile.sync).
        self._settle = settle
        self._settle_after = settle_after
        self._unsettled = False
        self._cond = threading.Condition()
        # Insertion-ordered: re-inserting a key moves it to the end, which is what coalescing
        # needs. Unkeyed writes get a unique token so they never coalesce.
        self._queue: dict[Hashable, Operation] = {}
        # Writes that failed for a reason a retry on its own will not cure, by slot.
        self._failed: dict[Hashable, Operation] = {}
        self._tokens = itertools.count()
        self._running = False
        self._stalled = False
        self._failures = 0
        self._closing = False
        self._closed = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    @property
    def pending(self) -> int:
        """How many writes are waiting (including one that failed and awaits a retry)."""
        with self._cond:
            return len(self._queue) + (1 if self._running else 0)

    @property
    def failing(self) -> bool:
        """True while any write has failed and not yet been saved by a retry or a newer write."""
        with self._cond:
            return self._stalled or bool(self._failed)

    def unsaved(self) -> list[Operation]:
        """Every write not yet saved (failed or waiting), oldest first."""
        with self._cond:
            return [*self._failed.values(), *self._queue.values()]

    @property
    def stalled(self) -> bool:
        """True while a failed write waits for its retry (the next submit() or flush())."""
        with self._cond:
            return self._stalled

    @property
    def closed(self) -> bool:
        """Whether the writer is closing or closed: it takes nothing more."""
        with self._cond:
            return self._closed or self._closing

    def submit(self, fn: Operation, key: Hashable | None = None) -> None:
        """Queue ``fn``; a queued write with the same ``key`` is replaced by this one."""
        with self._cond:
            if self._closed or self._closing:
                raise RuntimeError("the writer has been closed")
            slot: Hashable = ("key", key) if key is not None else ("op", next(self._tokens))
            self._queue.pop(slot, None)
            self._queue[slot] = fn
            # The newer write stands for the failed one: kept beside it, the stale one could
            # be retried after it and win.
            self._failed.pop(slot, None)
            self._stalled = False
            self._cond.notify_all()

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until the queue is drained; False if a write failed or time ran out.

        A write waiting for a retry is retried first.
        """
        if threading.current_thread() is self._thread:
            raise RuntimeError("flush() called from the writer thread would wait for itself")
        deadline = time.monotonic() + timeout
        with self._cond:
            # Writes that failed for good are tried once more, first: a fixed cause (space
            # freed, a bug worked around) lets them through.
            self._queue = {**self._failed, **self._queue}
            self._failed = {}
            failures = self._failures
            self._stalled = False
            self._cond.notify_all()
            while self._queue or self._running:
                remaining = deadline - time.monotonic()
                # A write that failed and waits for a retry cannot drain; one that failed for
                # good was skipped, so keep waiting for the rest and report it at the end.
                if self._stalled or remaining <= 0 or self._closed:
                    return False
                self._cond.wait(remaining)
            return self._failures == failures and not self._failed

    def close(self, timeout: float = 5.0) -> bool:
        """Flush, then stop the thread; False if some writes could not be saved."""
        saved = self.flush(timeout)
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        self._thread.join(timeout)
        return saved

    def _next(self) -> tuple[Hashable, Operation] | None:
        with self._cond:
            quiet_until: float | None = None
            while True:
                if self._closing:
                    self._closed = True
                    self._cond.notify_all()
                    return None
                if self._queue and not self._stalled:
                    slot = next(iter(self._queue))
                    self._running = True
                    return slot, self._queue.pop(slot)
                if self._settle is not None and self._unsettled and not self._stalled:
                    if quiet_until is None:
                        quiet_until = time.monotonic() + self._settle_after
                    left = quiet_until - time.monotonic()
                    if left <= 0:
                        self._unsettled = False
                        self._running = True
                        return _SETTLE, self._settle
                    self._cond.wait(left)
                else:
                    self._cond.wait()

    def _run(self) -> None:
        while (job := self._next()) is not None:
            slot, fn = job
            if slot is _SETTLE:
                self._run_settle(fn)
                continue
            try:
                fn()
            except TRANSIENT as exc:
                with self._cond:
                    # Back to the front, unless a newer write for the same key has arrived.
                    if slot not in self._queue:
                        self._queue = {slot: fn, **self._queue}
                    self._finish(failed=True, stall=True)
                self._notify(self._on_error, exc)
            except StoreError as exc:
                self._keep_failed(slot, fn)
                self._notify(self._on_error, exc)
            except Exception as exc:
                log.exception("a queued write failed")
                self._keep_failed(slot, fn)
                self._notify(self._on_error, _bug_error(exc))
            else:
                with self._cond:
                    self._failed.pop(slot, None)
                    self._finish(failed=False, stall=False)
                    self._unsettled = True
                    batch_done = not self._queue
                if batch_done:
                    self._notify(self._on_saved, datetime.now().astimezone())

    def _keep_failed(self, slot: Hashable, fn: Operation) -> None:
        with self._cond:
            # A newer write for the same key, already queued, replaces this one.
            if slot not in self._queue:
                self._failed[slot] = fn
            self._finish(failed=True, stall=False)

    def _run_settle(self, settle: Operation) -> None:
        error: StoreError | OSError | None = None
        try:
            settle()
        except (StoreError, OSError) as exc:
            # Not retried on a timer: the next write, or whoever flushes, settles again.
            error = exc
        except Exception as exc:
            log.exception("settling the writes failed")
            error = _bug_error(exc)
        with self._cond:
            self._finish(failed=error is not None, stall=False)
        if error is not None:
            self._notify(self._on_error, error)

    def _finish(self, *, failed: bool, stall: bool) -> None:
        # Called with self._cond held.
        self._running = False
        if failed:
            self._failures += 1
        self._stalled = stall
        self._cond.notify_all()

    @staticmethod
    def _notify(callback: Callable[[T], None] | None, value: T) -> None:
        if callback is None:
            return
        try:
            callback(value)
        except Exception:
            log.exception("a writer callback failed")
