"""From the rules whose gates hold to the findings, in rule order, worked out ahead of time.

The gate tables (:mod:`ispcheck.gates`) give the steps whose gates hold as a bit mask (a step is a
rule, or one variant of a rule with variants). A step with no predicate always gives the same
finding. So the mask is cut into chunks, and for each value of a chunk the findings of its steps
are worked out the first time that value is met, for the ordinary and for the urgent path. A
chunk holds as many rules as can together give at most 65,536 values: sixteen rules, or more
when some have variants (at most one variant of a rule holds, so a rule with twelve variants
gives thirteen values, not 4,096). Deciding then joins one tuple per chunk in one
generated function, and works out the strictest severity from three mask tests, with no Python
step per rule. Only a chunk whose steps include one with a predicate runs them one by one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import accumulate, groupby
from typing import Any, NamedTuple

from .decision import SEVERITY, Effect, Finding
from .generated import run_generated
from .rule import CheckFunction, Rule
from .view import DisclosureView

__all__ = ["CHUNK_VALUES", "FindingsOfMask", "RulePlans", "RunSteps", "Step", "chunked"]


class Step(NamedTuple):
    """One rule, or one variant of a rule, as the hot path reads it."""

    rule: Rule
    #: The rule's predicate; None when the rule is all gate (it fires whenever its gate holds).
    check: CheckFunction | None
    #: What it gives on the ordinary path.
    finding: Finding
    #: What it gives when there is an urgent risk to life.
    urgent_finding: Finding


#: Runs steps one by one (some of them asking predicates): given the strictest severity so far,
#: returns their findings and the strictest severity after them.
RunSteps = Callable[[tuple[Step, ...], DisclosureView, Any, int], tuple[Sequence[Finding], int]]
#: What a decision asks of the plans: the findings for a mask, and the strictest severity.
FindingsOfMask = Callable[[int, DisclosureView, Any], tuple[tuple[Finding, ...], int]]
#: The most values the rules of one chunk of the mask can give together (as sixteen rules do).
CHUNK_VALUES = 1 << 16
#: The most values one chunk's table keeps; it starts afresh when full, so memory stays bounded.
MAX_PLANS = 4096


class RulePlans:
    """The findings of every set of rules whose gates hold, ready for the ordinary and urgent paths.

    ``normal`` and ``urgent`` map a mask (and the disclosure, for the predicates) to the findings
    in rule order and the strictest severity among them. Fixed findings (of broken plugins, say)
    come first in every decision.
    """

    def __init__(self, steps: Sequence[Step], run_steps: RunSteps, fixed: tuple[Finding, ...] = ()) -> None:
        steps = tuple(steps)
        self.chunks = chunked(steps)
        #: Where each chunk starts in the mask.
        self.offsets = tuple(accumulate(map(len, self.chunks), initial=0))[:-1]
        self.source = _source(self.chunks, fixed)
        self._tables: list[_Plans] = []
        self.normal: FindingsOfMask = self._compile(run_steps, fixed, urgent=False)
        self.urgent: FindingsOfMask = self._compile(run_steps, fixed, urgent=True)

    def _compile(self, run_steps: RunSteps, fixed: tuple[Finding, ...], *, urgent: bool) -> FindingsOfMask:
        starts = zip(self.chunks, self.offsets, strict=True)
        findings = [_Plans(chunk, offset, urgent) for chunk, offset in starts]
        self._tables.extend(findings)
        namespace: dict[str, Any] = {"run": run_steps, "FIXED": fixed, "fill": _filler(findings)}
        for k, table in enumerate(findings):
            namespace[f"T{k}"] = table.table
            namespace[f"S{k}"] = table.steps
            namespace[f"M{k}"] = table.bits
        for effect in (Effect.BLOCK, Effect.REFER, Effect.CONDITION):
            namespace[effect.name] = sum(
                1 << index
                for index, step in enumerate(c for chunk in self.chunks for c in chunk)
                if step.check is None and _finding(step, urgent).effect is effect
            )
        namespace["BASE"] = max((f.severity for f in fixed), default=0)
        # Generated from the number of rules alone, never from input.
        run_generated(self.source, "rule plans", namespace)
        found: FindingsOfMask = namespace["findings"]
        return found

    def sizes(self) -> list[int]:
        """How many values each chunk's table holds (ordinary path, then urgent)."""
        return [len(table.table) for table in self._tables]


def chunked(steps: Sequence[Step]) -> tuple[tuple[Step, ...], ...]:
    """The steps in chunks whose rules give at most :data:`CHUNK_VALUES` values together.

    A rule (its steps are next to each other) is never split: with ``n`` variants it gives
    ``n + 1`` values, as at most one of them holds (the engine refuses variants that overlap).
    """
    chunks: list[tuple[Step, ...]] = []
    current: list[Step] = []
    values = 1
    for _, group in groupby(steps, key=lambda step: id(step.rule)):
        rule_steps = tuple(group)
        ways = len(rule_steps) + 1
        if current and values * ways > CHUNK_VALUES:
            chunks.append(tuple(current))
            current, values = [], 1
        current.extend(rule_steps)
        values *= ways
    if current:
        chunks.append(tuple(current))
    return tuple(chunks)


class _Plans:
    """For one chunk of rules: each value met so far, with the findings its rules give.

    A value is the mask with every bit outside the chunk cleared (``mask & bits``), not shifted
    down: one operation on the mask rather than two. None stands for a value whose rules include
    one with a predicate: ``steps`` then holds the rules to run. Bounded: it starts afresh when
    full.
    """

    def __init__(self, chunk: tuple[Step, ...], offset: int, urgent: bool) -> None:
        self.table: dict[int, tuple[Finding, ...] | None] = {}
        self.chunk = chunk
        self.offset = offset
        self.bits = ((1 << len(chunk)) - 1) << offset
        self.urgent = urgent
        self.steps: dict[int, tuple[Step, ...]] = {}

    def fill(self, value: int) -> None:
        if value in self.table:
            return
        if len(self.table) >= MAX_PLANS:
            self.table.clear()
            self.steps.clear()
        chosen = tuple(step for bit, step in enumerate(self.chunk, self.offset) if value >> bit & 1)
        if any(step.check is not None for step in chosen):
            self.steps[value] = chosen
            self.table[value] = None
        else:
            self.table[value] = tuple(_finding(step, self.urgent) for step in chosen)


def _finding(step: Step, urgent: bool) -> Finding:
    """The finding a rule that is all gate gives, on the urgent path or the ordinary one."""
    return step.urgent_finding if urgent else step.finding


def _filler(tables: list[_Plans]) -> Callable[[int], None]:
    def fill(mask: int) -> None:
        for table in tables:
            table.fill(mask & table.bits)

    return fill


def _source(chunks: tuple[tuple[Step, ...], ...], fixed: tuple[Finding, ...]) -> str:
    """The Python source of ``findings(mask, d, f)`` for these chunks of rules."""
    lines = ["def findings(mask, d, f):"]
    top = [
        f"{SEVERITY[Effect.BLOCK]} if mask & BLOCK",
        f"{SEVERITY[Effect.REFER]} if mask & REFER",
        f"{SEVERITY[Effect.CONDITION]} if mask & CONDITION",
        "0",
    ]
    lines.append(f"    top = {' else '.join(top)}")
    if fixed:
        lines.append("    if top < BASE:\n        top = BASE")
    values = [f"mask & M{k}" for k in range(len(chunks))]
    looked = ", ".join(f"T{k}[{value}]" for k, value in enumerate(values))
    names = ", ".join(f"c{k}" for k in range(len(chunks)))
    if chunks:
        lines.append(f"    try:\n        {names}, = {looked},")
        lines.append("    except KeyError:  # values met for the first time\n        fill(mask)")
        lines.append(f"        {names}, = {looked},")
    for k, chunk in enumerate(chunks):
        if any(step.check is not None for step in chunk):
            lines.append(f"    if c{k} is None:\n        c{k}, top = run(S{k}[{values[k]}], d, f, top)")
    parts = (["*FIXED"] if fixed else []) + [f"*c{k}" for k in range(len(chunks))]
    lines.append(f"    return ({''.join(part + ', ' for part in parts)}), top")
    return "\n".join(lines) + "\n"
