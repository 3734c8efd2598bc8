"""Decision records: one canonical spelling, withheld text, and decisions read back from records."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ispcheck import Checker, parse_disclosure
from ispcheck.records import (
    WITHHELD,
    canonical_json,
    decision_from_dict,
    decision_record,
    record_json,
    view_record,
    withhold_text,
)
from ispcheck.view import view_of

from .conftest import clean_disclosure
from .strategies import any_disclosures
from .test_register import EXAMPLES, SPECIAL

#: Every character JSON text can hold (lone surrogates cannot be written as UTF-8 at all).
EVERY_CHARACTER = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def test_canonical_json_sorts_keys_drops_spaces_and_keeps_unicode() -> None:
    assert canonical_json({"b": 1, "a": ["é", None, True]}) == '{"a":["é",null,true],"b":1}'


@settings(max_examples=150, deadline=None)
@given(any_disclosures(), st.booleans(), st.sampled_from((None, "DC 1234", 'Zoë \x00 "quoted"')))
def test_the_fast_record_encoding_is_exactly_the_canonical_one(
    checker: Checker, data: dict[str, Any], keep_text: bool, decided_by: str | None
) -> None:
    disclosure = parse_disclosure(data)
    decision = checker.check(disclosure)
    content = decision_record(disclosure, decision, decided_by=decided_by, keep_text=keep_text)
    assert record_json(content, decision) == canonical_json(content)
    assert json.loads(record_json(content, decision)) == content


def assert_same_as_the_contract_model_gives(
    checker: Checker, data: dict[str, Any], keep_text: bool, decided_by: str | None
) -> None:
    """The register's record of a view is the record of the contract model, spelt the same."""
    model = parse_disclosure(data)
    decision = checker.check(model)
    content, text = view_record(view_of(data), decision, decided_by=decided_by, keep_text=keep_text)
    expected = decision_record(model, decision, decided_by=decided_by, keep_text=keep_text)
    assert text == canonical_json(expected)
    assert content == expected
    assert json.dumps(content) == json.dumps(expected)  # the same keys in the same order


@settings(max_examples=300, deadline=None)
@given(any_disclosures(), st.booleans(), st.sampled_from((None, "DC 1234", 'Zoë \x00 "quoted"')))
def test_the_record_of_a_view_is_the_record_of_the_contract_model(
    checker: Checker, data: dict[str, Any], keep_text: bool, decided_by: str | None
) -> None:
    assert_same_as_the_contract_model_gives(checker, data, keep_text, decided_by)


def test_the_record_of_a_view_is_the_record_of_the_contract_model_for_awkward_disclosures(
    checker: Checker,
) -> None:
    for data in EXAMPLES.values():
        for keep_text in (False, True):
            assert_same_as_the_contract_model_gives(checker, data, keep_text, "DC 1234")


def test_every_character_is_spelt_as_canonical_json_spells_it(checker: Checker) -> None:
    disclosure = parse_disclosure(clean_disclosure(**SPECIAL))
    decision = checker.check(disclosure)
    content = decision_record(disclosure, decision, decided_by=EVERY_CHARACTER)
    expected = canonical_json(content)
    assert EVERY_CHARACTER[ord("]") :] in expected  # after the backslash, nothing needs escaping
    assert record_json(content, decision) == expected
    assert view_record(view_of(disclosure), decision, decided_by=EVERY_CHARACTER)[1] == expected


def test_who_decided_given_as_something_other_than_text_is_spelt_or_refused_as_before(
    checker: Checker,
) -> None:
    view = view_of(clean_disclosure())
    decision = checker.decide(view)
    content, text = view_record(view, decision, decided_by=1e16)  # type: ignore[arg-type]
    assert text == canonical_json(content) == record_json(content, decision)
    assert '"decided_by":1e+16' in text
    with pytest.raises(TypeError, match="not JSON serializable"):
        view_record(view, decision, decided_by=date(2026, 1, 1))  # type: ignore[arg-type]


def test_only_special_category_data_has_its_free_text_withheld() -> None:
    special, withheld = withhold_text(parse_disclosure(clean_disclosure(**SPECIAL)))
    assert withheld == ["data.description", "consent.restrictions"]
    assert special["data"]["description"] == special["consent"]["restrictions"] == WITHHELD
    assert special["necessity"]["statement"] == clean_disclosure()["necessity"]["statement"]
    plain, withheld = withhold_text(parse_disclosure(clean_disclosure()))
    assert withheld == [] and plain["data"]["description"] == clean_disclosure()["data"]["description"]


def test_special_category_types_alone_count_as_special_category_data() -> None:
    data = clean_disclosure(**{"data.special_category_types": ["religious_beliefs"]})
    _, withheld = withhold_text(parse_disclosure(data))
    assert withheld == ["data.description"]


def test_no_text_given_means_nothing_is_marked_withheld() -> None:
    data = clean_disclosure(**{**SPECIAL, "data.description": None, "consent.restrictions": None})
    shown, withheld = withhold_text(parse_disclosure(data))
    assert withheld == [] and shown["data"]["description"] is None


def test_a_stored_decision_reads_back_as_the_same_decision(checker: Checker) -> None:
    decision = checker.check(
        clean_disclosure(**{"handling.channel": "phone", "context.ongoing_investigation": True})
    )
    assert decision_from_dict(json.loads(json.dumps(decision.to_dict()))) == decision


def test_a_stored_finding_with_fields_this_version_does_not_know_still_reads(checker: Checker) -> None:
    stored = checker.check(clean_disclosure()).to_dict()
    stored["findings"][0]["severity_note"] = "added by a later ispcheck"
    assert decision_from_dict(stored).findings[0].rule_id == stored["findings"][0]["rule_id"]
