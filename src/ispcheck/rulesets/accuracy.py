"""Accuracy: the right person, fact kept apart from opinion, police data's shelf life (A2 Q4, A3, A5)."""

from __future__ import annotations

from collections.abc import Sequence

from ..decision import Effect
from ..hookspecs import hookimpl
from ..pack import Pack
from ..rule import Rule, gated_rule

subjects_not_listed = gated_rule(
    "accuracy.subjects-not-listed",
    when={"subjects_listed": False},
    title="Whose information it is is stated",
    effect=Effect.CONDITION,
    clauses=("shared-content", "test-accurate"),
    message=(
        "Personal data is involved but nobody is listed as its subject, so the safeguards for victims, "
        "children and vulnerable people cannot be checked."
    ),
    action="List whose information it is (victim, offender, witness, vulnerable person...).",
    facts=("subjects",),
)


identity_not_verified = gated_rule(
    "accuracy.identity-not-verified",
    when={"accuracy.identity_verified": (False, None)},
    title="Identity is checked before sharing",
    effect=Effect.CONDITION,
    clauses=("test-accurate", "protection-principles"),
    message="It is not recorded that the person's identity (name, date of birth, address) was checked.",
    action=(
        "Check name, date of birth and address so the information is about the right person, especially "
        "where records from different agencies are matched."
    ),
    facts=("accuracy.identity_verified",),
)


fact_and_opinion_not_distinguished = gated_rule(
    "accuracy.fact-and-opinion-not-distinguished",
    when={"accuracy.fact_and_opinion_distinguished": (False, None)},
    title="Fact is kept apart from opinion",
    effect=Effect.CONDITION,
    clauses=("test-accurate", "marac-declaration"),
    message="It is not recorded that fact is clearly separated from opinion or professional judgement.",
    action="Mark which parts are fact and which are opinion or judgement before sharing.",
    facts=("accuracy.fact_and_opinion_distinguished",),
)


police_information = gated_rule(
    "accuracy.police-information",
    when={"police_information": True},
    title="Police information is valid at the time it is given",
    effect=Effect.ADVICE,
    clauses=("generic-declaration",),
    message=(
        "This is police information: it is valid only at the time it is provided, and only for the purpose "
        "it was given for."
    ),
    facts=("data.originator", "discloser.organisation"),
    interpretations=("police-information-worked-out",),
)


RULES = (
    subjects_not_listed,
    identity_not_verified,
    fact_and_opinion_not_distinguished,
    police_information,
)


@hookimpl
def ispcheck_rules(pack: Pack) -> Sequence[Rule]:
    return RULES
