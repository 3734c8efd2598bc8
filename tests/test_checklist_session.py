"""The checklist session, driven by scripted keystrokes and by answers files."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from rich.console import Console

from ispcheck import Checker
from ispcheck.cli.checklist_session import Session
from ispcheck.cli.main import main
from ispcheck.interview import Interview

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "checklist"

SIMPLE_KEYS = [
    "n", "Warks Police", "Rugby BC", "1", "1", "n", "1",
    "to arrange target hardening", "1", "1", "1",
    "1", "1", "y", "none", "the contractor needs the address", "y", "1,2,3,4", "1,2", "1", "y", "0",
]  # fmt: skip


class Keys:
    """Plays typed lines to the session; running out is like closing the terminal."""

    def __init__(self, lines: list[str]) -> None:
        self.lines: Iterator[str] = iter(lines)
        self.prompts: list[str] = []

    def __call__(self, prompt: str) -> str:
        self.prompts.append(prompt)
        try:
            return next(self.lines)
        except StopIteration:
            raise EOFError from None


def session(
    checker: Checker, tmp_path: Path, keys: list[str], interview: Interview | None = None
) -> tuple[Session, io.StringIO]:
    out = io.StringIO()
    console = Console(file=out, width=80, color_system=None, highlight=False)
    draft = tmp_path / "draft.json"
    played = Keys(keys)
    return Session(
        interview or Interview(checker), console, draft, str(tmp_path / "record.json"), played
    ), out


def test_a_simple_case_typed_at_the_keyboard_ends_in_share_and_saves_the_record(
    checker: Checker, tmp_path: Path
) -> None:
    s, out = session(checker, tmp_path, [*SIMPLE_KEYS, ""])
    assert s.run() == 0
    record = json.loads((tmp_path / "record.json").read_text())
    assert record["decision"]["outcome"] == "share"
    assert record["disclosure"]["discloser"]["organisation"] == "Warwickshire Police"
    assert "SHARE" in out.getvalue()
    assert not (tmp_path / "draft.json").exists()


def test_running_findings_appear_after_each_answer_in_words(checker: Checker, tmp_path: Path) -> None:
    s, out = session(checker, tmp_path, [*SIMPLE_KEYS[:11], ":q"])
    s.run()
    text = out.getvalue()
    assert "Now: DO NOT SHARE" in text
    assert "+ block:" in text


def test_a_misspelt_organisation_offers_the_signatory_it_resembles(checker: Checker, tmp_path: Path) -> None:
    keys = ["n", "Warwickshire Polise", "1", ":q"]
    s, out = session(checker, tmp_path, keys)
    s.run()
    assert "Did you mean" in out.getvalue()
    assert s.interview.answers["discloser.organisation"] == "Warwickshire Police"


def test_an_unknown_organisation_is_kept_as_typed_and_flagged(checker: Checker, tmp_path: Path) -> None:
    s, out = session(checker, tmp_path, ["n", "Acme Investigations", ":q"])
    s.run()
    assert "not a signatory" in out.getvalue()
    assert s.interview.answers["discloser.organisation"] == "Acme Investigations"


def unsigned_council_interview(checker: Checker) -> Interview:
    """Everything answered up to the power to share: section 115, to a council that has not signed."""
    answers = json.loads((EXAMPLES / "simple-share-police-to-council.json").read_text())
    answers["recipient.organisation"] = "Coventry City Council"
    answers["lawful_basis.gateway"] = "crime_and_disorder_act_s115"
    asked = list(answers)
    order = [*asked[: asked.index("lawful_basis.article6") + 1], "lawful_basis.gateway"]
    return Interview(checker, {q: answers[q] for q in order}, order)


def test_the_kind_of_an_unsigned_recipient_is_picked_by_number_and_the_reason_is_section_115(
    checker: Checker, tmp_path: Path
) -> None:
    interview = unsigned_council_interview(checker)
    s, out = session(checker, tmp_path, ["4", ":q"], interview)
    s.run()
    text = out.getvalue()
    assert "What kind of organisation will receive it?" in text
    assert "Section 115 of the Crime and Disorder Act 1998" in " ".join(text.split())
    assert " 4  Council" in text
    assert isinstance(s.read, Keys) and "Enter or ? = don't know" in s.read.prompts[0]
    assert s.interview.answers["recipient.kind"] == "local_authority"


def test_the_kind_of_an_unsigned_recipient_may_be_left_as_not_known(checker: Checker, tmp_path: Path) -> None:
    interview = unsigned_council_interview(checker)
    s, out = session(checker, tmp_path, ["", ":q"], interview)
    s.run()
    assert s.interview.answers["recipient.kind"] is None
    assert "kind of organisation is not given" in " ".join(out.getvalue().split())


def test_going_back_asks_the_previous_question_again(checker: Checker, tmp_path: Path) -> None:
    s, out = session(checker, tmp_path, ["n", "Warks Police", ":b", "Refuge", ":q"])
    s.run()
    assert s.interview.answers["discloser.organisation"] == "Refuge"
    assert "Back to: Which organisation is sharing" in out.getvalue()


def test_the_review_screen_lets_an_answer_be_changed(checker: Checker, tmp_path: Path) -> None:
    keys = ["n", "Warks Police", "Refuge", ":r", "2", "Rugby BC", "", ":q"]
    s, out = session(checker, tmp_path, keys)
    s.run()
    assert "Your answers" in out.getvalue()
    assert s.interview.answers["discloser.organisation"] == "Rugby Borough Council"


def test_a_wrong_key_is_explained_and_the_question_asked_again(checker: Checker, tmp_path: Path) -> None:
    s, out = session(checker, tmp_path, ["maybe", "n", ":q"])
    s.run()
    assert "Type y or n" in out.getvalue()
    assert s.interview.answers["context.urgent_risk_to_life"] is False


def test_stopping_midway_keeps_a_draft_that_resumes_where_it_stopped(
    checker: Checker, tmp_path: Path
) -> None:
    s, out = session(checker, tmp_path, SIMPLE_KEYS[:6])  # the keys run out: like a closed terminal
    assert s.run() == 130
    assert "--resume" in out.getvalue()
    draft = json.loads((tmp_path / "draft.json").read_text())
    assert draft["order"][-1] == "subjects"
    resumed = Interview(checker, draft["answers"], draft["order"])
    s2, _ = session(checker, tmp_path, [*SIMPLE_KEYS[6:], ""], resumed)
    assert s2.run() == 0
    assert json.loads((tmp_path / "record.json").read_text())["decision"]["outcome"] == "share"


def test_the_urgent_path_says_what_it_assumes(checker: Checker, tmp_path: Path) -> None:
    s, out = session(checker, tmp_path, ["y", ":q"])
    s.run()
    assert "Urgent path" in out.getvalue()
    assert "OFFICIAL-SENSITIVE" in out.getvalue()


@pytest.mark.parametrize(
    ("answers", "outcome", "code"),
    [
        ("simple-share-police-to-council.json", "share", 0),
        ("marac-police-to-refuge.json", "share_with_conditions", 0),
        ("urgent-risk-to-life-by-phone.json", "share_with_conditions", 0),
        ("live-investigation-needs-referral.json", "refer", 3),
        ("strategic-analysis-with-names.json", "refer", 3),
    ],
)
def test_an_answers_file_runs_the_whole_checklist_without_prompts(
    answers: str, outcome: str, code: int, tmp_path: Path, capsys: Any
) -> None:
    saved = tmp_path / "record.json"
    args = ["checklist", "--answers", str(EXAMPLES / answers), "--format", "json", "--no-plugins"]
    assert main([*args, "--save", str(saved)]) == code
    printed = json.loads(capsys.readouterr().out)
    assert printed["decision"]["outcome"] == outcome
    assert json.loads(saved.read_text()) == printed
    assert printed["not_answered"] == []


def test_an_answers_file_with_an_unknown_question_exits_2_naming_it(tmp_path: Path, capsys: Any) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"consnet.status": "obtained"}))
    assert main(["checklist", "--answers", str(path), "--no-plugins"]) == 2
    assert "consnet.status" in capsys.readouterr().err


def test_an_answers_file_that_is_not_utf8_exits_2_with_a_plain_message(
    tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a short name, so the message is not cut up by wrapping
    Path("answers.json").write_bytes('{"discloser.organisation": "Caf\u00e9"}'.encode("latin-1"))
    assert main(["checklist", "--answers", "answers.json", "--no-plugins"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "cannot read answers.json: 'utf-8' codec can't decode" in err
    assert "Traceback" not in err


def test_questions_missing_from_an_answers_file_are_treated_as_not_known_and_listed(
    tmp_path: Path, capsys: Any
) -> None:
    answers = json.loads((EXAMPLES / "simple-share-police-to-council.json").read_text())
    del answers["necessity.makes_a_difference"]
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers))
    code = main(["checklist", "--answers", str(path), "--format", "json", "--no-plugins"])
    printed = json.loads(capsys.readouterr().out)
    assert code == 4
    assert printed["not_answered"] == ["necessity.makes_a_difference"]


# -- strict reading of answers files and drafts --------------------------------------------------


def answers_yaml(**changes: Any) -> str:
    """The simple share's answers as YAML, with some answers replaced."""
    answers = json.loads((EXAMPLES / "simple-share-police-to-council.json").read_text())
    return yaml.safe_dump({**answers, **changes}, sort_keys=False)


def test_an_answers_file_with_a_question_answered_twice_exits_2_naming_it(
    tmp_path: Path, capsys: Any
) -> None:
    text = (EXAMPLES / "simple-share-police-to-council.json").read_text()
    text = text.replace(
        '"consent.recorded": true,', '"consent.recorded": true,\n  "consent.recorded": false,'
    )
    path = tmp_path / "answers.json"
    path.write_text(text)
    assert main(["checklist", "--answers", str(path), "--format", "json", "--no-plugins"]) == 2
    assert json.loads(capsys.readouterr().out)["problems"] == [
        {"path": "consent.recorded", "message": "this field is given twice; give it only once"}
    ]


@pytest.mark.parametrize("word", ["no", "off", "No"])
def test_a_yaml_1_1_no_for_a_yes_no_answer_exits_2_naming_the_question(
    tmp_path: Path, capsys: Any, word: str
) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(
        answers_yaml().replace("context.urgent_risk_to_life: false", f"context.urgent_risk_to_life: {word}")
    )
    assert main(["checklist", "--answers", str(path), "--format", "json", "--no-plugins"]) == 2
    assert json.loads(capsys.readouterr().out)["problems"] == [
        {
            "path": "context.urgent_risk_to_life",
            "message": f'must be true or false (a JSON boolean), or null if not known; got "{word}"',
        }
    ]


def test_the_same_answers_in_yaml_with_false_run_the_whole_checklist(tmp_path: Path, capsys: Any) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(answers_yaml())
    assert "context.urgent_risk_to_life: false" in path.read_text()
    assert (
        main(
            [
                "checklist",
                "--answers",
                str(path),
                "--format",
                "json",
                "--no-plugins",
                "--save",
                str(tmp_path / "r.json"),
            ]
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out)["decision"]["outcome"] == "share"


def test_a_yes_for_a_subject_being_a_child_exits_2_naming_the_question(tmp_path: Path, capsys: Any) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(answers_yaml(subjects=[{"role": "victim", "is_child": "yes"}]))
    assert main(["checklist", "--answers", str(path), "--format", "json", "--no-plugins"]) == 2
    assert json.loads(capsys.readouterr().out)["problems"] == [
        {
            "path": "subjects",
            "message": 'is_child must be true or false (a JSON boolean), or null if not known; got "yes"',
        }
    ]


def test_an_answers_file_nested_100000_deep_exits_2_as_bad_input(tmp_path: Path, capsys: Any) -> None:
    path = tmp_path / "answers.json"
    path.write_text('{"subjects": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert main(["checklist", "--answers", str(path), "--no-plugins"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "nested too deeply to read" in err and "Traceback" not in err


def test_a_draft_with_an_answer_given_twice_cannot_be_resumed(
    tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("draft.json").write_text(
        '{"answers": {"context.urgent_risk_to_life": false, "context.urgent_risk_to_life": true},'
        ' "order": ["context.urgent_risk_to_life"]}'
    )
    assert main(["checklist", "--resume", "draft.json", "--no-plugins"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "answers.context.urgent_risk_to_life: this field is given twice" in err


def test_a_decision_whose_record_cannot_be_saved_is_still_shown_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 13, item 8: --save at a folder is not a fault (exit 70) and not "nothing was decided"."""
    folder = tmp_path / "a-folder"
    folder.mkdir()
    answers = (
        Path(__file__).resolve().parents[1] / "examples" / "checklist" / "simple-share-police-to-council.json"
    )
    code = main(["checklist", "--answers", str(answers), "--save", str(folder), "--no-plugins"])
    out, err = capsys.readouterr()
    assert code == 1
    assert out.startswith("SHARE")
    assert "The decision was made (SHARE), but its record could not be saved" in err
    assert "Nothing was decided" not in out + err


def test_a_smallest_number_typed_as_words_is_asked_again_and_a_number_is_kept(
    checker: Checker, tmp_path: Path
) -> None:
    """Issue 15, item 9: the count is a whole number; anything else is asked again, not a crash."""
    answers = {
        "context.urgent_risk_to_life": False,
        "discloser.organisation": "Warwickshire Police",
        "recipient.organisation": "Rugby Borough Council",
        "data.categories": ["aggregated"],
        "purpose.code": "reduce_asb",
        "purpose.statement": "to agree the next quarter's hotspot patrols",
        "handling.classification": "OFFICIAL",
        "handling.channel": "secure_email",
        "context.setting": "outside_meeting",
    }
    interview = Interview(checker, answers, list(answers))
    assert (next_one := interview.next_question()) is not None and next_one.id == "data.smallest_count"
    s, out = session(checker, tmp_path, ["two", "2", ":q"], interview)
    s.run()
    assert "is not a whole number" in out.getvalue()
    assert s.interview.answers["data.smallest_count"] == 2
