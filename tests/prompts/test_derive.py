"""Handles derived for statements that name none: each rule, statement in, handle out.

The statements are made up for these tests (not the test framework's), so that each rule is
shown to hold for wording it was not written against.
"""

from __future__ import annotations

import pytest

from supervise.content import SectionKind
from supervise.prompts.derive import HANDLE_WORDS, derive, derive_short
from supervise.prompts.phrases import cut, cut_whole

P, K, A = SectionKind.PERFORMANCE, SectionKind.KNOWLEDGE, SectionKind.ABILITY


def _first(kind: SectionKind, statement: str) -> tuple[str, bool]:
    return derive(statement, kind)[0]


def test_a_short_and_or_or_is_never_cut_in_half() -> None:
    """ "confused | or in distress" would keep one of the two and drop the other."""
    assert _first(
        P,
        "you recognise quickly when the person you visit is confused or in distress, for"
        " example after a fall",
    ) == ("recognise when someone you visit is confused or in distress", True)


def test_a_noun_keeps_its_of() -> None:
    """ "the scope, timing and cost" of what? A cut before "of" leaves the list about nothing."""
    text, _ = _first(
        P,
        "you agree with the customer the scope, timing and cost of each planned home visit in"
        " writing",
    )
    assert text.endswith("scope, timing and cost of each planned home visit"), text


def test_guidance_keeps_what_it_is_on_and_is_said_to_be_on_it() -> None:
    """ "relevant to" is written English; "on" is said. "the policies | on ..." says nothing."""
    assert _first(
        K,
        "Knowledge of the policies and procedures relevant to lone working and home visits,"
        " including the buddy system",
    ) == ("the policies and procedures on lone working and home visits", False)


def test_a_verb_keeps_its_object_and_loses_the_extent() -> None:
    """ "difficult to report" what? The object stays; "the full extent of" goes instead."""
    assert _first(
        K,
        "reasons why tenants may find it difficult to report the full extent of disrepair in"
        " their homes, e.g. fear of eviction",
    ) == ("why tenants may find it difficult to report disrepair", False)


def test_a_verb_with_a_clause_keeps_it() -> None:
    """ "explain | when ..." would leave explain with nothing explained."""
    assert cut("you explain when the service will close", 2) == "you explain"
    assert cut_whole("you explain when the service will close", 2, 3) is None


@pytest.mark.parametrize(
    ("kind", "statement", "handle"),
    [
        # The second "to" says nothing the first did not.
        (
            P,
            "you report concerns to your manager and to the safeguarding lead, using the agreed"
            " forms",
            "report concerns to your manager and the safeguarding lead",
        ),
        # Supporting a person to do something is, said, helping them do it.
        (
            P,
            "you support the customer to make their own decisions about their tenancy",
            "help a customer make their own decisions about their tenancy",
        ),
        # What is said is the risk; the factors are what the points and the knowing name.
        (
            A,
            "An ability to draw on knowledge of factors that increase the risk of falls in older"
            " people",
            "the risk of falls in older people",
        ),
        # "factors that make ..." is written; "what makes ..." is said.
        (
            K,
            "factors that make it harder for families to attend appointments",
            "what makes it harder for families to attend appointments",
        ),
        (K, "Knowledge that setbacks are a normal part of change", "setbacks as part of change"),
        (
            K,
            "the ways in which stress can affect a worker's judgement",
            "how stress can affect a worker's judgement",
        ),
        (
            K,
            "how to recognise signs that a carer is exhausted, e.g. missed appointments",
            "recognise when a carer is exhausted",
        ),
        # The one told gives way to what is told, a thing as well as a "when" or a "how".
        (
            P,
            "you explain to the customer the terms and conditions of their tenancy agreement, and"
            " check that they have understood",
            "explain the terms and conditions of their tenancy agreement",
        ),
    ],
)
def test_written_wording_is_said_as_a_person_would(
    kind: SectionKind, statement: str, handle: str
) -> None:
    assert _first(kind, statement)[0] == handle


@pytest.mark.parametrize(
    ("statement", "handle"),
    [
        # "current" goes rather than "and any risk assessments".
        (
            "you review the person's current support plan and any risk assessments with them, and"
            " agree changes",
            "review a person's support plan and any risk assessments",
        ),
        # "a person" becomes "someone" rather than "or withdrawn" going.
        (
            "An ability to notice when a person is anxious or withdrawn, and to respond calmly",
            "notice when someone is anxious or withdrawn",
        ),
        # So does "a service user" ("a carer" or "a young person" would say who).
        (
            "An ability to ensure that the service user understands why the intervention is being"
            " offered",
            "ensure that someone understands why the intervention is being offered",
        ),
        # "the" before a list goes rather than the list's "of ...".
        (
            "you agree with the customer the scope, timing and cost of each home visit, and record"
            " it",
            "agree scope, timing and cost of each home visit",
        ),
    ],
)
def test_a_whole_phrase_spares_a_word_rather_than_copy_ten(statement: str, handle: str) -> None:
    """A prompt may not repeat ten statement words in a row ("to {act}, and ..." adds two to
    the handle's own): a small word is spared where keeping them all would copy ten."""
    assert _first(P, statement) == (handle, True)


@pytest.mark.parametrize(
    ("kind", "statement", "handle"),
    [
        # An adjective after its noun goes with what was cut off.
        (
            P,
            "you provide the level of emotional support sufficient to meet the needs that brought"
            " the customer to the service",
            "provide the level of emotional support",
        ),
        # The contrast is the point: "rather than setting them" stays where it fits.
        (
            K,
            "why it is important to agree and review goals with the person rather than set them"
            " on the person's behalf",
            "agreeing and reviewing goals with a person rather than setting them",
        ),
        # "the level and type | of contact": the "of ..." is said of both.
        (
            P,
            "you maintain the level and type of contact appropriate to the customers' needs and"
            " that meets agreements made with the customer",
            "maintain the level and type of contact",
        ),
        # A "how" clause keeps its verb where a whole phrase can.
        (
            K,
            "the ways in which feelings of anger and frustration can be displaced from their"
            " original source to those in authority",
            "how feelings of anger and frustration can be displaced",
        ),
    ],
)
def test_a_phrase_is_cut_where_nothing_it_needs_is_lost(
    kind: SectionKind, statement: str, handle: str
) -> None:
    assert _first(kind, statement)[0] == handle


def test_a_when_clause_keeps_more_than_its_subject() -> None:
    """ "recognise when strains" has lost the verb of its clause."""
    text, _ = _first(
        A,
        "An ability to recognise when strains in the relationship threaten the progress of an"
        " intervention",
    )
    assert not text.endswith("when strains"), text


def test_where_no_whole_phrase_will_do_the_cut_is_as_before() -> None:
    """The whole statement is the only whole phrase here, and it would be copied entire."""
    assert _first(
        A, "Capacity to remain hopeful when progress is slow or a plan falls through"
    ) == (
        "remain hopeful when progress is slow",
        True,
    )


@pytest.mark.parametrize(
    "statement",
    [
        "you explore with the customer the history, causes, pattern and current level of their"
        " rent arrears and other debts, including any court action",
        # No boundary word at all.
        "you keep accurate up-to-date legible signed dated secure complete contemporaneous"
        " confidential case notes",
    ],
)
def test_no_derived_handle_is_longer_than_the_most(statement: str) -> None:
    for text, _ in derive(statement, P):
        assert len(text.split()) <= HANDLE_WORDS, text


def test_cut_whole_finds_the_shortest_whole_phrase_and_cut_is_unchanged() -> None:
    words = "the limits of confidentiality at the start of work"
    assert cut(words, 2) == "the limits"
    assert cut_whole(words, 2, 12) == "the limits of confidentiality"
    assert cut_whole("disclose the full extent of their use to you", 1, 3) is None


@pytest.mark.parametrize(
    ("handle", "verb", "short"),
    [
        ("identify and assess risks to a person and others", True, "identify and assess risks"),
        ("relapse as part of recovery", False, "relapse"),
        (
            "agreeing and reviewing goals with a person rather than setting them",
            False,
            "agreeing and reviewing goals",
        ),
        ("the signs of abuse", False, None),
    ],
)
def test_a_short_form_leaves_out_who_and_what_it_is_taken_as(
    handle: str, verb: bool, short: str | None
) -> None:
    assert derive_short(handle, verb) == short
