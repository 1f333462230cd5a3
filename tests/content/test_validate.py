"""Broken content files get one clear line each: file, line, and what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from supervise.content import ContentError, check_content, load_library

GOOD = """\
id: demo
title: Demo framework
source: Written for the tests
sections:
  - id: pc
    title: Performance criteria
    kind: performance
    items:
      - id: 1
        text: you listen to people
"""


def _problems(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    return [str(p) for p in check_content([path]) if p.path == path]


def test_a_good_file_has_no_problems_and_loads(tmp_path: Path) -> None:
    assert _problems(tmp_path, GOOD) == []
    library = load_library([tmp_path / "broken.yaml"], include_env=False)
    assert library.item("demo/pc/1").text == "you listen to people"


def test_not_yaml_at_all_names_file_and_line(tmp_path: Path) -> None:
    problems = _problems(tmp_path, GOOD.replace("title: Demo framework", "title: [Demo"))
    assert len(problems) == 1
    assert problems[0].startswith(f"{tmp_path / 'broken.yaml'}:")
    assert "not valid YAML" in problems[0]
    assert "\n" not in problems[0]


@pytest.mark.parametrize(
    ("change", "line", "words"),
    [
        (("source: Written for the tests\n", ""), 1, "missing 'source'"),
        (("kind: performance", "kind: skills"), 7, "unknown kind 'skills'"),
        (("text: you listen to people", "text: '  '"), 10, "item text is empty"),
        (("id: pc", "id: PC"), 5, "lowercase id"),
        (
            ("        text: you", "        colour: red\n        text: you"),
            10,
            "unknown key 'colour'",
        ),
        ((GOOD[GOOD.index("sections:") :], "sections: 3\n"), 4, "non-empty list"),
    ],
)
def test_each_mistake_is_reported_at_its_line(
    tmp_path: Path, change: tuple[str, str], line: int, words: str
) -> None:
    assert change[0] in GOOD
    problems = _problems(tmp_path, GOOD.replace(*change))
    assert any(f"broken.yaml:{line}: " in p and words in p for p in problems), problems


def test_duplicate_item_ids_are_reported(tmp_path: Path) -> None:
    text = GOOD + "      - id: 1\n        text: you listen again\n"
    problems = _problems(tmp_path, text)
    assert any(":11: duplicate item id" in p for p in problems), problems


def test_duplicate_framework_ids_across_files_are_reported(tmp_path: Path) -> None:
    (tmp_path / "one.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "two.yaml").write_text(GOOD, encoding="utf-8")
    problems = [str(p) for p in check_content([tmp_path])]
    assert any("two.yaml:1: framework id 'demo' is already used" in p for p in problems)


def test_neither_framework_nor_model(tmp_path: Path) -> None:
    assert "not a competence framework" in _problems(tmp_path, "hello: world\n")[0]


def test_empty_and_binary_files(tmp_path: Path) -> None:
    assert "empty" in _problems(tmp_path, "")[0]
    path = tmp_path / "binary.yaml"
    path.write_bytes(b"\xff\xfe\x00bad")
    assert "not UTF-8" in str(check_content([path])[0])


def test_model_stages_must_name_what_they_ask(tmp_path: Path) -> None:
    model = """\
id: mine
title: Mine
source: Us
stages:
  - id: one
    title: One
    asks: wonder
  - id: two
    title: Two
    practice: {practitioner: "Tell me about {topic}.", supervisor: "Ask about {action}."}
"""
    problems = _problems(tmp_path, model)
    assert any(":7: " in p and "unknown 'asks' 'wonder'" in p for p in problems), problems
    assert any("unknown key 'practice'" in p for p in problems), problems
    assert any("is missing 'asks'" in p for p in problems), problems


def test_handles_parts_briefs_and_sic_notes_are_read(tmp_path: Path) -> None:
    framework = GOOD.replace(
        "text: you listen to people",
        "text: you listen to poeple\n        handle: to listen well\n"
        "        parts: [to hear what is meant]\n"
        "        sic: [{printed: poeple, reads: people}, {printed: nowhere, reads: x}]",
    )
    problems = _problems(tmp_path, framework)
    assert len(problems) == 1 and "'nowhere' is not in the printed text" in problems[0], problems


def test_load_library_raises_with_every_problem(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("id: [", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(GOOD.replace("kind: performance", "kind: x"), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_library([tmp_path], include_env=False)
    assert {p.path.name for p in raised.value.problems} == {"a.yaml", "b.yaml"}


def test_a_missing_path_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    problems = check_content([tmp_path / "nowhere"])
    assert "no such file or folder" in str(problems[0])
