"""An encrypted folder's key file: scrypt's cost and salt for each passphrase, and the data
keys sealed under it. JSON in the clear: it holds no names and no notes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from supervise.store.seal import Cost

KEY_FILE_FORMAT = "supervise-sealed-folder"
"""What a key file says it is."""


@dataclass(frozen=True)
class Slot:
    """One passphrase's entry in the key file: scrypt's cost and salt, and the data keys
    wrapped under it (``write`` is the one new files are sealed with)."""

    cost: Cost
    salt: bytes
    write: bytes
    wrapped: dict[bytes, bytes]

    def to_doc(self) -> dict[str, Any]:
        """The slot as JSON."""
        return {
            "kdf": "scrypt",
            "n": self.cost.n,
            "r": self.cost.r,
            "p": self.cost.p,
            "salt": self.salt.hex(),
            "write": self.write.hex(),
            "keys": {k.hex(): v.hex() for k, v in self.wrapped.items()},
        }

    @classmethod
    def from_doc(cls, doc: Any) -> Slot:
        """The slot in ``doc``; ValueError or TypeError if it is malformed."""
        from supervise.store.seal import Cost

        if not isinstance(doc, dict) or doc.get("kdf") != "scrypt":
            raise ValueError("unknown key derivation")
        numbers = [doc.get(k) for k in ("n", "r", "p")]
        whole = [v for v in numbers if isinstance(v, int) and not isinstance(v, bool)]
        if len(whole) != len(numbers):
            raise TypeError("scrypt parameters must be whole numbers")
        keys = doc.get("keys")
        if not isinstance(keys, dict) or not keys:
            raise TypeError("no keys")
        cost = Cost(*whole)
        cost.check()
        slot = cls(
            cost,
            bytes.fromhex(doc["salt"]),
            bytes.fromhex(doc["write"]),
            {bytes.fromhex(k): bytes.fromhex(v) for k, v in keys.items()},
        )
        if slot.write not in slot.wrapped:
            raise ValueError("the key to write with is missing")
        return slot


@dataclass(frozen=True)
class KeyFile:
    """An encrypted folder's key file."""

    store: bytes
    """The folder's random id, bound into every sealed file."""
    current: Slot
    """The passphrase in force."""
    next: Slot | None = None
    """The new passphrase while a change is under way (every key is wrapped under both)."""
    sealing: bool = False
    """True while a plain folder is being sealed: its plain files are still read."""

    def to_bytes(self) -> bytes:
        """The key file's contents."""
        doc = {
            "format": KEY_FILE_FORMAT,
            "version": 1,
            "about": "The keys of an encrypted supervise sessions folder, sealed under its "
            "passphrase. Without this file no session here can be opened: back it up with them.",
            "cipher": "AES-256-GCM",
            "store": self.store.hex(),
            "passphrase": self.current.to_doc(),
            "next": None if self.next is None else self.next.to_doc(),
            "sealing": self.sealing,
        }
        return json.dumps(doc, indent=1).encode("ascii")

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeyFile:
        """The key file in ``raw``; ValueError or TypeError if it is not one."""
        doc = json.loads(raw)
        if not isinstance(doc, dict) or doc.get("format") != KEY_FILE_FORMAT:
            raise ValueError("not a supervise key file")
        if doc.get("version") != 1:
            raise ValueError(f"key file version {doc.get('version')!r} is not known here")
        nxt = doc.get("next")
        return cls(
            bytes.fromhex(doc["store"]),
            Slot.from_doc(doc.get("passphrase")),
            None if nxt is None else Slot.from_doc(nxt),
            doc.get("sealing") is True,
        )
