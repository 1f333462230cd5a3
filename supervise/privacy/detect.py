"""Every likely identifier in a text, each once, in the order they are written."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from supervise.privacy.births import birth_dates
from supervise.privacy.contact import emails, phone_numbers, postcodes
from supervise.privacy.kinds import Finding, Kind
from supervise.privacy.names import person_placeholder, served_names
from supervise.privacy.nhs import nhs_numbers

_RANK = {kind: rank for rank, kind in enumerate(Kind)}


def find_identifiers(
    text: str, served: Sequence[str] = (), today: date | None = None
) -> tuple[Finding, ...]:
    """The likely identifiers in ``text``: NHS numbers, postcodes, phone numbers, e-mail
    addresses, dates of birth, and the names in ``served`` (people served, as marked).

    Where two overlap, the longer wins (an address holding a postcode is an address), then the
    kind listed first in Kind. ``today`` decides which dates could be a birth (today by default).
    """
    when = today or date.today()
    spans: list[tuple[int, int, Kind, str]] = []

    def add(kind: Kind, found: Iterable[tuple[int, int]]) -> None:
        spans.extend((start, end, kind, kind.placeholder) for start, end in found)

    add(Kind.EMAIL, emails(text))
    add(Kind.NHS_NUMBER, nhs_numbers(text))
    add(Kind.PHONE, phone_numbers(text))
    add(Kind.POSTCODE, postcodes(text))
    add(Kind.BIRTH_DATE, birth_dates(text, when))
    spans.extend(
        (start, end, Kind.PERSON, person_placeholder(index))
        for start, end, index in served_names(text, served)
    )
    spans.sort(key=lambda span: (-(span[1] - span[0]), _RANK[span[2]], span[0]))
    kept: list[tuple[int, int, Kind, str]] = []
    for span in spans:
        if all(span[1] <= other[0] or other[1] <= span[0] for other in kept):
            kept.append(span)
    kept.sort()
    return tuple(
        Finding(kind, start, end, text[start:end], placeholder)
        for start, end, kind, placeholder in kept
    )


def replace_identifiers(text: str, findings: Sequence[Finding]) -> str:
    """``text`` with each finding (found in this very text) replaced by its placeholder."""
    pieces: list[str] = []
    at = 0
    for finding in sorted(findings, key=lambda f: f.start):
        pieces.append(text[at : finding.start])
        pieces.append(finding.placeholder)
        at = finding.end
    pieces.append(text[at:])
    return "".join(pieces)


def replaced_span(text: str, findings: Sequence[Finding]) -> tuple[int, int, str] | None:
    """The one stretch of ``text`` that replacing ``findings`` changes, and what it becomes:
    (start, end, new text), or None if there is nothing to replace. One edit, so one undo."""
    if not findings:
        return None
    start = min(f.start for f in findings)
    end = max(f.end for f in findings)
    inner = [
        Finding(f.kind, f.start - start, f.end - start, f.text, f.placeholder) for f in findings
    ]
    return start, end, replace_identifiers(text[start:end], inner)
