"""The engine can say which unknown facts would change the answer."""

from __future__ import annotations

from ispcheck import Checker
from ispcheck.sensitivity import FACT_VALUES, GIVEN_TEXT, facts_that_matter

from .conftest import clean_disclosure


def test_every_optional_yes_no_choice_and_text_fact_of_the_contract_is_known() -> None:
    assert FACT_VALUES["context.ongoing_investigation"] == (True, False)
    assert "public_task" in FACT_VALUES["lawful_basis.article6"]
    assert FACT_VALUES["purpose.statement"] == (GIVEN_TEXT,)
    assert "handling.channel" not in FACT_VALUES  # required, so never unknown


def test_a_missing_consultation_matters_only_when_there_is_a_live_investigation(checker: Checker) -> None:
    live = clean_disclosure(
        **{"context.ongoing_investigation": True, "context.investigating_officer_consulted": None}
    )
    none = clean_disclosure(
        **{"context.ongoing_investigation": False, "context.investigating_officer_consulted": None}
    )
    assert facts_that_matter(checker, live, ["context.investigating_officer_consulted"]) == [
        "context.investigating_officer_consulted"
    ]
    assert facts_that_matter(checker, none, ["context.investigating_officer_consulted"]) == []


def test_facts_already_known_are_never_reported(checker: Checker) -> None:
    assert "lawful_basis.article6" not in facts_that_matter(checker, clean_disclosure())


def test_an_unknown_fact_that_can_only_change_advice_does_not_matter(checker: Checker) -> None:
    data = clean_disclosure(**{"context.dpia_in_place": None})
    assert "context.dpia_in_place" not in facts_that_matter(checker, data)


def test_every_unknown_fact_that_matters_really_changes_the_binding_findings(checker: Checker) -> None:
    data = clean_disclosure(**{"necessity.makes_a_difference": None, "consent.status": None})
    found = facts_that_matter(checker, data)
    assert {"necessity.makes_a_difference", "consent.status"} <= set(found)
