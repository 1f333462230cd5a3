"""Exports from an encrypted folder on the command line: a warning that they are plain text,
or, with ``--encrypt-export``, a bundle sealed with a passphrase asked for with getpass."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from supervise.records.export import Format
from supervise.records.sealed import SealedExportRefused, is_sealed_export, open_export, seal_export
from supervise.store import keys

TRIES = 3
"""How many times the passphrase of a sealed export is asked for."""


def plain_warning(folder: Path) -> str:
    """What to say when a session of the encrypted ``folder`` is exported as plain text."""
    return (
        f"Note: {folder} is encrypted, but this export is plain text: anyone who can read the "
        "file can read the session. Seal it with --encrypt-export (a JSON bundle), or delete "
        "it once it has served."
    )


def seal_or_warn(
    folder: Path, raw: bytes, format: Format, args: argparse.Namespace
) -> bytes | None:
    """The bytes to write for an export: sealed if asked to (None, having said why, if that
    cannot be done), else as they are, with a warning if ``folder`` is encrypted."""
    if not getattr(args, "encrypt_export", False):
        if keys.is_encrypted(folder):
            print(plain_warning(folder), file=sys.stderr)
        return raw
    if format is not Format.JSON:
        print(
            "--encrypt-export seals the JSON bundle only (add --format json): Markdown and "
            "HTML are for reading, and a sealed copy could not be read.",
            file=sys.stderr,
        )
        return None
    from supervise.records.passphrase import ask_new

    passphrase = ask_new(what="Passphrase for this export")
    if passphrase is None:
        print("Nothing was exported.", file=sys.stderr)
        return None
    return seal_export(raw, passphrase)


def open_if_sealed(raw: bytes) -> bytes:
    """The bundle in ``raw``: as it is, or opened with a passphrase asked for (three tries)."""
    if not is_sealed_export(raw):
        return raw
    for attempt in range(1, TRIES + 1):
        try:
            passphrase = getpass.getpass("Passphrase of this sealed export: ")
        except EOFError:
            break
        try:
            return open_export(raw, passphrase)
        except SealedExportRefused as error:
            if "passphrase" not in error.message or attempt == TRIES:
                raise
            print(f"{error.message} {TRIES - attempt} left.", file=sys.stderr)
    raise SealedExportRefused("no passphrase was given.")
