"""A rebuildable JSON copy of the loaded content, so that later starts skip the YAML parser.

The copy is used only while every content file, and the code that reads them, is exactly as it
was when the copy was made (same paths, sizes and modification times); anything else, including
a damaged or unreadable copy, means loading the YAML again. Deleting it is always safe.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import platformdirs

import supervise
from supervise.content.library import Library
from supervise.content.model import (
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

CACHE_VERSION = 3
"""Bumped whenever the shape of the copy changes."""
CACHE_FILE = "content.json"
MAX_CACHE_BYTES = 32_000_000
"""The largest copy read back: more is not a copy this code wrote (it is read again instead)."""
"""The copy's name in the cache folder."""
CACHE_ENV = "SUPERVISE_CACHE_DIR"
"""Environment variable naming the cache folder."""

Json = Any
"""A value as json.loads returns it."""


def default_cache_dir(environ: os._Environ[str] | dict[str, str] | None = None) -> Path:
    """$SUPERVISE_CACHE_DIR, else $XDG_CACHE_HOME/supervise, else the system's per-user cache
    folder (~/.cache, ~/Library/Caches, AppData\\Local)."""
    env = os.environ if environ is None else environ
    if env.get(CACHE_ENV):
        return Path(env[CACHE_ENV])
    if env.get("XDG_CACHE_HOME"):
        return Path(env["XDG_CACHE_HOME"]) / "supervise"
    return Path(platformdirs.user_cache_dir("supervise", appauthor=False))


def fingerprint(files: Sequence[Path]) -> list[Json]:
    """What the copy depends on: the content files and the code that turns them into content."""
    code = sorted(Path(__file__).parent.glob("*.py"))
    stamps: list[Json] = [CACHE_VERSION, supervise.__version__]
    for path in [*files, *code]:
        stat = path.stat()
        stamps.append([str(path), stat.st_size, stat.st_mtime_ns])
    return stamps


def read_cache(folder: Path, stamp: list[Json]) -> Library | None:
    """The content kept in ``folder`` if it was made from files with fingerprint ``stamp``."""
    try:
        raw = json.loads(_read_small(folder / CACHE_FILE))
        if raw["fingerprint"] != stamp:
            return None
        frameworks = [_framework(doc) for doc in raw["frameworks"]]
        models = [_model(doc) for doc in raw["models"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None
    library = Library(models={model.id: model for model in models})
    for framework in frameworks:
        library.add_framework(framework)
    return library


def _read_small(path: Path) -> bytes:
    """The bytes of ``path`` if it is a regular file no larger than a copy can be; ValueError
    otherwise. (Not the YAML reader's bounded read: a start with a good copy imports no YAML.)"""
    with open(path, "rb", opener=lambda name, flags: os.open(name, flags | _NONBLOCK)) as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_CACHE_BYTES:
            raise ValueError("not a copy of the content")
        data = file.read(MAX_CACHE_BYTES + 1)
    if len(data) > MAX_CACHE_BYTES:
        raise ValueError("not a copy of the content")
    return data


# A FIFO put where the copy belongs would block an ordinary open until a writer came.
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def write_cache(folder: Path, stamp: list[Json], library: Library) -> None:
    """Keep ``library``, made from files with fingerprint ``stamp``; a failure just leaves no
    copy."""
    try:
        text = json.dumps(
            {
                "fingerprint": stamp,
                "frameworks": [_framework_doc(f) for f in library.frameworks.values()],
                "models": [_model_doc(m) for m in library.models.values()],
            },
            ensure_ascii=False,
        )
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        temp = folder / f".{CACHE_FILE}.{os.getpid()}.tmp"
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, folder / CACHE_FILE)
    except (OSError, ValueError):
        pass


def _path(value: Json) -> Path | None:
    return None if value is None else Path(value)


def _framework_doc(framework: Framework) -> Json:
    return {
        "id": framework.id,
        "title": framework.title,
        "source": framework.source,
        "summary": framework.summary,
        "note": framework.note,
        "path": None if framework.path is None else str(framework.path),
        "people": [framework.people.one, framework.people.many],
        "sic": [[sic.printed, sic.reads] for sic in framework.sic],
        "sections": [
            {
                "ref": section.ref,
                "id": section.id,
                "title": section.title,
                "kind": section.kind.value,
                "editorial": section.editorial,
                "items": [
                    {
                        "ref": item.ref,
                        "id": item.id,
                        "text": item.text,
                        "kind": item.kind.value,
                        "points": [[p.text, p.truncated, p.brief] for p in item.points],
                        "note": item.note,
                        "handle": item.handle,
                        "parts": list(item.parts),
                        "short": item.short,
                        "sic": [[sic.printed, sic.reads] for sic in item.sic],
                        "number": item.number,
                    }
                    for item in section.items
                ],
            }
            for section in framework.sections
        ],
    }


def _framework(doc: Json) -> Framework:
    return Framework(
        id=doc["id"],
        title=doc["title"],
        source=doc["source"],
        summary=doc["summary"],
        note=doc["note"],
        path=_path(doc["path"]),
        people=People(*doc["people"]),
        sic=tuple(Sic(*pair) for pair in doc["sic"]),
        sections=tuple(
            Section(
                ref=section["ref"],
                id=section["id"],
                title=section["title"],
                kind=SectionKind(section["kind"]),
                editorial=section["editorial"],
                items=tuple(
                    Item(
                        ref=item["ref"],
                        id=item["id"],
                        text=item["text"],
                        kind=SectionKind(item["kind"]),
                        points=tuple(Point(*point) for point in item["points"]),
                        note=item["note"],
                        handle=item["handle"],
                        parts=tuple(item["parts"]),
                        short=item["short"],
                        sic=tuple(Sic(*pair) for pair in item["sic"]),
                        number=item["number"],
                    )
                    for item in section["items"]
                ),
            )
            for section in doc["sections"]
        ),
    )


def _stage_doc(stage: Stage) -> Json:
    return {"id": stage.id, "title": stage.title, "asks": stage.asks.value}


def _stage(doc: Json) -> Stage:
    return Stage(id=doc["id"], title=doc["title"], asks=Move(doc["asks"]))


def _model_doc(model: ReflectiveModel) -> Json:
    return {
        "id": model.id,
        "title": model.title,
        "source": model.source,
        "summary": model.summary,
        "path": None if model.path is None else str(model.path),
        "stages": [_stage_doc(stage) for stage in model.stages],
    }


def _model(doc: Json) -> ReflectiveModel:
    return ReflectiveModel(
        id=doc["id"],
        title=doc["title"],
        source=doc["source"],
        summary=doc["summary"],
        path=_path(doc["path"]),
        stages=tuple(_stage(stage) for stage in doc["stages"]),
    )
