"""Which unknown facts could still change the answer?

A case system that has only some facts, or a checklist deciding what to ask next, needs to know
which missing facts matter. We ask the engine itself: for each unknown fact, try each value it can
take and see whether the findings that bind (block, refer, condition) change. This needs no
knowledge of the rules beyond what they do, so a plugin's rule is covered as soon as it is
installed.
"""

from __future__ import annotations

import copy
import types
import typing
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from pydantic import BaseModel

from .decision import Decision, Effect
from .disclosure import Disclosure
from .engine import Checker
from .paths import get_path, set_path

__all__ = ["FACT_VALUES", "binding_findings", "facts_that_matter"]

#: A stand-in for "some text was given" when trying a free-text fact.
GIVEN_TEXT = "(given)"


def _values_of(annotation: Any) -> tuple[Any, ...] | None:
    """The values worth trying for one optional field, or None when it is not a simple fact.

    A fact may take values of more than one kind (yes, no, or "not_applicable"): each is tried.
    """
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) not in (typing.Union, types.UnionType) or not args:
        return None
    found: list[Any] = []
    for inner in args:
        values = _values_of_one(inner)
        if values is None:
            return None
        found.extend(values)
    return tuple(found)


def _values_of_one(inner: Any) -> tuple[Any, ...] | None:
    """The values worth trying for one part of a field's type (``bool``, a ``Literal``, text)."""
    if typing.get_origin(inner) is typing.Annotated:  # a yes/no fact, or text with its limits
        inner = typing.get_args(inner)[0]
    if inner is bool:
        return (True, False)
    if typing.get_origin(inner) is Literal:
        return tuple(typing.get_args(inner))
    if inner is str:
        return (GIVEN_TEXT,)
    return None


def _walk(model: type[BaseModel], prefix: str = "") -> dict[str, tuple[Any, ...]]:
    found: dict[str, tuple[Any, ...]] = {}
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        annotation = info.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            found.update(_walk(annotation, f"{path}."))
            continue
        values = _values_of(annotation)
        if values is not None and info.default is None:
            found[path] = values
    return found


#: Facts that are neither yes/no, choice nor text, with the values worth trying: another recipient
#: not in the register, and a smallest count of 0 (below any small-number threshold).
OTHER_FACT_VALUES: dict[str, tuple[Any, ...]] = {
    "recipient.other_recipients": ([GIVEN_TEXT],),
    "data.smallest_count": (0,),
}

#: Every optional yes/no, choice or free-text fact of the contract, and the facts above, with the
#: values to try.
FACT_VALUES: dict[str, tuple[Any, ...]] = {**_walk(Disclosure), **OTHER_FACT_VALUES}


def binding_findings(decision: Decision) -> frozenset[tuple[str, str]]:
    """The findings that change what may happen (advice never does)."""
    return frozenset((f.rule_id, f.effect.value) for f in decision.findings if f.effect is not Effect.ADVICE)


def _with(data: Mapping[str, Any], path: str, value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(dict(data))
    set_path(changed, path, value)
    return changed


def facts_that_matter(
    checker: Checker, data: Mapping[str, Any], paths: Iterable[str] | None = None
) -> list[str]:
    """The unknown facts among ``paths`` (default: all) whose value could change the answer.

    ``data`` is a JSON-shaped disclosure with the required fields present. A fact is unknown
    when it is missing or null; it matters when some value of it changes the binding findings.
    """
    baseline = binding_findings(checker.check(data))
    matter = []
    for path in FACT_VALUES if paths is None else paths:
        if path not in FACT_VALUES or get_path(data, path) is not None:
            continue
        for value in FACT_VALUES[path]:
            if binding_findings(checker.check(_with(data, path, value))) != baseline:
                matter.append(path)
                break
    return matter
