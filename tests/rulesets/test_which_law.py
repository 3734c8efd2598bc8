"""Which data protection law applies: the dead (DPA 2018 s.3(2)) and law enforcement (DPA 2018 Part 3).

Clauses 1.7, 2.1, 4.3, 4.4, 5.2, 6.4, Appendix 2 question 2 and Appendix 11 (issue 15, items 2, 7 and 10).
"""

from __future__ import annotations

import pytest

from ispcheck.engine import default_checker
from tests.conftest import effect_of, rule_ids

DEAD_VICTIM = {"subjects": [{"role": "victim", "is_child": False, "deceased": True}]}
HEALTH_DATA = {
    "data.categories": ["personal", "special_category"],
    "data.special_category_types": ["health"],
    "necessity.sensitive_data_necessary": True,
}
OFFENCE_DATA = {
    "data.categories": ["personal", "criminal_offence"],
    "necessity.sensitive_data_necessary": True,
}
#: Police sending a case file to the Crown Prosecution Service under Part 3, with no UK GDPR basis.
LAW_ENFORCEMENT = {
    "lawful_basis.regime": "law_enforcement",
    "lawful_basis.article6": None,
    "purpose.code": "prosecute_offender",
}
SENSITIVE_UNDER_PART_3 = {
    "lawful_basis.strictly_necessary": True,
    "lawful_basis.schedule8_condition": "administration_of_justice",
    "lawful_basis.policy_document": True,
}
URGENT = {"context.urgent_risk_to_life": True}


# -- the dead --------------------------------------------------------------------------------


def test_information_only_about_a_person_who_has_died_carries_a_condition_citing_the_protocol_and_statute(
    decide,
):
    decision = decide(**DEAD_VICTIM)

    finding = next(f for f in decision.findings if f.rule_id == "lawful-basis.about-the-dead")
    assert finding.effect.value == "condition"
    assert {"5.2", "A2.Q2"} <= set(finding.clauses)
    assert any("s.3(2)" in law for law in finding.law)
    assert "deceased-not-personal-data" in finding.interpretations
    assert decision.outcome.value == "share_with_conditions"


def test_about_the_dead_only_the_data_protection_law_rules_fall_away(decide):
    decision = decide(**DEAD_VICTIM, **HEALTH_DATA, **{"lawful_basis.article6": None})

    assert "lawful-basis.article6-missing" not in rule_ids(decision)
    assert "lawful-basis.special-category-without-condition" not in rule_ids(decision)
    assert decision.outcome.value == "share_with_conditions"


def test_about_the_dead_the_rules_on_handling_and_confidentiality_still_apply(decide):
    decision = decide(**DEAD_VICTIM, **{"handling.channel": "messaging_app"})

    assert effect_of(decision, "handling.not-a-secure-system") == "block"
    assert decision.outcome.value == "do_not_share"


def test_about_the_dead_the_dpia_advice_falls_away_but_an_investigation_is_still_referred(decide):
    decision = decide(
        **DEAD_VICTIM,
        **{"context.dpia_in_place": False, "context.ongoing_investigation": True},
    )

    assert "setting.dpia-not-recorded" not in rule_ids(decision)
    assert effect_of(decision, "investigation.not-consulted") is not None


@pytest.mark.parametrize(
    "subjects",
    [
        [{"role": "victim", "deceased": True}, {"role": "offender", "deceased": False}],
        [{"role": "victim", "deceased": True}, {"role": "witness"}],
        [{"role": "victim", "deceased": None}],
        [{"role": "victim", "deceased": False}],
        [],
    ],
)
def test_a_person_alive_or_not_known_to_have_died_keeps_every_data_protection_rule(decide, subjects):
    decision = decide(subjects=subjects, **{"lawful_basis.article6": None})

    assert "lawful-basis.about-the-dead" not in rule_ids(decision)
    assert effect_of(decision, "lawful-basis.article6-missing") == "block"
    assert decision.outcome.value == "do_not_share"


# -- law enforcement (DPA 2018 Part 3) -------------------------------------------------------


def test_police_sharing_for_a_prosecution_under_part_3_need_not_name_a_uk_gdpr_basis(decide):
    decision = decide(**LAW_ENFORCEMENT)

    assert "lawful-basis.article6-missing" not in rule_ids(decision)
    assert not {f.rule_id for f in decision.findings if "law-enforcement" in f.rule_id}
    assert decision.outcome.value == "share"


@pytest.mark.parametrize("regime", [None, "uk_gdpr"])
def test_a_share_whose_law_is_not_given_or_is_the_uk_gdpr_keeps_the_uk_gdpr_rules(decide, regime):
    decision = decide(**{**LAW_ENFORCEMENT, "lawful_basis.regime": regime})

    assert effect_of(decision, "lawful-basis.article6-missing") == "block"
    assert not {f.rule_id for f in decision.findings if "law-enforcement" in f.rule_id}


@pytest.mark.parametrize(
    ("changes", "fires"),
    [
        ({"discloser.organisation": "Rugby Borough Council"}, True),
        ({"discloser.organisation": "A Neighbourhood Charity", "discloser.kind": None}, True),
        ({"discloser.organisation": "A Neighbourhood Charity", "discloser.kind": "local_authority"}, True),
        ({"discloser.organisation": "Staffordshire Probation", "discloser.kind": "probation"}, False),
        ({"discloser.organisation": "HMP Example", "discloser.kind": "prison"}, False),
        ({}, False),  # Warwickshire Police, a police force in the register
    ],
)
def test_part_3_is_referred_unless_the_discloser_is_known_to_be_a_competent_authority(decide, changes, fires):
    decision = decide(**LAW_ENFORCEMENT, **changes)

    found = effect_of(decision, "lawful-basis.law-enforcement-not-competent-authority")
    assert found == ("refer" if fires else None)


def test_in_an_emergency_a_doubtful_competent_authority_is_a_condition_to_settle_afterwards(decide):
    decision = decide(**LAW_ENFORCEMENT, **URGENT, **{"discloser.organisation": "Rugby Borough Council"})

    assert effect_of(decision, "lawful-basis.law-enforcement-not-competent-authority") == "condition"


@pytest.mark.parametrize(
    ("purpose", "fires"),
    [
        ("safeguarding", True),
        ("reduce_asb", True),
        ("strategic_analysis", True),
        ("prosecute_offender", False),
        ("detect_crime", False),
        ("reduce_reoffending", False),
    ],
)
def test_part_3_is_referred_unless_the_purpose_is_a_law_enforcement_purpose(decide, purpose, fires):
    decision = decide(**{**LAW_ENFORCEMENT, "purpose.code": purpose})

    assert effect_of(decision, "lawful-basis.law-enforcement-purpose") == ("refer" if fires else None)


def test_health_data_under_part_3_with_none_of_its_conditions_is_not_shared(decide):
    decision = decide(**LAW_ENFORCEMENT, **HEALTH_DATA)

    assert effect_of(decision, "lawful-basis.law-enforcement-not-strictly-necessary") == "block"
    assert effect_of(decision, "lawful-basis.law-enforcement-without-schedule8") == "block"
    assert effect_of(decision, "lawful-basis.law-enforcement-no-policy-document") == "block"
    assert "lawful-basis.special-category-without-condition" not in rule_ids(decision)
    assert decision.outcome.value == "do_not_share"


def test_health_data_under_part_3_strictly_necessary_with_a_schedule_8_condition_and_a_policy_is_shared(
    decide,
):
    decision = decide(**LAW_ENFORCEMENT, **HEALTH_DATA, **SENSITIVE_UNDER_PART_3)

    assert not {f.rule_id for f in decision.findings if "law-enforcement" in f.rule_id}
    assert decision.outcome.value == "share"


@pytest.mark.parametrize(
    ("missing", "rule"),
    [
        ({"lawful_basis.strictly_necessary": None}, "lawful-basis.law-enforcement-not-strictly-necessary"),
        ({"lawful_basis.strictly_necessary": False}, "lawful-basis.law-enforcement-not-strictly-necessary"),
        ({"lawful_basis.schedule8_condition": None}, "lawful-basis.law-enforcement-without-schedule8"),
    ],
)
def test_health_data_under_part_3_needs_both_strict_necessity_and_a_schedule_8_condition(
    decide, missing, rule
):
    decision = decide(**LAW_ENFORCEMENT, **HEALTH_DATA, **{**SENSITIVE_UNDER_PART_3, **missing})

    assert effect_of(decision, rule) == "block"
    assert decision.outcome.value == "do_not_share"
    others = {
        "lawful-basis.law-enforcement-not-strictly-necessary",
        "lawful-basis.law-enforcement-without-schedule8",
    }
    assert not (others - {rule}) & rule_ids(decision)


@pytest.mark.parametrize("policy", [None, False])
def test_health_data_under_part_3_needs_an_appropriate_policy_document(decide, policy):
    decision = decide(
        **LAW_ENFORCEMENT, **HEALTH_DATA, **{**SENSITIVE_UNDER_PART_3, "lawful_basis.policy_document": policy}
    )

    assert effect_of(decision, "lawful-basis.law-enforcement-no-policy-document") == "block"
    assert not {
        "lawful-basis.law-enforcement-not-strictly-necessary",
        "lawful-basis.law-enforcement-without-schedule8",
    } & (rule_ids(decision))


def test_health_data_under_part_3_with_consent_and_a_policy_document_needs_no_schedule_8_condition(decide):
    decision = decide(
        **LAW_ENFORCEMENT,
        **HEALTH_DATA,
        **{
            "lawful_basis.policy_document": True,
            "consent.status": "obtained",
            "consent.recorded": True,
            "consent.restrictions": "",
        },
    )

    assert "lawful-basis.law-enforcement-not-strictly-necessary" not in rule_ids(decision)
    assert "lawful-basis.law-enforcement-without-schedule8" not in rule_ids(decision)
    assert "lawful-basis.law-enforcement-no-policy-document" not in rule_ids(decision)


def test_in_an_emergency_health_data_under_part_3_without_its_conditions_is_a_condition(decide):
    decision = decide(**LAW_ENFORCEMENT, **HEALTH_DATA, **URGENT)

    assert effect_of(decision, "lawful-basis.law-enforcement-not-strictly-necessary") == "condition"
    assert effect_of(decision, "lawful-basis.law-enforcement-without-schedule8") == "condition"
    assert effect_of(decision, "lawful-basis.law-enforcement-no-policy-document") == "condition"


def test_criminal_offence_data_under_part_3_is_not_sensitive_processing_and_needs_no_schedule_1_condition(
    decide,
):
    decision = decide(**LAW_ENFORCEMENT, **OFFENCE_DATA)

    assert "lawful-basis.criminal-offence-without-schedule1" not in rule_ids(decision)
    assert not {f.rule_id for f in decision.findings if "law-enforcement" in f.rule_id}


def test_under_the_uk_gdpr_the_part_3_rules_do_not_apply(decide):
    decision = decide(**HEALTH_DATA, **{"discloser.organisation": "Rugby Borough Council"})

    assert not {f.rule_id for f in decision.findings if "law-enforcement" in f.rule_id}


def test_about_the_dead_the_part_3_rules_fall_away_too(decide):
    decision = decide(**LAW_ENFORCEMENT, **HEALTH_DATA, **DEAD_VICTIM)

    assert not {f.rule_id for f in decision.findings if "law-enforcement" in f.rule_id}
    assert effect_of(decision, "lawful-basis.about-the-dead") == "condition"


# -- Schedule 1 ------------------------------------------------------------------------------

SPI = {"lawful_basis.article9": "substantial_public_interest"}


@pytest.mark.parametrize(
    "condition", ["consent_criminal_offence", "vital_interests_criminal_offence", "legal_claims"]
)
def test_special_category_data_does_not_rest_on_a_part_3_schedule_1_condition(decide, condition):
    decision = decide(**HEALTH_DATA, **SPI, **{"lawful_basis.schedule1_condition": condition})

    assert effect_of(decision, "lawful-basis.schedule1-part3-for-special-category") == "block"
    assert decision.outcome.value == "do_not_share"


@pytest.mark.parametrize("condition", ["protecting_the_public", "preventing_fraud", "counselling"])
def test_special_category_data_may_rest_on_a_new_part_2_schedule_1_condition(decide, condition):
    decision = decide(**HEALTH_DATA, **SPI, **{"lawful_basis.schedule1_condition": condition})

    assert "lawful-basis.schedule1-part3-for-special-category" not in rule_ids(decision)
    assert "lawful-basis.substantial-public-interest-without-schedule1" not in rule_ids(decision)


@pytest.mark.parametrize("condition", ["consent_criminal_offence", "legal_claims", "protecting_the_public"])
def test_criminal_offence_data_may_rest_on_a_new_schedule_1_condition_of_part_2_or_3(decide, condition):
    decision = decide(**OFFENCE_DATA, **{"lawful_basis.schedule1_condition": condition})

    assert "lawful-basis.criminal-offence-without-schedule1" not in rule_ids(decision)
    assert "lawful-basis.schedule1-part3-for-special-category" not in rule_ids(decision)


def test_in_an_emergency_a_part_3_condition_for_special_category_data_is_put_right_afterwards(decide):
    decision = decide(**HEALTH_DATA, **SPI, **URGENT, **{"lawful_basis.schedule1_condition": "legal_claims"})

    assert effect_of(decision, "lawful-basis.schedule1-part3-for-special-category") == "condition"


# -- which rules read which law --------------------------------------------------------------


def test_the_rules_that_read_the_uk_gdpr_part_3_or_either_are_marked_so():
    regimes = {r.rule.id: r.rule.law_regime for r in default_checker().rules}

    assert regimes["lawful-basis.article6-missing"] == "uk_gdpr"
    assert regimes["lawful-basis.special-category-without-condition"] == "uk_gdpr"
    assert regimes["urgent.vital-interests-without-urgency"] == "uk_gdpr"
    assert regimes["lawful-basis.law-enforcement-without-schedule8"] == "law_enforcement"
    assert regimes["setting.dpia-not-recorded"] == "data_protection"
    assert regimes["international.transfer"] == "data_protection"
    # Protocol and confidentiality rules read no data protection regime.
    assert regimes["handling.not-a-secure-system"] is None
    assert regimes["lawful-basis.about-the-dead"] is None
    assert regimes["lawful-basis.article8-not-considered"] is None
