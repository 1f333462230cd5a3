"""Export: one session file as a record in a chosen format, and where such files are written."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from supervise.store.files import write_atomic
from supervise.store.folder import FOLDER_MODE

if TYPE_CHECKING:
    from supervise.content import Library


class Format(str, Enum):
    """The formats a record can be exported in, by the suffix of their files."""

    MARKDOWN = "md"
    HTML = "html"
    JSON = "json"

    @property
    def suffix(self) -> str:
        """The file name's ending (bundles end ``.bundle.json`` so no folder takes them for a
        session file)."""
        return ".bundle.json" if self is Format.JSON else f".{self.value}"


def export_session(path: Path, format: Format, library: Library) -> bytes:
    """The session file at ``path`` rendered as ``format`` (UTF-8), read without its lock."""
    # Imported here: the command line builds its parser (and the app its list) without TinyDB.
    from supervise.records.build import read_record

    record = read_record(path, library)
    if format is Format.JSON:
        from supervise.records.bundle import make_bundle

        return make_bundle(path, record)
    if format is Format.HTML:
        from supervise.records.html import render_html

        return render_html(record).encode("utf-8")
    from supervise.records.markdown import render_markdown

    return render_markdown(record).encode("utf-8")


def records_folder(sessions_dir: Path) -> Path:
    """Where the app writes exported records: ``records`` beside the sessions folder."""
    return Path(sessions_dir).expanduser().absolute().parent / "records"


def write_record(target: Path, raw: bytes) -> Path:
    """Write an exported record to ``target`` (private to its owner, like the sessions)."""
    target = Path(target).expanduser()
    if not target.parent.exists():
        target.parent.mkdir(parents=True, mode=FOLDER_MODE)
    write_atomic(target, raw)
    return target


def export_files(path: Path, library: Library, folder: Path) -> list[Path]:
    """The session at ``path`` written to ``folder`` as Markdown, HTML and a bundle (to import
    on another computer); the files made."""
    written = []
    for format in (Format.MARKDOWN, Format.HTML, Format.JSON):
        raw = export_session(path, format, library)
        written.append(write_record(folder / (path.stem + format.suffix), raw))
    return written
