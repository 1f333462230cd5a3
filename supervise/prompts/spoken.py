"""Say a derived phrase in fewer words, as a person would, and check what it copies."""

from __future__ import annotations

import re
from collections.abc import Callable

from supervise.prompts.phrases import WRITTEN, word_set

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
    if lower in _DOUBLED or _short_stressed(lower):
        return verb + verb[-1] + "ing"
    return verb + "ing"


_VOWELS = "aeiou"


def _short_stressed(verb: str) -> bool:
    """Whether ``verb`` is one short syllable ending consonant-vowel-consonant ("sum", "plan"),
    whose last letter doubles before "-ing"; not "open" or "fix"."""
    if len(verb) < 3 or not verb.isalpha() or verb[-1] in _VOWELS + "wxy":
        return False
    if verb[-2] not in _VOWELS:
        return False
    head = verb[:-2]
    return len(head) in (1, 2) and not any(letter in _VOWELS for letter in head)


# After "and"/"or", a word followed by one of these is a second verb ("and keep it going"):
# a noun seldom is ("views and feelings about you", "level and kind of contact").
_OBJECT_STARTS = word_set(
    "it them the a an their your his her its our this these those what how whether"
)
_NOT_VERBS = _OBJECT_STARTS | word_set("other others one ones")


def gerund_phrase(text: str) -> str:
    """A verb phrase as a gerund phrase: "identify and assess risks" -> "identifying and
    assessing risks", "start a talk and keep it going" -> "starting a talk and keeping it
    going"."""
    return _each_verb(text, gerund)


def _each_verb(text: str, form: Callable[[str], str], verbs: frozenset[str] = frozenset()) -> str:
    """``text`` with its first verb, and each verb joined to it by "and"/"or", in ``form``;
    after "and", a word that starts what it acts on ("and keep it going") is a verb, and so
    is any of ``verbs`` ("and check understanding")."""
    words = text.split()
    said = [form(words[0])]
    for index in range(1, len(words)):
        word, before = words[index], words[index - 1].lower()
        after = words[index + 1].lower() if index + 1 < len(words) else ""
        joined = before in ("and", "or") and word.isalpha() and word.lower() not in _NOT_VERBS
        if joined and (index == 2 or after in _OBJECT_STARTS or word.lower() in verbs):
            word = form(word)
        said.append(word)
    return " ".join(said)


_PAST = {
    "be": "was",
    "become": "became",
    "begin": "began",
    "bring": "brought",
    "build": "built",
    "choose": "chose",
    "deal": "dealt",
    "do": "did",
    "draw": "drew",
    "feel": "felt",
    "find": "found",
    "get": "got",
    "give": "gave",
    "go": "went",
    "have": "had",
    "hear": "heard",
    "hold": "held",
    "keep": "kept",
    "know": "knew",
    "lead": "led",
    "leave": "left",
    "let": "let",
    "lose": "lost",
    "make": "made",
    "meet": "met",
    "put": "put",
    "say": "said",
    "see": "saw",
    "seek": "sought",
    "set": "set",
    "show": "showed",
    "sit": "sat",
    "speak": "spoke",
    "spend": "spent",
    "stand": "stood",
    "take": "took",
    "teach": "taught",
    "tell": "told",
    "think": "thought",
    "understand": "understood",
    "write": "wrote",
}


_WORK_VERBS = frozenset(_PAST) | word_set(
    "check record review agree help explain support ask act respond identify assess plan share"
    " involve explore refer report acknowledge"
)
"""Verbs that, after "and", start a second thing done, whatever follows them."""


def past(verb: str) -> str:
    """The past tense of a base-form verb ("deal" -> "dealt", "plan" -> "planned")."""
    lower = verb.lower()
    if lower in _PAST:
        return verb[:1] + _PAST[lower][1:] if verb[:1].isupper() else _PAST[lower]
    if lower.endswith("e"):
        return verb + "d"
    if lower.endswith("y") and lower[-2:-1] not in _VOWELS:
        return verb[:-1] + "ied"
    if lower in _DOUBLED or _short_stressed(lower):
        return verb + verb[-1] + "ed"
    return verb + "ed"


def past_phrase(text: str) -> str:
    """A verb phrase in the past tense: "identify and assess risks" -> "identified and
    assessed risks", "explain the reasons and check understanding" -> "explained the reasons
    and checked understanding"."""
    return _each_verb(text, past, _WORK_VERBS)


# Words ending in "ly" that are not adverbs of manner ("early", "family", "apply").
_NOT_MANNER = word_set(
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


# "relapse as a common part of recovery": as part of it.
_PART_OF = re.compile(r"\bas\s+(?:a|an)\s+(?:\w+\s+)?part\s+of\b", re.IGNORECASE)
_THINGS_THAT = (
    r"^(?:the\s+)?(?:factors|things|circumstances|situations|conditions)\s+(?:that|which)\s+"
)
# "factors that make it harder": what makes it harder.
_FACTORS = re.compile(_THINGS_THAT + r"(\w+)", re.IGNORECASE)
# "factors that increase the risk of falls": the risk of falls.
_RAISING = re.compile(
    _THINGS_THAT + r"(?:increase|raise|heighten)\s+(?=the\s+risks?\s+of\b)", re.IGNORECASE
)
_RATHER = re.compile(r"(\brather\s+than\s+)(\w+)", re.IGNORECASE)
_MODALS = word_set("can could may might must shall should will would")
_WHY_KEPT = 5
"""The most words after "why it is important to <verb>" that "why ... matters" keeps."""
_IRREGULAR = {"are": "is", "have": "has", "do": "does", "were": "was"}


def _third_person(verb: str) -> str:
    """The verb as said of "what" ("increase" -> "increases", "are" -> "is")."""
    lower = verb.lower()
    if lower in _MODALS or lower.endswith(("ed", "s")):
        return verb
    if lower in _IRREGULAR:
        return _IRREGULAR[lower]
    if lower.endswith(("sh", "ch", "x", "z", "o")):
        return verb + "es"
    if lower.endswith("y") and lower[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def without_manner(text: str) -> tuple[str, bool]:
    """A verb phrase without the adverb just after its verb ("talk openly with" -> "talk
    with"), so that what is talked about fits in the handle; whether one was dropped."""
    words = text.split()
    if len(words) > 3 and words[1].lower().endswith("ly") and words[1].lower() not in _NOT_MANNER:
        return " ".join(words[:1] + words[2:]), True
    return text, False


# "how the effects of alcohol and other drugs, including withdrawal, can affect a person's
# mood, memory and ability to engage ...": how alcohol and other drugs can affect a person's
# mood and memory. What is affected is the point; its first two are enough to say it.
_EFFECTS_HOW = re.compile(
    r"^how\s+the\s+(?:effects?|impact)\s+of\s+(?P<cause>.+?)(?:,\s+including\s+[^,]+,)?\s+"
    r"(?P<modal>(?:can|could|may|might)\s+)?(?P<verb>affects?)\s+(?P<first>[^,]+),\s+"
    r"(?P<second>\w+)\b.*$",
    re.IGNORECASE,
)


def reworded(piece: str, limit: int) -> str:
    """A noun phrase that says its point in fewer words, where a long form has a short one."""
    piece = _IMPACT.sub(r"how \2 can affect \3", piece)
    piece = _EFFECTS_HOW.sub(r"how \g<cause> \g<modal>\g<verb> \g<first> and \g<second>", piece)
    piece = _PART_OF.sub("as part of", piece)
    # "factors that increase the risk of drug-related death": what is said is the risk; its
    # factors are what the points and the knowing name.
    piece = _RAISING.sub("", piece)
    factors = _FACTORS.match(piece)
    if factors and not factors.group(1).lower().endswith("ly"):
        piece = "what " + _third_person(factors.group(1)) + piece[factors.end() :]
    why = _WHY_IMPORTANT.match(piece)
    if why and len(piece.split()) > limit:
        verbs = " and ".join(gerund(verb) for verb in why.groups() if verb)
        rest = piece[why.end() :]
        if len(rest.split()) <= _WHY_KEPT and not re.search(r",|\bthan\b", rest):
            # "why it is important to keep clear records": why keeping clear records matters;
            # "keeping clear records" alone loses the why.
            return f"why {verbs}{rest} matters"
        # "... rather than set them": "agreeing goals rather than setting them".
        rest = _RATHER.sub(lambda m: m.group(1) + gerund(m.group(2)), piece[why.end() :])
        piece = verbs + rest
    return piece


RUN_WORDS = 9
"""The most words in a row a prompt may repeat from its statement (ten would read as copied)."""
_WORD = re.compile(r"[\w’'-]+")


def run(phrase: str, statement: str) -> int:
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


# "risks to a person and to others": the second "to" says nothing the first did not.
_AND_TO = re.compile(
    r"\b(to\s+(?:\S+\s+){0,4}?\S+)\s+(and|or)\s+to\s+"
    r"(?=(?:the|a|an|your|their|his|her|its|our|any|all|other|others|people|them)\b)",
    re.IGNORECASE,
)
# "support a person to identify ...": said, a person is helped to do it.
_HELP = re.compile(
    r"^(?:support|enable|assist|help)\s+((?:a|an|the|their|your|his|her)\s+\S+(?:\s+\S+)?"
    r"|them|people|others|families|carers)\s+to\s+(?!(?:the|a|an|their|your)\b)",
    re.IGNORECASE,
)
# "guidance relevant to substance use": guidance on it.
_ON = re.compile(
    r"\b(" + "|".join(sorted(WRITTEN)) + r")\s+(?:relevant|relating|related)\s+to\b",
    re.IGNORECASE,
)
# "disclose the full extent of their use", "share the whole of their history": their use.
_EXTENT = re.compile(
    r"\bthe\s+(?:(?:(?:full|whole|true)\s+)?(?:extent|scale)|whole)\s+of\s+", re.IGNORECASE
)

# "the ways in which stress can affect ...": how stress can affect it.
_WAYS_IN_WHICH = re.compile(r"\b(?:the\s+)?ways?\s+in\s+which\b", re.IGNORECASE)
# "recognise signs that a carer is exhausted": recognise when they are.
_SIGNS_THAT = re.compile(
    r"^(recognise|recognize|notice|spot|identify)\s+(?:the\s+)?(?:signs|indications)\s+that\b",
    re.IGNORECASE,
)


def plain(text: str) -> str:
    """``text`` as a person would say it where a written form has a plain one ("help a person
    identify" for "support the person to identify", "guidance on" for "guidance relevant to")."""
    text = _AND_TO.sub(r"\1 \2 ", text)
    text = _HELP.sub(r"help \1 ", text)
    text = _ON.sub(r"\1 on", text)
    text = _WAYS_IN_WHICH.sub("how", text)
    text = _SIGNS_THAT.sub(r"\1 when", text)
    return _EXTENT.sub("", text)


# Words that can go where a phrase would otherwise copy its statement word for word.
_SPARE_ADJECTIVE = re.compile(r"\b(?:current|recent|present|existing|actual|overall)\s+(?=\w)")
# "agree the purpose, frequency and limits ...": "the" before a list or a plural can go.
_SPARE_THE = re.compile(r"^((?:\w+\s+)?)the\s+(?=\w+(?:,|s\b|\s+(?:and|or)\b))", re.IGNORECASE)
SERVED = (
    r"(person|service user|customer|client|young person|individual|carer|parent|tenant|resident"
    r"|patient|child|family)"
)
"""The words a statement uses for the one the work is with."""
ONE_OF = {
    "family members and carers": "a family member or carer",
    "young people": "a young person",
    "children": "a child",
    "parents": "a parent",
    "carers": "a carer",
    "families": "a family",
    "family members": "a family member",
    "customers": "a customer",
    "clients": "a client",
    "service users": "a service user",
}
"""One of many the work is with, as a doing names them ("young people" -> "a young person")."""
# "a person", "a service user" say no more than "someone" does where the work is with them;
# "a carer", "a young person" say who (and "someone" would not).
_ANYONE = re.compile(r"\b(?:an?\s+(?:person|individual|service\s+user|client|customer))\b")
# "reflect on your own values and attitudes towards ...": "your values" says the same.
_SPARE_OWN = re.compile(r"\b(your|their)\s+own\s+(?=\w)", re.IGNORECASE)


def plainer(text: str) -> list[str]:
    """Ways to say ``text`` that copy its statement less, each sparing a word more: an
    adjective of time ("current"), a "the" before a list, "a person" as "someone", "own"."""
    ways: list[str] = []
    spares = (
        (_SPARE_ADJECTIVE, ""),
        (_SPARE_THE, r"\1"),
        (_ANYONE, "someone"),
        (_SPARE_OWN, r"\1 "),
    )
    for spare, instead in spares:
        spared = spare.sub(instead, text, count=1)
        if spared != text:
            ways.append(spared)
            text = spared
    return ways
