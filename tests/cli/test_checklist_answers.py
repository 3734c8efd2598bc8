"""Answering at the checklist: "none" is not "don't know", going back keeps the answer as the
default, and two answers that contradict each other are never both kept."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ispcheck import Checker
from ispcheck.cli.checklist_prompts import hint_for
from ispcheck.cli.main import main
from ispcheck.interview import Interview
from ispcheck.questions import QUESTIONS, by_id

from .keys import EXAMPLES, answered, example, flat, play

# -- "none" and "don't know" are different answers ------------------------------------------


def consent_obtained(checker: Checker) -> Interview:
    """The simple share (consent obtained), answered up to the limits the person put on it."""
    answers = example("simple-share-police-to-council.json")
    order = list(answers)[: list(answers).index("consent.recorded") + 1]
    return Interview(checker, {q: answers[q] for q in order}, order)


@pytest.mark.parametrize(("reply", "stored"), [("none", ""), ("", None)])
def test_none_typed_at_the_limits_on_consent_records_no_limits_and_a_bare_enter_records_not_known(
    checker: Checker, tmp_path: Path, reply: str, stored: str | None
) -> None:
    """A careless Enter must not say the person put no limits: that would let the share go on."""
    s, typed, _ = play(checker, tmp_path, [reply, ":q"], consent_obtained(checker))
    assert s.interview.answers["consent.restrictions"] == stored
    assert "none = no limits · Enter or ? = don't know" in typed.prompts[0]


@pytest.mark.parametrize("reply", ["?", "don't know"])
def test_dont_know_at_the_limits_on_consent_records_not_known(
    checker: Checker, tmp_path: Path, reply: str
) -> None:
    s, _, _ = play(checker, tmp_path, [reply, ":q"], consent_obtained(checker))
    assert s.interview.answers["consent.restrictions"] is None


def test_limits_described_at_the_prompt_are_kept_and_asked_about(checker: Checker, tmp_path: Path) -> None:
    s, _, out = play(checker, tmp_path, ["not to her employer", ":q"], consent_obtained(checker))
    assert s.interview.answers["consent.restrictions"] == "not to her employer"
    assert "Does this share stay within those limits?" in out.getvalue()


def personal_data_up_to(checker: Checker, question_id: str) -> Interview:
    """The MARAC example answered up to (not including) ``question_id``."""
    done = answered(checker, example("marac-police-to-refuge.json"))
    order = done.order[: done.order.index(question_id)]
    return Interview(checker, {q: done.answers[q] for q in order}, order)


@pytest.mark.parametrize(
    ("reply", "stored"), [("", None), ("0", []), ("none", []), ("?", None), ("1,3", "picked")]
)
def test_the_circumstances_take_0_for_none_and_enter_or_a_question_mark_for_dont_know(
    checker: Checker, tmp_path: Path, reply: str, stored: Any
) -> None:
    s, typed, _ = play(checker, tmp_path, [reply, ":q"], personal_data_up_to(checker, "circumstances"))
    expected = ["context.secondary_disclosure", "context.evidential_use"] if stored == "picked" else stored
    assert s.interview.answers["circumstances"] == expected
    assert "0 = none of these · Enter or ? = don't know" in typed.prompts[0]


def test_none_of_the_circumstances_makes_each_of_them_no_and_dont_know_leaves_each_unknown(
    checker: Checker,
) -> None:
    interview = personal_data_up_to(checker, "circumstances")
    interview.answer("circumstances", [])
    assert interview.data()["context"]["ongoing_investigation"] is False
    interview.answer("circumstances", None)
    assert interview.data()["context"]["ongoing_investigation"] is None


@pytest.mark.parametrize(("reply", "stored"), [("", None), ("?", None), ("y", True), ("n", False)])
def test_a_yes_no_question_takes_enter_or_a_question_mark_for_dont_know(
    checker: Checker, tmp_path: Path, reply: str, stored: bool | None
) -> None:
    s, typed, _ = play(checker, tmp_path, [reply, ":q"])
    assert s.interview.answers["context.urgent_risk_to_life"] is stored
    assert typed.prompts[0].startswith("y = yes · n = no · Enter or ? = don't know")


def test_a_question_that_must_be_answered_refuses_dont_know_and_says_so(
    checker: Checker, tmp_path: Path
) -> None:
    s, _, out = play(checker, tmp_path, ["n", "Warks Police", "Refuge", "?", "", ":q"])
    assert "cannot be left as don't know" in out.getvalue()
    assert "An answer is needed here." in out.getvalue()
    assert "data.categories" not in s.interview.answers


def test_every_prompt_says_exactly_what_enter_does() -> None:
    for question in QUESTIONS:
        hint = flat(hint_for(question, None, "Type"))
        if question.none is not None and question.enter_is_none:
            typed = "0" if question.kind == "flags" else "none"
            assert f"Enter or {typed} = {question.none} · ? = don't know" in hint, question.id
        elif question.none is not None:  # "none" would say a risk is absent: it is typed, never Enter
            typed = "0" if question.kind == "flags" else "none"
            assert f"{typed} = {question.none} · Enter or ? = don't know" in hint, question.id
        elif question.allow_unknown:
            assert "Enter or ? = don't know" in hint, question.id
        else:
            assert "Enter" not in hint and "?" not in hint, question.id


def test_none_is_an_answer_only_where_it_makes_sense() -> None:
    with_none = {q.id for q in QUESTIONS if q.none is not None}
    assert with_none == {
        "consent.restrictions",
        "proportionality",
        "accuracy",
        "circumstances",
        "recipient.other_recipients",  # "nobody else", typed: Enter is "don't know"
    }


def test_an_answers_file_keeps_no_limits_apart_from_not_known(checker: Checker) -> None:
    interview = consent_obtained(checker)
    interview.answer("consent.restrictions", "")
    assert interview.answers["consent.restrictions"] == ""
    interview.answer("consent.restrictions", None)
    assert interview.answers["consent.restrictions"] is None
    interview.answer("purpose.statement", "  ")  # no "none" here: blank is not known
    assert interview.answers["purpose.statement"] is None


# -- going back offers the answer being changed -------------------------------------------


def test_going_back_shows_the_current_answer_and_enter_keeps_it(checker: Checker, tmp_path: Path) -> None:
    s, typed, out = play(checker, tmp_path, ["n", "Warks Police", ":b", "", ":q"])
    assert "Back to: Which organisation is sharing" in out.getvalue()
    assert typed.prompts[3].startswith("[current: Warwickshire Police] Enter keeps it")
    assert s.interview.answers["discloser.organisation"] == "Warwickshire Police"
    assert s.interview.order == ["context.urgent_risk_to_life", "discloser.organisation"]


def test_a_question_asked_for_the_first_time_offers_no_current_answer(
    checker: Checker, tmp_path: Path
) -> None:
    _, typed, _ = play(checker, tmp_path, ["n", "Warks Police", ":q"])
    assert not any("current:" in prompt for prompt in typed.prompts)


def test_going_back_and_typing_another_answer_replaces_it(checker: Checker, tmp_path: Path) -> None:
    s, _, _ = play(checker, tmp_path, ["n", "Warks Police", ":b", "Refuge", ":q"])
    assert s.interview.answers["discloser.organisation"] == "Refuge"


def test_going_back_to_a_numbered_question_keeps_its_answer_on_enter_and_names_it(
    checker: Checker, tmp_path: Path
) -> None:
    interview = personal_data_up_to(checker, "context.setting")  # the channel is the last answer
    s, typed, _ = play(checker, tmp_path, [":b", "", ":q"], interview)
    assert typed.prompts[1].startswith("[current: Spoken or shown in a meeting] Enter keeps it · Number")
    assert s.interview.answers["handling.channel"] == "in_meeting"


def test_going_back_to_dont_know_offers_not_known_and_still_takes_another_answer(
    checker: Checker, tmp_path: Path
) -> None:
    s, typed, _ = play(checker, tmp_path, ["?", ":b", "n", ":q"])
    assert typed.prompts[2].startswith(
        "[current: not known] Enter keeps it · y = yes · n = no · ? = don't know"
    )
    assert s.interview.answers["context.urgent_risk_to_life"] is False


def test_changing_an_answer_on_the_review_screen_shows_it_as_the_default(
    checker: Checker, tmp_path: Path
) -> None:
    s, typed, _ = play(checker, tmp_path, ["n", "Warks Police", "Refuge", ":r", "2", "", "", ":q"])
    assert typed.prompts[5].startswith("[current: Warwickshire Police] Enter keeps it")
    assert s.interview.answers["discloser.organisation"] == "Warwickshire Police"


# -- answers that contradict each other ----------------------------------------------------

IN_A_MEETING, NOT_IN_A_MEETING = "4", "1"  # the channel and setting choices, by number


def up_to_the_channel(checker: Checker) -> Interview:
    return personal_data_up_to(checker, "handling.channel")


def test_not_in_a_meeting_after_in_a_meeting_is_refused_plainly_and_asked_again(
    checker: Checker, tmp_path: Path
) -> None:
    keys = [IN_A_MEETING, NOT_IN_A_MEETING, "2", ":q"]
    s, _, out = play(checker, tmp_path, keys, up_to_the_channel(checker))
    said = flat(out.getvalue())
    assert (
        'You answered "Spoken or shown in a meeting" to "How will it be sent?", so this cannot be '
        '"Not in a meeting": the two cannot both be true.'
    ) in said
    assert s.interview.answers["context.setting"] == "marac"


def test_in_a_meeting_after_not_in_a_meeting_is_refused_when_the_route_is_changed(
    checker: Checker, tmp_path: Path
) -> None:
    phone = "5"
    interview = up_to_the_channel(checker)
    channel = str(len(interview.order) + 1)  # its number on the review screen
    keys = [phone, NOT_IN_A_MEETING, ":r", channel, IN_A_MEETING, phone, "", ":q"]
    s, _, out = play(checker, tmp_path, keys, interview)
    said = flat(out.getvalue())
    assert (
        'You answered "Not in a meeting" to "Is it being shared in a meeting?", so this cannot be '
        '"Spoken or shown in a meeting"'
    ) in said
    assert s.interview.answers["handling.channel"] == "phone"
    assert s.interview.answers["context.setting"] == "outside_meeting"


@pytest.mark.parametrize(("channel", "setting"), [("5", NOT_IN_A_MEETING), (IN_A_MEETING, "2")])
def test_a_route_and_a_setting_that_agree_are_taken_without_comment(
    checker: Checker, tmp_path: Path, channel: str, setting: str
) -> None:
    s, _, out = play(checker, tmp_path, [channel, setting, ":q"], up_to_the_channel(checker))
    assert "cannot both be true" not in out.getvalue()
    assert "context.setting" in s.interview.answers


def test_on_the_urgent_path_in_a_meeting_asks_which_meeting_and_refuses_not_in_one(
    checker: Checker, tmp_path: Path
) -> None:
    keys = ["y", "Warwickshire Police", "Refuge", "1,2", "1", "n", "she is at risk now", IN_A_MEETING]
    s, _, out = play(checker, tmp_path, [*keys, NOT_IN_A_MEETING, "2", ""])  # "": save where asked
    assert "Is it being shared in a meeting?" in out.getvalue()
    assert "cannot both be true" in out.getvalue()
    assert s.interview.data()["context"]["setting"] == "marac"


def test_on_the_urgent_path_by_phone_the_meeting_is_not_asked(checker: Checker, tmp_path: Path) -> None:
    keys = ["y", "Warwickshire Police", "Refuge", "1,2", "1", "n", "she is at risk now", "5", ""]
    s, _, out = play(checker, tmp_path, keys)
    assert "Is it being shared in a meeting?" not in out.getvalue()
    assert s.interview.data()["context"]["setting"] == "outside_meeting"


def test_an_answers_file_that_contradicts_itself_is_bad_input_naming_the_question(
    tmp_path: Path, capsys: Any
) -> None:
    answers = {**example("marac-police-to-refuge.json"), "context.setting": "outside_meeting"}
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers))
    assert main(["checklist", "--answers", str(path), "--format", "json", "--no-plugins"]) == 2
    (problem,) = json.loads(capsys.readouterr().out)["problems"]
    assert problem["path"] == "context.setting" and "cannot both be true" in problem["message"]


def test_the_marac_answers_file_does_not_contradict_itself(capsys: Any) -> None:
    args = ["checklist", "--answers", str(EXAMPLES / "marac-police-to-refuge.json"), "--no-plugins"]
    assert main([*args, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["disclosure"]["context"]["setting"] == "marac"


def test_the_numbers_these_tests_type_are_in_a_meeting_and_not_in_a_meeting() -> None:
    assert by_id("context.setting").choices[int(NOT_IN_A_MEETING) - 1].value == "outside_meeting"
    assert by_id("handling.channel").choices[int(IN_A_MEETING) - 1].value == "in_meeting"
