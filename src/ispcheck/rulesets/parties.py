"""Who is sharing with whom: the signatory register of Appendices 12 and 13 (1.3, 3.1-3.6, 6.2)."""

from __future__ import annotations

from collections.abc import Sequence

from ..decision import Effect
from ..hookspecs import hookimpl
from ..pack import Pack
from ..rule import Rule, gated_rule
from ._roles import OWN_DATA_PROTECTION_LEAD

discloser_not_signatory = gated_rule(
    "parties.discloser-not-signatory",
    when={"discloser_signatory": False},
    title="The disclosing organisation has signed the protocol",
    effect=Effect.REFER,
    clauses=("3.5", "2.2", "8.1"),
    message=(
        "The disclosing organisation is not in the signatory register (Appendices 12 and 13), so "
        "the protocol does not cover this share, and the organisation has no Designated Officer "
        "under it (8.1)."
    ),
    action=(
        "Check the organisation's name, or ask the community safety team named in 3.5 whether it "
        "has signed up. Until it has, the protocol's routes are not open to it: your Data "
        "Protection Officer (or whoever leads on data protection in your organisation) decides "
        "whether the law allows this share some other way."
    ),
    refer_to=OWN_DATA_PROTECTION_LEAD,
    facts=("discloser.organisation",),
    when_urgent=Effect.CONDITION,
    urgent_action=(
        "Share what is needed to protect life, and tell your Data Protection Officer (or whoever "
        "leads on data protection in your organisation) afterwards that the protocol did not "
        "cover this share."
    ),
    interpretations=("non-signatory-asks-own-data-protection-lead",),
)


recipient_not_signatory = gated_rule(
    "parties.recipient-not-signatory",
    when={"recipient_signatory": False},
    title="A recipient who has not signed gets the Appendix 3 agreement",
    effect=Effect.CONDITION,
    clauses=("3.6", "6.2", "A3"),
    message=(
        "The recipient is not in the signatory register (Appendices 12 and 13). Sharing with an "
        "agency that has not signed needs extra care (3.6)."
    ),
    action=(
        "Before sharing, have the recipient's representatives sign the Appendix 3 confidentiality "
        "agreement, and give them a written instruction on how to handle and store the "
        "information."
    ),
    facts=("recipient.organisation",),
    when_urgent=Effect.CONDITION,
    urgent_action=(
        "Tell the recipient the information is confidential and only for protecting life, share "
        "what is needed now, and have the Appendix 3 agreement signed as soon as you can."
    ),
    urgent_after=False,
)


same_organisation = gated_rule(
    "parties.same-organisation",
    when={"same_organisation": True},
    title="Sharing inside one organisation is not a disclosure under the protocol",
    effect=Effect.ADVICE,
    clauses=("1.4",),
    message=(
        "Discloser and recipient are the same organisation. The protocol governs sharing between "
        "partners; your organisation's own rules govern internal sharing."
    ),
    facts=("discloser.organisation", "recipient.organisation"),
    personal_only=False,
)


RULES = (discloser_not_signatory, recipient_not_signatory, same_organisation)


@hookimpl
def ispcheck_rules(pack: Pack) -> Sequence[Rule]:
    return RULES
