"""Decisions: the hot path's way of building one gives exactly what the dataclass gives."""

from __future__ import annotations

import dataclasses

import pytest

from ispcheck import Decision, Effect, Finding, Outcome
from ispcheck.decision import SEVERITY, new_decision

from .conftest import FIXED_TIME

FINDING = Finding(
    rule_id="example.post",
    effect=Effect.CONDITION,
    clauses=("7.4",),
    message="Sent by post.",
    action="Use tracked delivery.",
)


def test_a_decision_built_on_the_hot_path_equals_one_built_the_ordinary_way() -> None:
    values = (
        Outcome.SHARE_WITH_CONDITIONS,
        (FINDING,),
        (),
        "warwickshire-csp",
        "2024-05-08",
        FIXED_TIME,
        True,
    )
    assert new_decision(*values) == Decision(*values)
    assert new_decision(*values).to_dict() == Decision(*values).to_dict()


def test_a_decision_built_on_the_hot_path_cannot_be_changed() -> None:
    decision = new_decision(Outcome.SHARE, (), (), "p", "v", FIXED_TIME, False)
    with pytest.raises(dataclasses.FrozenInstanceError):
        decision.outcome = Outcome.DO_NOT_SHARE  # type: ignore[misc]


def test_a_finding_knows_how_strict_it_is_but_is_equal_whatever_that_says() -> None:
    assert FINDING.severity == SEVERITY[Effect.CONDITION]
    assert "severity" not in FINDING.to_dict()
