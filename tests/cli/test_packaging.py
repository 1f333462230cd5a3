"""An installed wheel finds its content without the source checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

SCRIPTS = "Scripts" if os.name == "nt" else "bin"
"""Where a venv keeps its commands: the README's `.venv\\Scripts\\...` or `.venv/bin/...`."""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from this checkout, once for the module."""
    dist = tmp_path_factory.mktemp("dist")
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
            str(dist),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    [wheel] = dist.glob("supervise-*.whl")
    return wheel


def test_the_wheel_carries_the_content_and_finds_it(tmp_path: Path, wheel: Path) -> None:
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


def test_the_wheel_installed_in_a_fresh_venv_finds_one_home_from_any_folder(
    tmp_path: Path, wheel: Path
) -> None:
    # A folder name with a space and non-ASCII letters: the command's launcher must cope.
    env_dir = tmp_path / "app venv é"
    venv.create(env_dir, with_pip=False)
    python = env_dir / SCRIPTS / ("python.exe" if os.name == "nt" else "python")
    pip = [sys.executable, "-m", "pip", "--python", str(python)]
    installed = subprocess.run(
        [*pip, "install", "--no-deps", "--no-index", "-q", str(wheel)],
        capture_output=True,
        text=True,
    )
    assert installed.returncode == 0, installed.stderr
    # Its dependencies come from this test run's own site-packages (no network here); the
    # checkout itself is not on the path, so the wheel's copy is what runs.
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    command = env_dir / SCRIPTS / "supervise"
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "données ø"),
        "XDG_CACHE_HOME": str(tmp_path / "cache ø"),
    }
    outputs = []
    for folder in (tmp_path / "one place", tmp_path / "другое место"):
        folder.mkdir()
        ran = subprocess.run(
            [str(command), "where"], capture_output=True, text=True, cwd=folder, env=env
        )
        assert ran.returncode == 0, ran.stderr
        outputs.append(ran.stdout)
    assert outputs[0] == outputs[1]
    assert f"Sessions: {tmp_path / 'données ø' / 'supervise' / 'sessions'}" in outputs[0]
    checked = subprocess.run(
        [str(command), "content", "check"], capture_output=True, text=True, cwd=folder, env=env
    )
    assert checked.returncode == 0 and checked.stdout.startswith("ok:"), checked.stderr
    where = subprocess.run(
        [str(python), "-c", "import supervise; print(supervise.__file__)"],
        capture_output=True,
        text=True,
        cwd=folder,
        env=env,
        check=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(env_dir)


def test_the_readme_shows_the_install_commands_for_each_system() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/supervise" in readme
    windows = "py -m venv .venv; .venv\\Scripts\\pip install -e .; .venv\\Scripts\\supervise"
    assert windows in readme
    assert "\npipx install .\n" in readme
