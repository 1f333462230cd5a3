"""The list floors: the least a fresh Python does to print what ``supervise list --json`` prints.

Only ``json``, ``os`` and ``sys`` are imported (a bare interpreter has the last two already):
tests/benchmarks/test_lean_baselines.py checks that nothing else is loaded.
"""

import json
import os
import sys

# Not typing.TYPE_CHECKING, and no __future__ import: a floor loads nothing it does not use.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from bench_child import Args, Result


def row(
    name: str, doc: "dict[str, Any]", answered: int, total: int, flagged: "list[str]"
) -> "dict[str, Any]":
    """One printed row, keyed and ordered as the CLI prints it."""
    return {
        "id": doc["id"],
        "file": name,
        "mode": doc["mode"],
        "practitioner": doc["practitioner"],
        "supervisor": doc["supervisor"],
        "date": doc["date"],
        "status": doc["status"],
        "answered": answered,
        "total": total,
        "next_date": doc.get("next_date", ""),
        "frameworks": list(dict.fromkeys(ref.split("/", 1)[0] for ref in doc["scope"])),
        "flagged": flagged,
        "problem": "",
        "archived": False,
    }


def show(rows: "list[tuple[tuple[str, str, str], dict[str, Any]]]", folder: str) -> None:
    """Print ``rows`` (each with its sort key) newest first, as the CLI prints them: archived
    sessions left out, as the CLI leaves them out."""
    try:
        with open(os.path.join(folder, ".archived.json"), "rb") as file:
            hidden = set(json.loads(file.read())["files"])
    except FileNotFoundError:
        hidden = set()
    rows.sort(key=lambda keyed: keyed[0], reverse=True)
    shown = [shown for _, shown in rows if shown["file"] not in hidden]
    json.dump(shown, sys.stdout, ensure_ascii=False, indent=2)
    print()


def list_index_floor(args: "Args", result: "Result") -> None:
    """Read and parse the folder's ``.index.json`` and print every session it holds."""
    with open(os.path.join(args["dir"], ".index.json"), "rb") as file:
        files = json.loads(file.read())["files"]
    rows = []
    for name, entry in files.items():
        doc = entry["summary"]
        key = (doc["date"], doc["created"], name)
        rows.append((key, row(name, doc, doc["answered"], doc["total"], doc["flagged"])))
    show(rows, args["dir"])
    result["count"] = len(rows)


def list_files_floor(args: "Args", result: "Result") -> None:
    """Read and parse every session file in the folder and print each one's summary."""
    rows = []
    with os.scandir(args["dir"]) as entries:
        for entry in entries:
            if entry.name.startswith(".") or not entry.name.endswith(".json"):
                continue
            with open(entry.path, "rb") as file:
                tables = json.loads(file.read())
            (doc,) = tables["session"].values()
            answered = {
                response["item"]
                for response in tables.get("responses", {}).values()
                if response["text"].strip()
            }
            scope = dict.fromkeys(doc["scope"])
            count = sum(1 for ref in scope if ref in answered)
            flagged = [
                rating["item"]
                for rating in tables.get("ratings", {}).values()
                if rating.get("bring_to_supervision")
            ]
            key = (doc["date"], doc["created"], entry.name)
            rows.append((key, row(entry.name, doc, count, len(scope), flagged)))
    show(rows, args["dir"])
    result["count"] = len(rows)


KINDS: "dict[str, Callable[[Args, Result], None]]" = {
    "list-index-floor": list_index_floor,
    "list-files-floor": list_files_floor,
}
"""The measurements this module makes, by name."""
