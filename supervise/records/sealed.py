"""A sealed export: a JSON bundle sealed with a passphrase of its own, for carrying a session
from an encrypted folder to another computer without it ever being plain text on the way."""

from __future__ import annotations

import base64
import json
import os
from typing import Any

from supervise.store import StoreError
from supervise.store.seal import (
    DEFAULT_COST,
    SALT_SIZE,
    Cost,
    Unsealable,
    derive,
    new_key,
    seal,
    unseal,
    unwrap,
    wrap,
)

FORMAT = "supervise-sealed-export"
"""What a sealed export says it is."""
_STORE = b"supervise export"
_NAME = "bundle"


class SealedExportRefused(StoreError):
    """A sealed export that cannot be opened; nothing has been changed."""

    def __init__(self, reason: str, hint: str = "Nothing was imported.") -> None:
        super().__init__(f"This sealed export cannot be opened: {reason}", hint)


def is_sealed_export(raw: bytes) -> bool:
    """True if ``raw`` looks like a sealed export (it may still fail to open)."""
    return raw.lstrip()[:200].find(FORMAT.encode()) != -1


def seal_export(bundle: bytes, passphrase: str, *, cost: Cost = DEFAULT_COST) -> bytes:
    """``bundle`` sealed under ``passphrase``: a small JSON file with scrypt's parameters."""
    salt = os.urandom(SALT_SIZE)
    kek = derive(passphrase, salt, cost)
    key_id, key = new_key()
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": 1,
        "about": "A supervise session bundle sealed with a passphrase (AES-256-GCM, key from "
        "scrypt). Open it with 'supervise import FILE' and that passphrase.",
        "kdf": {"name": "scrypt", "n": cost.n, "r": cost.r, "p": cost.p, "salt": salt.hex()},
        "key": {"id": key_id.hex(), "wrapped": wrap(kek, _STORE, key_id, key).hex()},
        "sealed": base64.b64encode(seal(key_id, key, _STORE, _NAME, bundle)).decode("ascii"),
    }
    return json.dumps(doc, indent=1).encode("ascii")


def open_export(raw: bytes, passphrase: str) -> bytes:
    """The bundle inside the sealed export ``raw``; SealedExportRefused saying why if the
    passphrase is wrong or the file was changed."""
    try:
        doc = json.loads(raw)
        kdf, key_doc = doc["kdf"], doc["key"]
        cost = Cost(int(kdf["n"]), int(kdf["r"]), int(kdf["p"]))
        salt, key_id = bytes.fromhex(kdf["salt"]), bytes.fromhex(key_doc["id"])
        wrapped = bytes.fromhex(key_doc["wrapped"])
        sealed = base64.b64decode(doc["sealed"], validate=True)
        kek = derive(passphrase, salt, cost)
    except (ValueError, TypeError, KeyError) as exc:
        raise SealedExportRefused(f"it is damaged ({exc}).") from exc
    key = unwrap(kek, _STORE, key_id, wrapped)
    if key is None:
        raise SealedExportRefused(
            "that passphrase does not open it.",
            "Nothing was imported. Type the passphrase given when it was exported.",
        )
    try:
        return unseal({key_id: key}, _STORE, _NAME, sealed)
    except Unsealable as exc:
        raise SealedExportRefused(
            "it was changed, cut short or damaged after it was exported.",
            "Nothing was imported. Export it again from the original session.",
        ) from exc
