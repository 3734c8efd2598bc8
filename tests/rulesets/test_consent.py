"""Consent: seek agreement where safe, record it, respect its limits (5.5, 5.6, A2 Q6-Q7)."""

from __future__ import annotations

from tests.conftest import effect_of, rule_ids

URGENT = {"context.urgent_risk_to_life": True}
OBTAINED = {"consent.status": "obtained", "consent.recorded": True, "consent.restrictions": ""}
LIMITS = {**OBTAINED, "consent.restrictions": "only to the council's community safety team"}


# -- consent not sought ---------------------------------------------------------------------


def test_consent_not_sought_with_no_reason_given_is_referred_to_the_designated_officer(decide):
    """5.5, A2.Q7: agreement is sought where safe, or the reason it was not is recorded."""
    decision = decide(**{"consent.reason_not_sought": None})

    assert effect_of(decision, "consent.not-sought-without-reason") == "refer"
    assert decision.outcome.value == "refer"
    assert decision.refer_to == ("your organisation's Designated Officer",)


def test_consent_whose_status_is_unknown_with_no_reason_given_is_referred(decide):
    """5.5: not knowing whether consent was sought is treated as not sought."""
    decision = decide(**{"consent.status": None, "consent.reason_not_sought": None})

    assert effect_of(decision, "consent.not-sought-without-reason") == "refer"


def test_consent_not_sought_for_a_recorded_reason_is_not_referred(decide):
    """5.5, A2.Q7: a reason such as alerting the suspect answers the question."""
    decision = decide(
        **{"consent.reason_not_sought": "asking would alert the suspect, who lives with the victim"}
    )

    assert "consent.not-sought-without-reason" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_in_an_emergency_the_reason_for_not_seeking_consent_may_be_recorded_afterwards(decide):
    """A2.Q7 with A11."""
    decision = decide(**{"consent.reason_not_sought": None, **URGENT})

    assert effect_of(decision, "consent.not-sought-without-reason") == "condition"
    assert decision.outcome.value == "share_with_conditions"


def test_the_reason_for_not_seeking_consent_is_kept_with_the_decision_record(decide):
    """5.5, 5.6, A2.Q7: the reason goes in the record."""
    decision = decide()

    assert effect_of(decision, "consent.not-sought-reason-recorded") == "advice"
    assert decision.outcome.value == "share"


def test_consent_that_was_obtained_needs_no_note_about_why_it_was_not_sought(decide):
    """5.5: the note is only for consent that was not sought."""
    decision = decide(**OBTAINED)

    assert "consent.not-sought-reason-recorded" not in rule_ids(decision)


# -- consent obtained -----------------------------------------------------------------------


def test_consent_that_was_obtained_but_not_recorded_must_be_recorded_before_sharing(decide):
    """A2.Q6: is the consent recorded on a file or a consent form?"""
    decision = decide(**{"consent.status": "obtained", "consent.recorded": False})

    assert effect_of(decision, "consent.obtained-not-recorded") == "condition"
    assert decision.outcome.value == "share_with_conditions"
    finding = next(f for f in decision.findings if f.rule_id == "consent.obtained-not-recorded")
    assert "A2.Q6" in finding.clauses


def test_consent_obtained_where_it_is_not_known_whether_it_was_recorded_must_be_recorded(decide):
    """A2.Q6: an unknown is not a record."""
    decision = decide(**{"consent.status": "obtained", "consent.recorded": None})

    assert effect_of(decision, "consent.obtained-not-recorded") == "condition"


def test_recorded_consent_raises_no_recording_condition(decide):
    """A2.Q6."""
    decision = decide(**OBTAINED)

    assert "consent.obtained-not-recorded" not in rule_ids(decision)
    assert decision.outcome.value == "share"


# -- limits on consent ----------------------------------------------------------------------


def test_consent_whose_limits_are_not_known_waits_until_they_are_checked(decide):
    """A2.Q6 asks whether there are restrictions; not knowing is not "none" (fail closed)."""
    decision = decide(**{**OBTAINED, "consent.restrictions": None})

    assert effect_of(decision, "consent.limits-not-known") == "condition"
    assert decision.outcome.value == "share_with_conditions"


def test_consent_with_no_limits_stated_raises_nothing_about_limits(decide):
    """A2.Q6: the nearest case: "no limits" is an answer."""
    decision = decide(**OBTAINED)

    assert "consent.limits-not-known" not in rule_ids(decision)
    assert "consent.restrictions-apply" not in rule_ids(decision)


def test_unknown_limits_matter_only_where_consent_was_obtained(decide):
    """A2.Q6: with consent not sought there are no limits to know."""
    decision = decide(**{"consent.restrictions": None})

    assert "consent.limits-not-known" not in rule_ids(decision)


def test_in_an_emergency_unknown_limits_are_checked_afterwards(decide):
    """A2.Q6 with A11: share what protects life now, check the consent record afterwards."""
    decision = decide(**{**OBTAINED, "consent.restrictions": None, **URGENT})

    finding = next(f for f in decision.findings if f.rule_id == "consent.limits-not-known")
    assert finding.effect.value == "condition" and finding.after


def test_a_share_that_goes_beyond_the_limits_of_consent_is_not_made(decide):
    """A2.Q6, 7.3: are there any restrictions on the consent?"""
    decision = decide(**{**LIMITS, "consent.within_restrictions": False})

    assert effect_of(decision, "consent.outside-restrictions") == "block"
    assert decision.outcome.value == "do_not_share"
    assert "consent.restrictions-apply" not in rule_ids(decision)


def test_a_share_within_the_limits_of_consent_is_not_blocked_but_the_limits_travel_with_it(
    decide,
):
    """A2.Q6: the recipient is told the limits."""
    decision = decide(**{**LIMITS, "consent.within_restrictions": True})

    assert "consent.outside-restrictions" not in rule_ids(decision)
    assert effect_of(decision, "consent.restrictions-apply") == "condition"
    assert decision.outcome.value == "share_with_conditions"


def test_limits_on_consent_not_yet_checked_against_the_share_must_be_checked(decide):
    """A2.Q6: where it is not said whether the share stays within them, confirm it does."""
    decision = decide(**LIMITS)

    assert effect_of(decision, "consent.restrictions-apply") == "condition"


def test_consent_without_limits_raises_no_restriction_condition(decide):
    """A2.Q6."""
    decision = decide(**{**OBTAINED, "consent.within_restrictions": False})

    assert "consent.restrictions-apply" not in rule_ids(decision)
    assert "consent.outside-restrictions" not in rule_ids(decision)


# -- sharing against a refusal --------------------------------------------------------------


def test_sharing_after_consent_was_refused_needs_a_recorded_justification(decide):
    """A2.Q7, 5.6: justification for sharing without consent, e.g. to protect the victim."""
    decision = decide(**{"consent.status": "refused"})

    assert effect_of(decision, "consent.refused-overridden") == "condition"
    assert decision.outcome.value == "share_with_conditions"


def test_sharing_after_consent_was_withdrawn_needs_a_recorded_justification(decide):
    """A2.Q7, 5.6."""
    decision = decide(**{"consent.status": "withdrawn"})

    assert effect_of(decision, "consent.refused-overridden") == "condition"


def test_sharing_with_consent_given_needs_no_justification_for_overriding_a_refusal(decide):
    """A2.Q7: nothing was refused."""
    decision = decide(**OBTAINED)

    assert "consent.refused-overridden" not in rule_ids(decision)


def test_a_refusal_with_consent_as_the_basis_is_blocked_rather_than_overridden(decide):
    """5.6: without consent, consent cannot be the basis; another basis is needed."""
    decision = decide(**{"consent.status": "refused", "lawful_basis.article6": "consent"})

    assert "consent.refused-overridden" not in rule_ids(decision)
    assert effect_of(decision, "lawful-basis.consent-not-obtained") == "block"


def test_in_an_emergency_the_justification_for_overriding_a_refusal_is_recorded_afterwards(
    decide,
):
    """A2.Q7 with A11: share now, record why it was necessary afterwards."""
    decision = decide(**{"consent.status": "refused", **URGENT})

    assert effect_of(decision, "consent.refused-overridden") == "condition"
    finding = next(f for f in decision.findings if f.rule_id == "consent.refused-overridden")
    assert "afterwards" in finding.action
