"""``ispcheck keys`` and ``ispcheck serve`` from the command line, as an administrator uses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .helpers import run_cli


def test_keys_add_prints_the_key_once_and_keys_list_never_shows_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = str(tmp_path / "keys.json")
    code, out, _ = run_cli(capsys, "keys", "add", "ecins-live", "--scopes", "decide,record", "--keys", keys)
    assert code == 0
    key = next(line.strip() for line in out.splitlines() if line.strip().startswith("isk_"))
    assert "shown only now" in out
    code, out, _ = run_cli(capsys, "keys", "list", "--keys", keys)
    assert code == 0 and "ecins-live" in out and "decide,record" in out and "active" in out
    assert key not in out and key not in Path(keys).read_text()
    code, out, _ = run_cli(capsys, "keys", "list", "--keys", keys, "--format", "json")
    assert [k["name"] for k in json.loads(out)] == ["ecins-live"] and "sha256" not in out


def test_keys_revoke_marks_the_key_revoked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    keys = str(tmp_path / "keys.json")
    run_cli(capsys, "keys", "add", "ecins-live", "--scopes", "decide", "--keys", keys)
    assert run_cli(capsys, "keys", "revoke", "ecins-live", "--keys", keys)[0] == 0
    assert "revoked" in run_cli(capsys, "keys", "list", "--keys", keys)[1]
    code, _, err = run_cli(capsys, "keys", "revoke", "ecins-live", "--keys", keys)
    assert code == 2 and "no active key named ecins-live" in err


def test_a_scope_that_does_not_exist_is_refused_naming_those_that_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_cli(
        capsys, "keys", "add", "x", "--scopes", "everything", "--keys", str(tmp_path / "k.json")
    )
    assert code == 2 and "decide, record, register:read" in err and not (tmp_path / "k.json").exists()


def test_serve_without_a_keys_file_refuses_to_start_and_says_how_to_make_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ISPCHECK_KEYS", raising=False)
    code, _, err = run_cli(capsys, "serve")
    assert code == 2 and "ispcheck keys add" in err
    code, _, err = run_cli(capsys, "serve", "--keys", str(tmp_path / "absent.json"))
    assert code == 2 and "no keys file" in err


def test_serve_with_only_revoked_keys_or_half_a_tls_pair_refuses_to_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = str(tmp_path / "keys.json")
    run_cli(capsys, "keys", "add", "old", "--scopes", "decide", "--keys", keys)
    code, _, _ = run_cli(capsys, "serve", "--keys", keys, "--tls-cert", "cert.pem")
    assert code == 2
    run_cli(capsys, "keys", "revoke", "old", "--keys", keys)
    code, _, err = run_cli(capsys, "serve", "--keys", keys)
    assert code == 2 and "no active key" in err
