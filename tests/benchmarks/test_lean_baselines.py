"""The benchmark's baselines load nothing their measured work does not use.

Each baseline child is run on a little data and reports every module it loaded; each must be
among those a reference loads: a bare interpreter doing only the baseline's own imports, or for
the Textual baselines a bare app with the same stock widgets, run headless with a key pressed.
The child's own modules are the only others allowed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
"""The benchmark's folder."""
CHILD = BENCHMARKS / "bench_child.py"
"""The script every measured process runs."""

if not CHILD.exists():
    pytest.skip("benchmarks/bench_child.py is not in this tree", allow_module_level=True)

NEVER = ("supervise", "bench_synth", "bench_data", "tinydb", "yaml")
"""Packages no baseline may load (the top of each module's name)."""

HARNESS = "import json, os, sys, time"
"""What the child's own entry point imports to read its arguments and write its result."""

REFERENCE_APP = """
import sys
{harness}
from textual.app import App
from textual.widgets import {widgets}
ROW = {row!r}

class Bare(App):
    def compose(self):
        {compose}

    def on_mount(self):
        for table in self.query("DataTable"):
            table.add_columns("a", "b")
            table.add_rows([ROW, ROW])

async def steps(pilot):
    await pilot.press("a")
    await pilot.pause()
    pilot.app.exit()

Bare().run(headless=True, size=(120, 40), auto_pilot=steps)
"""
"""A bare Textual app with the given widgets (any table filled with ROW), a key pressed in it:
what Textual itself loads."""
ROW = ["2026-01-01", "Sam B.", "—", "Supervision", "In progress", "1/2 items"]
"""A row of the home table."""

SAVE_MODULES = """
with open(sys.argv[1], "w", encoding="utf-8") as file:
    file.write("\\n".join(sorted(sys.modules)))
"""
"""Appended to a reference: write the name of every module loaded to the file named first."""


def run_reference(tmp_path: Path, code: str) -> set[str]:
    """The modules ``code`` leaves loaded in a fresh interpreter."""
    out = tmp_path / "reference-modules.txt"
    script = f"import sys\n{code}\n{SAVE_MODULES}"
    done = subprocess.run(
        [sys.executable, "-c", script, str(out)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return set(out.read_text(encoding="utf-8").split())


def run_child(tmp_path: Path, kind: str, args: dict[str, object]) -> set[str]:
    """The modules the baseline child ``kind`` leaves loaded once its measurement is made."""
    args_file = tmp_path / f"{kind}-args.json"
    args_file.write_text(json.dumps(args), encoding="utf-8")
    out = tmp_path / f"{kind}-modules.txt"
    env = {**os.environ, "BENCH_MODULES": str(out), "TEXTUAL_FPS": "1000"}
    command = [sys.executable, str(CHILD), kind, str(args_file), str(tmp_path / "result.json")]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    return set(out.read_text(encoding="utf-8").split())


def assert_lean(loaded: set[str], reference: set[str], own: set[str]) -> None:
    """Every module in ``loaded`` is in ``reference`` or is one of the child's ``own``."""
    forbidden = sorted(m for m in loaded if m.split(".")[0] in NEVER)
    assert not forbidden, f"a baseline loaded {forbidden}"
    extra = sorted(loaded - reference - own - {"__main__"})
    assert not extra, f"loaded beyond what its work needs: {extra}"


@pytest.fixture
def indexed_folder(tmp_path: Path) -> Path:
    """A sessions folder with two sessions and the index the store keeps."""
    pytest.importorskip("supervise.store", reason="the list floors read a real store")
    from supervise.store import SessionFile, list_sessions

    folder = tmp_path / "sessions"
    for number in range(2):
        with SessionFile.create(
            folder, mode="self-reflection", practitioner=f"P{number}", scope=["a1", "a2"]
        ) as session:
            session.set_response("a1", "what", "practitioner", "Diolch — zażółć 🙂")
    assert len(list_sessions(folder)) == 2
    return folder


@pytest.mark.parametrize("kind", ["list-index-floor", "list-files-floor"])
def test_list_floors_load_only_json(tmp_path: Path, indexed_folder: Path, kind: str) -> None:
    """The list floors load what ``import json`` loads, and nothing else."""
    loaded = run_child(tmp_path, kind, {"dir": str(indexed_folder)})
    assert_lean(loaded, run_reference(tmp_path, HARNESS), {"child_list"})


TEXTUAL_BASELINES = {
    "home-bare": (
        "Header, DataTable, Footer",
        "yield Header(); yield DataTable(); yield Footer()",
        {"rows": [ROW] * 3},
    ),
    "open-bare": (
        "Header, DataTable, Footer, Static, TextArea, OptionList",
        "from textual.containers import VerticalScroll; "
        "yield Header(); yield DataTable(); yield Footer(); "
        "yield VerticalScroll(Static('a'), OptionList('b'), TextArea('c'))",
        {
            "rows": [ROW] * 3,
            "widgets": [["label", "Item"], ["options", ["one", "two"]], ["area", "An answer"]],
        },
    ),
    "type-bare": (
        "TextArea",
        "yield TextArea('c')",
        {"initial": "An answer", "css": "", "typed": "ab c", "burst": 2, "pause": 0.0},
    ),
}
"""Each Textual baseline: the stock widgets it shows, how a bare app composes them, its args."""


@pytest.mark.parametrize("kind", sorted(TEXTUAL_BASELINES))
def test_textual_baselines_load_only_textual(tmp_path: Path, kind: str) -> None:
    """A Textual baseline loads what a bare app with the same stock widgets loads, no more."""
    pytest.importorskip("textual", reason="the Textual baselines need Textual")
    widgets, compose, args = TEXTUAL_BASELINES[kind]
    if kind == "open-bare":
        # It reads the session file it shows, as supervise must.
        session = tmp_path / "session.json"
        session.write_text('{"responses": {"1": {"text": "An answer"}}}', encoding="utf-8")
        args = {**args, "path": str(session)}
    loaded = run_child(tmp_path, kind, args)
    code = REFERENCE_APP.format(harness=HARNESS, widgets=widgets, compose=compose, row=ROW)
    reference = run_reference(tmp_path, code)
    assert_lean(loaded, reference, {"child_bare", "child_harness"})


def test_supervise_side_loads_no_widget_ahead() -> None:
    """supervise's side of the benchmark loads no widget module that Textual's App does not:
    its start would pay for one the baselines load only when they show it."""
    widgets = "sorted(m for m in sys.modules if m.startswith('textual.widgets._'))"
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import textual.app; "
        f"app = {widgets}; import child_ours; print(sorted(set({widgets}) - set(app)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(BENCHMARKS)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
