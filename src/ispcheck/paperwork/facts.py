"""Disclosure facts in words: what a form field or a record shows for a fact of the contract.

Codes become the pack's labels (``public_task`` → "Public task (UK GDPR Article 6(1)(e))"), yes/no
facts become "Yes" or "No", and an unknown fact becomes nothing at all: the caller leaves a blank.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..disclosure import Disclosure
from ..kinds import KINDS
from ..pack import DEFAULT_PACK, Pack, load_pack
from ..vocabulary import LABELLED_BY_PACK

__all__ = ["CAPTIONS", "describe", "fact", "resolve_pack"]

#: Our short names for facts, used where one field shows several (not the protocol's words).
CAPTIONS: dict[str, str] = {
    "discloser.kind": "Kind of organisation",
    "recipient.kind": "Kind of organisation",
    "lawful_basis.article6": "Lawful basis (UK GDPR Article 6)",
    "lawful_basis.article9": "Special category condition (UK GDPR Article 9)",
    "lawful_basis.schedule1_condition": "DPA 2018 Schedule 1 condition",
    "lawful_basis.gateway": "Power to share",
    "lawful_basis.exemption": "Exemption",
    "lawful_basis.regime": "Data protection law",
    "lawful_basis.schedule8_condition": "DPA 2018 Schedule 8 condition",
    "lawful_basis.strictly_necessary": "Strictly necessary for the law enforcement purpose",
    "lawful_basis.policy_document": "Appropriate policy document in place",
    "purpose.code": "Purpose",
    "purpose.statement": "Reason",
    "necessity.statement": "Why it is necessary",
    "data.description": "Information",
    "consent.status": "Status",
    "consent.reason_not_sought": "Why consent was not sought",
    "consent.restrictions": "Restrictions on consent",
    "consent.recorded": "Consent recorded",
    "consent.within_restrictions": "Within the restrictions of the consent",
    "necessity.makes_a_difference": "Sharing makes a difference to the outcome",
    "necessity.less_data_considered": "Sharing less considered",
    "necessity.alternatives_considered": "Other ways considered",
    "necessity.impact_considered": "Impact on the person considered",
    "necessity.article8_considered": "Privacy (Article 8) and confidentiality weighed",
    "necessity.sensitive_data_necessary": "Sensitive details necessary",
    "accuracy.identity_verified": "Identity checked (name, date of birth, address)",
    "accuracy.fact_and_opinion_distinguished": "Fact kept apart from opinion",
    "handling.classification": "Classification",
    "handling.channel": "Sent by",
    "recipient.has_secure_email": "Recipient has secure email",
    "recipient.is_data_subject": "Recipient is the person the information is about",
    "recipient.other_recipients": "Other recipients of the same message",
    "handling.distribution": "Sent to",
    "data.smallest_count": "Smallest number in the figures",
    "context.setting": "Setting",
    "context.urgent_risk_to_life": "Urgent risk to life",
    "context.ongoing_investigation": "Ongoing investigation or prosecution",
    "context.investigating_officer_consulted": "Investigating officer and CPS consulted",
    "context.secondary_disclosure": "Secondary disclosure",
    "context.originator_agreed": "Originator agreed",
    "context.evidential_use": "Wanted as evidence",
    "context.evidence_used_by": "Evidence used by",
    "context.formal_request_form": "Formal request form made",
    "context.profiling_children": "Profiling of children",
    "context.profiling": "Profiling of people",
    "context.transfer_outside_uk": "Transfer outside the UK",
    "context.from_meeting": "First shared at",
    "context.dpia_in_place": "DPIA in place",
    "context.chair_agreed": "Meeting chair agreed to sharing outside the meeting",
    "context.meeting_name": "Name of the meeting",
}


_KIND_WORDS = {code: info.label for code, info in KINDS.items()}

#: Plain words for the coded facts the pack has no vocabulary for (ours).
_WORDS: dict[str, dict[str, str]] = {
    "discloser.kind": _KIND_WORDS,
    "recipient.kind": _KIND_WORDS,
    "handling.channel": {
        "secure_email": "secure email",
        "encrypted_attachment": "encrypted attachment",
        "standard_email": "standard (unsecured) email",
        "secure_case_system": "a secure case system shared by partners",
        "courier": "courier",
        "in_meeting": "in the meeting",
        "phone": "telephone",
        "post": "post",
        "in_person": "in person",
        "messaging_app": "a messaging app",
        "personal_device": "a personal phone, account or device",
    },
    "context.evidence_used_by": {
        "recipient": "the recipient (a partner's request to the data owner)",
        "discloser": "the discloser (serving its own evidence under court rules)",
    },
    "context.formal_request_form": {
        "not_applicable": "Not applicable (the discloser serves its own evidence)",
    },
    "handling.distribution": {
        "one": "one recipient only",
        "several_hidden": "several recipients who cannot see one another",
        "several_visible": "several recipients who can see one another",
    },
    "consent.status": {
        "obtained": "obtained",
        "refused": "refused",
        "withdrawn": "withdrawn",
        "not_sought": "not sought",
    },
    "data.categories": {
        "anonymised": "anonymised",
        "aggregated": "aggregated (statistics)",
        "personal": "personal data",
        "special_category": "special category data",
        "criminal_offence": "criminal offence data",
    },
}


@cache
def _shipped_pack() -> Pack:
    return load_pack(DEFAULT_PACK)


def resolve_pack(pack: Pack | str | Path | None) -> Pack:
    """The pack to use: the one given, one loaded by name or folder, or the shipped one."""
    if pack is None:
        return _shipped_pack()
    return pack if isinstance(pack, Pack) else load_pack(pack)


def fact(disclosure: Disclosure, path: str) -> Any:
    """The value at a dotted path; a list (``subjects``) gives the values of its items."""
    node: Any = disclosure
    for part in path.split("."):
        if isinstance(node, tuple):
            node = tuple(getattr(item, part, None) for item in node)
        else:
            node = getattr(node, part, None)
        if node is None:
            return None
    return node


def describe(disclosure: Disclosure, path: str, pack: Pack) -> tuple[str, ...]:
    """The fact at ``path`` in words, one line per item; empty when it is not known."""
    value = fact(disclosure, path)
    if value is None or value == ():
        return ()
    if isinstance(value, BaseModel):
        lines: list[str] = []
        for name in type(value).model_fields:
            inner = f"{path}.{name}"
            words = describe(disclosure, inner, pack)
            if words:
                lines.append(
                    f"{CAPTIONS.get(inner, name.replace('_', ' ').capitalize())}: {'; '.join(words)}"
                )
        return tuple(lines)
    if isinstance(value, tuple):
        return (", ".join(_word(path, item, pack) for item in value if item is not None),)
    return (_word(path, value, pack),)


def _word(path: str, value: Any, pack: Pack) -> str:
    if isinstance(value, bool):
        return "Yes" if value else "No"
    text = str(value)
    kind = LABELLED_BY_PACK.get(path)
    if kind is not None:
        entry = pack.vocabulary.get(kind, {}).get(text)
        if entry is not None:
            return f"{entry.label} ({entry.law})" if entry.law else entry.label
    if path == "context.from_meeting" and text == "none":
        return "Not at a meeting"
    if path == "context.setting" or path == "context.from_meeting":
        setting = pack.settings.get(text)
        return setting.name if setting is not None else text.replace("_", " ")
    words = _WORDS.get(path, {})
    if text in words:
        return words[text]
    if path.endswith(("role", "special_category_types")):
        return text.replace("_", " ")
    return text
