"""What the commands share: bad input (a file, standard input, a count) is a clear error, never a fault."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest

from ispcheck.cli.options import counted, read_file_or_stdin
from ispcheck.errors import DisclosureError


def test_a_file_is_read_as_utf8_and_named_by_its_path(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_text("purpose: Café\n", encoding="utf-8")
    assert read_file_or_stdin(str(path)) == ("purpose: Café\n", str(path))


def test_a_dash_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO('{"a": 1}'))
    assert read_file_or_stdin("-") == ('{"a": 1}', "standard input")


def test_a_path_called_dash_is_a_file_not_standard_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("-").write_text("from the file")
    monkeypatch.setattr("sys.stdin", io.StringIO("from standard input"))
    assert read_file_or_stdin(Path("-")) == ("from the file", "-")


def test_a_missing_file_is_bad_input_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "nope.json"
    with pytest.raises(DisclosureError) as caught:
        read_file_or_stdin(str(path))
    assert [p.message for p in caught.value.problems] == [f"cannot read {path}: No such file or directory"]


def test_a_file_that_is_not_utf8_is_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_bytes("Café".encode("latin-1"))
    with pytest.raises(DisclosureError) as caught:
        read_file_or_stdin(path)
    (problem,) = caught.value.problems
    assert problem.message.startswith(f"cannot read {path}: 'utf-8' codec can't decode")


def test_a_count_is_a_whole_number_of_one_or_more() -> None:
    records = counted("records")
    assert records("1") == 1 and records("250") == 250
    for given, problem in (
        ("0", "give 1 or more records, not 0"),
        ("-3", "not -3"),
        ("x", "'x' is not a whole"),
    ):
        with pytest.raises(argparse.ArgumentTypeError, match=problem):
            records(given)


def test_a_count_with_a_ceiling_says_the_range_allowed() -> None:
    rows = counted("rows", most=200)
    assert rows("200") == 200
    for given in ("0", "201"):
        with pytest.raises(argparse.ArgumentTypeError, match="give between 1 and 200 rows"):
            rows(given)
