"""An example local rule for ispcheck, shipped as its own installable distribution.

A partnership may want every share to name the officer making it (by role or collar number), so
that the share can be recorded against a person in the case system, as Appendix 2 questions 8 and
10 ask. This plugin adds that one rule to the Warwickshire pack.
"""

from __future__ import annotations

from collections.abc import Sequence

from ispcheck import DisclosureView, Effect, Facts, Pack, Rule, hookimpl, rule

__all__ = ["RULE_ID", "ispcheck_rules", "officer_not_named"]

RULE_ID = "example.case-system-reference"

#: The packs whose clause numbering this rule cites; for any other pack it adds nothing.
KNOWN_PACKS = frozenset({"warwickshire-csp"})


@rule(
    RULE_ID,
    title="The disclosing officer is named for the case-system record",
    effect=Effect.CONDITION,
    clauses=("A2.Q8", "A2.Q10"),
    message=(
        "The disclosure does not say which officer is making it, so the share cannot be recorded "
        "against a person in the case system."
    ),
    action=(
        "Add the disclosing officer's role or collar number (discloser.officer), for example "
        "'DC 1234', and record the share against it in your case system."
    ),
    facts=("discloser.officer",),
)
def officer_not_named(d: DisclosureView, f: Facts) -> bool:
    return not (d.discloser.officer or "").strip()


@hookimpl
def ispcheck_rules(pack: Pack) -> Sequence[Rule]:
    """The rule for the packs it knows; nothing for any other pack."""
    return (officer_not_named,) if pack.name in KNOWN_PACKS else ()
