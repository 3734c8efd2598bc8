"""An example local rule for ispcheck, shipped as its own installable distribution.

A partnership may want every share to name the officer making it (by role or collar number), so
that the share can be recorded against a person in the case system, as its protocol asks (in
Warwickshire's, Appendix 2 questions 8 and 10). The rule cites the concept of recording the
decision, not a clause number, so it serves every pack that says where its protocol sets that out;
under a pack that does not, the checker leaves it out and lists it as not in that protocol.
"""

from __future__ import annotations

from collections.abc import Sequence

from ispcheck import DisclosureView, Effect, Facts, Pack, Rule, hookimpl, rule

__all__ = ["RULE_ID", "ispcheck_rules", "officer_not_named"]

RULE_ID = "example.case-system-reference"


@rule(
    RULE_ID,
    title="The disclosing officer is named for the case-system record",
    effect=Effect.CONDITION,
    clauses=("recording-the-decision",),
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
    """The rule, for every pack (the checker reads its concept as the pack's clauses)."""
    return (officer_not_named,)
