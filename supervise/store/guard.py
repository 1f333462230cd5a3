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
    """Something whose public methods run under one lock and may refuse to write."""

    _mutex: threading.RLock

    def _check_writable(self) -> None:
        """Raise a StoreError unless changes are allowed now."""
        raise NotImplementedError

    def _discard_unsaved(self) -> None:
        """Forget changes in memory that never reached the file."""
        raise NotImplementedError


def reading(method: Callable[Concatenate[G, P], R]) -> Callable[Concatenate[G, P], R]:
    """Run ``method`` under the object's lock."""

    @functools.wraps(method)
    def locked(self: G, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with self._mutex:
            return method(self, *args, **kwargs)

    return locked


def writing(method: Callable[Concatenate[G, P], R]) -> Callable[Concatenate[G, P], R]:
    """Run ``method`` under the object's lock, only when writing is allowed."""

    @functools.wraps(method)
    def locked(self: G, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with self._mutex:
            self._check_writable()
            try:
                return method(self, *args, **kwargs)
            except BaseException:
                # TinyDB changes its tables in place before writing; a change that failed part
                # way must not linger in memory as if it were saved.
                self._discard_unsaved()
                raise

    return locked


def check_text(**values: object) -> None:
    """Raise TypeError for any value that is not text."""
    for name, value in values.items():
        if not isinstance(value, str):
            raise TypeError(f"{name} must be text, not {type(value).__name__}")
