"""``ispcheck audit``: summary, per-record output, invalid records, exit statuses, no half-files.

Every audit here is decided under the fixture pack (``--pack``), not the shipped Warwickshire pack.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from .conftest import clean_disclosure
from .helpers import FIXTURE_PACK_ARGS, run_cli
from .test_audit import as_csv

ISPCHECK = str(Path(sys.executable).parent / "ispcheck")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``ispcheck ARGS`` in-process under the fixture pack."""
    return run_cli(capsys, *args, *FIXTURE_PACK_ARGS)


def write_log(tmp_path: Path, lines: list[str], name: str = "log.jsonl") -> str:
    path = tmp_path / name
    path.write_text("".join(lines), encoding="utf-8")
    return str(path)


GOOD = json.dumps(clean_disclosure()) + "\n"
REFER = json.dumps(clean_disclosure(**{"context.ongoing_investigation": True})) + "\n"


def test_a_clean_log_exits_0_with_a_summary_and_one_output_line_per_record(
    tmp_path: Path, capsys: Any
) -> None:
    log = write_log(tmp_path, [GOOD, REFER, GOOD])
    out_file = tmp_path / "decisions.jsonl"
    code, out, _ = run(capsys, "audit", log, "--no-plugins", "-o", str(out_file))
    assert code == 0
    assert "3 records, 3 decided" in out
    assert "investigation.not-consulted" in out and "Rugby Borough" in out
    assert "\x1b[" not in out  # no terminal codes when not writing to a terminal
    decided = [json.loads(line) for line in out_file.read_text().splitlines()]
    assert [(d["line"], d["outcome"]) for d in decided] == [(1, "share"), (2, "refer"), (3, "share")]


def test_invalid_records_are_named_by_line_and_the_exit_status_is_1(tmp_path: Path, capsys: Any) -> None:
    log = write_log(tmp_path, [GOOD, "{oops\n", GOOD])
    code, out, _ = run(capsys, "audit", log, "--no-plugins")
    assert code == 1
    assert "1 invalid and skipped" in out
    assert "line 2: skipped, not a valid disclosure: not valid JSON" in out
    assert "Traceback" not in out


def test_a_record_with_a_key_given_twice_is_named_by_line_and_the_exit_status_is_1(
    tmp_path: Path, capsys: Any
) -> None:
    repeated = GOOD.replace('"evidential_use": false', '"evidential_use": true, "evidential_use": false')
    assert repeated != GOOD
    log = write_log(tmp_path, [GOOD, repeated, "[" * 100_000 + "]" * 100_000 + "\n", GOOD])
    code, out, _ = run(capsys, "audit", log, "--no-plugins")
    assert code == 1
    assert "4 records, 2 decided, 2 invalid and skipped" in " ".join(out.split())
    assert "line 2: skipped, not a valid disclosure: context.evidential_use: this field is given twice" in out
    assert "line 3: skipped, not a valid disclosure: the line has lists or objects nested too deeply" in out
    assert "Traceback" not in out


def test_the_json_summary_is_for_machines(tmp_path: Path, capsys: Any) -> None:
    log = write_log(tmp_path, [GOOD, REFER, "[]\n"])
    code, out, _ = run(capsys, "audit", log, "--no-plugins", "--format", "json", "--as-of", "2025-03-31")
    report = json.loads(out)
    assert code == 1
    assert (report["records"], report["decided"], report["invalid"]) == (3, 2, 1)
    assert report["outcomes"]["refer"] == 1
    assert report["as_of"] == "2025-03-31"
    assert report["invalid_records"][0]["line"] == 3


def test_a_csv_log_is_read_by_its_extension(tmp_path: Path, capsys: Any) -> None:
    path = tmp_path / "log.csv"
    path.write_text(as_csv([clean_disclosure(), clean_disclosure(**{"context.ongoing_investigation": True})]))
    code, out, _ = run(capsys, "audit", str(path), "--no-plugins", "--format", "json")
    assert code == 0
    assert json.loads(out)["outcomes"] == {
        "share": 1,
        "share_with_conditions": 0,
        "refer": 1,
        "do_not_share": 0,
    }


def test_a_bad_csv_header_exits_2_and_leaves_no_output_behind(tmp_path: Path, capsys: Any) -> None:
    path = tmp_path / "log.csv"
    path.write_text(as_csv([clean_disclosure()]).replace("handling.channel", "handling.chanel"))
    out_file = tmp_path / "decisions.jsonl"
    code, _, err = run(capsys, "audit", str(path), "--no-plugins", "-o", str(out_file))
    assert code == 2
    assert "handling.chanel" in err and "handling.channel" in err
    assert list(tmp_path.iterdir()) == [path]


def test_a_missing_log_exits_2_with_a_plain_message(tmp_path: Path, capsys: Any) -> None:
    code, _, err = run(capsys, "audit", str(tmp_path / "nope.jsonl"))
    assert code == 2
    assert "cannot read" in err and "Traceback" not in err


def test_a_malformed_date_is_refused_before_anything_is_read(tmp_path: Path) -> None:
    result = subprocess.run(
        [ISPCHECK, "audit", write_log(tmp_path, [GOOD]), "--as-of", "31/03/2025", *FIXTURE_PACK_ARGS],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr and "Traceback" not in result.stderr


def test_the_installed_command_with_two_workers_matches_one_and_can_write_to_stdout(tmp_path: Path) -> None:
    log = write_log(tmp_path, [GOOD, REFER, "{oops\n"] * 50)
    audit = [ISPCHECK, "audit", log, "--no-plugins", *FIXTURE_PACK_ARGS]
    outputs = []
    for jobs in ("1", "2"):
        result = subprocess.run(
            [*audit, "--jobs", jobs, "-o", "-", "--format", "json"],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 1, result.stderr
        assert json.loads(result.stderr)["invalid"] == 50  # the summary moves to stderr
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) == 150


def test_audit_has_help() -> None:
    result = subprocess.run([ISPCHECK, "audit", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "--jobs" in result.stdout and "--as-of" in result.stdout


def test_on_a_terminal_a_progress_bar_is_drawn_on_stderr(
    tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    log = write_log(tmp_path, [GOOD, "{oops\n"])
    code, out, err = run(capsys, "audit", log, "--no-plugins", "--format", "json")
    assert code == 1
    assert json.loads(out)["records"] == 2  # stdout stays clean for machines
    assert "auditing" in err and "records" in err
    assert "line 2: skipped" in err  # invalid records are shown as they are found


def test_without_a_terminal_progress_is_plain_lines(
    tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ispcheck.cli.audit_command.PLAIN_PROGRESS_EVERY", 0.0)
    log = write_log(tmp_path, [GOOD] * 3)
    code, _, err = run(capsys, "audit", log, "--no-plugins", "--format", "json")
    assert code == 0
    assert "audited 3 records (100% of the file)" in err
    assert "\x1b[" not in err


# -- a log with nothing in it is bad input (issue 13, item 8) -----------------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("empty.csv", ""),
        (
            "header-only.csv",
            "discloser.organisation,recipient.organisation,data.categories,purpose.code,"
            "handling.classification,handling.channel\n",
        ),
        ("empty.jsonl", "\n\n"),
    ],
)
def test_a_log_that_holds_no_records_is_bad_input_not_a_clean_audit(
    tmp_path: Path, capsys: Any, name: str, text: str
) -> None:
    log = tmp_path / name
    log.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "audit", str(log), "--no-plugins")
    assert code == 2
    assert "holds no records" in out + err


def test_a_log_with_one_record_is_audited(tmp_path: Path, capsys: Any) -> None:
    log = tmp_path / "one.jsonl"
    log.write_text(json.dumps(clean_disclosure()) + "\n", encoding="utf-8")
    code, _, _ = run(capsys, "audit", str(log), "--no-plugins")
    assert code == 0


# -- a termination signal is met like Ctrl-C (issue 13, item 5) ---------------------------------

ISPCHECK_COMMAND = str(Path(sys.executable).parent / "ispcheck")


@pytest.mark.parametrize(("name", "expected"), [("SIGTERM", 143), ("SIGHUP", 129)])
@pytest.mark.parametrize("whole_group", [False, True])
def test_an_audit_stopped_by_a_signal_leaves_no_file_no_traceback_and_exits_128_plus_it(
    tmp_path: Path, name: str, expected: int, whole_group: bool
) -> None:
    import os
    import signal
    import time

    log = tmp_path / "log.jsonl"
    log.write_text((json.dumps(clean_disclosure()) + "\n") * 150_000, encoding="utf-8")
    audit = subprocess.Popen(
        [
            ISPCHECK_COMMAND,
            "audit",
            str(log),
            "--jobs",
            "2",
            "--output",
            str(tmp_path / "out.jsonl"),
            "--no-plugins",
            *FIXTURE_PACK_ARGS,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a service manager runs it
    )
    deadline = time.monotonic() + 30
    while not any(p.name.startswith(".out.jsonl") for p in tmp_path.iterdir()):  # writing has begun
        assert time.monotonic() < deadline and audit.poll() is None, "the audit never started writing"
        time.sleep(0.05)
    signum = getattr(signal, name)
    if whole_group:
        os.killpg(audit.pid, signum)
    else:
        audit.send_signal(signum)
    _, err = audit.communicate(timeout=30)
    assert audit.returncode == expected, err
    assert "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.jsonl"]


@pytest.mark.parametrize("when", ["during the audit", "after the last record"])
def test_a_signal_whose_exception_python_swallowed_still_stops_the_audit_and_keeps_no_file(
    tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch, when: str
) -> None:
    """A signal landing in a callback Python runs for itself loses its exception (seen under load).

    The audit must still stop with 128 + the signal and leave no output, not finish with 0.
    """
    import signal

    from ispcheck.audit import Audit
    from ispcheck.cli.options import request_termination

    chunks = Audit.chunks

    def signalled(self: Audit) -> Any:
        for chunk in chunks(self):
            if when == "during the audit":
                request_termination(signal.SIGHUP)  # as the handler does, its raise lost
            yield chunk
        request_termination(signal.SIGHUP)

    monkeypatch.setattr(Audit, "chunks", signalled)
    out_file = tmp_path / "decisions.jsonl"
    code, _, err = run(capsys, "audit", write_log(tmp_path, [GOOD] * 20), "--no-plugins", "-o", str(out_file))
    assert code == 128 + signal.SIGHUP
    assert "Stopped by a signal to end" in err
    assert list(tmp_path.iterdir()) == [tmp_path / "log.jsonl"]


def test_without_a_signal_the_same_audit_finishes_and_writes_its_file(tmp_path: Path, capsys: Any) -> None:
    out_file = tmp_path / "decisions.jsonl"
    code, _, _ = run(capsys, "audit", write_log(tmp_path, [GOOD] * 20), "--no-plugins", "-o", str(out_file))
    assert code == 0 and len(out_file.read_text().splitlines()) == 20
