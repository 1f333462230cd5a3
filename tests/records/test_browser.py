"""One HTML record opened in a real browser engine, where one is installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from supervise.content import Library
from supervise.records.build import read_record
from supervise.records.html import render_html
from supervise.visible import visible
from tests.records.conftest import TextOf, words

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
"""Headless-capable engines looked for on PATH (and in /usr/bin)."""


def _browser() -> str | None:
    for name in BROWSERS:
        found = shutil.which(name) or shutil.which(name, path="/usr/bin:/snap/bin")
        if found:
            return found
    return None


def test_a_browser_shows_the_record_with_nothing_typed_run_as_markup(
    rich_session: Path, library: Library, tmp_path: Path
) -> None:
    browser = _browser()
    if browser is None:
        pytest.skip(f"no browser engine on this machine (looked for {', '.join(BROWSERS)})")
    page = tmp_path / "record.html"
    page.write_text(render_html(read_record(rich_session, library)), encoding="utf-8")
    done = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    dom = TextOf(done.stdout, cls="words")
    # The browser built no element from anyone's words, and shows them as typed.
    assert "script" not in dom.tags
    assert "b" not in dom.tags and "i" not in dom.tags
    assert visible(words("summary")).strip() in dom.chosen
