"""A decision is made under the version of the protocol in force on its day, and names it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ispcheck import Checker, PackError, load_pack
from ispcheck.engine import VERSION_NOT_HELD_ID
from ispcheck.pack import Pack

from .conftest import FIXED_TIME, clean_disclosure
from .helpers import copy_pack, edit

CURRENT = "2024-05-08"


def _note(decision: object) -> list[str]:
    return [f.message for f in decision.findings if f.rule_id == VERSION_NOT_HELD_ID]  # type: ignore[attr-defined]


def test_the_shipped_pack_lists_the_versions_in_its_change_history_newest_first(pack: Pack) -> None:
    assert [v.id for v in pack.versions] == [
        CURRENT, "2023-07-12", "2021-12-07", "2021-10-15", "2020-12-09", "2019-08-01"
    ]  # fmt: skip
    assert pack.versions[0].held and not any(v.held for v in pack.versions[1:])
    assert pack.version_clauses == ("18", "19.1")
    assert pack.version_on(date(2023, 7, 12)).id == "2023-07-12"  # type: ignore[union-attr]
    assert pack.version_on(date(2023, 7, 11)).id == "2021-12-07"  # type: ignore[union-attr]
    assert pack.version_on(date(2019, 7, 31)) is None


def test_a_decision_on_or_after_the_current_version_says_nothing_of_versions(checker: Checker) -> None:
    for day in (None, date(2024, 5, 8), date(2026, 1, 1)):
        decision = checker.check(clean_disclosure(), today=day)
        assert decision.pack_version == CURRENT
        assert _note(decision) == []


def test_a_decision_on_a_day_an_unheld_version_governed_names_it_and_the_text_used(checker: Checker) -> None:
    decision = checker.check(clean_disclosure(), today=date(2024, 5, 7))
    assert decision.pack_version == CURRENT
    (note,) = _note(decision)
    assert "the version in force was Annual update 2022/3 (from 12 July 2023 to 7 May 2024)" in note
    assert "does not hold" in note and "Annual update 2024 (version 2024-05-08)" in note
    finding = next(f for f in decision.findings if f.rule_id == VERSION_NOT_HELD_ID)
    assert finding.clauses == ("18", "19.1")
    assert decision.outcome == checker.check(clean_disclosure()).outcome  # advice: the outcome stands


def test_a_day_before_the_protocol_was_in_force_says_so(checker: Checker) -> None:
    (note,) = _note(checker.check(clean_disclosure(), today=date(2019, 7, 31)))
    assert "no version of this protocol was in force yet" in note
    assert "1 August 2019" in note


def test_the_plain_reading_decides_by_version_as_the_tables_do(checker: Checker) -> None:
    from ispcheck.view import view_of

    view = view_of(clean_disclosure())
    for day in (date(2020, 1, 1), date(2025, 1, 1)):
        assert checker.decide(view, today=day).findings == checker.decide_plainly(view, today=day).findings


def _with_held_2023_text(tmp_path: Path) -> Path:
    """A copy of the pack holding the 2023 text, in which one signatory had not yet signed."""
    folder = copy_pack(tmp_path)
    older = folder / "versions" / "2023-07-12"
    older.mkdir(parents=True)
    (older / "pack.toml").write_text(
        (folder / "pack.toml")
        .read_text(encoding="utf-8")
        .replace(f'version = "{CURRENT}"', 'version = "2023-07-12"')
        .replace("last_updated = 2024-05-08", "last_updated = 2023-07-12"),
        encoding="utf-8",
    )
    partners = (folder / "partners.toml").read_text(encoding="utf-8")
    assert 'name = "Refuge"' in partners
    start = partners.index(
        "[[partner]]", partners.rindex("[[partner]]", 0, partners.index('name = "Refuge"'))
    )
    end = partners.find("[[", start + 11)
    (older / "partners.toml").write_text(
        partners[:start] + (partners[end:] if end != -1 else ""), encoding="utf-8"
    )
    edit(
        folder,
        "versions.toml",
        'title = "Annual update 2022/3"\n',
        'title = "Annual update 2022/3"\nfolder = "versions/2023-07-12"\n',
    )
    return folder


def test_an_older_version_whose_text_is_held_decides_as_itself_and_is_named(tmp_path: Path) -> None:
    checker = Checker(_with_held_2023_text(tmp_path), use_entry_points=False, clock=lambda: FIXED_TIME)
    to_refuge = clean_disclosure(**{"recipient.organisation": "Refuge"})
    now = checker.check(to_refuge, today=date(2024, 6, 1))
    then = checker.check(to_refuge, today=date(2023, 8, 1))
    assert (now.pack_version, then.pack_version) == (CURRENT, "2023-07-12")
    assert _note(then) == []  # its own text: nothing to warn of
    assert "parties.recipient-not-signatory" in {f.rule_id for f in then.findings}
    assert "parties.recipient-not-signatory" not in {f.rule_id for f in now.findings}
    before = checker.check(to_refuge, today=date(2022, 1, 1))  # 2021 text not held: the 2023 one is nearest
    assert before.pack_version == "2023-07-12"
    assert "Annual update 2022/3 (version 2023-07-12)" in _note(before)[0]


def test_loading_a_version_whose_text_is_not_held_is_refused_naming_the_ones_held() -> None:
    with pytest.raises(
        PackError, match=r"no text of version '2021-10-15' is held in this pack \(held: 2024-05-08\)"
    ):
        load_pack(version="2021-10-15")


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (('id = "2024-05-08"', 'id = "2024-05-09"'), "the newest version must be the pack's own files"),
        (("in_force_from = 2020-12-09", "in_force_from = 2025-01-01"), "listed newest first"),
        (('id = "2023-07-12"', 'id = "2019-08-01"'), "the id is listed twice"),
        (('clauses = ["18", "19.1"]', 'clauses = ["18", "99.9"]'), "cites clause '99.9'"),
        (
            ('title = "Annual update 2020"\n', 'title = "Annual update 2020"\nfolder = "../.."\n'),
            "is not a folder of the pack",
        ),
        (
            ('title = "Annual update 2020"\n', 'title = "Annual update 2020"\nfrom = 2020-01-01\n'),
            "version[4]",
        ),
    ],
)
def test_a_broken_versions_file_is_refused_with_what_is_wrong(
    tmp_path: Path, change: tuple[str, str], problem: str
) -> None:
    folder = copy_pack(tmp_path)
    edit(folder, "versions.toml", *change)
    with pytest.raises(PackError) as raised:
        load_pack(folder)
    assert problem in str(raised.value)


def test_a_pack_without_a_versions_file_has_one_version_and_never_names_another(tmp_path: Path) -> None:
    folder = copy_pack(tmp_path)
    (folder / "versions.toml").unlink()
    checker = Checker(folder, use_entry_points=False, clock=lambda: FIXED_TIME)
    assert checker.pack.versions == ()
    assert _note(checker.check(clean_disclosure(), today=date(2001, 1, 1))) == []


def test_the_check_command_decides_as_of_a_date(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from ispcheck.cli.main import main

    path = tmp_path / "d.json"
    path.write_text(json.dumps(clean_disclosure()), encoding="utf-8")
    main(["check", str(path), "--no-plugins", "--format", "json", "--as-of", "2023-01-01"])
    rules = [f["rule_id"] for f in json.loads(capsys.readouterr().out)["findings"]]
    assert VERSION_NOT_HELD_ID in rules
    with pytest.raises(SystemExit):
        main(["check", str(path), "--as-of", "1/1/2023"])
    assert "is not a date; write it as YYYY-MM-DD" in capsys.readouterr().err


def test_a_version_listed_to_come_into_force_later_does_not_decide_today(tmp_path: Path) -> None:
    folder = _with_held_2023_text(tmp_path)
    edit(folder, "versions.toml", "in_force_from = 2024-05-08", "in_force_from = 2099-01-01")
    checker = Checker(folder, use_entry_points=False, clock=lambda: FIXED_TIME)
    decision = checker.check(clean_disclosure(**{"recipient.organisation": "Refuge"}))  # no day given: today
    assert decision.pack_version == "2023-07-12"
    assert "parties.recipient-not-signatory" in {f.rule_id for f in decision.findings}
