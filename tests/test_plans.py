"""Rule plans: from the set of rules whose gates hold to the findings, in rule order."""

from __future__ import annotations

from typing import Any

import pytest

from ispcheck import plans
from ispcheck.decision import SEVERITY, Effect, Finding
from ispcheck.plans import RulePlans, Step, chunked
from ispcheck.rule import Rule


def _finding(n: int, effect: Effect = Effect.ADVICE, urgent: bool = False) -> Finding:
    return Finding(
        rule_id=f"example.{n}{'-urgent' if urgent else ''}",
        effect=effect,
        clauses=("4.4",),
        message=f"Finding {n}.",
        action="Act.",
        refer_to="the DPO" if effect is Effect.REFER else None,
    )


def _rule(n: int) -> Rule:
    return Rule(
        id=f"example.{n}", title="Example", effect=Effect.ADVICE, clauses=("4.4",), message="-", check=None
    )


def _gated(n: int, effect: Effect = Effect.ADVICE) -> Step:
    return Step(_rule(n), None, _finding(n, effect), _finding(n, Effect.CONDITION, urgent=True))


def _never_run(*args: Any) -> tuple[list[Finding], int]:
    raise AssertionError("a plan with no predicate ran its rules one by one")


def _bits(*indices: int) -> int:
    return sum(1 << i for i in indices)


def test_the_findings_come_in_rule_order_across_chunks() -> None:
    steps = [_gated(n) for n in range(40)]
    found, top = RulePlans(steps, _never_run).normal(_bits(3, 17, 35), None, None)  # type: ignore[arg-type]
    assert [f.rule_id for f in found] == ["example.3", "example.17", "example.35"]
    assert top == SEVERITY[Effect.ADVICE]


def test_no_rule_whose_gate_holds_means_no_finding_and_share() -> None:
    steps = [_gated(n, Effect.BLOCK) for n in range(20)]
    assert RulePlans(steps, _never_run).normal(0, None, None) == ((), 0)  # type: ignore[arg-type]


def test_the_strictest_finding_gives_the_severity() -> None:
    steps = [_gated(0), _gated(1, Effect.REFER), _gated(2, Effect.CONDITION), _gated(3, Effect.BLOCK)]
    normal = RulePlans(steps, _never_run).normal
    assert normal(_bits(0, 1, 2), None, None)[1] == SEVERITY[Effect.REFER]  # type: ignore[arg-type]
    assert normal(_bits(0, 2), None, None)[1] == SEVERITY[Effect.CONDITION]  # type: ignore[arg-type]
    assert normal(_bits(0, 3), None, None)[1] == SEVERITY[Effect.BLOCK]  # type: ignore[arg-type]


def test_the_urgent_path_gives_the_urgent_findings_and_their_severity() -> None:
    steps = [_gated(0, Effect.BLOCK), _gated(1)]
    found, top = RulePlans(steps, _never_run).urgent(_bits(0, 1), None, None)  # type: ignore[arg-type]
    assert [f.rule_id for f in found] == ["example.0-urgent", "example.1-urgent"]
    assert top == SEVERITY[Effect.CONDITION]


def test_fixed_findings_come_first_and_set_the_least_severity() -> None:
    broken = _finding(99, Effect.REFER)
    found, top = RulePlans([_gated(0)], _never_run, (broken,)).normal(_bits(0), None, None)  # type: ignore[arg-type]
    assert found == (broken, _finding(0))
    assert top == SEVERITY[Effect.REFER]


def test_only_a_chunk_with_a_predicate_in_play_runs_its_rules_one_by_one() -> None:
    asked = _finding(20, Effect.BLOCK)
    predicate = Step(_rule(20), lambda d, f: True, asked, asked)
    steps = [*(_gated(n) for n in range(20)), predicate]
    ran: list[tuple[Step, ...]] = []

    def run(chosen: tuple[Step, ...], d: Any, f: Any, top: int) -> tuple[list[Finding], int]:
        ran.append(chosen)
        return [step.finding for step in chosen], max(top, *(step.finding.severity for step in chosen))

    found_plans = RulePlans(steps, run)
    found, top = found_plans.normal(_bits(1, 16, 20), None, None)  # type: ignore[arg-type]
    assert [f.rule_id for f in found] == ["example.1", "example.16", "example.20"]
    assert top == SEVERITY[Effect.BLOCK]
    assert ran == [(steps[16], predicate)]
    ran.clear()
    found_plans.normal(_bits(1, 16), None, None)  # type: ignore[arg-type]
    assert ran == []


def test_a_full_chunk_table_starts_afresh_and_still_gives_the_right_findings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(plans, "MAX_PLANS", 2)
    steps = [_gated(n) for n in range(16)]
    found_plans = RulePlans(steps, _never_run)
    for value in range(1, 40):
        found, _ = found_plans.normal(value, None, None)  # type: ignore[arg-type]
        assert [f.rule_id for f in found] == [f"example.{n}" for n in range(16) if value >> n & 1]
        assert max(found_plans.sizes()) <= 2


def _variants(n: int, count: int) -> list[Step]:
    """The steps of one rule with ``count`` variants: the same rule, one finding each."""
    rule = _rule(n)
    return [Step(rule, None, _finding(n * 100 + v), _finding(n * 100 + v, urgent=True)) for v in range(count)]


def test_sixteen_rules_without_variants_fill_a_chunk() -> None:
    steps = [_gated(n) for n in range(40)]
    assert [len(chunk) for chunk in chunked(steps)] == [16, 16, 8]


def test_a_rule_with_variants_takes_room_for_its_variants_and_none_not_one_bit_each() -> None:
    # Twelve variants, at most one holding, give 13 values: about 3.7 rules' worth, not 12.
    steps = [*_variants(0, 12), *(_gated(n) for n in range(1, 20))]
    chunks = chunked(steps)
    assert len(chunks[0]) == 12 + 12  # 13 * 2**12 <= 65,536 < 13 * 2**13
    assert sum(map(len, chunks)) == len(steps)


def test_a_rule_is_never_split_across_chunks() -> None:
    steps = [*(_gated(n) for n in range(15)), *_variants(15, 3), _gated(16)]
    chunks = chunked(steps)
    assert [len(chunk) for chunk in chunks] == [15, 4]
    assert {step.rule.id for step in chunks[1]} == {"example.15", "example.16"}


def test_findings_of_variants_come_in_rule_order_across_uneven_chunks() -> None:
    steps = [*_variants(0, 12), *(_gated(n) for n in range(1, 20)), *_variants(20, 5), _gated(21)]
    found_plans = RulePlans(steps, _never_run)
    assert len(found_plans.chunks) > 1
    on = [3, 12, 30, len(steps) - 2, len(steps) - 1]
    found, _ = found_plans.normal(_bits(*on), None, None)  # type: ignore[arg-type]
    assert found == tuple(steps[i][2] for i in on)


def test_with_no_rules_at_all_there_are_no_chunks_and_no_findings() -> None:
    found_plans = RulePlans([], _never_run)
    assert found_plans.chunks == () and found_plans.offsets == ()
    assert found_plans.normal(0, None, None) == ((), 0)  # type: ignore[arg-type]


def test_each_chunk_starts_where_the_one_before_it_ends() -> None:
    steps = [*_variants(0, 12), *(_gated(n) for n in range(1, 20)), *_variants(20, 5), _gated(21)]
    found_plans = RulePlans(steps, _never_run)
    ends = [
        offset + len(chunk) for offset, chunk in zip(found_plans.offsets, found_plans.chunks, strict=True)
    ]
    assert found_plans.offsets == (0, *ends[:-1]) and ends[-1] == len(steps)
