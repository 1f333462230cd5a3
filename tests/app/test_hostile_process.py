"""The real app, in its own terminal, started with the alias bomb as --content: the probe found
it frozen (keys, ctrl+q and SIGTERM ignored; 1.3 GB after 42 s). Now it says what is wrong and
quits when asked."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.content.hostile import write_probe

if sys.platform == "win32":
    pytest.skip("needs a POSIX pseudo-terminal", allow_module_level=True)

import fcntl
import pty
import struct
import termios

LIMIT = 15.0
"""Seconds the app may take to say what is wrong, and again to quit."""
ROOT = Path(__file__).resolve().parents[2]


class Terminal:
    """The app running in a pseudo-terminal of 120 x 40; what it has drawn so far."""

    def __init__(self, *args: str) -> None:
        self._master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "supervise", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.drawn = b""

    def wait_for(self, text: bytes, limit: float = LIMIT) -> bool:
        """Read what the app draws until ``text`` appears (True) or ``limit`` passes."""
        end = time.monotonic() + limit
        while text not in self.drawn and time.monotonic() < end:
            ready, _, _ = select.select([self._master], [], [], 0.1)
            if ready:
                try:
                    self.drawn += os.read(self._master, 1 << 16)
                except OSError:
                    break
        return text in self.drawn

    def press(self, keys: bytes) -> None:
        """Type ``keys`` into the terminal."""
        os.write(self._master, keys)

    def close(self) -> None:
        """Stop the app if it is still running."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self._master)


@pytest.mark.parametrize("how", ["ctrl+q", "SIGTERM"])
def test_the_app_given_the_alias_bomb_explains_it_and_quits_when_asked(
    how: str, tmp_path: Path, make_session: Callable[..., Path], sessions_dir: Path
) -> None:
    make_session()
    bomb = write_probe(tmp_path, "alias-bomb")
    app = Terminal("--content", str(bomb), "--sessions-dir", str(sessions_dir))
    try:
        assert app.wait_for(b"could not be loaded"), app.drawn[-2000:]
        app.press(b"o")
        app.wait_for(b"\x00", limit=1.0)  # let it handle the key
        started = time.monotonic()
        if how == "ctrl+q":
            app.press(b"\x11")
        else:
            app.process.send_signal(signal.SIGTERM)
        app.process.wait(timeout=LIMIT)
        assert time.monotonic() - started < LIMIT
        app.wait_for(b"\x00", limit=0.5)
    finally:
        app.close()
    assert app.process.returncode in (0, -signal.SIGTERM)
    assert b"Traceback" not in app.drawn
