"""The disclosure contract: what a case system or an officer says about a proposed share.

Field names and values are a contract with case systems (see DESIGN.md), so they are spelled
exactly as published and unknown fields are rejected: a typo such as ``consnet`` must fail loudly
rather than be read as "no consent information". Every fact that is not required may be missing or
null, meaning "not known"; the rules treat an unknown fact as not shown. A yes/no fact is true or
false, never text or a number that might mean one of them.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, Strict, StringConstraints, model_validator

from .kinds import KINDS
from .vocabulary import (
    NAME_MAX_LENGTH,
    TEXT_MAX_LENGTH,
    VOCABULARY,
    Article6,
    Article9,
    Category,
    Channel,
    Classification,
    ConsentStatus,
    Distribution,
    EvidenceUser,
    Exemption,
    FromMeeting,
    Gateway,
    NotApplicable,
    OrganisationKind,
    PurposeCode,
    Regime,
    Role,
    Schedule1Condition,
    Schedule8Condition,
    Setting,
    SpecialCategoryType,
    without_null_groups,
)

__all__ = [
    "NAME_MAX_LENGTH",
    "TEXT_MAX_LENGTH",
    "VOCABULARY",
    "Accuracy",
    "Consent",
    "Context",
    "Data",
    "Disclosure",
    "Handling",
    "LawfulBasis",
    "Necessity",
    "Party",
    "Purpose",
    "Recipient",
    "Subject",
]

#: A name that is not blank: the schema says "at least one character that is not a space" (the
#: validator strips spaces before counting, so a name of spaces is refused as empty).
Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=NAME_MAX_LENGTH),
    Field(json_schema_extra={"pattern": r"\S"}),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=TEXT_MAX_LENGTH)]
#: A yes/no fact: true or false (a JSON boolean) only. Not "yes", "no", "true", 1 or 0, which
#: pydantic would otherwise read as booleans: a fact given as text or a number is a mistake to
#: report, not to guess at.
Flag = Annotated[bool, Strict()]


def _whole_number(value: object) -> object:
    """A JSON number with nothing after the point (``3.0``) is the whole number it equals.

    JSON Schema counts such a number as an integer, and some case systems' JSON writers send every
    number that way; ``3.5``, ``true`` and ``"3"`` are still refused.
    """
    if type(value) is float and value.is_integer():
        return int(value)
    return value


#: A count: a whole number, 0 or more (see :func:`_whole_number`).
Count = Annotated[int, Strict(), Field(ge=0), BeforeValidator(_whole_number)]


class _Contract(BaseModel):
    """Shared settings: reject unknown fields, keep objects immutable once checked."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


_KIND_DESCRIPTION = (
    "Added to the contract: what kind of organisation this is; null or missing means not known. "
    "It decides whether a recipient is a relevant authority under section 115(2) of the Crime and "
    "Disorder Act 1998 (" + ", ".join(k.code for k in KINDS.values() if k.relevant_authority) + " "
    "are; the others are not), and whether a discloser is certainly a public authority. When the "
    "organisation is in the partner register, the register's kind is used and this one is not. "
    "Values: " + "; ".join(f"{k.code}: {k.explain}" for k in KINDS.values()) + "."
)


class Party(_Contract):
    organisation: Name = Field(
        description=(
            "The organisation sharing the information, by name; it is looked up in the pack's "
            "register of signatories (short forms and other names are recognised)."
        )
    )
    officer: Text | None = Field(
        default=None, description="Who is sharing, by role or collar number; not needed for the decision."
    )
    #: Added to the contract: the kind of organisation (see :mod:`ispcheck.kinds`).
    kind: OrganisationKind | None = Field(default=None, description=_KIND_DESCRIPTION)


class Recipient(_Contract):
    organisation: Name = Field(
        description=(
            "The organisation receiving the information, by name (for a private person, say who they "
            "are in the case, not their name, and give kind private_individual)."
        )
    )
    officer: Text | None = Field(
        default=None, description="Who is to receive it, by role; not needed for the decision."
    )
    has_secure_email: Flag | None = None
    #: Added to the contract: the kind of organisation (see :mod:`ispcheck.kinds`).
    kind: OrganisationKind | None = Field(default=None, description=_KIND_DESCRIPTION)
    #: Added to the contract: the recipient is the person the information is about, receiving
    #: their own data.
    is_data_subject: Flag | None = Field(
        default=None,
        description=(
            "Added to the contract: the recipient is the person the information is about, receiving "
            "their own data (a subject access request, say). Null or missing means not known, read "
            "as not so."
        ),
    )
    #: Added to the contract: the other organisations or people who get the same message.
    other_recipients: tuple[Name, ...] | None = Field(
        default=(),
        description=(
            "Added to the contract: the other organisations or people who receive the same message, "
            "besides this recipient. Empty, null or missing means nobody else is named."
        ),
    )


class Subject(_Contract):
    role: Role
    is_child: Flag | None = None
    #: Added to the contract: the person has died. Data about the dead is not personal data (DPA
    #: 2018 s.3(2)); null or missing means not known, read as alive.
    deceased: Flag | None = None


class Data(_Contract):
    categories: Annotated[tuple[Category, ...], Field(min_length=1)]
    special_category_types: tuple[SpecialCategoryType, ...] | None = ()
    description: Text | None = Field(default=None, description="What is to be shared, in a few words.")
    originator: Text | None = Field(
        default=None,
        description=(
            "Who first gave the information (an organisation or a person). When context."
            "secondary_disclosure is not given, an originator other than the discloser shows that "
            "the information came from elsewhere."
        ),
    )
    #: Added to the contract: for anonymised or aggregated figures, the smallest number in any cell.
    smallest_count: Count | None = Field(
        default=None,
        description=(
            "Added to the contract: for anonymised or aggregated figures, the smallest number in any "
            "cell of the table (a whole number, 0 or more). Below the pack's small-number threshold "
            "the figures may identify someone and are treated as personal data. Null or missing "
            "means not known."
        ),
    )


class Purpose(_Contract):
    code: PurposeCode
    statement: Text | None = Field(
        default=None,
        description=(
            "What the information is to be used for, in the sharer's words; a share with no purpose "
            "stated is refused."
        ),
    )


class LawfulBasis(_Contract):
    article6: Article6 | None = None
    article9: Article9 | None = None
    schedule1_condition: Schedule1Condition | None = None
    gateway: Gateway | None = None
    exemption: Exemption | None = None
    #: Added to the contract: which data protection law the share is made under. Null or missing
    #: means the UK GDPR (as before this field); "law_enforcement" is DPA 2018 Part 3.
    regime: Regime | None = Field(
        default=None,
        description=(
            "Added to the contract: which data protection law applies. uk_gdpr: the UK GDPR and DPA "
            "2018 Part 2; law_enforcement: DPA 2018 Part 3 (a competent authority processing for a law "
            "enforcement purpose, s.31). Null or missing means uk_gdpr."
        ),
    )
    #: Added to the contract: the DPA 2018 Schedule 8 condition for sensitive processing (Part 3).
    schedule8_condition: Schedule8Condition | None = None
    #: Added to the contract: the sensitive processing is strictly necessary for the law
    #: enforcement purpose (DPA 2018 s.35(5)(a)).
    strictly_necessary: Flag | None = None
    #: Added to the contract: an appropriate policy document is in place (DPA 2018 s.35(4)(b),
    #: (5)(c) and s.42).
    policy_document: Flag | None = None


class Consent(_Contract):
    status: ConsentStatus | None = None
    reason_not_sought: Text | None = Field(
        default=None,
        description="Why consent was not sought (for example, asking would put someone at risk).",
    )
    recorded: Flag | None = None
    restrictions: Text | None = Field(
        default=None,
        description=(
            "The limits the person put on their consent, in words; empty text means there are none, "
            "and null means it is not known whether there are any."
        ),
    )
    #: Added to the contract: does the proposed share stay within the restrictions given?
    within_restrictions: Flag | None = None


class Necessity(_Contract):
    statement: Text | None = Field(
        default=None, description="Why this information is necessary for the purpose, in the sharer's words."
    )
    makes_a_difference: Flag | None = None
    less_data_considered: Flag | None = None
    alternatives_considered: Flag | None = None
    impact_considered: Flag | None = None
    article8_considered: Flag | None = None
    #: Added to the contract: are the special category / criminal offence details themselves
    #: necessary for the purpose (Appendix 2, question 3, last bullet)?
    sensitive_data_necessary: Flag | None = None


class Accuracy(_Contract):
    identity_verified: Flag | None = None
    fact_and_opinion_distinguished: Flag | None = None


class Handling(_Contract):
    classification: Classification
    channel: Channel
    #: Added to the contract: one recipient, or several who cannot or can see one another.
    distribution: Distribution | None = Field(
        default=None,
        description=(
            "Added to the contract: how the message goes out. one: to one recipient only; "
            "several_hidden: to several recipients who cannot see one another (blind copies, or a "
            "separate message each); several_visible: to several recipients who can see one another "
            "(all in the To or Cc line, or a shared group). Null or missing means not known."
        ),
    )


class Context(_Contract):
    #: Left out or null means "not known": a risk, so the decision asks for it to be confirmed
    #: (the meeting rules are read as outside a meeting meanwhile).
    setting: Setting | None = None
    urgent_risk_to_life: Flag | None = None
    ongoing_investigation: Flag | None = None
    investigating_officer_consulted: Flag | None = None
    secondary_disclosure: Flag | None = None
    originator_agreed: Flag | None = None
    evidential_use: Flag | None = None
    #: Added to the contract: who wants to use the information as evidence: the recipient (a
    #: partner asking the data owner, so the 7.2 forms apply) or the discloser serving its own
    #: evidence under court rules. Meaningful only with ``evidential_use`` true; not known is read
    #: as a partner's request (the forms apply).
    evidence_used_by: EvidenceUser | None = None
    #: A formal request was made on the Appendix 10 or 11 form (true/false), or "not_applicable":
    #: no form is needed because the discloser serves its own evidence. "not_applicable" is taken
    #: as such only when ``evidence_used_by`` is "discloser"; anywhere else it is read as no form.
    formal_request_form: Flag | NotApplicable | None = None
    profiling_children: Flag | None = None
    transfer_outside_uk: Flag | None = None
    #: Added to the contract: could the share amount to profiling anyone, adults or children (4.7)?
    #: ``false`` also answers ``profiling_children``.
    profiling: Flag | None = None
    #: Added to the contract: the meeting the information was first shared in, or "none" (not at a
    #: meeting). Left out or null means not known.
    from_meeting: FromMeeting | None = None
    #: Added to the contract: has a DPIA been done for this meeting or scenario (5.7)?
    dpia_in_place: Flag | None = None
    #: Added to the contract: the chair of the meeting the information came from agreed to it
    #: being shared outside the meeting (Appendices 4 and 6). Not known means not agreed.
    chair_agreed: Flag | None = None
    #: Added to the contract: the name of a meeting the protocol does not list (``setting`` or
    #: ``from_meeting`` "other_meeting"), such as "Children Act s.47 strategy discussion".
    meeting_name: Text | None = Field(
        default=None,
        description=(
            "The name of a meeting the protocol does not list, given with setting or from_meeting "
            "other_meeting (such as a Children Act s.47 strategy discussion)."
        ),
    )


class Disclosure(_Contract):
    """One proposed disclosure of information from one organisation to another."""

    discloser: Party
    recipient: Recipient
    subjects: tuple[Subject, ...] = ()
    data: Data
    purpose: Purpose
    lawful_basis: LawfulBasis = LawfulBasis()
    consent: Consent = Consent()
    necessity: Necessity = Necessity()
    accuracy: Accuracy = Accuracy()
    handling: Handling
    context: Context = Context()

    @model_validator(mode="before")
    @classmethod
    def _null_means_not_known(cls, value: object) -> object:
        """A null group of optional facts means "none of these is known", not an error."""
        if isinstance(value, dict) and None in value.values():
            return without_null_groups(value)
        return value
