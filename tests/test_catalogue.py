"""The catalogue beside the rules: what unknown facts mean, and the readings beyond the words."""

from __future__ import annotations

from ispcheck import Checker
from ispcheck.catalogue import fact_catalogue, interpretation_catalogue, rules_resting_on


def test_each_unknowable_risk_fact_names_the_rule_that_says_what_to_confirm(checker: Checker) -> None:
    facts = {f["path"]: f for f in fact_catalogue(checker)}
    assert facts["context.ongoing_investigation"]["confirmed_by"] == ["unknown.ongoing-investigation"]
    assert facts["context.profiling_children"]["confirmed_by"] == ["unknown.profiling"]
    assert facts["context.investigating_officer_consulted"]["confirmed_by"] == []
    rule_ids = {r.rule.id for r in checker.rules}
    for fact in facts.values():
        assert set(fact["confirmed_by"]) <= rule_ids


def test_every_interpretation_lists_the_rules_that_rest_on_it(checker: Checker) -> None:
    resting = rules_resting_on(checker)
    assert "setting.guest-needs-chair" in resting["marac-guest-needs-chair"]
    assert "onward.meeting-content" not in resting["marac-guest-needs-chair"]
    assert "onward.meeting-content" in resting["early-help-chair"]
    assert "unknown.from-meeting" in resting["unknown-risk-not-absent"]


def test_every_rule_reading_is_one_the_pack_sets_out(checker: Checker) -> None:
    known = {entry["id"] for entry in interpretation_catalogue(checker)}
    for registered in checker.rules:
        assert set(registered.rule.readings) <= known, registered.rule.id


def test_a_reading_a_rules_predicate_may_rest_on_is_listed_with_that_rule(checker: Checker) -> None:
    resting = rules_resting_on(checker)
    assert "handling.mark-official-sensitive" in resting["child-not-known"]
