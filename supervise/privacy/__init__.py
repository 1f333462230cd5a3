"""Likely identifiers of the people served, found in what is typed (pure: no Textual, no store).

Guidance asks that people who use services are anonymised in supervision records: this finds
what would identify them and says what to put instead.
"""

from supervise.privacy.detect import find_identifiers, replace_identifiers, replaced_span
from supervise.privacy.kinds import Finding, Kind
from supervise.privacy.names import person_placeholder, tidy_name

__all__ = [
    "Finding",
    "Kind",
    "find_identifiers",
    "person_placeholder",
    "replace_identifiers",
    "replaced_span",
    "tidy_name",
]
