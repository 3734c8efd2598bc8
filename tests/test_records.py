"""Decision records: one canonical spelling, withheld text, and decisions read back from records."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ispcheck import Checker, parse_disclosure
from ispcheck.records import (
    WITHHELD,
    canonical_json,
    decision_from_dict,
    decision_record,
    record_json,
    withhold_text,
)

from .conftest import clean_disclosure
from .strategies import any_disclosures
from .test_register import SPECIAL


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
