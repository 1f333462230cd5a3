"""The shipped content loads, is complete, and matches its source documents word for word."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from supervise.content import Library, SectionKind, load_library
from supervise.content.library import builtin_content_dir, content_paths_from_env
from tests.conftest import FIXTURES, ROOT


def _normalise(text: str) -> str:
    # The scan doubled one apostrophe (user’'s); the transcription keeps the single curly one.
    return " ".join(text.replace("\u2019'", "\u2019").split())


def test_builtin_content_is_the_repository_folder_in_a_checkout() -> None:
    assert builtin_content_dir() == ROOT / "content"


def test_h3_25_has_all_31_items_with_their_references(library: Library) -> None:
    framework = library.frameworks["h3-25"]
    pc, k = framework.sections
    assert (pc.id, pc.kind, k.id, k.kind) == (
        "pc",
        SectionKind.PERFORMANCE,
        "k",
        SectionKind.KNOWLEDGE,
    )
    assert [i.id for i in pc.items] == [str(n) for n in range(1, 13)]
    assert [i.id for i in k.items] == list("abcdefghijklmnopqrs")
    assert library.item("h3-25/k/c").text.startswith("the limits and boundaries to your duties")
    assert library.item("h3-25/pc/5").text.startswith("you deal with challenging behaviour")
    assert framework.summary and framework.summary.startswith("This unit is for all those")
    assert "F7E5 04" in framework.source


def test_cyp_4_3_keeps_sub_points_under_their_statement(library: Library) -> None:
    framework = library.frameworks["cyp-4.3"]
    assert [s.id for s in framework.sections] == ["k", "a", "t"]
    assert (
        framework.sections[2].title
        == "Capacity to recognise and to address threats to the relationship"
    )
    components = library.item("cyp-4.3/k/1")
    assert len(components.points) == 3
    assert len(library.item("cyp-4.3/k/3").points) == 9
    assert len(library.item("cyp-4.3/k/4").points) == 6
    assert framework.note and "family/carers" in framework.note


def test_the_cut_off_sub_point_is_kept_as_printed_and_marked(library: Library) -> None:
    last = library.frameworks["cyp-4.3"].items()[-1]
    truncated = [p for p in last.points if p.truncated]
    assert len(truncated) == 1
    assert truncated[0].text.endswith("and how they usually")
    assert last.note and "cut" in last.note.lower()
    others = [p for f in library.frameworks.values() for i in f.items() for p in i.points]
    assert sum(p.truncated for p in others) == 1


@pytest.mark.parametrize(
    ("framework_id", "seed"),
    [("h3-25", "000_e44c2c5145616077.txt"), ("cyp-4.3", "003_aeae5bc33eade043.txt")],
)
def test_statements_are_transcribed_word_for_word(
    library: Library, framework_id: str, seed: str
) -> None:
    # Debris the scan added (bullet glyphs, stray marks) is the only thing removed from the source.
    source = (FIXTURES / "seeds" / seed).read_text(encoding="utf-8")
    source = re.sub(r"(?m)^\s*(?:@ |ax |\+ \] |\+ \| |\+ |\\:i |‘ |B |@ B )+", "", source)
    # "Anability" stays: the statement keeps it as printed, marked sic (tests/prompts).
    source = source.replace("‘jﬂ:’ ", "")
    source = re.sub(r"(?m)^n ability", "An ability", source)
    source = re.sub(r"(?m)^An ability to d k ledge.*$", "", source)
    flat = _normalise(source)
    framework = library.frameworks[framework_id]
    for item in framework.items():
        assert _normalise(item.text) in flat, item.ref
        for point in item.points:
            assert _normalise(point.text) in flat, (item.ref, point.text)


def test_content_env_splits_on_colon(tmp_path: Path) -> None:
    paths = content_paths_from_env({"SUPERVISE_CONTENT": f"{tmp_path}/a::{tmp_path}/b"})
    assert paths == [tmp_path / "a", tmp_path / "b"]


def test_extra_content_from_env_is_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPERVISE_CONTENT", str(FIXTURES / "frameworks"))
    library = load_library()
    assert len(library.frameworks) > 2


def test_expand_turns_frameworks_and_sections_into_items_in_order(library: Library) -> None:
    refs = library.expand(["h3-25/k", "cyp-4.3/t/2", "h3-25/pc/1", "h3-25/pc/1"])
    h3 = [ref for ref in refs if ref.startswith("h3-25/")]
    assert h3 == ["h3-25/pc/1"] + [f"h3-25/k/{c}" for c in "abcdefghijklmnopqrs"]
    assert [ref for ref in refs if ref.startswith("cyp-4.3/")] == ["cyp-4.3/t/2"]
    assert len(library.expand(["h3-25"])) == 31
