"""Lawful basis: Article 6, Article 9, Schedule 1, gateways and exemptions (4.1, 4.3, 5.2, 5.6, 7.2)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..decision import Effect
from ..facts import Facts
from ..hookspecs import hookimpl
from ..kinds import COMPETENT_AUTHORITY_KINDS
from ..pack import Pack
from ..roles import DESIGNATED_OFFICER, DPO
from ..rule import Rule, Variant, gated_rule, rule
from ..view import DisclosureView
from ..vocabulary import SCHEDULE1_PART3_ONLY, VOCABULARY

_CRIME_PURPOSES = frozenset({"detect_crime", "prevent_crime", "apprehend_offender", "prosecute_offender"})
_NOT_CRIME_PURPOSES = tuple(p for p in VOCABULARY["purpose"] if p not in _CRIME_PURPOSES)
_RECORD_BASIS_LATER = "Share what is needed to protect life, and record the lawful basis used afterwards."


_VITAL_INTERESTS_NOW = (
    "Share what is needed to protect life under Article 6(1)(d) vital interests, and record that basis "
    "afterwards."
)

article6_missing = gated_rule(
    "lawful-basis.article6-missing",
    law_regime="uk_gdpr",
    when={"lawful_basis.article6": None},
    title="An Article 6 lawful basis is identified",
    effect=Effect.BLOCK,
    clauses=("lawful-sharing", "without-consent", "police-request-form"),
    message="No UK GDPR Article 6 lawful basis is given, so the share would not be lawful.",
    action="Identify the Article 6 basis (for a public body's work, usually public task).",
    facts=("lawful_basis.article6",),
    law=("UK GDPR Article 6(1)",),
    when_urgent=Effect.CONDITION,
    urgent_message=(
        "No UK GDPR Article 6 lawful basis is recorded. With an urgent risk to life the basis is vital "
        "interests (Article 6(1)(d)), to be recorded afterwards."
    ),
    urgent_action=_VITAL_INTERESTS_NOW,
)


#: Whether the discloser is a public authority (``discloser_public_authority``) comes from the
#: partner register, or, for an organisation not in it, from its kind (``discloser.kind``) when
#: every organisation of that kind is one (a police force, a council...). Otherwise it is not
#: known, and the Data Protection Officer is asked.
legitimate_interests_public_authority = gated_rule(
    "lawful-basis.legitimate-interests-public-authority",
    law_regime="uk_gdpr",
    when={"lawful_basis.article6": "legitimate_interests", "discloser_public_authority": True},
    title="A public authority does not rely on legitimate interests",
    effect=Effect.BLOCK,
    clauses=("lawful-sharing", "generic-declaration"),
    message=(
        "Legitimate interests is not available to a public authority carrying out its tasks. The protocol's "
        "basis is performing a task in the public interest ([[generic-declaration]])."
    ),
    action="Use public task (Article 6(1)(e)) with the statutory power that supports it.",
    facts=("lawful_basis.article6", "discloser.organisation", "discloser.kind"),
    law=("UK GDPR Article 6(1), final paragraph",),
    # In an emergency a wrong basis is no worse than none (article6-missing): vital interests
    # applies now, and is recorded afterwards.
    when_urgent=Effect.CONDITION,
    urgent_action=_VITAL_INTERESTS_NOW,
)


legitimate_interests_unknown_discloser = gated_rule(
    "lawful-basis.legitimate-interests-unknown-discloser",
    law_regime="uk_gdpr",
    when={"lawful_basis.article6": "legitimate_interests", "discloser_public_authority": None},
    title="Legitimate interests from an unregistered organisation is checked",
    effect=Effect.REFER,
    clauses=("lawful-sharing",),
    message=(
        "Legitimate interests is relied on, but the disclosing organisation is not in the register and its "
        "kind of organisation does not settle whether it is a public authority (which cannot use it)."
    ),
    action=(
        "Ask your Data Protection Officer to confirm the right lawful basis. If the organisation is a "
        "police force, council or other public body, say what kind of organisation it is."
    ),
    refer_to=DPO,
    facts=("lawful_basis.article6", "discloser.organisation", "discloser.kind"),
    law=("UK GDPR Article 6(1)(f)",),
    when_urgent=Effect.CONDITION,
    urgent_action=_VITAL_INTERESTS_NOW,
)


legitimate_interests_assessment = gated_rule(
    "lawful-basis.legitimate-interests-assessment",
    law_regime="uk_gdpr",
    when={"lawful_basis.article6": "legitimate_interests", "discloser_public_authority": False},
    title="Legitimate interests needs a balancing assessment",
    effect=Effect.CONDITION,
    clauses=("lawful-sharing", "protection-principles"),
    message="Legitimate interests is relied on by an organisation that is not a public authority.",
    action=(
        "Complete and keep a legitimate interests assessment showing the share is necessary and that the "
        "person's interests do not override it."
    ),
    facts=("lawful_basis.article6",),
    law=("UK GDPR Article 6(1)(f)",),
)


consent_not_obtained = gated_rule(
    "lawful-basis.consent-not-obtained",
    law_regime="uk_gdpr",
    when={"consent_relied_on": True, "consent.status": (None, "refused", "withdrawn", "not_sought")},
    title="Consent as the basis means consent was obtained",
    effect=Effect.BLOCK,
    clauses=("seek-agreement", "without-consent", "test-consent"),
    message="Consent is given as the lawful basis, but consent has not been obtained.",
    action=(
        "Obtain and record the person's consent, or rely on another lawful basis that fits and record why "
        "([[without-consent]])."
    ),
    facts=("lawful_basis.article6", "lawful_basis.article9", "consent.status"),
    law=("UK GDPR Article 6(1)(a)", "UK GDPR Article 9(2)(a)"),
    when_urgent=Effect.CONDITION,
    urgent_action=(
        "Rely on vital interests instead of consent to protect life now, and record that afterwards."
    ),
)


_special_without_condition = gated_rule(
    "lawful-basis.special-category-without-condition",
    law_regime="uk_gdpr",
    when={"special": True, "lawful_basis.article9": None},
    title="Special category data has an Article 9 condition",
    effect=Effect.BLOCK,
    clauses=("sensitive-data", "lawful-sharing", "test-proportionate"),
    message="Special category data is included, but no Article 9 condition is given.",
    action=(
        "Identify the Article 9 condition (usually substantial public interest with a Schedule 1 "
        "condition), or leave the special category details out."
    ),
    facts=("data.categories", "data.special_category_types", "lawful_basis.article9"),
    law=("UK GDPR Article 9(2)",),
    when_urgent=Effect.CONDITION,
    urgent_message=(
        "Special category data is included and no Article 9 condition is recorded. With an urgent risk to "
        "life, and a person who cannot consent, the condition is vital interests (Article 9(2)(c)), to be "
        "recorded afterwards."
    ),
    urgent_action=(
        "Share what is needed to protect life under Article 9(2)(c) vital interests, and record it "
        "afterwards."
    ),
)

#: The Article 9 conditions that can serve when vital interests cannot (the person could consent).
_OTHER_ARTICLE9_CONDITIONS = (
    "Do not rely on vital interests for the special category details. Check with your Data Protection "
    "Officer whether another condition fits: substantial public interest with a DPA 2018 Schedule 1 "
    "condition, such as safeguarding of children and of individuals at risk (paragraph 18: for a child, or "
    "an adult at risk who cannot protect themselves, where consent cannot be given, cannot reasonably be "
    "obtained, or asking would put their protection at risk) or preventing or detecting unlawful acts "
    "(paragraph 10: where asking for consent would prejudice that purpose). If none fits, leave the special "
    "category details out."
)

#: The person refused or withdrew consent, so could consent: Article 9(2)(c) is not available even
#: in an emergency, and the condition must be another (pack interpretation).
_PERSON_REFUSED = ("refused", "withdrawn")
#: Any answer that shows the person could consent: given, refused or withdrawn.
_PERSON_COULD_CONSENT = ("obtained", *_PERSON_REFUSED)

special_category_without_condition = replace(
    _special_without_condition,
    variants=(
        Variant.of({"consent.status": (None, "not_sought")}),
        Variant.of(
            {"consent.status": _PERSON_COULD_CONSENT},
            _special_without_condition.variant(
                message=(
                    "Special category data is included, but no Article 9 condition is given. The person was "
                    "able to give, refuse or withdraw consent, so vital interests (Article 9(2)(c)) is not "
                    "available, even in an emergency."
                ),
                action=_OTHER_ARTICLE9_CONDITIONS,
                interpretations=("vital-interests-needs-incapacity",),
            ),
        ),
    ),
)


_could_consent_template = gated_rule(
    "lawful-basis.vital-interests-person-could-consent",
    law_regime="uk_gdpr",
    when={
        "special": True,
        "lawful_basis.article9": "vital_interests",
        "consent.status": _PERSON_REFUSED,
    },
    title="Vital interests covers special category data only where the person cannot consent",
    effect=Effect.BLOCK,
    clauses=("police-request-form", "without-consent", "test-without-consent"),
    message=(
        "Vital interests (Article 9(2)(c)) is relied on for special category data, but it applies only "
        "where the person is physically or legally incapable of giving consent ([[police-request-form]]). "
        "The person refused or withdrew consent, so they were able to decide: the condition is not "
        "available, urgent or not."
    ),
    action=_OTHER_ARTICLE9_CONDITIONS,
    facts=("lawful_basis.article9", "consent.status", "data.categories", "data.special_category_types"),
    law=("UK GDPR Article 9(2)(c)", "DPA 2018 Schedule 1 Part 2 paragraphs 10 and 18"),
    interpretations=("vital-interests-needs-incapacity",),
)

#: Consent obtained: the person could consent, so vital interests is the wrong condition, but the
#: consent itself may be one (explicit consent, Article 9(2)(a)): record that instead.
_CONSENT_OBTAINED = _could_consent_template.variant(
    effect=Effect.CONDITION,
    message=(
        "Vital interests (Article 9(2)(c)) is relied on for special category data, but it applies only "
        "where the person is incapable of giving consent ([[police-request-form]]), and this person gave "
        "consent."
    ),
    action=(
        "Record explicit consent (Article 9(2)(a)) as the condition instead, if the consent was explicit "
        "and covers this share; if it does not, ask your Data Protection Officer which condition applies "
        "before sharing."
    ),
)

vital_interests_person_could_consent = replace(
    _could_consent_template,
    when=(
        ("lawful_basis.article9", frozenset({"vital_interests"})),
        ("special", frozenset({True})),
    ),
    variants=(
        Variant.of({"consent.status": _PERSON_REFUSED}),
        Variant.of({"consent.status": "obtained"}, _CONSENT_OBTAINED),
    ),
)


vital_interests_incapacity_not_recorded = gated_rule(
    "lawful-basis.vital-interests-incapacity-not-recorded",
    law_regime="uk_gdpr",
    when={
        "special": True,
        "lawful_basis.article9": "vital_interests",
        "consent.status": (None, "not_sought"),
    },
    title="Relying on vital interests for special category data, the person's incapacity is recorded",
    effect=Effect.CONDITION,
    clauses=("police-request-form", "test-without-consent"),
    message=(
        "Vital interests (Article 9(2)(c)) is relied on for special category data. It applies only where "
        "the person is physically or legally incapable of giving consent ([[police-request-form]])."
    ),
    action=(
        "Record why the person cannot give consent (for example, unconscious, or lacking capacity); if they "
        "could, name another condition instead."
    ),
    facts=("lawful_basis.article9", "consent.status"),
    law=("UK GDPR Article 9(2)(c)",),
    when_urgent=Effect.CONDITION,
    urgent_action=(
        "Share what is needed to protect life, and record why the person could not consent as soon as the "
        "emergency allows."
    ),
    interpretations=("vital-interests-needs-incapacity",),
)


spi_without_schedule1 = gated_rule(
    "lawful-basis.substantial-public-interest-without-schedule1",
    law_regime="uk_gdpr",
    when={"lawful_basis.article9": "substantial_public_interest", "lawful_basis.schedule1_condition": None},
    title="Substantial public interest names its Schedule 1 condition",
    effect=Effect.BLOCK,
    clauses=("sensitive-data", "lawful-sharing"),
    message=(
        "Substantial public interest is relied on, but no DPA 2018 Schedule 1 condition is given; the "
        "condition is what makes it lawful."
    ),
    action=(
        "Name the Schedule 1 condition, for example preventing or detecting unlawful acts, or safeguarding "
        "of children and individuals at risk."
    ),
    facts=("lawful_basis.article9", "lawful_basis.schedule1_condition"),
    law=("UK GDPR Article 9(2)(g)", "DPA 2018 s.10(3) and Schedule 1 Part 2"),
    when_urgent=Effect.CONDITION,
    urgent_action=_RECORD_BASIS_LATER,
)


criminal_offence_without_schedule1 = gated_rule(
    "lawful-basis.criminal-offence-without-schedule1",
    law_regime="uk_gdpr",
    when={"criminal": True, "lawful_basis.schedule1_condition": None},
    title="Criminal offence data has a Schedule 1 condition",
    effect=Effect.BLOCK,
    clauses=("sensitive-data", "lawful-sharing"),
    message=(
        "Criminal offence data is included, but no DPA 2018 Schedule 1 condition is given (Article 10 UK "
        "GDPR)."
    ),
    action=(
        "Name the Schedule 1 condition that applies, for example preventing or detecting unlawful acts, or "
        "leave the offence details out."
    ),
    facts=("data.categories", "lawful_basis.schedule1_condition"),
    law=("UK GDPR Article 10", "DPA 2018 s.10(5) and Schedule 1"),
    when_urgent=Effect.CONDITION,
    urgent_action=_RECORD_BASIS_LATER,
)


offender_data_not_marked = gated_rule(
    "lawful-basis.offender-data-not-marked-criminal",
    law_regime="uk_gdpr",
    when={"criminal": False, "offender_or_suspect_listed": True},
    title="Information about offenders is usually criminal offence data",
    effect=Effect.ADVICE,
    clauses=("sensitive-data",),
    message=(
        "The information is about an offender or suspect but is not marked as criminal offence data. If it "
        "reveals offending or allegations, it is, and needs a Schedule 1 condition."
    ),
    facts=("subjects", "data.categories"),
)


# Section 115(1) lets any person disclose to a relevant authority, so only the recipient matters.
# Who is one is set by s.115(2) of the Act, not by this protocol's register: it is decided from the
# recipient's kind of organisation (the register's kind when it is in the register, otherwise
# recipient.kind), and a recipient whose kind is not known is not known to be one (fail closed).
# See ispcheck.kinds and the interpretation s115-relevant-authority-by-kind.
_s115_template = gated_rule(
    "lawful-basis.s115-needs-relevant-authorities",
    when={
        "lawful_basis.gateway": "crime_and_disorder_act_s115",
        "recipient_relevant_authority": (False, None),
    },
    title="Section 115 is used to disclose to a relevant authority",
    effect=Effect.REFER,
    clauses=("responsible-authorities", "partners-required", "powers-to-share"),
    message=(
        "Section 115 of the Crime and Disorder Act 1998 is a power to disclose to a relevant authority. "
        "Section 115(2) says who is one, not this protocol's register; as ispcheck reads it (police forces, "
        "councils, probation, integrated care boards and some others: the pack's interpretation sets out "
        "what could not be confirmed), the recipient's kind of organisation is not one of them."
    ),
    action=(
        "Name the power from [[legal-bases]] that covers sharing with this recipient, or ask your Data "
        "Protection Officer to confirm the power to share."
    ),
    refer_to=DPO,
    facts=("lawful_basis.gateway", "recipient.organisation", "recipient.kind"),
    law=("Crime and Disorder Act 1998 s.115(1) and (2)",),
    when_urgent=Effect.CONDITION,
    urgent_action="Share what is needed to protect life, and record the correct power afterwards.",
    interpretations=("s115-relevant-authority-by-kind",),
)

_S115_KIND_NOT_KNOWN_MESSAGE = (
    "Section 115 of the Crime and Disorder Act 1998 is a power to disclose to a relevant authority, as "
    "section 115(2) defines it, and it is not known whether the recipient is one: it is not in the partner "
    "register and its kind of organisation is not given."
)

#: The recipient's kind is not known: say so, and what would settle it.
_S115_KIND_NOT_KNOWN = _s115_template.variant(
    message=_S115_KIND_NOT_KNOWN_MESSAGE,
    action=(
        "Say what kind of organisation the recipient is: a council or police force that has not signed the "
        "protocol is still a relevant authority. Otherwise name the power from [[legal-bases]] that covers "
        "this recipient, or ask your Data Protection Officer."
    ),
)
_S115_KIND_NOT_KNOWN_URGENT = _s115_template.variant(
    effect=Effect.CONDITION,
    message=_S115_KIND_NOT_KNOWN_MESSAGE,
    action=(
        "Share what is needed to protect life, and afterwards record the correct power and the recipient's "
        "kind of organisation."
    ),
    after=True,
)

#: In a meeting whose declaration is made "subject to section 115" (A3, A5, A6, A9: the pack's
#: ``declaration_under_s115``), every attendee has signed it, so a recipient that is not known to be
#: a relevant authority is advice there, not a referral (except on the urgent path, which is the
#: same everywhere). Other meetings (MAPPA, Early Help, Channel) are as outside a meeting.
_S115_IN_MEETING = _s115_template.variant(
    effect=Effect.ADVICE,
    message=(
        "Section 115 gives a power to disclose to a relevant authority (section 115(2)), and this "
        "attendee's organisation is not known to be one. The meeting's declaration governs its use, but the "
        "power to share with it comes from the discloser's other powers ([[legal-bases]])."
    ),
    action="Record the power that covers sharing with this attendee (for example common law).",
    refer_to=None,
    interpretations=("s115-in-meetings",),
)


def s115_rule(pack: Pack) -> Rule:
    """The section 115 rule, with the pack's meetings whose declaration is made under section 115."""
    under_s115 = tuple(code for code, s in pack.settings.items() if s.declaration_under_s115)
    elsewhere = tuple(code for code in VOCABULARY["setting"] if code not in under_s115)
    variants = [
        Variant.of({"urgent": True, "recipient_relevant_authority": False}),
        Variant.of({"urgent": True, "recipient_relevant_authority": None}, _S115_KIND_NOT_KNOWN_URGENT),
        Variant.of({"setting": elsewhere, "urgent": False, "recipient_relevant_authority": False}),
        Variant.of(
            {"setting": elsewhere, "urgent": False, "recipient_relevant_authority": None},
            _S115_KIND_NOT_KNOWN,
        ),
    ]
    if under_s115:
        variants.insert(0, Variant.of({"setting": under_s115, "urgent": False}, _S115_IN_MEETING))
    return replace(_s115_template, variants=tuple(variants))


no_gateway = gated_rule(
    "lawful-basis.no-gateway",
    when={"lawful_basis.gateway": None},
    title="The power to share is named",
    effect=Effect.ADVICE,
    clauses=("powers-to-share", "legal-bases"),
    message="No statutory power (gateway) is named for this share.",
    action=(
        "Name the power that lets your organisation share, from [[legal-bases]] (for example section 115 of "
        "the Crime and Disorder Act 1998)."
    ),
    facts=("lawful_basis.gateway",),
)


_crime_taxation_without_form_template = gated_rule(
    "lawful-basis.crime-and-taxation-without-request-form",
    law_regime="uk_gdpr",
    when={"lawful_basis.exemption": "crime_and_taxation"},
    title="The crime and taxation exemption is formally set out",
    effect=Effect.BLOCK,
    clauses=("compliant-requests", "request-to-police-form", "police-request-form"),
    message=(
        "The crime and taxation exemption is relied on, but no formal request sets out the legal grounds "
        "and the specific details ([[compliant-requests]])."
    ),
    action=(
        "Get the request on the [[request-forms]] form (or the partner's official equivalent) before "
        "disclosing."
    ),
    facts=("lawful_basis.exemption", "context.formal_request_form"),
    law=("DPA 2018 Schedule 2 Part 1 paragraph 2",),
)

#: 7.2 asks for the exemption to be "formally set out and the specific details provided" whoever
#: uses the information, so "not applicable" is read as no form here (fail closed).
_CRIME_TAXATION_NOT_APPLICABLE = _crime_taxation_without_form_template.variant(
    message=(
        "The crime and taxation exemption is relied on, and the formal request form was said to be not "
        "applicable. [[compliant-requests]] asks for the exemption to be formally set out with the specific "
        "details whenever it is relied on, so this is read as no form."
    ),
    interpretations=("evidence-served-by-discloser",),
)

crime_taxation_without_form = replace(
    _crime_taxation_without_form_template,
    variants=(
        Variant.of({"context.formal_request_form": (False, None)}),
        Variant.of({"context.formal_request_form": "not_applicable"}, _CRIME_TAXATION_NOT_APPLICABLE),
    ),
)


crime_taxation_with_form = gated_rule(
    "lawful-basis.crime-and-taxation-with-request-form",
    law_regime="uk_gdpr",
    when={"lawful_basis.exemption": "crime_and_taxation", "context.formal_request_form": True},
    title="A formal crime and taxation request is answered with the minimum",
    effect=Effect.CONDITION,
    clauses=("compliant-requests", "request-to-police-form"),
    message="The crime and taxation exemption is relied on with a formal request form.",
    action=(
        "Keep the request form with the record and disclose only the minimum it needs: relevant, justified "
        "and no more ([[request-to-police-form]])."
    ),
    facts=("lawful_basis.exemption", "context.formal_request_form"),
    law=("DPA 2018 Schedule 2 Part 1 paragraph 2",),
)


crime_taxation_wrong_purpose = gated_rule(
    "lawful-basis.crime-and-taxation-wrong-purpose",
    law_regime="uk_gdpr",
    when={"lawful_basis.exemption": "crime_and_taxation", "purpose.code": _NOT_CRIME_PURPOSES},
    title="The crime and taxation exemption fits the purpose",
    effect=Effect.REFER,
    clauses=("compliant-requests", "police-request-form"),
    message=(
        "The crime and taxation exemption covers only preventing or detecting crime and apprehending or "
        "prosecuting offenders, and the stated purpose is none of these."
    ),
    action="Ask your Data Protection Officer which lawful route fits this purpose.",
    refer_to=DPO,
    facts=("lawful_basis.exemption", "purpose.code"),
    law=("DPA 2018 Schedule 2 Part 1 paragraph 2",),
)


article8_not_considered = gated_rule(
    "lawful-basis.article8-not-considered",
    when={"necessity.article8_considered": (False, None)},
    title="Privacy (Article 8) and confidentiality are weighed",
    effect=Effect.REFER,
    clauses=("request-to-police-form", "test-proportionate"),
    rests_on="test-proportionate",
    message=(
        "It is not recorded that the person's right to privacy (Article 8) and the common law duty of "
        "confidentiality were weighed against the public interest in sharing."
    ),
    action=(
        "Weigh the person's privacy against the reason for sharing and record the outcome; if unsure, ask "
        "your Designated Officer."
    ),
    refer_to=DESIGNATED_OFFICER,
    facts=("necessity.article8_considered",),
    law=("Human Rights Act 1998, Schedule 1, Article 8",),
    when_urgent=Effect.CONDITION,
    urgent_action="Share what is needed to protect life, and record the privacy balance afterwards.",
)


# -- which law applies: the dead, and law enforcement under DPA 2018 Part 3 (issue 15) -----------

about_the_dead = gated_rule(
    "lawful-basis.about-the-dead",
    when={"about_the_living": False},
    title="Information only about people who have died is outside data protection law, not confidentiality",
    effect=Effect.CONDITION,
    clauses=(
        "current-law",
        "lawful-sharing",
        "defined-purpose",
        "classification-levels",
        "test-need-to-know",
    ),
    message=(
        "Everyone the information is about has died. Information about the dead is not personal data, so "
        "the data protection rules (lawful basis and its conditions) do not apply; the duty of "
        "confidentiality, need to know and the protocol's rules on handling, onward sharing, "
        "investigations, evidence and meetings still do."
    ),
    action=(
        "Check that no living person (family members, the perpetrator or a suspect, witnesses) can be "
        "identified from it: if one can, it is their personal data, so list them and decide again. Share "
        "only what the review or purpose needs, and keep it confidential."
    ),
    facts=("subjects",),
    law=(
        "DPA 2018 s.3(2) (personal data is about a living individual)",
        "Domestic Violence, Crime and Victims Act 2004 s.9 (domestic homicide reviews)",
        "Home Office statutory guidance for domestic homicide reviews",
    ),
    interpretations=("deceased-not-personal-data",),
)


_LAW_ENFORCEMENT_PURPOSES = frozenset(
    {"detect_crime", "prevent_crime", "apprehend_offender", "prosecute_offender", "reduce_reoffending"}
)
_NOT_LAW_ENFORCEMENT_PURPOSES = tuple(p for p in VOCABULARY["purpose"] if p not in _LAW_ENFORCEMENT_PURPOSES)
_UNDER_UK_GDPR_NOW = (
    "Share what is needed to protect life, relying on vital interests, and afterwards ask your Data "
    "Protection Officer to confirm which law the share was made under."
)


@rule(
    "lawful-basis.law-enforcement-not-competent-authority",
    law_regime="law_enforcement",
    title="Part 3 (law enforcement) is used by a competent authority",
    effect=Effect.REFER,
    clauses=("current-law", "lawful-sharing", "police-request-form"),
    message=(
        "The share is said to be made under Part 3 of the Data Protection Act 2018 (law enforcement), which "
        "applies only to a competent authority (police, probation, prisons and the others the Act lists), "
        "and the disclosing organisation is not known to be one."
    ),
    action=(
        "Ask your Data Protection Officer whether your organisation is a competent authority for this "
        "function; if it is not, the share is made under the UK GDPR and needs its lawful basis and "
        "conditions."
    ),
    refer_to=DPO,
    facts=("lawful_basis.regime", "discloser.organisation", "discloser.kind"),
    law=("DPA 2018 s.30 and Schedule 7 (competent authorities)",),
    when_urgent=Effect.CONDITION,
    urgent_action=_UNDER_UK_GDPR_NOW,
    interpretations=("law-enforcement-competent-authority",),
    check_in_words=(
        "the disclosing organisation is not a police force, other police body, probation or prison"
    ),
)
def not_competent_authority(d: DisclosureView, f: Facts) -> bool:
    # The register's kind when the discloser is in it, otherwise the disclosure's (None: not known).
    kind = f.discloser.kind if f.discloser is not None else d.discloser.kind
    return kind not in COMPETENT_AUTHORITY_KINDS


law_enforcement_purpose = gated_rule(
    "lawful-basis.law-enforcement-purpose",
    law_regime="law_enforcement",
    when={"purpose.code": _NOT_LAW_ENFORCEMENT_PURPOSES},
    title="Part 3 (law enforcement) is used for a law enforcement purpose",
    effect=Effect.REFER,
    clauses=("statutory-purposes", "police-request-form"),
    message=(
        "The share is said to be made under Part 3 of the Data Protection Act 2018, but its purpose is not "
        "plainly a law enforcement purpose (preventing, investigating, detecting or prosecuting crime, or "
        "carrying out a sentence)."
    ),
    action=(
        "Ask your Data Protection Officer whether this purpose is a law enforcement purpose; if it is not, "
        "the share is made under the UK GDPR and needs its lawful basis and conditions."
    ),
    refer_to=DPO,
    facts=("lawful_basis.regime", "purpose.code"),
    law=("DPA 2018 s.31 (the law enforcement purposes)",),
    when_urgent=Effect.CONDITION,
    urgent_action=_UNDER_UK_GDPR_NOW,
    interpretations=("law-enforcement-purposes",),
)


_NOT_CONSENTED = (None, "refused", "withdrawn", "not_sought")
_PART3_SENSITIVE_FACTS = (
    "data.categories",
    "data.special_category_types",
    "lawful_basis.strictly_necessary",
    "lawful_basis.schedule8_condition",
    "consent.status",
)
_PART3_SENSITIVE_URGENT = (
    "Share what is needed to protect life (Schedule 8 paragraph 3, vital interests), and record afterwards "
    "why it was strictly necessary."
)

# Two rules rather than one with two variants, so that each missing condition is its own finding
# and the checklist asks for each (a question is asked when its answer changes the findings).
law_enforcement_not_strictly_necessary = gated_rule(
    "lawful-basis.law-enforcement-not-strictly-necessary",
    law_regime="law_enforcement",
    when={
        "special": True,
        "consent.status": _NOT_CONSENTED,
        "lawful_basis.strictly_necessary": (False, None),
    },
    title="Sensitive processing under Part 3 without consent is strictly necessary",
    effect=Effect.BLOCK,
    clauses=("sensitive-data", "lawful-sharing"),
    message=(
        "Special category data is to be shared under Part 3 of the Data Protection Act 2018 (sensitive "
        "processing) without the person's consent, and it is not recorded that it is strictly necessary for "
        "the law enforcement purpose, which Part 3 requires."
    ),
    action=(
        "Record why the special category details are strictly necessary for the law enforcement purpose "
        "(not merely useful), or leave those details out."
    ),
    facts=_PART3_SENSITIVE_FACTS,
    law=("DPA 2018 s.35(3) to (5) and (8)",),
    when_urgent=Effect.CONDITION,
    urgent_action=_PART3_SENSITIVE_URGENT,
    interpretations=("law-enforcement-sensitive-processing",),
)


law_enforcement_without_schedule8 = gated_rule(
    "lawful-basis.law-enforcement-without-schedule8",
    law_regime="law_enforcement",
    when={
        "special": True,
        "consent.status": _NOT_CONSENTED,
        "lawful_basis.schedule8_condition": None,
    },
    title="Sensitive processing under Part 3 without consent meets a Schedule 8 condition",
    effect=Effect.BLOCK,
    clauses=("sensitive-data", "lawful-sharing"),
    message=(
        "Special category data is to be shared under Part 3 of the Data Protection Act 2018 (sensitive "
        "processing) without the person's consent, and no Schedule 8 condition is named."
    ),
    action=(
        "Name the Schedule 8 condition that applies (for example statutory purposes, administration of "
        "justice, or safeguarding of children and individuals at risk), or leave the special category "
        "details out."
    ),
    facts=_PART3_SENSITIVE_FACTS,
    law=("DPA 2018 s.35(5)(b)", "DPA 2018 Schedule 8"),
    when_urgent=Effect.CONDITION,
    urgent_action=_PART3_SENSITIVE_URGENT,
    interpretations=("law-enforcement-sensitive-processing",),
)


law_enforcement_no_policy_document = gated_rule(
    "lawful-basis.law-enforcement-no-policy-document",
    law_regime="law_enforcement",
    when={"special": True, "lawful_basis.policy_document": (False, None)},
    title="Sensitive processing under Part 3 has an appropriate policy document",
    effect=Effect.BLOCK,
    clauses=("sensitive-data", "lawful-sharing"),
    message=(
        "Special category data is to be shared under Part 3 of the Data Protection Act 2018, and it is not "
        "recorded that an appropriate policy document is in place, which sensitive processing needs, with "
        "consent or without."
    ),
    action=(
        "Confirm with your Data Protection Officer that your organisation's appropriate policy document "
        "covers this processing, and record that it does, or leave the special category details out."
    ),
    facts=("data.categories", "data.special_category_types", "lawful_basis.policy_document"),
    law=("DPA 2018 s.35(4)(b) and (5)(c)", "DPA 2018 s.42"),
    when_urgent=Effect.CONDITION,
    urgent_action=(
        "Share what is needed to protect life, and confirm afterwards that the appropriate policy document "
        "covers it."
    ),
    interpretations=("law-enforcement-sensitive-processing",),
)


schedule1_part3_for_special_category = gated_rule(
    "lawful-basis.schedule1-part3-for-special-category",
    law_regime="uk_gdpr",
    when={
        "special": True,
        "lawful_basis.article9": "substantial_public_interest",
        "lawful_basis.schedule1_condition": SCHEDULE1_PART3_ONLY,
    },
    title="Special category data does not rest on a Schedule 1 condition meant for criminal offence data",
    effect=Effect.BLOCK,
    clauses=("sensitive-data", "lawful-sharing"),
    message=(
        "Substantial public interest is relied on for special category data, but the Schedule 1 condition "
        "named is one of Part 3 (consent, vital interests or legal claims), which serves criminal offence "
        "data only."
    ),
    action=(
        "Name a Part 2 condition for the special category details (for example preventing or detecting "
        "unlawful acts, or safeguarding of children and individuals at risk), or another Article 9 "
        "condition that fits, or leave those details out."
    ),
    facts=("lawful_basis.article9", "lawful_basis.schedule1_condition", "data.categories"),
    law=("DPA 2018 s.10(3) and (5)", "DPA 2018 Schedule 1 Parts 2 and 3"),
    when_urgent=Effect.CONDITION,
    urgent_action=_RECORD_BASIS_LATER,
    interpretations=("schedule1-part3-criminal-only",),
)


RULES = (
    about_the_dead,
    not_competent_authority,
    law_enforcement_purpose,
    law_enforcement_not_strictly_necessary,
    law_enforcement_without_schedule8,
    law_enforcement_no_policy_document,
    article6_missing,
    legitimate_interests_public_authority,
    legitimate_interests_unknown_discloser,
    legitimate_interests_assessment,
    consent_not_obtained,
    special_category_without_condition,
    vital_interests_person_could_consent,
    vital_interests_incapacity_not_recorded,
    spi_without_schedule1,
    schedule1_part3_for_special_category,
    criminal_offence_without_schedule1,
    offender_data_not_marked,
)
_AFTER_S115 = (
    no_gateway,
    crime_taxation_without_form,
    crime_taxation_with_form,
    crime_taxation_wrong_purpose,
    article8_not_considered,
)


@hookimpl
def ispcheck_rules(pack: Pack) -> Sequence[Rule]:
    return (*RULES, s115_rule(pack), *_AFTER_S115)
