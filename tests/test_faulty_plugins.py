"""Faulty plugins installed for real fail closed: named, never a silent exit 0, never "share".

A distribution of five faulty plugins (``tests/faulty_plugins_dist``: one exits on import, one
exits in a rule, one has a block rule that forgot its return, one raises in its hook, one returns
42 from ``ispcheck_obligations``) is built and installed into a folder, which each command then
finds through the ``ispcheck.rules`` entry points, as it would an installed third-party plugin.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import clean_disclosure
from .helpers import install_distribution

SOURCE = Path(__file__).resolve().parent / "faulty_plugins_dist"
ISPCHECK = str(Path(sys.executable).parent / "ispcheck")
BROKEN_AT_LOAD = ("exits-on-import", "raises-in-hook", "obligations-42")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("faulty")
    shutil.copytree(SOURCE, work / "source")
    return install_distribution(
        work / "source", work / "site", env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    )


def _run(site: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(p for p in (str(site), os.environ.get("PYTHONPATH")) if p),
    }
    return subprocess.run([ISPCHECK, *args], capture_output=True, text=True, timeout=120, env=env, cwd=cwd)


def _case(tmp_path: Path) -> str:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(clean_disclosure()), encoding="utf-8")
    return str(path)


def test_check_refers_naming_every_faulty_plugin_and_rule(site: Path, tmp_path: Path) -> None:
    done = _run(site, "check", _case(tmp_path), "--format", "json", cwd=tmp_path)
    assert done.returncode == 3, done.stdout + done.stderr
    decision = json.loads(done.stdout)
    assert decision["outcome"] == "refer"
    said = " ".join(f["message"] for f in decision["findings"])
    for name in BROKEN_AT_LOAD:
        assert name in said
    assert "faulty.exits" in said and "SystemExit" in said
    assert "faulty.forgot-return" in said and "returned nothing" in said
    assert "Traceback" not in done.stderr


def test_the_same_case_without_plugins_is_shared(site: Path, tmp_path: Path) -> None:
    done = _run(site, "check", _case(tmp_path), "--no-plugins", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr


def test_rules_lists_the_broken_plugins_and_never_exits_silently(site: Path, tmp_path: Path) -> None:
    done = _run(site, "rules", "--format", "json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    broken = " ".join(b["name"] for b in json.loads(done.stdout)["broken_plugins"])
    for name in BROKEN_AT_LOAD:
        assert name in broken


def test_register_add_and_the_checklist_record_a_referral_not_a_silent_exit(
    site: Path, tmp_path: Path
) -> None:
    added = _run(site, "register", "add", _case(tmp_path), "--db", str(tmp_path / "r.sqlite"), cwd=tmp_path)
    assert added.returncode == 3, added.stdout + added.stderr
    answers = (
        Path(__file__).resolve().parents[1] / "examples" / "checklist" / "simple-share-police-to-council.json"
    )
    checklist = _run(site, "checklist", "--answers", str(answers), "--format", "json", cwd=tmp_path)
    assert checklist.returncode == 3, checklist.stdout + checklist.stderr


def test_an_audit_in_two_processes_finishes_refers_and_leaves_no_temporary_file(
    site: Path, tmp_path: Path
) -> None:
    log = tmp_path / "log.jsonl"
    log.write_text((json.dumps(clean_disclosure()) + "\n") * 50, encoding="utf-8")
    done = _run(
        site,
        "audit",
        str(log),
        "--jobs",
        "2",
        "--output",
        str(tmp_path / "out.jsonl"),
        "--format",
        "json",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout)["outcomes"]["refer"] == 50
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.jsonl", "out.jsonl"]


def test_the_library_refers_and_never_lets_sys_exit_escape(site: Path, tmp_path: Path) -> None:
    code = "import ispcheck, json, sys; print(ispcheck.check(json.load(sys.stdin)).outcome.value)"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(p for p in (str(site), os.environ.get("PYTHONPATH")) if p),
    }
    done = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(clean_disclosure()),
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "refer"
