"""Small helpers several test modules share."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from ispcheck import PackError
from ispcheck.cli.main import main
from ispcheck.pack import load_pack, packs_directory

SHIPPED_PACK = packs_directory() / "warwickshire-csp"
#: A small pack for the tests of the machinery (the command line, audit, register): only a few
#: built-in rules apply under it, so a change to one protocol's reading does not break them.
FIXTURE_PACK = Path(__file__).resolve().parent / "fixture_pack" / "fixture-csp"
#: The command-line options that decide under the fixture pack.
FIXTURE_PACK_ARGS = ("--pack", str(FIXTURE_PACK))


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``ispcheck ARGS`` in-process: the exit status, standard output and standard error."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def write_json(tmp_path: Path, data: Any, name: str = "case.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data))
    return str(path)


def copy_pack(tmp_path: Path, source: Path = SHIPPED_PACK) -> Path:
    """A copy of the shipped pack (or of ``source``) that a test may break."""
    target = tmp_path / "pack"
    shutil.copytree(source, target)
    return target


def problems_of(folder: Path) -> list[str]:
    """The problems a pack folder is refused for (it must be refused)."""
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    return caught.value.problems


def edit(folder: Path, file: str, old: str, new: str) -> None:
    """Replace the first ``old`` in a pack file, failing loudly if it is not there."""
    path = folder / file
    text = path.read_text()
    assert old in text, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new, 1))


def install_distribution(source: Path, target: Path, env: dict[str, str] | None = None) -> Path:
    """Install the distribution at ``source`` into the folder ``target`` with pip, offline.

    No network and no build isolation: its build backend (hatchling) comes from this venv.
    """
    import subprocess
    import sys

    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            "--no-build-isolation",
            "--target",
            str(target),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert completed.returncode == 0, completed.stderr
    return target


def with_path(folder: Path) -> dict[str, str]:
    """This process's environment with ``folder`` first on ``PYTHONPATH``."""
    import os

    parts = [str(folder), os.environ.get("PYTHONPATH", "")]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(part for part in parts if part)}
