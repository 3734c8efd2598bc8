"""Every fact a rule can turn on, in plain words: for lawyers checking a rule against the protocol.

A gate is data (``{"context.ongoing_investigation": {True}, "context.investigating_officer_consulted":
{False, None}}``), so its meaning can be written out rather than paraphrased by hand: "when the
information relates to an ongoing investigation or prosecution and it is not recorded that the
investigating officer and the Crown Prosecution Service were consulted". The words for each fact are
data (``fact_words.toml`` beside this module); value labels come from the pack (its vocabulary and
settings) so that a lawyer reads the partnership's terms. A test holds the file to the gates, so a
new fact cannot reach a rule without words.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from .fact_kinds import fact_kinds
from .gates import FACT_DOMAINS, Gate
from .kinds import KINDS
from .vocabulary import LABELLED_BY_PACK

if TYPE_CHECKING:
    from .pack import Pack
    from .rule import Rule

__all__ = [
    "FactWords",
    "GlossaryEntry",
    "fact_words",
    "gates_in_words",
    "glossary",
    "rule_in_words",
    "value_label",
]

_BOTH: frozenset[object] = frozenset({True, False})
_SETTINGS = frozenset({"context.setting", "context.from_meeting", "setting"})
_KINDS = frozenset({"discloser.kind", "recipient.kind"})


@dataclass(frozen=True, slots=True)
class FactWords:
    """How one fact reads: ``yes``/``no`` for a yes-or-no fact, ``called`` for one with values."""

    name: str
    yes: str = ""
    no: str = ""
    #: For "no, or not known", where "it is not recorded that <yes>" reads badly.
    not_recorded: str = ""
    #: For a fact with values: what "any meeting" (every value but none and not known) reads as.
    some: str = ""
    called: str = ""
    values: Mapping[str, str] = field(default_factory=dict)
    #: For a fact the engine works out: what it means, and how.
    what: str = ""
    worked_out: str = ""


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """One fact as the review pack's glossary shows it."""

    name: str
    what: str
    worked_out: str
    #: What not knowing it means (contract facts only; worked-out facts say it in ``worked_out``).
    if_not_known: str
    values: tuple[str, ...]


@cache
def fact_words() -> dict[str, FactWords]:
    """The words for every fact a gate may name, by name (read once)."""
    text = resources.files(__package__).joinpath("fact_words.toml").read_text(encoding="utf-8")
    entries = tomllib.loads(text)["fact"]
    return {e["name"]: FactWords(**e) for e in entries}


def value_label(name: str, value: object, pack: Pack) -> str:
    """One value of a fact as a lawyer reads it: the pack's label where it has one."""
    if value is None:
        return "not known"
    if isinstance(value, bool):
        return "yes" if value else "no"
    code = str(value)
    words = fact_words().get(name)
    if words is not None and code in words.values:
        return words.values[code]
    if name in _SETTINGS and code in pack.settings:
        return pack.settings[code].name
    if name in _KINDS and code in KINDS:
        return KINDS[code].label
    kind = LABELLED_BY_PACK.get(name)
    if kind is not None:
        entry = pack.vocabulary.get(kind, {}).get(code)
        if entry is not None:
            return entry.label
    return code.replace("_", " ")


def _one_gate(name: str, values: frozenset[object], pack: Pack) -> str:
    words = fact_words()[name]
    domain = FACT_DOMAINS.get(name, frozenset())
    if words.yes:
        if values >= domain:
            return ""
        if values == {True}:
            return words.yes
        if values == {False}:
            return words.no
        if values == {None}:
            return f"it is not known whether {words.yes}"
        if values == {False, None}:
            return words.not_recorded or f"it is not recorded that {words.yes}"
        if values == {True, None}:
            return f"{words.yes}, or it is not known"
        if values == _BOTH:
            return f"it is known whether {words.yes}"
    allowed = sorted((v for v in values if v is not None), key=lambda v: value_label(name, v, pack))
    shown = [value_label(name, v, pack) for v in allowed]
    unknown = ", or it is not known" if None in values else ""
    others = sorted(
        (value_label(name, v, pack) for v in domain - values if v is not None),
        key=str.lower,
    )
    if not allowed:
        return f"{words.called} is not known"
    if words.some and None not in values and values == domain - {None, "none", "outside_meeting"}:
        return words.some
    if len(shown) > 4 and others and len(others) <= 3:
        return f"{words.called} is given and is not {_either(others)}{unknown}"
    if len(shown) > 4 and not others:
        return f"{words.called} is given{unknown}"
    return f"{words.called} is {_either(shown)}{unknown}"


def _either(items: list[str]) -> str:
    """ "a, b or c"; "one of: a; b; c" when a label has a comma of its own."""
    if len(items) == 1:
        return items[0]
    if any("," in item for item in items):
        return f"one of: {'; '.join(items)}"
    return f"{', '.join(items[:-1])} or {items[-1]}"


def _order(gate: Gate) -> tuple[int, str]:
    """Personal data first, what is missing last: "when X and it is not recorded that Y"."""
    name, values = gate
    missing = None in values and True not in values
    return (0 if name == "personal" else 2 if missing else 1, name)


def gates_in_words(gates: Iterable[Gate], pack: Pack) -> str:
    """Gates as one clause that can follow "when": the parts joined by "and", each in plain words."""
    parts = [_one_gate(name, values, pack) for name, values in sorted(gates, key=_order)]
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} and {parts[-1]}"


def glossary(pack: Pack) -> tuple[GlossaryEntry, ...]:
    """Every fact a rule can turn on: what it means, how it is worked out, and its values."""
    contract = fact_kinds()
    entries = []
    for name, words in fact_words().items():
        values = tuple(
            value_label(name, v, pack)
            for v in sorted(FACT_DOMAINS[name], key=lambda v: (v is None, isinstance(v, bool), str(v)))
        )
        fact = contract.get(name)
        if fact is not None:
            how = f"Given by the case system, as {name}."
            entries.append(GlossaryEntry(name, fact.what, how, fact.unknown_in_words, values))
        else:
            entries.append(GlossaryEntry(name, words.what, words.worked_out, "", values))
    return tuple(entries)


_PERSONAL: Gate = ("personal", frozenset({True}))


def rule_in_words(rule: Rule, pack: Pack) -> str:
    """When a rule fires, as a sentence a lawyer can check against the clause it cites."""
    gates = ((_PERSONAL,) if rule.personal_only else ()) + rule.when
    common = gates_in_words(gates, pack)
    if rule.variants:
        ways = _variants_in_words(rule, pack)
        return f"When {common}, and {ways}." if common else f"When {ways}."
    if rule.check is not None:
        looks = rule.check_in_words or "a check written in code finds cause (its message says what)"
        return f"When {common}, and {looks}." if common else f"When {looks}."
    return f"When {common}." if common else "On every decision."


def _variants_in_words(rule: Rule, pack: Pack) -> str:
    """The cases a rule with variants fires in, grouped where they differ by one value only."""
    names = {name for v in rule.variants for name, _ in v.when}
    single = all(len(v.when) == 1 and len(v.when[0][1]) == 1 for v in rule.variants)
    if len(names) == 1 and single and fact_words()[next(iter(names))].called:
        name = names.pop()
        words = fact_words()[name]
        labels = [value_label(name, next(iter(v.when[0][1])), pack) for v in rule.variants]
        domain = {x for x in FACT_DOMAINS.get(name, frozenset()) if x is not None}
        if words.some and len(labels) == len(domain - {"outside_meeting", "none"}):
            return f"{words.some} (each meeting has its own finding)"
        return f"{words.called} is {_either(labels)} (each has its own finding)"
    pair = _value_and_another(rule, pack)
    if pair is not None:
        return pair
    ways = [gates_in_words(v.when, pack) for v in rule.variants]
    return "one of these holds: " + "; or ".join(f"({n}) {w}" for n, w in enumerate(ways, 1))


def _value_and_another(rule: Rule, pack: Pack) -> str | None:
    """For variants that each say "A is x, and B is anything but x": one sentence for them all.

    Variants may also split each case on one yes-or-no fact (the chair's agreement, say): the
    sentence then says that each case has a finding either way.
    """
    shapes = set()
    splits: set[str] = set()
    for variant in rule.variants:
        split = [(n, v) for n, v in variant.when if fact_words()[n].yes and v <= {True, False, None}]
        if len(split) > 1:
            return None
        splits.update(n for n, _ in split)
        when = [(n, v) for n, v in variant.when if (n, v) not in split]
        single = [(name, next(iter(v))) for name, v in when if len(v) == 1]
        if len(when) != 2 or len(single) != 1:
            return None
        name, value = single[0]
        other, others = next((n, v) for n, v in when if n != name)
        if value in others or None in others:
            return None
        shapes.add((name, other))
    if len(shapes) != 1 or len(splits) > 1:
        return None
    name, other = shapes.pop()
    some = fact_words()[name].some
    if splits:
        yes = fact_words()[splits.pop()].yes
        return (
            f"{some} and is now to be shared outside that meeting (each meeting has its own "
            f"finding, one for when {yes} and one for when it is not recorded that it did)"
        )
    return f"{some} and is now to be shared outside that meeting (each meeting has its own finding)"
