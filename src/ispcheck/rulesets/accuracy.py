"""Accuracy: the right person, fact kept apart from opinion, police data's shelf life (A2 Q4, A3, A5)."""

from __future__ import annotations

from collections.abc import Sequence

from ..decision import Effect
from ..disclosure import Disclosure
from ..hookspecs import hookimpl
from ..pack import Pack
from ..partners import Partner
from ..rule import Facts, Rule, rule


@rule(
    "accuracy.subjects-not-listed",
    title="Whose information it is is stated",
    effect=Effect.CONDITION,
    clauses=("4.2", "A2.Q4"),
    message=(
        "Personal data is involved but nobody is listed as its subject, so the safeguards for "
        "victims, children and vulnerable people cannot be checked."
    ),
    action="List whose information it is (victim, offender, witness, vulnerable person...).",
    facts=("subjects",),
)
def subjects_not_listed(d: Disclosure, f: Facts) -> bool:
    return not d.subjects


@rule(
    "accuracy.identity-not-verified",
    title="Identity is checked before sharing",
    effect=Effect.CONDITION,
    clauses=("A2.Q4", "5.3"),
    message="It is not recorded that the person's identity (name, date of birth, address) was checked.",
    action=(
        "Check name, date of birth and address so the information is about the right person, "
        "especially where records from different agencies are matched."
    ),
    facts=("accuracy.identity_verified",),
)
def identity_not_verified(d: Disclosure, f: Facts) -> bool:
    return d.accuracy.identity_verified is not True


@rule(
    "accuracy.fact-and-opinion-not-distinguished",
    title="Fact is kept apart from opinion",
    effect=Effect.CONDITION,
    clauses=("A2.Q4", "A5"),
    message="It is not recorded that fact is clearly separated from opinion or professional judgement.",
    action="Mark which parts are fact and which are opinion or judgement before sharing.",
    facts=("accuracy.fact_and_opinion_distinguished",),
)
def fact_and_opinion_not_distinguished(d: Disclosure, f: Facts) -> bool:
    return d.accuracy.fact_and_opinion_distinguished is not True


@rule(
    "accuracy.police-information",
    title="Police information is valid at the time it is given",
    effect=Effect.ADVICE,
    clauses=("A3",),
    message=(
        "This is police information: it is valid only at the time it is provided, and only for "
        "the purpose it was given for."
    ),
    facts=("data.originator", "discloser.organisation"),
)
def police_information(d: Disclosure, f: Facts) -> bool:
    origin = d.data.originator
    if origin is None:
        return f.discloser is not None and f.discloser.kind == "police"
    entry = f.pack.register.lookup(origin)
    if entry is not None:
        return isinstance(entry, Partner) and entry.kind == "police"
    return "police" in origin.lower()


RULES = (
    subjects_not_listed,
    identity_not_verified,
    fact_and_opinion_not_distinguished,
    police_information,
)


@hookimpl
def ispcheck_rules(pack: Pack) -> Sequence[Rule]:
    return RULES
