"""What the commands share: reading a disclosure file or standard input is bad input, never a fault."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from ispcheck.cli.options import read_file_or_stdin
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
