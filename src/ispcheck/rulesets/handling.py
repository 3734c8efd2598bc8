"""Classification and secure handling (6.3, 6.4, 7.4, A2 Q9, A3)."""

from __future__ import annotations

from collections.abc import Sequence

from ..decision import Effect, Finding
from ..hookspecs import hookimpl
from ..pack import Pack
from ..roles import DPO
from ..rule import Facts, Rule, gated_rule, rule
from ..view import DisclosureView

_NEEDS_PROTECTION = frozenset({"victim", "vulnerable_person"})


@rule(
    "handling.mark-official-sensitive",
    title="Sensitive personal data is marked OFFICIAL-SENSITIVE",
    effect=Effect.CONDITION,
    clauses=("classification-levels", "security-classifications"),
    message=(
        "The information is marked OFFICIAL, but it includes special category or criminal offence data, or "
        "is about a victim, child or vulnerable person (or nobody is listed)."
    ),
    action="Mark it OFFICIAL-SENSITIVE and share it on a need-to-know basis only.",
    facts=("handling.classification", "data.categories", "subjects"),
    when={"handling.classification": "OFFICIAL"},
    predicate_readings=("child-not-known",),
    check_in_words=(
        "it includes special category or criminal offence data, or is about a victim, a vulnerable person "
        "or a child (or someone not known to be an adult), or nobody it is about is listed"
    ),
)
def mark_official_sensitive(d: DisclosureView, f: Facts) -> bool | Finding:
    if f.sensitive or not f.subjects_listed or f.any_child:
        return True
    if any(s.role in _NEEDS_PROTECTION for s in d.subjects):
        return True
    # Nobody is known to be a child, but someone is not known to be an adult (a risk not known
    # to be absent): marked as for a child.
    return _CHILD_NOT_KNOWN if f.any_child is None else False


_CHILD_NOT_KNOWN = mark_official_sensitive.variant(
    message=(
        "The information is marked OFFICIAL, and it is not known whether a person it is about is a child; "
        "ispcheck asks for information about a child to be marked OFFICIAL-SENSITIVE (need to know, "
        "[[classification-levels]])."
    ),
    interpretations=("child-not-known",),
)


above_official_sensitive = gated_rule(
    "handling.above-official-sensitive",
    when={"handling.classification": ("SECRET", "TOP SECRET")},
    title="SECRET and TOP SECRET are outside this protocol",
    effect=Effect.REFER,
    clauses=("classification-levels",),
    message=(
        "The information is classified SECRET or TOP SECRET: its handling is outside what this protocol "
        "provides for."
    ),
    action="Ask your Data Protection Officer or security lead how this material may be shared.",
    refer_to=DPO,
    facts=("handling.classification",),
    personal_only=False,
)


standard_email = gated_rule(
    "handling.standard-email",
    when={"handling.channel": "standard_email"},
    title="Personal data is not sent by ordinary email",
    effect=Effect.CONDITION,
    clauses=("secure-handling", "generic-declaration", "test-secure"),
    message="Personal data is to be sent by standard email, which is not a secure route.",
    action=(
        "Send it by secure email; if the recipient has no secure email, send it as an attachment encrypted "
        "with a password, and give the password by a different route."
    ),
    facts=("handling.channel", "recipient.has_secure_email"),
)


secure_email_not_confirmed = gated_rule(
    "handling.secure-email-not-confirmed",
    when={"handling.channel": "secure_email", "recipient.has_secure_email": (False, None)},
    title="The recipient's secure email is confirmed",
    effect=Effect.CONDITION,
    clauses=("secure-handling", "generic-declaration"),
    message="Secure email is proposed, but it is not confirmed that the recipient has secure email.",
    action=(
        "Confirm the recipient's address is on a secure email system; if it is not, encrypt the information "
        "with a password sent separately."
    ),
    facts=("handling.channel", "recipient.has_secure_email"),
)


post = gated_rule(
    "handling.post",
    when={"handling.channel": "post"},
    title="Personal data sent by post is protected",
    effect=Effect.CONDITION,
    clauses=("secure-handling", "test-secure"),
    message="Personal data is to be sent by post.",
    action=(
        "Use tracked or recorded delivery in a sealed envelope, marked with its classification and "
        "addressed to a named person, or use a secure electronic route instead."
    ),
    facts=("handling.channel",),
)


phone = gated_rule(
    "handling.phone",
    when={"handling.channel": "phone"},
    title="Personal data given by phone goes to the right person",
    effect=Effect.CONDITION,
    clauses=("secure-handling", "test-secure"),
    message="Personal data is to be given by phone.",
    action=(
        "Confirm who you are speaking to (call back on a known number), give only what is needed, and "
        "confirm it afterwards by a secure route so there is a record."
    ),
    facts=("handling.channel",),
)


in_person = gated_rule(
    "handling.in-person",
    when={"handling.channel": "in_person"},
    title="Personal data told in person goes to the right person, and is written down",
    effect=Effect.CONDITION,
    clauses=("secure-handling", "test-recorded", "test-secure"),
    message="Personal data is to be told in person, outside any meeting.",
    action=(
        "Make sure you know who you are telling and that nobody else can hear, tell only what is needed, "
        "and record what you told, to whom and when."
    ),
    facts=("handling.channel",),
)


not_a_secure_system = gated_rule(
    "handling.not-a-secure-system",
    when={"handling.channel": ("messaging_app", "personal_device")},
    title="Personal data does not go by messaging app or personal device",
    effect=Effect.BLOCK,
    clauses=("secure-handling", "test-secure"),
    message=(
        "Personal data is to be sent by a messaging app or from a personal phone, account or device. "
        "[[secure-handling]] asks for a secure transmission system (secure email, courier, or a secure "
        "system shared by partners); a messaging app or personal device is not one the organisation "
        "controls, and the ICO has reprimanded public bodies for sharing personal data this way."
    ),
    action=(
        "Send it by secure email, as a password-protected attachment, or on the partners' secure case "
        "system ([[secure-handling]]) instead, from your organisation's own account; in an emergency, phone "
        "them (calling back on a known number) rather than message them."
    ),
    facts=("handling.channel",),
    interpretations=("not-a-secure-system",),
)


#: People whose details must not go to recipients who do not need them (nobody listed: the same).
#: Only information about offenders and suspects may go to recipients who see one another, and
#: then on conditions; anyone else (a victim, a witness, a vulnerable person, or "other", who may
#: be a family member) is protected from it (fail closed).
_OFFENDERS_ONLY = frozenset({"offender", "suspect"})


@rule(
    "handling.visible-recipients",
    title=(
        "Personal data about a victim, witness or vulnerable person does not go to recipients who can see "
        "one another"
    ),
    effect=Effect.BLOCK,
    clauses=("secure-handling", "classification-levels", "test-need-to-know", "test-secure"),
    message=(
        "The message goes to several recipients who can see one another (or, with other recipients named, "
        "is not said to hide them from one another), and it holds personal data about a victim, a witness, "
        "a vulnerable person or someone else who is not an offender or suspect (or about people not "
        "listed). Everyone on it gets the details whether they need them or not, and sees who else was "
        "told: the bulk-email breach the ICO has fined a police force for."
    ),
    action=(
        "Do not send it to the group. Send it separately to each recipient who needs to know "
        "([[classification-levels]]), by secure email or on the partners' secure case system "
        "([[secure-handling]]); if one message must go to several, use blind copies through a secure "
        "system, and leave out anyone who does not need it."
    ),
    facts=("handling.distribution", "recipient.other_recipients", "subjects"),
    law=("UK GDPR Article 5(1)(f) and Article 32 (security)", "UK GDPR Article 5(1)(c) (data minimisation)"),
    when={
        "several_recipients": True,
        "handling.distribution": ("several_visible", None),
        "in_meeting": False,
    },
    interpretations=("visible-recipients-bulk-email", "distribution-not-said"),
    check_in_words=(
        "the message goes to several recipients who can see one another, or other recipients are named and "
        "it is not said whether they can (anyone but offenders or suspects, or nobody listed, blocks; "
        "offenders or suspects only is a condition)"
    ),
)
def visible_recipients(d: DisclosureView, f: Facts) -> bool | Finding:
    if d.handling.distribution is None and not d.recipient.other_recipients:
        return False  # nobody else named, and nothing said: one recipient (distribution-not-said)
    if f.subjects_listed and all(s.role in _OFFENDERS_ONLY for s in d.subjects):
        return _VISIBLE_OFFENDERS_ONLY
    return True


_VISIBLE_OFFENDERS_ONLY = visible_recipients.variant(
    effect=Effect.CONDITION,
    message=(
        "The message goes to several recipients who can see one another (or, with other recipients named, "
        "is not said to hide them from one another), with personal data about offenders or suspects. Each "
        "recipient gets it, whether they need it or not."
    ),
    action=(
        "Confirm that every recipient needs to know ([[classification-levels]]) and is covered by the "
        "protocol; send it separately, or by blind copy through a secure system, to any who should not see "
        "the others."
    ),
)


hidden_recipients = gated_rule(
    "handling.hidden-recipients",
    when={"handling.distribution": "several_hidden", "in_meeting": False},
    title="Each of several recipients needs to know and is covered",
    effect=Effect.CONDITION,
    clauses=("classification-levels", "test-need-to-know", "non-signatories"),
    message=(
        "The personal data goes to several recipients, hidden from one another. Each of them receives all "
        "of it."
    ),
    action=(
        "Confirm that each recipient needs to know ([[classification-levels]]) and has signed the protocol "
        "or the [[generic-declaration]] agreement ([[non-signatories]]); take out anyone who does not, and "
        "record who was sent it."
    ),
    facts=("handling.distribution", "recipient.other_recipients"),
    law=("UK GDPR Article 5(1)(c) (data minimisation)",),
    interpretations=("visible-recipients-bulk-email",),
)


meeting_channel_outside_meeting = gated_rule(
    "handling.meeting-channel-outside-meeting",
    when={"handling.channel": "in_meeting", "in_meeting": False},
    title="'In a meeting' is used only for meetings",
    effect=Effect.CONDITION,
    clauses=("chair-sets-confidentiality", "secure-handling"),
    message="The route is 'in a meeting', but the setting is outside a meeting.",
    action="Name the meeting, or choose the secure route the data will take.",
    facts=("handling.channel", "context.setting"),
)


RULES = (
    mark_official_sensitive,
    above_official_sensitive,
    standard_email,
    secure_email_not_confirmed,
    post,
    phone,
    in_person,
    not_a_secure_system,
    visible_recipients,
    hidden_recipients,
    meeting_channel_outside_meeting,
)


@hookimpl
def ispcheck_rules(pack: Pack) -> Sequence[Rule]:
    return RULES
