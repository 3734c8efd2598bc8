"""Code generated at run time shows its source in tracebacks, as any other code does."""

from __future__ import annotations

import linecache
import traceback
from typing import Any

import pytest

from ispcheck.decision import Effect, Finding
from ispcheck.gates import GateTables, normalise_when
from ispcheck.generated import run_generated
from ispcheck.plans import RulePlans, Step
from ispcheck.rule import rule


def test_a_failure_inside_generated_code_shows_the_generated_line_in_the_traceback() -> None:
    namespace: dict[str, Any] = {}
    run_generated("def halve(n):\n    return n / 0  # the line to show\n", "example", namespace)
    with pytest.raises(ZeroDivisionError) as raised:
        namespace["halve"](4)
    shown = "".join(traceback.format_exception(raised.value))
    assert "return n / 0  # the line to show" in shown
    assert "<ispcheck example " in shown


def test_the_same_source_shares_one_entry_and_another_source_gets_its_own() -> None:
    first: dict[str, Any] = {}
    again: dict[str, Any] = {}
    other: dict[str, Any] = {}
    run_generated("def f():\n    return 1\n", "example", first)
    run_generated("def f():\n    return 1\n", "example", again)
    run_generated("def f():\n    return 2\n", "example", other)
    names = {ns["f"].__code__.co_filename for ns in (first, again, other)}
    assert len(names) == 2
    for name in names:
        assert linecache.getline(name, 2).strip() in ("return 1", "return 2")


def test_generated_lines_survive_a_linecache_check() -> None:
    namespace: dict[str, Any] = {}
    run_generated("def g():\n    return 'kept'\n", "example", namespace)
    filename = namespace["g"].__code__.co_filename
    linecache.checkcache()
    assert linecache.getline(filename, 2).strip() == "return 'kept'"


def test_a_fact_with_a_value_outside_its_values_is_shown_at_its_line_in_the_gate_tables() -> None:
    tables = GateTables([normalise_when({"handling.channel": "post"})])

    class Handling:
        channel = "carrier pigeon"

    class Disclosure:
        handling = Handling()

    with pytest.raises(KeyError) as raised:
        tables.mask(Disclosure(), None)
    shown = "".join(traceback.format_exception(raised.value))
    assert "<ispcheck gate tables " in shown
    assert "fill(d, f)" in shown  # the generated line that was running is printed, not just its number


def test_the_rule_plans_source_is_shown_for_a_frame_inside_them() -> None:
    example = rule("example.one", title="Example", effect=Effect.ADVICE, clauses=("4.4",), message="-")(None)
    finding: Finding = example.finding
    plans = RulePlans([Step(example, None, finding, finding)], run_steps=lambda *args: ((), 0))
    filename = plans.normal.__code__.co_filename
    assert filename.startswith("<ispcheck rule plans ")
    assert linecache.getline(filename, 1).startswith("def findings(mask, d, f):")
