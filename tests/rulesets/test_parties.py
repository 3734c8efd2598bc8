"""Who is sharing with whom: the signatory register (1.3, 1.4, 3.1-3.6, 6.2, A3, A12, A13)."""

from __future__ import annotations

from tests.conftest import effect_of, rule_ids

# Outside the crime and disorder gateway, so the s.115 check does not also fire.
NOT_S115 = {"lawful_basis.gateway": "other_statute"}


# -- the discloser --------------------------------------------------------------------------


def test_a_discloser_that_has_not_signed_the_protocol_is_referred_to_its_own_data_protection_lead(
    decide,
):
    """3.5, 2.2: the protocol covers only organisations that have signed it; 8.1: only they have a
    Designated Officer, so a non-signatory is not sent to one it does not have."""
    decision = decide(**{"discloser.organisation": "Acme Security Ltd", **NOT_S115})

    assert effect_of(decision, "parties.discloser-not-signatory") == "refer"
    assert decision.outcome.value == "refer"
    assert decision.refer_to == (
        "your Data Protection Officer (or whoever leads on data protection in your organisation)",
    )
    finding = next(f for f in decision.findings if f.rule_id == "parties.discloser-not-signatory")
    assert "Designated Officer under it (8.1)" in finding.message
    assert "Designated Officer decides" not in (finding.action or "")


def test_a_board_member_the_protocol_says_has_not_signed_is_not_treated_as_a_signatory(decide):
    """A12: the Police and Crime Commissioner sits on the Board but is not a signatory."""
    decision = decide(**{"discloser.organisation": "Warwickshire Police and Crime Commissioner", **NOT_S115})

    assert effect_of(decision, "parties.discloser-not-signatory") == "refer"


def test_a_signatory_discloser_named_by_a_known_alias_is_recognised(decide):
    """A12: 'Warks Police' is Warwickshire Police."""
    decision = decide(**{"discloser.organisation": "Warks Police"})

    assert "parties.discloser-not-signatory" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_an_unsigned_discloser_may_still_share_to_protect_life_and_report_it_afterwards(decide):
    """3.5 with A11: in an emergency the share goes ahead and is reported afterwards."""
    decision = decide(
        **{
            "discloser.organisation": "Acme Security Ltd",
            "context.urgent_risk_to_life": True,
            **NOT_S115,
        }
    )

    assert effect_of(decision, "parties.discloser-not-signatory") == "condition"
    assert decision.outcome.value == "share_with_conditions"


# -- the recipient --------------------------------------------------------------------------


def test_a_recipient_that_has_not_signed_must_sign_the_appendix_3_agreement_first(decide):
    """3.6: extra care, a handling instruction and a signed confidentiality agreement."""
    decision = decide(**{"recipient.organisation": "Coventry Citizens Advice", **NOT_S115})

    assert effect_of(decision, "parties.recipient-not-signatory") == "condition"
    assert decision.outcome.value == "share_with_conditions"
    finding = next(f for f in decision.findings if f.rule_id == "parties.recipient-not-signatory")
    assert "A3" in finding.clauses
    assert "3.6" in finding.clauses


def test_a_signatory_recipient_named_by_a_known_alias_needs_no_extra_agreement(decide):
    """A12: 'Rugby BC' is Rugby Borough Council."""
    decision = decide(**{"recipient.organisation": "Rugby BC"})

    assert "parties.recipient-not-signatory" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_an_appendix_13_signatory_recipient_needs_no_extra_agreement(decide):
    """A13: additional signatories have signed up to the protocol."""
    decision = decide(**{"recipient.organisation": "Victim Support Warwickshire", **NOT_S115})

    assert "parties.recipient-not-signatory" not in rule_ids(decision)


# -- the same organisation ------------------------------------------------------------------


def test_sharing_inside_one_organisation_is_noted_as_outside_the_protocol(decide):
    """1.4: the protocol governs sharing between partners, not within one."""
    decision = decide(**{"recipient.organisation": "Warwickshire Constabulary"})

    assert effect_of(decision, "parties.same-organisation") == "advice"
    assert decision.outcome.value == "share"


def test_an_unregistered_organisation_sharing_with_itself_is_also_noted(decide):
    """1.4: the same name, written differently, is the same organisation."""
    decision = decide(
        **{
            "discloser.organisation": "The Acme Trust",
            "recipient.organisation": "acme trust",
            **NOT_S115,
        }
    )

    assert effect_of(decision, "parties.same-organisation") == "advice"


def test_the_same_organisation_note_applies_to_anonymised_data_too(decide):
    """1.4: whether a share is internal does not depend on what is shared."""
    decision = decide(**{"recipient.organisation": "Warwickshire Police", "data.categories": ["aggregated"]})

    assert effect_of(decision, "parties.same-organisation") == "advice"


def test_sharing_between_two_different_partners_is_not_internal(decide):
    """1.4: police to borough council is sharing between partners."""
    decision = decide()

    assert "parties.same-organisation" not in rule_ids(decision)


def test_in_an_emergency_an_unsigned_recipient_is_told_now_and_signs_afterwards(decide):
    """3.6 with A11: the Appendix 3 agreement must not hold up protecting life."""
    decision = decide(
        **{"recipient.organisation": "A Private Ambulance Service", "context.urgent_risk_to_life": True}
    )

    finding = next(f for f in decision.findings if f.rule_id == "parties.recipient-not-signatory")
    assert finding.effect.value == "condition"
    assert "as soon as you can" in (finding.action or "")


# -- a private person as the recipient (issue 15, item 1) --------------------------------------

PRIVATE = {
    "recipient.organisation": "The applicant",
    "recipient.kind": "private_individual",
    "lawful_basis.gateway": "common_law",
}


def finding(decision, rule_id):
    return next(f for f in decision.findings if f.rule_id == rule_id)


def test_telling_a_member_of_the_public_about_someone_else_is_referred_to_the_scheme_that_governs_it(decide):
    """1.4, 2.1, 2.2: the protocol is for sharing between partners; Clare's Law, Sarah's Law and
    MAPPA disclosures have their own decision-makers (private-person-outside-partner-sharing)."""
    decision = decide(**PRIVATE)

    assert effect_of(decision, "parties.private-person") == "refer"
    assert decision.outcome.value == "refer"
    found = finding(decision, "parties.private-person")
    assert "1.4" in found.clauses and "Clare's Law" in found.message and "Sarah's Law" in found.message
    assert "Criminal Justice Act 2003 s.327A" in found.law
    assert found.interpretations == ("private-person-outside-partner-sharing",)
    assert "MAPPA" in (found.refer_to or "")


def test_a_member_of_the_public_is_not_asked_to_sign_the_appendix_3_agreement(decide):
    """3.6 and Appendix 3 are written for an agency's representatives, not a member of the public."""
    decision = decide(**PRIVATE)

    assert "parties.recipient-not-signatory" not in rule_ids(decision)


def test_an_organisation_that_has_not_signed_is_still_asked_to_sign_the_appendix_3_agreement(decide):
    """The nearest case: a charity not in the register (3.6)."""
    decision = decide(
        **{**PRIVATE, "recipient.organisation": "Acme Support CIC", "recipient.kind": "voluntary"}
    )

    assert effect_of(decision, "parties.recipient-not-signatory") == "condition"
    assert "parties.private-person" not in rule_ids(decision)


def test_a_recipient_whose_kind_is_not_known_is_not_taken_for_a_private_person(decide):
    """Not known: still an unsigned organisation (the Appendix 3 condition), not a referral."""
    decision = decide(**{**PRIVATE, "recipient.kind": None})

    assert "parties.private-person" not in rule_ids(decision)
    assert effect_of(decision, "parties.recipient-not-signatory") == "condition"


def test_anonymised_figures_for_a_member_of_the_public_are_not_referred(decide):
    """The referral is about personal data."""
    decision = decide(**{**PRIVATE, "data.categories": ["aggregated"], "subjects": []})

    assert "parties.private-person" not in rule_ids(decision)


def test_with_an_urgent_risk_to_life_a_member_of_the_public_may_be_warned_now_and_it_is_recorded(decide):
    """An urgent warning to protect life is a condition, told to the scheme's decision-maker afterwards."""
    decision = decide(**{**PRIVATE, "context.urgent_risk_to_life": True})

    assert effect_of(decision, "parties.private-person") == "condition"
    assert "record" in (finding(decision, "parties.private-person").action or "")


def test_a_person_given_their_own_information_gets_only_theirs_with_others_taken_out(decide):
    """UK GDPR Article 15; DPA 2018 Schedule 2 Part 3 paragraph 16 (own-data-subject-access)."""
    decision = decide(**{**PRIVATE, "recipient.is_data_subject": True})

    assert effect_of(decision, "parties.own-data") == "condition"
    assert "parties.private-person" not in rule_ids(decision)
    assert "parties.recipient-not-signatory" not in rule_ids(decision)
    assert decision.outcome.value == "share_with_conditions"
    found = finding(decision, "parties.own-data")
    assert "UK GDPR Article 15" in found.law
    assert "Data Protection Act 2018 Schedule 2 Part 3 paragraph 16" in found.law
    assert "other people" in (found.action or "")


def test_a_recipient_not_known_to_be_the_person_it_is_about_is_referred_as_any_member_of_the_public(decide):
    """A relaxation that is not known does not apply."""
    decision = decide(**{**PRIVATE, "recipient.is_data_subject": None})

    assert effect_of(decision, "parties.private-person") == "refer"
    assert "parties.own-data" not in rule_ids(decision)


def test_a_private_person_relying_on_section_115_is_also_told_it_is_not_a_relevant_authority(decide):
    """Coherent, not contradictory: s.115(2) lists no private person, and the referral says why."""
    decision = decide(**{**PRIVATE, "lawful_basis.gateway": "crime_and_disorder_act_s115"})

    assert effect_of(decision, "parties.private-person") == "refer"
    assert effect_of(decision, "lawful-basis.s115-needs-relevant-authorities") == "refer"


# -- other recipients of the same message (issue 15, item 3) -----------------------------------


def test_another_recipient_not_in_the_register_is_a_condition_like_the_main_recipient(decide):
    """3.6, Appendix 3."""
    decision = decide(
        **{"recipient.other_recipients": ["Acme Support CIC"], "handling.distribution": "several_hidden"}
    )

    assert effect_of(decision, "parties.other-recipients-not-signatories") == "condition"


def test_other_recipients_all_in_the_register_raise_no_condition_about_signing(decide):
    """The nearest case: every other recipient has signed."""
    decision = decide(
        **{
            "recipient.other_recipients": ["Warwickshire County Council", "Warwickshire Police"],
            "handling.distribution": "several_hidden",
        }
    )

    assert "parties.other-recipients-not-signatories" not in rule_ids(decision)
