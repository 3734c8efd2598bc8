"""Small helpers several test modules share."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from ispcheck.cli.main import main
from ispcheck.pack import packs_directory

SHIPPED_PACK = packs_directory() / "warwickshire-csp"


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``ispcheck ARGS`` in-process: the exit status, standard output and standard error."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def write_json(tmp_path: Path, data: Any, name: str = "case.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data))
    return str(path)


def copy_pack(tmp_path: Path) -> Path:
    """A copy of the shipped pack that a test may break."""
    target = tmp_path / "pack"
    shutil.copytree(SHIPPED_PACK, target)
    return target


def edit(folder: Path, file: str, old: str, new: str) -> None:
    """Replace the first ``old`` in a pack file, failing loudly if it is not there."""
    path = folder / file
    text = path.read_text()
    assert old in text, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new, 1))
