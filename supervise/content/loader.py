"""Load the content once, on first need, from any thread, without importing YAML until then."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from supervise.content.errors import ContentError

if TYPE_CHECKING:
    from supervise.content.library import Library


class LibraryLoader:
    """Loads the library on first need and remembers the result, or the failure.

    The app starts with one of these rather than a loaded library, so its first screen is up
    before the YAML parser is even imported (see benchmarks/).
    """

    def __init__(
        self,
        extra: Sequence[Path] = (),
        *,
        include_env: bool = True,
        library: Library | None = None,
        cache_dir: Path | None = None,
    ) -> None:
        self._extra = tuple(extra)
        self._include_env = include_env
        self._cache_dir = cache_dir
        self._lock = threading.Lock()
        self._library = library
        self._error: ContentError | None = None

    def get(self) -> Library:
        """The loaded library; raises ContentError (every time) if the content is broken."""
        with self._lock:
            if self._library is None and self._error is None:
                from supervise.content.library import load_library

                try:
                    self._library = load_library(
                        self._extra, include_env=self._include_env, cache_dir=self._cache_dir
                    )
                except ContentError as error:
                    self._error = error
            if self._error is not None:
                raise self._error
            assert self._library is not None
            return self._library
