"""Derive a handle from a statement that names none: drop its lead-in, split its parts, cut
each to a few words at a phrase boundary.

Nothing here invents a word that carries meaning: a handle is words of the statement (or of its
intended reading, where a slip is marked), less some of them, with at most a joining word
("how", "as", "of") or a verb's -ing form where a shorter wording needs one.
"""

from __future__ import annotations

import re

from supervise.content.model import SectionKind
from supervise.prompts.tidy import WH, clean_words

MAX_WORDS = 9
"""The longest derived handle. Prompts may not repeat ten statement words in a row, and a
template often says the statement's own "to" or "how to" beside it: see ``_limit``."""
BRIEF_WORDS = 4
"""The longest derived brief of a sub-point."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_LIST_INTRO = re.compile(
    r"(?:\s*,?\s*(?:and/or|and|or|e\.g\.?|i\.e\.?|including|such\s+as|for\s+example|as\s+follows)"
    r"\s*:|\s*,?\s+e\.g\.?|\s*[.:;,])+\s*$",
    re.IGNORECASE,
)
# "(e.g. ...)", and an "e.g."/"i.e." with all that follows it: examples, not the topic.
_ASIDE = re.compile(r"\s*\((?:[^()]*)\)|\s*,?\s*\b(?:e\.g|i\.e)\b\.?.*$", re.IGNORECASE)
_VERB_LEADS = re.compile(
    r"^(?:you\s+(?:must\s+|should\s+|will\s+|need\s+to\s+)?"
    # "\s*" also accepts the run-together "Anability to" of a scanned source.
    r"|(?:(?:an|the)\s*)?(?:ability|capacity|capability)\s+to\s+"
    r"|(?:being\s+)?able\s+to\s+|how\s+to\s+|to\s+)",
    re.IGNORECASE,
)
_KNOWING = r"(?:(?:an?|the)\s+)?(?:knowledge|understanding|awareness)"
_DRAW_ON = re.compile(r"^draw\s+on\s+(?=" + _KNOWING + r"\b)", re.IGNORECASE)
_NOUN_LEADS = (
    (re.compile(r"^" + _KNOWING + r"(?:\s+and\s+\w+)?\s+of\s+", re.IGNORECASE), ""),
    # "Knowledge that relapse is a part of recovery" is about relapse as a part of recovery.
    (
        re.compile(
            r"^" + _KNOWING + r"\s+that\s+((?:\w+\s+){0,2}\w+)\s+(?:is|are)\s+(?=(?:a|an|the)\s)",
            re.IGNORECASE,
        ),
        r"\1 as ",
    ),
    # "Knowledge that needs change" is about how they change.
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
# "it is important to": an "it" that stands for nothing said before.
_IMPERSONAL = re.compile(r"\bit\s+is\s+(?:important|essential|vital|necessary)\b", re.IGNORECASE)
# Words that stand for something said earlier: a part that leans on one cannot stand alone.
_ANAPHORA = re.compile(r"\b(?:this|these|those|they|them|it|such|above)\b", re.IGNORECASE)
# "and to others, ...", "and to your manager": this "to" does not start a verb phrase.
_NOT_A_VERB = re.compile(
    r"^to\s+(?:(?:the|a|an|your|their|his|her|its|our|any|all|other|others|people|them)\b"
    r"|\w*[^s]s\b)",
    re.IGNORECASE,
)
# Words a phrase can be cut before, strongest first; what is left must still be a phrase.
_CUTS = (
    _words(
        "which who whom whose where whereas while so that consistent especially rather"
        " throughout including"
    ),
    _words(
        "within without for in on through by from towards toward during across among between"
        " regarding about at as with"
    ),
    _words("and or"),
    # The last resorts: these often split a phrase ("the purpose | of each visit"), and a cut
    # before an object leaves the verb alone ("to disclose | the full extent").
    _words("to of what when if because before after until unless"),
    _words("the a an their your any all"),
)
_ANY_CUT = frozenset().union(*_CUTS)
# Adjectives that follow their noun ("the guidance relevant") go with what was cut off.
_TRAILING_ADJECTIVES = _words(
    "relevant appropriate associated related involved required necessary specific possible"
    " concerned"
)
_NO_END: frozenset[str] = _words(
    "a an the their your his her its our my any all some each every this that these those to of"
    " and or with in for on at by from as not no very more most less whether how why what when"
    " where who which own so"
)
# Words that want a "to ..." after them ("ready to", "difficult to"): a phrase should not end
# on one while a better cut can be had.
_TAKES_TO = _words("difficult hard easy able important likely necessary ready willing unable")
_VERBS_BEFORE_THAT = _words(
    "ensure sure check know knows recognise recognize understand understands show explain agree"
    " judge feel believe see recognising"
)
# The verb of a "how X can ..." clause: the subject is everything before it.
_AUXILIARIES = _words("can could may might will would should must is are do does has have")


_DOUBLED = frozenset(
    {"get", "put", "set", "stop", "plan", "admit", "refer", "run", "sit", "commit", "drop", "cut"}
)


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


def tidy(statement: str) -> str:
    """``statement`` on one line, without its list intro, examples and "one's"."""
    text = _LIST_INTRO.sub("", clean_words(statement)).replace("one's own", "your own")
    return _LIST_INTRO.sub("", _ASIDE.sub("", text)).strip()


def _lead(text: str, kind: SectionKind) -> tuple[str, bool, str]:
    """The statement without its lead-in: (phrase, whether a verb phrase, the lead-in)."""
    match = _VERB_LEADS.match(text)
    if match:
        rest = text[match.end() :]
        drawn = _DRAW_ON.match(rest)
        if drawn:
            return _lead(rest[drawn.end() :], kind)
        return _what_is_said(_ADVERBS.sub("", rest)), True, match.group(0)
    for lead, replacement in _NOUN_LEADS:
        match = lead.match(text)
        if match:
            return match.expand(replacement) + text[match.end() :], False, match.group(0)
    first = text.split(" ", 1)[0]
    noun = (
        kind is SectionKind.KNOWLEDGE
        or first.lower() in _NO_END
        or first.lower().endswith(("ing", "tion", "s"))
        or first.isupper()
    )
    return (text if first.isupper() else text[:1].lower() + text[1:]), not noun, ""


# "acknowledge to the person and to your manager when ...", "explain to the person at the start,
# ..., the limits of ...": the one told stands between the verb and what is said; the handle
# keeps the verb and what is said.
_TOLD = re.compile(
    r"^((?:acknowledge|admit|explain|say|describe|report|disclose|mention|show)\s+)"
    r"to\s+(?:the|a|an|your|their)\s+[\w'’]+(?:\s+and\s+to\s+(?:the|a|an|your|their)"
    r"(?:\s+[\w'’]+){1,2})?\s*(.*)$",
    re.IGNORECASE,
)
_MADE = re.compile(r"^when\s+you\s+have\s+\w+\s+((?:a|an)\s+\w.*)$", re.IGNORECASE)
_SAID = re.compile(r"^(?:when|that|what|how|why|if)\b|,\s+(?=(?:the|what|how|why|when)\b)")


# "agree with the person the purpose ...": the one agreed with stands between the verb and what
# is agreed; the handle keeps the verb and what is agreed.
_AGREED_WITH = re.compile(
    r"^((?:agree|discuss|negotiate|share|review|explore|plan)\s+)with\s+(?:the|a|an|your|their)"
    r"\s+[\w'’]+\s+(?=(?:the|what|how|when|a|an|your|their)\b)",
    re.IGNORECASE,
)


def _what_is_said(phrase: str) -> str:
    """``phrase`` without the person told, where what is said can be found after it."""
    phrase = _AGREED_WITH.sub(r"\1", phrase)
    told = _TOLD.match(phrase)
    if not told:
        return phrase
    verb, rest = told.groups()
    said = _SAID.search(rest)
    if said is None:
        return phrase
    said_text = rest if said.start() == 0 else rest[said.end() :]
    # "acknowledge when you have made a mistake": what is acknowledged is "a mistake".
    made = _MADE.match(said_text)
    return verb + (made.group(1) if made else said_text)


def _limit(lead: str) -> int:
    """How many words a handle may keep: fewer where prompts say the lead's last word ("to",
    "of") beside it."""
    lead = lead.lower().strip()
    if lead.endswith("how to"):
        return MAX_WORDS - 2
    return MAX_WORDS - 1 if lead.endswith(("to", "of")) else MAX_WORDS


def cut(text: str, limit: int) -> str:
    """``text`` cut before a boundary word so that it has at most ``limit`` words, never inside
    a list; ``text`` itself where no such cut exists."""
    words = text.split()
    if len(words) <= limit:
        return text
    listed = _inside_lists(words)
    # Twice: first keeping words such as "ready" with their "to ...", then, if nothing else
    # will do, letting the cut fall after them.
    for no_end in (_NO_END | _TAKES_TO, _NO_END):
        short = _cut_once(words, limit, listed, no_end)
        if short is not None:
            return short
    return text


def _cut_once(words: list[str], limit: int, listed: set[int], no_end: frozenset[str]) -> str | None:
    """One pass of ``cut``: None where no cut leaves a phrase that may end there."""
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
            if word == "that" and before.lower() in _VERBS_BEFORE_THAT:
                continue
            return _drop_trailing(words[:end])
    return None


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


def _that_subject(words: list[str]) -> str | None:
    """The subject of a "that X can ..." clause ("working with people in crisis"), if short."""
    if not words or words[0].lower() != "that":
        return None
    verb_at = next((i for i, w in enumerate(words) if w.lower() in _AUXILIARIES), 0)
    subject = " ".join(words[1:verb_at])
    return subject if 2 <= verb_at - 1 <= 7 and "," not in subject else None


def _shorten(text: str, verb: bool, limit: int) -> tuple[str, bool]:
    """``text`` cut to ``limit`` words; a long "how X can ..." clause becomes its subject, X."""
    words = text.split()
    if not verb and text.lower().startswith(WH) and len(words) > limit:
        verb_at = next((i for i, w in enumerate(words) if w.lower() in _AUXILIARIES), 0)
        subject = " ".join(words[1:verb_at]).rstrip(",")
        if 2 <= verb_at - 1 <= min(limit, 7) and "," not in subject:
            return subject, False
    short = cut(text, limit)
    if len(short.split()) <= 2 < len(words):
        # "the legislation [that protects ...]" says too little to be worth a question: the
        # whole phrase if it is short enough, else what the "that" clause is about.
        if len(words) <= MAX_WORDS:
            return text, verb
        about = _that_subject(words[len(short.split()) :])
        if about:
            return about, False
    cut_at = len(short.split())
    said = [i for i, w in enumerate(words[:cut_at]) if w.lower() == "that"]
    if verb and said and not set(w.lower() for w in words[said[0] : cut_at]) & _AUXILIARIES:
        # "make sure that support offered to you [is used well]" lost the verb of what is made
        # sure: what the clause is about is the handle instead.
        made_sure = _that_subject(words[said[0] :])
        if made_sure:
            return made_sure, False
    kept_verb = set(short.lower().split()[2:]) & _AUXILIARIES
    if short != text and short.lower().startswith(WH) and not verb and not kept_verb:
        # "how the effects of drugs" would be a clause without its verb: say "the effects ...".
        return short.split(" ", 1)[1], False
    return short, verb


# "the person" in a statement is the person the whole standard is about; a handle is said
# before any one person has been spoken of, so it is "a person" there.
_SERVED = r"(person|service user|customer|client|young person|individual)"
_FIRST_MENTION = re.compile(r"\bthe " + _SERVED + r"\b", re.IGNORECASE)


# Words ending in "ly" that are not adverbs of manner ("early", "family", "apply").
_NOT_MANNER = _words(
    "only early family likely apply supply reply rely ally daily weekly monthly yearly timely"
    " elderly friendly lonely costly"
)
# "the impact that working with people in crisis can have on you": how it can affect you.
_IMPACT = re.compile(
    r"^(the\s+(?:impact|effects?|toll))\s+that\s+(.+?)\s+(?:(?:can|could|may|might|will|would)"
    r"\s+)?(?:have|has)\s+on\s+(\w+)\b",
    re.IGNORECASE,
)
# "why it is important to use supervision to reflect on ...": using supervision to reflect.
_WHY_IMPORTANT = re.compile(
    r"^why\s+it\s+is\s+(?:important|essential|vital|necessary)\s+to\s+(\w+)(?:\s+and\s+(\w+))?",
    re.IGNORECASE,
)


def _without_manner(text: str) -> tuple[str, bool]:
    """A verb phrase without the adverb just after its verb ("talk openly with" -> "talk
    with"), so that what is talked about fits in the handle; whether one was dropped."""
    words = text.split()
    if len(words) > 3 and words[1].lower().endswith("ly") and words[1].lower() not in _NOT_MANNER:
        return " ".join(words[:1] + words[2:]), True
    return text, False


def _reworded(piece: str, limit: int) -> str:
    """A noun phrase that says its point in fewer words, where a long form has a short one."""
    piece = _IMPACT.sub(r"how \2 can affect \3", piece)
    why = _WHY_IMPORTANT.match(piece)
    if why and len(piece.split()) > limit:
        verbs = " and ".join(gerund(verb) for verb in why.groups() if verb)
        piece = verbs + piece[why.end() :]
    return piece


RUN_WORDS = 9
"""The most words in a row a prompt may repeat from its statement (ten would read as copied)."""
_WORD = re.compile(r"[\w’'-]+")


def _run(phrase: str, statement: str) -> int:
    """The most consecutive words of ``statement`` that ``phrase`` repeats."""
    mine = [w.replace("’", "'") for w in _WORD.findall(phrase.lower())]
    theirs = [w.replace("’", "'") for w in _WORD.findall(statement.lower())]
    best, previous = 0, [0] * (len(theirs) + 1)
    for word in mine:
        current = [0] * (len(theirs) + 1)
        for j, other in enumerate(theirs, start=1):
            if word == other:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def _fit(piece: str, verb: bool, limit: int, statement: str) -> tuple[str, bool]:
    """``piece`` shortened to ``limit`` words, or one word longer where that keeps more of the
    point ("... of key work sessions") and the prompts, whatever says the handle, still repeat
    fewer than ten of the statement's words in a row."""
    handle = _shorten(piece, verb, limit)
    longer = _shorten(piece, verb, limit + 1)
    if longer == handle:
        return handle
    text = longer[0]
    said = [text, _FIRST_MENTION_AGAIN.sub(r"the \1", text)]
    # A template may go on ", and ..." after the handle, as the statement itself may.
    ways = [f"{lead} {form} and" for form in said for lead in _SAID_BEFORE]
    if all(_run(way, statement) <= RUN_WORDS for way in ways):
        return longer
    return handle


# How a template leads into a handle ("to agree ...", "about the limits ...").
_SAID_BEFORE = ("to", "about", "how to", "of")
# Later prompts say "the person" again where the handle said "a person".
_FIRST_MENTION_AGAIN = re.compile(r"\ba " + _SERVED + r"\b")


def derive(statement: str, kind: SectionKind) -> list[tuple[str, bool]]:
    """(phrase, is a verb phrase) for a statement's main part, then for each further part."""
    text, verb, lead = _lead(_FIRST_MENTION.sub(r"a \1", tidy(statement)), kind)
    limit = _limit(lead)
    if verb:
        # "recognise and to respond to risk": one verb alone is no part; they share the object.
        text = re.sub(r"^(\w+)\s+and\s+to\s+", r"\1 and ", text)
        # Without its adverb the phrase no longer runs on as the statement does: one word more.
        text, dropped = _without_manner(text)
        limit += dropped
    pieces = [piece.strip(" ,") for piece in _PART_BREAKS.split(text) if piece and piece.strip()]
    first = pieces[0] if verb else _reworded(pieces[0], limit)
    # A reworded phrase no longer runs on as the statement does: it may keep a word more.
    handles = [_fit(first, verb, limit + (first != pieces[0]), statement)]
    for piece in pieces[1:]:
        leaning = _ANAPHORA.search(_IMPERSONAL.sub("", piece))
        if leaning or len(piece.split()) < 2 or _NOT_A_VERB.match(piece):
            continue
        part, part_verb, part_lead = _lead(piece, kind)
        part_limit = _limit(part_lead)
        reworded = part if part_verb else _reworded(part, part_limit)
        handles.append(_fit(reworded, part_verb, part_limit + (reworded != part), statement))
    return handles


# A last phrase that says only who or where the work is ("with a person", "in your practice"):
# once the item has been named in full, its short form can leave it out.
_GENERIC_PLACE = re.compile(
    r"\s+(?:with|to|for|in|from|at|by)\s+(?:(?:a|an|the|your|their)\s+)?(?:own\s+)?"
    r"(?:person|people|client|clients|customer|customers|service user|young person|practice"
    r"|work|key work|colleagues?)$",
    re.IGNORECASE,
)
# Nouns that say nothing without what follows them ("ways of ...", "factors that ...").
_LIGHT_NOUNS = _words("ways methods factors signs effects impact use range level nature extent")
_LIGHT_LEAD = re.compile(r"^(?:the\s+)?(?:ways|methods)\s+of\s+", re.IGNORECASE)
_NOUN_TAIL = re.compile(r"\s+(?:on|as|relevant|associated|that|which|who)\s.*$", re.IGNORECASE)
SHORT_WORDS = 5
"""The longest derived short form."""


def derive_short(text: str, verb: bool) -> str | None:
    """A shorter way to say a derived handle once it has been said in full ("identify and
    assess risks" for "identify and assess risks to a person"); None where no cut keeps the
    point."""
    words = len(text.split())
    if words <= SHORT_WORDS:
        return None
    short = text if verb else _NOUN_TAIL.sub("", _LIGHT_LEAD.sub("", text))
    short = _GENERIC_PLACE.sub("", short)
    kept = short.split()
    if not kept or len(kept) > SHORT_WORDS or len(kept) > words - 2:
        return None
    if kept[-1].lower() in _NO_END or (len(kept) == 1 and kept[0].lower() in _LIGHT_NOUNS):
        return None
    return short
