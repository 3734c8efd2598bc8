"""Accuracy: the right person, fact kept apart from opinion, police data's shelf life.

Clauses 4.2 and 5.3, Appendix 2 question 4, Appendices 3 and 5.
"""

from __future__ import annotations

from tests.conftest import effect_of, rule_ids


def test_personal_data_with_nobody_named_as_its_subject_must_say_whose_it_is(decide):
    """4.2, A2.Q4: the safeguards depend on whose information it is."""
    decision = decide(subjects=[])

    assert effect_of(decision, "accuracy.subjects-not-listed") == "condition"
    assert decision.outcome.value == "share_with_conditions"


def test_personal_data_with_its_subject_listed_raises_no_subject_condition(decide):
    """4.2."""
    decision = decide(subjects=[{"role": "witness", "is_child": False}])

    assert "accuracy.subjects-not-listed" not in rule_ids(decision)


def test_anonymised_data_with_nobody_listed_needs_no_subject(decide):
    """5.4: anonymised information is about nobody in particular."""
    decision = decide(subjects=[], **{"data.categories": ["anonymised"]})

    assert "accuracy.subjects-not-listed" not in rule_ids(decision)


def test_a_share_where_identity_was_not_checked_must_check_it_first(decide):
    """A2.Q4: name, date of birth and address, so merged records are about the same person."""
    decision = decide(**{"accuracy.identity_verified": False})

    assert effect_of(decision, "accuracy.identity-not-verified") == "condition"
    assert decision.outcome.value == "share_with_conditions"


def test_a_share_where_it_is_not_known_whether_identity_was_checked_must_check_it(decide):
    """A2.Q4: an unknown is treated as not checked."""
    decision = decide(**{"accuracy.identity_verified": None})

    assert effect_of(decision, "accuracy.identity-not-verified") == "condition"


def test_a_share_where_identity_was_checked_raises_no_identity_condition(decide):
    """A2.Q4."""
    decision = decide(**{"accuracy.identity_verified": True})

    assert "accuracy.identity-not-verified" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_a_share_not_separating_fact_from_opinion_must_separate_them_first(decide):
    """A2.Q4, A5: a clear distinction between fact and professional opinion."""
    decision = decide(**{"accuracy.fact_and_opinion_distinguished": False})

    assert effect_of(decision, "accuracy.fact-and-opinion-not-distinguished") == "condition"
    assert decision.outcome.value == "share_with_conditions"


def test_a_share_separating_fact_from_opinion_raises_no_condition(decide):
    """A2.Q4."""
    decision = decide(**{"accuracy.fact_and_opinion_distinguished": True})

    assert "accuracy.fact-and-opinion-not-distinguished" not in rule_ids(decision)


def test_police_information_comes_with_a_reminder_that_it_is_valid_only_when_given(decide):
    """A3: Warwickshire Police information is valid only at the time of provision."""
    decision = decide(**{"data.originator": "Warwickshire Police"})

    assert effect_of(decision, "accuracy.police-information") == "advice"
    assert decision.outcome.value == "share"


def test_information_from_a_police_discloser_with_no_originator_named_is_police_information(
    decide,
):
    """A3: with no originator given, the police discloser is taken as the source."""
    decision = decide(**{"data.originator": None})

    assert effect_of(decision, "accuracy.police-information") == "advice"


def test_council_information_disclosed_by_the_police_gets_no_police_reminder(decide):
    """A3: the reminder is about information the police originated."""
    decision = decide(**{"data.originator": "Rugby Borough Council"})

    assert "accuracy.police-information" not in rule_ids(decision)


def test_council_information_from_a_council_discloser_gets_no_police_reminder(decide):
    """A3."""
    decision = decide(
        **{
            "discloser.organisation": "Rugby Borough Council",
            "recipient.organisation": "Warwickshire Police",
            "data.originator": None,
        }
    )

    assert "accuracy.police-information" not in rule_ids(decision)


def test_information_from_the_police_and_crime_commissioner_is_not_treated_as_police_information(
    decide,
):
    """A3 speaks of Warwickshire Police information; the Commissioner is a separate body (A12)."""
    decision = decide(**{"data.originator": "Office of the Police and Crime Commissioner"})

    assert "accuracy.police-information" not in rule_ids(decision)
