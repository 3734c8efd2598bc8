"""Rule gates: the facts a rule can fire under, as data, compiled into look-up tables.

A rule's ``when`` names facts with a closed set of values and the values under which the rule can
fire, for example ``{"handling.channel": {"post"}}``. The engine compiles every gate of every rule
into tables, one per small group of facts, mapping the group's values to the set of rules (a bit
mask) they let through. Deciding a disclosure then costs one look-up per group instead of one call
per rule, and a rule that is all gate (no predicate) is never called at all.

A fact is a contract path read from the disclosure (``consent.status``) or one of the facts the
engine works out (``personal``, ``urgent``...: :data:`ispcheck.facts.CLOSED_FACTS`). Gates may
only name facts with a closed set of values, and only values in that set: a misspelt value fails
loudly when the checker is built.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Iterable, Mapping
from functools import reduce
from operator import and_, attrgetter
from typing import Any, Literal, Union, get_args, get_origin

import msgspec

from .facts import CLOSED_FACTS
from .generated import run_generated
from .view import DisclosureView, group_struct

__all__ = [
    "FACT_DOMAINS",
    "Gate",
    "GateTables",
    "describe",
    "gate_problems",
    "gate_values",
    "gates_overlap",
    "normalise_when",
    "value_in_words",
]

#: One gate: a fact and the values under which the rule can fire.
Gate = tuple[str, frozenset[object]]

_BOOL: frozenset[object] = frozenset({True, False})


def _domain(annotation: Any) -> frozenset[object] | None:
    """The closed set of values a contract field allows, or None when it is open (text, lists)."""
    if annotation is bool:
        return _BOOL
    origin = get_origin(annotation)
    if origin is Literal:
        return frozenset(get_args(annotation))
    if origin in (Union, types.UnionType):
        # Closed only when every part is: ``bool | Literal["not_applicable"] | None`` is.
        found: frozenset[object] = frozenset({None}) if type(None) in get_args(annotation) else frozenset()
        for part in get_args(annotation):
            if part is not type(None):
                inner = _domain(part)
                if inner is None:
                    return None
                found |= inner
        return found
    return None


def _contract_domains() -> dict[str, frozenset[object]]:
    """The closed facts of the contract, read from the view (which the tests hold to the contract)."""
    domains: dict[str, frozenset[object]] = {}
    for group in msgspec.structs.fields(DisclosureView):
        struct = group_struct(group.type)
        if struct is not None:
            for field in msgspec.structs.fields(struct):
                values = _domain(field.type)
                if values is not None:
                    domains[f"{group.name}.{field.name}"] = values
    return domains


#: Every fact a gate may name, with every value it can take.
FACT_DOMAINS: dict[str, frozenset[object]] = {**_contract_domains(), **CLOSED_FACTS}


def normalise_when(when: Mapping[str, Iterable[object] | object] | None) -> tuple[Gate, ...]:
    """A rule's ``when`` as sorted, immutable gates (strings are one value, not letters)."""
    if not when:
        return ()
    gates = []
    for name, values in when.items():
        if isinstance(values, Iterable) and not isinstance(values, str):
            allowed: frozenset[object] = frozenset(values)
        else:
            allowed = frozenset((values,))
        gates.append((name, allowed))
    return tuple(sorted(gates, key=lambda gate: gate[0]))


def describe(gates: Iterable[Gate]) -> str:
    """A gate in words, for people reading the rule catalogue: "consent.status is refused or withdrawn"."""
    parts = []
    for name, values in gates:
        shown = sorted(value_in_words(v) for v in values)
        others = sorted(value_in_words(v) for v in FACT_DOMAINS.get(name, frozenset()) - values)
        if len(shown) > 4 and others == ["not known"]:
            parts.append(f"{name} is given")
        elif len(shown) > 4 and len(others) <= 2:
            parts.append(f"{name} is not {' or '.join(others)}")
        elif len(shown) > 4:
            parts.append(f"{name} is one of {len(shown)} values")
        else:
            parts.append(f"{name} is {' or '.join(shown)}")
    return "; ".join(parts)


def gate_values(gates: Iterable[Gate]) -> dict[str, list[object]]:
    """A gate as JSON: each fact with its values, in a stable order (null, false, true, then words)."""
    return {name: sorted(values, key=_in_order) for name, values in gates}


def _in_order(value: object) -> tuple[int, str]:
    rank = 0 if value is None else 1 if value is False else 2 if value is True else 3
    return rank, str(value)


def value_in_words(value: object) -> str:
    """One value of a fact as people read it: "not known", "true", "marac"."""
    return "not known" if value is None else str(value).lower() if isinstance(value, bool) else str(value)


def gate_problems(gates: Iterable[Gate]) -> list[str]:
    """What is wrong with these gates, in words; empty when they are sound."""
    problems = []
    for name, values in gates:
        domain = FACT_DOMAINS.get(name)
        if domain is None:
            problems.append(f"its 'when' names {name!r}, which is not a fact with a closed set of values")
            continue
        unknown = [v for v in values if not _is_value_of(v, domain)]
        if unknown or not values:
            allowed = ", ".join(sorted(repr(v) for v in domain))
            shown = ", ".join(repr(v) for v in unknown) or "no value"
            problems.append(f"its 'when' gives {name} {shown}; allowed: {allowed}")
    return problems


def gates_overlap(first: Iterable[Gate], second: Iterable[Gate]) -> bool:
    """Whether some disclosure could pass both sets of gates, reading each fact on its own.

    They are apart only when a fact both name has no value in common. (Facts that go together,
    such as ``in_meeting`` and ``setting``, are not reasoned about: name the same fact in both.)
    """
    named = dict(first)
    return all(not (named[name].isdisjoint(values)) for name, values in second if name in named)


def _is_value_of(value: object, domain: frozenset[object]) -> bool:
    """Whether ``value`` is one of ``domain``, type and all: 1 is not true, 0 is not false."""
    return any(value == known and type(value) is type(known) for known in domain)


def passes(gates: Iterable[Gate], disclosure: object, facts: object) -> bool:
    """Whether every gate holds: the plain reading, the reference the tables are tested against."""
    for name, values in gates:
        value = attrgetter(name)(disclosure if "." in name else facts)
        try:
            if value not in values:
                return False
        except TypeError:  # unhashable: no gate can hold for it
            return False
    return True


#: The most value combinations one group of facts may have; a group's look-up table fills as
#: combinations are met, so this bounds its size.
MAX_GROUP_COMBINATIONS = 4096


class GateTables:
    """Every gate of every rule, compiled: ``mask(d, f)`` is the set of rules whose gates hold.

    Bit ``i`` of the mask stands for the ``i``-th set of gates given: one per rule, or one per
    variant of a rule with variants (the engine's steps). The gated facts are put in small groups; for each
    group, one table maps the group's values to the rules they let through, filled the first time
    those values are met. Deciding then costs one look-up per group, in one generated function
    (see :attr:`source`), rather than one call per rule.
    """

    def __init__(self, rule_gates: Iterable[tuple[Gate, ...]]) -> None:
        rule_gates = list(rule_gates)
        self.everyone = (1 << len(rule_gates)) - 1
        names = sorted({name for gates in rule_gates for name, _ in gates})
        # For each fact and value: the rules that value lets through (a rule with no gate on the
        # fact is let through by every value).
        self._by_value: dict[str, dict[object, int]] = {}
        for name in names:
            domain = FACT_DOMAINS[name]
            table = dict.fromkeys(domain, 0)
            for index, gates in enumerate(rule_gates):
                allowed = next((values for gate, values in gates if gate == name), domain)
                for value in allowed:
                    table[value] |= 1 << index
            self._by_value[name] = table
        self.groups = _groups(names)
        self._tables: list[dict[tuple[object, ...], int]] = [{} for _ in self.groups]
        self.source = _source(self.groups)
        namespace: dict[str, Any] = {f"T{i}": table for i, table in enumerate(self._tables)}
        namespace["everyone"] = self.everyone
        namespace["fill"] = self._fill
        # Generated from fact names that were checked against FACT_DOMAINS, never from input.
        run_generated(self.source, "gate tables", namespace)
        #: ``mask(d, f)``: the rules whose gates hold. Raises KeyError (or TypeError, for an
        #: unhashable value) when a fact has a value outside its values.
        self.mask: Callable[[Any, Any], int] = namespace["mask"]
        self._keys = namespace["keys"]

    def _fill(self, disclosure: object, facts: object) -> None:
        """Work out the rules let through by values met for the first time."""
        keys = self._keys(disclosure, facts)
        for group, table, key in zip(self.groups, self._tables, keys, strict=True):
            if key not in table:
                tables = [self._by_value[name] for name in group]
                table[key] = reduce(and_, map(dict.__getitem__, tables, key))

    def unknown_values(self, disclosure: object, facts: object) -> list[tuple[str, object]]:
        """The gated facts whose value is not one the fact can take, with that value."""
        found = []
        for name in (name for group in self.groups for name in group):
            value = attrgetter(name)(disclosure if "." in name else facts)
            if not _is_value_of(value, FACT_DOMAINS[name]):
                found.append((name, value))
        return found


def _source_of(name: str) -> str:
    """The contract group a fact is read from (``consent``), or "" for a fact the engine works out."""
    return name.split(".")[0] if "." in name else ""


def _groups(names: list[str]) -> list[tuple[str, ...]]:
    """The gated facts in as few groups as fit, each with at most MAX_GROUP_COMBINATIONS combinations.

    Each group costs one look-up per decision. Facts with the most values are placed first, each
    in the first group it fits in (first fit, decreasing), which packs them nearly as tightly as
    can be done.
    """
    groups: list[list[str]] = []
    sizes: list[int] = []
    for name in sorted(names, key=lambda n: (-len(FACT_DOMAINS[n]), n)):
        count = len(FACT_DOMAINS[name])
        for index, size in enumerate(sizes):
            if size * count <= MAX_GROUP_COMBINATIONS:
                groups[index].append(name)
                sizes[index] *= count
                break
        else:
            groups.append([name])
            sizes.append(count)
    return [tuple(sorted(group, key=lambda n: (_source_of(n), n))) for group in groups]


def _source(groups: list[tuple[str, ...]]) -> str:
    """The Python source of ``mask(d, f)`` and ``keys(d, f)`` for these groups."""
    sources = sorted({_source_of(name) for group in groups for name in group} - {""})
    for name in (name for group in groups for name in group):
        if not all(part.isidentifier() for part in name.split(".")):
            raise ValueError(f"not a fact name: {name!r}")
    bind = "".join(f"    {source}_ = d.{source}\n" for source in sources)

    def read(name: str) -> str:
        return f"{_source_of(name)}_.{name.split('.', 1)[1]}" if "." in name else f"f.{name}"

    keys = [f"({', '.join(read(n) for n in group)},)" for group in groups]
    # Each table's masks are within ``everyone``: it is the whole answer only with no table.
    terms = "\n            & ".join(f"T{i}[{key}]" for i, key in enumerate(keys)) or "everyone"
    look = f"(\n            {terms}\n        )"
    return (
        f"def mask(d, f):\n{bind}    try:\n        return {look}\n"
        f"    except KeyError:  # values met for the first time: fill their tables, then look again\n"
        f"        fill(d, f)\n        return {look}\n\n"
        f"def keys(d, f):\n{bind}    return ({''.join(f'{key}, ' for key in keys)})\n"
    )
