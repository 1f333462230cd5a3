"""Prompts for every item of every framework under every model, checked for shape and grammar."""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Callable, Iterator

import pytest

from supervise.content import (
    Form,
    Framework,
    Item,
    Library,
    ReflectiveModel,
    Role,
    Stage,
    StagePrompts,
)
from supervise.prompts import (
    POINTS_STAGE,
    ItemPrompts,
    Prompt,
    PromptBook,
    prompts_for,
    prompts_for_framework,
)

SHIPPED_FRAMEWORKS = ("h3-25", "cyp-4.3")
SHIPPED_MODELS = ("driscoll", "gibbs")
FIXTURE_FRAMEWORK = "test-styles"

# Words too common, or too tied to a statement's lead-in or person, to show a prompt is on topic.
_STOPWORD_TEXT = """
    a an and are as at be by can for from how in is it its of on or that the their them they
    this those to was were what when where which who why with within without you your yours
    yourself themselves own these there any all may should could would will must
    ability anability capacity knowledge understanding awareness able including such example
    follows
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def all_item_prompts(library: Library) -> Iterator[tuple[ReflectiveModel, ItemPrompts]]:
    """Every model's prompts for every item of every loaded framework."""
    for model in library.models.values():
        for framework in library.frameworks.values():
            for item_prompts in prompts_for_framework(framework, model):
                yield model, item_prompts


def all_prompts(library: Library) -> Iterator[tuple[ItemPrompts, Prompt]]:
    """Every generated prompt with the item it was made for."""
    for _, item_prompts in all_item_prompts(library):
        for prompt in item_prompts.prompts:
            yield item_prompts, prompt


def key_words(statement: str, count: int = 3) -> list[str]:
    """The ``count`` longest distinct content words of ``statement``, ties in alphabetical order."""
    words = {w for w in re.findall(r"[a-z0-9]+", statement.lower()) if w not in STOPWORDS}
    return sorted(words, key=lambda word: (-len(word), word))[:count]


def words_of(text: str) -> list[str]:
    """Lowercase words of ``text`` with punctuation stripped."""
    return re.findall(r"[\w’'-]+", text.lower())


def test_library_ships_both_models_and_frameworks(full_library: Library) -> None:
    assert set(SHIPPED_MODELS) <= full_library.models.keys()
    assert set(SHIPPED_FRAMEWORKS) | {FIXTURE_FRAMEWORK} <= full_library.frameworks.keys()
    assert [s.title for s in full_library.models["driscoll"].stages] == [
        "What?",
        "So what?",
        "Now what?",
    ]
    assert [s.title for s in full_library.models["gibbs"].stages] == [
        "Description",
        "Feelings",
        "Evaluation",
        "Analysis",
        "Conclusion",
        "Action plan",
    ]


@pytest.mark.parametrize("framework_id", [*SHIPPED_FRAMEWORKS, FIXTURE_FRAMEWORK])
@pytest.mark.parametrize("model_id", SHIPPED_MODELS)
def test_every_item_gets_both_roles_at_every_stage(
    full_library: Library, framework_id: str, model_id: str
) -> None:
    framework = full_library.frameworks[framework_id]
    model = full_library.models[model_id]
    generated = prompts_for_framework(framework, model)
    assert [p.item for p in generated] == list(framework.items())
    for item_prompts in generated:
        expected = [(stage.id, role) for stage in model.stages for role in Role]
        if item_prompts.item.points:
            expected += [(POINTS_STAGE, role) for role in Role]
        assert [(p.stage, p.role) for p in item_prompts.prompts] == expected
        for stage in model.stages:
            for role in Role:
                prompt = item_prompts.for_stage(stage.id, role)
                assert prompt is not None
                assert prompt.stage_title == stage.title
        points = item_prompts.for_stage(POINTS_STAGE, Role.PRACTITIONER)
        assert (points is not None) == bool(item_prompts.item.points)
        if points is not None:
            assert points.stage_title == model.points.title
            assert "points listed" in points.text


def test_for_stage_is_none_for_an_unknown_stage(full_library: Library) -> None:
    item = full_library.item("h3-25/pc/1")
    item_prompts = prompts_for(item, full_library.models["driscoll"])
    assert item_prompts.for_stage("no-such-stage", Role.PRACTITIONER) is None
    assert item_prompts.for_stage(POINTS_STAGE, Role.SUPERVISOR) is None


PromptCheck = Callable[[ItemPrompts, Prompt], bool]


def starts_with_capital(_: ItemPrompts, prompt: Prompt) -> bool:
    """The prompt starts with a capital letter."""
    return prompt.text[:1].isupper()


def ends_with_one_mark(_: ItemPrompts, prompt: Prompt) -> bool:
    """The prompt ends with exactly one "?" or "."."""
    return prompt.text[-1] in "?." and prompt.text[-2] not in "?.!;:, "


def no_doubled_words(_: ItemPrompts, prompt: Prompt) -> bool:
    """No word follows itself, ignoring case and punctuation."""
    words = words_of(prompt.text)
    return all(a != b for a, b in itertools.pairwise(words))


def no_template_residue(_: ItemPrompts, prompt: Prompt) -> bool:
    """No braces, double spaces or edge whitespace are left over."""
    text = prompt.text
    return "{" not in text and "}" not in text and "  " not in text and text == text.strip()


def no_space_before_punctuation(_: ItemPrompts, prompt: Prompt) -> bool:
    """Punctuation sits against the word before it."""
    return re.search(r"\s[,.;:?!]", prompt.text) is None


def supervisor_is_third_person(_: ItemPrompts, prompt: Prompt) -> bool:
    """Supervisor prompts speak about the practitioner, never to them."""
    if prompt.role is Role.PRACTITIONER:
        return True
    words = set(words_of(prompt.text))
    return not words & {"you", "your", "yours", "yourself", "you're", "you’re"}


def mentions_key_words(item_prompts: ItemPrompts, prompt: Prompt) -> bool:
    """The prompt names the statement's longest content words."""
    return set(key_words(item_prompts.item.text)) <= set(
        re.findall(r"[a-z0-9]+", prompt.text.lower())
    )


CHECKS: list[PromptCheck] = [
    starts_with_capital,
    ends_with_one_mark,
    no_doubled_words,
    no_template_residue,
    no_space_before_punctuation,
    supervisor_is_third_person,
    mentions_key_words,
]


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.__name__)
def test_every_prompt_passes(full_library: Library, check: PromptCheck) -> None:
    checked = 0
    failures = []
    for item_prompts, prompt in all_prompts(full_library):
        checked += 1
        if not check(item_prompts, prompt):
            failures.append(
                f"{item_prompts.item.ref} {prompt.stage}/{prompt.role.value}: {prompt.text}"
            )
    assert checked > 900
    assert not failures, "\n".join(failures)


def test_the_fixture_framework_is_checked_too(full_library: Library) -> None:
    framework = full_library.frameworks[FIXTURE_FRAMEWORK]
    model = full_library.models["gibbs"]
    prompts = [(ip, p) for ip in prompts_for_framework(framework, model) for p in ip.prompts]
    assert len(prompts) > 150
    forms = {ip.item.id: ip.form for ip, _ in prompts}
    assert forms["1"] is Form.PRACTICE and forms["a"] is Form.KNOWLEDGE
    for check in CHECKS:
        assert all(check(ip, p) for ip, p in prompts), check.__name__


def test_the_key_word_check_can_fail(full_library: Library) -> None:
    item_prompts = prompts_for(full_library.item("h3-25/k/h"), full_library.models["driscoll"])
    prompt = item_prompts.prompts[0]
    wrong = Prompt(prompt.stage, prompt.stage_title, prompt.role, "Describe a situation.")
    assert key_words(item_prompts.item.text) == ["challenging", "behaviour", "difficult"]
    assert mentions_key_words(item_prompts, prompt)
    assert not mentions_key_words(item_prompts, wrong)
    assert not no_doubled_words(item_prompts, Prompt("s", "S", Role.SUPERVISOR, "The the cat."))
    assert not supervisor_is_third_person(
        item_prompts, Prompt("s", "S", Role.SUPERVISOR, "Ask what you did.")
    )


def driscoll(library: Library, ref: str, stage: str, role: Role) -> str:
    """The Driscoll prompt text for ``ref`` at ``stage`` for ``role``."""
    prompt = prompts_for(library.item(ref), library.models["driscoll"]).for_stage(stage, role)
    assert prompt is not None
    return prompt.text


P, S = Role.PRACTITIONER, Role.SUPERVISOR

EXPECTED = [
    (
        "h3-25/pc/5",
        "what",
        P,
        "Describe a recent situation in which you needed to deal with challenging behaviour in a"
        " way which is sensitive to the customer, sustains your own role and is within"
        " organisational and legislative requirements. What happened, what did you do, and how"
        " did others respond?",
    ),
    (
        "h3-25/pc/5",
        "what",
        S,
        "Ask the practitioner to describe a recent situation in which they needed to deal with"
        " challenging behaviour in a way which is sensitive to the customer, sustains their own"
        " role and is within organisational and legislative requirements. Listen for what"
        " happened, what they did and how others responded.",
    ),
    (
        "h3-25/pc/9",
        "now-what",
        S,
        "Agree with the practitioner what they will do differently the next time they need to"
        " actively encourage and support customers in expressing their perspectives, needs,"
        " wishes, values and feelings towards the practitioner and organisation. Ask what"
        " support or learning would help.",
    ),
    (
        "h3-25/k/c",
        "so-what",
        P,
        "Looking back, how did what you knew, or did not know, shape what you did? What does the"
        " situation show about your understanding of the limits and boundaries to your duties,"
        " responsibilities and power and why it is important to explain these to the customer?",
    ),
    (
        "h3-25/k/c",
        "so-what",
        S,
        "Explore with the practitioner how what they knew, or did not know, shaped what they"
        " did. Ask what the situation shows about their understanding of the limits and"
        " boundaries to their duties, responsibilities and power and why it is important to"
        " explain these to the customer.",
    ),
    (
        "h3-25/k/h",
        "what",
        P,
        "Describe a recent situation that called on what you know about how to deal with"
        " difficult and challenging behaviour. What happened, and what did you draw on?",
    ),
    (
        "h3-25/k/h",
        "now-what",
        S,
        "Agree with the practitioner how they will deepen their understanding of how to deal"
        " with difficult and challenging behaviour. Ask how they will use that learning in their"
        " work.",
    ),
    (
        "h3-25/k/m",
        "what",
        P,
        "Describe a recent situation that called on what you know about the ways in which"
        " feelings of anger and frustration can be displaced from their original source to those"
        " in authority and how you can deal with this e.g. reflecting back. What happened, and"
        " what did you draw on?",
    ),
    (
        "h3-25/k/m",
        "what",
        S,
        "Ask the practitioner to describe a recent situation that called on what they know about"
        " the ways in which feelings of anger and frustration can be displaced from their"
        " original source to those in authority and how they can deal with this e.g. reflecting"
        " back. Listen for what happened and what they drew on.",
    ),
    (
        "h3-25/k/n",
        "now-what",
        P,
        "What will you do to deepen your understanding of reasons why the customer's initial"
        " expectations of the working relationship may not be realised and how you can overcome"
        " the customer's feelings of 'being let down'? How will you use that learning in your"
        " work?",
    ),
    (
        "h3-25/k/n",
        "now-what",
        S,
        "Agree with the practitioner how they will deepen their understanding of reasons why the"
        " customer's initial expectations of the working relationship may not be realised and"
        " how they can overcome the customer's feelings of 'being let down'. Ask how they will"
        " use that learning in their work.",
    ),
    (
        "cyp-4.3/k/2",
        "what",
        P,
        "Describe a recent situation in which you needed to draw on knowledge that all three"
        " components contribute to the maintenance of the therapeutic relationship. What"
        " happened, what did you do, and how did others respond?",
    ),
    (
        "cyp-4.3/k/4",
        "what",
        S,
        "Ask the practitioner to describe a recent situation that called on what they know about"
        " practitioner factors that reduce the probability of forming a positive therapeutic"
        " relationship. Listen for what happened and what they drew on.",
    ),
    (
        "cyp-4.3/k/4",
        POINTS_STAGE,
        P,
        "Think about practitioner factors that reduce the probability of forming a positive"
        " therapeutic relationship. Which of the points listed do you recognise from your work,"
        " and which would you like to understand better?",
    ),
    (
        "cyp-4.3/t/2",
        "what",
        P,
        "Describe a recent situation in which you needed to use appropriate interventions in"
        " response to disagreements about tasks and goals. What happened, what did you do, and"
        " how did others respond?",
    ),
    (
        "cyp-4.3/t/2",
        "what",
        S,
        "Ask the practitioner to describe a recent situation in which they needed to use"
        " appropriate interventions in response to disagreements about tasks and goals. Listen"
        " for what happened, what they did and how others responded.",
    ),
    (
        "cyp-4.3/t/2",
        POINTS_STAGE,
        P,
        "Think about times when you needed to use appropriate interventions in response to"
        " disagreements about tasks and goals. Which of the points listed apply to your work,"
        " and how?",
    ),
    (
        "cyp-4.3/t/2",
        POINTS_STAGE,
        S,
        "Ask the practitioner to think about times when they needed to use appropriate"
        " interventions in response to disagreements about tasks and goals. Explore which of the"
        " points listed apply to their work, and how.",
    ),
]


@pytest.mark.parametrize(
    ("ref", "stage", "role", "text"),
    EXPECTED,
    ids=[f"{ref}-{stage}-{role.value}" for ref, stage, role, _ in EXPECTED],
)
def test_exact_driscoll_prompts(
    full_library: Library, ref: str, stage: str, role: Role, text: str
) -> None:
    assert driscoll(full_library, ref, stage, role) == text


def test_exact_fixture_phrasings(full_library: Library) -> None:
    model = full_library.models["gibbs"]
    framework = full_library.frameworks[FIXTURE_FRAMEWORK]
    by_id = {ip.item.ref: ip for ip in prompts_for_framework(framework, model)}
    conclusion = {
        ref: (ip.for_stage("conclusion", P), ip.for_stage("conclusion", S))
        for ref, ip in by_id.items()
    }
    texts = {ref: (p.text, s.text) for ref, (p, s) in conclusion.items() if p and s}
    assert texts["test-styles/pc/5"] == (
        "What else could you have done? What have you learned about how to explain to young"
        " people what will happen to the information they share with you?",
        "Ask the practitioner what else they could have done. Explore what they have learned"
        " about how to explain to young people what will happen to the information they share"
        " with the practitioner.",
    )
    assert texts["test-styles/k/i"][0] == (
        "What else could you have done? What have you learned about the legislation that"
        " protects adults at risk of harm?"
    )
    assert texts["test-styles/k/m"][0].endswith(
        "learned about CAMHS referral routes and the thresholds for referral?"
    )
    assert texts["test-styles/ab/5"][1].endswith("how to recognise and to respond to risk.")


def test_generation_is_deterministic_and_cheap(full_library: Library) -> None:
    start = time.perf_counter()
    first = list(all_item_prompts(full_library))
    elapsed = time.perf_counter() - start
    second = list(all_item_prompts(full_library))
    assert first == second
    count = sum(len(item_prompts.prompts) for _, item_prompts in first)
    print(f"\nbuilt {count} prompts for {len(first)} item/model pairs in {elapsed * 1000:.1f} ms")


def test_a_template_without_its_slot_is_refused(full_library: Library) -> None:
    good = StagePrompts("About {action}?", "About {action}.")
    broken = StagePrompts("About {topic}?", "About {topic}.")
    stage = Stage("only", "Only", practice=broken, knowledge=broken)
    points = Stage(POINTS_STAGE, "Which points apply", practice=good, knowledge=good)
    model = ReflectiveModel("broken", "Broken", "nowhere", (stage,), points)
    with pytest.raises(ValueError, match="action"):
        prompts_for(full_library.item("h3-25/pc/1"), model)


def test_prompts_for_framework_of_an_empty_framework_is_empty(full_library: Library) -> None:
    empty = Framework("empty", "Empty", "nowhere", ())
    assert prompts_for_framework(empty, full_library.models["driscoll"]) == []


def test_bare_templates_still_give_sentences(full_library: Library) -> None:
    bare = StagePrompts("{action}", "{action} ?")
    knowing = StagePrompts("{topic}", "{topic}.")
    stage = Stage("bare", "Bare", practice=bare, knowledge=knowing)
    model = ReflectiveModel("bare", "Bare", "nowhere", (stage,), stage)
    practice = prompts_for(full_library.item("h3-25/pc/2"), model)
    assert [p.text for p in practice.prompts] == [
        "Take the necessary action promptly in situations which require immediate action.",
        "Take the necessary action promptly in situations which require immediate action?",
    ]
    knowledge = prompts_for(full_library.item("test-styles/k/f"), model)
    assert [p.text for p in knowledge.prompts] == [
        "Ways of managing your own stress at work.",
        "Ways of managing their own stress at work.",
        "Ways of managing your own stress at work.",
        "Ways of managing their own stress at work.",
    ]


def test_a_prompt_book_makes_each_items_prompts_once_and_only_when_asked(
    full_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    import supervise.prompts.generate as generate

    framework = full_library.frameworks["h3-25"]
    items = list(framework.items())[:5]
    made: list[str] = []
    real = generate.prompts_for

    def counting(item: Item, model: ReflectiveModel) -> ItemPrompts:
        made.append(item.ref)
        return real(item, model)

    monkeypatch.setattr(generate, "prompts_for", counting)
    book = PromptBook(items, full_library.model(None))
    assert list(book) == [item.ref for item in items] and len(book) == 5
    assert items[2].ref in book and "h3-25/pc/99" not in book
    assert made == []
    third = book[items[2].ref]
    assert third == real(items[2], full_library.model(None))
    assert book[items[2].ref] is third
    assert made == [items[2].ref]
    with pytest.raises(KeyError):
        book["h3-25/pc/99"]
