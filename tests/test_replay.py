"""Replay: re-deciding stored disclosures under another pack shows exactly what would change."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ispcheck import Checker
from ispcheck.pack import packs_directory
from ispcheck.register import Register, StoredRecord
from ispcheck.replay import Change, replay

from .conftest import clean_disclosure
from .register_backends import Backend
from .test_register import SPECIAL

RUGBY = "Rugby Borough Council"


@pytest.fixture
def register(backend: Backend, checker: Checker) -> Iterator[Register]:
    with Register.open(backend.target, checker=checker) as opened:
        yield opened


@pytest.fixture
def edited_pack(tmp_path: Path) -> Callable[[str, Callable[[str], str]], Checker]:
    """A copy of the shipped pack with one file edited, as a checker (built-in rules only)."""

    def make(file: str, edit: Callable[[str], str]) -> Checker:
        folder = tmp_path / "edited-pack"
        shutil.copytree(packs_directory() / "warwickshire-csp", folder)
        path = folder / file
        before = path.read_text(encoding="utf-8")
        after = edit(before)
        assert after != before, "the edit changed nothing"
        path.write_text(after, encoding="utf-8")
        return Checker(folder, use_entry_points=False)

    return make


def without_rugby(text: str) -> str:
    """partners.toml with Rugby Borough Council's entry removed: it has left the protocol."""
    return re.sub(
        r'\[\[partner\]\]\nname = "Rugby Borough Council"\n.*?(?=\n\[\[)', "", text, flags=re.DOTALL
    )


def marac_recording_not_stated(text: str) -> str:
    return re.sub(r'(code = "marac"\n(?:.*\n)*?recording = )"forbidden"', r'\1"not_stated"', text, count=1)


def test_replaying_under_the_same_pack_changes_nothing(register: Register, checker: Checker) -> None:
    for changes in ({}, {"context.ongoing_investigation": True}, {"context.setting": "marac"}, SPECIAL):
        register.add(clean_disclosure(**changes))
    assert list(replay(register.records(), checker)) == []


def test_a_pack_without_a_signatory_changes_exactly_the_decisions_to_it(
    register: Register, edited_pack: Callable[[str, Callable[[str], str]], Checker]
) -> None:
    recipients = [RUGBY, "Warwickshire County Council", RUGBY, "Warwickshire County Council", "Rugby BC"]
    for name in recipients:
        register.add(clean_disclosure(**{"recipient.organisation": name}))
    changes = list(replay(register.records(), edited_pack("partners.toml", without_rugby)))
    assert [c.id for c in changes] == [1, 3, 5]
    for change in changes:
        assert change.outcome_changed
        assert (change.before, change.after) == ("share", "refer")
        assert "parties.recipient-not-signatory" in {f.rule_id for f in change.appeared}


def test_a_changed_meeting_setting_changes_findings_but_not_outcomes(
    register: Register, edited_pack: Callable[[str, Callable[[str], str]], Checker]
) -> None:
    for setting in ("outside_meeting", "marac", "mappa", "marac"):
        register.add(clean_disclosure(**{"context.setting": setting}))
    changes = list(replay(register.records(), edited_pack("settings.toml", marac_recording_not_stated)))
    assert [c.id for c in changes] == [2, 4]
    for change in changes:
        assert not change.outcome_changed
        assert change.before == change.after == "share_with_conditions"
        assert [f.rule_id for f in change.disappeared] == ["setting.recording"]
        assert change.appeared == ()


def test_replay_decides_as_of_the_day_each_record_was_first_decided(tmp_path: Path, checker: Checker) -> None:
    in_2024 = Checker(checker.pack, use_entry_points=False, clock=lambda: datetime(2024, 6, 1, tzinfo=UTC))
    with Register.open(tmp_path / "old.sqlite", checker=in_2024) as register:
        stored = register.add(clean_disclosure())
        assert "governance.pack-past-review" not in {f["rule_id"] for f in stored.decision["findings"]}
        # Decided today, the protocol would be past its annual review; replay must not say so.
        assert "governance.pack-past-review" in {
            f.rule_id for f in checker.check(clean_disclosure()).findings
        }
        assert list(replay(register.records(), checker)) == []


def test_withheld_text_replays_to_the_same_decision(register: Register, checker: Checker) -> None:
    stored = register.add(clean_disclosure(**SPECIAL))
    assert "consent.restrictions" in stored.withheld
    assert "consent.restrictions-apply" in {f["rule_id"] for f in stored.decision["findings"]}
    assert list(replay(register.records(), checker)) == []


def test_a_stored_disclosure_that_no_longer_reads_is_reported_not_skipped(
    register: Register, checker: Checker
) -> None:
    stored = register.add(clean_disclosure())
    content = {**stored.content, "disclosure": {**stored.disclosure, "purpose": {"code": "retired_code"}}}
    damaged = StoredRecord(stored.id, stored.recorded_at, stored.prev_hash, stored.hash, content)
    (change,) = replay([damaged], checker)
    assert isinstance(change, Change)
    assert change.after is None and change.outcome_changed
    assert "retired_code" in (change.problem or "")


def test_replay_tries_the_newest_text_on_old_records_unless_asked_for_the_version_in_force(
    tmp_path: Path, checker: Checker
) -> None:
    in_2023 = Checker(checker.pack, use_entry_points=False, clock=lambda: datetime(2023, 9, 1, tzinfo=UTC))
    with Register.open(tmp_path / "old.sqlite", checker=in_2023) as register:
        stored = register.add(clean_disclosure())
        # Recorded in 2023, under the 2024 text (the only one held), with a note saying so.
        assert "pack.version-not-held" in {f["rule_id"] for f in stored.decision["findings"]}
        # Trying the newest text on it: the note is gone, as the newest text is what is asked for.
        (change,) = replay(register.records(), checker)
        assert [k.rule_id for k in change.disappeared] == ["pack.version-not-held"]
        assert not change.outcome_changed
        # Under the version in force on its day, it decides as it did.
        assert list(replay(register.records(), checker, in_force=True)) == []
