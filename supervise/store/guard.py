"""Thread-safety and write guards shared by the parts of an open session."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")
G = TypeVar("G", bound="Guarded")


class Guarded:
    """Something whose public methods run under one lock and may refuse to write.

    ``_mutex`` is held only while memory is read or changed, never while the disk is written:
    a change is made in memory under it, then written by ``_commit`` outside it. Changes are
    made one at a time, each through to the disk, under ``_write_order``.
    """

    _mutex: threading.RLock
    _write_order: threading.RLock
    _changing: bool

    def _check_writable(self) -> None:
        """Raise a StoreError unless changes are allowed now."""
        raise NotImplementedError

    def _discard_unsaved(self) -> None:
        """Forget changes in memory that never reached the file (called under ``_mutex``)."""
        raise NotImplementedError

    def _commit(self) -> None:
        """Write the changes made in memory to the file (called without ``_mutex``)."""
        raise NotImplementedError


def reading(method: Callable[Concatenate[G, P], R]) -> Callable[Concatenate[G, P], R]:
    """Run ``method`` under the object's lock."""

    @functools.wraps(method)
    def locked(self: G, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with self._mutex:
            return method(self, *args, **kwargs)

    return locked


def writing(method: Callable[Concatenate[G, P], R]) -> Callable[Concatenate[G, P], R]:
    """Make ``method``'s change in memory under the object's lock, only when writing is
    allowed, then write it to the file without the lock (a reader never waits for the disk).

    Changes run one at a time, in the order they were made, each through to the disk before
    the next begins; a change made by another change (``complete`` sets the record) is
    written with it, once.
    """

    @functools.wraps(method)
    def locked(self: G, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with self._write_order:
            outermost = not self._changing
            with self._mutex:
                self._check_writable()
                self._changing = True
                try:
                    result = method(self, *args, **kwargs)
                except BaseException:
                    # TinyDB changes its tables in place; a change that failed part way must
                    # not linger in memory as if it were saved.
                    self._discard_unsaved()
                    raise
                finally:
                    self._changing = not outermost
            if outermost:
                try:
                    self._commit()
                except BaseException:
                    # Memory goes back to what the file holds: a failed save stays failed.
                    with self._mutex:
                        self._discard_unsaved()
                    raise
            return result

    return locked


def check_text(**values: object) -> None:
    """Raise TypeError for any value that is not text."""
    for name, value in values.items():
        if not isinstance(value, str):
            raise TypeError(f"{name} must be text, not {type(value).__name__}")
