"""Onward and secondary disclosure: the originator's say, and what may leave a meeting.

Clause 7.3, Appendix 2 question 5, and the meeting declarations of Appendices 3 to 9.
"""

from __future__ import annotations

import pytest

from tests.conftest import effect_of, rule_ids

URGENT = {"context.urgent_risk_to_life": True}
SECONDARY = {
    "context.secondary_disclosure": True,
    "data.originator": "Rugby Borough Council",
    "context.from_meeting": "none",
}
CHAIR = "the meeting chair"
CHIEF_OFFICER = "the Chief Officer of Police"


def finding(decision, rule_id):
    return next(f for f in decision.findings if f.rule_id == rule_id)


# -- asking the originator ------------------------------------------------------------------


def test_passing_on_information_from_another_organisation_without_asking_it_is_referred(decide):
    """A2.Q5, 7.3: check with whoever provided the information before sharing it."""
    decision = decide(**SECONDARY)

    assert effect_of(decision, "onward.originator-not-asked") == "refer"
    assert decision.outcome.value == "refer"
    assert decision.refer_to == ("the organisation or person the information came from",)


def test_an_originator_other_than_the_discloser_shows_it_is_a_secondary_disclosure(decide):
    """A2.Q5: where secondary disclosure is not stated, the named originator tells."""
    decision = decide(**{"context.secondary_disclosure": None, "data.originator": "Rugby Borough Council"})

    assert effect_of(decision, "onward.originator-not-asked") == "refer"


def test_the_disclosers_own_information_needs_no_originator_agreement(decide):
    """A2.Q5: the police passing on what is said to be police information is not a secondary disclosure."""
    decision = decide(**{"context.secondary_disclosure": False, "data.originator": "Warwickshire Police"})

    assert "onward.originator-not-asked" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_the_discloser_named_as_originator_with_the_question_unanswered_is_not_a_plain_share(decide):
    """A2.Q5, fail closed: a document the discloser owns may hold what another gave it."""
    decision = decide(**{"context.secondary_disclosure": None, "data.originator": "Warwickshire Police"})

    assert "unknown.came-from-elsewhere" in rule_ids(decision)
    assert decision.outcome.value != "share"


def test_passing_on_information_the_originator_agreed_to_is_not_referred(decide):
    """7.3: with the owner's consent, the information may go further."""
    decision = decide(**SECONDARY, **{"context.originator_agreed": True})

    assert "onward.originator-not-asked" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_in_an_emergency_the_originator_is_told_after_the_share(decide):
    """A2.Q5 with A11."""
    decision = decide(**SECONDARY, **URGENT)

    assert effect_of(decision, "onward.originator-not-asked") == "condition"
    assert decision.outcome.value == "share_with_conditions"


# -- an originator who objects --------------------------------------------------------------


def test_information_passed_on_against_the_originators_wishes_on_another_basis_goes_to_designated_officers(
    decide,
):
    """7.3, 8.2: another lawful basis may override the refusal; the Designated Officers decide."""
    decision = decide(**SECONDARY, **{"context.originator_agreed": False})

    assert effect_of(decision, "onward.originator-refused") == "refer"
    assert decision.outcome.value == "refer"
    assert decision.refer_to == ("the Designated Officers of both organisations",)
    (finding,) = [f for f in decision.findings if f.rule_id == "onward.originator-refused"]
    assert "8.2" in finding.clauses
    assert "originator-refusal-refers" in finding.interpretations


def test_passing_on_information_against_the_originators_wishes_with_no_lawful_basis_is_not_done(decide):
    """7.3: nothing else allows it: blocked."""
    decision = decide(**SECONDARY, **{"context.originator_agreed": False, "lawful_basis.article6": None})

    assert effect_of(decision, "onward.originator-refused") == "block"
    assert decision.outcome.value == "do_not_share"


def test_in_an_emergency_information_goes_on_against_the_originators_wishes_and_they_are_told(decide):
    """7.3 with A11: vital interests is a lawful basis; tell the originator afterwards."""
    decision = decide(
        **SECONDARY, **{"context.originator_agreed": False, "context.urgent_risk_to_life": True}
    )

    (finding,) = [f for f in decision.findings if f.rule_id == "onward.originator-refused"]
    assert finding.effect.value == "condition"
    assert finding.after is True


def test_a_legal_obligation_lets_information_go_on_despite_the_originator_but_is_recorded(
    decide,
):
    """7.3: unless there is a legal obligation for doing so."""
    decision = decide(
        **SECONDARY,
        **{"context.originator_agreed": False, "lawful_basis.article6": "legal_obligation"},
    )

    assert "onward.originator-refused" not in rule_ids(decision)
    assert effect_of(decision, "onward.legal-obligation-overrides-originator") == "condition"
    assert decision.outcome.value == "share_with_conditions"


def test_in_an_emergency_information_goes_on_despite_the_originator_who_is_then_told(decide):
    """7.3 with A11: vital interests is a lawful basis."""
    decision = decide(**SECONDARY, **{"context.originator_agreed": False}, **URGENT)

    assert effect_of(decision, "onward.originator-refused") == "condition"
    assert decision.outcome.value == "share_with_conditions"


def test_a_legal_obligation_needs_no_record_of_overriding_an_originator_who_agreed(decide):
    """7.3: there is no objection to override."""
    decision = decide(
        **SECONDARY,
        **{"context.originator_agreed": True, "lawful_basis.article6": "legal_obligation"},
    )

    assert "onward.legal-obligation-overrides-originator" not in rule_ids(decision)


def test_a_refusal_recorded_while_the_information_is_said_to_be_the_disclosers_own_is_still_honoured(
    decide,
):
    """7.3: an owner who refused was asked, so the information is someone else's: not ignored."""
    decision = decide(**{"context.secondary_disclosure": False, "context.originator_agreed": False})

    assert effect_of(decision, "onward.originator-refused") == "refer"
    assert decision.outcome.value == "refer"


def test_information_said_to_be_the_disclosers_own_with_no_refusal_raises_no_originator_issue(decide):
    """7.3: the nearest case: the discloser is itself the owner, and nobody refused."""
    decision = decide(**{"context.secondary_disclosure": False, "context.originator_agreed": None})

    assert "onward.originator-refused" not in rule_ids(decision)
    assert "onward.originator-not-asked" not in rule_ids(decision)


# -- information leaving a meeting ----------------------------------------------------------


def test_mappa_content_shared_outside_the_meeting_is_referred_to_the_chair(decide):
    """A4: contents are not shared outside the meeting without the Chair's agreement."""
    decision = decide(**{"context.from_meeting": "mappa"})

    assert effect_of(decision, "onward.meeting-content") == "refer"
    assert decision.outcome.value == "refer"
    assert decision.refer_to == (CHAIR,)
    assert finding(decision, "onward.meeting-content").clauses == ("A4", "7.3")


@pytest.mark.parametrize(
    ("meeting", "declaration"), [("iom_case_conference", "A6"), ("early_help_panel", "A7")]
)
def test_iom_and_early_help_content_shared_outside_the_meeting_is_referred_to_the_chair(
    decide, meeting, declaration
):
    """A6: nothing disclosed to third parties without the chair's agreement; A7 likewise."""
    decision = decide(**{"context.from_meeting": meeting})

    assert effect_of(decision, "onward.meeting-content") == "refer"
    assert decision.refer_to == (CHAIR,)
    assert declaration in finding(decision, "onward.meeting-content").clauses


def test_channel_panel_content_needs_written_sanction_from_the_chief_officer_of_police(decide):
    """A8: nothing divulged without official sanction in writing by the Chief Officer of Police."""
    decision = decide(**{"context.from_meeting": "channel_panel"})

    assert effect_of(decision, "onward.meeting-content") == "refer"
    assert decision.outcome.value == "refer"
    assert decision.refer_to == (CHIEF_OFFICER,)
    assert "A8" in finding(decision, "onward.meeting-content").clauses


@pytest.mark.parametrize(
    ("meeting", "declaration"),
    [
        ("marac", "A5"),
        ("socjag", "A9"),
        ("vulnerability_meeting", "A3"),
        ("csp_meeting", "A3"),
    ],
)
def test_content_of_meetings_allowing_further_sharing_on_a_lawful_basis_gets_advice_only(
    decide, meeting, declaration
):
    """A3, A9: further dissemination only where there is a lawful basis to do so."""
    decision = decide(**{"context.from_meeting": meeting})

    assert effect_of(decision, "onward.meeting-content") == "advice"
    assert decision.outcome.value == "share"
    assert finding(decision, "onward.meeting-content").clauses == (declaration, "7.3")


def test_in_an_emergency_mappa_content_goes_out_and_the_chair_is_told_afterwards(decide):
    """A4 with A11."""
    decision = decide(**{"context.from_meeting": "mappa"}, **URGENT)

    assert effect_of(decision, "onward.meeting-content") == "condition"
    assert decision.outcome.value == "share_with_conditions"
    assert "the meeting chair" in finding(decision, "onward.meeting-content").action


def test_in_an_emergency_channel_content_goes_out_and_the_chief_officer_is_told(decide):
    """A8 with A11."""
    decision = decide(**{"context.from_meeting": "channel_panel"}, **URGENT)

    assert effect_of(decision, "onward.meeting-content") == "condition"
    assert CHIEF_OFFICER in finding(decision, "onward.meeting-content").action


def test_in_an_emergency_lawful_basis_meeting_content_still_gets_advice_only(decide):
    """A5 with A11."""
    decision = decide(**{"context.from_meeting": "marac"}, **URGENT)

    assert effect_of(decision, "onward.meeting-content") == "advice"


def test_mappa_content_shared_within_the_same_mappa_meeting_does_not_leave_it(decide):
    """A4: discussing it in the meeting it came from is not sharing it outside."""
    decision = decide(**{"context.from_meeting": "mappa", "context.setting": "mappa"})

    assert "onward.meeting-content" not in rule_ids(decision)


def test_information_not_from_a_meeting_raises_no_meeting_content_check(decide):
    """7.3."""
    decision = decide(**{"context.from_meeting": None})

    assert "onward.meeting-content" not in rule_ids(decision)


def test_the_police_passing_on_the_commissioners_information_is_a_secondary_disclosure(decide):
    """A2.Q5: the Commissioner's office is not the police, though its name contains the word."""
    decision = decide(
        **{
            "context.secondary_disclosure": None,
            "data.originator": "Warwickshire Police and Crime Commissioner",
        }
    )

    assert effect_of(decision, "onward.originator-not-asked") == "refer"


# -- the chair's agreement (issue 15, item 6) -----------------------------------------------

AGREED = {"context.chair_agreed": True}


@pytest.mark.parametrize(
    ("meeting", "declaration"),
    [("mappa", "A4"), ("iom_case_conference", "A6"), ("early_help_panel", "A7")],
)
def test_content_the_chair_agreed_to_share_goes_ahead_on_a_record_of_the_agreement(
    decide, meeting, declaration
):
    """A4, A6 (and A7 as read): the chair's agreement is the condition; once given, record it."""
    decision = decide(**{"context.from_meeting": meeting}, **AGREED)

    assert effect_of(decision, "onward.meeting-content") == "condition"
    assert decision.outcome.value == "share_with_conditions"
    assert decision.refer_to == ()
    found = finding(decision, "onward.meeting-content")
    assert found.clauses == (declaration, "7.3")
    assert "Record who agreed, when, and what they agreed could be shared" in found.action
    assert "chair-agreement-recorded" in found.interpretations
    assert "UK GDPR Article 5(2) (accountability)" in found.law


def test_mappa_content_leaving_the_meeting_cites_the_mappa_statute_as_well_as_appendix_4(decide):
    """A4, with the Criminal Justice Act 2003 s.325 behind MAPPA's exchange of information."""
    for agreed in (True, None):
        decision = decide(**{"context.from_meeting": "mappa", "context.chair_agreed": agreed})

        assert any("s.325" in law for law in finding(decision, "onward.meeting-content").law)


@pytest.mark.parametrize("agreed", [False, None])
def test_content_the_chair_has_not_agreed_to_share_is_still_referred_to_the_chair(decide, agreed):
    """A4: the nearest case: not agreed, or not known to be, is referred as before."""
    decision = decide(**{"context.from_meeting": "mappa", "context.chair_agreed": agreed})

    assert effect_of(decision, "onward.meeting-content") == "refer"
    assert decision.refer_to == (CHAIR,)
    assert "chair-agreement-recorded" not in finding(decision, "onward.meeting-content").interpretations


def test_the_chairs_agreement_does_not_replace_the_chief_officer_of_polices_sanction_for_channel(decide):
    """A8: it is the Chief Officer of Police's written sanction, not the chair's agreement."""
    decision = decide(**{"context.from_meeting": "channel_panel"}, **AGREED)

    assert effect_of(decision, "onward.meeting-content") == "refer"
    assert decision.refer_to == (CHIEF_OFFICER,)
    assert "it is not the chair who decides" in finding(decision, "onward.meeting-content").message


@pytest.mark.parametrize("meeting", ["marac", "socjag", "case_management_meeting", "other_meeting"])
def test_the_chairs_agreement_relaxes_nothing_where_a_lawful_basis_is_the_test(decide, meeting):
    """A3, A5, A9: onward sharing needs a lawful basis; the chair's agreement is not it (said so)."""
    without = decide(**{"context.from_meeting": meeting})
    decision = decide(**{"context.from_meeting": meeting}, **AGREED)

    assert effect_of(decision, "onward.meeting-content") == effect_of(without, "onward.meeting-content")
    assert decision.outcome == without.outcome
    assert "does not make it the test" in finding(decision, "onward.meeting-content").message


def test_in_an_emergency_content_the_chair_agreed_to_still_goes_on_a_record_of_the_agreement(decide):
    """A4 with A11."""
    decision = decide(**{"context.from_meeting": "mappa"}, **AGREED, **URGENT)

    assert effect_of(decision, "onward.meeting-content") == "condition"
    assert "Record who agreed" in finding(decision, "onward.meeting-content").action


# -- information from a meeting the protocol does not list (issue 15, item 8) ---------------


def test_information_from_an_unlisted_meeting_goes_further_only_on_a_lawful_basis(decide):
    """A3 (as read for a meeting 1.6 does not list), 7.3."""
    decision = decide(
        **{"context.from_meeting": "other_meeting", "context.meeting_name": "modern slavery referral panel"}
    )

    assert effect_of(decision, "onward.meeting-content") == "advice"
    assert effect_of(decision, "onward.from-unlisted-meeting") == "advice"
    assert decision.outcome.value == "share"
    found = finding(decision, "onward.from-unlisted-meeting")
    assert '"modern slavery referral panel"' in found.message
    assert "unlisted-meeting-generic-declaration" in found.interpretations


def test_information_from_an_unnamed_unlisted_meeting_is_to_have_its_meeting_named(decide):
    """1.6: which meeting it came from goes on the record: a condition until it is named."""
    decision = decide(**{"context.from_meeting": "other_meeting"})

    assert effect_of(decision, "onward.from-unlisted-meeting") == "condition"
    assert "Record which meeting it was" in finding(decision, "onward.from-unlisted-meeting").action


def test_information_from_an_unlisted_meeting_discussed_again_at_it_does_not_leave_it(decide):
    """7.3: the nearest case, shared again at the same (unlisted) meeting."""
    decision = decide(
        **{
            "context.from_meeting": "other_meeting",
            "context.setting": "other_meeting",
            "handling.channel": "in_meeting",
        }
    )

    assert "onward.from-unlisted-meeting" not in rule_ids(decision)
    assert "onward.meeting-content" not in rule_ids(decision)
