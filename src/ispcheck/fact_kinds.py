"""What each fact of the contract means when it is not known: a safeguard, a risk or a relaxation.

Failing closed is not one rule for every unknown. An unknown *safeguard* (consulted, verified,
agreed) is not in place; an unknown *risk* (a live investigation, information from another agency)
is not known to be absent, so a decision about personal data cannot be "share" while one is
unknown; an unknown *relaxation* (urgent risk to life) does not apply. Which fact is which is data
(``fact_kinds.toml`` beside this module), shown to people by ``ispcheck rules``, the JSON Schema
and the checklist, so that the reading can be checked rather than trusted. What to confirm for an
unknown risk is the pack's to say (its ``unknown_risks.toml``), with its clauses.
"""

from __future__ import annotations

import tomllib
import types
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import msgspec

__all__ = [
    "ContractFact",
    "FactKind",
    "closed_contract_facts",
    "fact_kinds",
    "kind_in_words",
]


class FactKind(StrEnum):
    """What an unknown value of a fact means."""

    SAFEGUARD = "safeguard"
    RISK = "risk"
    RELAXATION = "relaxation"


_IN_WORDS = {
    FactKind.SAFEGUARD: "A safeguard: if it is not known, it is taken as not in place.",
    FactKind.RISK: (
        "A risk: if it is not known, it is not taken as absent, so personal data is not simply "
        "shared until it is confirmed."
    ),
    FactKind.RELAXATION: "A relaxation: if it is not known, it does not apply.",
}


@dataclass(frozen=True, slots=True)
class ContractFact:
    """One closed fact of the contract and what it means when not known."""

    path: str
    kind: FactKind
    what: str
    #: Whether the contract requires it (then it is never unknown).
    required: bool
    #: What the contract defines a null to mean, where it is not "not known".
    null_means: str | None = None
    #: What not knowing it leads to, in words for this fact, where its kind alone says too little.
    if_not_known: str | None = None

    @property
    def unknown_in_words(self) -> str:
        """What ispcheck does when this fact is not known, in a sentence or two."""
        if self.required:
            return "Always given: the contract requires it."
        if self.null_means:
            return f"Left out or null means {self.null_means}."
        return self.if_not_known or _IN_WORDS[self.kind]


def kind_in_words(kind: FactKind) -> str:
    """What an unknown fact of this kind means, in a sentence."""
    return _IN_WORDS[kind]


class _Entry(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    path: str
    kind: Literal["safeguard", "risk", "relaxation"]
    what: Annotated[str, msgspec.Meta(min_length=1)]
    null_means: str | None = None
    if_not_known: str | None = None


class _File(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    fact: tuple[_Entry, ...]


@cache
def fact_kinds() -> dict[str, ContractFact]:
    """Every closed fact of the contract by dotted path (``subjects.is_child`` for each person)."""
    raw = tomllib.loads(resources.files("ispcheck").joinpath("fact_kinds.toml").read_text("utf-8"))
    entries = msgspec.convert(raw, _File).fact
    closed = closed_contract_facts()
    problems = [f"{e.path} is not a closed fact of the contract" for e in entries if e.path not in closed]
    classed = [e.path for e in entries]
    problems += [f"{path} is classed more than once" for path in set(classed) if classed.count(path) > 1]
    problems += [f"{path} is not classed" for path in closed if path not in classed]
    if problems:
        raise RuntimeError("fact_kinds.toml does not match the contract: " + "; ".join(sorted(problems)))
    return {
        e.path: ContractFact(e.path, FactKind(e.kind), e.what, closed[e.path], e.null_means, e.if_not_known)
        for e in entries
    }


def closed_contract_facts() -> dict[str, bool]:
    """Every fact of the contract with a closed set of values, with whether it is required.

    Read from the fast view (which the tests hold to the contract): yes/no fields, fields with a
    closed vocabulary, and lists of such values, in every group and for each listed person.
    """
    from .view import DisclosureView, group_struct

    found: dict[str, bool] = {}
    for group in msgspec.structs.fields(DisclosureView):
        struct = group_struct(group.type) or _element_struct(group.type)
        if struct is None:
            continue
        for field in msgspec.structs.fields(struct):
            if _is_closed(field.type):
                found[f"{group.name}.{field.name}"] = field.required
    return found


def _element_struct(annotation: Any) -> type[msgspec.Struct] | None:
    """The struct a list field holds (``subjects``), or None."""
    from .view import group_struct

    for arg in get_args(annotation):
        if get_origin(arg) is tuple:
            return group_struct(get_args(arg)[0])
    if get_origin(annotation) is tuple:
        return group_struct(get_args(annotation)[0])
    return None


def _is_closed(annotation: Any) -> bool:
    if get_origin(annotation) in (Union, types.UnionType):
        return any(_is_closed(a) for a in get_args(annotation) if a is not type(None))
    if get_origin(annotation) is Annotated:
        return _is_closed(get_args(annotation)[0])
    if get_origin(annotation) is tuple:
        return _is_closed(get_args(annotation)[0])
    return annotation is bool or get_origin(annotation) is Literal
