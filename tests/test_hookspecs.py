"""Every hook is documented, and every hook works from a plugin."""

from __future__ import annotations

import inspect
import types
from collections.abc import Sequence
from pathlib import Path

import pytest

from ispcheck import Checker, Obligation, PluginError, hookimpl
from ispcheck import hookspecs as specs
from ispcheck.pack import Pack

from .conftest import FIXED_TIME, clean_disclosure

HOOKS = sorted(name for name in dir(specs) if name.startswith("ispcheck_"))
README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_hook_specification_module_declares_the_expected_hooks() -> None:
    assert HOOKS == ["ispcheck_obligations", "ispcheck_rules"]


@pytest.mark.parametrize("name", HOOKS)
def test_every_hook_is_a_decorated_specification_with_a_full_docstring(name: str) -> None:
    function = getattr(specs, name)
    assert hasattr(function, "ispcheck_spec"), f"{name} is not decorated with @hookspec"
    doc = inspect.getdoc(function) or ""
    assert len(doc) > 200, f"{name} needs a docstring saying what it receives and returns"
    assert "Called" in doc and "Return" in doc


@pytest.mark.parametrize("name", HOOKS)
def test_every_hook_is_described_in_the_readme(name: str) -> None:
    assert name in README.read_text(encoding="utf-8")


def obligations_plugin(*items: Obligation) -> types.ModuleType:
    module = types.ModuleType("local_duties")

    @hookimpl
    def ispcheck_obligations(pack: Pack) -> Sequence[Obligation]:
        return items

    module.ispcheck_obligations = ispcheck_obligations  # type: ignore[attr-defined]
    return module


def test_a_plugin_can_add_a_standing_obligation_to_personal_data_decisions(pack: Pack) -> None:
    duty = Obligation("case-note", "Add a note to the case in ECINS.", ("4.5",), "discloser")
    checker = Checker(
        pack, plugins=[obligations_plugin(duty)], use_entry_points=False, clock=lambda: FIXED_TIME
    )
    decision = checker.check(clean_disclosure())
    assert decision.obligations[-1] == duty
    assert decision.outcome.value == "share"


def test_an_added_obligation_must_cite_a_clause_the_pack_has(pack: Pack) -> None:
    duty = Obligation("case-note", "Add a note.", ("99.1",), "discloser")
    with pytest.raises(PluginError, match=r"99\.1"):
        Checker(pack, plugins=[obligations_plugin(duty)], use_entry_points=False)
