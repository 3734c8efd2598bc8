"""Children and profiling: special care, and a legal justification first (4.7).

Profiling of anyone is covered, "particularly of children" (4.7): children go to the Data
Protection Officer, adults only are a condition (pack interpretation ``profiling-of-adults``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..decision import Effect
from ..hookspecs import hookimpl
from ..pack import Pack
from ..roles import DPO
from ..rule import Rule, Variant, gated_rule

_profiling_children = gated_rule(
    "children.profiling",
    when={"context.profiling_children": True},
    title="Profiling children needs a legal justification first",
    effect=Effect.REFER,
    clauses=("profiling",),
    message=(
        "The share could amount to profiling children. Special care is needed, and a legal justification "
        "must be available before any sensitive information is shared."
    ),
    action="Ask your Data Protection Officer to confirm and record the legal justification.",
    refer_to=DPO,
    facts=("context.profiling_children", "context.profiling"),
)

#: Profiling, and not known whether children are among those profiled: not known to be adults only.
_PROFILING_CHILDREN_NOT_KNOWN = _profiling_children.variant(
    message=(
        "The share could amount to profiling, and it is not known whether children are among those "
        "profiled. Special care is needed, particularly for children, and a legal justification must be "
        "available before any sensitive information is shared."
    ),
    interpretations=("unknown-risk-not-absent",),
)

#: Profiling said not to be of children, while a person it is about is, or may be, a child.
_PROFILING_WITH_A_CHILD = _profiling_children.variant(
    message=(
        "The share could amount to profiling, and a person it is about is, or may be, a child. Special care "
        "is needed, particularly for children, and a legal justification must be available before any "
        "sensitive information is shared."
    ),
    interpretations=("unknown-risk-not-absent",),
)

profiling = replace(
    _profiling_children,
    when=(),
    variants=(
        Variant.of({"context.profiling_children": True}),
        Variant.of(
            {"context.profiling_children": None, "context.profiling": True}, _PROFILING_CHILDREN_NOT_KNOWN
        ),
        Variant.of(
            {"context.profiling_children": False, "context.profiling": True, "any_child": (True, None)},
            _PROFILING_WITH_A_CHILD,
        ),
    ),
)


profiling_adults = gated_rule(
    "profiling.adults",
    law_regime="data_protection",
    when={"context.profiling": True, "context.profiling_children": False, "any_child": False},
    title="Profiling adults needs its legal justification recorded first",
    effect=Effect.CONDITION,
    clauses=("profiling",),
    message=(
        "The share could amount to profiling adults. Special care is needed, and a legal justification must "
        "be available before any sensitive information is shared ([[profiling]])."
    ),
    action=(
        "Record the legal justification for the profiling before sharing, and share no more than it needs."
    ),
    facts=("context.profiling", "context.profiling_children"),
    law=("UK GDPR Article 4(4)",),
    interpretations=("profiling-of-adults",),
)


child_subject = gated_rule(
    "children.child-subject",
    when={"any_child": True},
    title="Information about a child needs special care",
    effect=Effect.ADVICE,
    clauses=("profiling", "legal-bases"),
    message=(
        "The information is about a child. Take special care; the Children Act 1989 and 2004 may give the "
        "power to share ([[legal-bases]])."
    ),
    facts=("subjects",),
)


RULES = (profiling, profiling_adults, child_subject)


@hookimpl
def ispcheck_rules(pack: Pack) -> Sequence[Rule]:
    return RULES
