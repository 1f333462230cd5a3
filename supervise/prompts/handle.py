"""A few words that name what a statement is about: its handle, written or derived."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from supervise.content.model import Item, Point, SectionKind
from supervise.prompts.tidy import clean_words

MAX_WORDS = 8
"""The longest derived handle: shorter than any run of statement words a prompt may repeat."""
BRIEF_WORDS = 4
"""The longest derived brief of a sub-point."""


@dataclass(frozen=True)
class Handle:
    """What an item (or one part of it) is about, as a verb phrase or a noun phrase."""

    text: str
    """"deal with challenging behaviour" (a verb phrase, without "to") or "displaced anger"."""
    verb: bool
    """True for something done ("check ..."), False for a thing or a question ("how ...")."""

    @property
    def label(self) -> str:
        """The handle as an author writes it: "to check ..." or "displaced anger"."""
        return f"to {self.text}" if self.verb else self.text

    @property
    def clause(self) -> bool:
        """True for a "how ..."/"why ..." question, which reads after "about" but not as a thing."""
        return self.verb or self.text.lower().startswith(_WH)

    @property
    def topic(self) -> str:
        """The handle as a noun phrase, for "about ...": verb phrases become "how to ..."."""
        return f"how to {self.text}" if self.verb else self.text


def written(text: str) -> Handle:
    """A handle as a framework author writes it: "to ..." for something done, else a noun."""
    words = clean_words(text)
    if words.lower().startswith("to "):
        return Handle(words[3:], verb=True)
    return Handle(words, verb=False)


def read_as_meant(item: Item) -> str:
    """The statement with each marked slip replaced by its intended reading."""
    text = item.text
    for sic in item.sic:
        text = text.replace(sic.printed, sic.reads)
    return text


@cache
def handles_of(item: Item) -> tuple[Handle, ...]:
    """The item's handle, then one per further part (written in the YAML, or derived)."""
    if item.handle:
        return (written(item.handle), *(written(part) for part in item.parts))
    return derive(read_as_meant(item), item.kind)


# ---- deriving a handle from a statement -------------------------------------------------------

_LIST_INTRO = re.compile(
    r"(?:\s*,?\s*(?:and/or|and|or|e\.g\.?|i\.e\.?|including|such\s+as|for\s+example|as\s+follows)"
    r"\s*:|\s*,?\s+e\.g\.?|\s*[.:;,])+\s*$",
    re.IGNORECASE,
)
_ASIDE = re.compile(r"\s*\((?:[^()]*)\)|\s*,?\s*\b(?:e\.g|i\.e)\b\.?.*$", re.IGNORECASE)
_VERB_LEADS = re.compile(
    r"^(?:you\s+(?:must\s+|should\s+|will\s+|need\s+to\s+)?"
    r"|(?:(?:an|the)\s*)?(?:ability|capacity|capability)\s+to\s+"
    r"|(?:being\s+)?able\s+to\s+|how\s+to\s+|to\s+)",
    re.IGNORECASE,
)
_KNOWING = r"(?:(?:an?|the)\s+)?(?:knowledge|understanding|awareness)(?:\s+and\s+\w+)?"
_DRAW_ON = re.compile(
    r"^draw\s+on\s+(?=(?:an?\s+|the\s+)?(?:knowledge|understanding|awareness)\b)", re.IGNORECASE
)
_NOUN_LEADS = (
    (re.compile(r"^" + _KNOWING + r"\s+of\s+", re.IGNORECASE), ""),
    (re.compile(r"^" + _KNOWING + r"\s+that\s+", re.IGNORECASE), "how "),
    (re.compile(r"^reasons\s+why\s+", re.IGNORECASE), "why "),
)
_ADVERBS = re.compile(r"^(?:\w+ly(?:\s*,\s*|\s+and\s+|\s+))+", re.IGNORECASE)
# Where a statement joins several things: each piece after one of these is a part of its own.
_PART_BREAKS = re.compile(
    r",?\s+and\s+(?=to\s|how\s|why\s|what\s|when\s|the\s+(?:impact|ways?|reasons?)\b)"
    r"|,\s+(?=the\s+impact\b|how\s|why\s)"
    r",?|,?\s+while\s+|,?\s+whilst\s+",
    re.IGNORECASE,
)
# Words that stand for something said earlier: a part that leans on one cannot stand alone.
_ANAPHORA = re.compile(r"\b(?:this|these|those|them|it|such|above)\b", re.IGNORECASE)
# Words a phrase can be cut before, strongest first; what is left must still be a phrase.
_CUTS = (
    frozenset(
        [
            "which",
            "who",
            "whom",
            "whose",
            "where",
            "whereas",
            "while",
            "so",
            "that",
            "consistent",
            "especially",
            "rather",
            "throughout",
            "including",
        ]
    ),
    frozenset(
        [
            "within",
            "without",
            "for",
            "in",
            "on",
            "through",
            "by",
            "from",
            "towards",
            "toward",
            "during",
            "across",
            "among",
            "between",
            "regarding",
            "about",
            "at",
            "as",
            "with",
        ]
    ),
    frozenset(["and", "or"]),
    # The last resort: these often split a phrase ("the purpose | of each visit").
    frozenset(["to", "of", "what", "when", "if", "because", "before", "after", "until", "unless"]),
)
# Adjectives that follow their noun ("the guidance relevant") go with what was cut off.
_TRAILING_ADJECTIVES = frozenset(
    [
        "relevant",
        "available",
        "appropriate",
        "associated",
        "related",
        "involved",
        "required",
        "necessary",
        "specific",
        "possible",
        "concerned",
    ]
)
_WH = ("how ", "why ", "what ", "when ", "where ")
# A "how/why" clause cut short still reads as one if it kept a verb such as these.
_CLAUSE_VERBS = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "can",
        "could",
        "may",
        "might",
        "will",
        "would",
        "should",
        "must",
        "do",
        "does",
        "has",
        "have",
        "help",
        "helps",
        "affect",
        "affects",
        "shape",
        "shapes",
        "influence",
        "influences",
        "change",
        "changes",
        "contribute",
        "contributes",
        "develop",
        "develops",
        "matter",
        "matters",
        "work",
        "works",
        "lead",
        "leads",
        "cause",
        "causes",
        "increase",
        "increases",
        "reduce",
        "reduces",
        "support",
        "supports",
        "make",
        "makes",
        "keep",
        "keeps",
        "find",
        "finds",
    ]
)
_NO_END = frozenset(
    [
        "a",
        "an",
        "the",
        "their",
        "your",
        "his",
        "her",
        "its",
        "our",
        "my",
        "any",
        "all",
        "some",
        "each",
        "every",
        "this",
        "that",
        "these",
        "those",
        "to",
        "of",
        "and",
        "or",
        "with",
        "in",
        "for",
        "on",
        "at",
        "by",
        "from",
        "as",
        "not",
        "no",
        "very",
        "more",
        "most",
        "less",
        "whether",
        "how",
        "why",
        "what",
        "when",
        "so",
        "where",
        "who",
        "which",
        "own",
    ]
)
_VERBS_BEFORE_THAT = frozenset(
    [
        "ensure",
        "sure",
        "check",
        "know",
        "knows",
        "recognise",
        "recognize",
        "understand",
        "understands",
        "show",
        "explain",
        "agree",
        "judge",
        "feel",
        "believe",
        "see",
    ]
)
# "and to others, ...", "and to your manager": "to" there is not the start of a verb phrase.
_NOT_A_VERB = re.compile(
    r"^to\s+(?:(?:the|a|an|your|their|his|her|its|our|any|all|other|others|people|them)\b"
    r"|\w*[^s]s\b)",
    re.IGNORECASE,
)
_DOUBLED = frozenset(
    [
        "get",
        "put",
        "set",
        "stop",
        "plan",
        "admit",
        "refer",
        "run",
        "sit",
        "commit",
        "drop",
        "cut",
        "let",
        "step",
        "fit",
    ]
)


def _tidy(statement: str) -> str:
    text = _LIST_INTRO.sub("", clean_words(statement)).replace("one's own", "your own")
    text = _ASIDE.sub("", text)
    return _LIST_INTRO.sub("", text).strip()


def _lead(text: str, kind: SectionKind) -> Handle:
    """The statement without its lead-in, as a verb or a noun phrase."""
    match = _VERB_LEADS.match(text)
    if match:
        rest = text[match.end() :]
        drawn = _DRAW_ON.match(rest)
        if drawn:
            return _lead(rest[drawn.end() :], kind)
        return Handle(_ADVERBS.sub("", rest), verb=True)
    for lead, replacement in _NOUN_LEADS:
        match = lead.match(text)
        if match:
            return Handle(replacement + text[match.end() :], verb=False)
    first = text.split(" ", 1)[0]
    noun_start = (
        kind is SectionKind.KNOWLEDGE
        or first.lower() in _NO_END
        or first.lower().endswith(("ing", "tion", "s"))
        or first.isupper()
    )
    return Handle(text[:1].lower() + text[1:] if not first.isupper() else text, not noun_start)


def _cut(text: str, limit: int) -> str:
    """``text`` cut before a boundary word so that it has at most ``limit`` words."""
    words = text.split()
    if len(words) <= limit:
        return text
    for strength in _CUTS:
        for end in range(min(limit, len(words) - 1), 1, -1):
            word = words[end].lower().strip(",;:")
            before = words[end - 1]
            if before.endswith(","):
                cut = " ".join(words[:end]).rstrip(",")
                if cut.split()[-1].lower() not in _NO_END:
                    return cut
            if word not in strength or before.lower().strip(",") in _NO_END:
                continue
            if word == "that" and before.lower() in _VERBS_BEFORE_THAT:
                continue
            return _drop_trailing(words[:end])
    return text


def _drop_trailing(words: list[str]) -> str:
    """``words`` without a comma or a post-nominal adjective at the end."""
    while len(words) > 1 and words[-1].lower().strip(",") in _TRAILING_ADJECTIVES:
        words = words[:-1]
    return " ".join(words).rstrip(",")


def _shorten(handle: Handle) -> Handle:
    """``handle`` cut to a few words; a "how ..." clause cut short keeps just its noun phrase."""
    cut = _cut(handle.text, MAX_WORDS)
    clause = set(cut.lower().split()[1:]) & _CLAUSE_VERBS
    if cut != handle.text and cut.lower().startswith(_WH) and not handle.verb and not clause:
        # "how the effects of drugs" would be a clause without its verb: say "the effects ...".
        return Handle(cut.split(" ", 1)[1], verb=False)
    return Handle(cut, handle.verb)


def derive(statement: str, kind: SectionKind) -> tuple[Handle, ...]:
    """Handles for a statement that names none: its main part first, then any further parts."""
    head = _lead(_tidy(statement), kind)
    pieces = [piece for piece in _PART_BREAKS.split(head.text) if piece and piece.strip()]
    handles = [_shorten(Handle(pieces[0].strip(" ,"), head.verb))]
    for piece in pieces[1:]:
        piece = piece.strip(" ,")
        if _ANAPHORA.search(piece) or len(piece.split()) < 2 or _NOT_A_VERB.match(piece):
            continue
        part = _lead(piece, kind)
        if part.text.lower().startswith("how to "):
            part = Handle(part.text[7:], verb=True)
        handles.append(_shorten(part))
    return tuple(handles)


def gerund(verb: str) -> str:
    """The -ing form of a base-form verb ("make" -> "making", "get" -> "getting")."""
    lower = verb.lower()
    if lower in ("be", "see", "agree", "flee"):
        return verb + "ing"
    if lower.endswith("ie"):
        return verb[:-2] + "ying"
    if lower.endswith("e") and not lower.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    if lower in _DOUBLED:
        return verb + verb[-1] + "ing"
    return verb + "ing"


@cache
def brief(point: Point) -> str:
    """A few words for ``point`` in a list ("being rigid" stays, long points are cut)."""
    if point.brief:
        return point.brief
    text = _tidy(point.text)
    text = re.sub(r"^(?:for\s+the\s+\w+\s+)?to\s+(\w+)", lambda m: gerund(m.group(1)), text)
    cut = _cut(text, BRIEF_WORDS)
    # Only the printed words, and never a made-up ending: the source's cut is shown as one.
    return cut + "…" if point.truncated else cut
