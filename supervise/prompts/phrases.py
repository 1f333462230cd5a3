"""Cut a phrase to a few words at a boundary where what is left is still a phrase."""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The words of ``text`` (split at spaces), as a set to look words up in."""
    return frozenset(text.split())


# Words a phrase can be cut before, strongest first; what is left must still be a phrase.
_CUTS = (
    word_set(
        "which who whom whose where whereas while so that consistent especially rather"
        " throughout including"
    ),
    word_set(
        "within without for in on through by from towards toward during across among between"
        " regarding about at as with"
    ),
    word_set("and or"),
    # The last resorts: these often split a phrase ("the purpose | of each visit"), and a cut
    # before an object leaves the verb alone ("to disclose | the full extent").
    word_set("to of what when if because before after until unless"),
    word_set("the a an their your any all"),
)
_ANY_CUT = frozenset().union(*_CUTS)
_STRONG = _CUTS[0] | _CUTS[1]
# Cuts that leave what is kept wanting what follows: "the limits | of ...", "difficult | to
# disclose", "disclose | the full extent ...".
_WANTED = _CUTS[4] | word_set("of")
_CLAUSES = word_set("what when how whether")
# Adjectives that follow their noun ("the guidance relevant") go with what was cut off.
_TRAILING_ADJECTIVES = word_set(
    "relevant appropriate associated related involved required necessary specific possible"
    " concerned sufficient available provided offered"
)
# Words a phrase may not end on.
NO_END: frozenset[str] = word_set(
    "a an the their your his her its our my any all some each every this that these those to of"
    " and or with in for on at by from as not no very more most less whether how why what when"
    " where who which own so than"
)
# Words that want a "to ..." after them ("ready to", "difficult to"): a phrase should not end
# on one while a better cut can be had.
_TAKES_TO = word_set(
    "difficult hard easy able important likely necessary ready willing unable reluctant afraid"
)
_VERBS_BEFORE_THAT = word_set(
    "ensure sure check know knows recognise recognize understand understands show explain agree"
    " judge feel believe see recognising mean means"
)
WRITTEN = word_set(
    "legislation law laws guidance policy policies procedures research information advice"
    " evidence theory theories literature standards"
)
"""Nouns of what is written down: "guidance | on X" says nothing without what it is on."""
# Verbs whose object may be a clause: "recognise | when ..." keeps the verb without it.
_CLAUSE_VERBS = _VERBS_BEFORE_THAT | word_set(
    "notice identify decide ask assess consider explore discuss review describe learn"
)


def cut(text: str, limit: int) -> str:
    """``text`` cut before a boundary word so that it has at most ``limit`` words, never inside
    a list; ``text`` itself where no such cut exists."""
    words = text.split()
    if len(words) <= limit:
        return text
    listed = _inside_lists(words)
    # Twice: first keeping words such as "ready" with their "to ..." and "when" with its
    # verb, then, if nothing else will do, letting the cut fall after them.
    for no_end, strict in ((NO_END | _TAKES_TO, True), (NO_END, False)):
        short = _cut_once(words, limit, listed, no_end, strict)
        if short is not None:
            return short
    return text


def cut_whole(text: str, limit: int, most: int) -> str | None:
    """``text`` cut as ``cut`` does, but only where what is kept wants nothing of what was cut
    off: never "the limits | of key work", "intoxicated | or in withdrawal", "disclose | the
    full extent"; else the shortest such phrase of up to ``most`` words; else None."""
    words = text.split()
    if len(words) <= limit:
        return text
    joined = _inside_lists(words) | _inside_joins(words, most)
    whole = _cut_once(words, limit, joined, NO_END | _TAKES_TO, whole=True)
    if whole is None or len(whole.split()) <= 2:
        # Two words say too little ("remain hopeful [when ...]"): longer, if it can be.
        whole = _cut_longer(words, limit, most, joined) or whole
    return whole


def _cut_once(
    words: list[str],
    limit: int,
    listed: set[int],
    no_end: frozenset[str],
    strict: bool = True,
    whole: bool = False,
) -> str | None:
    """One pass of ``cut``: None where no cut leaves a phrase that may end there (if
    ``strict``, nor a clause without its verb; if ``whole``, nor one that wants what follows)."""
    for strength in _CUTS:
        for end in range(min(limit, len(words) - 1), 1, -1):
            if end in listed:
                continue
            word = words[end].lower().strip(",;:")
            before = words[end - 1]
            if before.endswith(",") and before.lower().strip(",") not in no_end:
                return _drop_trailing(words[:end])
            if word not in strength or before.lower().strip(",") in no_end:
                continue
            if word in ("or", "and") and "of" in (w.lower() for w in words[end + 2 : end + 3]):
                # "changes in the strength | or content of the supply": both share the "of".
                continue
            if word == "that" and before.lower() in _VERBS_BEFORE_THAT:
                continue
            if strict and words[end - 2].lower() in _CLAUSES | word_set("that why if"):
                # "recognise when strains [in the relationship threaten ...]": a clause of
                # one word has lost its verb.
                continue
            if word in ("who", "which") and words[end - 2].lower() == "the":
                # "feedback from the people | who use the service": "the" points at what the
                # cut took away.
                continue
            if whole and _wants_more(word, before, words[end + 1]):
                continue
            return _drop_trailing(words[:end])
    return None


def _wants_more(word: str, before: str, after: str) -> bool:
    """Whether a cut before ``word`` leaves ``before`` wanting what follows: a noun its "of
    ...", a verb its object ("disclose | the full extent") or its "to ..." ("a person | to
    identify"), "recognise" its "when ..."; "happen | to the information" only loses a place."""
    if word == "to":
        return after.lower() not in _CUTS[4] | word_set("his her its our my them")
    if word in _WANTED:
        return True
    if word in ("on", "about") and before.lower() in WRITTEN:
        return True
    if word in ("towards", "toward"):
        # "values and attitudes | towards drug use": an attitude is always towards something.
        return True
    return word in _CLAUSES and before.lower() in _CLAUSE_VERBS


def _cut_longer(words: list[str], limit: int, most: int, listed: set[int]) -> str | None:
    """The shortest whole phrase of more than ``limit`` and at most ``most`` words: up to a
    comma, a strong boundary or the end; None where there is none."""
    for end in range(limit + 1, min(most + 1, len(words))):
        before = words[end - 1].lower()
        if end in listed or before.strip(",") in NO_END | _TAKES_TO:
            continue
        if before.endswith(",") or words[end].lower() in _STRONG:
            return _drop_trailing(words[:end])
    return " ".join(words) if len(words) <= most else None


def _inside_joins(words: list[str], most: int) -> set[int]:
    """Cut positions in or just before a short "and"/"or" ("alcohol and other drugs",
    "intoxicated or in withdrawal", "to a person and to others") that ends within ``most``
    words: a cut there keeps one of the two and drops the other."""
    inside: set[int] = set()
    for index, word in enumerate(words):
        # "with a person | rather than setting them": the contrast is the point.
        joiner = word.lower() in ("and", "or") or words[index : index + 2] == ["rather", "than"]
        if not joiner or index == 0 or words[index - 1].endswith(","):
            continue
        # The second of the two runs to a comma, a strong boundary or the end.
        end = index + 2
        while end < len(words) and not words[end - 1].endswith(","):
            word, before = words[end].lower(), words[end - 1].lower()
            # "and does not mean | that ...": a boundary only where the cut leaves a phrase.
            sound = not (word == "that" and before in _VERBS_BEFORE_THAT)
            if word in _STRONG and before not in NO_END and sound:
                break
            end += 1
        if end <= most:
            inside.update(range(index, end))
        elif index + 4 <= most and words[index + 2].lower() == "of":
            # "the level and type | of contact": the "of ..." is said of both.
            inside.update(range(index, min(index + 4, len(words))))
    return inside


def _inside_lists(words: list[str]) -> set[int]:
    """Cut positions inside a list ("purpose, frequency and limits"): a cut there would keep
    half of it. A cut at ``end`` keeps ``words[:end]``."""
    inside: set[int] = set()
    for index, word in enumerate(words):
        ahead = [w.lower().strip(",") for w in words[index + 1 : index + 5]]
        if not word.endswith(",") or not {"and", "or"} & set(ahead):
            continue
        joiner = index + 1 + next(i for i, w in enumerate(ahead) if w in ("and", "or"))
        if joiner == index + 1 and not any(
            w.endswith(",") for w in words[max(0, index - 6) : index]
        ):
            # ", and record ...": a second clause, not the end of a list (that would have a
            # comma before it too: "A, B, and C").
            continue
        after = range(joiner + 2, len(words))
        end = next((i for i in after if words[i].lower().strip(",") in _ANY_CUT), len(words))
        inside.update(range(index + 1, end))
    return inside


def _drop_trailing(words: list[str]) -> str:
    """``words`` without a comma or a post-nominal adjective at the end, nor a last "and ..."
    that lost its own ending to the cut ("the limits and the circumstances [in which ...]")."""
    while len(words) > 1 and words[-1].lower().strip(",") in _TRAILING_ADJECTIVES:
        words = words[:-1]
    # "respond to concerns in a way [which ...]": the manner went with what was cut off.
    manner = " ".join(words[-3:]).lower()
    if len(words) > 4 and manner in ("in a way", "in a manner", "in the way"):
        words = words[:-3]
    # "... and the circumstances": a second noun phrase whose own ending ("in which ...") was
    # cut off goes too; "anger or frustration", "values and attitudes" stay whole.
    joiners = [
        i
        for i in range(max(len(words) - 3, 4), len(words) - 1)
        if words[i] in ("and", "or") and words[i + 1].lower() in ("the", "a", "an")
    ]
    listed = any(word.endswith(",") for word in words[-5:])
    if joiners and not listed:
        words = words[: joiners[-1]]
    return " ".join(words).rstrip(",")
