"""The service's keys: shown once, stored only as hashes, scoped, revocable."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from ispcheck.service.keys import KeysFileError, KeyStore


def test_a_new_key_is_returned_once_and_the_file_keeps_only_its_hash(tmp_path: Path) -> None:
    store = KeyStore.load(tmp_path / "keys.json", create=True)
    key = store.add("ecins-live", ["decide", "record"])
    store.save()
    text = (tmp_path / "keys.json").read_text()
    assert key.startswith("isk_") and len(key) > 40
    assert key not in text
    assert json.loads(text)["keys"][0]["scopes"] == ["decide", "record"]
    assert stat.S_IMODE((tmp_path / "keys.json").stat().st_mode) == 0o600


def test_the_key_authenticates_and_a_key_one_character_off_does_not(tmp_path: Path) -> None:
    store = KeyStore()
    key = store.add("ecins-live", ["decide"])
    found = store.authenticate(key)
    assert found is not None and found.name == "ecins-live"
    assert store.authenticate(key[:-1] + ("A" if key[-1] != "A" else "B")) is None
    assert store.authenticate("") is None


def test_a_key_allows_only_its_scopes(tmp_path: Path) -> None:
    store = KeyStore()
    found = store.authenticate(store.add("reader", ["register:read"]))
    assert found is not None and found.allows("register:read") and not found.allows("record")


def test_a_revoked_key_no_longer_authenticates_and_its_name_can_be_used_again(tmp_path: Path) -> None:
    store = KeyStore()
    old = store.add("ecins-live", ["decide"])
    store.revoke("ecins-live")
    assert store.authenticate(old) is None
    new = store.add("ecins-live", ["decide"])
    assert store.authenticate(new) is not None


@pytest.mark.parametrize(
    ("name", "scopes", "message"),
    [
        ("ecins live", ["decide"], "a key's name is letters"),
        ("ecins", ["decide", "delete"], "not delete"),
        ("ecins", [], "one or more of decide, record, register:read"),
    ],
)
def test_a_bad_name_or_scope_is_refused_saying_what_is_allowed(
    name: str, scopes: list[str], message: str
) -> None:
    with pytest.raises(KeysFileError, match=message):
        KeyStore().add(name, scopes)


def test_two_active_keys_cannot_share_a_name() -> None:
    store = KeyStore()
    store.add("ecins", ["decide"])
    with pytest.raises(KeysFileError, match="already a key named ecins"):
        store.add("ecins", ["decide"])


def test_revoking_a_key_that_is_not_there_says_so() -> None:
    with pytest.raises(KeysFileError, match="no active key named ghost"):
        KeyStore().revoke("ghost")


@pytest.mark.parametrize(
    "text", ["not json", '{"format": "other", "keys": []}', '{"format": "ispcheck_keys", "keys": [{}]}']
)
def test_a_file_that_is_not_a_keys_file_is_refused_with_its_path(tmp_path: Path, text: str) -> None:
    path = tmp_path / "keys.json"
    path.write_text(text)
    with pytest.raises(KeysFileError, match=r"keys\.json"):
        KeyStore.load(path)


def test_a_missing_keys_file_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(KeysFileError, match="ispcheck keys add"):
        KeyStore.load(tmp_path / "absent.json")
