"""Typing an organisation: the checklist says what it matched and why, offers only plausible
suggestions, and carries on with an organisation that has not signed."""

from __future__ import annotations

from pathlib import Path

from ispcheck import Checker

from .keys import flat, play


def test_fire_and_rescue_is_said_to_be_part_of_the_county_council(checker: Checker, tmp_path: Path) -> None:
    s, _, out = play(checker, tmp_path, ["n", "Warwickshire Fire and Rescue", ":q"])
    assert (
        "✓ Warwickshire Fire and Rescue is part of Warwickshire County Council (the fire and rescue "
        "authority): signatory"
    ) in flat(out.getvalue())
    assert s.interview.answers["discloser.organisation"] == "Warwickshire County Council"


def test_a_signatory_typed_by_its_own_name_is_confirmed_without_a_reason(
    checker: Checker, tmp_path: Path
) -> None:
    _, _, out = play(checker, tmp_path, ["n", "Warwickshire County Council", ":q"])
    assert "✓ Warwickshire County Council: signatory" in out.getvalue()
    assert "fire and rescue" not in out.getvalue()


def test_a_short_form_is_said_to_have_matched_the_full_name(checker: Checker, tmp_path: Path) -> None:
    _, _, out = play(checker, tmp_path, ["n", "Rugby BC", ":q"])
    assert "✓ Rugby BC matched Rugby Borough Council" in flat(out.getvalue())


def test_an_ambulance_service_that_has_not_signed_is_said_so_and_the_checklist_carries_on(
    checker: Checker, tmp_path: Path
) -> None:
    s, typed, out = play(checker, tmp_path, ["n", "Warks Police", "West Midlands Ambulance Service", ":q"])
    said = flat(out.getvalue())
    assert "West Midlands Ambulance Service is not a signatory of the protocol" in said
    assert "Anti-Slavery" not in said and "Did you mean" not in said
    assert s.interview.answers["recipient.organisation"] == "West Midlands Ambulance Service"
    assert "What kind of information is it?" in said  # straight on to the next question
    assert not any("keep as typed" in prompt for prompt in typed.prompts)


def test_a_misspelt_signatory_is_offered_and_picked_by_number(checker: Checker, tmp_path: Path) -> None:
    s, _, out = play(checker, tmp_path, ["n", "Warwickshire Polise", "1", ":q"])
    assert "Did you mean:" in out.getvalue() and "1  Warwickshire Police" in out.getvalue()
    assert s.interview.answers["discloser.organisation"] == "Warwickshire Police"


def test_a_suggestion_found_by_another_name_says_why(checker: Checker, tmp_path: Path) -> None:
    _, _, out = play(checker, tmp_path, ["n", "Warwickshire Fire & Rescue Services", "", ":q"])
    assert (
        "1 Warwickshire County Council (Warwickshire Fire and Rescue Service is part of "
        "Warwickshire County Council (the fire and rescue authority))"
    ) in flat(out.getvalue())


def test_a_board_member_that_has_not_signed_is_named_with_the_protocol_s_note(
    checker: Checker, tmp_path: Path
) -> None:
    s, _, out = play(checker, tmp_path, ["n", "OPCC", ":q"])
    said = flat(out.getvalue())
    assert (
        "Warwickshire Police and Crime Commissioner is not a signatory of the protocol: A member of" in said
    )
    assert s.interview.answers["discloser.organisation"] == "Warwickshire Police and Crime Commissioner"
    assert checker.pack.register.exact("Warwickshire Police and Crime Commissioner") is None
