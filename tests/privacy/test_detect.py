"""Identifiers found in what people type: each kind, with the text that must not be flagged."""

from __future__ import annotations

from datetime import date

import pytest

from supervise.privacy import Kind, find_identifiers, replace_identifiers, replaced_span
from supervise.privacy.births import age_on
from supervise.privacy.names import person_letter
from supervise.privacy.nhs import is_nhs_number, nhs_check_digit

TODAY = date(2026, 12, 3)


def found(text: str, served: tuple[str, ...] = ()) -> list[tuple[Kind, str]]:
    return [(f.kind, f.text) for f in find_identifiers(text, served, TODAY)]


# -- NHS numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["943 476 5919", "9434765919", "943-476-5919", "401 023 2137"])
def test_an_nhs_number_with_a_valid_check_digit_is_found_however_it_is_spaced(number: str) -> None:
    assert found(f"Her NHS no. is {number}, as on the letter.") == [(Kind.NHS_NUMBER, number)]


@pytest.mark.parametrize(
    "text",
    [
        "943 476 5918",  # last digit off by one
        "943 476 5910",
        "9434765919123",  # part of a longer number
        "943 4765 919",  # grouped unlike an NHS number
        "943 476-5919",  # two different separators
        "ref 1234567890",  # check digit would be 10: no NHS number has it
    ],
)
def test_ten_digits_with_a_wrong_check_digit_or_shape_are_not_an_nhs_number(text: str) -> None:
    assert Kind.NHS_NUMBER not in [kind for kind, _ in found(text)]


def test_the_check_digit_follows_modulus_11() -> None:
    assert nhs_check_digit("943476591") == 9
    assert nhs_check_digit("123456789") is None  # remainder 10: never issued
    assert is_nhs_number("943 476 5919")
    assert not is_nhs_number("943 476 591")


# -- postcodes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "postcode", ["SW1A 1AA", "M1 1AE", "EH99 1SP", "B33 8TH", "CR2 6XH", "DN55 1PT", "sw1a 1aa"]
)
def test_uk_postcodes_are_found(postcode: str) -> None:
    assert found(f"She moved to {postcode} last month.") == [(Kind.POSTCODE, postcode)]


def test_a_postcode_without_its_space_counts_in_capitals_only() -> None:
    assert found("at SW1A1AA") == [(Kind.POSTCODE, "SW1A1AA")]
    assert found("typed m11ae by mistake") == []


@pytest.mark.parametrize(
    "text",
    [
        "vitamin B12 today",
        "room 4B",
        "the A1 road",
        "QQ1 1AA",
        "M1 1CI",
        "AB12CD",
        "level b1 2nd floor",
    ],
)
def test_words_and_codes_that_are_not_postcodes_are_left_alone(text: str) -> None:
    assert found(text) == []


# -- phone numbers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phone",
    [
        "07700 900123",
        "07700900123",
        "07700-900-123",
        "020 7946 0958",
        "0161 496 0000",
        "(01632) 960123",
        "0800 123 4567",
        "+44 7700 900123",
        "+447700900123",
        "+44 (0)20 7946 0958",
        "0044 20 7946 0958",
    ],
)
def test_uk_landlines_and_mobiles_are_found_in_national_and_44_forms(phone: str) -> None:
    assert found(f"Ring her on {phone} after six.") == [(Kind.PHONE, phone)]


@pytest.mark.parametrize(
    "text",
    [
        "12345 678901",  # no leading 0
        "0900 1234",  # too short
        "0161 496 00",  # too short for a landline
        "+33 1 23 45 67 89",  # not a UK number
        "06123 456789",  # 06 is no UK range
        "01/03/2012",  # a date
        "score 0 1 2 3 4",
    ],
)
def test_numbers_that_are_not_uk_phone_numbers_are_left_alone(text: str) -> None:
    kinds = [kind for kind, found_text in found(text) if found_text == text]
    assert Kind.PHONE not in kinds


# -- e-mail addresses ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "email", ["jo@example.com", "jo.smith+care@example.co.uk", "J_O-1@mail.example.org"]
)
def test_email_addresses_are_found_without_a_closing_full_stop(email: str) -> None:
    assert found(f"Write to {email}.") == [(Kind.EMAIL, email)]


@pytest.mark.parametrize("text", ["jo@", "@example.com", "jo at example dot com", "a@b"])
def test_half_addresses_are_not_emails(text: str) -> None:
    assert found(text) == []


def test_a_postcode_inside_an_email_address_is_the_address() -> None:
    assert found("sw1a1aa@example.com") == [(Kind.EMAIL, "sw1a1aa@example.com")]


# -- dates of birth ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("She was born on 12/03/2012.", "12/03/2012"),
        ("DOB: 3rd March 2009", "3rd March 2009"),
        ("D.O.B. 03.04.09", "03.04.09"),
        ("date of birth 2010-05-04", "2010-05-04"),
        ("Her birthday is April 3, 2015", "April 3, 2015"),
        ("12/03/2012 (DOB)", "12/03/2012"),
        ("aged 14 (12/03/2012)", "12/03/2012"),
        ("the baby, born 30 November 2026, is well", "30 November 2026"),
        ("he is 80 years old, 1 Jan 1946", "1 Jan 1946"),
    ],
)
def test_a_full_date_with_birth_or_age_words_is_a_date_of_birth(text: str, written: str) -> None:
    assert found(text) == [(Kind.BIRTH_DATE, written)]


@pytest.mark.parametrize(
    "text",
    [
        "We met on 12/03/2025 to review.",
        "Next review 12/03/2027.",
        "On 3 May 2015 she moved.",
        "He was born in Leeds. We met on 01/12/2026.",  # the birth words are another sentence
        "We met on 01/12/2026 and she told me about her birthday.",  # the words come after
        "aged 14, seen 3/4/2026",  # would make her 0: a meeting, not a birth
        "born 31/02/2012",  # no such day
        "born 12/03/2029",  # still to come
        "born 12/03/1850",  # history
        "DOB 12/03",  # no year: not a full date
    ],
)
def test_meeting_dates_and_dates_without_birth_words_are_left_alone(text: str) -> None:
    assert found(text) == []


def test_age_counts_whole_years_to_the_birthday() -> None:
    assert age_on(date(2012, 12, 4), TODAY) == 13
    assert age_on(date(2012, 12, 3), TODAY) == 14


# -- people served -------------------------------------------------------------------------


def test_a_marked_name_is_found_in_any_case_and_spacing() -> None:
    text = "I talked to JANE  smith and then to jane\nSmith's mum."
    assert found(text, ("Jane Smith",)) == [
        (Kind.PERSON, "JANE  smith"),
        (Kind.PERSON, "jane\nSmith"),
    ]


def test_a_marked_name_is_not_found_inside_other_words_or_alone() -> None:
    assert found("janesmith, Jane, Smithson, Jane Smithers", ("Jane Smith",)) == []


def test_names_are_only_found_once_marked() -> None:
    assert found("Jane Smith called.") == []


def test_each_person_keeps_their_letter_even_when_an_earlier_one_is_unmarked() -> None:
    findings = find_identifiers("Tom Jones met Ann Lee", ("", "Tom Jones", "Ann Lee"), TODAY)
    assert [f.placeholder for f in findings] == ["[person B]", "[person C]"]
    assert [person_letter(i) for i in (0, 25, 26, 27)] == ["A", "Z", "AA", "AB"]


def test_names_with_apostrophes_and_accents_are_found() -> None:
    assert found("with siân o'brien today", ("Siân O'Brien",)) == [(Kind.PERSON, "siân o'brien")]


# -- replacing -----------------------------------------------------------------------------


def test_replacing_puts_a_placeholder_for_each_and_keeps_every_other_word() -> None:
    text = (
        "Jane Smith (943 476 5919, born 12/03/2012) lives at M1 1AE; jo@example.com, 07700 900123."
    )
    findings = find_identifiers(text, ("Jane Smith",), TODAY)
    assert replace_identifiers(text, findings) == (
        "[person A] ([NHS number], born [date of birth]) lives at [postcode]; "
        "[e-mail address], [phone number]."
    )


def test_the_replaced_span_covers_first_to_last_finding_only() -> None:
    text = "Start. M1 1AE and EH99 1SP. End."
    start, end, new = replaced_span(text, find_identifiers(text, (), TODAY)) or (0, 0, "")
    assert text[:start] + new + text[end:] == "Start. [postcode] and [postcode]. End."
    assert (start, end) == (7, 26)
    assert replaced_span(text, ()) is None


def test_plain_reflective_writing_has_no_identifiers() -> None:
    text = (
        "What happened? On 3 May I visited a tenant at home. I felt anxious about the 2 dogs, "
        "and we agreed 3 actions by 12/03/2027. Room 4B, flat 12, ext. 4567, 10:30-11:45, "
        "£1,234.56 arrears, 50% of the rent, items 1-10, H3 25 and CYP 4.3."
    )
    assert found(text) == []


def test_a_long_text_is_searched_quickly_enough_to_run_off_the_screen_thread() -> None:
    text = ("word " * 200 + "943 476 5919 ") * 100  # about 100 KB
    assert len(find_identifiers(text, ("Jane Smith",), TODAY)) == 100
