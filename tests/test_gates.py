"""Rule gates: checked when a checker is built, compiled into tables that decide as plain reading would."""

from __future__ import annotations

import copy
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings

from ispcheck import Checker, Effect, Outcome, PluginError, gated_rule, rule
from ispcheck.engine import UNKNOWN_FACT_ID
from ispcheck.gates import (
    FACT_DOMAINS,
    MAX_GROUP_COMBINATIONS,
    GateTables,
    gate_problems,
    gates_overlap,
    normalise_when,
)
from ispcheck.pack import Pack
from ispcheck.view import view_of

from .conftest import FIXED_TIME, clean_disclosure, rule_ids
from .strategies import any_disclosures
from .test_engine import checker_with, plugin_with

common = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

DETAILS: dict[str, Any] = {
    "title": "Post is noted",
    "effect": Effect.ADVICE,
    "clauses": ("7.4",),
    "message": "Sent by post.",
    "personal_only": False,
}


@common
@given(any_disclosures())
def test_the_gate_tables_decide_every_disclosure_as_reading_each_gate_in_turn_would(
    checker: Checker, data: dict[str, Any]
) -> None:
    view = view_of(copy.deepcopy(data))
    assert checker.decide(view).to_dict() == checker.decide_plainly(view).to_dict()


def test_deciding_again_after_the_tables_have_filled_gives_the_same_decision(checker: Checker) -> None:
    data = clean_disclosure(**{"handling.channel": "post", "consent.status": "refused"})
    first = checker.check(data).to_dict()
    assert checker.check(data).to_dict() == first


def test_a_rule_that_is_all_gate_fires_when_its_gate_holds(pack: Pack) -> None:
    post = gated_rule("example.post", when={"handling.channel": "post"}, **DETAILS)
    checker = checker_with(pack, plugin_with(post))
    assert "example.post" in rule_ids(checker.check(clean_disclosure(**{"handling.channel": "post"})))


def test_a_rule_that_is_all_gate_stays_silent_for_the_nearest_other_value(pack: Pack) -> None:
    post = gated_rule("example.post", when={"handling.channel": "post"}, **DETAILS)
    checker = checker_with(pack, plugin_with(post))
    assert "example.post" not in rule_ids(checker.check(clean_disclosure(**{"handling.channel": "phone"})))


def test_a_gated_rule_is_asked_only_when_its_gate_holds(pack: Pack) -> None:
    asked: list[str | None] = []

    @rule("example.counted", when={"consent.status": ("refused", "withdrawn")}, **DETAILS)
    def counted(d: Any, f: Any) -> bool:
        asked.append(d.consent.status)
        return True

    checker = checker_with(pack, plugin_with(counted))
    for status in ("refused", "obtained", "withdrawn", None):
        checker.check(clean_disclosure(**{"consent.status": status}))
    assert asked == ["refused", "withdrawn"]


def test_a_gate_may_name_a_fact_the_engine_works_out(pack: Pack) -> None:
    urgent = gated_rule("example.urgent", when={"urgent": True}, **DETAILS)
    checker = checker_with(pack, plugin_with(urgent))
    assert "example.urgent" in rule_ids(
        checker.check(clean_disclosure(**{"context.urgent_risk_to_life": True}))
    )
    assert "example.urgent" not in rule_ids(checker.check(clean_disclosure()))


def test_a_misspelt_gate_value_stops_the_plugin_naming_the_rule_and_the_allowed_values(pack: Pack) -> None:
    typo = gated_rule("example.typo", when={"consent.status": "obtaned"}, **DETAILS)
    with pytest.raises(PluginError) as caught:
        checker_with(pack, plugin_with(typo))
    message = str(caught.value)
    assert "example.typo" in message
    assert "'obtaned'" in message
    assert "'obtained'" in message


def test_a_gate_on_a_fact_with_open_values_is_refused(pack: Pack) -> None:
    open_fact = gated_rule("example.open", when={"discloser.organisation": "Refuge"}, **DETAILS)
    with pytest.raises(PluginError, match="not a fact with a closed set of values"):
        checker_with(pack, plugin_with(open_fact))


def test_a_gate_may_not_say_one_for_true() -> None:
    assert gate_problems(normalise_when({"urgent": 1}))
    assert not gate_problems(normalise_when({"urgent": True}))


def test_a_gate_with_one_word_is_one_value_not_its_letters() -> None:
    assert normalise_when({"handling.channel": "post"}) == (("handling.channel", frozenset({"post"})),)


def test_a_view_with_a_value_no_fact_can_take_is_referred_naming_the_fact(pack: Pack) -> None:
    checker = Checker(pack, use_entry_points=False, clock=lambda: FIXED_TIME)
    view = view_of(clean_disclosure())
    odd = msgspec.structs.replace(
        view, handling=msgspec.structs.replace(view.handling, channel="carrier_pigeon")
    )
    decision = checker.decide(odd)
    assert decision.outcome in (Outcome.REFER, Outcome.DO_NOT_SHARE)
    [finding] = [f for f in decision.findings if f.rule_id == UNKNOWN_FACT_ID]
    assert "handling.channel = 'carrier_pigeon'" in finding.message
    assert finding.refer_to


def test_every_gate_of_every_built_in_rule_names_a_known_fact_and_value(checker: Checker) -> None:
    for registered in checker.rules:
        assert gate_problems(registered.rule.when) == [], registered.rule.id


def test_the_generated_look_up_reads_only_facts_with_known_values(checker: Checker) -> None:
    tables = checker._tables
    named = {name for group in tables.groups for name in group}
    assert named <= set(FACT_DOMAINS)
    for name in named:
        assert name.split(".")[-1] in tables.source, name


def test_a_fact_name_that_is_not_an_identifier_is_never_compiled() -> None:
    FACT_DOMAINS["bad name"] = frozenset({True, False})
    try:
        with pytest.raises(ValueError, match="not a fact name"):
            GateTables([(("bad name", frozenset({True})),)])
    finally:
        del FACT_DOMAINS["bad name"]


def test_a_view_with_a_value_that_is_not_even_a_word_is_referred_not_crashed(pack: Pack) -> None:
    checker = Checker(pack, use_entry_points=False, clock=lambda: FIXED_TIME)
    view = view_of(clean_disclosure())
    odd = msgspec.structs.replace(view, consent=msgspec.structs.replace(view.consent, status=["obtained"]))
    decision = checker.decide(odd)
    assert decision.outcome in (Outcome.REFER, Outcome.DO_NOT_SHARE)
    assert UNKNOWN_FACT_ID in rule_ids(decision)


def test_no_look_up_table_can_grow_past_4096_entries_whatever_the_input(checker: Checker) -> None:
    """A table holds one entry per combination of its facts' values met, so this bounds memory."""
    assert MAX_GROUP_COMBINATIONS == 4096
    for group in checker._tables.groups:  # the generated tables are what is under test
        combinations = 1
        for name in group:
            combinations *= len(FACT_DOMAINS[name])
        assert combinations <= 4096, group


def test_a_rule_about_personal_data_gated_on_no_personal_data_never_fires_read_either_way(pack: Pack) -> None:
    odd = gated_rule("example.odd", when={"personal": False}, **{**DETAILS, "personal_only": True})
    checker = checker_with(pack, plugin_with(odd))
    for categories in (["personal"], ["anonymised"]):
        view = view_of(clean_disclosure(**{"data.categories": categories}))
        assert "example.odd" not in rule_ids(checker.decide(view))
        assert "example.odd" not in rule_ids(checker.decide_plainly(view))


def test_a_rule_for_any_data_gated_on_no_personal_data_fires_only_without_it(pack: Pack) -> None:
    anonymous = gated_rule("example.anonymous", when={"personal": False}, **DETAILS)
    checker = checker_with(pack, plugin_with(anonymous))
    assert "example.anonymous" in rule_ids(
        checker.check(clean_disclosure(**{"data.categories": ["anonymised"]}))
    )
    assert "example.anonymous" not in rule_ids(checker.check(clean_disclosure()))


def test_gates_on_different_facts_can_both_hold() -> None:
    assert gates_overlap(normalise_when({"urgent": True}), normalise_when({"in_meeting": True}))


def test_gates_giving_one_fact_different_values_cannot_both_hold() -> None:
    first = normalise_when({"urgent": True, "setting": ("marac", "mappa")})
    assert not gates_overlap(first, normalise_when({"setting": "channel_panel"}))
    assert gates_overlap(first, normalise_when({"setting": ("mappa", "channel_panel")}))
