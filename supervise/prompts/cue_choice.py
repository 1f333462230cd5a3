"""Choosing the supervisor's cue for one stage of an item: a lens not yet used, in words that fit
the stage and do not echo its question."""

from __future__ import annotations

import re

from supervise.content.model import Move, Role
from supervise.prompts import cues, moments
from supervise.prompts.draft import CASE, EXPECTED, SOURCE, Draft, fill, names_person
from supervise.prompts.handle import Handle
from supervise.prompts.person import PRACTITIONER
from supervise.prompts.themes import HARD, Theme


def supervisor_cue(
    walk: Draft,
    index: int,
    move: Move,
    handle: Handle | None,
    question: str,
    own: str | None = None,
) -> str:
    """The supervisor's cue for one stage: a lens not yet used for this item, in words that fit
    the stage and do not echo ``question`` (or ``own``, what the statement itself asks to
    listen for); while the moment is first told, the red flag its theme calls for."""
    options = cues.cues_for(move, walk.knowing, walk.known, walk.ongoing)
    # A cue that follows up the question ("who could help you?") is said under it, first.
    follow = {c for c in options if c.follows and re.search(c.follows, question)}
    options = tuple(c for c in options if c in follow or not c.follows)
    # "Where did they learn it" and "which source do they trust": one question, asked once.
    options = tuple(c for c in options if c.asks not in walk.asked) or options
    if SOURCE.search(walk.handles[0].text):
        # "Where they learned about the guidance: training, guidance ...": circular.
        options = tuple(c for c in options if c.asks != cues.SOURCE) or options
    if walk.stance or _EXPECTED_ASKED in walk.asked:
        options = tuple(c for c in options if not EXPECTED.search(c.act)) or options
    # Knowledge that keeps someone alive, not the handling of anger or challenging behaviour,
    # where a blunt correction after a frightening case reads as blame.
    risky = Theme.RISK in walk.themes and not _CONDUCT.search(walk.item.text)
    options = tuple(c for c in options if not (c.gentle if risky else c.grave)) or options
    if Theme.MISTAKE in walk.themes:
        # Owning a mistake is conduct, not knowledge: a reading list would patronise.
        options = tuple(c for c in options if not c.reading) or options
    if not (HARD | {Theme.RISK}).intersection(walk.themes):
        # Support for what the work took out of them fits hard work, not any skill.
        options = tuple(c for c in options if not c.toll) or options
    else:
        options = tuple(c for c in options if not c.light) or options
    if not CHARGED.intersection(walk.themes):
        # "What tipped the balance" in explaining a service: there was none to tip.
        options = tuple(c for c in options if not c.weighed) or options
    if not (walk.knowing or walk.reflecting or CHARGED.intersection(walk.themes)):
        # The supervisor's own reactions, and a pull between the two of them, say something
        # where the work is charged; beside a referral or an explanation they read as stock.
        options = tuple(c for c in options if _kind(c.lens) is not cues.Lens.SUPERVISOR) or options
    if walk.handles[0].inner or walk.handles[0].ongoing:
        # Reflecting or noticing has no words to ask for and nobody to shadow; what is kept up
        # over months has no one moment's exact words.
        options = tuple(c for c in options if not c.outward) or options
    start = (walk.item.number + index) % len(options)
    rotation = options[start:] + options[:start]
    if names_person(walk.handles[0], walk.people):
        # "what a customer would want ... help a customer engage" says it twice.
        rotation = tuple(c for c in rotation if "one}" not in c.topic + c.act) or rotation
    if walk.reflecting:
        # Reflecting on their own values stays with their views, not how the person took it.
        rotation = tuple(c for c in rotation if "one}" not in c.plain) or rotation
    if walk.among_staff:
        # A review with their supervisor has no person served to ask about.
        rotation = tuple(c for c in rotation if "one}" not in _said(c)) or rotation
    # "Agree one step ... they agree ...", "help them help ...": the handle's verb said twice.
    first = walk.handles[0].text.split(" ", 1)[0].lower()
    rotation = tuple(c for c in rotation if not _says_twice(c.act, first)) or rotation
    if _ORGANISATION.search(question):
        # The question already asks what the organisation expected.
        rotation = tuple(c for c in rotation if c.lens is not cues.Lens.CONTEXT) or rotation
    for asked in _SAME_ASK:
        if asked.search(question):
            # The question already asks this (what would help, what it drew on): a cue asking
            # it again in other words adds nothing.
            rotation = (
                tuple(c for c in rotation if c in follow or not asked.search(_said(c))) or rotation
            )
    if walk.knowing:
        # "Where they feel least sure" after a question on how sure they are says it again;
        # weighing their confidence fits only after one (not under "what do you notice").
        unfit = "least sure" if walk.sure else "their confidence is borne out"
        rotation = tuple(c for c in rotation if unfit not in _said(c)) or rotation
    if walk.knowing and walk.cased:
        # A question has asked for a case already; a cue asking for another repeats it.
        rotation = tuple(c for c in rotation if not CASE.search(c.topic)) or rotation
    # Cues not yet said first; then one item's cues differ in kind (no two of a kind back to
    # back, the team or the service asked about once), fresh lenses first; among those, the
    # first that is not an echo and names nobody as "the practitioner" (in a cue, "they").
    kinds_used = {_kind(lens) for lens in walk.lenses}
    ranked = sorted(
        rotation,
        key=lambda c: (
            c not in follow,
            c in walk.cues,
            _same_kind(walk, c),
            _kind(c.lens) in kinds_used,
        ),
    )
    # Values that bear on decisions about risk or endings are no risk or drift to check: the
    # flags are for what happened with the person served.
    flag = None
    # Nor for knowing about one's own ways: their cues make it safe to speak of them already.
    if index == 0 and not walk.reflecting and not walk.about_self:
        flags = cues.KNOWING_FLAGS if walk.knowing else cues.FLAGS
        flag = next((flags[theme] for theme in walk.themes if theme in flags), None)
        if flag == cues.FLAGS.get(Theme.RULES) and not _LAW.search(walk.item.text):
            # "policy or the law" beside goals set within a service's treatment policy: the
            # law is asked about where the statement speaks of it.
            flag = cues.POLICY_FLAG
        for theme, moment, said in _FLAGS_OF_THE_MOMENT:
            if flag == cues.FLAGS.get(theme) and moment.search(walk.handles[0].text):
                flag = said
        if flag in (cues.FLAGS.get(Theme.RULES), cues.POLICY_FLAG):
            # Asked what policy asked of them: no later cue asks what the service expects.
            walk.asked.add(_EXPECTED_ASKED)
    written = [(c, _cue_text(walk, c, move, h)) for c in ranked for h in (handle, None)]
    fitting = [(c, t) for c, t in written if echo(t, question) <= ECHO and PRACTITIONER not in t]
    # "Listen for ... Listen for ...": the flag said after it opens otherwise (a sorted list
    # keeps the order of the rest).
    fitting.sort(key=lambda ct: bool(flag) and _opens_alike(ct[1], flag or ""))
    chosen, text = next(iter(fitting), written[0])
    walk.lenses.add(chosen.lens)
    walk.last = _kind(chosen.lens)
    walk.cues.add(chosen)
    if chosen.asks:
        walk.asked.add(chosen.asks)
    walk.cased = walk.cased or bool(CASE.search(text))
    if own:
        text = own
    if flag and not _flag_said(flag, text):
        text += " " + flag
    return text


def _flag_said(flag: str, cue: str) -> bool:
    """Whether ``cue`` already speaks of what ``flag`` checks ("when the talk turned to
    disagreement ..." before "When doubt or disagreement came up ...")."""
    return any(word in cue.lower() for word in _FLAGGED if word in flag.lower())


_FLAGGED = ("disagreement", "drift")
"""What a flag is about, in the one word a cue naming it would use."""


def _said(cue: cues.Cue) -> str:
    """Every wording of ``cue``: what one asks, they all ask."""
    return " ".join((cue.act, cue.topic, cue.plain))


def _opens_alike(cue: str, flag: str) -> bool:
    """Whether ``flag`` opens with the verb of the cue's last sentence ("Listen for ... Listen
    for ..."); a second "Ask" is how supervisors talk, and reads as no echo."""
    last = re.split(r"(?<=[.?;]) ", cue)[-1].split(" ", 1)[0].capitalize()
    return last != "Ask" and last == flag.split(" ", 1)[0]


_ENDING = re.compile(r"\bend(?:ing|ings)?\b", re.IGNORECASE)
"""A handle about ending the work."""
_DOUBTS = re.compile(r"\b(?:doubts?|disagree\w*|sceptic\w*|mistrust)\b", re.IGNORECASE)
"""A handle whose moment is a doubt voiced."""
_FLAGS_OF_THE_MOMENT = (
    (Theme.BOUNDARY, _ENDING, cues.ENDING_FLAG),
    (Theme.DOUBT, _DOUBTS, cues.DOUBT_TOLD_FLAG),
)
"""A theme's flag said otherwise where the handle's moment is what the flag asks about: an
ending is no drift, and a doubt voiced is no "if doubt came up"."""
_CONDUCT = re.compile(r"\b(?:behaviour|anger|angry|hostil\w*|aggress\w*)\b", re.IGNORECASE)
"""What a statement on someone's conduct towards the practitioner says."""
_EXPECTED_ASKED = "expected"
"""What ``walk.asked`` holds once a flag has asked what policy asked of them."""
_LAW = re.compile(r"\b(?:law|laws|legal|legislat\w*|act|acts|statutory|rights)\b", re.IGNORECASE)
_SAME_ASK = (
    re.compile(r"\b(?:help you|help them|support)\b", re.IGNORECASE),
    re.compile(r"\b(?:training|guidance)\b", re.IGNORECASE),
    # "Where does that confidence come from?" and "where this knowledge comes from".
    re.compile(r"\b(?:comes? from|learned)\b", re.IGNORECASE),
    re.compile(r"\b(?:read|colleagues?)\b", re.IGNORECASE),
    # "What went well?" and "which part would they hold up as good practice?": one question.
    re.compile(r"\b(?:went well|good practice)\b", re.IGNORECASE),
    # "What will you read ... to learn more?" and "what would they like to understand better?"
    re.compile(r"\b(?:learn more|understand better)\b", re.IGNORECASE),
    # "Walk through it step by step" asks already what they actually said and did.
    re.compile(r"\b(?:step by step|actually said|say and do|said and did)\b", re.IGNORECASE),
    # "What will you hold on to?" and "the one thing they most want to remember".
    re.compile(r"\b(?:hold on to|most want to remember)\b", re.IGNORECASE),
    # "What would you tell yourself back then?" and "what advice they would give a new
    # colleague".
    re.compile(r"\b(?:tell yourself|new colleague)\b", re.IGNORECASE),
    # "What makes this easy, or hard, to put into practice?" and "which part they find hardest
    # to put into practice".
    re.compile(r"\binto practice\b", re.IGNORECASE),
)
"""What a question and a cue may both ask in other words: who would help, what it drew on."""
CHARGED = HARD | {Theme.RISK, Theme.BOUNDARY, Theme.DOUBT}
"""Themes of doing where the supervisor's own reactions are worth a cue of their own."""
_ORGANISATION = re.compile(r"\borganisation\b|\bteam\b|\bservice\b expect", re.IGNORECASE)
ECHO = 0.4
"""The most of a cue's words that may also be in its stage's question (the lint allows 0.45)."""


def _kind(lens: cues.Lens) -> cues.Lens:
    """What a cue of ``lens`` asks the supervisor to do: noticing the pull between the two of
    them is noticing their own reaction, as far as a listener can tell."""
    return cues.Lens.SUPERVISOR if lens is cues.Lens.PARALLEL else lens


def _same_kind(walk: Draft, cue: cues.Cue) -> int:
    """How much ``cue`` would repeat the item's cues in kind: 2 for a second look at the team
    or the service (it reads as the same cue twice), 1 for the kind just used, else 0."""
    kind = _kind(cue.lens)
    if kind is cues.Lens.CONTEXT and kind in walk.lenses:
        return 2
    return int(kind is walk.last)


def _says_twice(template: str, verb: str) -> bool:
    """Whether ``template`` says ``verb`` itself, first or just before the handle."""
    before = template.split("{act}", 1)[0].lower().split()
    return bool(before) and verb in (before[0], *before[-2:])


def _cue_text(walk: Draft, cue: cues.Cue, move: Move, handle: Handle | None) -> str:
    """``cue`` written out for this item."""
    if handle is None or (handle.verb and moments.REFLECTING.match(handle.text)):
        # Reflecting on one's own values is no event to ask about: the cue names nothing.
        template, handle = cue.plain, walk.handles[0]
    else:
        template = cue.act if handle.verb and not walk.knowing else cue.topic
        if handle.inner:
            template = moments.without_trying(template)
        if handle.ongoing:
            template = moments.over_time(template)
    # Looking ahead ("next time", "a colleague who has to") is about a person yet to come.
    ahead = move in (Move.PLAN, Move.CONCLUDE)
    if ahead and handle.inner:
        # "what they will watch for the next time they recognise when ...": noticing is the
        # watching, so the cue names nothing.
        template = cue.plain
    noticed = None if ahead or walk.knowing else moments.noticed(handle)
    if (noticed or handle.inner) and "went about" in template:
        # Nobody "goes about noticing": what they did once they saw it is the strength.
        template, noticed = cue.plain, None
    if noticed:
        # Looking back, what was recognised had happened: "once they saw the person was ...".
        template, handle = moments.as_seen(template), Handle(noticed.seen, verb=True)
    return fill(
        template, handle, walk.people, Role.SUPERVISOR, later=not ahead and not walk.knowing
    )


def echo(cue: str, question: str) -> float:
    """The share of the cue's distinct words that the question also says."""
    mine = set(re.findall(r"[\w'’-]+", cue.lower()))
    theirs = set(re.findall(r"[\w'’-]+", question.lower()))
    return len(mine & theirs) / len(mine) if mine else 0.0
