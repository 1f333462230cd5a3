"""Find content files, load them once, and look items up by reference."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

import supervise
from supervise.content.errors import ContentError, ContentProblem
from supervise.content.model import Framework, Item, ReflectiveModel, Section

CONTENT_ENV = "SUPERVISE_CONTENT"
"""Environment variable naming extra content folders or files, separated by ':'."""

DEFAULT_MODEL = "driscoll"
"""The reflective model used when none is chosen."""

YAML_SUFFIXES = (".yaml", ".yml")


def builtin_content_dir() -> Path:
    """The folder of shipped content: inside the installed package, else the source checkout's."""
    package = Path(supervise.__file__).resolve().parent
    installed = package / "_content"
    if installed.is_dir():
        return installed
    return package.parent / "content"


def content_paths_from_env(environ: os._Environ[str] | dict[str, str] | None = None) -> list[Path]:
    """The extra content paths named by SUPERVISE_CONTENT (empty parts ignored)."""
    value = (environ if environ is not None else os.environ).get(CONTENT_ENV, "")
    return [Path(part).expanduser() for part in value.split(os.pathsep) if part.strip()]


def yaml_files(paths: Iterable[Path]) -> tuple[list[Path], list[ContentProblem]]:
    """Every YAML file named by ``paths`` (folders are searched recursively, in name order)."""
    files: list[Path] = []
    problems: list[ContentProblem] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in YAML_SUFFIXES))
        elif path.exists():
            # Not a folder: read as a file, which says what is wrong if it is not one (a FIFO).
            files.append(path)
        else:
            problems.append(ContentProblem(path, 1, "no such file or folder"))
    return files, problems


@dataclass
class Library:
    """Every loaded framework and reflective model, in load order."""

    frameworks: dict[str, Framework] = field(default_factory=dict)
    models: dict[str, ReflectiveModel] = field(default_factory=dict)
    _items: dict[str, Item] = field(default_factory=dict, repr=False)

    def add_framework(self, framework: Framework) -> None:
        """Add ``framework`` and index its items by reference."""
        self.frameworks[framework.id] = framework
        self._items.update((item.ref, item) for item in framework.items())

    def item(self, ref: str) -> Item:
        """The item with reference ``FRAMEWORK/SECTION/ITEM``; KeyError when unknown."""
        return self._items[ref]

    def has_item(self, ref: str) -> bool:
        """Whether ``ref`` names a loaded item."""
        return ref in self._items

    def section_of(self, item: Item) -> Section:
        """The section that holds ``item``."""
        framework_id, section_id, _ = item.ref.split("/")
        framework = self.frameworks[framework_id]
        return next(s for s in framework.sections if s.id == section_id)

    def framework_of(self, item: Item) -> Framework:
        """The framework that holds ``item``."""
        return self.frameworks[item.ref.split("/")[0]]

    def expand(self, refs: Iterable[str]) -> list[str]:
        """Item references for a mix of framework, section and item references, in document
        order, each once; unknown references are ignored."""
        wanted = set(refs)
        ordered: list[str] = []
        for framework in self.frameworks.values():
            for section in framework.sections:
                for item in section.items:
                    if wanted & {framework.id, section.ref, item.ref}:
                        ordered.append(item.ref)
        return ordered

    def model(self, model_id: str | None) -> ReflectiveModel:
        """The model ``model_id``, or the default model; KeyError when unknown."""
        return self.models[model_id or DEFAULT_MODEL]


def load_library(
    extra: Sequence[Path] = (), *, include_env: bool = True, cache_dir: Path | None = None
) -> Library:
    """Load the shipped content plus ``extra`` (and SUPERVISE_CONTENT) paths.

    With ``cache_dir``, a copy kept there is used while the files are unchanged, and made when
    they are loaded (see ``cache``). Raises ContentError listing every problem in every file
    when anything is wrong.
    """
    paths = [builtin_content_dir(), *extra]
    if include_env:
        paths.extend(content_paths_from_env())
    files, problems = yaml_files(paths)
    stamp = None
    if cache_dir is not None and not problems:
        from supervise.content.cache import fingerprint, read_cache

        # Taken before the files are read, so a file changed meanwhile cannot be cached as new.
        with suppress(OSError):
            stamp = fingerprint(files)
        cached = None if stamp is None else read_cache(cache_dir, stamp)
        if cached is not None:
            return cached
    library = _build(files, problems)
    if problems:
        raise ContentError(problems)
    if cache_dir is not None and stamp is not None:
        from supervise.content.cache import write_cache

        write_cache(cache_dir, stamp, library)
    return library


def check_content(paths: Sequence[Path] = ()) -> list[ContentProblem]:
    """Every problem in the shipped content plus ``paths`` (empty when all is well)."""
    return _load([builtin_content_dir(), *paths, *content_paths_from_env()])[1]


def _load(paths: Sequence[Path]) -> tuple[Library, list[ContentProblem]]:
    files, problems = yaml_files(paths)
    return _build(files, problems), problems


def _build(files: Sequence[Path], problems: list[ContentProblem]) -> Library:
    """The content in ``files``; what is wrong with them is added to ``problems``."""
    # The YAML reader is imported here, not at the top: a start that finds a cached copy of the
    # content never needs it.
    from supervise.content.validate import Checker, build_framework, build_model
    from supervise.content.yamlnodes import read_located

    library = Library()
    origins: dict[tuple[str, str], Path] = {}
    for path in dict.fromkeys(files):
        try:
            root = read_located(path)
        except ContentError as error:
            problems.extend(error.problems)
            continue
        checker = Checker(path)
        keys = root.value.keys() if isinstance(root.value, dict) else set()
        built: Framework | ReflectiveModel | None
        if "stages" in keys:
            built = build_model(checker, root)
        elif "sections" in keys:
            built = build_framework(checker, root)
        else:
            checker.problem(
                root.line,
                "not a competence framework ('sections') or a reflective model ('stages')",
            )
            built = None
        problems.extend(checker.problems)
        if built is None:
            continue
        kind = "model" if isinstance(built, ReflectiveModel) else "framework"
        if (kind, built.id) in origins:
            first = origins[(kind, built.id)]
            problems.append(
                ContentProblem(path, 1, f"{kind} id '{built.id}' is already used by {first}")
            )
            continue
        origins[(kind, built.id)] = path
        if isinstance(built, ReflectiveModel):
            library.models[built.id] = built
        else:
            library.add_framework(built)
    if not problems and DEFAULT_MODEL not in library.models:
        problems.append(ContentProblem(builtin_content_dir(), 1, "the default model is missing"))
    return library
