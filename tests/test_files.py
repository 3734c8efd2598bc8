"""Files are written whole or not at all, and readable only by their owner unless widened."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from ispcheck.files import open_atomically, write_atomically


def test_a_file_is_written_whole_and_replaces_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "record.json"
    target.write_text("old")
    assert write_atomically(target, "new – with a dash") == target
    assert target.read_text(encoding="utf-8") == "new – with a dash"
    assert [p.name for p in tmp_path.iterdir()] == ["record.json"]


def test_bytes_are_written_as_they_are(tmp_path: Path) -> None:
    target = write_atomically(tmp_path / "form.pdf", b"%PDF-1.7\x00")
    assert target.read_bytes() == b"%PDF-1.7\x00"


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "record.json"
    target.write_text("old")

    def disk_full(source: str, destination: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError, match="No space"):
        write_atomically(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["record.json"]


def test_a_file_is_readable_by_its_owner_only_unless_told_otherwise(tmp_path: Path) -> None:
    private = write_atomically(tmp_path / "record.json", "about a person")
    shared = write_atomically(tmp_path / "index.html", "the review pack", mode=0o644)
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert stat.S_IMODE(shared.stat().st_mode) == 0o644


def test_a_streamed_file_appears_only_once_it_is_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    target.write_text("old")
    with open_atomically(target, newline="") as out:
        out.write("id,name\r\n")
        out.flush()
        assert target.read_text() == "old"  # the old file stands until the new one is complete
        out.write("1,Café\r\n")
    assert target.read_bytes() == "id,name\r\n1,Café\r\n".encode()
    assert [p.name for p in tmp_path.iterdir()] == ["export.csv"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_streamed_write_that_fails_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "decisions.jsonl"
    target.write_text("old")
    with pytest.raises(KeyboardInterrupt), open_atomically(target) as out:
        out.write("half a line")
        raise KeyboardInterrupt
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["decisions.jsonl"]


def test_a_streamed_write_that_fails_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="bad record"), open_atomically(tmp_path / "new.jsonl") as out:
        out.write("{}\n")
        raise ValueError("bad record")
    assert list(tmp_path.iterdir()) == []
