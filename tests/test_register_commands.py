"""``ispcheck register``: add, list, show, export, verify and replay from the command line.

Decisions are recorded under the fixture pack (``--pack``), and replayed under a copy of it with
one thing changed, so a change to the Warwickshire rules does not break these tests.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import clean_disclosure
from .helpers import FIXTURE_PACK, FIXTURE_PACK_ARGS, copy_pack, run_cli
from .register_backends import Backend
from .test_register import SPECIAL
from .test_replay import EVIDENCE_NOT_KNOWN, evidence_not_known_referred

ISPCHECK = str(Path(sys.executable).parent / "ispcheck")


run = run_cli


def case(tmp_path: Path, name: str = "case.json", **changes: Any) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(clean_disclosure(**changes)))
    return str(path)


@pytest.fixture
def db(backend: Backend) -> str:
    """The register for ``--db``: a file, then (a second run) a postgresql:// URL."""
    return backend.target


def add(capsys: Any, db: str, file: str, *extra: str) -> tuple[int, str, str]:
    """``ispcheck register add``, deciding under the fixture pack."""
    return run(capsys, "register", "add", file, "--db", db, "--no-plugins", *FIXTURE_PACK_ARGS, *extra)


def test_add_records_the_decision_and_exits_as_check_does(tmp_path: Path, db: str, capsys: Any) -> None:
    code, out, _ = add(capsys, db, case(tmp_path), "--decided-by", "DC 1234")
    assert code == 0
    assert out.startswith("Recorded as record 1 in")
    assert "SHARE" in out
    code, _, _ = add(capsys, db, case(tmp_path, "refer.json", **{"context.ongoing_investigation": True}))
    assert code == 3
    code, out, _ = add(
        capsys, db, case(tmp_path, "block.json", **{"handling.channel": "messaging_app"}), "--format", "json"
    )
    assert code == 4
    record = json.loads(out)
    assert record["id"] == 3 and record["decision"]["outcome"] == "do_not_share" and len(record["hash"]) == 64


def test_add_of_an_invalid_disclosure_exits_2_and_writes_nothing(
    tmp_path: Path, db: str, backend: Backend, capsys: Any
) -> None:
    code, _, err = add(capsys, db, case(tmp_path, **{"consnet": {}}))
    assert code == 2
    assert "consnet" in err and "Traceback" not in err
    assert not backend.exists()
    assert add(capsys, db, case(tmp_path))[0] == 0 and backend.exists()  # the nearest case


DEEP = '{"a":' * 100_000 + "1" + "}" * 100_000
REPEATED = json.dumps(clean_disclosure()).replace(
    '"ongoing_investigation": false', '"ongoing_investigation": false, "ongoing_investigation": true'
)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (REPEATED, "context.ongoing_investigation: this field is given twice"),
        (json.dumps(clean_disclosure(**{"context.ongoing_investigation": "no"})), 'got "no"'),
        (DEEP, "nested too deeply to read"),
    ],
    ids=["a key given twice", "no for false", "nested 100,000 deep"],
)
def test_add_of_a_disclosure_that_strict_reading_refuses_exits_2_and_writes_nothing(
    tmp_path: Path, db: str, backend: Backend, capsys: Any, text: str, said: str
) -> None:
    path = tmp_path / "case.json"
    path.write_text(text)
    code, out, err = add(capsys, db, str(path), "--format", "json")
    assert code == 2
    assert said in " ".join(f"{p['path']}: {p['message']}" for p in json.loads(out)["problems"])
    assert "Traceback" not in err
    assert not backend.exists()


def test_add_withholds_special_category_text_unless_told_to_keep_it(
    tmp_path: Path, db: str, capsys: Any
) -> None:
    file = case(tmp_path, **SPECIAL)
    _, out, _ = add(capsys, db, file, "--format", "json")
    assert json.loads(out)["disclosure"]["data"]["description"] == "[withheld]"
    _, out, _ = add(capsys, db, file, "--format", "json", "--keep-text")
    assert json.loads(out)["disclosure"]["data"]["description"] == "HIV status and current medication"


def test_the_register_comes_from_the_environment_when_not_given(
    tmp_path: Path, backend: Backend, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ISPCHECK_REGISTER", backend.target)
    code, _, _ = run(capsys, "register", "add", case(tmp_path), "--no-plugins", *FIXTURE_PACK_ARGS)
    assert code == 0 and backend.exists()
    code, out, _ = run(capsys, "register", "verify", "--format", "json")
    assert code == 0 and json.loads(out)["records"] == 1
    assert not (tmp_path / "ispcheck-register.sqlite").exists()


def test_reading_commands_never_create_a_register(db: str, backend: Backend, capsys: Any) -> None:
    for command in (
        ["list"],
        ["show", "1"],
        ["export"],
        ["verify"],
        ["replay", *FIXTURE_PACK_ARGS],
    ):
        code, _, err = run(capsys, "register", *command, "--db", db)
        assert code == 2, command
        assert "no decision register" in err
    assert not backend.exists()


def test_list_and_show(tmp_path: Path, db: str, capsys: Any) -> None:
    add(capsys, db, case(tmp_path), "--decided-by", "DC 1234")
    add(capsys, db, case(tmp_path, "refer.json", **{"context.ongoing_investigation": True}))
    code, out, _ = run(capsys, "register", "list", "--db", db)
    assert code == 0 and "DC 1234" in out and "Rugby Borough" in out
    _, out, _ = run(capsys, "register", "list", "--db", db, "--format", "json", "--outcome", "refer")
    assert [r["id"] for r in json.loads(out)] == [2]
    _, out, _ = run(capsys, "register", "list", "--db", db, "--format", "json", "--last", "1")
    assert [r["id"] for r in json.loads(out)] == [2]
    code, out, _ = run(capsys, "register", "show", "2", "--db", db)
    assert code == 0 and "Record 2" in out and "Crown Prosecution Service" in out
    code, out, _ = run(capsys, "register", "show", "1", "--db", db, "--format", "json")
    assert json.loads(out)["decided_by"] == "DC 1234"
    code, _, err = run(capsys, "register", "show", "9", "--db", db)
    assert code == 1 and "no record 9" in err


def test_show_and_list_name_the_service_key_that_recorded_a_decision_and_only_when_there_is_one(
    tmp_path: Path, db: str, capsys: Any
) -> None:
    from ispcheck import Checker
    from ispcheck.register import Register

    with Register.open(db, checker=Checker(FIXTURE_PACK, use_entry_points=False)) as register:
        register.add(clean_disclosure(), recorded_by="case-system")
        register.add(clean_disclosure())
    _, out, _ = run(capsys, "register", "list", "--db", db, "--format", "json")
    assert [r["recorded_by"] for r in json.loads(out)] == ["case-system", None]
    _, out, _ = run(capsys, "register", "show", "1", "--db", db, "--format", "json")
    assert json.loads(out)["recorded_by"] == "case-system"
    _, out, _ = run(capsys, "register", "show", "1", "--db", db)
    assert "recorded by the service key case-system" in " ".join(out.split())
    _, out, _ = run(capsys, "register", "show", "2", "--db", db)
    assert "service key" not in out


def test_list_last_gives_the_latest_records_of_an_outcome_oldest_first(
    tmp_path: Path, db: str, capsys: Any
) -> None:
    refer = case(tmp_path, "refer.json", **{"context.ongoing_investigation": True})
    for file in (refer, case(tmp_path), refer, refer, case(tmp_path)):
        add(capsys, db, file)
    _, out, _ = run(
        capsys, "register", "list", "--db", db, "--format", "json", "--last", "2", "--outcome", "refer"
    )
    assert [r["id"] for r in json.loads(out)] == [3, 4]
    _, out, _ = run(capsys, "register", "list", "--db", db, "--format", "json", "--last", "9")
    assert [r["id"] for r in json.loads(out)] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    ("given", "problem"), [("0", "give 1 or more"), ("-3", "give 1 or more"), ("x", "whole number")]
)
def test_list_last_must_be_one_or_more_records(
    tmp_path: Path, db: str, capsys: Any, given: str, problem: str
) -> None:
    add(capsys, db, case(tmp_path))
    capsys.readouterr()
    with pytest.raises(SystemExit) as caught:  # argparse's usage error
        run(capsys, "register", "list", "--db", db, "--last", given)
    out, err = capsys.readouterr()
    assert caught.value.code == 2
    assert "argument --last" in err and problem in err and "Traceback" not in err
    assert out == ""


def test_export_as_jsonl_and_csv(tmp_path: Path, db: str, capsys: Any) -> None:
    add(capsys, db, case(tmp_path))
    add(capsys, db, case(tmp_path))
    code, out, _ = run(capsys, "register", "export", "--db", db)
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == [1, 2]
    target = tmp_path / "export.csv"
    code, _, err = run(capsys, "register", "export", "--db", db, "--format", "csv", "-o", str(target))
    assert code == 0 and "Exported 2 records" in err
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == ["1", "2"]
    assert rows[0]["discloser.organisation"] == "Warwickshire Police"
    assert [p.name for p in tmp_path.iterdir() if "export" in p.name] == ["export.csv"]  # no leftovers


def test_an_export_that_fails_midway_leaves_the_old_file_and_nothing_else(
    tmp_path: Path, db: str, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ispcheck.register import Register

    add(capsys, db, case(tmp_path))
    target = tmp_path / "export.jsonl"
    target.write_text("the last good export")

    def disk_full(self: Register, out: Any) -> int:
        out.write('{"id": 1}\n')
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Register, "export_jsonl", disk_full)
    code, _, err = run(capsys, "register", "export", "--db", db, "-o", str(target))
    assert code == 2 and f"cannot write {target}: No space left on device" in err
    assert target.read_text() == "the last good export"
    assert [p.name for p in tmp_path.iterdir() if "export" in p.name] == ["export.jsonl"]


def test_verify_passes_on_an_intact_register_and_prints_the_hash_to_note(
    tmp_path: Path, db: str, capsys: Any
) -> None:
    add(capsys, db, case(tmp_path))
    code, out, _ = run(capsys, "register", "verify", "--db", db, "--format", "json")
    result = json.loads(out)
    assert code == 0 and result["ok"] and result["records"] == 1
    code, out, _ = run(capsys, "register", "verify", "--db", db, "--expect", f"1:{result['head']}")
    assert code == 0 and result["head"] in out


def test_verify_exits_1_and_names_the_first_bad_record(
    tmp_path: Path, db: str, backend: Backend, capsys: Any
) -> None:
    for _ in range(3):
        add(capsys, db, case(tmp_path))
    backend.tamper(("UPDATE records SET body = replace(body, 'Rugby', 'Rubgy') WHERE id = 2", ()))
    code, _, err = run(capsys, "register", "verify", "--db", db)
    assert code == 1
    assert "TAMPERED" in err and "First bad record: 2" in err
    code, out, _ = run(capsys, "register", "verify", "--db", db, "--format", "json")
    assert code == 1 and json.loads(out)["bad_id"] == 2


def test_verify_rejects_a_malformed_expectation(tmp_path: Path, db: str, capsys: Any) -> None:
    add(capsys, db, case(tmp_path))
    code, _, err = run(capsys, "register", "verify", "--db", db, "--expect", "one:abc")
    assert code == 2 and "ID:HASH" in err


def test_replay_lists_the_records_a_new_pack_would_decide_differently(
    tmp_path: Path, db: str, capsys: Any
) -> None:
    add(capsys, db, case(tmp_path, "not-known.json", **EVIDENCE_NOT_KNOWN))
    add(capsys, db, case(tmp_path))
    pack = copy_pack(tmp_path, FIXTURE_PACK)
    risks = pack / "unknown_risks.toml"
    risks.write_text(evidence_not_known_referred(risks.read_text(encoding="utf-8")), encoding="utf-8")
    code, out, _ = run(capsys, "register", "replay", "--db", db, "--pack", str(pack), "--no-plugins")
    assert code == 0
    assert "1 would get a different outcome" in out
    assert "record 1: share_with_conditions -> refer" in out and "record 2" not in out
    assert "+ refer unknown.evidential-use" in out
    _, out, _ = run(
        capsys, "register", "replay", "--db", db, "--pack", str(pack), "--no-plugins", "--format", "json"
    )
    report = json.loads(out)
    assert report["records"] == 2 and [c["id"] for c in report["changes"]] == [1]


def test_replay_with_a_broken_pack_exits_5(tmp_path: Path, db: str, capsys: Any) -> None:
    add(capsys, db, case(tmp_path))
    code, _, err = run(capsys, "register", "replay", "--db", db, "--pack", str(tmp_path / "no-such-pack"))
    assert code == 5 and "no pack.toml" in err


def test_a_password_in_the_register_url_is_never_printed(
    db: str, backend: Backend, tmp_path: Path, capsys: Any
) -> None:
    if not backend.postgres:  # the nearest case: a file path is printed as it is
        code, out, _ = add(capsys, db, case(tmp_path))
        assert code == 0 and db in out
        return
    with_password = db.replace("postgresql://postgres@", "postgresql://postgres:s3cret@")
    outputs = [
        add(capsys, with_password, case(tmp_path)),
        run(capsys, "register", "verify", "--db", with_password),
        run(capsys, "register", "verify", "--db", with_password, "--format", "json"),
        run(capsys, "register", "show", "9", "--db", with_password),
    ]
    assert [code for code, _, _ in outputs] == [0, 0, 0, 1]
    printed = "".join(out + err for _, out, err in outputs)
    assert db in printed and "s3cret" not in printed


def test_grant_prints_the_sql_that_gives_a_role_insert_and_select_only(capsys: Any) -> None:
    code, out, _ = run(capsys, "register", "grant", 'case "service"')
    assert code == 0
    assert out.splitlines() == [
        'REVOKE ALL ON records, head FROM "case ""service""";',
        'GRANT SELECT, INSERT ON records TO "case ""service""";',
        'GRANT SELECT, UPDATE ON head TO "case ""service""";',
    ]


def test_every_register_action_has_help() -> None:
    for action in ("add", "list", "show", "export", "verify", "replay", "grant"):
        result = subprocess.run([ISPCHECK, "register", action, "--help"], capture_output=True, text=True)
        assert result.returncode == 0, action
        assert "usage: ispcheck register" in result.stdout


# -- only add creates a register, and it is its owner's alone (issue 13, items 4 and 6) ---------


@pytest.mark.parametrize("action", ["verify", "list", "export"])
def test_reading_an_empty_file_as_a_register_is_refused_and_writes_nothing_into_it(
    tmp_path: Path, capsys: Any, action: str
) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    code, out, err = run_cli(capsys, "register", action, "--db", str(empty))
    assert code == 2
    assert "it is an empty file" in " ".join((out + err).split())
    assert empty.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.sqlite"]


def test_reading_a_path_with_no_register_is_refused_and_creates_nothing(tmp_path: Path, capsys: Any) -> None:
    code, out, err = run_cli(capsys, "register", "verify", "--db", str(tmp_path / "none.sqlite"))
    assert code == 2
    assert "only `ispcheck register add` creates one" in " ".join((out + err).split())
    assert list(tmp_path.iterdir()) == []


def test_reading_another_sqlite_database_as_a_register_is_refused(tmp_path: Path, capsys: Any) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE t (x)")
    code, out, err = run_cli(capsys, "register", "verify", "--db", str(other))
    assert code == 2
    assert "not an ispcheck decision register" in " ".join((out + err).split())


def test_a_register_that_add_created_is_readable_by_its_owner_only_with_its_journal(
    tmp_path: Path, capsys: Any
) -> None:
    register = tmp_path / "register.sqlite"
    case = tmp_path / "case.json"
    case.write_text(json.dumps(clean_disclosure()), encoding="utf-8")
    code, _, _ = add(capsys, str(register), str(case))
    assert code == 0
    from ispcheck.register import Register

    with Register.open(register, create=False):  # held open, so its journal files are there
        files = [p for p in tmp_path.iterdir() if p.name.startswith("register.sqlite")]
        assert {p.name for p in files} >= {"register.sqlite", "register.sqlite-wal", "register.sqlite-shm"}
        for path in files:
            assert path.stat().st_mode & 0o777 == 0o600, path.name
    code, _, _ = run_cli(capsys, "register", "verify", "--db", str(register))
    assert code == 0
