"""Turn located YAML into frameworks and reflective models, collecting every problem found."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from supervise.content.errors import ContentProblem
from supervise.content.model import (
    DEFAULT_PEOPLE,
    Framework,
    Item,
    Move,
    People,
    Point,
    ReflectiveModel,
    Section,
    SectionKind,
    Sic,
    Stage,
)
from supervise.content.yamlnodes import Located

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
"""Ids are lowercase so references such as ``h3-25/k/c`` are easy to type and never ambiguous."""


T = TypeVar("T")
E = TypeVar("E", SectionKind, Move)


class Checker:
    """Walks one file's YAML, recording problems instead of stopping at the first."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[ContentProblem] = []

    def problem(self, line: int, message: str) -> None:
        """Record a problem at ``line``."""
        self.problems.append(ContentProblem(self.path, line, message))

    def mapping(
        self, node: Located, where: str, required: set[str], optional: set[str]
    ) -> dict[str, Located] | None:
        """The node as a mapping with exactly the allowed keys, or None (problem recorded)."""
        if not isinstance(node.value, dict):
            self.problem(node.line, f"{where} should be a mapping of keys to values")
            return None
        for key, value in node.value.items():
            if key not in required | optional:
                allowed = ", ".join(sorted(required | optional))
                self.problem(value.line, f"unknown key '{key}' in {where} (allowed: {allowed})")
        for key in sorted(required - node.value.keys()):
            self.problem(node.line, f"{where} is missing '{key}'")
        return node.value

    def text(self, node: Located | None, where: str) -> str | None:
        """A non-empty single string, or None (problem recorded if present but wrong)."""
        if node is None:
            return None
        if not isinstance(node.value, str):
            self.problem(node.line, f"{where} should be text")
            return None
        cleaned = " ".join(node.value.split())
        if not cleaned:
            self.problem(node.line, f"{where} is empty")
            return None
        return cleaned

    def ident(self, node: Located | None, where: str) -> str | None:
        """A lowercase id (numbers are accepted and read as text)."""
        if node is None:
            return None
        value = node.value
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            self.problem(
                node.line,
                f"{where} should be a lowercase id (letters, digits, '.', '-', '_'), not {value!r}",
            )
            return None
        return value

    def items_of(
        self, node: Located | None, where: str, build: Callable[[Located], T | None]
    ) -> list[T]:
        """Build each entry of a non-empty list, skipping the ones with problems."""
        if node is None:
            return []
        if not isinstance(node.value, list) or not node.value:
            self.problem(node.line, f"{where} should be a non-empty list")
            return []
        built = (build(child) for child in node.value)
        return [entry for entry in built if entry is not None]

    def unique(self, entries: list[tuple[str, int]], what: str) -> None:
        """Record a problem for every id used more than once."""
        seen: set[str] = set()
        for ident, line in entries:
            if ident in seen:
                self.problem(line, f"duplicate {what} '{ident}'")
            seen.add(ident)


def build_framework(checker: Checker, root: Located) -> Framework | None:
    """A Framework from a competence file's YAML, or None when it has problems."""
    top = checker.mapping(
        root,
        "the framework",
        {"id", "title", "source", "sections"},
        {"summary", "note", "people", "sic"},
    )
    if top is None:
        return None
    framework_id = checker.ident(top.get("id"), "the framework id")
    title = checker.text(top.get("title"), "the framework title")
    source = checker.text(top.get("source"), "the framework source")
    summary = checker.text(top.get("summary"), "the summary")
    note = checker.text(top.get("note"), "the note")
    people = _people(checker, top.get("people"))
    framework_sic = _sics(checker, top.get("sic"), " ".join(filter(None, (summary, note))))
    prefix = framework_id or "?"
    section_ids: list[tuple[str, int]] = []
    numbered = 0

    def build_point(node: Located) -> Point | None:
        if isinstance(node.value, dict):
            fields = checker.mapping(node, "a point", {"text"}, {"truncated", "brief"})
            if fields is None:
                return None
            text = checker.text(fields.get("text"), "a point's text")
            brief = checker.text(fields.get("brief"), "a point's brief")
            truncated = fields.get("truncated")
            if truncated is not None and not isinstance(truncated.value, bool):
                checker.problem(truncated.line, "'truncated' should be true or false")
                return None
            flag = bool(truncated.value) if truncated is not None else False
            return Point(text, flag, brief) if text else None
        text = checker.text(node, "a point")
        return Point(text) if text else None

    def build_section(node: Located) -> Section | None:
        fields = checker.mapping(
            node, "a section", {"id", "title", "kind", "items"}, {"editorial_title"}
        )
        if fields is None:
            return None
        section_id = checker.ident(fields.get("id"), "the section id")
        section_title = checker.text(fields.get("title"), "the section title")
        editorial = _flag(checker, fields.get("editorial_title"), "'editorial_title'")
        kind = _choice(checker, fields.get("kind"), SectionKind, "kind")
        ids: list[tuple[str, int]] = []

        def build_item(item_node: Located) -> Item | None:
            nonlocal numbered
            item_fields = checker.mapping(
                item_node,
                "an item",
                {"id", "text"},
                {"points", "note", "handle", "parts", "sic", "short"},
            )
            if item_fields is None:
                return None
            item_id = checker.ident(item_fields.get("id"), "the item id")
            text = checker.text(item_fields.get("text"), "the item text")
            points = checker.items_of(item_fields.get("points"), "points", build_point)
            item_note = checker.text(item_fields.get("note"), "the item note")
            handle = checker.text(item_fields.get("handle"), "the item handle")
            short = checker.text(item_fields.get("short"), "the item's short handle")
            parts = checker.items_of(
                item_fields.get("parts"), "parts", lambda part: checker.text(part, "a part")
            )
            printed = " ".join([text or "", *(point.text for point in points)])
            sics = _sics(checker, item_fields.get("sic"), printed)
            if item_id is None or text is None or kind is None:
                return None
            ids.append((item_id, item_node.line))
            ref = f"{prefix}/{section_id}/{item_id}"
            numbered += 1
            return Item(
                ref,
                item_id,
                text,
                kind,
                tuple(points),
                item_note,
                handle=handle,
                parts=tuple(parts),
                short=short,
                sic=sics,
                number=numbered - 1,
            )

        items = checker.items_of(fields.get("items"), "items", build_item)
        checker.unique(ids, f"item id in section '{section_id}'")
        if section_id is None or section_title is None or kind is None:
            return None
        section_ids.append((section_id, node.line))
        return Section(
            f"{prefix}/{section_id}", section_id, section_title, kind, tuple(items), editorial
        )

    sections = checker.items_of(top.get("sections"), "sections", build_section)
    checker.unique(section_ids, "section id")
    if checker.problems or framework_id is None or title is None or source is None:
        return None
    return Framework(
        framework_id,
        title,
        source,
        tuple(sections),
        summary,
        note,
        checker.path,
        people=people,
        sic=framework_sic,
    )


def _flag(checker: Checker, node: Located | None, where: str) -> bool:
    """A true/false value (false when absent)."""
    if node is None:
        return False
    if not isinstance(node.value, bool):
        checker.problem(node.line, f"{where} should be true or false")
        return False
    return node.value


def _people(checker: Checker, node: Located | None) -> People:
    """Who the work is with ("one: a customer", "many: customers"), or the default."""
    if node is None:
        return DEFAULT_PEOPLE
    fields = checker.mapping(node, "people", {"one", "many"}, set())
    if fields is None:
        return DEFAULT_PEOPLE
    one = checker.text(fields.get("one"), "people's 'one'")
    many = checker.text(fields.get("many"), "people's 'many'")
    return People(one, many) if one and many else DEFAULT_PEOPLE


def _sics(checker: Checker, node: Located | None, printed: str) -> tuple[Sic, ...]:
    """The slips marked in ``printed``, each ``{printed: ..., reads: ...}``."""

    def build(entry: Located) -> Sic | None:
        fields = checker.mapping(entry, "a sic note", {"printed", "reads"}, set())
        if fields is None:
            return None
        wrong = checker.text(fields.get("printed"), "a sic note's 'printed'")
        right = checker.text(fields.get("reads"), "a sic note's 'reads'")
        if wrong is None or right is None:
            return None
        if wrong not in printed:
            checker.problem(entry.line, f"sic note: {wrong!r} is not in the printed text")
            return None
        return Sic(wrong, right)

    return tuple(checker.items_of(node, "sic", build))


def _choice(checker: Checker, node: Located | None, choices: type[E], name: str) -> E | None:
    """One of ``choices`` by its value, or None (problem recorded, naming the allowed ones)."""
    if node is None:
        return None
    try:
        return choices(node.value)
    except ValueError:
        allowed = ", ".join(choice.value for choice in choices)
        if isinstance(node.value, str):
            checker.problem(
                node.line, f"unknown {name} {node.value[:60]!r} (use one of: {allowed})"
            )
        else:
            checker.problem(node.line, f"the {name} should be one of: {allowed}")
        return None


def build_model(checker: Checker, root: Located) -> ReflectiveModel | None:
    """A ReflectiveModel from a model file's YAML, or None when it has problems."""
    top = checker.mapping(
        root, "the reflective model", {"id", "title", "source", "stages"}, {"summary"}
    )
    if top is None:
        return None
    model_id = checker.ident(top.get("id"), "the model id")
    stage_ids: list[tuple[str, int]] = []
    title = checker.text(top.get("title"), "the model title")
    source = checker.text(top.get("source"), "the model source")
    summary = checker.text(top.get("summary"), "the summary")

    def build_stage(node: Located) -> Stage | None:
        fields = checker.mapping(node, "a stage", {"id", "title", "asks"}, set())
        if fields is None:
            return None
        stage_id = checker.ident(fields.get("id"), "the stage id")
        stage_title = checker.text(fields.get("title"), "the stage title")
        asks = _choice(checker, fields.get("asks"), Move, "'asks'")
        if not stage_id or not stage_title or asks is None:
            return None
        if stage_id == "points":
            checker.problem(node.line, "the stage id 'points' is kept for the sub-points prompt")
            return None
        stage_ids.append((stage_id, node.line))
        return Stage(stage_id, stage_title, asks)

    stages = checker.items_of(top.get("stages"), "stages", build_stage)
    checker.unique(stage_ids, "stage id")
    if checker.problems or not model_id or not title or not source:
        return None
    return ReflectiveModel(model_id, title, source, tuple(stages), summary, checker.path)
