"""Children and profiling: special care, and a legal justification first (4.7)."""

from __future__ import annotations

from collections.abc import Sequence

from ..decision import Effect
from ..hookspecs import hookimpl
from ..pack import Pack
from ..rule import Rule, gated_rule
from ._roles import DPO

profiling = gated_rule(
    "children.profiling",
    when={"context.profiling_children": True},
    title="Profiling children needs a legal justification first",
    effect=Effect.REFER,
    clauses=("4.7",),
    message=(
        "The share could amount to profiling children. Special care is needed, and a legal "
        "justification must be available before any sensitive information is shared."
    ),
    action="Ask your Data Protection Officer to confirm and record the legal justification.",
    refer_to=DPO,
    facts=("context.profiling_children",),
)


child_subject = gated_rule(
    "children.child-subject",
    when={"any_child": True},
    title="Information about a child needs special care",
    effect=Effect.ADVICE,
    clauses=("4.7", "A1"),
    message=(
        "The information is about a child. Take special care; the Children Act 1989 and 2004 may "
        "give the power to share (Appendix 1)."
    ),
    facts=("subjects",),
)


RULES = (profiling, child_subject)


@hookimpl
def ispcheck_rules(pack: Pack) -> Sequence[Rule]:
    return RULES
