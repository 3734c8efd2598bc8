"""Necessity and proportionality: need to know, less data, other ways, impact (A2 Q1-Q3, A11)."""

from __future__ import annotations

import pytest

from tests.conftest import effect_of, rule_ids

URGENT = {"context.urgent_risk_to_life": True}
PROPORTIONALITY = (
    "necessity.less_data_considered",
    "necessity.alternatives_considered",
    "necessity.impact_considered",
)


# -- why it is necessary --------------------------------------------------------------------


def test_a_share_with_no_statement_of_why_it_is_necessary_is_not_made(decide):
    """A11, 4.4, A2.Q1: why is the information necessary for the purpose?"""
    decision = decide(**{"necessity.statement": None})

    assert effect_of(decision, "necessity.statement-missing") == "block"
    assert decision.outcome.value == "do_not_share"


def test_a_share_with_a_statement_of_why_it_is_necessary_passes_that_check(decide):
    """A2.Q1."""
    decision = decide(**{"necessity.statement": "the council needs the address to fit locks"})

    assert "necessity.statement-missing" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_in_an_emergency_why_it_was_necessary_may_be_recorded_afterwards(decide):
    """A2.Q1 with A11."""
    decision = decide(**{"necessity.statement": None, **URGENT})

    assert effect_of(decision, "necessity.statement-missing") == "condition"
    assert decision.outcome.value == "share_with_conditions"


# -- need to know ---------------------------------------------------------------------------


def test_a_share_that_would_make_no_difference_is_not_made(decide):
    """A2.Q2: no difference to the service or the outcome means no need to know."""
    decision = decide(**{"necessity.makes_a_difference": False})

    assert effect_of(decision, "necessity.makes-no-difference") == "block"
    assert decision.outcome.value == "do_not_share"


def test_a_share_that_would_make_no_difference_is_not_made_even_in_an_emergency(decide):
    """A2.Q2: an emergency does not create a need to know where sharing would not help."""
    decision = decide(**{"necessity.makes_a_difference": False, **URGENT})

    assert effect_of(decision, "necessity.makes-no-difference") == "block"
    assert decision.outcome.value == "do_not_share"


def test_a_share_that_makes_a_difference_passes_the_need_to_know_check(decide):
    """A2.Q2."""
    decision = decide(**{"necessity.makes_a_difference": True})

    assert "necessity.makes-no-difference" not in rule_ids(decision)
    assert "necessity.difference-not-shown" not in rule_ids(decision)


def test_a_share_where_it_is_not_said_whether_it_makes_a_difference_is_not_made(decide):
    """A2.Q2: the need to know must be shown, not assumed."""
    decision = decide(**{"necessity.makes_a_difference": None})

    assert effect_of(decision, "necessity.difference-not-shown") == "block"
    assert "necessity.makes-no-difference" not in rule_ids(decision)
    assert decision.outcome.value == "do_not_share"


def test_a_share_said_to_make_no_difference_is_not_also_reported_as_unanswered(decide):
    """A2.Q2: 'no' is an answer; it is handled by the no-difference rule."""
    decision = decide(**{"necessity.makes_a_difference": False})

    assert "necessity.difference-not-shown" not in rule_ids(decision)


def test_in_an_emergency_how_sharing_helped_may_be_recorded_afterwards(decide):
    """A2.Q2 with A11."""
    decision = decide(**{"necessity.makes_a_difference": None, **URGENT})

    assert effect_of(decision, "necessity.difference-not-shown") == "condition"
    assert decision.outcome.value == "share_with_conditions"


# -- proportionality ------------------------------------------------------------------------


@pytest.mark.parametrize("unconsidered", PROPORTIONALITY)
@pytest.mark.parametrize("answer", [False, None])
def test_a_share_is_referred_unless_less_data_other_ways_and_impact_were_all_considered(
    decide, unconsidered, answer
):
    """A2.Q3, 5.3: each of the three is considered and recorded."""
    decision = decide(**{unconsidered: answer})

    assert effect_of(decision, "necessity.proportionality-not-considered") == "refer"
    assert decision.outcome.value == "refer"
    assert decision.refer_to == ("your organisation's Designated Officer",)


def test_a_share_where_less_data_other_ways_and_impact_were_all_considered_is_not_referred(
    decide,
):
    """A2.Q3."""
    decision = decide(**dict.fromkeys(PROPORTIONALITY, True))

    assert "necessity.proportionality-not-considered" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_in_an_emergency_proportionality_may_be_recorded_afterwards(decide):
    """A2.Q3 with A11: share only what protects life now."""
    decision = decide(**{"necessity.impact_considered": None, **URGENT})

    assert effect_of(decision, "necessity.proportionality-not-considered") == "condition"
    assert decision.outcome.value == "share_with_conditions"


# -- sensitive details ----------------------------------------------------------------------

HEALTH_DATA = {
    "data.categories": ["personal", "special_category"],
    "data.special_category_types": ["health"],
    "lawful_basis.article9": "substantial_public_interest",
    "lawful_basis.schedule1_condition": "safeguarding_children_and_individuals_at_risk",
}
OFFENCE_DATA = {
    "data.categories": ["personal", "criminal_offence"],
    "lawful_basis.schedule1_condition": "preventing_or_detecting_unlawful_acts",
}


def test_health_details_not_shown_to_be_needed_must_be_justified_or_removed(decide):
    """A2.Q3: is it necessary to share the sensitive information for the reason given?"""
    decision = decide(**HEALTH_DATA)

    assert effect_of(decision, "necessity.sensitive-data-not-justified") == "condition"
    assert decision.outcome.value == "share_with_conditions"


def test_offence_details_not_shown_to_be_needed_must_be_justified_or_removed(decide):
    """A2.Q3 names criminal offences among the sensitive information."""
    decision = decide(**OFFENCE_DATA)

    assert effect_of(decision, "necessity.sensitive-data-not-justified") == "condition"


def test_health_details_recorded_as_needed_raise_no_condition(decide):
    """A2.Q3."""
    decision = decide(**{**HEALTH_DATA, "necessity.sensitive_data_necessary": True})

    assert "necessity.sensitive-data-not-justified" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_ordinary_personal_data_needs_no_sensitive_data_justification(decide):
    """A2.Q3: the question is only about sensitive information."""
    decision = decide(**{"necessity.sensitive_data_necessary": None})

    assert "necessity.sensitive-data-not-justified" not in rule_ids(decision)
