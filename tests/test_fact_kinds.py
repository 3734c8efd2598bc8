"""Every closed fact of the contract is classed once as a safeguard, a risk or a relaxation."""

from __future__ import annotations

from ispcheck.fact_kinds import FactKind, closed_contract_facts, fact_kinds, kind_in_words
from ispcheck.schema import disclosure_schema


def test_every_closed_fact_of_the_contract_is_classed_once_and_nothing_else_is() -> None:
    assert set(fact_kinds()) == set(closed_contract_facts())


def test_the_facts_the_issue_names_have_the_kinds_it_names() -> None:
    kinds = {path: fact.kind for path, fact in fact_kinds().items()}
    for path in (
        "context.ongoing_investigation",
        "context.secondary_disclosure",
        "context.evidential_use",
        "context.transfer_outside_uk",
        "context.profiling",
        "context.profiling_children",
        "handling.classification",
    ):
        assert kinds[path] is FactKind.RISK, path
    for path in (
        "context.investigating_officer_consulted",
        "accuracy.identity_verified",
        "consent.recorded",
        "context.originator_agreed",
        "necessity.article8_considered",
    ):
        assert kinds[path] is FactKind.SAFEGUARD, path
    assert kinds["context.urgent_risk_to_life"] is FactKind.RELAXATION


def test_a_required_fact_is_said_to_be_always_given() -> None:
    assert fact_kinds()["handling.channel"].unknown_in_words == "Always given: the contract requires it."
    assert fact_kinds()["context.ongoing_investigation"].unknown_in_words == kind_in_words(FactKind.RISK)


def test_a_fact_whose_null_the_contract_defines_says_so_instead_of_its_kind() -> None:
    types = fact_kinds()["data.special_category_types"]
    assert types.unknown_in_words.startswith("Left out or null means the kinds are not listed")
    assert fact_kinds()["context.from_meeting"].null_means is None  # "none" says not at a meeting


def test_the_schema_describes_each_fact_and_its_kind() -> None:
    schema = disclosure_schema()
    investigation = schema["$defs"]["Context"]["properties"]["ongoing_investigation"]
    assert investigation["x-fact-kind"] == "risk"
    assert "not taken as absent" in investigation["description"]
    child = schema["$defs"]["Subject"]["properties"]["is_child"]
    assert child["x-fact-kind"] == "risk"
    consulted = schema["$defs"]["Context"]["properties"]["investigating_officer_consulted"]
    assert consulted["x-fact-kind"] == "safeguard"
    assert "taken as not in place" in consulted["description"]
