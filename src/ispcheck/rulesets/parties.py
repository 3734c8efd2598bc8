"""Who is sharing with whom: the signatory register of Appendices 12 and 13 (1.3, 3.1-3.6, 6.2)."""

from __future__ import annotations

from collections.abc import Sequence

from ..decision import Effect
from ..hookspecs import hookimpl
from ..pack import Pack
from ..roles import OWN_DATA_PROTECTION_LEAD, SCHEME_DECISION_MAKER
from ..rule import Facts, Rule, gated_rule, rule
from ..view import DisclosureView
from ..vocabulary import VOCABULARY

#: A private person (a member of the public) as the recipient, not an organisation.
PRIVATE = "private_individual"
#: Every kind of recipient but a private person, and a kind not known.
_ORGANISATION_KINDS = (None, *(k for k in VOCABULARY["organisation_kind"] if k != PRIVATE))

discloser_not_signatory = gated_rule(
    "parties.discloser-not-signatory",
    when={"discloser_signatory": False},
    title="The disclosing organisation has signed the protocol",
    effect=Effect.REFER,
    clauses=("signing-up", "other-organisations", "designated-officers"),
    message=(
        "The disclosing organisation is not in the signatory register ([[signatory-register]]), so the "
        "protocol does not cover this share, and the organisation has no Designated Officer under it "
        "([[designated-officers]])."
    ),
    action=(
        "Check the organisation's name, or ask the community safety team named in [[signing-up]] whether it "
        "has signed up. Until it has, the protocol's routes are not open to it: your Data Protection "
        "Officer (or whoever leads on data protection in your organisation) decides whether the law allows "
        "this share some other way."
    ),
    refer_to=OWN_DATA_PROTECTION_LEAD,
    facts=("discloser.organisation",),
    when_urgent=Effect.CONDITION,
    urgent_action=(
        "Share what is needed to protect life, and tell your Data Protection Officer (or whoever leads on "
        "data protection in your organisation) afterwards that the protocol did not cover this share."
    ),
    interpretations=("non-signatory-asks-own-data-protection-lead",),
)


# Not for a private person: the Appendix 3 agreement is for an agency's representatives (3.6), and
# a member of the public is told under a scheme with its own undertakings (see private_person below
# and the interpretation private-person-outside-partner-sharing).
recipient_not_signatory = gated_rule(
    "parties.recipient-not-signatory",
    when={"recipient_signatory": False, "recipient.kind": _ORGANISATION_KINDS},
    title="A recipient who has not signed gets the [[generic-declaration]] agreement",
    effect=Effect.CONDITION,
    clauses=("non-signatories", "non-signatory-attendees", "generic-declaration"),
    message=(
        "The recipient is not in the signatory register ([[signatory-register]]). Sharing with an agency "
        "that has not signed needs extra care ([[non-signatories]])."
    ),
    action=(
        "Before sharing, have the recipient's representatives sign the [[generic-declaration]] "
        "confidentiality agreement, and give them a written instruction on how to handle and store the "
        "information."
    ),
    facts=("recipient.organisation",),
    when_urgent=Effect.CONDITION,
    urgent_action=(
        "Tell the recipient the information is confidential and only for protecting life, share what is "
        "needed now, and have the [[generic-declaration]] agreement signed as soon as you can."
    ),
    urgent_after=False,
)


same_organisation = gated_rule(
    "parties.same-organisation",
    when={"same_organisation": True},
    title="Sharing inside one organisation is not a disclosure under the protocol",
    effect=Effect.ADVICE,
    clauses=("protocol-scope",),
    message=(
        "Discloser and recipient are the same organisation. The protocol governs sharing between partners; "
        "your organisation's own rules govern internal sharing."
    ),
    facts=("discloser.organisation", "recipient.organisation"),
    personal_only=False,
)


private_person = gated_rule(
    "parties.private-person",
    when={
        "recipient.kind": PRIVATE,
        "recipient_signatory": False,
        "recipient.is_data_subject": (False, None),
    },
    title="Telling a member of the public goes through the scheme for it, not this protocol",
    effect=Effect.REFER,
    clauses=("protocol-scope", "statutory-purposes", "other-organisations", "signing-up"),
    message=(
        "The recipient is a private person, not a partner agency. This protocol covers sharing between "
        "partner agencies ([[protocol-scope]], [[statutory-purposes]], [[other-organisations]]); telling a "
        "member of the public about someone else is decided under its own scheme: Clare's Law (the Domestic "
        "Violence Disclosure Scheme) or Sarah's Law (the Child Sex Offender Disclosure Scheme, under "
        "section 327A of the Criminal Justice Act 2003) by the police with their multi-agency partners, a "
        "MAPPA disclosure decision under the MAPPA guidance, or disclosure to a defendant through the "
        "criminal justice process."
    ),
    action=(
        "Do not send it under this protocol. Put the case to whoever decides disclosures under the scheme "
        "that applies (for Clare's Law or Sarah's Law, the police's disclosure decision with partners; for "
        "a MAPPA offender, the MAPPA meeting), and give only what that decision allows, in the way it sets "
        "out, and record it."
    ),
    refer_to=SCHEME_DECISION_MAKER,
    facts=("recipient.kind", "recipient.is_data_subject"),
    law=(
        "Criminal Justice Act 2003 s.327A",
        "Domestic Abuse Act 2021 s.77 (Domestic Violence Disclosure Scheme statutory guidance)",
        "UK GDPR Article 5(1)(a)",
    ),
    when_urgent=Effect.CONDITION,
    urgent_action=(
        "Tell the person only what they need to protect life now (such as a warning of the risk), record "
        "what you told them and why, and tell the scheme's decision-maker as soon as you can."
    ),
    interpretations=("private-person-outside-partner-sharing",),
)


own_data = gated_rule(
    "parties.own-data",
    when={"recipient.is_data_subject": True},
    title="A person given their own information gets theirs only",
    effect=Effect.CONDITION,
    clauses=("information-rights", "protocol-scope"),
    message=(
        "The recipient is the person the information is about, receiving their own information: their right "
        "of access (UK GDPR Article 15), dealt with under your organisation's policy on information rights "
        "([[information-rights]]) rather than as sharing between partners."
    ),
    action=(
        "Give them only their own information. Take out anything about other people who could be identified "
        "from it (including who reported or gave it), unless those people agree or it is reasonable to give "
        "it; check with your Data Protection Officer if unsure; and record what you gave and what you held "
        "back."
    ),
    facts=("recipient.is_data_subject",),
    law=("UK GDPR Article 15", "Data Protection Act 2018 Schedule 2 Part 3 paragraph 16"),
    interpretations=("own-data-subject-access",),
)


@rule(
    "parties.other-recipients-not-signatories",
    title="Everyone else who gets the same message has signed, or gets the [[generic-declaration]] agreement",
    effect=Effect.CONDITION,
    clauses=("non-signatories", "non-signatory-attendees", "generic-declaration"),
    message=(
        "The same message goes to other recipients, and at least one of them is not in the signatory "
        "register ([[signatory-register]]). Sharing with an agency that has not signed needs extra care "
        "([[non-signatories]])."
    ),
    action=(
        "Check each other recipient's name against the register. Take out anyone who does not need the "
        "information; have the representatives of any that stay, and have not signed, sign the "
        "[[generic-declaration]] confidentiality agreement, with a written instruction on handling it."
    ),
    facts=("recipient.other_recipients",),
    interpretations=("visible-recipients-bulk-email",),
    when={"several_recipients": True},
    check_in_words="another recipient of the same message is not in the partner register",
)
def other_recipients_not_signatories(d: DisclosureView, f: Facts) -> bool:
    others = d.recipient.other_recipients
    if not others:
        return False
    exact = f.pack.register.exact
    return any(exact(name) is None for name in others)


RULES = (
    discloser_not_signatory,
    recipient_not_signatory,
    private_person,
    own_data,
    other_recipients_not_signatories,
    same_organisation,
)


@hookimpl
def ispcheck_rules(pack: Pack) -> Sequence[Rule]:
    return RULES
