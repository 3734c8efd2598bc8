"""The checklist ends with everything to do on screen, each with its clauses, then where it was saved.

Issue 14, part 3: the end screen used to say "8 things to record or put right, listed in the saved
record"; now it lists them: conditions, what to record afterwards, referrals, advice and the
standing obligations, then, last, where the record was saved.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from ispcheck import Checker
from ispcheck.cli import render
from ispcheck.cli.main import main
from ispcheck.interview import Interview
from ispcheck.roles import DESIGNATED_OFFICER, OWN_DATA_PROTECTION_LEAD
from tests.conftest import clean_disclosure

from .keys import EXAMPLES, MARAC_KEYS, URGENT_KEYS, answered, end_screen, example, flat, play

#: Every line the end screen may start at column 0; anything else there is a broken wrap.
END_SCREEN_LEADS = (
    "SHARE",
    "REFER BEFORE SHARING",
    "DO NOT SHARE",
    "Urgent risk to life",
    "What stops the share",
    "Who must decide first",
    "Before the data moves",
    "As soon as the emergency allows",
    "Advice",
    "Standing obligations for any personal-data share",
    "Decided ",
    "Save the decision record to",
    "The record holds every finding",
    "Saved the decision record to",
)


def cited(text: str, clauses: tuple[str, ...]) -> str:
    return flat(f"{text} ({render.cite(clauses)})")


def section(screen: str, heading: str) -> str:
    """The lines under ``heading`` up to the next line at column 0."""
    lines = screen.splitlines()
    start = lines.index(heading) + 1
    end = next((i for i in range(start, len(lines)) if lines[i][:1].strip()), len(lines))
    return "\n".join(lines[start:end])


def test_the_marac_checklist_ends_listing_each_condition_advice_and_obligation_with_its_clauses(
    checker: Checker, tmp_path: Path
) -> None:
    s, _, out = play(checker, tmp_path, [*MARAC_KEYS, ""])
    decision = s.interview.decision()
    assert decision is not None and decision.conditions and decision.obligations
    end = end_screen(out.getvalue())
    for condition in decision.conditions:
        assert cited(condition.text, condition.clauses) in flat(section(end, "Before the data moves"))
    advice = [f for f in decision.findings if f.effect.value == "advice"]
    assert advice
    for finding in advice:
        said = f"{finding.message} {finding.action}" if finding.action else finding.message
        assert cited(said, finding.clauses) in flat(section(end, "Advice"))
    for duty in decision.obligations:
        assert cited(duty.text, duty.clauses) in flat(
            section(end, "Standing obligations for any personal-data share")
        )
    assert "in the saved record" not in end and "piece(s) of advice" not in end


def test_the_end_screen_says_last_where_the_record_was_saved(checker: Checker, tmp_path: Path) -> None:
    _, _, out = play(checker, tmp_path, [*MARAC_KEYS, ""])
    # The last thing said (a long path may wrap onto the next line, indented).
    last = flat(out.getvalue().rsplit("\nThe record holds every finding", 1)[1].split("answers.", 1)[1])
    assert last == f"Saved the decision record to {tmp_path / 'record.json'}"
    assert (tmp_path / "record.json").is_file()


def test_when_the_record_cannot_go_where_asked_the_last_line_names_where_it_went_instead(
    checker: Checker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a-folder").mkdir()
    _, _, out = play(checker, tmp_path, [*MARAC_KEYS, str(tmp_path / "a-folder")])
    text = out.getvalue()
    assert "Could not save there" in text
    last = text.rstrip().splitlines()[-1]
    assert re.fullmatch(r"Saved the decision record to ispcheck-records/decision-[\d-]+\.json", last), last
    assert (tmp_path / last.rsplit(" ", 1)[1]).is_file()


def test_the_urgent_checklist_lists_everything_to_record_afterwards_under_its_own_heading(
    checker: Checker, tmp_path: Path
) -> None:
    s, _, out = play(checker, tmp_path, [*URGENT_KEYS, ""])
    decision = s.interview.decision()
    assert decision is not None and decision.urgent and len(decision.afterwards) > 5
    afterwards = flat(section(end_screen(out.getvalue()), "As soon as the emergency allows"))
    for condition in decision.afterwards:
        assert cited(condition.text, condition.clauses) in afterwards
    before = flat(section(end_screen(out.getvalue()), "Before the data moves"))
    assert all(cited(c.text, c.clauses) in before for c in decision.conditions)


def test_a_checklist_that_is_not_urgent_has_nothing_to_record_afterwards(
    checker: Checker, tmp_path: Path
) -> None:
    _, _, out = play(checker, tmp_path, [*MARAC_KEYS, ""])
    assert "As soon as the emergency allows" not in out.getvalue()


@pytest.mark.parametrize("keys", [MARAC_KEYS, URGENT_KEYS], ids=["marac", "urgent"])
def test_no_line_of_the_end_screen_is_wider_than_the_terminal_or_restarts_at_column_0(
    checker: Checker, tmp_path: Path, keys: list[str]
) -> None:
    _, _, out = play(checker, tmp_path, [*keys, ""])
    lines = end_screen(out.getvalue()).splitlines()[1:]
    assert all(len(line) < 80 for line in lines), max(lines, key=len)
    at_margin = [line for line in lines if line[:1].strip()]
    assert at_margin and all(line.startswith(END_SCREEN_LEADS) for line in at_margin), at_margin


# -- the same end from an answers file -------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "headings"),
    [
        ("marac-police-to-refuge.json", ["Before the data moves", "Advice", "Standing obligations"]),
        (
            "urgent-risk-to-life-by-phone.json",
            ["Before the data moves", "As soon as the emergency allows", "Advice", "Standing obligations"],
        ),
        (
            "live-investigation-needs-referral.json",
            ["Who must decide first", "Advice", "Standing obligations"],
        ),
    ],
)
def test_an_answers_file_ends_with_the_same_list_and_then_where_the_record_was_saved(
    answers: str, headings: list[str], tmp_path: Path, capsys: Any
) -> None:
    saved = tmp_path / "record.json"
    main(["checklist", "--answers", str(EXAMPLES / answers), "--save", str(saved), "--no-plugins"])
    out = capsys.readouterr().out
    assert [h for h in headings if f"\n{h}" in out] == headings
    assert flat(out).endswith(f"and the answers. Saved the decision record to {saved}")
    assert "Findings" not in out  # the why of each finding is in the record, not repeated here


def test_an_answers_file_run_without_save_ends_saying_the_record_was_not_saved(capsys: Any) -> None:
    main(["checklist", "--answers", str(EXAMPLES / "marac-police-to-refuge.json"), "--no-plugins"])
    out = capsys.readouterr().out
    assert "Standing obligations" in out
    assert flat(out).endswith("was not saved: add --save PATH to keep it.")
    assert "Saved the decision record" not in out


def test_a_referral_is_listed_under_who_decides_with_its_clauses(capsys: Any, tmp_path: Path) -> None:
    main(["checklist", "--answers", str(EXAMPLES / "live-investigation-needs-referral.json"), "--no-plugins"])
    out = capsys.readouterr().out
    referrals = flat(section(out, "Who must decide first"))
    assert referrals.startswith("the investigating officer and the Crown Prosecution Service")
    assert "(ISP 4.6)" in referrals


# -- a discloser that has not signed has no Designated Officer (8.1) ---------------------------


def end_of(checker: Checker, disclosure: dict[str, Any]) -> str:
    """The end screen, at 80 columns, for a disclosure shared by its discloser."""
    out = io.StringIO()
    console = Console(file=out, width=80, color_system=None, highlight=False)
    name = disclosure["discloser"]["organisation"]
    sharer = render.Sharer.of(name, checker.pack)
    render.decision(console, checker.check(disclosure), sharer=sharer, why=False)
    return out.getvalue()


UNWEIGHED = {"necessity.article8_considered": False, "lawful_basis.gateway": "other_statute"}


def test_a_discloser_that_has_not_signed_is_sent_to_its_own_data_protection_officer_not_a_designated_officer(
    checker: Checker,
) -> None:
    disclosure = clean_disclosure(**{"discloser.organisation": "Acme Security Ltd", **UNWEIGHED})
    assert DESIGNATED_OFFICER in checker.check(disclosure).refer_to  # the rules name the role...
    screen = end_of(checker, disclosure)
    referrals = flat(section(screen, "Who must decide first"))
    # ...and the screen sends it where a non-signatory can take it.
    assert referrals.startswith(OWN_DATA_PROTECTION_LEAD)
    assert (
        "Acme Security Ltd has not signed the protocol, so it has no Designated Officer; ISP 8.1" in referrals
    )
    assert f"if unsure, ask {OWN_DATA_PROTECTION_LEAD}" in referrals
    assert DESIGNATED_OFFICER not in screen and "ask your Designated Officer" not in screen


def test_a_signatory_discloser_is_sent_to_its_designated_officers_by_their_roles(checker: Checker) -> None:
    screen = end_of(checker, clean_disclosure(**UNWEIGHED))
    referrals = flat(section(screen, "Who must decide first"))
    assert referrals.startswith(f"{DESIGNATED_OFFICER} (at Warwickshire Police:")
    assert "ask your Designated Officer" in referrals
    assert OWN_DATA_PROTECTION_LEAD not in screen


def test_the_checklist_of_a_discloser_that_has_not_signed_ends_with_its_own_data_protection_officer(
    checker: Checker, tmp_path: Path
) -> None:
    answers = {**example("marac-police-to-refuge.json"), "discloser.organisation": "Acme Security Ltd"}
    interview = answered(checker, answers)
    _, _, out = play(checker, tmp_path, [""], Interview(checker, interview.answers, interview.order))
    end = end_screen(out.getvalue())
    assert flat(section(end, "Who must decide first")).startswith(OWN_DATA_PROTECTION_LEAD)
    assert "Designated Officer decides" not in end and DESIGNATED_OFFICER not in end


# -- wrapping keeps the indent ----------------------------------------------------------------


def test_a_long_indented_paragraph_wraps_under_its_indent() -> None:
    out = io.StringIO()
    console = Console(file=out, width=40, color_system=None)
    render.indented(console, "word " * 30, 4, hang=2)
    lines = out.getvalue().splitlines()
    assert len(lines) > 3
    assert lines[0].startswith("    word") and all(line.startswith("      word") for line in lines[1:])
    assert all(len(line) < 40 for line in lines)


def test_a_short_indented_paragraph_stays_on_one_line() -> None:
    out = io.StringIO()
    render.indented(Console(file=out, width=40, color_system=None), "a few words", 4, hang=2)
    assert out.getvalue() == "    a few words\n"


def test_a_heading_too_long_for_the_terminal_continues_indented_not_at_column_0() -> None:
    out = io.StringIO()
    console = Console(file=out, width=40, color_system=None)
    page = render._Page(console)
    page.line("\n  [bold]" + "someone who decides " * 4 + "[/]")
    page.print()
    lines = out.getvalue().splitlines()
    assert lines[0] == "" and lines[1].startswith("  someone")
    assert len(lines) > 2 and all(line.startswith("    ") for line in lines[2:])


def test_stopping_at_the_save_prompt_keeps_the_draft_and_writes_no_file_named_after_the_command(
    checker: Checker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    s, _, out = play(checker, tmp_path, [*MARAC_KEYS, ":q"])
    assert s.stopped_by is None and "Carry on later with: ispcheck checklist --resume" in flat(out.getvalue())
    assert (tmp_path / "draft.json").is_file()
    assert not (tmp_path / ":q").exists() and not (tmp_path / "record.json").exists()
