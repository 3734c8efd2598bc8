"""Rules that were predicates and are now data (variants) still fire exactly as the predicates did.

Each function below is the rule as it was written in code before it became variants, kept here
as the reference reading. On any disclosure, the checker's findings for that rule must be the
ones the reference gives.
"""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, given, settings

from ispcheck import Checker, Finding
from ispcheck.facts import Facts
from ispcheck.rulesets.investigations import _OWN_EVIDENCE_FROM_A_MEETING
from ispcheck.rulesets.lawful_basis import (
    _S115_IN_MEETING,
    _S115_KIND_NOT_KNOWN,
    _S115_KIND_NOT_KNOWN_URGENT,
)
from ispcheck.rulesets.onward import _meeting_variants
from ispcheck.view import DisclosureView, view_of

from ..conftest import FIXED_TIME
from ..strategies import any_disclosures

common = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read(checker: Checker, finding: Finding) -> Finding:
    """A finding built by a rule module, as the checker's protocol reads it (its clause ids)."""
    return checker.pack.concepts.finding(finding)


def _rule(checker: Checker, rule_id: str) -> Any:
    return next(r.rule for r in checker.rules if r.rule.id == rule_id)


def s115_as_it_was(checker: Checker, d: DisclosureView, f: Facts) -> Finding | None:
    rule = _rule(checker, "lawful-basis.s115-needs-relevant-authorities")
    if d.lawful_basis.gateway != "crime_and_disorder_act_s115":
        return None
    if f.recipient_relevant_authority is True:
        return None
    if f.meeting is not None and f.meeting.declaration_under_s115 and not f.urgent:
        return read(checker, _S115_IN_MEETING)
    if f.recipient_relevant_authority is None:
        return read(checker, _S115_KIND_NOT_KNOWN_URGENT if f.urgent else _S115_KIND_NOT_KNOWN)
    finding: Finding = rule.urgent_finding if f.urgent else rule.finding
    return finding


def evidence_from_meeting_as_it_was(checker: Checker, d: DisclosureView, f: Facts) -> Finding | None:
    rule = _rule(checker, "evidence.from-meeting")
    fires = (
        d.context.evidential_use is True
        and d.context.formal_request_form is not True  # with the request made, A9's route is taken
        and (f.meeting is not None or d.context.from_meeting is not None)
    )
    if not fires:
        return None
    # Whoever uses it: an organisation serving its own evidence is told to use its own records.
    return (
        read(checker, _OWN_EVIDENCE_FROM_A_MEETING)
        if d.context.evidence_used_by == "discloser"
        else rule.finding
    )


def meeting_content_as_it_was(checker: Checker, d: DisclosureView, f: Facts) -> Finding | None:
    rule = _rule(checker, "onward.meeting-content")
    agreed = d.context.chair_agreed is True
    variants = {
        code: _meeting_variants(rule, s, agreed, checker.pack.clause_name(s.declaration))
        for code, s in checker.pack.settings.items()
    }
    source = d.context.from_meeting
    if source is None or source == f.setting or source not in variants:
        return None
    normal, urgent = variants[source]
    return read(checker, urgent if f.urgent else normal)


REFERENCES = {
    "lawful-basis.s115-needs-relevant-authorities": s115_as_it_was,
    "evidence.from-meeting": evidence_from_meeting_as_it_was,
    "onward.meeting-content": meeting_content_as_it_was,
}


@common
@given(any_disclosures())
def test_each_rule_written_as_variants_fires_as_its_predicate_did(
    checker: Checker, data: dict[str, Any]
) -> None:
    view = view_of(copy.deepcopy(data))
    facts = Facts.of(view, checker.pack, FIXED_TIME.date())
    decision = checker.decide(view, today=FIXED_TIME.date())
    for rule_id, reference in REFERENCES.items():
        expected = reference(checker, view, facts) if facts.personal else None
        found = [f for f in decision.findings if f.rule_id == rule_id]
        assert found == ([expected] if expected is not None else []), rule_id
