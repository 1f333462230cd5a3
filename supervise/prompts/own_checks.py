"""What a statement itself asks a supervisor to listen for: the way it asks for something to be
done ("in a way which acknowledges their feelings and does not withdraw the offer of support"),
and what it lists ("including overdose, blood-borne virus transmission, self-harm ...").

A handle names what is done and leaves these out, and they are often the point. One cue says
each, in the statement's own words less what a listener would hear as copied.
"""

from __future__ import annotations

import re

from supervise.prompts.person import third_person
from supervise.prompts.spoken import ONE_OF, RUN_WORDS, gerund, run

_MANNER = re.compile(
    r"\bin\s+a\s+(?:way|manner)\s+(?:which|that)\s+(?P<said>.+?)"
    # It ends where the next thing done, a "while ..." or the statement does.
    r"(?=,\s+and\s+\w+\s|,?\s+while\s|,?\s+whilst\s|[.;:]|$)",
    re.IGNORECASE,
)
# Where the way is described by what it does ("acknowledges", "is", "does not"): a way with a
# subject of its own ("which the person can read") is said of someone else.
_SAID_OF_IT = re.compile(r"^(?:is|are|does|do|\w+s)\b", re.IGNORECASE)
# The next predicate of the same way: ", keeps ..." or " and does not ..." (not "and others").
_NOT_VERBS = r"(?:others|needs|means|feelings|views|wishes|values|parents|carers)\b"
_VERB = rf"(?:is|does|(?!{_NOT_VERBS})\w+s)\s"
_NEXT = re.compile(rf",\s+(?:and\s+)?(?={_VERB})|\s+and\s+(?={_VERB})")
# In a statement, "you" is the practitioner; "their" and "them" are the person served.
_THEIR = re.compile(r"\btheir\b(?!\s+own\b)", re.IGNORECASE)
_THEM = re.compile(r"\bthem\b", re.IGNORECASE)
_NOT = re.compile(r"^(?:does|do)\s+not\s+(\w+)\s*(.*)$", re.IGNORECASE)


def manner_check(statement: str, person: str) -> str | None:
    """ "Listen for whether their approach ..." for the way ``statement`` asks for, or None
    where it asks for none a listener could hear (or where saying it would copy the
    statement). ``person`` is the served, as the framework names one ("customer"): in a cue
    "their" is the practitioner's, so the statement's "their feelings" are the person's."""
    match = _MANNER.search(statement)
    if not match or not _SAID_OF_IT.match(match.group("said")):
        return None
    # "talk with young people ... appropriate to their age": the young person's, not "the
    # person's" of the framework at large.
    named = _SERVED_HERE.search(statement[: match.start()])
    if named:
        found = named.group(0).lower()
        person = ONE_OF[found].split(" ", 1)[1] if found in ONE_OF else found
    parts = [part.strip(" ,") for part in _NEXT.split(match.group("said")) if part.strip(" ,")]
    kept: list[str] = []
    without: list[str] = []
    for part in parts:
        negative = _NOT.match(part)
        if negative:
            # "does not withdraw the offer" -> "without withdrawing the offer": spoken, and it
            # does not read as the statement copied.
            without.append(" ".join(filter(None, (gerund(negative.group(1)), negative.group(2)))))
        else:
            kept.append(part)
    if not kept:
        return None
    if len(kept) == 1 and " and " not in kept[0]:
        # "is honest, appropriate to their age": the list's "and" went with "does not ...".
        kept = kept[0].rsplit(", ", 1)
    said = kept[0] if len(kept) == 1 else ", ".join(kept[:-1]) + " and " + kept[-1]
    if without:
        said += ", without " + " or ".join(without)
    said = _THEIR.sub(f"the {person}'s", said)
    said = _THEM.sub(f"the {person}", said)
    # "keeps yourself ... safe": the practitioner, said of them as "they".
    said = third_person(re.sub(r"\byourself\b", "themselves", said))
    text = f"Listen for whether their approach {said}."
    return text if run(text, statement) <= RUN_WORDS else None


_WITHOUT = re.compile(r",?\s+without\s+(?P<said>\w+ing\b[^,.;:]*)", re.IGNORECASE)


def without_check(statement: str, person: str) -> str | None:
    """ "Listen for whether they did it without ..." for a doing ``statement`` that says what
    it is done without ("without arguing with or pressuring them"); None where it says none."""
    match = _WITHOUT.search(statement)
    if match is None:
        return None
    said = _THEM.sub(f"the {person}", _THEIR.sub(f"the {person}'s", match.group("said").strip()))
    text = f"Listen for whether they did it without {third_person(said)}."
    return text if run(text, statement) <= RUN_WORDS else None


_SERVED_HERE = re.compile(
    r"\b(?:young (?:people|person)|children|child|parents?|carers?|customers?|clients?"
    r"|family members?)\b(?!')",
    re.IGNORECASE,
)
"""Whom the statement itself says the work is with ("young people", "a client")."""
_LISTED = re.compile(
    r"\b(?:including|e\.g\.?|i\.e\.?|such\s+as|for\s+example|(?:that|which)\s+takes?\s+account"
    r"\s+of)\s+(?P<said>[^:;()]+?)"
    # It ends where the next thing done does (", and take action ..."; not ", and any recent
    # changes" or ", and testing for ..."), or a "while", a "to ...", a verb or the statement.
    r"(?=,\s+and\s+(?!(?:any|the|a|an|their|other|local|all|some)\b)\w+\s+(?!(?:of|for|in|to|and|or)\b)"
    r"|,?\s+(?:while|whilst)\s|,\s+to\s|,\s+(?:can|may|will|must|should|could|would|is|are)\s"
    r"|[.;:]|$)",
    re.IGNORECASE,
)
# The "and" (or "or") that joins a list's last two things: none follows it.
_LAST_JOIN = re.compile(r"\s+(?:and|or)\s+(?!.*\s(?:and|or)\s)")
_SHARED_LEADS = frozenset({"their", "the", "a", "an", "your", "any"})
# A list of cases where something applies ("i.e. where there is a risk ...") is no list of
# things to listen for.
_NOT_THINGS = re.compile(r"^(?:where|when|if|whenever|that|which|how|why)\b", re.IGNORECASE)


def listed_check(statement: str, knowing: bool) -> str | None:
    """ "Listen for whether they mention ..." (knowing) or "... came into it" (doing), for what
    ``statement`` lists as examples; None where it lists fewer than two, or only cases."""
    match = _LISTED.search(statement)
    if not match:
        return None
    said = match.group("said").strip(" ,")
    end = match.end()
    if statement[end : end + 1] == ":" or _NOT_THINGS.match(said):
        return None
    chunks = said.split(", ")
    # The last chunk's "and" joins the list's last two things; an "and" inside a thing
    # ("needle and syringe programmes") is left alone.
    last = _LAST_JOIN.split(chunks[-1])
    things = chunks[:-1] + last
    if len(things) < 2:
        return None
    lead = things[1].split(" ", 1)[0].lower()
    first = f" {things[0].lower()}"
    shared = all(t.lower().startswith(lead + " ") for t in things[1:]) and f" {lead} " in first
    if lead in _SHARED_LEADS and shared:
        # "their children, their tenancy or their prescription": "their" said once.
        things = things[:1] + [t.split(" ", 1)[1] for t in things[1:]]
    # "or": any of them is worth hearing, not all of them together. Said as a list, else
    # (where that would read as the statement copied) with an "or" between each.
    for joined in (", ".join(things[:-1]) + " or " + things[-1], " or ".join(things)):
        text = (
            f"Listen for whether they mention {joined}."
            if knowing
            else f"Listen for whether {joined} came into it."
        )
        if run(text, statement) <= RUN_WORDS:
            return text
    return None


def seen_check(statement: str, part: str) -> str:
    """ "Listen for how their own values ... may influence decisions about risk, sanctions or
    the ending of treatment", for a part that recognises how something works (``part``, its
    derived handle, whose "these" is already named): the rest in the statement's words where
    they can be said in full, else the handle's."""
    verb, said = part.split(" ", 1)
    short = "Listen for " + third_person(said) + "."
    at = statement.lower().find(f"{verb.lower()} how ")
    if at < 0:
        return short
    # "these may influence decisions about ..." -> "may influence decisions about ...".
    rest = statement[at + len(verb) + len(" how ") :].split(" ", 1)[-1].rstrip(" .")
    joined = said.find(" " + rest.split(" ", 1)[0] + " ")
    if joined < 0:
        return short
    # "or": any of them, and a list of the statement's not said word for word.
    rest = _LAST_JOIN.sub(" or ", rest)
    # Said of a decision already told: "may influence" -> "may have influenced".
    rest = re.sub(
        r"\b(may|might)\s+(\w+?)(e?)\b(?=\s)",
        lambda m: f"{m.group(1)} have {m.group(2)}{m.group(3)}{'d' if m.group(3) else 'ed'}",
        rest,
        count=1,
    )
    text = "Listen for " + third_person(said[:joined] + " " + rest) + "."
    return text if run(text, statement) <= RUN_WORDS else short
