"""Shared fixtures: a checker with a fixed clock, and a disclosure that passes every rule.

Rule tests start from :func:`clean_disclosure` (outcome ``share``) and change one fact at a time,
so each test shows the fact that makes a rule fire, and the nearest case where it does not.

Tests of the machinery (audit, register, replay, service, command line, paperwork) decide under
the small fixture pack instead (``fixture_checker``, ``FIXTURE_PACK``), so that a change to one
protocol's reading does not break them. Under it the clean disclosure is ``share`` with no
findings, and only a few built-in rules apply (``ispcheck rules --pack tests/fixture_pack/fixture-csp``).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from ispcheck import Checker, Decision
from ispcheck.pack import Pack, load_pack

from .helpers import FIXTURE_PACK
from .postgres import postgres_server, postgres_url
from .register_backends import BACKENDS, Backend, make_backend

__all__ = ["backend", "postgres_server", "postgres_url"]

FIXED_TIME = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)

CLEAN: dict[str, Any] = {
    "discloser": {"organisation": "Warwickshire Police", "officer": "DC 1234"},
    "recipient": {"organisation": "Rugby Borough Council", "has_secure_email": True},
    "subjects": [{"role": "victim", "is_child": False}],
    "data": {
        "categories": ["personal"],
        "description": "the victim's current address, for a safety visit",
        "originator": "Warwickshire Police",
    },
    "purpose": {"code": "prevent_crime", "statement": "to arrange a joint safety visit"},
    "lawful_basis": {
        "article6": "public_task",
        "article9": None,
        "schedule1_condition": None,
        "gateway": "crime_and_disorder_act_s115",
        "exemption": None,
    },
    "consent": {
        "status": "not_sought",
        "reason_not_sought": "asking would alert the suspect, who lives with the victim",
        "recorded": False,
        "restrictions": None,
    },
    "necessity": {
        "statement": "the council needs the address to fit target-hardening equipment",
        "makes_a_difference": True,
        "less_data_considered": True,
        "alternatives_considered": True,
        "impact_considered": True,
        "article8_considered": True,
    },
    "accuracy": {"identity_verified": True, "fact_and_opinion_distinguished": True},
    "handling": {"classification": "OFFICIAL-SENSITIVE", "channel": "secure_email"},
    "context": {
        "setting": "outside_meeting",
        "urgent_risk_to_life": False,
        "ongoing_investigation": False,
        "investigating_officer_consulted": None,
        "secondary_disclosure": False,
        "originator_agreed": None,
        "evidential_use": False,
        "formal_request_form": None,
        "profiling_children": False,
        "profiling": False,
        "transfer_outside_uk": False,
        "dpia_in_place": True,
    },
}


def clean_disclosure(**changes: Any) -> dict[str, Any]:
    """The clean disclosure with dotted-path changes, e.g. ``**{"consent.status": "refused"}``.

    A value of ``...`` (Ellipsis) deletes the field.
    """
    result = copy.deepcopy(CLEAN)
    for path, value in changes.items():
        *parents, last = path.split(".")
        node = result
        for part in parents:
            node = node.setdefault(part, {})
        if value is ...:
            node.pop(last, None)
        else:
            node[last] = value
    return result


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    """A place for one test's register: an SQLite file, then (a second run) a PostgreSQL database."""
    return make_backend(request, tmp_path, request.param)


@pytest.fixture(scope="session")
def pack() -> Pack:
    return load_pack()


@pytest.fixture(scope="session")
def checker(pack: Pack) -> Checker:
    """The built-in rules only (no installed plugins), deciding at a fixed time."""
    return Checker(pack, use_entry_points=False, clock=lambda: FIXED_TIME)


@pytest.fixture(scope="session")
def fixture_pack() -> Pack:
    """The fixture pack (tests/fixture_pack/fixture-csp): not a real protocol."""
    return load_pack(FIXTURE_PACK)


@pytest.fixture(scope="session")
def fixture_checker(fixture_pack: Pack) -> Checker:
    """The built-in rules only, under the fixture pack, at a fixed time: for the machinery's tests."""
    return Checker(fixture_pack, use_entry_points=False, clock=lambda: FIXED_TIME)


@pytest.fixture(scope="session")
def decide(checker: Checker) -> Callable[..., Decision]:
    """``decide(**changes)``: the decision for the clean disclosure with those changes."""

    def run(**changes: Any) -> Decision:
        return checker.check(clean_disclosure(**changes))

    return run


def rule_ids(decision: Decision) -> set[str]:
    return {f.rule_id for f in decision.findings}


def effect_of(decision: Decision, rule_id: str) -> str | None:
    """The effect of the finding of ``rule_id`` in ``decision``, or None when it did not fire."""
    for finding in decision.findings:
        if finding.rule_id == rule_id:
            return finding.effect.value
    return None
