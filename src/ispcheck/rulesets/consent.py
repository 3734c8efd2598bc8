"""Consent: seek agreement where safe, record it, respect its limits (5.5, 5.6, A2 Q6-Q7)."""

from __future__ import annotations

from collections.abc import Sequence

from ..decision import Effect
from ..hookspecs import hookimpl
from ..pack import Pack
from ..roles import DESIGNATED_OFFICER
from ..rule import Rule, gated_rule
from ..vocabulary import VOCABULARY

#: Any Article 6 basis given, other than consent itself.
_BASES_OTHER_THAN_CONSENT = tuple(b for b in VOCABULARY["article6"] if b != "consent")


not_sought_without_reason = gated_rule(
    "consent.not-sought-without-reason",
    when={"consent.status": (None, "not_sought"), "consent_reason_given": False},
    title="Where consent is not sought, the reason is recorded",
    effect=Effect.REFER,
    clauses=("seek-agreement", "test-without-consent"),
    message=(
        "Consent was not sought (or its status is not known) and no reason is given. Where it is safe and "
        "possible, the person's agreement should be sought ([[seek-agreement]])."
    ),
    action=(
        "Seek the person's agreement, or record why it was not sought (for example, it would put someone at "
        "risk or prejudice an investigation)."
    ),
    refer_to=DESIGNATED_OFFICER,
    facts=("consent.status", "consent.reason_not_sought"),
    when_urgent=Effect.CONDITION,
    urgent_action="Record afterwards why consent could not be sought in the emergency.",
)


not_sought_reason_recorded = gated_rule(
    "consent.not-sought-reason-recorded",
    when={"consent.status": "not_sought", "consent_reason_given": True},
    title="The reason for not seeking consent goes in the record",
    effect=Effect.ADVICE,
    clauses=("seek-agreement", "without-consent", "test-without-consent"),
    message="Consent was not sought and the reason is given: keep it with the decision record.",
    facts=("consent.status", "consent.reason_not_sought"),
)


obtained_not_recorded = gated_rule(
    "consent.obtained-not-recorded",
    when={"consent.status": "obtained", "consent.recorded": (False, None)},
    title="Consent that was obtained is recorded",
    effect=Effect.CONDITION,
    clauses=("test-consent", "seek-agreement"),
    message="Consent was obtained but is not recorded on file or on a consent form.",
    action="Record the consent (who gave it, when, and for what) before sharing.",
    facts=("consent.status", "consent.recorded"),
)


outside_restrictions = gated_rule(
    "consent.outside-restrictions",
    when={"consent.within_restrictions": False, "consent_restrictions_given": True},
    title="The share stays within the limits of consent",
    effect=Effect.BLOCK,
    clauses=("test-consent", "purpose-limitation"),
    message="The person put limits on their consent, and this share goes beyond them.",
    action=("Share only what the consent allows, or find and record another lawful basis for the rest."),
    facts=("consent.restrictions", "consent.within_restrictions"),
)


restrictions_apply = gated_rule(
    "consent.restrictions-apply",
    when={"consent.within_restrictions": (True, None), "consent_restrictions_given": True},
    title="Limits on consent travel with the information",
    effect=Effect.CONDITION,
    clauses=("test-consent",),
    message="The person put limits on their consent.",
    action=("Confirm the share stays within those limits, and tell the recipient what they are."),
    facts=("consent.restrictions", "consent.within_restrictions"),
)


limits_not_known = gated_rule(
    "consent.limits-not-known",
    when={"consent.status": "obtained", "consent_restrictions_given": None},
    title="Whether consent has limits is known",
    effect=Effect.CONDITION,
    clauses=("test-consent", "purpose-limitation"),
    message=(
        "Consent was obtained, but it is not known whether the person put any limits on it. "
        "[[test-consent]] asks whether there are any restrictions, and a share beyond them needs another "
        "lawful basis ([[purpose-limitation]])."
    ),
    action=(
        "Check the consent record for any limits the person put on sharing, record them (or that there are "
        "none), and keep the share within them."
    ),
    facts=("consent.status", "consent.restrictions"),
    when_urgent=Effect.CONDITION,
    urgent_action=(
        "Share only what is needed to protect life, and check the consent record for limits as soon as the "
        "emergency allows."
    ),
    urgent_after=True,
    interpretations=("unknown-risk-not-absent",),
)


refused_overridden = gated_rule(
    "consent.refused-overridden",
    when={"consent.status": ("refused", "withdrawn"), "lawful_basis.article6": _BASES_OTHER_THAN_CONSENT},
    title="Sharing against a refusal is justified and recorded",
    effect=Effect.CONDITION,
    clauses=("test-without-consent", "without-consent"),
    message=("The person refused or withdrew consent, and the share relies on another lawful basis."),
    action=(
        "Record why sharing without agreement is justified (for example, to protect the person or others) "
        "before sharing."
    ),
    facts=("consent.status", "lawful_basis.article6"),
    when_urgent=Effect.CONDITION,
    urgent_action="Record afterwards why sharing against the person's wishes was necessary.",
)


RULES = (
    not_sought_without_reason,
    not_sought_reason_recorded,
    obtained_not_recorded,
    outside_restrictions,
    restrictions_apply,
    limits_not_known,
    refused_overridden,
)


@hookimpl
def ispcheck_rules(pack: Pack) -> Sequence[Rule]:
    return RULES
