"""Investigations and evidence: sub judice, and request forms for evidence (4.6, 7.2, A9-A11)."""

from __future__ import annotations

import pytest

from tests.conftest import effect_of, rule_ids

URGENT = {"context.urgent_risk_to_life": True}
LIVE_CASE = {"context.ongoing_investigation": True}
OFFENCE_DATA = {
    "data.categories": ["personal", "criminal_offence"],
    "lawful_basis.schedule1_condition": "preventing_or_detecting_unlawful_acts",
    "necessity.sensitive_data_necessary": True,
}
EVIDENCE = {"context.evidential_use": True}


# -- live investigations --------------------------------------------------------------------


def test_a_share_about_a_live_investigation_without_consulting_the_investigator_is_referred(
    decide,
):
    """4.6: consult the investigating officer and the CPS, as the matter is sub judice."""
    decision = decide(**LIVE_CASE, **{"context.investigating_officer_consulted": None})

    assert effect_of(decision, "investigation.not-consulted") == "refer"
    assert decision.outcome.value == "refer"
    assert decision.refer_to == ("the investigating officer and the Crown Prosecution Service",)
    found = next(f for f in decision.findings if f.rule_id == "investigation.not-consulted")
    assert found.clauses == ("4.6",)


def test_a_share_about_a_live_investigation_where_the_investigator_was_not_asked_is_referred(
    decide,
):
    """4.6."""
    decision = decide(**LIVE_CASE, **{"context.investigating_officer_consulted": False})

    assert effect_of(decision, "investigation.not-consulted") == "refer"


def test_a_share_about_a_live_investigation_after_consulting_the_investigator_goes_ahead(decide):
    """4.6: consultation done, the share is not held up."""
    decision = decide(**LIVE_CASE, **{"context.investigating_officer_consulted": True})

    assert "investigation.not-consulted" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_in_an_emergency_a_live_case_share_goes_ahead_and_the_investigator_is_told(decide):
    """4.6 with A11."""
    decision = decide(**LIVE_CASE, **URGENT)

    assert effect_of(decision, "investigation.not-consulted") == "condition"
    assert decision.outcome.value == "share_with_conditions"


def test_personal_data_where_it_is_not_said_whether_a_case_is_live_is_shared_only_once_confirmed(decide):
    """4.6: an unknown live investigation is a risk not known to be absent."""
    decision = decide(**{"context.ongoing_investigation": None})

    assert effect_of(decision, "unknown.ongoing-investigation") == "condition"
    assert decision.outcome.value == "share_with_conditions"
    (condition,) = decision.conditions
    assert "Confirm with the investigating officer" in condition.text
    assert "4.6" in condition.clauses


def test_personal_data_said_not_to_relate_to_a_live_case_needs_no_confirming(decide):
    """4.6: the nearest case: known not to be live."""
    decision = decide(**{"context.ongoing_investigation": False})

    assert "unknown.ongoing-investigation" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_anonymised_data_with_unknown_investigation_status_needs_no_confirming(decide):
    """5.4, 2.1: anonymised data is outside the personal-data rules."""
    decision = decide(**{"context.ongoing_investigation": None, "data.categories": ["anonymised"]})

    assert "unknown.ongoing-investigation" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_in_an_emergency_an_unknown_live_case_is_checked_afterwards(decide):
    """4.6 with A11: confirming can wait until the emergency allows."""
    decision = decide(**{"context.ongoing_investigation": None, **URGENT})

    (finding,) = [f for f in decision.findings if f.rule_id == "unknown.ongoing-investigation"]
    assert finding.effect.value == "condition"
    assert finding.after is True


# -- evidence -------------------------------------------------------------------------------


def test_information_wanted_as_evidence_without_a_formal_request_is_not_disclosed(decide):
    """7.2, A10, A11: the access request forms must be used for evidence."""
    decision = decide(**EVIDENCE, **{"context.formal_request_form": None})

    assert effect_of(decision, "evidence.without-request-form") == "block"
    assert decision.outcome.value == "do_not_share"


def test_information_wanted_as_evidence_on_a_formal_request_is_answered_with_the_minimum(decide):
    """7.2, A10: answer the form, keep it, have the response quality-assured."""
    decision = decide(**EVIDENCE, **{"context.formal_request_form": True})

    assert "evidence.without-request-form" not in rule_ids(decision)
    assert effect_of(decision, "evidence.request-form-answered") == "condition"
    assert decision.outcome.value == "share_with_conditions"


def test_a_formal_request_for_information_not_wanted_as_evidence_raises_no_evidence_condition(
    decide,
):
    """7.2: the evidence conditions are for evidential use."""
    decision = decide(**{"context.evidential_use": False, "context.formal_request_form": True})

    assert "evidence.request-form-answered" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_evidence_taken_from_a_socjag_discussion_without_a_form_is_not_disclosed(decide):
    """A9: evidence cannot be taken directly from meeting discussions or papers."""
    decision = decide(
        **EVIDENCE,
        **{
            "context.formal_request_form": False,
            "context.setting": "socjag",
            "handling.channel": "in_meeting",
        },
    )

    assert effect_of(decision, "evidence.from-meeting") == "block"
    assert decision.outcome.value == "do_not_share"


def test_evidence_at_a_socjag_asked_for_on_the_form_is_answered_from_the_owners_records(decide):
    """A9, 7.2: the formal request is the route A9 prescribes, so it is not blocked."""
    decision = decide(
        **EVIDENCE,
        **{
            "context.formal_request_form": True,
            "context.setting": "socjag",
            "handling.channel": "in_meeting",
        },
    )

    assert "evidence.from-meeting" not in rule_ids(decision)
    assert effect_of(decision, "evidence.answered-from-own-records") == "condition"
    assert decision.outcome.value == "share_with_conditions"


def test_evidence_taken_from_meeting_papers_without_a_form_is_not_disclosed(decide):
    """A9: the papers of a meeting are no source of evidence either."""
    decision = decide(**EVIDENCE, **{"context.formal_request_form": None, "context.from_meeting": "socjag"})

    assert effect_of(decision, "evidence.from-meeting") == "block"


def test_evidence_from_meeting_papers_asked_for_on_the_form_is_answered_from_the_owners_records(decide):
    """A9, 7.2: with the request made, the owner answers it from its own records."""
    decision = decide(**EVIDENCE, **{"context.formal_request_form": True, "context.from_meeting": "socjag"})

    assert "evidence.from-meeting" not in rule_ids(decision)
    assert effect_of(decision, "evidence.answered-from-own-records") == "condition"
    assert decision.outcome.value == "share_with_conditions"


def test_evidence_asked_for_on_the_form_outside_any_meeting_needs_no_meeting_condition(decide):
    """A9: the meeting condition is for evidence that involves a meeting."""
    decision = decide(**EVIDENCE, **{"context.formal_request_form": True})

    assert "evidence.answered-from-own-records" not in rule_ids(decision)


def test_evidence_requested_from_the_data_owner_outside_any_meeting_is_not_blocked(decide):
    """A9: request it from the data owner in a legally compliant format."""
    decision = decide(
        **EVIDENCE,
        **{"context.formal_request_form": True, "context.from_meeting": None},
    )

    assert "evidence.from-meeting" not in rule_ids(decision)


# -- evidence the discloser serves itself (issue 15, item 5) --------------------------------

OWN_EVIDENCE = {**EVIDENCE, "context.evidence_used_by": "discloser"}
PARTNERS_REQUEST = {**EVIDENCE, "context.evidence_used_by": "recipient"}


def _finding(decision, rule_id):
    return next(f for f in decision.findings if f.rule_id == rule_id)


@pytest.mark.parametrize("form", ["not_applicable", False, None])
def test_an_organisation_serving_its_own_evidence_is_not_blocked_for_lacking_a_request_form(decide, form):
    """7.2: the forms are a partner's request to the data owner; the owner serving its own asks nobody."""
    decision = decide(**OWN_EVIDENCE, **{"context.formal_request_form": form})

    assert "evidence.without-request-form" not in rule_ids(decision)
    assert effect_of(decision, "evidence.served-under-court-rules") == "condition"
    assert decision.outcome.value == "share_with_conditions"
    found = _finding(decision, "evidence.served-under-court-rules")
    assert found.clauses == ("7.2", "A10", "A11")
    assert "only what the court rules require" in found.action
    assert any("65.43" in law for law in found.law)
    assert found.interpretations == ("evidence-served-by-discloser",)


def test_an_organisation_serving_its_own_evidence_with_a_form_made_needs_no_court_rules_condition(decide):
    """7.2: with a form made, the share answers it, as before."""
    decision = decide(**OWN_EVIDENCE, **{"context.formal_request_form": True})

    assert "evidence.served-under-court-rules" not in rule_ids(decision)
    assert effect_of(decision, "evidence.request-form-answered") == "condition"


def test_information_not_wanted_as_evidence_raises_no_court_rules_condition_whoever_is_named(decide):
    """7.2: who would use it as evidence means nothing when it is not wanted as evidence."""
    decision = decide(**{"context.evidential_use": False, "context.evidence_used_by": "discloser"})

    assert "evidence.served-under-court-rules" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_a_request_form_said_to_be_not_applicable_when_the_recipient_wants_evidence_is_read_as_none(decide):
    """7.2: a partner wanting evidence asks the data owner on the form, so it is not "not applicable"."""
    decision = decide(**PARTNERS_REQUEST, **{"context.formal_request_form": "not_applicable"})

    assert effect_of(decision, "evidence.without-request-form") == "block"
    assert decision.outcome.value == "do_not_share"
    assert "evidence.served-under-court-rules" not in rule_ids(decision)
    found = _finding(decision, "evidence.without-request-form")
    assert "read as no form" in found.message
    assert "evidence-served-by-discloser" in found.interpretations


def test_a_request_form_said_to_be_not_applicable_with_nobody_saying_who_uses_the_evidence_is_read_as_none(
    decide,
):
    """7.2, failing closed: who uses it not known is read as a partner's request."""
    decision = decide(**EVIDENCE, **{"context.formal_request_form": "not_applicable"})

    assert effect_of(decision, "evidence.without-request-form") == "block"
    assert (
        "not said who will use it as evidence" in _finding(decision, "evidence.without-request-form").message
    )


def test_no_request_form_for_the_recipients_evidence_is_blocked_as_before(decide):
    """7.2: the recipient's evidence, no form: blocked (the old reading)."""
    decision = decide(**PARTNERS_REQUEST, **{"context.formal_request_form": False})

    assert effect_of(decision, "evidence.without-request-form") == "block"
    finding = _finding(decision, "evidence.without-request-form")
    assert "read as no form" not in finding.message


@pytest.mark.parametrize("meeting", [{"context.from_meeting": "socjag"}, {"context.setting": "marac"}])
def test_evidence_from_a_meeting_stays_blocked_for_an_organisation_serving_its_own(decide, meeting):
    """A9: evidence is never taken from a meeting's discussion or papers, whoever uses it."""
    decision = decide(**OWN_EVIDENCE, **meeting, **{"context.formal_request_form": "not_applicable"})

    assert effect_of(decision, "evidence.from-meeting") == "block"
    assert decision.outcome.value == "do_not_share"
    assert "your organisation's own records" in _finding(decision, "evidence.from-meeting").action


def test_an_organisation_serving_its_own_evidence_not_from_a_meeting_raises_no_meeting_rule(decide):
    """A9: the nearest case, outside any meeting and not from one."""
    decision = decide(**OWN_EVIDENCE, **{"context.formal_request_form": "not_applicable"})

    assert "evidence.from-meeting" not in rule_ids(decision)
