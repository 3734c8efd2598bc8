"""Governance: is the protocol itself due for its annual review? (16.1, 18, 19.1)"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from ispcheck import Checker
from tests.conftest import clean_disclosure, effect_of, rule_ids

RULE = "governance.pack-past-review"


def checker_on(pack, day):
    """A checker whose clock reads noon (UTC) on ``day``."""
    moment = datetime.combine(day, time(12), tzinfo=UTC)
    return Checker(pack, use_entry_points=False, clock=lambda: moment)


def test_the_review_falls_due_a_year_after_the_last_update_in_the_change_history(pack):
    """16.1, 19.1: annual review; 18: last updated 8 May 2024."""
    assert pack.meta.last_updated == date(2024, 5, 8)
    assert pack.meta.review_due == date(2025, 5, 8)


def test_a_decision_made_after_the_review_date_warns_the_protocol_may_be_out_of_date(pack):
    """16.1, 19.1: a protocol past its annual review may no longer be current."""
    day_after = pack.meta.review_due + timedelta(days=1)
    decision = checker_on(pack, day_after).check(clean_disclosure())

    assert effect_of(decision, RULE) == "advice"
    assert decision.outcome.value == "share"
    found = next(f for f in decision.findings if f.rule_id == RULE)
    assert found.clauses == ("16.1", "19.1", "18")
    assert "8 May 2025" in found.message


def test_a_decision_made_on_the_review_date_itself_carries_no_review_warning(pack):
    """16.1: on the due date the review is due, not yet overdue."""
    decision = checker_on(pack, pack.meta.review_due).check(clean_disclosure())

    assert RULE not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_a_decision_made_before_the_review_date_carries_no_review_warning(pack):
    """16.1."""
    decision = checker_on(pack, date(2024, 6, 1)).check(clean_disclosure())

    assert RULE not in rule_ids(decision)


@pytest.mark.parametrize("categories", [["anonymised"], ["aggregated"]])
def test_the_review_warning_applies_to_anonymised_shares_too(pack, categories):
    """16.1: an out-of-date protocol is out of date whatever is shared."""
    day_after = pack.meta.review_due + timedelta(days=1)
    decision = checker_on(pack, day_after).check(clean_disclosure(**{"data.categories": categories}))

    assert effect_of(decision, RULE) == "advice"


def test_a_decision_date_passed_explicitly_is_used_for_the_review_check(pack):
    """16.1: the check uses the date the decision is about."""
    checker = checker_on(pack, date(2024, 6, 1))
    decision = checker.check(clean_disclosure(), today=date(2025, 12, 1))

    assert effect_of(decision, RULE) == "advice"


def test_the_warning_says_annual_review_only_of_a_protocol_reviewed_every_year(pack, tmp_path):
    from ispcheck.pack import load_pack
    from tests.helpers import copy_pack, edit

    decision = checker_on(pack, pack.meta.review_due + timedelta(days=1)).check(clean_disclosure())
    yearly = next(f for f in decision.findings if f.rule_id == RULE)
    assert "its annual review fell due" in yearly.message

    folder = copy_pack(tmp_path)
    edit(folder, "pack.toml", "review_interval_months = 12", "review_interval_months = 24")
    every_two_years = load_pack(folder)
    assert every_two_years.meta.review_due == date(2026, 5, 8)
    later = checker_on(every_two_years, date(2026, 5, 9)).check(clean_disclosure())
    found = next(f for f in later.findings if f.rule_id == RULE)
    assert "its review (every 24 months) fell due on 8 May 2026" in found.message
    assert "annual" not in found.message
