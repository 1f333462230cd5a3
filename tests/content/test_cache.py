"""The content copy: used only while nothing it came from has changed, never trusted blindly."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from supervise.content import ContentError, Library, load_library
from supervise.content.cache import CACHE_FILE, default_cache_dir, fingerprint, read_cache
from supervise.content.library import builtin_content_dir, yaml_files

FRAMEWORKS = Path(__file__).resolve().parents[1] / "fixtures" / "frameworks"


def _copy_of(source: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "extra"
    shutil.copytree(source, folder)
    return folder


def test_the_copy_gives_the_same_content_and_spares_the_yaml_parser(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    extra = _copy_of(FRAMEWORKS, tmp_path)
    loaded = load_library([extra], include_env=False, cache_dir=cache)
    assert (cache / CACHE_FILE).is_file()
    files = yaml_files([builtin_content_dir(), extra])[0]
    assert read_cache(cache, fingerprint(files)) == loaded
    again = load_library([extra], include_env=False, cache_dir=cache)
    assert again == loaded
    assert [item.ref for f in again.frameworks.values() for item in f.items()] == [
        item.ref for f in loaded.frameworks.values() for item in f.items()
    ]
    assert again.model(None) == loaded.model(None)
    assert again.frameworks["h3-25"].path == loaded.frameworks["h3-25"].path


def test_a_start_with_a_good_copy_never_imports_yaml(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_library(include_env=False, cache_dir=cache)
    code = (
        "import sys; from pathlib import Path; from supervise.content import load_library; "
        f"load_library(include_env=False, cache_dir=Path({str(cache)!r})); "
        "print('yaml' in sys.modules)"
    )
    import subprocess

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    extra = _copy_of(FRAMEWORKS, tmp_path)
    load_library([extra], include_env=False, cache_dir=cache)
    changed = sorted(extra.glob("*.yaml"))[0]
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("title:", "title: Changed —", 1), encoding="utf-8")
    stat = changed.stat()
    os.utime(changed, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    again = load_library([extra], include_env=False, cache_dir=cache)
    assert any(f.title.startswith("Changed —") for f in again.frameworks.values())


def test_a_broken_file_is_reported_even_with_a_copy(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    extra = _copy_of(FRAMEWORKS, tmp_path)
    load_library([extra], include_env=False, cache_dir=cache)
    broken = sorted(extra.glob("*.yaml"))[0]
    broken.write_text("sections: [unclosed\n", encoding="utf-8")
    with pytest.raises(ContentError):
        load_library([extra], include_env=False, cache_dir=cache)


@pytest.mark.parametrize("damage", ["", "not json", '{"fingerprint": []}', '{"a": 1}', "[1, 2]"])
def test_a_damaged_copy_is_ignored_and_replaced(tmp_path: Path, damage: str) -> None:
    cache = tmp_path / "cache"
    first = load_library(include_env=False, cache_dir=cache)
    (cache / CACHE_FILE).write_text(damage, encoding="utf-8")
    assert load_library(include_env=False, cache_dir=cache) == first
    assert (cache / CACHE_FILE).read_text(encoding="utf-8") != damage


def test_an_unwritable_cache_folder_still_loads(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder would go", encoding="utf-8")
    library = load_library(include_env=False, cache_dir=blocker / "supervise")
    assert isinstance(library, Library) and library.frameworks


def test_the_cache_folder_follows_the_environment(tmp_path: Path) -> None:
    assert default_cache_dir({"SUPERVISE_CACHE_DIR": str(tmp_path)}) == tmp_path
    assert default_cache_dir({"XDG_CACHE_HOME": "/x"}) == Path("/x/supervise")
    assert default_cache_dir({}) == Path.home() / ".cache" / "supervise"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_or_a_huge_file_in_place_of_the_copy_is_not_waited_on(tmp_path: Path) -> None:
    """Something other than the copy, where the copy belongs, is ignored at once."""
    from supervise.content import cache

    folder = tmp_path / "cache"
    folder.mkdir()
    os.mkfifo(folder / cache.CACHE_FILE)
    assert cache.read_cache(folder, []) is None
    (folder / cache.CACHE_FILE).unlink()
    with open(folder / cache.CACHE_FILE, "wb") as huge:
        huge.truncate(cache.MAX_CACHE_BYTES + 1)
    assert cache.read_cache(folder, []) is None
