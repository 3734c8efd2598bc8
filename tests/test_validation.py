"""Bad input is refused with every problem named by field, with the allowed values."""

from __future__ import annotations

import json

import pytest

from ispcheck import DisclosureError, parse_disclosure, parse_disclosure_text
from ispcheck.schema import disclosure_schema

from .conftest import clean_disclosure


def problems(data: object) -> dict[str, str]:
    with pytest.raises(DisclosureError) as caught:
        parse_disclosure(data)  # type: ignore[arg-type]
    return {p.path: p.message for p in caught.value.problems}


def test_a_typo_in_a_field_name_is_an_error_that_suggests_the_right_name() -> None:
    data = clean_disclosure()
    data["consnet"] = data.pop("consent")
    found = problems(data)
    assert "Did you mean 'consent'?" in found["consnet"]


def test_an_unknown_field_inside_a_group_lists_the_fields_allowed_there() -> None:
    found = problems(clean_disclosure(**{"consent.recoded": True}))
    assert "recorded" in found["consent.recoded"]
    assert "restrictions" in found["consent.recoded"]


def test_a_value_outside_the_vocabulary_lists_the_allowed_values() -> None:
    found = problems(clean_disclosure(**{"handling.channel": "email"}))
    assert "'email' is not allowed" in found["handling.channel"]
    assert "secure_email" in found["handling.channel"]


def test_a_bad_list_item_is_reported_by_its_position_only() -> None:
    found = problems(clean_disclosure(**{"data.categories": ["personnal"]}))
    assert list(found) == ["data.categories.0"]


def test_every_required_field_is_required() -> None:
    found = problems({})
    assert {"discloser", "recipient", "data", "purpose", "handling"} <= set(found)
    found = problems(clean_disclosure(**{"handling.channel": ..., "data.categories": ...}))
    assert {"handling.channel", "data.categories"} <= set(found)


def test_an_empty_organisation_name_is_an_error() -> None:
    assert "discloser.organisation" in problems(clean_disclosure(**{"discloser.organisation": "  "}))


def test_an_empty_category_list_is_an_error() -> None:
    assert "data.categories" in problems(clean_disclosure(**{"data.categories": []}))


def test_a_yes_no_fact_must_be_true_false_or_null() -> None:
    found = problems(clean_disclosure(**{"context.urgent_risk_to_life": "maybe"}))
    assert "true, false, or null" in found["context.urgent_risk_to_life"]


def test_null_optional_groups_mean_not_known_rather_than_an_error() -> None:
    data = clean_disclosure(lawful_basis=None, consent=None, context=None, subjects=None)
    disclosure = parse_disclosure(data)
    assert disclosure.lawful_basis.article6 is None
    assert disclosure.context.setting is None  # not known: a risk, so the decision asks for it


def test_a_disclosure_must_be_an_object() -> None:
    with pytest.raises(DisclosureError, match="JSON object"):
        parse_disclosure(["not", "an", "object"])  # type: ignore[arg-type]


def test_yaml_and_json_texts_are_both_read() -> None:
    as_json = json.dumps(clean_disclosure())
    assert parse_disclosure_text(as_json).purpose.code == "prevent_crime"
    as_yaml = "discloser: {organisation: Warwickshire Police}\nrecipient: {organisation: Refuge}\n"
    as_yaml += "data: {categories: [personal]}\npurpose: {code: safeguarding}\n"
    as_yaml += "handling: {classification: OFFICIAL-SENSITIVE, channel: secure_email}\n"
    assert parse_disclosure_text(as_yaml).recipient.organisation == "Refuge"


def test_text_that_is_neither_json_nor_yaml_is_reported_with_its_position() -> None:
    with pytest.raises(DisclosureError, match="line 1"):
        parse_disclosure_text("{ this: [is not closed", source="case.yaml")


def test_an_empty_file_is_reported() -> None:
    with pytest.raises(DisclosureError, match="empty"):
        parse_disclosure_text("", source="case.yaml")


def test_the_schema_publishes_the_contract_and_forbids_unknown_fields() -> None:
    schema = disclosure_schema()
    assert schema["$schema"].endswith("2020-12/schema")
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"discloser", "recipient", "data", "purpose", "handling"}
    channel = schema["$defs"]["Handling"]["properties"]["channel"]
    assert "secure_email" in channel["enum"]
