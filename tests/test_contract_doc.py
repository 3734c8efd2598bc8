"""The contract document in docs/ says exactly what ispcheck accepts."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from ispcheck import Checker, Outcome
from ispcheck.schema import disclosure_schema

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "contract_doc.py"
DOCUMENT = Path(__file__).resolve().parents[1] / "docs" / "contract.md"


@pytest.fixture(scope="module")
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("contract_doc", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["contract_doc"] = module
    spec.loader.exec_module(module)
    return module


def test_the_field_reference_in_the_document_is_the_one_the_contract_gives_now(script: ModuleType) -> None:
    assert script.main(["--check"]) == 0, "run: python scripts/contract_doc.py"


def test_the_check_fails_when_the_document_has_drifted(
    script: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drifted = tmp_path / "contract.md"
    drifted.write_text(DOCUMENT.read_text(encoding="utf-8").replace("`consent.recorded`", "`consent.kept`"))
    monkeypatch.setattr(script, "DOCUMENT", drifted)
    assert script.main(["--check"]) == 1
    assert script.main([]) == 0
    assert script.main(["--check"]) == 0


def test_every_field_of_the_contract_is_in_the_reference() -> None:
    text = DOCUMENT.read_text(encoding="utf-8")
    schema = disclosure_schema()
    for name, model in schema["$defs"].items():
        for field in model.get("properties", {}):
            assert f".{field}`" in text, f"{name}.{field} is not in docs/contract.md"


def test_the_example_in_the_document_is_a_disclosure_ispcheck_decides(checker: Checker) -> None:
    example = re.search(r"```json\n(.*?)```", DOCUMENT.read_text(encoding="utf-8"), re.S)
    assert example is not None
    decision = checker.check(json.loads(example.group(1)))
    assert decision.outcome in (Outcome.SHARE, Outcome.SHARE_WITH_CONDITIONS)
