"""Lawful basis: Article 6, Article 9, Schedule 1, gateways and exemptions.

Clauses 1.3, 4.1, 4.3, 5.2, 5.6 and 7.2, with Appendices 1, 2, 3, 10 and 11.
"""

from __future__ import annotations

import pytest

from tests.conftest import effect_of, rule_ids

URGENT = {"context.urgent_risk_to_life": True}
NOT_S115 = {"lawful_basis.gateway": "other_statute"}
HEALTH_DATA = {
    "data.categories": ["personal", "special_category"],
    "data.special_category_types": ["health"],
    "necessity.sensitive_data_necessary": True,
}
OFFENCE_DATA = {
    "data.categories": ["personal", "criminal_offence"],
    "necessity.sensitive_data_necessary": True,
}
CONSENT_OBTAINED = {"consent.status": "obtained", "consent.recorded": True, "consent.restrictions": ""}


# -- Article 6 ------------------------------------------------------------------------------


def test_a_share_with_no_article_6_lawful_basis_is_not_made(decide):
    """5.2, 5.6: information is shared only on a lawful basis."""
    decision = decide(**{"lawful_basis.article6": None})

    assert effect_of(decision, "lawful-basis.article6-missing") == "block"
    assert decision.outcome.value == "do_not_share"


def test_a_share_with_an_article_6_lawful_basis_passes_the_basis_check(decide):
    """5.2: public task is a lawful basis."""
    decision = decide(**{"lawful_basis.article6": "public_task"})

    assert "lawful-basis.article6-missing" not in rule_ids(decision)


def test_in_an_emergency_the_article_6_basis_may_be_recorded_afterwards(decide):
    """A11: vital interests applies now and is recorded afterwards."""
    decision = decide(**{"lawful_basis.article6": None, **URGENT})

    assert effect_of(decision, "lawful-basis.article6-missing") == "condition"
    assert decision.outcome.value == "share_with_conditions"


# -- legitimate interests -------------------------------------------------------------------


def test_a_public_authority_cannot_rely_on_legitimate_interests(decide):
    """5.2, A3: a public body's basis for its tasks is public task."""
    decision = decide(**{"lawful_basis.article6": "legitimate_interests"})

    assert effect_of(decision, "lawful-basis.legitimate-interests-public-authority") == "block"
    assert decision.outcome.value == "do_not_share"


def test_in_an_emergency_a_public_authority_naming_legitimate_interests_records_vital_interests_afterwards(
    decide,
):
    """A11: a wrong basis is no worse than none when life is at risk (found by the monotonicity property)."""
    decision = decide(**{"lawful_basis.article6": "legitimate_interests", **URGENT})

    assert effect_of(decision, "lawful-basis.legitimate-interests-public-authority") == "condition"
    finding = next(
        f for f in decision.findings if f.rule_id == "lawful-basis.legitimate-interests-public-authority"
    )
    assert "vital interests" in (finding.action or "")
    assert decision.outcome.value == "share_with_conditions"


def test_in_an_emergency_legitimate_interests_from_an_unknown_organisation_records_vital_interests_afterwards(
    decide,
):
    """A11: the Data Protection Officer is not asked first when life is at risk."""
    decision = decide(
        **{
            "discloser.organisation": "Some Unlisted Trust",
            "lawful_basis.article6": "legitimate_interests",
            **URGENT,
        }
    )

    assert effect_of(decision, "lawful-basis.legitimate-interests-unknown-discloser") == "condition"


def test_without_an_emergency_legitimate_interests_from_an_unknown_organisation_goes_to_the_dpo(decide):
    decision = decide(
        **{"discloser.organisation": "Some Unlisted Trust", "lawful_basis.article6": "legitimate_interests"}
    )

    assert effect_of(decision, "lawful-basis.legitimate-interests-unknown-discloser") == "refer"


def test_a_charity_relying_on_legitimate_interests_is_not_blocked_but_must_assess_it(decide):
    """5.2, 5.3: legitimate interests is open to a charity, with a balancing assessment."""
    decision = decide(
        **{
            "discloser.organisation": "Barnardo's",
            "lawful_basis.article6": "legitimate_interests",
            **NOT_S115,
        }
    )

    assert "lawful-basis.legitimate-interests-public-authority" not in rule_ids(decision)
    assert effect_of(decision, "lawful-basis.legitimate-interests-assessment") == "condition"
    assert decision.outcome.value == "share_with_conditions"


def test_a_charity_relying_on_public_task_needs_no_legitimate_interests_assessment(decide):
    """5.2: the assessment is needed only where legitimate interests is relied on."""
    decision = decide(**{"discloser.organisation": "Barnardo's", **NOT_S115})

    assert "lawful-basis.legitimate-interests-assessment" not in rule_ids(decision)


def test_a_public_authority_relying_on_legitimate_interests_is_blocked_not_asked_to_assess(
    decide,
):
    """5.2: for a public authority no assessment can make legitimate interests available."""
    decision = decide(**{"lawful_basis.article6": "legitimate_interests"})

    assert "lawful-basis.legitimate-interests-assessment" not in rule_ids(decision)


def test_legitimate_interests_from_an_unregistered_discloser_is_referred(decide):
    """5.2: it is not known whether an unregistered body is a public authority."""
    decision = decide(
        **{
            "discloser.organisation": "Acme Security Ltd",
            "lawful_basis.article6": "legitimate_interests",
            **NOT_S115,
        }
    )

    assert effect_of(decision, "lawful-basis.legitimate-interests-unknown-discloser") == "refer"
    assert decision.outcome.value == "refer"


def test_legitimate_interests_from_an_unregistered_police_force_is_blocked_as_a_public_authority(decide):
    """5.2, A3: a police force is a public authority whether or not it has signed."""
    decision = decide(
        **{
            "discloser.organisation": "West Mercia Police",
            "discloser.kind": "police",
            "lawful_basis.article6": "legitimate_interests",
            **NOT_S115,
        }
    )

    assert effect_of(decision, "lawful-basis.legitimate-interests-public-authority") == "block"
    assert "lawful-basis.legitimate-interests-unknown-discloser" not in rule_ids(decision)
    assert decision.outcome.value == "do_not_share"


def test_legitimate_interests_from_an_unregistered_charity_is_still_referred_not_relaxed(decide):
    """5.2: a kind that does not make every organisation a public authority settles nothing."""
    decision = decide(
        **{
            "discloser.organisation": "Avon Valley Community Kitchen",
            "discloser.kind": "voluntary",
            "lawful_basis.article6": "legitimate_interests",
            **NOT_S115,
        }
    )

    assert effect_of(decision, "lawful-basis.legitimate-interests-unknown-discloser") == "refer"
    assert "lawful-basis.legitimate-interests-assessment" not in rule_ids(decision)


def test_the_register_decides_whether_a_discloser_is_a_public_authority_not_the_kind_given(decide):
    """5.2: Barnardo's is in the register as a charity; a kind given as a council does not change it."""
    decision = decide(
        **{
            "discloser.organisation": "Barnardo's",
            "discloser.kind": "local_authority",
            "lawful_basis.article6": "legitimate_interests",
            **NOT_S115,
        }
    )

    assert "lawful-basis.legitimate-interests-public-authority" not in rule_ids(decision)
    assert effect_of(decision, "lawful-basis.legitimate-interests-assessment") == "condition"


def test_an_unregistered_discloser_on_public_task_raises_no_legitimate_interests_question(
    decide,
):
    """5.2: the question only arises when legitimate interests is relied on."""
    decision = decide(**{"discloser.organisation": "Acme Security Ltd", **NOT_S115})

    assert "lawful-basis.legitimate-interests-unknown-discloser" not in rule_ids(decision)


# -- consent as the basis -------------------------------------------------------------------


def test_consent_as_the_lawful_basis_without_consent_having_been_obtained_is_not_shared(decide):
    """5.5, 5.6, A2.Q6: consent is a basis only once it is given."""
    decision = decide(**{"lawful_basis.article6": "consent"})

    assert effect_of(decision, "lawful-basis.consent-not-obtained") == "block"
    assert decision.outcome.value == "do_not_share"


def test_explicit_consent_for_health_data_that_was_refused_is_not_a_basis(decide):
    """5.5, A2.Q6: a refusal is not explicit consent under Article 9."""
    decision = decide(
        **{
            **HEALTH_DATA,
            "lawful_basis.article9": "explicit_consent",
            "consent.status": "refused",
        }
    )

    assert effect_of(decision, "lawful-basis.consent-not-obtained") == "block"
    assert decision.outcome.value == "do_not_share"


def test_consent_as_the_lawful_basis_once_obtained_and_recorded_is_accepted(decide):
    """A2.Q6: obtained, recorded consent is a lawful basis."""
    decision = decide(**{"lawful_basis.article6": "consent", **CONSENT_OBTAINED})

    assert "lawful-basis.consent-not-obtained" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_in_an_emergency_consent_not_obtained_gives_way_to_vital_interests(decide):
    """5.6 with A11: rely on vital interests now and record it."""
    decision = decide(**{"lawful_basis.article6": "consent", **URGENT})

    assert effect_of(decision, "lawful-basis.consent-not-obtained") == "condition"
    assert decision.outcome.value == "share_with_conditions"


# -- special category and criminal offence data ---------------------------------------------


def test_special_category_data_without_an_article_9_condition_is_not_shared(decide):
    """4.3, 5.2: special category data needs an Article 9 condition."""
    decision = decide(**HEALTH_DATA)

    assert effect_of(decision, "lawful-basis.special-category-without-condition") == "block"
    assert decision.outcome.value == "do_not_share"


def test_a_special_category_type_alone_makes_the_data_special_category(decide):
    """4.3: naming health data is enough, even if the category list omits it."""
    decision = decide(
        **{
            "data.special_category_types": ["health"],
            "necessity.sensitive_data_necessary": True,
        }
    )

    assert effect_of(decision, "lawful-basis.special-category-without-condition") == "block"


def test_special_category_data_with_an_article_9_condition_and_schedule_1_is_shared(decide):
    """4.3: substantial public interest with its Schedule 1 condition is lawful."""
    decision = decide(
        **{
            **HEALTH_DATA,
            "lawful_basis.article9": "substantial_public_interest",
            "lawful_basis.schedule1_condition": "safeguarding_children_and_individuals_at_risk",
        }
    )

    assert "lawful-basis.special-category-without-condition" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_in_an_emergency_special_category_data_may_go_under_vital_interests(decide):
    """4.3 with A11: Article 9(2)(c) applies now and is recorded afterwards."""
    decision = decide(**{**HEALTH_DATA, **URGENT})

    assert effect_of(decision, "lawful-basis.special-category-without-condition") == "condition"
    assert decision.outcome.value == "share_with_conditions"


def test_substantial_public_interest_without_a_schedule_1_condition_is_not_shared(decide):
    """4.3: the Schedule 1 condition is what makes substantial public interest lawful."""
    decision = decide(**{**HEALTH_DATA, "lawful_basis.article9": "substantial_public_interest"})

    key = "lawful-basis.substantial-public-interest-without-schedule1"
    assert effect_of(decision, key) == "block"
    assert decision.outcome.value == "do_not_share"


def test_substantial_public_interest_naming_its_schedule_1_condition_is_accepted(decide):
    """4.3: naming the condition answers the check."""
    decision = decide(
        **{
            **HEALTH_DATA,
            "lawful_basis.article9": "substantial_public_interest",
            "lawful_basis.schedule1_condition": "preventing_or_detecting_unlawful_acts",
        }
    )

    assert "lawful-basis.substantial-public-interest-without-schedule1" not in rule_ids(decision)


def test_in_an_emergency_the_schedule_1_condition_may_be_recorded_afterwards(decide):
    """4.3 with A11."""
    decision = decide(**{**HEALTH_DATA, "lawful_basis.article9": "substantial_public_interest", **URGENT})

    key = "lawful-basis.substantial-public-interest-without-schedule1"
    assert effect_of(decision, key) == "condition"
    assert decision.outcome.value == "share_with_conditions"


def test_criminal_offence_data_without_a_schedule_1_condition_is_not_shared(decide):
    """4.3, 5.2: criminal offence data needs a Schedule 1 condition (Article 10)."""
    decision = decide(**OFFENCE_DATA)

    assert effect_of(decision, "lawful-basis.criminal-offence-without-schedule1") == "block"
    assert decision.outcome.value == "do_not_share"


def test_criminal_offence_data_with_a_schedule_1_condition_is_shared(decide):
    """4.3: preventing or detecting unlawful acts is a Schedule 1 condition."""
    decision = decide(
        **{
            **OFFENCE_DATA,
            "lawful_basis.schedule1_condition": "preventing_or_detecting_unlawful_acts",
        }
    )

    assert "lawful-basis.criminal-offence-without-schedule1" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_in_an_emergency_criminal_offence_data_may_go_and_the_condition_be_recorded_after(
    decide,
):
    """4.3 with A11."""
    decision = decide(**{**OFFENCE_DATA, **URGENT})

    assert effect_of(decision, "lawful-basis.criminal-offence-without-schedule1") == "condition"
    assert decision.outcome.value == "share_with_conditions"


def test_information_about_an_offender_not_marked_as_criminal_offence_data_gets_a_reminder(
    decide,
):
    """4.3: information about offending usually is criminal offence data."""
    decision = decide(**{"subjects": [{"role": "offender", "is_child": False}]})

    assert effect_of(decision, "lawful-basis.offender-data-not-marked-criminal") == "advice"
    assert decision.outcome.value == "share"


def test_information_about_a_suspect_not_marked_as_criminal_offence_data_gets_a_reminder(
    decide,
):
    """4.3: allegations against a suspect are criminal offence data too."""
    decision = decide(**{"subjects": [{"role": "suspect", "is_child": False}]})

    assert effect_of(decision, "lawful-basis.offender-data-not-marked-criminal") == "advice"


def test_information_about_an_offender_marked_as_criminal_offence_data_gets_no_reminder(decide):
    """4.3: once marked, the Schedule 1 check takes over."""
    decision = decide(
        **{
            **OFFENCE_DATA,
            "subjects": [{"role": "offender", "is_child": False}],
            "lawful_basis.schedule1_condition": "preventing_or_detecting_unlawful_acts",
        }
    )

    assert "lawful-basis.offender-data-not-marked-criminal" not in rule_ids(decision)


def test_information_about_a_victim_gets_no_criminal_offence_reminder(decide):
    """4.3: the reminder is about offenders and suspects."""
    decision = decide()

    assert "lawful-basis.offender-data-not-marked-criminal" not in rule_ids(decision)


# -- the power to share: gateways -----------------------------------------------------------


S115 = "lawful-basis.s115-needs-relevant-authorities"


def s115_finding(decision):
    return next(f for f in decision.findings if f.rule_id == S115)


def test_section_115_with_a_recipient_that_is_not_a_relevant_authority_is_referred(decide):
    """1.3, 3.1, 4.1: section 115 is a power to disclose to the relevant authorities of s.115(2)."""
    decision = decide(**{"recipient.organisation": "Barnardo's"})

    assert effect_of(decision, S115) == "refer"
    assert decision.outcome.value == "refer"
    assert decision.refer_to == ("your Data Protection Officer",)
    finding = s115_finding(decision)
    assert finding.law == ("Crime and Disorder Act 1998 s.115(1) and (2)",)
    assert finding.clauses == ("1.3", "3.1", "4.1")
    assert "Appendix 1" in (finding.action or "")


def test_a_council_that_has_not_signed_is_a_relevant_authority_but_must_sign_the_agreement(decide):
    """s.115(2)(d): a neighbouring council is a relevant authority; 3.6 still applies to it."""
    decision = decide(
        **{"recipient.organisation": "Coventry City Council", "recipient.kind": "local_authority"}
    )

    assert S115 not in rule_ids(decision)
    assert effect_of(decision, "parties.recipient-not-signatory") == "condition"
    assert decision.outcome.value == "share_with_conditions"


def test_a_police_force_that_has_not_signed_is_a_relevant_authority(decide):
    """s.115(2)(a): the chief officer of police for any police area in England and Wales."""
    decision = decide(**{"recipient.organisation": "West Mercia Police", "recipient.kind": "police"})

    assert S115 not in rule_ids(decision)


def test_section_115_to_an_nhs_hospital_trust_is_referred(decide):
    """s.115(2): NHS trusts provide care and are not among the health bodies it lists."""
    decision = decide(
        **{
            "recipient.organisation": "University Hospitals Coventry and Warwickshire NHS Trust",
            "recipient.kind": "health_provider",
        }
    )

    assert effect_of(decision, S115) == "refer"
    assert "not one of them" in s115_finding(decision).message


def test_a_hospital_trust_that_has_signed_the_protocol_is_still_not_a_relevant_authority(decide):
    """Signing the protocol (A13) does not make an organisation a relevant authority (s.115(2))."""
    decision = decide(**{"recipient.organisation": "South Warwickshire University NHS Foundation Trust"})

    assert effect_of(decision, S115) == "refer"


def test_the_integrated_care_board_is_a_relevant_authority(decide):
    """s.115(2)(f) and 1.3: the ICB, successor of the health authority."""
    decision = decide(**{"recipient.organisation": "NHS Coventry and Warwickshire ICB"})

    assert S115 not in rule_ids(decision)


def test_an_unregistered_recipient_of_unknown_kind_is_not_taken_to_be_a_relevant_authority(decide):
    """Fail closed: its kind is not known, so it is not known to be a relevant authority."""
    decision = decide(**{"recipient.organisation": "Coventry City Council"})

    assert effect_of(decision, S115) == "refer"
    finding = s115_finding(decision)
    assert "kind of organisation is not given" in finding.message
    assert "recipient.kind" in finding.facts
    assert "Say what kind of organisation the recipient is" in (finding.action or "")
    assert "recipient.kind" in finding.facts
    assert decision.refer_to == ("your Data Protection Officer",)


def test_the_register_entry_wins_over_a_kind_that_contradicts_it(decide):
    """Refuge is in the register as a charity; saying it is a council does not make it one."""
    decision = decide(**{"recipient.organisation": "Refuge", "recipient.kind": "local_authority"})

    assert effect_of(decision, S115) == "refer"
    assert "not one of them" in s115_finding(decision).message


def test_a_registered_council_given_as_another_kind_is_still_a_relevant_authority(decide):
    """The register wins both ways: Rugby Borough Council stays a council."""
    decision = decide(**{"recipient.organisation": "Rugby BC", "recipient.kind": "voluntary"})

    assert S115 not in rule_ids(decision)


def test_section_115_lets_any_discloser_share_with_a_relevant_authority(decide):
    """s.115(1): any person may disclose to a relevant authority; Barnardo's to the council."""
    decision = decide(**{"discloser.organisation": "Barnardo's"})

    assert "lawful-basis.s115-needs-relevant-authorities" not in rule_ids(decision)


def test_section_115_to_an_attendee_that_is_not_a_relevant_authority_in_a_meeting_is_advice(
    decide,
):
    """A5: MARAC attendees share under a declaration made subject to s.115; 4.1, A1 for the power."""
    decision = decide(
        **{
            "recipient.organisation": "Refuge",
            "context.setting": "marac",
            "handling.channel": "in_meeting",
        }
    )

    assert effect_of(decision, "lawful-basis.s115-needs-relevant-authorities") == "advice"
    assert decision.outcome.value == "share_with_conditions"


def test_section_115_to_a_non_relevant_authority_in_an_emergency_is_a_condition_to_record_later(decide):
    """1.3, 4.1: with a risk to life, share what is needed now and record the correct power afterwards."""
    decision = decide(**{"recipient.organisation": "Barnardo's", "context.urgent_risk_to_life": True})

    s115 = "lawful-basis.s115-needs-relevant-authorities"
    finding = next(f for f in decision.findings if f.rule_id == s115)
    assert finding.effect.value == "condition"
    assert finding.after is True
    assert "record the correct power afterwards" in (finding.action or "")


def test_section_115_in_a_meeting_to_an_attendee_of_unknown_kind_is_advice(decide):
    """A5: the meeting's declaration is made subject to s.115; the kind not being known is advice there."""
    decision = decide(
        **{
            "recipient.organisation": "Avon Valley Community Kitchen",
            "context.setting": "marac",
            "handling.channel": "in_meeting",
        }
    )

    assert effect_of(decision, S115) == "advice"
    assert "not known to be one" in s115_finding(decision).message


def test_in_an_emergency_section_115_to_a_recipient_of_unknown_kind_is_recorded_afterwards(decide):
    """A11: share what is needed now; record the power and the recipient's kind afterwards."""
    decision = decide(**{"recipient.organisation": "Coventry City Council", **URGENT})

    finding = s115_finding(decision)
    assert finding.effect.value == "condition"
    assert finding.after is True
    assert "not given" in finding.message
    assert "recipient's kind of organisation" in (finding.action or "")


def test_section_115_in_a_meeting_in_an_emergency_is_the_same_condition_not_advice(decide):
    """A5 gives advice in a meeting, but the urgent path is the same everywhere: record afterwards."""
    decision = decide(
        **{
            "recipient.organisation": "Refuge",
            "context.setting": "marac",
            "handling.channel": "in_meeting",
            "context.urgent_risk_to_life": True,
        }
    )

    assert effect_of(decision, "lawful-basis.s115-needs-relevant-authorities") == "condition"


def test_section_115_between_two_relevant_authorities_is_accepted(decide):
    """1.3, s.115(2)(a) and (d): the police and a borough council are both relevant authorities."""
    decision = decide(**{"lawful_basis.gateway": "crime_and_disorder_act_s115"})

    assert "lawful-basis.s115-needs-relevant-authorities" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_another_gateway_with_a_non_relevant_authority_is_not_questioned(decide):
    """4.1, A1: other Acts give other bodies powers to share."""
    decision = decide(**{"recipient.organisation": "Barnardo's", "lawful_basis.gateway": "children_act"})

    assert "lawful-basis.s115-needs-relevant-authorities" not in rule_ids(decision)


def test_in_an_emergency_a_doubtful_section_115_share_goes_ahead_and_is_corrected_later(decide):
    """4.1 with A11."""
    decision = decide(**{"recipient.organisation": "Barnardo's", **URGENT})

    assert effect_of(decision, "lawful-basis.s115-needs-relevant-authorities") == "condition"
    assert decision.outcome.value == "share_with_conditions"


def test_a_share_naming_no_power_to_share_gets_a_reminder(decide):
    """4.1, A1: name the statutory power."""
    decision = decide(**{"lawful_basis.gateway": None})

    assert effect_of(decision, "lawful-basis.no-gateway") == "advice"
    assert decision.outcome.value == "share"


def test_a_share_naming_its_power_to_share_gets_no_reminder(decide):
    """4.1."""
    decision = decide(**{"lawful_basis.gateway": "crime_and_disorder_act_s115"})

    assert "lawful-basis.no-gateway" not in rule_ids(decision)


# -- the crime and taxation exemption -------------------------------------------------------


def test_the_crime_and_taxation_exemption_without_a_formal_request_is_not_used(decide):
    """7.2: the exemption must be formally set out, with specific details."""
    decision = decide(**{"lawful_basis.exemption": "crime_and_taxation"})

    assert effect_of(decision, "lawful-basis.crime-and-taxation-without-request-form") == "block"
    assert decision.outcome.value == "do_not_share"


def test_the_crime_and_taxation_exemption_with_the_form_said_not_to_exist_is_not_used(decide):
    """7.2: a request form that was not made is no request."""
    decision = decide(
        **{"lawful_basis.exemption": "crime_and_taxation", "context.formal_request_form": False}
    )

    assert effect_of(decision, "lawful-basis.crime-and-taxation-without-request-form") == "block"


@pytest.mark.parametrize("user", ["discloser", "recipient", None])
def test_the_crime_and_taxation_exemption_with_the_form_said_to_be_not_applicable_is_not_used(decide, user):
    """7.2: the exemption is formally set out whoever uses the information, so "not applicable" is no form."""
    decision = decide(
        **{
            "lawful_basis.exemption": "crime_and_taxation",
            "context.formal_request_form": "not_applicable",
            "context.evidence_used_by": user,
        }
    )

    assert effect_of(decision, "lawful-basis.crime-and-taxation-without-request-form") == "block"
    found = next(
        f for f in decision.findings if f.rule_id.endswith("crime-and-taxation-without-request-form")
    )
    assert "read as no form" in found.message
    assert found.law == ("DPA 2018 Schedule 2 Part 1 paragraph 2",)


def test_the_crime_and_taxation_exemption_with_a_formal_request_discloses_the_minimum(decide):
    """7.2, A10: keep the form, disclose only the minimum."""
    decision = decide(**{"lawful_basis.exemption": "crime_and_taxation", "context.formal_request_form": True})

    assert "lawful-basis.crime-and-taxation-without-request-form" not in rule_ids(decision)
    assert effect_of(decision, "lawful-basis.crime-and-taxation-with-request-form") == "condition"
    assert decision.outcome.value == "share_with_conditions"


def test_a_request_form_without_the_crime_and_taxation_exemption_raises_no_exemption_condition(
    decide,
):
    """7.2: the condition belongs to the exemption."""
    decision = decide(**{"context.formal_request_form": True})

    assert "lawful-basis.crime-and-taxation-with-request-form" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_the_crime_and_taxation_exemption_for_a_safeguarding_purpose_is_referred(decide):
    """7.2, A11: the exemption covers crime and offenders, not safeguarding."""
    decision = decide(
        **{
            "lawful_basis.exemption": "crime_and_taxation",
            "context.formal_request_form": True,
            "purpose.code": "safeguarding",
        }
    )

    assert effect_of(decision, "lawful-basis.crime-and-taxation-wrong-purpose") == "refer"
    assert decision.outcome.value == "refer"


def test_the_crime_and_taxation_exemption_for_detecting_crime_fits_its_purpose(decide):
    """7.2, A11: detecting crime is what the exemption is for."""
    decision = decide(
        **{
            "lawful_basis.exemption": "crime_and_taxation",
            "context.formal_request_form": True,
            "purpose.code": "detect_crime",
        }
    )

    assert "lawful-basis.crime-and-taxation-wrong-purpose" not in rule_ids(decision)


# -- privacy and confidentiality ------------------------------------------------------------


def test_a_share_where_privacy_was_not_weighed_is_referred_to_the_designated_officer(decide):
    """A10, A2.Q3: Article 8 and the duty of confidentiality are weighed first."""
    decision = decide(**{"necessity.article8_considered": False})

    assert effect_of(decision, "lawful-basis.article8-not-considered") == "refer"
    assert decision.outcome.value == "refer"
    assert decision.refer_to == ("your organisation's Designated Officer",)


def test_a_share_where_it_is_not_known_whether_privacy_was_weighed_is_referred(decide):
    """A10: an unanswered question is not an answer."""
    decision = decide(**{"necessity.article8_considered": None})

    assert effect_of(decision, "lawful-basis.article8-not-considered") == "refer"


def test_a_share_where_privacy_was_weighed_is_not_referred(decide):
    """A10."""
    decision = decide(**{"necessity.article8_considered": True})

    assert "lawful-basis.article8-not-considered" not in rule_ids(decision)


def test_in_an_emergency_the_privacy_balance_may_be_recorded_afterwards(decide):
    """A10 with A11."""
    decision = decide(**{"necessity.article8_considered": False, **URGENT})

    assert effect_of(decision, "lawful-basis.article8-not-considered") == "condition"
    assert decision.outcome.value == "share_with_conditions"


def test_section_115_to_a_non_relevant_authority_at_a_mappa_meeting_is_referred_as_outside_one(decide):
    """A4 is not made subject to s.115, so the in-meeting advice of A3, A5, A6 and A9 does not apply."""
    decision = decide(
        **{
            "recipient.organisation": "Bromford Housing",
            "context.setting": "mappa",
            "handling.channel": "in_meeting",
        }
    )

    assert effect_of(decision, "lawful-basis.s115-needs-relevant-authorities") == "refer"
