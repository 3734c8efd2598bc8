"""The engine fails closed: broken rules and plugins refer, never share."""

from __future__ import annotations

import types
from collections.abc import Callable, Sequence
from typing import Any

import pytest

from ispcheck import Checker, Effect, Finding, Outcome, PluginError, Rule, check, hookimpl, rule
from ispcheck.engine import BROKEN_PLUGIN_ID, BROKEN_RULE_ID
from ispcheck.pack import Pack
from ispcheck.plugins import BUILTIN_RULESETS, make_plugin_manager

from .conftest import FIXED_TIME, clean_disclosure


def plugin_with(*rules: Rule, name: str = "example_plugin") -> types.ModuleType:
    module = types.ModuleType(name)

    @hookimpl
    def ispcheck_rules(pack: Pack) -> Sequence[Rule]:
        return rules

    module.ispcheck_rules = ispcheck_rules  # type: ignore[attr-defined]
    return module


def installed(monkeypatch: pytest.MonkeyPatch, name: str, load: Callable[[], object]) -> None:
    """Make ``load`` the only plugin installed in the ``ispcheck.rules`` entry-point group."""
    point = types.SimpleNamespace(name=name, value="example:plugin", load=load)
    monkeypatch.setattr("ispcheck.plugins.entry_points", lambda group: [point])


def checker_with(pack: Pack, *plugins: object) -> Checker:
    return Checker(pack, plugins=plugins, use_entry_points=False, clock=lambda: FIXED_TIME)


@rule(
    "example.always-raises",
    title="Raises",
    effect=Effect.ADVICE,
    clauses=("4.4",),
    message="never seen",
    personal_only=False,
)
def always_raises(d: Any, f: Any) -> bool:
    raise RuntimeError("the case system is down")


def test_the_clean_disclosure_is_shared(decide: Any) -> None:
    assert decide().outcome is Outcome.SHARE


def test_a_rule_that_raises_turns_share_into_refer_and_names_the_plugin_and_rule(pack: Pack) -> None:
    decision = checker_with(pack, plugin_with(always_raises)).check(clean_disclosure())
    assert decision.outcome is Outcome.REFER
    broken = [f for f in decision.findings if f.rule_id == BROKEN_RULE_ID]
    assert len(broken) == 1
    assert "example.always-raises" in broken[0].message
    assert "example_plugin" in broken[0].message
    assert "RuntimeError" in broken[0].message
    assert broken[0].refer_to


def example_rule(rule_id: str, check: Callable[[Any, Any], Any], clauses: tuple[str, ...] = ("4.4",)) -> Rule:
    """A throwaway advice rule for any data, to exercise the engine with."""
    return Rule(
        id=rule_id,
        title="t",
        effect=Effect.ADVICE,
        clauses=clauses,
        message="m",
        check=check,
        personal_only=False,
    )


def test_a_rule_that_returns_a_finding_citing_an_unknown_clause_refers(pack: Pack) -> None:
    bad = Finding("example.bad-clause", Effect.ADVICE, ("99.9",), "cites nothing real")
    plugin = plugin_with(example_rule("example.bad-clause", lambda d, f: bad))
    decision = checker_with(pack, plugin).check(clean_disclosure())
    assert decision.outcome is Outcome.REFER
    assert any("99.9" in f.message for f in decision.findings if f.rule_id == BROKEN_RULE_ID)


def test_a_rule_that_returns_something_other_than_a_finding_refers(pack: Pack) -> None:
    plugin = plugin_with(example_rule("example.junk", lambda d, f: ["junk"]))
    decision = checker_with(pack, plugin).check(clean_disclosure())
    assert decision.outcome is Outcome.REFER


def test_a_plugin_rule_citing_a_clause_the_pack_lacks_is_rejected_when_loaded(pack: Pack) -> None:
    bad = example_rule("example.unknown-clause", lambda d, f: True, clauses=("42.1",))
    with pytest.raises(PluginError, match=r"42\.1"):
        checker_with(pack, plugin_with(bad))


def test_two_rules_with_the_same_id_are_rejected(pack: Pack) -> None:
    first = plugin_with(always_raises, name="first")
    second = plugin_with(always_raises, name="second")
    with pytest.raises(PluginError, match="already used"):
        checker_with(pack, first, second)


def test_a_misspelled_hook_fails_loudly_naming_the_plugin() -> None:
    module = types.ModuleType("typo_plugin")

    @hookimpl
    def ispcheck_rulez(pack: Pack) -> Sequence[Rule]:
        return ()

    module.ispcheck_rulez = ispcheck_rulez  # type: ignore[attr-defined]
    with pytest.raises(PluginError, match="typo_plugin"):
        make_plugin_manager([module], use_entry_points=False)


def test_a_plugin_without_any_hook_is_rejected() -> None:
    with pytest.raises(PluginError, match="implements no ispcheck hook"):
        make_plugin_manager([types.ModuleType("empty_plugin")], use_entry_points=False)


def test_an_installed_plugin_that_fails_to_load_makes_every_decision_refer(
    pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    def load() -> object:
        raise ImportError("No module named 'nowhere'")

    installed(monkeypatch, "broken", load)
    checker = Checker(pack, clock=lambda: FIXED_TIME)
    assert [b.name for b in checker.broken_plugins] == ["broken (example:plugin)"]
    decision = checker.check(clean_disclosure())
    assert decision.outcome is Outcome.REFER
    assert any(f.rule_id == BROKEN_PLUGIN_ID and "nowhere" in f.message for f in decision.findings)


def test_an_installed_plugin_citing_an_unknown_clause_refers_instead_of_crashing(
    pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = example_rule("example.unknown-clause", lambda d, f: True, clauses=("42.1",))

    installed(monkeypatch, "unknown-clause", lambda: plugin_with(bad, name="installed_example"))
    decision = Checker(pack, clock=lambda: FIXED_TIME).check(clean_disclosure())
    assert decision.outcome is Outcome.REFER


def test_a_working_installed_plugin_adds_its_finding(pack: Pack, monkeypatch: pytest.MonkeyPatch) -> None:
    @rule(
        "example.note",
        title="Note",
        effect=Effect.CONDITION,
        clauses=("A2.Q8",),
        message="note it",
        action="Write a note.",
    )
    def note(d: Any, f: Any) -> bool:
        return True

    installed(monkeypatch, "note", lambda: plugin_with(note, name="note_plugin"))
    checker = Checker(pack, clock=lambda: FIXED_TIME)
    decision = checker.check(clean_disclosure())
    assert decision.outcome is Outcome.SHARE_WITH_CONDITIONS
    assert checker.plugin_of("example.note") == "note (example:plugin)"


def test_built_in_rule_sets_are_registered_as_ordinary_plugins(pack: Pack) -> None:
    loaded = make_plugin_manager(use_entry_points=False)
    names = {name for name, _ in loaded.manager.list_name_plugin()}
    assert set(BUILTIN_RULESETS) <= names


def test_every_rule_id_is_unique_and_every_rule_cites_clauses_the_pack_has(checker: Checker) -> None:
    ids = [r.rule.id for r in checker.rules]
    assert len(ids) == len(set(ids))
    for registered in checker.rules:
        assert registered.rule.clauses
        assert all(pack_has for pack_has in map(checker.pack.has_clause, registered.rule.clauses))
        for variant in registered.rule.variants:
            for finding in (variant.finding, variant.urgent_finding):
                if finding is not None:
                    assert all(map(checker.pack.has_clause, finding.clauses)), finding


def test_the_module_level_check_accepts_a_plain_dict() -> None:
    decision = check(clean_disclosure())
    assert decision.outcome in (Outcome.SHARE, Outcome.REFER)  # REFER only if a plugin is broken
    assert decision.pack_name == "warwickshire-csp"


def test_anonymised_data_gets_no_personal_data_obligations(decide: Any) -> None:
    decision = decide(**{"data.categories": ["aggregated"], "subjects": []})
    assert decision.outcome is Outcome.SHARE
    assert decision.obligations == ()


def test_personal_data_decisions_list_the_standing_obligations(decide: Any) -> None:
    ids = {o.id for o in decide().obligations}
    assert {"record-the-share", "stated-purpose-only", "need-to-know"} <= ids


def test_the_decision_record_carries_pack_version_and_time(decide: Any) -> None:
    record = decide().to_dict()
    assert record["pack"] == {"name": "warwickshire-csp", "version": "2024-05-08"}
    assert record["made_at"] == FIXED_TIME.isoformat()
    assert record["outcome"] == "share"


def test_conditions_and_refer_to_are_derived_from_the_findings(decide: Any) -> None:
    decision = decide(**{"accuracy.identity_verified": None, "necessity.article8_considered": None})
    assert [c.rule_id for c in decision.conditions] == ["accuracy.identity-not-verified"]
    assert decision.refer_to == ("your organisation's Designated Officer",)


def test_a_finding_must_cite_a_clause_and_say_what_to_do() -> None:
    with pytest.raises(ValueError, match="cites no clause"):
        Finding("x", Effect.ADVICE, (), "m")
    with pytest.raises(ValueError, match="says nothing to do"):
        Finding("x", Effect.BLOCK, ("4.4",), "m")
    with pytest.raises(ValueError, match="names nobody"):
        Finding("x", Effect.REFER, ("4.4",), "m", action="a")


def test_a_plugin_rule_resting_on_a_reading_the_pack_lacks_is_rejected_when_loaded(pack: Pack) -> None:
    bad = rule(
        "example.unknown-reading",
        title="t",
        effect=Effect.ADVICE,
        clauses=("4.4",),
        message="m",
        personal_only=False,
        interpretations=("a-reading-nobody-wrote",),
    )(lambda d, f: True)
    with pytest.raises(PluginError, match="a-reading-nobody-wrote") as raised:
        checker_with(pack, plugin_with(bad))
    assert "example_plugin" in str(raised.value)


def test_a_plugin_rule_resting_on_an_interpretation_the_pack_sets_out_is_accepted(pack: Pack) -> None:
    good = rule(
        "example.known-reading",
        title="t",
        effect=Effect.ADVICE,
        clauses=("4.4",),
        message="m",
        personal_only=False,
        interpretations=("unknown-risk-not-absent",),
    )(lambda d, f: True)
    decision = checker_with(pack, plugin_with(good)).check(clean_disclosure())
    (found,) = [f for f in decision.findings if f.rule_id == "example.known-reading"]
    assert found.interpretations == ("unknown-risk-not-absent",)
    assert found.to_dict()["interpretations"] == ["unknown-risk-not-absent"]


def test_a_rule_that_returns_a_finding_resting_on_an_unknown_interpretation_refers(pack: Pack) -> None:
    bad = Finding("example.bad-reading", Effect.ADVICE, ("4.4",), "m", interpretations=("made-up",))
    plugin = plugin_with(example_rule("example.bad-reading", lambda d, f: bad))
    decision = checker_with(pack, plugin).check(clean_disclosure())
    assert decision.outcome is Outcome.REFER
    assert any("made-up" in f.message for f in decision.findings if f.rule_id == BROKEN_RULE_ID)


def test_a_finding_to_record_afterwards_rests_on_the_urgent_reading(decide: Any) -> None:
    decision = decide(**{"context.urgent_risk_to_life": True, "necessity.article8_considered": None})
    later = [f for f in decision.findings if f.after]
    assert later
    assert all("urgent-record-afterwards" in f.interpretations for f in later)


# -- plugin faults of every kind fail closed (issue 13) -----------------------------------------


@rule(
    "example.forgot-return",
    title="A block rule whose body forgot its return",
    effect=Effect.BLOCK,
    clauses=("4.4",),
    message="never seen",
    action="Stop.",
)
def forgot_return(d: Any, f: Any) -> Any:
    d.context.setting  # noqa: B018 - the body does its work and then returns nothing


@rule(
    "example.exits",
    title="A rule that calls sys.exit()",
    effect=Effect.ADVICE,
    clauses=("4.4",),
    message="never seen",
)
def exits(d: Any, f: Any) -> bool:
    raise SystemExit(0)


def test_a_rule_that_returns_nothing_is_a_broken_rule_not_a_rule_that_did_not_fire(pack: Pack) -> None:
    decision = checker_with(pack, plugin_with(forgot_return)).check(clean_disclosure())
    assert decision.outcome is Outcome.REFER
    (broken,) = [f for f in decision.findings if f.rule_id == BROKEN_RULE_ID]
    assert "example.forgot-return" in broken.message and "returned nothing" in broken.message


def test_a_rule_that_returns_false_is_a_rule_that_did_not_fire(pack: Pack) -> None:
    quiet = example_rule("example.quiet", lambda d, f: False)
    decision = checker_with(pack, plugin_with(quiet)).check(clean_disclosure())
    assert decision.outcome is Outcome.SHARE


def test_a_rule_that_calls_sys_exit_refers_and_the_library_does_not_exit(pack: Pack) -> None:
    decision = checker_with(pack, plugin_with(exits)).check(clean_disclosure())
    assert decision.outcome is Outcome.REFER
    assert any("SystemExit" in f.message for f in decision.findings if f.rule_id == BROKEN_RULE_ID)


def hook_plugin(name: str, **hooks: Callable[[Pack], Any]) -> types.ModuleType:
    module = types.ModuleType(name)
    for hook_name, body in hooks.items():
        setattr(module, hook_name, hookimpl(body))
    return module


def _exit(pack: Pack) -> Any:
    raise SystemExit(0)


def test_an_installed_plugin_whose_hook_calls_sys_exit_is_kept_as_broken_and_named(
    pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed(monkeypatch, "exiting", lambda: hook_plugin("exiting_plugin", ispcheck_rules=_exit))
    checker = Checker(pack, clock=lambda: FIXED_TIME)
    (broken,) = checker.broken_plugins
    assert "ispcheck_rules raised SystemExit" in broken.problem
    assert checker.check(clean_disclosure()).outcome is Outcome.REFER


def test_an_installed_plugin_whose_obligations_hook_returns_42_is_kept_as_broken_and_named(
    pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed(
        monkeypatch, "forty-two", lambda: hook_plugin("answer_plugin", ispcheck_obligations=lambda pack: 42)
    )
    checker = Checker(pack, clock=lambda: FIXED_TIME)
    (broken,) = checker.broken_plugins
    assert "ispcheck_obligations must return a sequence of Obligation, not 42" in broken.problem
    assert checker.check(clean_disclosure()).outcome is Outcome.REFER


def test_an_installed_plugin_that_calls_sys_exit_when_loaded_is_kept_as_broken(
    pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    def load() -> object:
        raise SystemExit(0)

    installed(monkeypatch, "exits-on-import", load)
    checker = Checker(pack, clock=lambda: FIXED_TIME)
    assert [b.problem for b in checker.broken_plugins] == ["SystemExit: 0"]
    assert checker.check(clean_disclosure()).outcome is Outcome.REFER


def test_a_plugin_passed_explicitly_whose_hook_raises_stops_the_checker_naming_it(pack: Pack) -> None:
    with pytest.raises(PluginError, match=r"explicit_plugin.*ispcheck_rules raised SystemExit"):
        checker_with(pack, hook_plugin("explicit_plugin", ispcheck_rules=_exit))
