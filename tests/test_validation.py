"""Bad input is refused with every problem named by field, with the allowed values."""

from __future__ import annotations

import json

import pytest
import yaml

import ispcheck
from ispcheck import DisclosureError, parse_disclosure, parse_disclosure_text
from ispcheck.disclosure import Disclosure
from ispcheck.pack_forms import contract_fields
from ispcheck.schema import disclosure_schema
from ispcheck.validation import model_in

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
    assert found["context.urgent_risk_to_life"] == (
        'must be true or false (a JSON boolean), or null if not known; got "maybe"'
    )


@pytest.mark.parametrize(
    ("given", "shown"),
    [("no", '"no"'), ("yes", '"yes"'), ("true", '"true"'), ("1", '"1"'), ("on", '"on"'), (0, "0"), (1, "1")],
)
def test_a_yes_no_fact_given_as_text_or_a_number_is_refused_naming_the_field(
    given: object, shown: str
) -> None:
    data = clean_disclosure(**{"context.ongoing_investigation": given})
    data["subjects"][0]["is_child"] = given
    found = problems(data)
    expected = f"must be true or false (a JSON boolean), or null if not known; got {shown}"
    assert found == {"context.ongoing_investigation": expected, "subjects.0.is_child": expected}


@pytest.mark.parametrize("given", [True, False, None])
def test_true_false_and_null_are_accepted_for_a_yes_no_fact(given: bool | None) -> None:
    disclosure = parse_disclosure(clean_disclosure(**{"context.ongoing_investigation": given}))
    assert disclosure.context.ongoing_investigation is given


def test_a_long_text_given_for_a_yes_no_fact_is_shown_shortened() -> None:
    found = problems(clean_disclosure(**{"accuracy.identity_verified": "x" * 500}))
    assert found["accuracy.identity_verified"].endswith('got "' + "x" * 56 + "...")


def test_a_list_or_an_object_for_a_yes_no_fact_is_named_by_its_kind() -> None:
    data = clean_disclosure(**{"accuracy.identity_verified": [True], "consent.recorded": {"yes": True}})
    found = problems(data)
    assert found["accuracy.identity_verified"].endswith("; got a list")
    assert found["consent.recorded"].endswith("; got an object")


@pytest.mark.parametrize("path", ["purpose.code", "context.ongoing_investigation", "data.categories"])
def test_a_dict_nested_100000_deep_is_refused_as_bad_input_not_a_fault(path: str) -> None:
    deep: object = 1
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(DisclosureError):
        ispcheck.check(clean_disclosure(**{path: deep}))


def test_checking_a_dict_with_yes_for_a_fact_decides_nothing_and_names_the_field() -> None:
    with pytest.raises(DisclosureError) as caught:
        ispcheck.check(clean_disclosure(**{"context.ongoing_investigation": "yes"}))
    assert [p.path for p in caught.value.problems] == ["context.ongoing_investigation"]


def test_no_for_a_yes_no_fact_in_yaml_is_text_and_refused_naming_the_field() -> None:
    text = yaml.safe_dump(clean_disclosure()).replace(
        "ongoing_investigation: false", "ongoing_investigation: no"
    )
    assert "ongoing_investigation: no" in text
    with pytest.raises(DisclosureError) as caught:
        parse_disclosure_text(text, source="case.yaml")
    assert [(p.path, p.message) for p in caught.value.problems] == [
        (
            "context.ongoing_investigation",
            'must be true or false (a JSON boolean), or null if not known; got "no"',
        )
    ]


def test_false_for_a_yes_no_fact_in_yaml_is_read_as_false() -> None:
    text = yaml.safe_dump(clean_disclosure(**{"context.ongoing_investigation": True}))
    text = text.replace("ongoing_investigation: true", "ongoing_investigation: False")
    assert parse_disclosure_text(text).context.ongoing_investigation is False


def test_a_key_given_twice_is_refused_before_anything_is_validated() -> None:
    text = json.dumps(clean_disclosure())
    text = text.replace(
        '"ongoing_investigation": false', '"ongoing_investigation": false, "ongoing_investigation": true'
    )
    with pytest.raises(DisclosureError) as caught:
        parse_disclosure_text(text)
    assert [p.path for p in caught.value.problems] == ["context.ongoing_investigation"]


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


def test_the_schema_says_every_yes_no_fact_is_a_boolean_or_null() -> None:
    """Strict in the contract, and still plain booleans to anyone reading the schema."""
    definitions = disclosure_schema()["$defs"]
    flags = [path for path, values in contract_fields().items() if values == ()]
    # with subjects.deceased, lawful_basis.strictly_necessary and policy_document, recipient.is_data_subject
    assert len(flags) == 27
    for path in flags:
        group, name = path.split(".")
        model = model_in(Disclosure.model_fields[group].annotation)
        assert model is not None
        field = definitions[model.__name__]["properties"][name]
        assert field["anyOf"] == [{"type": "boolean"}, {"type": "null"}], path


def test_the_schema_publishes_the_contract_and_forbids_unknown_fields() -> None:
    schema = disclosure_schema()
    assert schema["$schema"].endswith("2020-12/schema")
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"discloser", "recipient", "data", "purpose", "handling"}
    channel = schema["$defs"]["Handling"]["properties"]["channel"]
    assert "secure_email" in channel["enum"]


def test_the_schema_allows_a_null_optional_group_as_the_contract_does_and_not_a_null_required_one() -> None:
    """A case system validating against the schema must accept what ispcheck accepts."""
    from ispcheck import Checker

    properties = disclosure_schema()["properties"]
    for group in ("subjects", "lawful_basis", "consent", "necessity", "accuracy", "context"):
        assert {"type": "null"} in properties[group]["anyOf"], group
        Checker(use_entry_points=False).check(clean_disclosure(**{group: None}))  # accepted
    for group in ("discloser", "recipient", "data", "purpose", "handling"):
        assert "anyOf" not in properties[group], group
        with pytest.raises(DisclosureError):
            Checker(use_entry_points=False).check(clean_disclosure(**{group: None}))


def test_a_long_value_outside_a_vocabulary_is_shown_cut_short_with_its_length() -> None:
    from ispcheck.validation import parse_disclosure

    with pytest.raises(DisclosureError) as caught:
        parse_disclosure(clean_disclosure(**{"purpose.code": "x" * 100_000}))
    (problem,) = caught.value.problems
    assert problem.path == "purpose.code"
    assert len(problem.message) < 400
    assert "... (100,002 characters) is not allowed" in problem.message


def test_a_short_value_outside_a_vocabulary_is_shown_whole() -> None:
    from ispcheck.validation import parse_disclosure

    with pytest.raises(DisclosureError) as caught:
        parse_disclosure(clean_disclosure(**{"purpose.code": "prevent_crim"}))
    assert caught.value.problems[0].message.startswith("'prevent_crim' is not allowed")


# -- the request form: yes, no, or "not_applicable" (issue 15, item 5) -----------------------


@pytest.mark.parametrize("given", [True, False, None, "not_applicable"])
def test_the_request_form_takes_yes_no_not_known_or_not_applicable(given: object) -> None:
    disclosure = parse_disclosure(clean_disclosure(**{"context.formal_request_form": given}))
    assert disclosure.context.formal_request_form == given
    view = ispcheck.view_of(clean_disclosure(**{"context.formal_request_form": given}))
    assert view.context.formal_request_form == given


@pytest.mark.parametrize("given", ["Not_Applicable", "not applicable", "n/a", "yes", 1, 0])
def test_the_request_form_given_as_any_other_word_or_a_number_is_refused(given: object) -> None:
    found = problems(clean_disclosure(**{"context.formal_request_form": given}))
    assert list(found) == ["context.formal_request_form"]
    assert found["context.formal_request_form"].startswith(
        'must be true or false (a JSON boolean), "not_applicable", or null if not known; got '
    )


def test_who_uses_the_evidence_takes_only_the_recipient_or_the_discloser() -> None:
    for given in ("recipient", "discloser", None):
        parsed = parse_disclosure(clean_disclosure(**{"context.evidence_used_by": given}))
        assert parsed.context.evidence_used_by == given
    found = problems(clean_disclosure(**{"context.evidence_used_by": "court"}))
    assert "context.evidence_used_by" in found


def test_the_schema_offers_not_applicable_for_the_request_form_and_the_new_context_facts() -> None:
    context = disclosure_schema()["$defs"]["Context"]["properties"]
    kinds = json.dumps(context["formal_request_form"])
    assert '"boolean"' in kinds and '"not_applicable"' in kinds
    assert {"evidence_used_by", "chair_agreed", "meeting_name"} <= set(context)
    assert "other_meeting" in json.dumps(context["setting"]) and "other_meeting" in json.dumps(
        context["from_meeting"]
    )
