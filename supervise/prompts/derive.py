"""Derive a handle from a statement that names none: drop its lead-in, split its parts, cut
each to a few words at a phrase boundary that leaves nothing it needs behind.

Nothing here invents a word that carries meaning: a handle is words of the statement (or of its
intended reading, where a slip is marked), less some of them, with at most a joining word
("how", "as", "of", "on", "what"), a plainer verb ("help") or a verb's -ing form where a
shorter or spoken wording needs one (see ``spoken``).
"""

from __future__ import annotations

import re

from supervise.content.model import SectionKind
from supervise.prompts.phrases import NO_END, cut, cut_whole, word_set
from supervise.prompts.spoken import (
    ONE_OF,
    RUN_WORDS,
    SERVED,
    plain,
    plainer,
    reworded,
    run,
    without_manner,
)
from supervise.prompts.tidy import WH, clean_words

MAX_WORDS = 9
"""The length a derived handle is cut to where a cut there keeps a whole phrase. Prompts may
not repeat ten statement words in a row, and a template often says the statement's own "to" or
"how to" beside it: see ``_limit``."""
HANDLE_WORDS = 12
"""The longest derived handle: what a shorter cut would leave wanting ("the limits | of key
work sessions", "intoxicated | or in withdrawal") may take it this far."""
BRIEF_WORDS = 4
"""The longest derived brief of a sub-point."""


_LIST_INTRO = re.compile(
    r"(?:\s*,?\s*(?:and/or|and|or|e\.g\.?|i\.e\.?|including|such\s+as|for\s+example|as\s+follows)"
    r"\s*:|\s*,?\s+e\.g\.?|\s*[.:;,])+\s*$",
    re.IGNORECASE,
)
# "(e.g. ...)", and an "e.g."/"i.e." with all that follows it: examples, not the topic.
# An aside runs to the end, or to a next thing done (", and take action to put it right").
_ASIDE = re.compile(
    r"\s*\((?:[^()]*)\)|\s*,?\s*\b(?:e\.g|i\.e)\b\.?.*?(?=,\s+and\s+(?:take|put|make|keep|record"
    r"|review|agree|support|act|tell|report|inform|refer|seek|ask|check|offer|provide)\s|$)",
    re.IGNORECASE,
)
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
# "you agree ..., and record what has been agreed": after a comma, "and" with a second verb
# (not "again", not a listed noun: a verb is followed by what it acts on) starts the next
# thing the practitioner does.
_NEXT_DOING = re.compile(
    r",\s+and\s+(?!(?:again|then|also|so|that|which|who|where|when|the|a|an|their|your|his|her"
    r"|its|any|all|each|other|others)\b)(?=\w*(?:[^s]|ss)\s+(?!(?:of|for|in|and|or|to)\b)\w)",
)
_DOING_BREAKS = re.compile(_PART_BREAKS.pattern + "|" + _NEXT_DOING.pattern, re.IGNORECASE)
"""Where a statement of something done joins several things done."""
# "it is important to": an "it" that stands for nothing said before.
_IMPERSONAL = re.compile(r"\bit\s+is\s+(?:important|essential|vital|necessary)\b", re.IGNORECASE)
# Words that stand for something said earlier: a part that leans on one cannot stand alone.
_ANAPHORA = re.compile(r"\b(?:this|these|those|they|them|it|such|above)\b", re.IGNORECASE)
_WHILE = re.compile(r",?\s+(?:while|whilst)\s+[^,]*", re.IGNORECASE)
_NAMED_THEN_THEY = re.compile(
    r"\b(?:people|persons|customers|clients|families|parents|carers|children|others)\b.*?"
    r"\b(?:they|them)\b",
    re.IGNORECASE,
)
# "how these may influence ...": "these" said of what the first part acts on.
_POINTING = re.compile(
    r"\b(?:these|those)\b(?=\s+(?:can|could|may|might|will|would|are|were|have)\b)",
    re.IGNORECASE,
)
_JOINING = word_set("on with to about for upon")
_OBJECT_ENDS = word_set("towards toward of about to for with in on that which who when where")


def _object_of(doing: str) -> str | None:
    """What a verb phrase acts on, without what follows it: "reflect on your values and
    attitudes towards ..." -> "your values and attitudes"; None where that is not plain."""
    words = doing.split()[1:]
    if words and words[0].lower() in _JOINING:
        words = words[1:]
    kept: list[str] = []
    for word in words:
        if word.lower() in _OBJECT_ENDS or word.endswith(","):
            break
        kept.append(word)
    return " ".join(kept) if 1 < len(kept) <= 5 else None


# "take steps to widen that network": a "that" which points back, as a last noun or before a
# preposition (a "that" which starts a clause is followed by its subject).
_THAT_ONE = re.compile(r"\bthat\s+\w+(?:\s+(?:while|whilst|to|of|in|and|with|for)\b|\s*$)")
# "and to others, ...", "and to your manager": this "to" does not start a verb phrase.
_NOT_A_VERB = re.compile(
    r"^to\s+(?:(?:the|a|an|your|their|his|her|its|our|any|all|other|others|people|them)\b"
    r"|\w*[^s]s\b)",
    re.IGNORECASE,
)
# The verb of a "how X can ..." clause: the subject is everything before it.
_AUXILIARIES = word_set("can could may might will would should must is are do does has have")
_MODALS = word_set("can could may might will would should must")


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
        or first.lower() in NO_END
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
_SAID = re.compile(r"^(?:when|that|what|how|why|if|the)\b|,\s+(?=(?:the|what|how|why|when)\b)")


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


def _that_subject(words: list[str]) -> str | None:
    """The subject of a "that X can ..." clause ("working with people in crisis"), if short."""
    if not words or words[0].lower() != "that":
        return None
    verb_at = next((i for i, w in enumerate(words) if w.lower() in _AUXILIARIES), 0)
    subject = " ".join(words[1:verb_at])
    return subject if 2 <= verb_at - 1 <= 7 and "," not in subject else None


def _shorten(text: str, verb: bool, limit: int, most: int | None = None) -> tuple[str, bool] | None:
    """``text`` cut to ``limit`` words (given ``most``, to a whole phrase of up to ``most``:
    see ``cut_whole``; None where there is none); a long "how X can ..." clause becomes its
    subject, X."""
    words = text.split()
    short = cut(text, limit) if most is None else cut_whole(text, limit, most)
    if not verb and text.lower().startswith(WH) and len(words) > limit:
        verb_at = next((i for i, w in enumerate(words) if w.lower() in _AUXILIARIES), 0)
        subject = " ".join(words[1:verb_at]).rstrip(",")
        # "how feelings of anger can be displaced [from ...]": a whole phrase that keeps the
        # clause's verb says more than its subject alone.
        kept = len(short.split()) if most is not None and short is not None else 0
        modal = verb_at > 0 and words[verb_at].lower() in _MODALS
        whole_clause = modal and verb_at < kept - 1
        if 2 <= verb_at - 1 <= min(limit, 7) and "," not in subject and not whole_clause:
            return subject, False
    if short is None:
        return None
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
_FIRST_MENTION = re.compile(r"\bthe " + SERVED + r"\b", re.IGNORECASE)


def _fit(piece: str, verb: bool, limit: int, statement: str) -> tuple[str, bool]:
    """``piece`` shortened to a whole phrase ("... of key work sessions", "... or in
    withdrawal"), else to ``limit`` words or one more, such that the prompts, whatever says the
    handle, still repeat fewer than ten of the statement's words in a row."""
    widths = (limit + 1, limit)
    whole = [_shorten(piece, verb, width, HANDLE_WORDS) for width in widths]
    # A whole phrase in the statement's words, else one that spares a word or two; else, as
    # a last resort, a cut phrase (it stays as it was cut).
    tries = [said for said in whole if said]
    tries += [(spared, kind) for text, kind in tries for spared in plainer(text)]
    tries += [_shorten(piece, verb, width) or (piece, verb) for width in widths]
    for text, kind in tries:
        if _copies_little(text, statement):
            return text, kind
    text, kind = tries[-1]
    if len(text.split()) > HANDLE_WORDS:
        # No boundary anywhere within reach: the first words, ending where a phrase may end.
        kept = text.split()[:MAX_WORDS]
        while len(kept) > 1 and kept[-1].lower().strip(",") in NO_END:
            kept.pop()
        text = " ".join(kept).rstrip(",")
    return text, kind


def _copies_little(text: str, statement: str) -> bool:
    """Whether every prompt that says ``text`` repeats fewer than ten statement words in a row."""
    said = [text, _FIRST_MENTION_AGAIN.sub(r"the \1", text)]
    # A template may go on ", and ..." after the handle, as the statement itself may.
    ways = [f"{lead} {form} and" for form in said for lead in _SAID_BEFORE]
    return all(run(way, statement) <= RUN_WORDS for way in ways)


# How a template leads into a handle ("to agree ...", "about the limits ...").
_SAID_BEFORE = ("to", "about", "how to", "of")
# Later prompts say "the person" again where the handle said "a person".
_FIRST_MENTION_AGAIN = re.compile(r"\ba " + SERVED + r"\b")


_MANY = re.compile(r"\b(with|to|for|involve) (" + "|".join(ONE_OF) + r")\b", re.IGNORECASE)


def derive(statement: str, kind: SectionKind) -> list[tuple[str, bool]]:
    """(phrase, is a verb phrase) for a statement's main part, then for each further part."""
    text, verb, lead = _lead(_FIRST_MENTION.sub(r"a \1", tidy(statement)), kind)
    limit = _limit(lead)
    if verb:
        # "recognise and to respond to risk": one verb alone is no part; they share the object.
        text = re.sub(r"^(\w+)\s+and\s+to\s+", r"\1 and ", text)
        # Without its adverb the phrase no longer runs on as the statement does: one word more.
        text, dropped = without_manner(text)
        limit += dropped
        # A doing is asked about one moment with one person: "how did you talk with young
        # people about ..." in a question about one case jars.
        text = _MANY.sub(lambda m: f"{m.group(1)} {ONE_OF[m.group(2).lower()]}", text)
    text = plain(text)
    breaks = _PART_BREAKS
    if verb:
        # "... while maintaining a consistent working relationship", "while recognising that
        # the person may not be ready": a side condition of the doing, not a part to ask.
        text = _WHILE.sub("", text)
        breaks = _DOING_BREAKS
    pieces = [piece.strip(" ,") for piece in breaks.split(text) if piece and piece.strip()]
    first = pieces[0] if verb else reworded(pieces[0], limit)
    # A reworded phrase no longer runs on as the statement does: it may keep a word more.
    handles = [_fit(first, verb, limit + (first != pieces[0]), statement)]
    for piece in pieces[1:]:
        if verb:
            # "and to recognise how these may influence ...": these values and attitudes.
            piece = _POINTING.sub(lambda m: _object_of(pieces[0]) or m.group(0), piece, count=1)
        # "why planned endings help people to keep the gains they have made": "they" are the
        # people just named.
        unsaid = _NAMED_THEN_THEY.sub("", _IMPERSONAL.sub("", piece))
        leaning = _ANAPHORA.search(unsaid) or _THAT_ONE.search(unsaid)
        if leaning or len(piece.split()) < 2 or _NOT_A_VERB.match(piece):
            continue
        part, part_verb, part_lead = _lead(piece, kind)
        part_limit = _limit(part_lead)
        said = part if part_verb else reworded(part, part_limit)
        fitted = _fit(said, part_verb, part_limit + (said != part), statement)
        asked = said.split(" ", 1)[0].lower()
        if asked in ("why", "how") and not fitted[0].lower().startswith(asked):
            # "why planned endings help people [to keep ...]" cut to "planned endings help
            # people": a question's words, no longer a question. Better unsaid.
            continue
        handles.append(fitted)
    return handles


# A last phrase that says only who or where the work is ("with a person", "in your practice",
# "to a person and others"): once the item has been named in full, its short form can leave it
# out.
_GENERIC_PLACE = re.compile(
    r"\s+(?:with|to|for|in|from|at|by)\s+(?:(?:a|an|the|your|their)\s+)?(?:own\s+)?"
    r"(?:person|people|client|clients|customer|customers|service user|young person|practice"
    r"|work|key work|colleagues?)(?:\s+(?:and|or)\s+(?:to\s+)?others)?$",
    re.IGNORECASE,
)
# Nouns that say nothing without what follows them ("ways of ...", "factors that ...").
_LIGHT_NOUNS = word_set("ways methods factors signs effects impact use range level nature extent")
_LIGHT_LEAD = re.compile(r"^(?:the\s+)?(?:ways|methods)\s+of\s+", re.IGNORECASE)
_NOUN_TAIL = re.compile(r"\s+(?:on|as|relevant|associated|that|which|who)\s.*$", re.IGNORECASE)
# "... rather than setting them": once said, the contrast need not be said again.
_CONTRAST = re.compile(r"\s+rather\s+than\s.*$", re.IGNORECASE)
SHORT_WORDS = 5
"""The longest derived short form."""
_SHORT_ENOUGH = 3
"""A handle of this many words is said in full every time."""


# What is affected is someone ("how ... can affect you", "a person's mood"): that is the point.
_SOMEONE = re.compile(r"\b(?:you|your|their|person's|someone's|people's|customer's|client's)\b")
_ON_WHAT = re.compile(r"^\s*on\s+((?:(?:a|an|the|their|your)\s+)?[\w'-]+)", re.IGNORECASE)


def _qualified(noun: str, text: str) -> str:
    """A bare noun with the "on ..." it was said of ("dependency on a worker"): alone,
    "dependency" in a drug service reads as dependence on drugs."""
    at = text.lower().find(noun.lower())
    match = _ON_WHAT.match(text[at + len(noun) :]) if at >= 0 else None
    return f"{noun} on {match.group(1)}" if match else noun


def derive_short(text: str, verb: bool) -> str | None:
    """A shorter way to say a derived handle once it has been said in full ("identify and
    assess risks" for "identify and assess risks to a person"); None where no cut keeps the
    point."""
    words = len(text.split())
    if words <= _SHORT_ENOUGH:
        return None
    short = text if verb else _NOUN_TAIL.sub("", _LIGHT_LEAD.sub("", text))
    if not verb and len(short.split()) == 1:
        short = _qualified(short, text)
    said = text.split()
    modal = next((i for i, w in enumerate(said) if w.lower() in _MODALS), 0)
    # Not where what follows is the practitioner ("how working with people in crisis can
    # affect you"): that is the point, not the working.
    affected = " ".join(said[modal:]).lower()
    if not verb and said[0].lower() == "how" and modal > 2 and not _SOMEONE.search(affected):
        # "how changes in someone's circumstances can affect ...": once said, the changes.
        short = " ".join(said[1:modal])
    short = _GENERIC_PLACE.sub("", _CONTRAST.sub("", short))
    kept = short.split()
    if not kept or len(kept) > SHORT_WORDS or len(kept) > words - 2:
        return None
    if kept[-1].lower() in NO_END or (len(kept) == 1 and kept[0].lower() in _LIGHT_NOUNS):
        return None
    return short
