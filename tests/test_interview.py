"""The checklist's logic: what is asked next, going back, the urgent path, answers checked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ispcheck import Checker, DisclosureError
from ispcheck.concepts import is_concept
from ispcheck.interview import Interview
from ispcheck.questions import CORE, QUESTIONS, by_id

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "checklist"


def load(name: str) -> dict[str, Any]:
    return json.loads((EXAMPLES / name).read_text())


def run(checker: Checker, answers: dict[str, Any]) -> tuple[Interview, list[str]]:
    """Answer every question asked from ``answers`` (unknown if absent); return the ids asked."""
    interview = Interview(checker)
    asked = []
    while (question := interview.next_question()) is not None:
        asked.append(question.id)
        interview.answer(question.id, answers.get(question.id))
    return interview, asked


def test_the_first_question_is_whether_there_is_an_urgent_risk_to_life(checker: Checker) -> None:
    question = Interview(checker).next_question()
    assert question is not None and question.id == "context.urgent_risk_to_life"


def test_a_simple_share_takes_no_more_than_twenty_one_questions(checker: Checker) -> None:
    # (Twenty before issue 15 asked whether the same message goes to anyone else.)
    interview, asked = run(checker, load("simple-share-police-to-council.json"))
    decision = interview.decision()
    assert decision is not None and decision.outcome.value == "share"
    assert len(asked) <= 21


def test_the_urgent_path_asks_only_what_is_needed_to_share_now(checker: Checker) -> None:
    interview, asked = run(checker, load("urgent-risk-to-life-by-phone.json"))
    decision = interview.decision()
    assert len(asked) == 7
    assert "lawful_basis.article6" not in asked
    assert decision is not None and decision.outcome.value == "share_with_conditions"
    assert decision.urgent and decision.afterwards


def test_questions_that_cannot_change_the_answer_are_not_asked(checker: Checker) -> None:
    _, asked = run(checker, load("simple-share-police-to-council.json"))
    # Police to a borough council: both responsible authorities, so no gateway can raise a problem.
    assert "lawful_basis.gateway" not in asked
    # No special category data, so no Article 9 condition to ask about.
    assert "lawful_basis.article9" not in asked


def test_a_follow_up_is_asked_only_when_its_answer_can_matter(checker: Checker) -> None:
    _, live = run(checker, load("live-investigation-needs-referral.json"))
    _, simple = run(checker, load("simple-share-police-to-council.json"))
    assert "context.investigating_officer_consulted" in live
    assert "context.investigating_officer_consulted" not in simple


def unsigned_council_by_section_115() -> dict[str, Any]:
    """The simple share, to a neighbouring council that has not signed, under section 115."""
    answers = load("simple-share-police-to-council.json")
    answers["recipient.organisation"] = "Coventry City Council"
    answers["lawful_basis.gateway"] = "crime_and_disorder_act_s115"
    return answers


def test_the_kind_of_a_recipient_not_in_the_register_is_asked_when_it_decides_section_115(
    checker: Checker,
) -> None:
    interview, asked = run(checker, unsigned_council_by_section_115())
    # Asked as the first question past the core, and before the power to share: its kind also says
    # whether it is a private person, which matters whatever the power.
    assert asked.index("recipient.kind") < asked.index("lawful_basis.gateway")
    decision = interview.decision()
    assert decision is not None and decision.outcome.value == "refer"  # "don't know": fail closed
    assert "lawful-basis.s115-needs-relevant-authorities" in {f.rule_id for f in decision.findings}


def test_a_council_that_has_not_signed_given_as_a_council_is_not_referred_for_section_115(
    checker: Checker,
) -> None:
    interview, _ = run(checker, {**unsigned_council_by_section_115(), "recipient.kind": "local_authority"})
    decision = interview.decision()
    assert decision is not None and decision.outcome.value == "share_with_conditions"
    assert "lawful-basis.s115-needs-relevant-authorities" not in {f.rule_id for f in decision.findings}
    assert "parties.recipient-not-signatory" in {f.rule_id for f in decision.findings}


def test_the_kind_of_an_organisation_in_the_register_is_never_asked(checker: Checker) -> None:
    for answers in ("simple-share-police-to-council.json", "marac-police-to-refuge.json"):
        _, asked = run(checker, {**load(answers), "lawful_basis.gateway": "crime_and_disorder_act_s115"})
        assert "recipient.kind" not in asked and "discloser.kind" not in asked, answers


def test_the_kind_of_an_unregistered_discloser_is_asked_when_it_relies_on_legitimate_interests(
    checker: Checker,
) -> None:
    answers = load("simple-share-police-to-council.json")
    answers["discloser.organisation"] = "West Mercia Police"
    answers["lawful_basis.article6"] = "legitimate_interests"
    _, asked = run(checker, answers)
    assert "discloser.kind" in asked
    interview, _ = run(checker, {**answers, "discloser.kind": "police"})
    decision = interview.decision()
    assert decision is not None and decision.outcome.value == "do_not_share"


def test_each_kind_of_organisation_fits_one_line_of_an_80_column_terminal() -> None:
    question = by_id("recipient.kind")
    for number, choice in enumerate(question.choices, start=1):
        line = f" {number:>2}  {choice.label}" + (f" - {choice.explain}" if choice.explain else "")
        assert len(line) <= 80, line


def test_changing_the_organisation_clears_the_kind_given_for_it(checker: Checker) -> None:
    interview, _ = run(checker, {**unsigned_council_by_section_115(), "recipient.kind": "local_authority"})
    assert interview.answers["recipient.kind"] == "local_authority"
    cleared = interview.answer("recipient.organisation", "Solihull Council")
    assert "recipient.kind" in cleared
    question = interview.next_question()
    assert question is not None and question.id == "recipient.kind"


def test_the_core_questions_come_first_in_order(checker: Checker) -> None:
    _, asked = run(checker, load("marac-police-to-refuge.json"))
    core_asked = [q for q in asked if q in CORE]
    assert asked[: len(core_asked)] == core_asked


def test_going_back_undoes_the_last_answer_and_asks_it_again(checker: Checker) -> None:
    interview = Interview(checker)
    interview.answer("context.urgent_risk_to_life", False)
    interview.answer("discloser.organisation", "Warwickshire Police")
    undone = interview.back()
    assert undone is not None and undone.id == "discloser.organisation"
    assert "discloser.organisation" not in interview.answers
    question = interview.next_question()
    assert question is not None and question.id == "discloser.organisation"


def test_changing_an_answer_clears_the_answers_that_depended_on_it(checker: Checker) -> None:
    interview, _ = run(checker, load("simple-share-police-to-council.json"))
    assert interview.answers["consent.recorded"] is True
    cleared = interview.answer("consent.status", "not_sought")
    assert "consent.recorded" in cleared
    question = interview.next_question()
    assert question is not None and question.id == "consent.reason_not_sought"


def test_an_answer_that_no_longer_applies_is_cleared(checker: Checker) -> None:
    interview, _ = run(checker, load("marac-police-to-refuge.json"))
    assert "data.special_category_types" in interview.answers
    interview.answer("data.categories", ["personal"])
    assert "data.special_category_types" not in interview.answers
    assert "lawful_basis.article9" not in interview.answers


def test_a_question_about_personal_data_is_not_kept_for_anonymised_data(checker: Checker) -> None:
    interview = Interview(checker)
    interview.answer("data.categories", ["aggregated"])
    assert interview.answer("accuracy", ["identity_verified"]) == ["accuracy"]
    assert "accuracy" not in interview.answers


def test_re_giving_the_same_answer_clears_nothing(checker: Checker) -> None:
    interview, _ = run(checker, load("simple-share-police-to-council.json"))
    assert interview.answer("consent.status", "obtained") == []


def test_an_answer_outside_the_choices_is_refused_naming_the_question_and_choices(checker: Checker) -> None:
    with pytest.raises(DisclosureError) as caught:
        Interview(checker).answer("handling.channel", "pigeon")
    problem = caught.value.problems[0]
    assert problem.path == "handling.channel"
    assert "secure_email" in problem.message


@pytest.mark.parametrize(("given", "shown"), [("yes", '"yes"'), ("no", '"no"'), (1, "1"), (0, "0")])
def test_a_yes_no_answer_given_as_text_or_a_number_is_refused_naming_the_question(
    checker: Checker, given: object, shown: str
) -> None:
    with pytest.raises(DisclosureError) as caught:
        Interview(checker).answer("context.urgent_risk_to_life", given)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        (
            "context.urgent_risk_to_life",
            f"must be true or false (a JSON boolean), or null if not known; got {shown}",
        )
    ]


@pytest.mark.parametrize("given", [True, False, None])
def test_a_yes_no_answer_of_true_false_or_null_is_kept(checker: Checker, given: bool | None) -> None:
    interview = Interview(checker)
    interview.answer("context.urgent_risk_to_life", given)
    assert interview.answers == {"context.urgent_risk_to_life": given}


def test_a_required_question_cannot_be_left_unknown(checker: Checker) -> None:
    with pytest.raises(DisclosureError, match="an answer is needed"):
        Interview(checker).answer("recipient.organisation", "  ")


def test_flags_can_be_given_by_their_short_names(checker: Checker) -> None:
    interview = Interview(checker)
    interview.answer("data.categories", ["personal"])
    interview.answer("accuracy", ["identity_verified"])
    assert interview.answers["accuracy"] == ["accuracy.identity_verified"]
    assert interview.data()["accuracy"] == {
        "identity_verified": True,
        "fact_and_opinion_distinguished": False,
    }


def test_an_unknown_flags_answer_leaves_every_fact_unknown(checker: Checker) -> None:
    interview = Interview(checker)
    interview.answer("data.categories", ["personal"])
    interview.answer("circumstances", None)
    assert interview.data()["context"]["ongoing_investigation"] is None


def test_a_draft_restores_the_same_state(checker: Checker) -> None:
    first, _ = run(checker, load("marac-police-to-refuge.json"))
    again = Interview(checker, first.answers, first.order)
    assert again.data() == first.data()
    assert again.next_question() is None


def test_every_question_cites_concepts_the_pack_sets_out_and_reads_as_its_clauses(checker: Checker) -> None:
    concepts = checker.pack.concepts
    for question in QUESTIONS:
        assert question.clauses, question.id
        assert all(is_concept(c) for c in question.clauses), question.id
        assert concepts.missing(question.clauses, (question.text, question.why)) == (), question.id
        read = question.read_by(checker.pack)
        assert read.clauses and all(checker.pack.has_clause(c) for c in read.clauses), question.id
        assert "[[" not in read.why + read.text, question.id
        if question.appendix2:
            assert is_concept(question.appendix2)
            assert all(checker.pack.has_clause(c) for c in concepts.cite((question.appendix2,)))


def test_a_question_leaves_out_a_concept_its_protocol_lacks_and_cites_the_rest(checker: Checker) -> None:
    from ispcheck.concepts import ConceptMap

    question = by_id("recipient.other_recipients")
    partial = ConceptMap({"non-signatories": ("S3(f)",)}, {})
    read = question.worded_by(partial)
    assert read.clauses == ("S3(f)",)
    said = "Each of them must need to know, and have signed the protocol or its confidentiality agreement."
    assert read.why == said


def test_every_lawful_basis_choice_has_a_plain_explanation() -> None:
    for question_id in ("lawful_basis.article6", "lawful_basis.article9", "lawful_basis.schedule1_condition"):
        assert all(choice.explain for choice in by_id(question_id).choices), question_id


def test_every_contract_value_can_be_chosen(checker: Checker) -> None:
    from ispcheck.disclosure import VOCABULARY

    pairs = {
        "purpose.code": "purpose",
        "lawful_basis.article6": "article6",
        "lawful_basis.article9": "article9",
        "lawful_basis.schedule1_condition": "schedule1_condition",
        "lawful_basis.gateway": "gateway",
        "lawful_basis.regime": "regime",
        "lawful_basis.schedule8_condition": "schedule8_condition",
        "handling.channel": "channel",
        "handling.classification": "classification",
        "context.setting": "setting",
        "consent.status": "consent_status",
        "discloser.kind": "organisation_kind",
        "recipient.kind": "organisation_kind",
    }
    for question_id, vocabulary in pairs.items():
        values = {c.value for c in by_id(question_id).choices}
        assert values == set(VOCABULARY[vocabulary]), question_id


@pytest.mark.parametrize(
    ("answers", "count"),
    [
        ("simple-share-police-to-council.json", 21),
        ("marac-police-to-refuge.json", 23),
        ("urgent-risk-to-life-by-phone.json", 7),
    ],
)
def test_the_question_counts_in_the_readme_are_true(checker: Checker, answers: str, count: int) -> None:
    _, asked = run(checker, load(answers))
    assert len(asked) == count
    assert f"| {count} |" in (EXAMPLES.parents[1] / "README.md").read_text()


# -- answers that contradict each other (issue 14, part 3) ----------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("handling.channel", "in_meeting"), ("context.setting", "outside_meeting")),
        (("context.setting", "outside_meeting"), ("handling.channel", "in_meeting")),
    ],
)
def test_an_answer_that_contradicts_an_earlier_one_is_refused_in_either_order(
    checker: Checker, first: tuple[str, str], second: tuple[str, str]
) -> None:
    interview = Interview(checker)
    interview.answer(*first)
    assert interview.contradiction(*second) is not None
    with pytest.raises(DisclosureError) as caught:
        interview.answer(*second)
    (problem,) = caught.value.problems
    assert problem.path == second[0] and "cannot both be true" in problem.message
    assert second[0] not in interview.answers


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("handling.channel", "in_meeting"), ("context.setting", "marac")),
        (("handling.channel", "phone"), ("context.setting", "outside_meeting")),
        (("handling.channel", "secure_email"), ("context.setting", "marac")),
    ],
)
def test_answers_that_can_both_be_true_are_kept(
    checker: Checker, first: tuple[str, str], second: tuple[str, str]
) -> None:
    interview = Interview(checker)
    interview.answer(*first)
    assert interview.contradiction(*second) is None
    interview.answer(*second)
    assert interview.answers[second[0]] == second[1]


def test_changing_the_contradicting_answer_first_lets_the_other_be_given(checker: Checker) -> None:
    interview = Interview(checker)
    interview.answer("context.setting", "outside_meeting")
    interview.answer("context.setting", "marac")
    interview.answer("handling.channel", "in_meeting")
    assert interview.data()["handling"]["channel"] == "in_meeting"


def test_the_urgent_path_asks_which_meeting_only_when_it_is_spoken_or_shown_in_one(checker: Checker) -> None:
    urgent = load("urgent-risk-to-life-by-phone.json")
    _, by_phone = run(checker, urgent)
    _, in_meeting = run(checker, {**urgent, "handling.channel": "in_meeting", "context.setting": "marac"})
    assert "context.setting" not in by_phone
    assert in_meeting[-1] == "context.setting"


# -- evidence, the chair's agreement and unlisted meetings (issue 15, items 5, 6 and 8) ------

EVIDENCE_SHARE = {
    "discloser.organisation": "Rugby Borough Council",
    "recipient.organisation": "Warwickshire Police",
    "data.categories": ["personal", "criminal_offence"],
    "subjects": ["offender"],
    "purpose.code": "prosecute_offender",
    "purpose.statement": "To serve the council's evidence on the respondent.",
    "handling.classification": "OFFICIAL-SENSITIVE",
    "handling.channel": "secure_email",
    "context.setting": "outside_meeting",
    "circumstances": ["context.evidential_use"],
}


def test_who_wants_the_evidence_is_asked_when_it_is_wanted_as_evidence(checker: Checker) -> None:
    _, asked = run(checker, EVIDENCE_SHARE)
    assert "context.evidence_used_by" in asked
    assert "context.formal_request_form" in asked


def test_who_wants_the_evidence_is_not_asked_when_it_is_not_wanted_as_evidence(checker: Checker) -> None:
    _, asked = run(checker, {**EVIDENCE_SHARE, "circumstances": []})
    assert "context.evidence_used_by" not in asked


def test_not_applicable_can_be_answered_for_the_form_and_an_organisation_serving_its_own_is_not_blocked(
    checker: Checker,
) -> None:
    answers = {
        **EVIDENCE_SHARE,
        "context.evidence_used_by": "discloser",
        "context.formal_request_form": "not_applicable",
    }
    interview, _ = run(checker, answers)
    assert interview.data()["context"]["formal_request_form"] == "not_applicable"
    decision = interview.decision()
    assert decision is not None
    assert "evidence.served-under-court-rules" in {f.rule_id for f in decision.findings}
    assert "evidence.without-request-form" not in {f.rule_id for f in decision.findings}


def test_the_form_answer_offers_not_applicable_and_refuses_a_number_for_yes(checker: Checker) -> None:
    question = by_id("context.formal_request_form")
    assert [c.value for c in question.choices] == [True, False, "not_applicable"]
    interview = Interview(checker)
    with pytest.raises(DisclosureError):
        interview.answer("context.formal_request_form", 1)


def test_changing_who_wants_the_evidence_clears_the_form_answer(checker: Checker) -> None:
    interview = Interview(checker)
    interview.answer("data.categories", ["personal"])
    interview.answer("circumstances", ["context.evidential_use"])
    interview.answer("context.evidence_used_by", "discloser")
    interview.answer("context.formal_request_form", "not_applicable")
    cleared = interview.answer("context.evidence_used_by", "recipient")
    assert "context.formal_request_form" in cleared


def test_the_chairs_agreement_is_asked_when_the_information_came_from_a_meeting_where_it_matters(
    checker: Checker,
) -> None:
    answers = {
        **EVIDENCE_SHARE,
        "circumstances": ["context.secondary_disclosure"],
        "context.originator_agreed": True,
        "context.from_meeting": "mappa",
    }
    _, asked = run(checker, answers)
    assert "context.chair_agreed" in asked


def test_the_chairs_agreement_is_not_asked_when_the_information_came_from_no_meeting(
    checker: Checker,
) -> None:
    answers = {
        **EVIDENCE_SHARE,
        "circumstances": ["context.secondary_disclosure"],
        "context.originator_agreed": True,
        "context.from_meeting": "none",
    }
    _, asked = run(checker, answers)
    assert "context.chair_agreed" not in asked


def test_the_meetings_name_is_asked_for_a_meeting_the_protocol_does_not_list(checker: Checker) -> None:
    answers = {**EVIDENCE_SHARE, "circumstances": [], "context.setting": "other_meeting"}
    answers["handling.channel"] = "in_meeting"
    interview, asked = run(checker, {**answers, "context.meeting_name": "s.47 strategy discussion"})
    assert "context.meeting_name" in asked
    decision = interview.decision()
    assert decision is not None
    named = next(f for f in decision.findings if f.rule_id == "setting.not-listed")
    assert '"s.47 strategy discussion"' in named.message


def test_the_meetings_name_is_not_asked_for_a_meeting_the_protocol_lists(checker: Checker) -> None:
    answers = {**EVIDENCE_SHARE, "circumstances": [], "context.setting": "marac"}
    answers["handling.channel"] = "in_meeting"
    _, asked = run(checker, answers)
    assert "context.meeting_name" not in asked


@pytest.mark.parametrize("meeting", ["marac", "mappa", "other_meeting", "csp_meeting"])
def test_told_in_person_at_a_meeting_is_refused_and_the_officer_is_pointed_to_in_meeting(
    checker: Checker, meeting: str
) -> None:
    """In person is outside a meeting; at a meeting it is "spoken or shown in a meeting"."""
    for first, second in (
        (("handling.channel", "in_person"), ("context.setting", meeting)),
        (("context.setting", meeting), ("handling.channel", "in_person")),
    ):
        interview = Interview(checker)
        interview.answer(*first)
        with pytest.raises(DisclosureError) as caught:
            interview.answer(*second)
        (problem,) = caught.value.problems
        assert "Spoken or shown in a meeting" in problem.message


def test_told_in_person_outside_a_meeting_is_kept(checker: Checker) -> None:
    interview = Interview(checker)
    interview.answer("handling.channel", "in_person")
    interview.answer("context.setting", "outside_meeting")
    assert interview.answers["context.setting"] == "outside_meeting"


def test_every_meeting_setting_has_the_in_person_contradiction() -> None:
    from ispcheck.questions import CONTRADICTIONS
    from ispcheck.vocabulary import VOCABULARY

    refused = {c.second[1] for c in CONTRADICTIONS if c.first == ("handling.channel", "in_person")}
    assert refused == set(VOCABULARY["setting"]) - {"outside_meeting"}


# -- which data protection law applies (issue 15, items 2, 7 and 10) ------------------------------


def test_police_sharing_health_details_are_asked_which_law_and_then_part_3s_conditions(
    checker: Checker,
) -> None:
    answers = load("marac-police-to-refuge.json")
    answers["lawful_basis.regime"] = "law_enforcement"
    answers["purpose.code"] = "detect_crime"
    answers.update(
        {
            "lawful_basis.strictly_necessary": True,
            "lawful_basis.schedule8_condition": "safeguarding_children_and_individuals_at_risk",
            "lawful_basis.policy_document": True,
        }
    )
    interview, asked = run(checker, answers)
    assert "lawful_basis.regime" in asked
    part3 = asked[asked.index("lawful_basis.regime") + 1 :]
    assert {"lawful_basis.strictly_necessary", "lawful_basis.schedule8_condition"} <= set(part3)
    assert "lawful_basis.policy_document" in part3
    data = interview.data()
    assert data["lawful_basis"]["regime"] == "law_enforcement"
    assert data["lawful_basis"]["policy_document"] is True


def test_a_council_sharing_is_not_asked_which_law_and_nobody_is_asked_part_3s_conditions_under_the_uk_gdpr(
    checker: Checker,
) -> None:
    answers = load("marac-police-to-refuge.json")
    answers["discloser.organisation"] = "Rugby Borough Council"
    _, council = run(checker, answers)
    _, police = run(checker, load("marac-police-to-refuge.json"))
    assert "lawful_basis.regime" not in council
    assert "lawful_basis.regime" in police
    for asked in (council, police):
        assert "lawful_basis.strictly_necessary" not in asked
        assert "lawful_basis.schedule8_condition" not in asked


def _domestic_homicide_review(deceased: bool | None) -> dict[str, Any]:
    answers = load("simple-share-police-to-council.json")
    answers["handling.channel"] = "in_meeting"
    answers["context.setting"] = "domestic_homicide_review"
    answers["subjects.deceased"] = deceased
    return answers


def test_at_a_domestic_homicide_review_the_checklist_asks_whether_everyone_has_died(checker: Checker) -> None:
    interview, asked = run(checker, _domestic_homicide_review(True))
    assert "subjects.deceased" in asked
    assert all(person["deceased"] is True for person in interview.data()["subjects"])
    decision = interview.decision()
    assert decision is not None
    assert "lawful-basis.about-the-dead" in {f.rule_id for f in decision.findings}


@pytest.mark.parametrize("deceased", [False, None])
def test_no_or_dont_know_to_whether_everyone_has_died_leaves_them_alive(
    checker: Checker, deceased: bool | None
) -> None:
    interview, asked = run(checker, _domestic_homicide_review(deceased))
    assert "subjects.deceased" in asked
    assert all("deceased" not in person for person in interview.data()["subjects"])
    decision = interview.decision()
    assert decision is not None
    assert "lawful-basis.about-the-dead" not in {f.rule_id for f in decision.findings}


def test_outside_a_domestic_homicide_review_whether_everyone_has_died_is_not_asked(checker: Checker) -> None:
    _, asked = run(checker, load("simple-share-police-to-council.json"))
    assert "subjects.deceased" not in asked


def test_an_answers_file_may_say_each_person_has_died(checker: Checker) -> None:
    answers = load("simple-share-police-to-council.json")
    answers["subjects"] = [{"role": "victim", "is_child": False, "deceased": True}]
    interview, _ = run(checker, answers)
    assert interview.data()["subjects"] == [{"role": "victim", "is_child": False, "deceased": True}]


def test_an_answers_file_saying_yes_in_words_for_a_death_is_refused_naming_the_fact() -> None:
    with pytest.raises(DisclosureError, match="deceased must be true or false"):
        _check_subject({"role": "victim", "deceased": "yes"})


def _check_subject(subject: dict[str, Any]) -> None:
    from ispcheck.interview import check_answer

    check_answer(by_id("subjects"), [subject])


def test_the_new_schedule_1_conditions_can_be_chosen_with_their_part_said_in_plain_words() -> None:
    choices = {c.value: c for c in by_id("lawful_basis.schedule1_condition").choices}
    for part3 in ("consent_criminal_offence", "vital_interests_criminal_offence", "legal_claims"):
        assert "criminal offence details only" in choices[part3].explain
    assert "protecting_the_public" in choices


# -- recipients and small numbers (issue 15, items 1, 3 and 9) ----------------------------------


def to_a_member_of_the_public() -> dict[str, Any]:
    """The simple share, to a person who is not an organisation, under the common law."""
    answers = load("simple-share-police-to-council.json")
    answers["recipient.organisation"] = "Ms A (applicant)"
    answers["recipient.kind"] = "private_individual"
    answers["lawful_basis.gateway"] = "common_law"
    return answers


def test_a_private_person_as_recipient_is_asked_whether_it_is_their_own_information(checker: Checker) -> None:
    interview, asked = run(checker, {**to_a_member_of_the_public(), "recipient.is_data_subject": True})
    assert "recipient.is_data_subject" in asked
    decision = interview.decision()
    assert decision is not None and "parties.own-data" in {f.rule_id for f in decision.findings}


def test_a_private_person_said_not_to_be_the_person_it_is_about_is_referred(checker: Checker) -> None:
    interview, _ = run(checker, {**to_a_member_of_the_public(), "recipient.is_data_subject": False})
    decision = interview.decision()
    assert decision is not None and decision.outcome.value == "refer"
    assert "parties.private-person" in {f.rule_id for f in decision.findings}


def test_an_organisation_is_never_asked_whether_it_is_the_person_the_information_is_about(
    checker: Checker,
) -> None:
    _, asked = run(checker, load("simple-share-police-to-council.json"))
    assert "recipient.is_data_subject" not in asked


def test_several_recipients_are_asked_for_by_name_separated_by_semicolons(checker: Checker) -> None:
    answers = {
        **load("simple-share-police-to-council.json"),
        "handling.distribution": "several_hidden",
        "recipient.other_recipients": "Warwickshire County Council; Acme Support CIC ;",
    }
    interview, asked = run(checker, answers)
    assert asked.index("recipient.other_recipients") == asked.index("handling.distribution") + 1
    assert interview.data()["recipient"]["other_recipients"] == [
        "Warwickshire County Council",
        "Acme Support CIC",
    ]
    decision = interview.decision()
    assert decision is not None
    rules = {f.rule_id for f in decision.findings}
    assert {"handling.hidden-recipients", "parties.other-recipients-not-signatories"} <= rules


def test_a_message_to_one_recipient_asks_for_no_other_names(checker: Checker) -> None:
    _, asked = run(checker, load("simple-share-police-to-council.json"))
    assert "handling.distribution" in asked and "recipient.other_recipients" not in asked


def test_nobody_else_is_an_answer_of_its_own_and_names_nobody(checker: Checker) -> None:
    assert by_id("recipient.other_recipients").none == "nobody else"
    answers = {
        **load("simple-share-police-to-council.json"),
        "handling.distribution": "several_visible",
        "recipient.other_recipients": "",
    }
    interview, asked = run(checker, answers)
    assert "recipient.other_recipients" in asked
    assert interview.data()["recipient"]["other_recipients"] == []


def figures(**more: Any) -> dict[str, Any]:
    return {
        **load("simple-share-police-to-council.json"),
        "data.categories": ["aggregated"],
        "subjects": [],
        **more,
    }


def test_figures_are_asked_for_their_smallest_number_and_a_small_one_makes_them_personal_data(
    checker: Checker,
) -> None:
    interview, asked = run(checker, figures(**{"data.smallest_count": "2"}))
    assert "data.smallest_count" in asked
    assert interview.data()["data"]["smallest_count"] == 2
    decision = interview.decision()
    assert decision is not None and "purpose.small-numbers" in {f.rule_id for f in decision.findings}


def test_personal_data_is_not_asked_for_a_smallest_number(checker: Checker) -> None:
    _, asked = run(checker, load("simple-share-police-to-council.json"))
    assert "data.smallest_count" not in asked


@pytest.mark.parametrize("typed", ["two", "2.5", "-1", True])
def test_a_smallest_number_that_is_not_a_whole_number_is_refused_naming_the_question(
    checker: Checker, typed: Any
) -> None:
    interview = Interview(checker)
    with pytest.raises(DisclosureError) as caught:
        interview.answer("data.smallest_count", typed)
    assert caught.value.problems[0].path == "data.smallest_count"
