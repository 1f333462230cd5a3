"""The sealed-file format: AES-256-GCM over a file's bytes, bound to its store and its name,
with keys derived from a passphrase by scrypt. Bytes in, bytes out: no files here."""

from __future__ import annotations

import enum
import os
import struct
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

MAGIC = b"SVSEAL1\n"
"""How every sealed file begins (never how JSON begins, so the two cannot be confused)."""
KEY_ID_SIZE = 8
"""Bytes naming which data key sealed a file (in the clear, so the right key is picked)."""
NONCE_SIZE = 12
"""AES-GCM's nonce: random for every write (a file is sealed far fewer than 2**32 times)."""
KEY_SIZE = 32
"""AES-256."""
SALT_SIZE = 16
"""The scrypt salt, random per passphrase."""
STORE_ID_SIZE = 16
"""A random id per sealed store, bound into every file so files cannot move between stores."""
_LENGTH = struct.Struct(">Q")
HEAD_SIZE = len(MAGIC) + KEY_ID_SIZE + NONCE_SIZE + _LENGTH.size
"""The clear header of a sealed file: magic, key id, nonce, length of the sealed part."""
TAG_SIZE = 16
"""AES-GCM's authentication tag, at the end of the sealed part."""


@dataclass(frozen=True)
class Cost:
    """scrypt's parameters: ``n`` (memory and time, a power of two), ``r`` and ``p``."""

    n: int
    r: int = 8
    p: int = 1

    @property
    def memory_mb(self) -> int:
        """Roughly how much memory one derivation takes."""
        return 128 * self.n * self.r * self.p // (1 << 20)

    def check(self) -> None:
        """ValueError unless these are parameters scrypt can run here (a key file is checked
        before its parameters are used: a doctored one must not ask for all the memory)."""
        if self.n < 2 or self.n & (self.n - 1) or not 1 <= self.r <= 64 or not 1 <= self.p <= 16:
            raise ValueError(f"scrypt parameters out of range: {self}")
        if self.memory_mb > MAX_MEMORY_MB:
            raise ValueError(f"scrypt would need {self.memory_mb} MB, more than {MAX_MEMORY_MB}")


DEFAULT_COST = Cost(n=1 << 17, r=9, p=1)
"""The product's cost: 144 MB, and 0.3 s (machine idle) to 0.9 s (busy) on the 2-core machine
it was tuned on (benchmarks/ measures it). Stored in each folder's key file, so it can be raised
later without breaking older folders."""
MAX_MEMORY_MB = 1024
"""A key file asking scrypt for more memory than this is refused rather than run."""


class Broken(enum.Enum):
    """Why a sealed file could not be opened."""

    TRUNCATED = "it is shorter than it says, as if cut short (truncated)"
    OTHER_KEY = (
        "it was sealed by another sessions folder's key (copied or moved here from elsewhere)"
    )
    ALTERED = (
        "it does not match its folder and name: it was changed, damaged, renamed, or swapped "
        "with another sealed file"
    )
    NOT_SEALED = "it is not sealed, though this folder is encrypted (put here from outside)"


class Unsealable(ValueError):
    """A sealed file that cannot be opened, and why (see Broken)."""

    def __init__(self, why: Broken) -> None:
        super().__init__(why.value)
        self.why = why
        """Which kind of failure."""


def is_sealed(raw: bytes) -> bool:
    """True if ``raw`` is in the sealed format (it may still fail to open)."""
    return raw.startswith(MAGIC)


def normalise(passphrase: str) -> bytes:
    """A passphrase as bytes, in one Unicode form so a typed 'é' is the same on every system."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8", "surrogatepass")


def derive(passphrase: str, salt: bytes, cost: Cost) -> bytes:
    """The key-encrypting key for ``passphrase``: scrypt, memory-hard."""
    cost.check()
    return Scrypt(salt=salt, length=KEY_SIZE, n=cost.n, r=cost.r, p=cost.p).derive(
        normalise(passphrase)
    )


def new_key() -> tuple[bytes, bytes]:
    """A fresh random data key and its id."""
    return os.urandom(KEY_ID_SIZE), AESGCM.generate_key(bit_length=8 * KEY_SIZE)


def _wrap_data(store: bytes, key_id: bytes) -> bytes:
    return b"supervise key\0" + store + key_id


def wrap(kek: bytes, store: bytes, key_id: bytes, key: bytes) -> bytes:
    """The data key ``key`` sealed under the passphrase's key ``kek``."""
    nonce = os.urandom(NONCE_SIZE)
    return nonce + AESGCM(kek).encrypt(nonce, key, _wrap_data(store, key_id))


def unwrap(kek: bytes, store: bytes, key_id: bytes, wrapped: bytes) -> bytes | None:
    """The data key inside ``wrapped``, or None if ``kek`` is not the key it was sealed under
    (the wrong passphrase: every wrapped key is checked, so this never reads as damage)."""
    try:
        return AESGCM(kek).decrypt(
            wrapped[:NONCE_SIZE], wrapped[NONCE_SIZE:], _wrap_data(store, key_id)
        )
    except (InvalidTag, ValueError):
        return None


def _bound(head: bytes, store: bytes, name: str) -> bytes:
    # The clear header, the store and the name are authenticated with the contents: a file
    # swapped in from another store, or renamed, fails to open.
    return head + store + b"\0" + name.encode("utf-8", "surrogatepass")


def seal(key_id: bytes, key: bytes, store: bytes, name: str, plain: bytes) -> bytes:
    """``plain`` sealed for the file ``name`` of the store ``store``."""
    nonce = os.urandom(NONCE_SIZE)
    head = MAGIC + key_id + nonce + _LENGTH.pack(len(plain) + TAG_SIZE)
    return head + AESGCM(key).encrypt(nonce, plain, _bound(head, store, name))


def key_id_of(raw: bytes) -> bytes:
    """The id of the data key that sealed ``raw`` (a sealed file)."""
    return raw[len(MAGIC) : len(MAGIC) + KEY_ID_SIZE]


def unseal(keys: Mapping[bytes, bytes], store: bytes, name: str, raw: bytes) -> bytes:
    """The plain bytes of the sealed file ``raw``; Unsealable saying why if it cannot be."""
    if not is_sealed(raw):
        raise Unsealable(Broken.NOT_SEALED)
    if len(raw) < HEAD_SIZE:
        raise Unsealable(Broken.TRUNCATED)
    head, body = raw[:HEAD_SIZE], raw[HEAD_SIZE:]
    (length,) = _LENGTH.unpack(head[-_LENGTH.size :])
    if len(body) < length:
        raise Unsealable(Broken.TRUNCATED)
    key = keys.get(key_id_of(raw))
    if key is None:
        raise Unsealable(Broken.OTHER_KEY)
    nonce = head[len(MAGIC) + KEY_ID_SIZE : len(MAGIC) + KEY_ID_SIZE + NONCE_SIZE]
    try:
        return AESGCM(key).decrypt(nonce, body, _bound(head, store, name))
    except (InvalidTag, ValueError) as exc:
        raise Unsealable(Broken.ALTERED) from exc
