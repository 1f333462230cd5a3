"""An installed wheel finds its content without the source checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT


def test_the_wheel_carries_the_content_and_finds_it(tmp_path: Path) -> None:
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    [wheel] = (tmp_path / "dist").glob("supervise-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "supervise/_content/competences/h3-25.yaml" in names
    assert "supervise/_content/models/driscoll.yaml" in names
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = (
        "import supervise.content as c, supervise\n"
        f"assert supervise.__file__.startswith({str(target)!r}), supervise.__file__\n"
        "lib = c.load_library(include_env=False)\n"
        "print(c.builtin_content_dir(), len(lib.frameworks), len(lib.models))\n"
    )
    # Run from an empty folder with only the unpacked wheel (and the installed deps) importable.
    ran = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
    )
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.split() == [str(target / "supervise" / "_content"), "2", "2"]


def test_python_dash_m_runs_the_cli() -> None:
    ran = subprocess.run(
        [sys.executable, "-m", "supervise", "content", "check"], capture_output=True, text=True
    )
    assert ran.returncode == 0 and ran.stdout.startswith("ok:")
