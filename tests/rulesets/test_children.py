"""Children and profiling: special care, and a legal justification first (4.7)."""

from __future__ import annotations

from tests.conftest import effect_of, rule_ids

CHILD = [{"role": "victim", "is_child": True}]


def test_a_share_that_could_profile_children_is_referred_to_the_data_protection_officer(decide):
    """4.7: a legal justification must be available before sensitive information is shared."""
    decision = decide(**{"context.profiling_children": True})

    assert effect_of(decision, "children.profiling") == "refer"
    assert decision.outcome.value == "refer"
    assert decision.refer_to == ("your Data Protection Officer",)
    found = next(f for f in decision.findings if f.rule_id == "children.profiling")
    assert found.clauses == ("4.7",)


def test_a_share_that_is_not_profiling_is_not_referred_for_profiling(decide):
    """4.7."""
    decision = decide(**{"context.profiling_children": False})

    assert "children.profiling" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_a_share_where_profiling_is_not_known_is_not_referred_for_profiling(decide):
    """4.7: the rule asks for a positive answer; unknown is not profiling shown."""
    decision = decide(**{"context.profiling_children": None})

    assert "children.profiling" not in rule_ids(decision)


def test_information_about_a_child_comes_with_a_reminder_to_take_special_care(decide):
    """4.7, A1: the Children Act 1989 and 2004 may give the power to share."""
    decision = decide(subjects=CHILD)

    assert effect_of(decision, "children.child-subject") == "advice"
    assert decision.outcome.value == "share"


def test_information_about_an_adult_gets_no_child_reminder(decide):
    """4.7."""
    decision = decide(subjects=[{"role": "victim", "is_child": False}])

    assert "children.child-subject" not in rule_ids(decision)


def test_information_about_someone_of_unknown_age_gets_no_child_reminder(decide):
    """4.7: the reminder is for subjects known to be children."""
    decision = decide(subjects=[{"role": "victim", "is_child": None}])

    assert "children.child-subject" not in rule_ids(decision)


def test_profiling_said_to_be_of_adults_while_a_person_is_a_child_goes_to_the_dpo(decide):
    """4.7: "particularly of children": a known child among the people profiled is not overlooked."""
    decision = decide(
        **{
            "context.profiling": True,
            "context.profiling_children": False,
            "subjects": [{"role": "victim", "is_child": True}],
        }
    )

    assert effect_of(decision, "children.profiling") == "refer"
    assert "profiling.adults" not in rule_ids(decision)


def test_profiling_of_adults_only_is_a_condition_to_record_the_justification(decide):
    """4.7: the nearest case: every person is known to be an adult."""
    decision = decide(**{"context.profiling": True, "context.profiling_children": False})

    assert effect_of(decision, "profiling.adults") == "condition"
    assert "children.profiling" not in rule_ids(decision)
    assert decision.outcome.value == "share_with_conditions"
