"""The checklist's questions tell the officer what "don't know" will mean, from each fact's kind."""

from __future__ import annotations

from ispcheck.questions import QUESTIONS, by_id, if_not_known


def test_dont_know_to_the_circumstances_is_said_to_stop_a_plain_share() -> None:
    meaning = if_not_known(by_id("circumstances"))
    assert meaning is not None
    assert meaning.startswith(
        "If you don't know, it is not taken as a no: the decision will say what to confirm"
    )


def test_dont_know_to_a_safeguard_is_said_to_count_as_not_done() -> None:
    assert if_not_known(by_id("context.investigating_officer_consulted")) == (
        "If you don't know, it is treated as not in place."
    )


def test_dont_know_to_whether_a_person_is_a_child_is_a_risk() -> None:
    meaning = if_not_known(by_id("subjects"))
    assert meaning is not None and "not taken as a no" in meaning


def test_the_urgent_question_says_not_knowing_means_no_emergency() -> None:
    assert if_not_known(by_id("context.urgent_risk_to_life")) == "If you don't know, it is treated as no."


def test_a_question_that_cannot_be_left_unknown_says_nothing_about_not_knowing() -> None:
    assert if_not_known(by_id("handling.channel")) is None


def test_dont_know_to_the_kind_of_organisation_says_what_it_leads_to() -> None:
    question = next(q for q in QUESTIONS if q.fields == ("recipient.kind",))
    assert if_not_known(question) == (
        "If you don't know, the organisation is not taken to be a relevant authority, so a share "
        "relying on section 115 is referred."
    )
