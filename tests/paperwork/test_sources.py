"""The paperwork reads a bare disclosure, the checklist's saved record, or a decision in the register."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ispcheck import Checker, DisclosureError
from ispcheck.decision import Outcome
from ispcheck.paperwork.sources import from_mapping, from_stored

from ..conftest import clean_disclosure
from ..helpers import run_cli, write_json
from .test_forms import FROM_AGENCY


def saved_record(checker: Checker, disclosure: dict[str, Any]) -> dict[str, Any]:
    """What the checklist saves: the disclosure as the contract has it, the decision, the answers."""
    parsed = checker.check(disclosure)
    return {
        "ispcheck_record": 1,
        "decision": parsed.to_dict(),
        "disclosure": disclosure,
        "answers": {},
        "questions_asked": 0,
        "not_answered": [],
    }


def test_a_bare_disclosure_is_read_as_one_with_no_decision_yet() -> None:
    source = from_mapping(clean_disclosure())

    assert source.decision is None
    assert source.described_as == "a disclosure"


def test_the_checklists_saved_record_gives_its_disclosure_and_the_decision_as_it_was_made(
    checker: Checker,
) -> None:
    saved = saved_record(checker, clean_disclosure(**{"handling.channel": "post"}))

    source = from_mapping(saved)

    assert source.disclosure.handling.channel == "post"
    assert source.decision is not None
    assert source.decision.to_dict() == saved["decision"]
    assert source.described_as == "the checklist's saved record"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"ispcheck_record": 2}, "ispcheck_record"),
        ({"disclosure": None}, "disclosure"),
        ({"decision": {"outcome": "share"}}, "decision"),
        ({"decision": {"outcome": "maybe", "findings": [], "obligations": []}}, "decision"),
    ],
)
def test_a_damaged_saved_record_is_bad_input_naming_the_field(
    checker: Checker, change: dict[str, Any], field: str
) -> None:
    saved = {**saved_record(checker, clean_disclosure()), **change}

    with pytest.raises(DisclosureError) as caught:
        from_mapping(saved)

    assert [p.path for p in caught.value.problems] == [field]


def test_a_saved_record_whose_disclosure_is_invalid_names_the_disclosures_field(checker: Checker) -> None:
    saved = saved_record(checker, clean_disclosure())
    saved["disclosure"] = {
        **saved["disclosure"],
        "handling": {"classification": "OFFICIAL", "channel": "pigeon"},
    }

    with pytest.raises(DisclosureError) as caught:
        from_mapping(saved)

    assert any(p.path == "handling.channel" for p in caught.value.problems)


def test_a_stored_register_record_is_read_with_who_decided(checker: Checker) -> None:
    decision = checker.check(clean_disclosure()).to_dict()

    source = from_stored(7, clean_disclosure(), decision, "DS 1234")

    assert (source.described_as, source.decided_by) == ("register record 7", "DS 1234")


# -- the commands --------------------------------------------------------------------------------


def test_record_prints_the_checklists_decision_as_it_was_made_not_a_new_one(
    tmp_path: Path, capsys: Any, checker: Checker
) -> None:
    saved = saved_record(checker, clean_disclosure())
    made_at = saved["decision"]["made_at"]
    path = tmp_path / "saved.json"
    path.write_text(json.dumps(saved), encoding="utf-8")

    code, out, _ = run_cli(capsys, "record", str(path), "--format", "json")

    assert code == 0
    assert json.loads(out)["decision"]["made_at"] == made_at


def test_form_and_declaration_take_the_checklists_saved_record(
    tmp_path: Path, capsys: Any, checker: Checker
) -> None:
    police_request = tmp_path / "a11.json"
    police_request.write_text(json.dumps(saved_record(checker, FROM_AGENCY)), encoding="utf-8")
    marac = tmp_path / "marac.json"
    marac.write_text(
        json.dumps(saved_record(checker, clean_disclosure(**{"context.setting": "marac"}))), encoding="utf-8"
    )

    code, out, _ = run_cli(capsys, "form", "police-request", str(police_request))
    assert code == 0 and "Request to external organisation" in out
    code, out, _ = run_cli(capsys, "declaration", "--from", str(marac))
    assert code == 0 and "# Appendix 5: MARAC Confidentiality Statement" in out


def test_a_declaration_for_a_share_outside_a_meeting_says_there_is_no_sheet(
    tmp_path: Path, capsys: Any
) -> None:
    case = write_json(tmp_path, clean_disclosure(**{"context.setting": "outside_meeting"}))

    code, _, err = run_cli(capsys, "declaration", "--from", case)

    assert code == 2
    assert "the share was not made at a meeting" in err


def test_the_paperwork_takes_a_recorded_decision_from_the_register(tmp_path: Path, capsys: Any) -> None:
    db = str(tmp_path / "register.db")
    case = write_json(tmp_path, FROM_AGENCY)
    assert run_cli(capsys, "register", "add", "--db", db, case, "--decided-by", "DC 5102")[0] in (0, 3, 4)

    code, out, _ = run_cli(capsys, "record", "--register-id", "1", "--db", db)
    assert code == 0
    assert "| Decided by (name and role) | DC 5102 |" in out
    code, out, _ = run_cli(capsys, "form", "police-request", "--register-id", "1", "--db", db)
    assert code == 0 and "Request to external organisation" in out


def test_a_register_record_that_does_not_exist_writes_nothing(tmp_path: Path, capsys: Any) -> None:
    db = str(tmp_path / "register.db")
    case = write_json(tmp_path, FROM_AGENCY)
    run_cli(capsys, "register", "add", "--db", db, case)
    target = tmp_path / "record.md"

    code, _, err = run_cli(capsys, "record", "--register-id", "9", "--db", db, "-o", str(target))

    assert code == 2
    assert "there is no record 9" in err
    assert not target.exists()


@pytest.mark.parametrize("extra", [[], ["FILE", "--register-id", "1"]])
def test_record_needs_exactly_one_of_a_file_or_a_register_id(
    tmp_path: Path, capsys: Any, extra: list[str]
) -> None:
    args = [a if a != "FILE" else write_json(tmp_path, clean_disclosure()) for a in extra]

    code, _, err = run_cli(capsys, "record", *args)

    assert code == 2
    assert "Give one of: a FILE" in err


@pytest.mark.parametrize(
    "example",
    [
        "marac-police-to-refuge.json",
        "urgent-risk-to-life-by-phone.json",
        "simple-share-police-to-council.json",
    ],
)
def test_a_record_the_real_checklist_saved_reaches_the_paperwork(
    tmp_path: Path, capsys: Any, example: str
) -> None:
    answers = Path(__file__).resolve().parents[2] / "examples" / "checklist" / example
    saved = tmp_path / "saved.json"
    run_cli(capsys, "checklist", "--answers", str(answers), "--save", str(saved))
    assert saved.is_file()

    code, out, err = run_cli(capsys, "record", str(saved))

    assert (code, err) == (0, "")
    assert "# Record of a decision to share information" in out
    outcome = Outcome(json.loads(saved.read_text(encoding="utf-8"))["decision"]["outcome"])
    assert f"| Outcome | **{outcome.label}** |" in out
