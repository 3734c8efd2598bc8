"""A fault inside the service is a 500 that never carries an outcome: the case system must not share."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

from ispcheck import Checker
from ispcheck.service.app import ServiceConfig, create_app
from ispcheck.service.keys import KeyStore

from .conftest import clean_disclosure


def client_with(checker: Checker, register: str | None = None) -> tuple[TestClient, str]:
    keys = KeyStore()
    key = keys.add("tests", ["decide", "record", "register:read"])
    app = create_app(ServiceConfig(checker=checker, keys=keys, register=register))
    return TestClient(app, raise_server_exceptions=False), key


def test_a_fault_while_deciding_is_a_500_with_no_outcome_telling_the_caller_not_to_share(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    checker = Checker(use_entry_points=False)

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("a fault with the victim's address in its message")

    monkeypatch.setattr(checker, "check", broken)
    monkeypatch.setattr(checker, "decide", broken)
    client, key = client_with(checker)
    with client:
        answer = client.post(
            "/v1/decisions", json=clean_disclosure(), headers={"Authorization": f"Bearer {key}"}
        )
    assert answer.status_code == 500
    assert answer.json()["error"] == "internal_error"
    assert "do not share" in answer.json()["message"]
    assert "outcome" not in answer.json() and "address" not in answer.text


def test_the_same_service_without_the_fault_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    client, key = client_with(Checker(use_entry_points=False))
    with client:
        answer = client.post(
            "/v1/decisions", json=clean_disclosure(), headers={"Authorization": f"Bearer {key}"}
        )
    assert answer.status_code == 200 and answer.json()["outcome"] == "share"


def test_a_broken_plugin_makes_the_service_not_ready(monkeypatch: pytest.MonkeyPatch) -> None:
    checker = Checker(use_entry_points=False)
    monkeypatch.setattr(
        checker, "broken_plugins", (type("Broken", (), {"name": "bad-plugin", "problem": "x"})(),)
    )
    client, _ = client_with(checker)
    with client:
        answer = client.get("/health/ready")
    assert answer.status_code == 503 and "bad-plugin" in answer.json()["message"]
