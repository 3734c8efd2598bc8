"""Urgent risk to life (Appendix 11, Appendix 2 questions 7 and 8).

Each test starts from the clean disclosure, which the protocol lets go ahead as it is, and changes
the one fact that matters.
"""

from __future__ import annotations

from tests.conftest import effect_of, rule_ids


def test_an_urgent_risk_to_life_lets_necessary_information_be_shared_now_and_recorded_after(
    decide,
):
    """A11, A2.Q7-Q8: share what is needed to protect life, record it afterwards."""
    decision = decide(**{"context.urgent_risk_to_life": True})

    assert effect_of(decision, "urgent.share-now") == "condition"
    assert decision.outcome.value == "share_with_conditions"
    assert decision.urgent is True
    finding = next(f for f in decision.findings if f.rule_id == "urgent.share-now")
    assert finding.clauses == ("A11", "A2.Q7", "A2.Q8")
    assert "record" in finding.action


def test_without_a_risk_to_life_there_is_no_emergency_route(decide):
    """A11: the urgent route is only for an urgent risk to life."""
    decision = decide(**{"context.urgent_risk_to_life": False})

    assert "urgent.share-now" not in rule_ids(decision)
    assert decision.urgent is False


def test_an_unknown_risk_to_life_is_not_treated_as_urgent(decide):
    """A11: an unanswered question about risk to life does not open the urgent route."""
    decision = decide(**{"context.urgent_risk_to_life": None})

    assert "urgent.share-now" not in rule_ids(decision)
    assert decision.urgent is False


def test_vital_interests_without_any_risk_to_life_is_referred_to_the_data_protection_officer(
    decide,
):
    """A11: vital interests is for protecting life, not for everyday sharing."""
    decision = decide(**{"lawful_basis.article6": "vital_interests"})

    assert effect_of(decision, "urgent.vital-interests-without-urgency") == "refer"
    assert decision.outcome.value == "refer"
    assert decision.refer_to == ("your Data Protection Officer",)


def test_vital_interests_as_the_special_category_condition_without_urgency_is_also_referred(
    decide,
):
    """A11: the same holds for the Article 9(2)(c) vital interests condition."""
    decision = decide(
        **{
            "data.categories": ["personal", "special_category"],
            "data.special_category_types": ["health"],
            "lawful_basis.article9": "vital_interests",
            "necessity.sensitive_data_necessary": True,
        }
    )

    assert effect_of(decision, "urgent.vital-interests-without-urgency") == "refer"
    assert decision.outcome.value == "refer"


def test_vital_interests_with_an_urgent_risk_to_life_is_accepted(decide):
    """A11: with a recorded risk to life, vital interests is the right basis."""
    decision = decide(**{"lawful_basis.article6": "vital_interests", "context.urgent_risk_to_life": True})

    assert "urgent.vital-interests-without-urgency" not in rule_ids(decision)
    assert decision.outcome.value == "share_with_conditions"


def test_public_task_without_urgency_raises_no_vital_interests_concern(decide):
    """A11: the clean public-task share is not questioned."""
    decision = decide()

    assert "urgent.vital-interests-without-urgency" not in rule_ids(decision)
    assert decision.outcome.value == "share"
