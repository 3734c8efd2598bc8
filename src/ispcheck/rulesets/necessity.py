"""Necessity and proportionality: need to know, less data, other ways, impact (A2 Q1-Q3, A11)."""

from __future__ import annotations

from collections.abc import Sequence

from ..decision import Effect
from ..hookspecs import hookimpl
from ..pack import Pack
from ..roles import DESIGNATED_OFFICER
from ..rule import Rule, gated_rule

statement_missing = gated_rule(
    "necessity.statement-missing",
    when={"necessity_statement_given": False},
    title="Why the information is necessary is written down",
    effect=Effect.BLOCK,
    clauses=("police-request-form", "defined-purpose", "test-why-wanted"),
    rests_on="test-why-wanted",
    message="No statement says why the information is necessary for the purpose.",
    action="Write down why this information is needed for the purpose.",
    facts=("necessity.statement",),
    when_urgent=Effect.CONDITION,
    urgent_action="Record why it was necessary as soon as the emergency allows.",
)


makes_no_difference = gated_rule(
    "necessity.makes-no-difference",
    when={"necessity.makes_a_difference": False},
    title="Sharing makes a difference",
    effect=Effect.BLOCK,
    clauses=("test-need-to-know",),
    message=(
        "Sharing is said not to make a difference to the service or the outcome for the person, so there is "
        "no need to know."
    ),
    action="Do not share. If the situation changes, check again.",
    facts=("necessity.makes_a_difference",),
)


difference_not_shown = gated_rule(
    "necessity.difference-not-shown",
    when={"necessity.makes_a_difference": None},
    title="It is shown that sharing makes a difference",
    effect=Effect.BLOCK,
    clauses=("test-need-to-know",),
    message=(
        "It is not shown that sharing will make a difference to the service or the outcome for the person, "
        "so the need to know is not established."
    ),
    action="Say whether sharing will make a difference to the service or the outcome for the person.",
    facts=("necessity.makes_a_difference",),
    when_urgent=Effect.CONDITION,
    urgent_action="Record afterwards how sharing helped protect life.",
)


proportionality_not_considered = gated_rule(
    "necessity.proportionality-not-considered",
    when={"proportionality_considered": False},
    title="Less data, other ways and the impact are considered",
    effect=Effect.REFER,
    clauses=("test-proportionate", "protection-principles"),
    message=(
        "It is not recorded that sharing less, other ways of achieving the aim, and the impact on the "
        "person were all considered."
    ),
    action=(
        "Consider and record each: could less be shared, is there another equally effective way, and what "
        "is the likely impact on the person? If unsure, ask your Designated Officer."
    ),
    refer_to=DESIGNATED_OFFICER,
    facts=(
        "necessity.less_data_considered",
        "necessity.alternatives_considered",
        "necessity.impact_considered",
    ),
    when_urgent=Effect.CONDITION,
    urgent_action="Share only what protects life now, and record these considerations afterwards.",
)


sensitive_data_not_justified = gated_rule(
    "necessity.sensitive-data-not-justified",
    when={"sensitive": True, "necessity.sensitive_data_necessary": (False, None)},
    title="Sensitive details are needed for the purpose",
    effect=Effect.CONDITION,
    clauses=("test-proportionate",),
    message=(
        "Special category or criminal offence details are included, and it is not recorded that they are "
        "needed for the purpose."
    ),
    action="Record why the sensitive details are needed, or take them out before sharing.",
    facts=("data.categories", "necessity.sensitive_data_necessary"),
    when_urgent=Effect.CONDITION,
    urgent_action="Share only the sensitive details that help protect life, and record why afterwards.",
)


RULES = (
    statement_missing,
    makes_no_difference,
    difference_not_shown,
    proportionality_not_considered,
    sensitive_data_not_justified,
)


@hookimpl
def ispcheck_rules(pack: Pack) -> Sequence[Rule]:
    return RULES
