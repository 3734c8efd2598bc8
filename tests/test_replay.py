"""Replay: re-deciding stored disclosures under another pack shows exactly what would change.

The packs compared are the fixture pack and copies of it with one thing changed, so a change to
the Warwickshire rules does not break these tests. Replaying under the same pack, and withheld
text, are shown under the shipped pack instead: its many rules read more of each disclosure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ispcheck import Checker
from ispcheck.register import Register, StoredRecord
from ispcheck.replay import Change, replay

from .conftest import FIXED_TIME, clean_disclosure
from .helpers import FIXTURE_PACK, copy_pack
from .register_backends import Backend
from .test_register import SPECIAL

#: A disclosure where it is not known whether the information is wanted as evidence.
EVIDENCE_NOT_KNOWN = {"context.evidential_use": None}


@pytest.fixture
def register(backend: Backend, fixture_checker: Checker) -> Iterator[Register]:
    """A new register, deciding under the fixture pack."""
    with Register.open(backend.target, checker=fixture_checker) as opened:
        yield opened


@pytest.fixture
def shipped_register(backend: Backend, checker: Checker) -> Iterator[Register]:
    """A new register, deciding under the shipped pack."""
    with Register.open(backend.target, checker=checker) as opened:
        yield opened


@pytest.fixture
def edited_pack(tmp_path: Path) -> Callable[[str, Callable[[str], str]], Checker]:
    """A copy of the fixture pack with one file edited, as a checker (built-in rules only)."""

    def make(file: str, edit: Callable[[str], str]) -> Checker:
        folder = copy_pack(tmp_path, FIXTURE_PACK)
        path = folder / file
        before = path.read_text(encoding="utf-8")
        after = edit(before)
        assert after != before, "the edit changed nothing"
        path.write_text(after, encoding="utf-8")
        return Checker(folder, use_entry_points=False)

    return make


def evidence_not_known_referred(text: str) -> str:
    """unknown_risks.toml with evidence not known referred to the officer, not made a condition."""
    return re.sub(
        r'(id = "evidential-use"\n(?:.*\n)*?)effect = "condition"\n',
        r'\1effect = "refer"\nrefer_to = "the officer in charge of the case"\n',
        text,
        count=1,
    )


def investigations_under_f3(text: str) -> str:
    """concepts.toml with the protocol's word on ongoing investigations moved from F4 to F3."""
    return text.replace(
        '[concept.ongoing-investigations]\nclauses = ["F4"]',
        '[concept.ongoing-investigations]\nclauses = ["F3"]',
    )


def test_replaying_under_the_same_pack_changes_nothing(shipped_register: Register, checker: Checker) -> None:
    for changes in ({}, {"context.ongoing_investigation": True}, {"context.setting": "marac"}, SPECIAL):
        shipped_register.add(clean_disclosure(**changes))
    assert list(replay(shipped_register.records(), checker)) == []


def test_a_pack_that_now_refers_an_unknown_fact_changes_exactly_the_decisions_where_it_is_unknown(
    register: Register, edited_pack: Callable[[str, Callable[[str], str]], Checker]
) -> None:
    cases = [
        EVIDENCE_NOT_KNOWN,
        {},
        {**EVIDENCE_NOT_KNOWN, "handling.channel": "post"},
        {"context.ongoing_investigation": True},
        EVIDENCE_NOT_KNOWN,
    ]
    for case in cases:
        register.add(clean_disclosure(**case))
    changes = list(replay(register.records(), edited_pack("unknown_risks.toml", evidence_not_known_referred)))
    assert [c.id for c in changes] == [1, 3, 5]
    for change in changes:
        assert change.outcome_changed
        assert (change.before, change.after) == ("share_with_conditions", "refer")
        assert [(f.rule_id, f.effect) for f in change.appeared] == [("unknown.evidential-use", "refer")]
        assert [(f.rule_id, f.effect) for f in change.disappeared] == [
            ("unknown.evidential-use", "condition")
        ]


def test_a_pack_that_maps_a_concept_to_another_clause_changes_findings_but_not_outcomes(
    register: Register, edited_pack: Callable[[str, Callable[[str], str]], Checker]
) -> None:
    for investigation in (False, True, None, True):
        register.add(clean_disclosure(**{"context.ongoing_investigation": investigation}))
    changes = list(replay(register.records(), edited_pack("concepts.toml", investigations_under_f3)))
    # Record 3's finding cites F4 from unknown_risks.toml, not through the concept: it stays.
    assert [c.id for c in changes] == [2, 4]
    for change in changes:
        assert not change.outcome_changed
        assert change.before == change.after == "refer"
        assert [(f.rule_id, f.clauses) for f in change.disappeared] == [
            ("investigation.not-consulted", ("F4",))
        ]
        assert [(f.rule_id, f.clauses) for f in change.appeared] == [("investigation.not-consulted", ("F3",))]


def test_replay_decides_as_of_the_day_each_record_was_first_decided(
    tmp_path: Path, fixture_checker: Checker
) -> None:
    in_2032 = Checker(
        fixture_checker.pack, use_entry_points=False, clock=lambda: datetime(2032, 6, 1, tzinfo=UTC)
    )
    with Register.open(tmp_path / "old.sqlite", checker=fixture_checker) as register:
        stored = register.add(clean_disclosure())
        assert "governance.pack-past-review" not in {f["rule_id"] for f in stored.decision["findings"]}
        # Decided in 2032, the fixture pack (due for review five years after 2026-01-01) would be
        # past its review; replay must not say so.
        assert "governance.pack-past-review" in {
            f.rule_id for f in in_2032.check(clean_disclosure()).findings
        }
        assert list(replay(register.records(), in_2032)) == []


def test_withheld_text_replays_to_the_same_decision(shipped_register: Register, checker: Checker) -> None:
    stored = shipped_register.add(clean_disclosure(**SPECIAL))
    assert "consent.restrictions" in stored.withheld
    assert "consent.restrictions-apply" in {f["rule_id"] for f in stored.decision["findings"]}
    assert list(replay(shipped_register.records(), checker)) == []


def test_a_stored_disclosure_that_no_longer_reads_is_reported_not_skipped(
    register: Register, fixture_checker: Checker
) -> None:
    stored = register.add(clean_disclosure())
    content = {**stored.content, "disclosure": {**stored.disclosure, "purpose": {"code": "retired_code"}}}
    damaged = StoredRecord(stored.id, stored.recorded_at, stored.prev_hash, stored.hash, content)
    (change,) = replay([damaged], fixture_checker)
    assert isinstance(change, Change)
    assert change.after is None and change.outcome_changed
    assert "retired_code" in (change.problem or "")


#: versions.toml for the fixture pack: its own files are the 2026 text; the 2025 text is not held.
FIXTURE_VERSIONS = """clauses = ["F9"]

[[version]]
id = "2026-01-01"
title = "The fixture protocol as revised"
in_force_from = 2026-01-01
summary = "The pack's own files."

[[version]]
id = "2025-01-01"
title = "The first fixture protocol"
in_force_from = 2025-01-01
summary = "Its text is not held."
"""


def test_replay_tries_the_newest_text_on_old_records_unless_asked_for_the_version_in_force(
    tmp_path: Path,
) -> None:
    folder = copy_pack(tmp_path, FIXTURE_PACK)
    (folder / "versions.toml").write_text(FIXTURE_VERSIONS, encoding="utf-8")
    checker = Checker(folder, use_entry_points=False, clock=lambda: FIXED_TIME)
    in_2025 = Checker(checker.pack, use_entry_points=False, clock=lambda: datetime(2025, 9, 1, tzinfo=UTC))
    with Register.open(tmp_path / "old.sqlite", checker=in_2025) as register:
        stored = register.add(clean_disclosure())
        # Recorded in 2025, under the 2026 text (the only one held), with a note saying so.
        assert "pack.version-not-held" in {f["rule_id"] for f in stored.decision["findings"]}
        # Trying the newest text on it: the note is gone, as the newest text is what is asked for.
        (change,) = replay(register.records(), checker)
        assert [k.rule_id for k in change.disappeared] == ["pack.version-not-held"]
        assert not change.outcome_changed
        # Under the version in force on its day, it decides as it did.
        assert list(replay(register.records(), checker, in_force=True)) == []
