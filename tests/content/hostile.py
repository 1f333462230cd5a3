"""Hostile content files, as the probe of issue 14 found them: each must be refused by name."""

from __future__ import annotations

from pathlib import Path

from supervise.content.yamlnodes import MAX_CONTENT_BYTES

BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9 if prev else ['lol'] * 9)}]\n"
    for prev, name in zip(["", *"abcdefgh"], "abcdefghi", strict=True)
)
"""Billion laughs: 9 levels of 9 aliases each, a few hundred bytes that expand to 9**9 items."""

PROBES: dict[str, tuple[str, str]] = {
    "python-tag": ("id: x\ntitle: !!python/name:os.system\nsections: []\n", "tag"),
    "unknown-tag": ("id: x\ntitle: !foo T\nsections: []\n", "tag '!foo'"),
    "self-list": ("id: x\ntitle: T\nsections: &s [*s]\n", "aliases"),
    "self-map": ("&m {self: *m}\n", "aliases"),
    "alias-bomb": (BOMB, "aliases"),
    "too-deep": ("sections: " + "[" * 200 + "]" * 200 + "\n", "nested more than"),
    "bad-date": ("id: x\ntitle: T\nsummary: 2024-13-40\nsections: []\n", "cannot be read"),
    "two-documents": ("id: x\n---\nid: y\n", "more than one YAML document"),
}
"""name -> (file text, what the message must say)."""


def write_probe(folder: Path, name: str) -> Path:
    """The probe ``name`` as a file in ``folder``."""
    path = folder / f"{name}.yaml"
    path.write_text(PROBES[name][0], encoding="utf-8")
    return path


def write_huge(folder: Path) -> Path:
    """A content file larger than the cap, made sparse so that writing it costs nothing."""
    path = folder / "huge.yaml"
    with open(path, "wb") as file:
        file.truncate(50_000_000 + MAX_CONTENT_BYTES)
    return path
