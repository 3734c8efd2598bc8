"""Rules with variants: each variant narrows the rule's gate and may say something of its own."""

from __future__ import annotations

from typing import Any

import pytest

from ispcheck import Effect, Finding, PluginError, Variant, gated_rule, rule
from ispcheck.pack import Pack

from .conftest import clean_disclosure
from .test_engine import checker_with, plugin_with

DETAILS: dict[str, Any] = {
    "title": "Meetings are noted",
    "effect": Effect.ADVICE,
    "clauses": ("6.1",),
    "message": "Shared in a meeting.",
    "personal_only": False,
}


def _finding(message: str, effect: Effect = Effect.ADVICE, clauses: tuple[str, ...] = ("A3",)) -> Finding:
    return Finding(rule_id="example.meeting", effect=effect, clauses=clauses, message=message, action="Act.")


AT_MARAC = _finding("At a MARAC.")
AT_MAPPA = _finding("At a MAPPA meeting.")


def _meeting_rule(**changes: Any) -> Any:
    details = {**DETAILS, **changes}
    return gated_rule(
        "example.meeting",
        when={"in_meeting": True},
        variants=(Variant.of({"setting": "marac"}, AT_MARAC), Variant.of({"setting": "mappa"}, AT_MAPPA)),
        **details,
    )


def _findings(pack: Pack, found_rule: Any, **changes: Any) -> list[Finding]:
    decision = checker_with(pack, plugin_with(found_rule)).check(clean_disclosure(**changes))
    return [f for f in decision.findings if f.rule_id == found_rule.id]


def test_a_rule_with_variants_gives_the_finding_of_the_variant_whose_gate_holds(pack: Pack) -> None:
    meeting = _meeting_rule()
    assert _findings(pack, meeting, **{"context.setting": "marac"}) == [AT_MARAC]
    assert _findings(pack, meeting, **{"context.setting": "mappa"}) == [AT_MAPPA]


def test_a_rule_with_variants_is_silent_when_no_variant_holds(pack: Pack) -> None:
    meeting = _meeting_rule()
    assert _findings(pack, meeting, **{"context.setting": "channel_panel"}) == []
    assert _findings(pack, meeting, **{"context.setting": "outside_meeting"}) == []


def test_a_variant_without_a_finding_gives_the_rules_own_finding_and_urgent_finding(pack: Pack) -> None:
    either = gated_rule(
        "example.either",
        when={"handling.channel": "post"},
        variants=(Variant.of({"in_meeting": True}), Variant.of({"in_meeting": False, "urgent": True})),
        when_urgent=Effect.CONDITION,
        action="Act.",
        **DETAILS,
    )
    in_meeting = _findings(pack, either, **{"handling.channel": "post", "context.setting": "marac"})
    assert in_meeting == [either.finding]
    urgent = _findings(pack, either, **{"handling.channel": "post", "context.urgent_risk_to_life": True})
    assert urgent == [either.urgent_finding]
    assert _findings(pack, either, **{"handling.channel": "phone", "context.setting": "marac"}) == []
    assert _findings(pack, either, **{"handling.channel": "post"}) == []


def test_a_variant_with_a_finding_but_no_urgent_one_gives_that_finding_on_the_urgent_path(pack: Pack) -> None:
    changes = {"context.setting": "marac", "context.urgent_risk_to_life": True}
    assert _findings(pack, _meeting_rule(), **changes) == [AT_MARAC]


def test_a_variant_that_leaves_no_value_stops_the_plugin_naming_the_rule_and_variant(pack: Pack) -> None:
    never = gated_rule(
        "example.never",
        when={"setting": "marac"},
        variants=(Variant.of({"setting": "mappa"}),),
        **DETAILS,
    )
    with pytest.raises(PluginError, match=r"'example.never', variant 1: .*setting"):
        checker_with(pack, plugin_with(never))


def test_a_variant_with_a_misspelt_value_stops_the_plugin(pack: Pack) -> None:
    misspelt = gated_rule(
        "example.misspelt", when={}, variants=(Variant.of({"setting": "marak"}),), **DETAILS
    )
    with pytest.raises(PluginError, match="marak"):
        checker_with(pack, plugin_with(misspelt))


def test_a_variant_finding_citing_a_clause_the_pack_lacks_stops_the_plugin(pack: Pack) -> None:
    unknown = _finding("Nowhere.", clauses=("99.9",))
    cited = gated_rule(
        "example.meeting", when={}, variants=(Variant.of({"setting": "marac"}, unknown),), **DETAILS
    )
    with pytest.raises(PluginError, match=r"99\.9"):
        checker_with(pack, plugin_with(cited))


def test_a_rule_may_not_have_both_variants_and_a_check() -> None:
    with pytest.raises(ValueError, match="variants"):

        @rule("example.both", variants=(Variant.of({"setting": "marac"}),), **DETAILS)
        def both(d: Any, f: Any) -> bool:
            return True


def test_the_strictest_variant_decides_the_outcome(pack: Pack) -> None:
    block = _finding("Blocked at MARAC.", effect=Effect.BLOCK)
    strict = gated_rule(
        "example.meeting", when={}, variants=(Variant.of({"setting": "marac"}, block),), **DETAILS
    )
    decision = checker_with(pack, plugin_with(strict)).check(clean_disclosure(**{"context.setting": "marac"}))
    assert decision.outcome.value == "do_not_share"
    other = checker_with(pack, plugin_with(strict)).check(clean_disclosure(**{"context.setting": "mappa"}))
    assert other.outcome.value != "do_not_share"


def test_variants_that_can_both_hold_stop_the_plugin_naming_them(pack: Pack) -> None:
    overlapping = gated_rule(
        "example.overlap",
        when={},
        variants=(Variant.of({"in_meeting": True}), Variant.of({"urgent": True})),
        **DETAILS,
    )
    with pytest.raises(PluginError, match=r"'example.overlap': variants 1 and 2 can both hold"):
        checker_with(pack, plugin_with(overlapping))


def test_variants_kept_apart_by_one_fact_are_accepted(pack: Pack) -> None:
    apart = gated_rule(
        "example.apart",
        when={},
        variants=(Variant.of({"in_meeting": True}), Variant.of({"in_meeting": False, "urgent": True})),
        **DETAILS,
    )
    assert "example.apart" in {r.rule.id for r in checker_with(pack, plugin_with(apart)).rules}


def test_no_message_or_action_an_officer_reads_names_a_field_of_the_contract() -> None:
    """Officers read these at a terminal: field names like (purpose.statement) mean nothing to them."""
    import re

    from ispcheck import Checker

    field = re.compile(
        r"\b[a-z]+_?[a-z]*\.[a-z]+_[a-z_]+\b|\((?:purpose|necessity|context|consent)\.[a-z_]+\)"
    )
    for registered in Checker(use_entry_points=False).rules:
        rule = registered.rule
        for text in (rule.message, rule.action or "", rule.urgent_action or ""):
            assert not field.search(text), (rule.id, text)
