"""Purpose: lawful, defined and justifiable (2.1, 4.4, 5.3, 5.4)."""

from __future__ import annotations

from collections.abc import Sequence

from ..decision import Effect
from ..hookspecs import hookimpl
from ..pack import Pack
from ..rule import Rule, gated_rule
from ._roles import DPO

statement_missing = gated_rule(
    "purpose.statement-missing",
    when={"purpose_statement_given": False},
    title="The purpose is stated",
    effect=Effect.BLOCK,
    clauses=("4.4", "5.3", "A2.Q1"),
    message="No purpose statement is given. Sharing needs a lawful, defined and justifiable purpose.",
    action="Write down, in a sentence or two, what the information is for.",
    facts=("purpose.statement",),
    when_urgent=Effect.CONDITION,
    urgent_action="Record the purpose (protecting life) with the decision as soon as you can.",
)


other_purpose = gated_rule(
    "purpose.other",
    when={"purpose.code": "other"},
    title="The purpose is one the protocol covers",
    effect=Effect.REFER,
    clauses=("2.1", "4.4"),
    message=(
        "The purpose is 'other': outside the crime and disorder, substance misuse, re-offending "
        "and serious violence purposes the protocol is for (2.1)."
    ),
    action=(
        "Ask your Data Protection Officer whether another agreement or lawful route covers this "
        "purpose before sharing."
    ),
    refer_to=DPO,
    facts=("purpose.code",),
    when_urgent=Effect.CONDITION,
    urgent_action="Record the purpose (protecting life) with the decision as soon as you can.",
)


strategic_analysis_with_personal_data = gated_rule(
    "purpose.strategic-analysis-with-personal-data",
    when={"purpose.code": "strategic_analysis"},
    title="Strategic analysis uses anonymised or aggregated data where possible",
    effect=Effect.REFER,
    clauses=("5.4", "5.3"),
    message=(
        "Personal data is to be shared for strategic analysis. The protocol says to use "
        "anonymised or aggregated information where possible (5.4), so identifiable data needs a "
        "reason."
    ),
    action=(
        "Share anonymised or aggregated figures instead; or show your Data Protection Officer "
        "why the analysis needs to identify people, and record it."
    ),
    refer_to=DPO,
    facts=("purpose.code", "data.categories"),
    interpretations=("strategic-analysis-refers",),
)


anonymised_only = gated_rule(
    "purpose.anonymised-only",
    when={"personal": False},
    title="Anonymised or aggregated data is outside the personal-data rules",
    effect=Effect.ADVICE,
    clauses=("5.4", "2.1"),
    message=(
        "Only anonymised or aggregated information is involved, so the protocol's personal-data "
        "checks do not apply."
    ),
    action=(
        "Check that small numbers or combined details cannot identify anyone; if they could, "
        "treat the data as personal and check again."
    ),
    facts=("data.categories",),
    personal_only=False,
)


RULES = (statement_missing, other_purpose, strategic_analysis_with_personal_data, anonymised_only)


@hookimpl
def ispcheck_rules(pack: Pack) -> Sequence[Rule]:
    return RULES
