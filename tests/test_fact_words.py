"""Every fact a rule can turn on, in plain words: held to the gates, and each shape reads right."""

from __future__ import annotations

import pytest

from ispcheck import Checker
from ispcheck.decision import Effect
from ispcheck.fact_kinds import fact_kinds
from ispcheck.fact_words import fact_words, gates_in_words, glossary, rule_in_words, value_label
from ispcheck.gates import FACT_DOMAINS, normalise_when
from ispcheck.pack import Pack
from ispcheck.rule import gated_rule


def words_for(when: dict[str, object], pack: Pack) -> str:
    return gates_in_words(normalise_when(when), pack)  # type: ignore[arg-type]


def test_every_fact_a_gate_can_name_has_words_and_no_other_fact_does() -> None:
    assert set(fact_words()) == set(FACT_DOMAINS)


def test_a_yes_or_no_fact_says_both_and_a_fact_with_values_names_what_it_is() -> None:
    for name, words in fact_words().items():
        yes_or_no = {v for v in FACT_DOMAINS[name] if v is not None} == {True, False}
        if yes_or_no:
            assert words.yes and words.no, name
        else:
            assert words.called and not words.yes, name


def test_every_fact_the_engine_works_out_says_what_it_means_and_how() -> None:
    contract = fact_kinds()
    for name, words in fact_words().items():
        if name not in contract:
            assert words.what and words.worked_out, name


def test_a_yes_gate_reads_as_the_fact_and_a_no_gate_as_its_opposite(pack: Pack) -> None:
    assert words_for({"context.ongoing_investigation": True}, pack) == (
        "the information relates to an ongoing investigation or prosecution"
    )
    assert words_for({"context.ongoing_investigation": False}, pack) == (
        "the information relates to no ongoing investigation or prosecution"
    )


def test_a_safeguard_that_is_false_or_not_known_reads_as_not_recorded(pack: Pack) -> None:
    assert words_for({"context.investigating_officer_consulted": (False, None)}, pack) == (
        "it is not recorded that the investigating officer and the Crown Prosecution Service were consulted"
    )
    assert words_for({"consent.recorded": (False, None)}, pack) == "the consent is not known to be recorded"


def test_a_fact_that_is_not_known_reads_as_not_known(pack: Pack) -> None:
    assert words_for({"context.evidential_use": None}, pack) == (
        "it is not known whether the information is wanted as evidence"
    )
    assert words_for({"lawful_basis.article6": None}, pack) == "the Article 6 lawful basis is not known"


def test_values_take_the_packs_labels(pack: Pack) -> None:
    assert (
        value_label("purpose.code", "safeguarding", pack) == pack.vocabulary["purpose"]["safeguarding"].label
    )
    assert value_label("context.setting", "marac", pack) == pack.settings["marac"].name
    assert value_label("recipient.kind", "police", pack) == "Police force"
    assert value_label("handling.channel", "standard_email", pack) == "standard (unsecured) email"
    assert value_label("context.urgent_risk_to_life", None, pack) == "not known"


def test_most_values_but_a_few_read_as_anything_but_those(pack: Pack) -> None:
    everything_but_consent = [v for v in FACT_DOMAINS["lawful_basis.article6"] if v not in (None, "consent")]
    consent = value_label("lawful_basis.article6", "consent", pack)
    assert words_for({"lawful_basis.article6": everything_but_consent}, pack) == (
        f"the Article 6 lawful basis is given and is not {consent}"
    )


def test_a_short_list_of_values_reads_as_a_or_b(pack: Pack) -> None:
    assert (
        words_for({"consent.status": ("refused", "withdrawn")}, pack)
        == "the person's consent is refused or withdrawn"
    )


def test_personal_data_comes_first_and_what_is_missing_comes_last(pack: Pack) -> None:
    rule = gated_rule(
        "test.order",
        when={
            "context.investigating_officer_consulted": (False, None),
            "context.ongoing_investigation": True,
        },
        title="t",
        effect=Effect.CONDITION,
        clauses=("4.6",),
        message="m",
        action="a",
    )

    assert rule_in_words(rule, pack) == (
        "When personal data is involved, the information relates to an ongoing investigation or "
        "prosecution and it is not recorded that the investigating officer and the Crown Prosecution "
        "Service were consulted."
    )


def test_a_rule_on_any_data_says_so_without_personal_data(pack: Pack) -> None:
    rule = gated_rule(
        "test.any",
        when={"handling.classification": ("SECRET",)},
        title="t",
        effect=Effect.BLOCK,
        clauses=("6.3",),
        message="m",
        action="a",
        personal_only=False,
    )

    assert rule_in_words(rule, pack).startswith("When the protective marking is ")


def test_no_built_in_rule_reads_in_field_names(checker: Checker) -> None:
    for registered in checker.rules:
        text = rule_in_words(registered.rule, checker.pack)
        assert "_" not in text and "lawful_basis." not in text, (registered.rule.id, text)


@pytest.mark.parametrize("name", sorted(FACT_DOMAINS))
def test_the_glossary_lists_each_fact_with_its_values(name: str, pack: Pack) -> None:
    entry = next(g for g in glossary(pack) if g.name == name)

    assert entry.what and entry.worked_out
    assert len(entry.values) == len(FACT_DOMAINS[name])
