"""Checks of whole tables at once, for the files the list of sessions reads by the thousand.

Each loops in C (``map``, ``set``, ``chain``) rather than calling Python once per document, and
says only yes or no. A yes is never looser than the per-document checks in ``codec`` and
``files``; a no sends the table to those checks, which say exactly what is wrong.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from itertools import chain, compress
from operator import itemgetter, methodcaller
from typing import Any

from supervise.store.records import ROLES

FLAT_TYPES = frozenset({str, int, float, bool, type(None)})
"""What JSON holds that is neither a list nor an object."""
ROLE_NAMES = frozenset(ROLES)
"""Who can answer, as stored."""

_TEXT_ONLY = frozenset({str})
_ANSWER_KEYS = frozenset({"item", "stage", "role", "text"})
"""What every stored answer holds."""
_ANSWER_KEYS_UPDATED = _ANSWER_KEYS | {"updated"}
"""The same, with when it was last changed (which an answer may leave out)."""
_ITEM = itemgetter("item")
_ROLE = itemgetter("role")
_TEXT = itemgetter("text")
_VALUES = methodcaller("values")


def value_types(docs: Collection[Mapping[str, Any]]) -> set[type]:
    """The types of every value held directly in ``docs``."""
    return set(map(type, chain.from_iterable(map(_VALUES, docs))))


def flat(docs: Collection[Mapping[str, Any]]) -> bool:
    """Whether no document in ``docs`` holds a list or an object (so none nests deeper)."""
    return value_types(docs) <= FLAT_TYPES


def plain_answers(docs: Collection[Mapping[str, Any]]) -> bool:
    """Whether every document in ``docs`` is an answer exactly as supervise writes it: item,
    stage, a known role and text, perhaps when it was updated, all text and nothing else (so
    none nests deeper either)."""
    # Each answer's keys as a tuple: answers written by supervise share one or two orders.
    shapes = set(map(tuple, docs))
    if not all([_ANSWER_KEYS <= set(keys) <= _ANSWER_KEYS_UPDATED for keys in shapes]):
        return False
    return value_types(docs) <= _TEXT_ONLY and set(map(_ROLE, docs)) <= ROLE_NAMES


def answered(docs: Collection[Mapping[str, Any]]) -> set[str] | None:
    """The items of ``docs`` answered with more than blanks; None unless every document holds an
    item and a text, every text is text and every item so answered is text (then each document
    is looked at alone)."""
    try:
        # KeyError for a missing item or text, TypeError for a text that is not text.
        found = set(compress(map(_ITEM, docs), map(str.strip, map(_TEXT, docs))))
    except (KeyError, TypeError):
        return None
    return found if set(map(type, found)) <= _TEXT_ONLY else None
