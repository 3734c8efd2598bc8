"""Urgent risk to life: share what is necessary now, record it afterwards (A11, A2 Q7-Q8).

Other rules carry their own urgent variant (``when_urgent``); this module adds the path itself and
guards vital interests against being used where there is no urgency.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..decision import Effect
from ..hookspecs import hookimpl
from ..pack import Pack
from ..roles import DPO
from ..rule import Rule, gated_rule

share_now = gated_rule(
    "urgent.share-now",
    when={"urgent": True},
    title="Urgent risk to life: share what is necessary now",
    effect=Effect.CONDITION,
    clauses=("police-request-form", "test-without-consent", "test-recorded"),
    rests_on="test-without-consent",
    message=(
        "There is an urgent risk to life. The law lets you share what is necessary to protect life now, and "
        "record the decision afterwards."
    ),
    action=(
        "Share only what is needed to protect life, by the quickest secure route you have, then record what "
        "was shared, with whom and why as soon as the emergency allows."
    ),
    facts=("context.urgent_risk_to_life",),
    law=("UK GDPR Article 6(1)(d)", "UK GDPR Article 9(2)(c)"),
)


vital_interests_without_urgency = gated_rule(
    "urgent.vital-interests-without-urgency",
    law_regime="uk_gdpr",
    when={"urgent": False, "vital_interests_relied_on": True},
    title="Vital interests is only for a risk to life",
    effect=Effect.REFER,
    clauses=("police-request-form",),
    message=(
        "Vital interests is given as the lawful basis, but no urgent risk to life is recorded. It is meant "
        "for protecting life or preventing an immediate, credible risk to life."
    ),
    action=(
        "Either record the risk to life, or choose the basis that fits: for a public body's work this is "
        "usually public task."
    ),
    refer_to=DPO,
    facts=("lawful_basis.article6", "lawful_basis.article9", "context.urgent_risk_to_life"),
    law=("UK GDPR Article 6(1)(d)",),
)


RULES = (share_now, vital_interests_without_urgency)


@hookimpl
def ispcheck_rules(pack: Pack) -> Sequence[Rule]:
    return RULES
