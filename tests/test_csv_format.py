"""The CSV form of a disclosure: columns from the contract, cells read as the contract expects."""

from __future__ import annotations

import pytest

from ispcheck import parse_disclosure
from ispcheck.csv_format import (
    COLUMNS,
    REQUIRED_COLUMNS,
    disclosure_to_row,
    header_problems,
    read_header,
    row_to_disclosure,
)

from .conftest import clean_disclosure


def test_every_field_of_the_contract_is_a_column() -> None:
    assert COLUMNS[:4] == (
        "discloser.organisation",
        "discloser.officer",
        "discloser.kind",
        "recipient.organisation",
    )
    assert "recipient.kind" in COLUMNS
    assert "subjects" in COLUMNS and "context.dpia_in_place" in COLUMNS
    assert "data.special_category_types" in COLUMNS
    assert len(COLUMNS) == len(set(COLUMNS))


def test_a_csv_header_must_have_every_required_column() -> None:
    missing = {p.path for p in header_problems(["discloser.organisation", "subjects"])}
    assert missing == {
        "recipient.organisation",
        "data.categories",
        "purpose.code",
        "handling.classification",
        "handling.channel",
    }


def test_csv_cells_read_as_the_contract_expects() -> None:
    header, problems = read_header(
        ["\ufeffsubjects", " data.categories ", "recipient.has_secure_email", "consent.status"]
    )
    assert problems == [p for p in problems if p.message == "this required column is missing"]
    data, problems = row_to_disclosure(
        header, ["victim:child; offender ;witness:adult", "personal;criminal_offence", "true", ""]
    )
    assert problems == []
    assert data == {
        "subjects": [
            {"role": "victim", "is_child": True},
            {"role": "offender"},
            {"role": "witness", "is_child": False},
        ],
        "data": {"categories": ["personal", "criminal_offence"]},
        "recipient": {"has_secure_email": True},
    }


def test_a_subjects_cell_says_whether_each_person_has_died() -> None:
    header, _ = read_header(["subjects"])
    data, problems = row_to_disclosure(
        header, ["victim:adult:deceased; offender:living ;witness:deceased;other:child"]
    )
    assert problems == []
    assert data["subjects"] == [
        {"role": "victim", "is_child": False, "deceased": True},
        {"role": "offender", "deceased": False},
        {"role": "witness", "deceased": True},
        {"role": "other", "is_child": True},
    ]


@pytest.mark.parametrize("cell", ["victim:deceased:adult", "victim:dead", "victim:adult:deceased:living"])
def test_a_subjects_cell_with_parts_out_of_order_or_unknown_is_refused(cell: str) -> None:
    header, _ = read_header(["subjects"])
    _, problems = row_to_disclosure(header, [cell])
    (problem,) = problems
    assert problem.path == "subjects"
    assert ":deceased or :living" in problem.message


def test_an_unknown_column_suggests_the_nearest_one() -> None:
    (problem,) = header_problems([*REQUIRED_COLUMNS, "consnet.status"])
    assert problem.path == "consnet.status"
    assert "Did you mean 'consent.status'?" in problem.message


def test_a_repeated_column_is_a_problem() -> None:
    (problem,) = header_problems([*REQUIRED_COLUMNS, "purpose.code"])
    assert problem.message == "this column appears more than once"


def test_a_row_written_from_a_disclosure_reads_back_as_the_same_disclosure() -> None:
    data = clean_disclosure(
        subjects=[
            {"role": "victim", "is_child": True},
            {"role": "witness", "is_child": False, "deceased": False},
            {"role": "other", "deceased": True},
        ]
    )
    data["data"]["description"] = 'address; phone, and "nickname"'
    row = disclosure_to_row(data)
    read, problems = row_to_disclosure(list(COLUMNS), [row[c] for c in COLUMNS])
    assert problems == []
    assert parse_disclosure(read) == parse_disclosure(data)


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("true", True),
        ("TRUE", True),
        ("yes", True),
        ("Yes", True),
        ("1", True),
        ("Y", True),
        ("false", False),
        ("no", False),
        ("NO", False),
        ("0", False),
        ("n", False),
    ],
)
def test_a_yes_no_cell_is_read_as_a_boolean_as_before(cell: str, value: bool) -> None:
    """A CSV cell is always text, so the CSV form, and only it, reads these words as yes and no."""
    header = [*REQUIRED_COLUMNS, "context.ongoing_investigation"]
    row = [disclosure_to_row(clean_disclosure())[c] for c in REQUIRED_COLUMNS]
    data, problems = row_to_disclosure(header, [*row, f" {cell} "])
    assert problems == []
    assert data["context"] == {"ongoing_investigation": value}
    assert parse_disclosure(data).context.ongoing_investigation is value


def test_a_yes_no_cell_that_says_neither_is_refused_naming_the_column() -> None:
    header = [*REQUIRED_COLUMNS, "context.ongoing_investigation"]
    row = [disclosure_to_row(clean_disclosure())[c] for c in REQUIRED_COLUMNS]
    data, problems = row_to_disclosure(header, [*row, "maybe"])
    assert [(p.path, p.message) for p in problems] == [
        (
            "context.ongoing_investigation",
            "'maybe' is not allowed: write true or false (yes/no and 1/0 also work), "
            "or leave the cell empty if not known",
        )
    ]
    assert "context" not in data


def test_a_text_cell_saying_yes_stays_text() -> None:
    header = [*REQUIRED_COLUMNS, "purpose.statement"]
    row = [disclosure_to_row(clean_disclosure())[c] for c in REQUIRED_COLUMNS]
    data, problems = row_to_disclosure(header, [*row, "yes"])
    assert problems == []
    assert data["purpose"] == {"code": "prevent_crime", "statement": "yes"}


@pytest.mark.parametrize("cell", ["not_applicable", "Not_Applicable", " NOT_APPLICABLE "])
def test_a_request_form_cell_may_say_not_applicable_in_any_case(cell: str) -> None:
    """The form fact takes "not_applicable" besides yes and no, in a CSV cell as in JSON."""
    header = [*REQUIRED_COLUMNS, "context.formal_request_form"]
    row = [disclosure_to_row(clean_disclosure())[c] for c in REQUIRED_COLUMNS]
    data, problems = row_to_disclosure(header, [*row, cell])
    assert problems == []
    assert data["context"] == {"formal_request_form": "not_applicable"}
    assert parse_disclosure(data).context.formal_request_form == "not_applicable"


def test_a_request_form_cell_still_reads_yes_and_no_words_as_before() -> None:
    header = [*REQUIRED_COLUMNS, "context.formal_request_form"]
    row = [disclosure_to_row(clean_disclosure())[c] for c in REQUIRED_COLUMNS]
    data, problems = row_to_disclosure(header, [*row, "Yes"])
    assert problems == []
    assert data["context"] == {"formal_request_form": True}


def test_not_applicable_is_refused_in_a_yes_no_column_that_does_not_take_it() -> None:
    header = [*REQUIRED_COLUMNS, "context.ongoing_investigation"]
    row = [disclosure_to_row(clean_disclosure())[c] for c in REQUIRED_COLUMNS]
    data, problems = row_to_disclosure(header, [*row, "not_applicable"])
    assert "context" not in data
    assert [p.path for p in problems] == ["context.ongoing_investigation"]
    assert "or not_applicable" not in problems[0].message


def test_a_request_form_cell_that_says_something_else_is_refused_naming_not_applicable() -> None:
    header = [*REQUIRED_COLUMNS, "context.formal_request_form"]
    row = [disclosure_to_row(clean_disclosure())[c] for c in REQUIRED_COLUMNS]
    _, problems = row_to_disclosure(header, [*row, "n/a"])
    assert [p.path for p in problems] == ["context.formal_request_form"]
    assert "or not_applicable" in problems[0].message


def test_a_row_with_the_new_context_facts_reads_back_as_the_same_disclosure() -> None:
    data = clean_disclosure(
        **{
            "context.evidential_use": True,
            "context.evidence_used_by": "discloser",
            "context.formal_request_form": "not_applicable",
            "context.chair_agreed": True,
            "context.setting": "other_meeting",
            "context.meeting_name": "modern slavery referral panel",
        }
    )
    row = disclosure_to_row(data)
    read, problems = row_to_disclosure(list(row), list(row.values()))
    assert problems == []
    assert parse_disclosure(read) == parse_disclosure(data)


# -- other recipients and small numbers (issue 15, items 3 and 9) -------------------------------


def test_other_recipients_are_names_separated_by_semicolons_and_the_smallest_count_is_a_number() -> None:
    header, _ = read_header(["recipient.other_recipients", "data.smallest_count", "handling.distribution"])
    data, problems = row_to_disclosure(header, ["Refuge; Rugby Borough Council", "3", "several_visible"])
    assert problems == []
    assert data == {
        "recipient": {"other_recipients": ["Refuge", "Rugby Borough Council"]},
        "data": {"smallest_count": 3},
        "handling": {"distribution": "several_visible"},
    }


@pytest.mark.parametrize("cell", ["three", "3.0", "-1", "٣"])
def test_a_smallest_count_that_is_not_a_whole_number_in_digits_is_a_problem_naming_the_column(
    cell: str,
) -> None:
    header, _ = read_header(["data.smallest_count"])
    data, problems = row_to_disclosure(header, [cell])
    assert data == {}
    (problem,) = problems
    assert problem.path == "data.smallest_count" and "whole number" in problem.message


def test_a_row_with_other_recipients_and_a_smallest_count_reads_back_as_the_same_disclosure() -> None:
    data = clean_disclosure(
        **{
            "recipient.other_recipients": ["Refuge", "Warwickshire County Council"],
            "recipient.is_data_subject": False,
            "handling.distribution": "several_hidden",
            "data.smallest_count": 0,
        }
    )
    row = disclosure_to_row(data)
    assert row["recipient.other_recipients"] == "Refuge;Warwickshire County Council"
    assert row["data.smallest_count"] == "0"
    header, _ = read_header(list(row))
    back, problems = row_to_disclosure(header, list(row.values()))
    assert problems == []
    assert parse_disclosure(back) == parse_disclosure(data)


def test_a_consent_limits_cell_saying_none_means_there_are_no_limits_and_empty_means_not_known() -> None:
    """An empty cell is "not known", so "no limits on consent" (empty text in JSON) is written none."""
    header = [*REQUIRED_COLUMNS, "consent.restrictions"]
    row = [disclosure_to_row(clean_disclosure())[c] for c in REQUIRED_COLUMNS]
    for cell in ("none", "None", " NONE "):
        data, problems = row_to_disclosure(header, [*row, cell])
        assert problems == []
        assert data["consent"] == {"restrictions": ""}
    data, _ = row_to_disclosure(header, [*row, ""])
    assert "consent" not in data
    data, _ = row_to_disclosure(header, [*row, "only for the safety visit"])
    assert data["consent"] == {"restrictions": "only for the safety visit"}


def test_no_limits_on_consent_is_written_none_and_reads_back_the_same() -> None:
    data = clean_disclosure(**{"consent.restrictions": ""})
    row = disclosure_to_row(data)
    assert row["consent.restrictions"] == "none"
    back, problems = row_to_disclosure(list(row), list(row.values()))
    assert problems == []
    assert parse_disclosure(back) == parse_disclosure(data)
    assert disclosure_to_row(clean_disclosure(**{"consent.restrictions": None}))["consent.restrictions"] == ""
