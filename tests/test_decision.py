"""Decisions: immutable, compared by value, and stored in the shape case systems expect."""

from __future__ import annotations

import pytest

from ispcheck import Decision, Effect, Finding, Outcome
from ispcheck.decision import SEVERITY

from .conftest import FIXED_TIME

FINDING = Finding(
    rule_id="example.post",
    effect=Effect.CONDITION,
    clauses=("7.4",),
    message="Sent by post.",
    action="Use tracked delivery.",
)
VALUES = (
    Outcome.SHARE_WITH_CONDITIONS,
    (FINDING,),
    (),
    "warwickshire-csp",
    "2024-05-08",
    FIXED_TIME,
    True,
)


def test_a_decision_built_by_position_equals_one_built_by_name() -> None:
    by_name = Decision(
        outcome=Outcome.SHARE_WITH_CONDITIONS,
        findings=(FINDING,),
        obligations=(),
        pack_name="warwickshire-csp",
        pack_version="2024-05-08",
        made_at=FIXED_TIME,
        urgent=True,
    )
    assert Decision(*VALUES) == by_name
    assert Decision(*VALUES).to_dict() == by_name.to_dict()


def test_decisions_with_a_different_outcome_are_not_equal() -> None:
    assert Decision(*VALUES) != Decision(Outcome.REFER, *VALUES[1:])


def test_a_decision_cannot_be_changed() -> None:
    decision = Decision(*VALUES)
    with pytest.raises(AttributeError):
        decision.outcome = Outcome.DO_NOT_SHARE  # type: ignore[misc]
    assert decision.outcome is Outcome.SHARE_WITH_CONDITIONS


def test_a_decision_that_does_not_say_urgent_is_not_urgent() -> None:
    assert Decision(*VALUES[:-1]).urgent is False


def test_a_finding_knows_how_strict_it_is_but_is_equal_whatever_that_says() -> None:
    assert FINDING.severity == SEVERITY[Effect.CONDITION]
    assert "severity" not in FINDING.to_dict()
