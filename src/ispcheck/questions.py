"""The checklist's questions: each one sets facts of the disclosure contract, in plain words.

The order is the protocol's order of thinking (urgency, who, what, why, on what basis, consent,
necessity, accuracy, handling, special circumstances). Which of them are actually asked is decided
by the interview from the rules (see :mod:`ispcheck.interview`), not by this list.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

from .concepts import ConceptMap
from .kinds import KINDS
from .paths import get_path
from .vocabulary import LABELLED_BY_PACK

if TYPE_CHECKING:
    from .pack_model import Pack

__all__ = [
    "CONTRADICTIONS",
    "CORE",
    "ORGANISATION_KINDS",
    "QUESTIONS",
    "URGENT_CORE",
    "Choice",
    "Contradiction",
    "Question",
    "choice_key",
    "if_not_known",
    "question",
]

Kind = Literal["yesno", "choice", "multi", "flags", "text", "organisation", "subjects"]
Data = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Choice:
    """One answer an officer can pick, with what it means in plain words."""

    value: Any
    label: str
    explain: str = ""


@dataclass(frozen=True, slots=True)
class Question:
    """One question of the checklist.

    ``fields`` are the dotted contract paths the answer sets. For ``flags`` questions each choice's
    value is a field path: picked ones become true, the rest false. ``when`` says whether the
    question makes sense at all given the disclosure so far; ``depends_on`` lists the questions
    whose change clears this answer. ``none`` is the answer "none" in words ("none of these", "no
    limits"), where it is an answer of its own, distinct from "don't know": for ``flags`` it is no
    choice picked (an empty list), for ``text`` an empty text. Elsewhere it is None.
    ``enter_is_none`` says whether Enter on its own gives that answer: not where "none" would say
    a risk is absent (the circumstances, limits on consent), so that a careless Enter at 2am
    records "don't know", which the rules treat as not known to be absent, and "none" is typed.
    """

    id: str
    kind: Kind
    text: str
    why: str
    clauses: tuple[str, ...]
    fields: tuple[str, ...]
    choices: tuple[Choice, ...] = ()
    allow_unknown: bool = True
    appendix2: str | None = None
    when: Callable[[Data], bool] | None = None
    depends_on: tuple[str, ...] = field(default=())
    none: str | None = None
    enter_is_none: bool = True
    #: For a ``text`` question that sets a list: the answer is split on this into its items.
    separator: str | None = None
    #: For a ``text`` question that sets a count: the answer is a whole number, 0 or more.
    whole_number: bool = False

    def applies(self, data: Data) -> bool:
        return self.when is None or self.when(data)

    def read_by(self, pack: Pack) -> Question:
        """The question as one protocol reads it: its clause ids and words, its labels, its meetings.

        The choices of a contract vocabulary (purposes, lawful bases, classifications...) take the
        pack's labels for them, so that the checklist and the pack say the same thing; the meeting
        choices are the pack's own meetings, by the names it gives them, with "not in a meeting"
        and "another meeting the protocol does not list"; and where the pack's wording.toml words
        the question its own way, its words are used.
        """
        field = self.fields[0] if self.fields else ""
        choices = self.choices
        if field in _MEETING_FIELDS:
            choices = tuple(
                c if c.value in _NOT_A_LISTED_MEETING else replace(c, label=pack.settings[c.value].name)
                for c in choices
                if c.value in pack.settings or c.value in _NOT_A_LISTED_MEETING
            )
        labels = pack.vocabulary.get(LABELLED_BY_PACK.get(field, ""), {})
        if labels:
            choices = tuple(
                replace(c, label=labels[c.value].label) if c.value in labels else c for c in choices
            )
        # The pack's words for this very question come last, and its clauses are named in them.
        return replace(self, choices=choices).reworded(pack).worded_by(pack.concepts)

    def reworded(self, pack: Pack) -> Question:
        """The question with the pack's own words for it, where its wording.toml gives them."""
        words = pack.question_wording.get(self.id)
        if words is None:
            return self
        return replace(
            self,
            text=words.text or self.text,
            why=words.why or self.why,
            choices=tuple(
                replace(c, label=words.choices.get(choice_key(c.value), c.label)) for c in self.choices
            ),
        )

    def worded_by(self, concepts: ConceptMap) -> Question:
        """The question's words as one protocol reads them: its clause ids, and its words for them.

        Questions cite concepts (:mod:`ispcheck.concepts`). One the protocol does not set out is
        left out of the citation and of the words: the question is still asked, because its answer
        is a fact of the share whatever the protocol.
        """

        # The placeholders of questions are in brackets of their own, so a citation of a concept
        # the protocol lacks can be left out without the words depending on it.
        render = concepts.render_leniently
        return replace(
            self,
            text=render(self.text),
            why=render(self.why),
            clauses=concepts.cite(self.clauses),
            choices=tuple(replace(c, label=render(c.label), explain=render(c.explain)) for c in self.choices),
        )


def choice_key(value: Any) -> str:
    """A choice's value as wording.toml names it: the contract's code; "true" or "false"."""
    return str(value).lower() if isinstance(value, bool) else str(value)


#: The questions whose choices are meetings, and the choices that are not a meeting of the pack.
_MEETING_FIELDS = frozenset({"context.setting", "context.from_meeting"})
_NOT_A_LISTED_MEETING = frozenset({"outside_meeting", "none", "other_meeting"})


def _has_category(*names: str) -> Callable[[Data], bool]:
    return lambda data: any(n in (get_path(data, "data.categories") or ()) for n in names)


def _personal(data: Data) -> bool:
    return _has_category("personal", "special_category", "criminal_offence")(data)


def _equals(path: str, *values: Any) -> Callable[[Data], bool]:
    return lambda data: get_path(data, path) in values


#: Words in an organisation's name that suggest it may be a competent authority (only to decide
#: whether to ask which law applies; the rules decide from its kind).
_COMPETENT_WORDS = ("police", "probation", "prison", "hmp", "constabulary")
_COMPETENT_KINDS = ("police", "other_police", "probation", "prison")


def _may_be_competent_authority(data: Data) -> bool:
    """Personal data shared by an organisation that may be a competent authority (Part 3)."""
    if not _personal(data):
        return False
    if get_path(data, "discloser.kind") in _COMPETENT_KINDS:
        return True
    name = str(get_path(data, "discloser.organisation") or "").lower()
    return any(word in name for word in _COMPETENT_WORDS)


def _sensitive_under_part_3(data: Data) -> bool:
    return get_path(data, "lawful_basis.regime") == "law_enforcement" and _has_category("special_category")(
        data
    )


def _about_a_death(data: Data) -> bool:
    """People are listed, and the share is for a domestic homicide review."""
    return (
        bool(get_path(data, "subjects")) and get_path(data, "context.setting") == "domestic_homicide_review"
    )


YES_NO = (Choice(True, "Yes"), Choice(False, "No"))

ROLES = (
    Choice("victim", "a victim"),
    Choice("offender", "an offender"),
    Choice("suspect", "a suspect"),
    Choice("witness", "a witness"),
    Choice("vulnerable_person", "a vulnerable person", "cannot protect themselves from harm"),
    Choice("other", "someone else"),
)

CATEGORIES = (
    Choice("personal", "Personal details", "names, addresses, dates of birth, contact details"),
    Choice(
        "special_category",
        "Special category details",
        "health, ethnicity, religion, sexuality, politics, union membership, genetics, biometrics",
    ),
    Choice("criminal_offence", "Criminal offence details", "offences, allegations, convictions"),
    Choice("anonymised", "Anonymised information", "nobody can be identified from it"),
    Choice("aggregated", "Figures or statistics only", "counts and trends, no individuals"),
)

SPECIAL_TYPES = (
    Choice("health", "Health (physical or mental)"),
    Choice("race_or_ethnicity", "Race or ethnicity"),
    Choice("religious_beliefs", "Religious or philosophical beliefs"),
    Choice("sex_life_or_orientation", "Sex life or sexual orientation"),
    Choice("political_opinions", "Political opinions"),
    Choice("trade_union_membership", "Trade union membership"),
    Choice("genetic", "Genetic data"),
    Choice("biometric", "Biometric data (to identify someone)"),
)

PURPOSES = (
    Choice("prevent_crime", "Preventing crime or anti-social behaviour"),
    Choice("detect_crime", "Detecting crime or anti-social behaviour"),
    Choice("apprehend_offender", "Catching an offender"),
    Choice("prosecute_offender", "Prosecuting an offender"),
    Choice("safeguarding", "Safeguarding a victim, child or vulnerable person"),
    Choice("protect_life", "Protecting someone's life"),
    Choice("reduce_reoffending", "Reducing re-offending"),
    Choice("reduce_asb", "Reducing anti-social behaviour"),
    Choice("substance_misuse", "Tackling drug, alcohol or substance misuse"),
    Choice("serious_violence", "Preventing or reducing serious violence"),
    Choice("strategic_analysis", "Strategic analysis or planning", "usually needs no names"),
    Choice("other", "Something else", "outside the protocol's purposes: a DPO will need to decide"),
)

ARTICLE6 = (
    Choice(
        "public_task",
        "Public task",
        "your organisation's official job, set out in law (the usual basis for public bodies)",
    ),
    Choice("legal_obligation", "Legal obligation", "a law or court order requires you to share"),
    Choice("vital_interests", "Vital interests", "only to protect someone's life"),
    Choice("consent", "Consent", "the person has freely agreed to this share"),
    Choice("legitimate_interests", "Legitimate interests", "not for public bodies doing their job"),
    Choice("contract", "Contract", "needed for a contract with the person (rare here)"),
)

ARTICLE9 = (
    Choice(
        "substantial_public_interest",
        "Substantial public interest",
        "for example preventing crime or safeguarding; needs a Schedule 1 condition too",
    ),
    Choice("vital_interests", "Vital interests", "to protect life when the person cannot consent"),
    Choice("explicit_consent", "Explicit consent", "the person has clearly agreed, in words"),
    Choice("health_or_social_care", "Health or social care", "for care or treatment purposes"),
    Choice("legal_claims_or_courts", "Legal claims or courts", "for court proceedings or claims"),
)

SCHEDULE1 = (
    Choice(
        "preventing_or_detecting_unlawful_acts",
        "Preventing or detecting unlawful acts",
        "the usual condition for crime and disorder work",
    ),
    Choice(
        "safeguarding_children_and_individuals_at_risk",
        "Safeguarding children and individuals at risk",
        "protecting a child or an adult at risk from harm",
    ),
    Choice(
        "statutory_and_government_purposes",
        "Statutory and government purposes",
        "a statute gives your organisation this function",
    ),
    Choice("administration_of_justice", "Administration of justice", "for the courts or justice"),
    Choice(
        "protecting_the_public",
        "Protecting the public",
        "against dishonesty, malpractice or other seriously improper conduct",
    ),
    Choice("preventing_fraud", "Preventing fraud", "as or through an anti-fraud organisation"),
    Choice("counselling", "Counselling, advice or support", "a confidential support service"),
    Choice("consent_criminal_offence", "Consent", "criminal offence details only, not special category"),
    Choice(
        "vital_interests_criminal_offence",
        "Vital interests",
        "criminal offence details only, when the person cannot consent",
    ),
    Choice("legal_claims", "Legal claims", "criminal offence details only: court cases or legal advice"),
)

REGIMES = (
    Choice("uk_gdpr", "UK GDPR", "the usual law for partnership sharing"),
    Choice(
        "law_enforcement",
        "Law enforcement (Data Protection Act 2018 Part 3)",
        "police, probation or prisons preventing, investigating, detecting or prosecuting crime",
    ),
)

SCHEDULE8 = (
    Choice(
        "statutory_purposes",
        "Statutory purposes",
        "a function given by law, in the substantial public interest",
    ),
    Choice("administration_of_justice", "Administration of justice", "for the courts or justice"),
    Choice("protecting_individuals_vital_interests", "Vital interests", "to protect someone's life"),
    Choice(
        "safeguarding_children_and_individuals_at_risk",
        "Safeguarding children and individuals at risk",
        "protecting a child or an adult at risk from harm",
    ),
    Choice("personal_data_in_public_domain", "Already public", "the person made it public themselves"),
    Choice("legal_claims", "Legal claims", "court cases or legal advice"),
    Choice("judicial_acts", "Judicial acts", "a court or tribunal acting as one"),
    Choice("preventing_fraud", "Preventing fraud", "as or through an anti-fraud organisation"),
    Choice("archiving", "Archiving, research or statistics", "in the public interest"),
)

GATEWAYS = (
    Choice(
        "crime_and_disorder_act_s115",
        "Crime and Disorder Act 1998, section 115",
        "a power to share with police, councils, probation and integrated care boards",
    ),
    Choice("children_act", "Children Act 1989 / 2004", "safeguarding and promoting children's welfare"),
    Choice("care_act", "Care Act 2014", "safeguarding adults"),
    Choice("other_statute", "Another Act (see [[legal-bases]])"),
    Choice("common_law", "Common law powers", "for example the police's common law powers"),
)

CLASSIFICATIONS = (
    Choice("OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE", "need-to-know; harmful if lost"),
    Choice("OFFICIAL", "OFFICIAL", "routine business"),
    Choice("SECRET", "SECRET", "compromise would threaten life or safety"),
    Choice("TOP SECRET", "TOP SECRET", "national security"),
)

CHANNELS = (
    Choice("secure_email", "Secure email"),
    Choice("secure_case_system", "A shared secure case system", "for example ECINS"),
    Choice("encrypted_attachment", "Email with a password-protected attachment"),
    Choice("in_meeting", "Spoken or shown in a meeting"),
    Choice("phone", "Phone"),
    Choice("standard_email", "Ordinary email"),
    Choice("courier", "Courier"),
    Choice("post", "Post"),
    Choice("in_person", "Told in person, not at a meeting"),
    Choice("messaging_app", "A messaging app", "WhatsApp, Signal, text message"),
    Choice("personal_device", "A personal phone, email account or device"),
)

SETTINGS = (
    Choice("outside_meeting", "Not in a meeting"),
    Choice("marac", "MARAC", "domestic abuse risk conference"),
    Choice("mappa", "MAPPA meeting", "public protection arrangements"),
    Choice("iom_case_conference", "IOM case conference", "integrated offender management"),
    Choice("early_help_panel", "Early Help Locality Panel"),
    Choice("channel_panel", "Channel Panel"),
    Choice("socjag", "SOCJAG", "serious and organised crime joint action group"),
    Choice("case_management_meeting", "ASB, youth, victim or other case management meeting"),
    Choice("vulnerability_meeting", "Vulnerability meeting"),
    Choice("problem_solving_meeting", "Partnership problem solving meeting"),
    Choice("community_impact_group", "Community Impact Operational Group"),
    Choice("hate_crime_meeting", "Hate Crime meeting"),
    Choice("domestic_homicide_review", "Domestic Homicide Review Panel"),
    Choice("csp_meeting", "Community Safety Partnership meeting"),
    Choice(
        "other_meeting",
        "Another meeting the protocol does not list",
        "for example a section 47 strategy discussion: you will be asked its name",
    ),
)

#: The meetings: every setting but "not in a meeting".
MEETINGS = tuple(c.value for c in SETTINGS if c.value != "outside_meeting")

EVIDENCE_USERS = (
    Choice("recipient", "The organisation receiving it", "a partner asking you, the data owner"),
    Choice(
        "discloser",
        "Your organisation",
        "you are serving your own evidence in proceedings, under the court rules",
    ),
)

REQUEST_FORM = (
    Choice(True, "Yes"),
    Choice(False, "No"),
    Choice(
        "not_applicable",
        "Not applicable",
        "only when your organisation serves its own evidence: nobody asks you for it",
    ),
)

CONSENT = (
    Choice("obtained", "Yes, they agreed"),
    Choice("not_sought", "Not asked", "you will be asked why"),
    Choice("refused", "They refused"),
    Choice("withdrawn", "They agreed, then withdrew"),
)

#: Kinds of organisation (ispcheck.kinds), asked about an organisation the register does not have.
ORGANISATION_KINDS = tuple(Choice(k.code, k.label, k.hint) for k in KINDS.values())

_NOT_ANONYMOUS = _personal


def question(
    id: str,
    kind: Kind,
    text: str,
    why: str,
    clauses: tuple[str, ...],
    fields: tuple[str, ...] | None = None,
    **options: Any,
) -> Question:
    return Question(id, kind, text, why, clauses, fields or (id,), **options)


QUESTIONS: tuple[Question, ...] = (
    question(
        "context.urgent_risk_to_life",
        "yesno",
        "Is anyone at urgent risk of death or serious harm right now?",
        "If so, the law lets you share what is needed to protect life now and record it afterwards.",
        ("police-request-form",),
        choices=YES_NO,
    ),
    question(
        "discloser.organisation",
        "organisation",
        "Which organisation is sharing the information?",
        "Only organisations that have signed the protocol are covered by it.",
        ("signing-up", "board-signatories", "additional-signatories"),
        allow_unknown=False,
    ),
    question(
        "recipient.organisation",
        "organisation",
        "Which organisation will receive it?",
        "An organisation that has not signed needs a confidentiality agreement first.",
        ("non-signatories", "board-signatories", "additional-signatories"),
        allow_unknown=False,
    ),
    # Asked only when the answer could change the decision, which is only when the organisation is
    # not in the partner register (the register's kind is used when it is).
    question(
        "discloser.kind",
        "choice",
        "What kind of organisation is sharing it?",
        "It is not in the partner register, and a public body (a police force, a council...) cannot rely on "
        "legitimate interests: its kind says whether it is one.",
        ("lawful-sharing",),
        choices=ORGANISATION_KINDS,
        depends_on=("discloser.organisation",),
    ),
    question(
        "recipient.kind",
        "choice",
        "What kind of organisation will receive it? (or is it a private person?)",
        "It is not in the partner register. Section 115 of the Crime and Disorder Act 1998 is a power to "
        "share only with a relevant authority (police, councils, probation, integrated care boards...), "
        "signed up or not: its kind says whether it is one. A member of the public is outside this "
        "protocol.",
        ("responsible-authorities", "partners-required", "powers-to-share", "protocol-scope"),
        choices=ORGANISATION_KINDS,
        depends_on=("recipient.organisation",),
    ),
    question(
        "recipient.is_data_subject",
        "yesno",
        "Is the recipient the person the information is about, getting their own information?",
        "A person's own information is their right of access; telling a member of the public about someone "
        "else goes through a scheme such as Clare's Law, not this protocol.",
        ("protocol-scope", "information-rights"),
        choices=YES_NO,
        when=_equals("recipient.kind", "private_individual"),
        depends_on=("recipient.kind", "recipient.organisation"),
    ),
    question(
        "data.categories",
        "multi",
        "What kind of information is it? (pick all that apply)",
        "Sensitive kinds of information need extra legal conditions.",
        ("sensitive-data", "anonymise-where-possible"),
        choices=CATEGORIES,
        allow_unknown=False,
    ),
    question(
        "data.smallest_count",
        "text",
        "What is the smallest number in any cell of the figures? (a whole number)",
        "A very small count (1 or 2 for a ward) can point to a particular person.",
        ("anonymise-where-possible",),
        whole_number=True,
        when=lambda d: not _personal(d) and _has_category("anonymised", "aggregated")(d),
        depends_on=("data.categories",),
    ),
    question(
        "subjects",
        "subjects",
        "Who is the information about? (pick all that apply)",
        "Victims, children and vulnerable people need extra protection.",
        ("shared-content", "test-why-wanted"),
        choices=ROLES,
        when=_NOT_ANONYMOUS,
    ),
    question(
        "subjects.deceased",
        "yesno",
        "Has everyone the information is about died?",
        "Information only about the dead is not personal data, though it stays confidential. Answer no if a "
        "living person (family, a suspect, a witness) can be identified from it.",
        ("lawful-sharing", "test-need-to-know"),
        choices=YES_NO,
        when=_about_a_death,
        depends_on=("subjects", "context.setting"),
    ),
    question(
        "data.special_category_types",
        "multi",
        "Which special category details are included?",
        "Each must be necessary for the purpose.",
        ("sensitive-data", "test-proportionate"),
        choices=SPECIAL_TYPES,
        when=_has_category("special_category"),
        depends_on=("data.categories",),
    ),
    question(
        "purpose.code",
        "choice",
        "What is the information for?",
        "Sharing needs a lawful, defined purpose.",
        ("statutory-purposes", "defined-purpose", "test-why-wanted"),
        choices=PURPOSES,
        allow_unknown=False,
        appendix2="test-why-wanted",
    ),
    question(
        "purpose.statement",
        "text",
        "In a sentence, why does it need to be shared?",
        "The purpose must be written down.",
        ("defined-purpose", "test-why-wanted"),
        when=_NOT_ANONYMOUS,
    ),
    question(
        "handling.classification",
        "choice",
        "How is the information marked?",
        "The marking tells the recipient how to protect it.",
        ("security-classifications", "classification-levels"),
        choices=CLASSIFICATIONS,
        allow_unknown=False,
    ),
    question(
        "handling.channel",
        "choice",
        "How will it be sent?",
        "Personal data must travel by a secure route.",
        ("secure-handling", "test-secure"),
        choices=CHANNELS,
        allow_unknown=False,
        appendix2="test-secure",
    ),
    question(
        "context.setting",
        "choice",
        "Is it being shared in a meeting?",
        "Each meeting has its own confidentiality declaration.",
        ("settings-covered", "chair-sets-confidentiality"),
        choices=SETTINGS,
        allow_unknown=False,
        # The urgent path assumes "not in a meeting" and does not ask, unless the officer says the
        # information will be spoken or shown in one: then which meeting is asked.
        when=lambda d: (
            get_path(d, "context.urgent_risk_to_life") is not True
            or get_path(d, "handling.channel") == "in_meeting"
        ),
    ),
    question(
        "lawful_basis.article6",
        "choice",
        "What is the lawful basis for sharing?",
        "Every share of personal data needs an Article 6 basis.",
        ("lawful-sharing", "without-consent"),
        choices=ARTICLE6,
        when=_NOT_ANONYMOUS,
    ),
    question(
        "lawful_basis.article9",
        "choice",
        "What is the condition for sharing the special category details?",
        "Special category data needs an Article 9 condition as well.",
        ("sensitive-data", "lawful-sharing"),
        choices=ARTICLE9,
        when=_has_category("special_category"),
        depends_on=("data.categories",),
    ),
    question(
        "lawful_basis.schedule1_condition",
        "choice",
        "Which Data Protection Act Schedule 1 condition applies?",
        "Needed for criminal offence data and for substantial public interest.",
        ("sensitive-data", "lawful-sharing"),
        choices=SCHEDULE1,
        when=lambda d: (
            _has_category("criminal_offence")(d)
            or get_path(d, "lawful_basis.article9") == "substantial_public_interest"
        ),
        depends_on=("data.categories", "lawful_basis.article9"),
    ),
    question(
        "lawful_basis.gateway",
        "choice",
        "Which law gives your organisation the power to share?",
        "The protocol lists the Acts that allow sharing ([[legal-bases]]).",
        ("powers-to-share", "legal-bases"),
        choices=GATEWAYS,
        when=_NOT_ANONYMOUS,
    ),
    question(
        "lawful_basis.regime",
        "choice",
        "Which data protection law is this shared under?",
        "Police, probation and prisons sharing to prevent, investigate, detect or prosecute crime work "
        "under Part 3 of the Data Protection Act 2018, with its own conditions; otherwise it is the UK "
        "GDPR.",
        ("current-law", "lawful-sharing", "police-request-form"),
        choices=REGIMES,
        when=_may_be_competent_authority,
        depends_on=("discloser.organisation", "data.categories"),
    ),
    question(
        "lawful_basis.strictly_necessary",
        "yesno",
        "Are the special category details strictly necessary for the law enforcement purpose?",
        "Under Part 3, sensitive details need more than necessary: strictly necessary.",
        ("sensitive-data", "lawful-sharing"),
        choices=YES_NO,
        when=_sensitive_under_part_3,
        depends_on=("lawful_basis.regime", "data.categories"),
    ),
    question(
        "lawful_basis.schedule8_condition",
        "choice",
        "Which Data Protection Act Schedule 8 condition applies?",
        "Under Part 3, sensitive details need a Schedule 8 condition, unless the person consented.",
        ("sensitive-data", "lawful-sharing"),
        choices=SCHEDULE8,
        when=_sensitive_under_part_3,
        depends_on=("lawful_basis.regime", "data.categories"),
    ),
    question(
        "lawful_basis.policy_document",
        "yesno",
        "Does your organisation's appropriate policy document cover this processing?",
        "Under Part 3, sensitive details may be shared only with an appropriate policy document.",
        ("sensitive-data", "lawful-sharing"),
        choices=YES_NO,
        when=_sensitive_under_part_3,
        depends_on=("lawful_basis.regime", "data.categories"),
    ),
    question(
        "consent.status",
        "choice",
        "Has the person agreed to this share?",
        "Where it is safe and possible, people should be asked.",
        ("seek-agreement", "test-consent"),
        choices=CONSENT,
        appendix2="test-consent",
        when=_NOT_ANONYMOUS,
    ),
    question(
        "consent.reason_not_sought",
        "text",
        "Why was the person not asked?",
        "If consent is not sought, the reason must be recorded.",
        ("seek-agreement", "test-without-consent"),
        appendix2="test-without-consent",
        when=_equals("consent.status", "not_sought", None),
        depends_on=("consent.status",),
    ),
    question(
        "consent.recorded",
        "yesno",
        "Is their agreement recorded (on file or a consent form)?",
        "Consent must be recorded.",
        ("test-consent",),
        choices=YES_NO,
        when=_equals("consent.status", "obtained"),
        depends_on=("consent.status",),
    ),
    question(
        "consent.restrictions",
        "text",
        "Did they put any limits on sharing? (describe them)",
        "The share must stay within any limits.",
        ("test-consent",),
        none="no limits",
        enter_is_none=False,
        when=_equals("consent.status", "obtained"),
        depends_on=("consent.status",),
    ),
    question(
        "consent.within_restrictions",
        "yesno",
        "Does this share stay within those limits?",
        "A share beyond the limits of consent needs another basis.",
        ("test-consent", "purpose-limitation"),
        choices=YES_NO,
        when=lambda d: bool(get_path(d, "consent.restrictions")),
        depends_on=("consent.restrictions", "consent.status"),
    ),
    question(
        "necessity.statement",
        "text",
        "Why is this information necessary for that purpose?",
        "The request form asks why the information is necessary ([[police-request-form]]).",
        ("police-request-form", "test-need-to-know"),
        when=_NOT_ANONYMOUS,
    ),
    question(
        "necessity.makes_a_difference",
        "yesno",
        "Will sharing make a real difference to the service or the outcome for the person?",
        "No difference means no need to know.",
        ("test-need-to-know",),
        choices=YES_NO,
        appendix2="test-need-to-know",
        when=_NOT_ANONYMOUS,
    ),
    question(
        "proportionality",
        "flags",
        "Which of these have you considered? (pick all that apply)",
        "Sharing must be proportionate.",
        ("test-proportionate",),
        fields=(
            "necessity.less_data_considered",
            "necessity.alternatives_considered",
            "necessity.impact_considered",
            "necessity.article8_considered",
        ),
        choices=(
            Choice("necessity.less_data_considered", "Whether less information would do"),
            Choice("necessity.alternatives_considered", "Whether another way would work as well"),
            Choice("necessity.impact_considered", "The likely impact on the person"),
            Choice(
                "necessity.article8_considered",
                "Their right to privacy against the reason for sharing",
            ),
        ),
        appendix2="test-proportionate",
        none="none of these",
        when=_NOT_ANONYMOUS,
    ),
    question(
        "necessity.sensitive_data_necessary",
        "yesno",
        "Are the sensitive details themselves needed for the purpose?",
        "Special category and offence details must be necessary, not just convenient.",
        ("test-proportionate",),
        choices=YES_NO,
        when=_has_category("special_category", "criminal_offence"),
        depends_on=("data.categories",),
    ),
    question(
        "accuracy",
        "flags",
        "Which of these have you done? (pick all that apply)",
        "Information merged from several agencies must be about the right person.",
        ("test-accurate",),
        fields=("accuracy.identity_verified", "accuracy.fact_and_opinion_distinguished"),
        choices=(
            Choice("accuracy.identity_verified", "Checked name, date of birth and address"),
            Choice("accuracy.fact_and_opinion_distinguished", "Kept fact apart from opinion"),
        ),
        appendix2="test-accurate",
        none="none of these",
        when=_NOT_ANONYMOUS,
    ),
    question(
        "handling.distribution",
        "choice",
        "Does the same message go to anyone else?",
        "Everyone on a message gets the details; people in the To or Cc line see who else was told.",
        ("secure-handling", "classification-levels", "test-secure"),
        choices=(
            Choice("one", "No, to this recipient only"),
            Choice(
                "several_hidden", "Yes, but they cannot see one another", "blind copies, or one message each"
            ),
            Choice("several_visible", "Yes, and they can see one another", "all in To or Cc, or a group"),
        ),
        # In a meeting, its declaration governs who hears it.
        when=lambda d: _personal(d) and get_path(d, "handling.channel") != "in_meeting",
        depends_on=("handling.channel",),
    ),
    question(
        "recipient.other_recipients",
        "text",
        "Who else gets the same message? (names of the organisations or people, separated by ;)",
        "Each of them must need to know, and have signed the protocol or its confidentiality agreement "
        "([[generic-declaration]]).",
        ("classification-levels", "non-signatories", "generic-declaration"),
        none="nobody else",
        enter_is_none=False,
        separator=";",
        when=_equals("handling.distribution", "several_hidden", "several_visible"),
        depends_on=("handling.distribution",),
    ),
    question(
        "recipient.has_secure_email",
        "yesno",
        "Is the recipient's email address on a secure system?",
        "If not, the information must be encrypted with a password.",
        ("secure-handling", "generic-declaration"),
        choices=YES_NO,
        when=_equals("handling.channel", "secure_email"),
        depends_on=("handling.channel",),
    ),
    question(
        "circumstances",
        "flags",
        "Do any of these apply? (pick all that apply; any you leave out count as no)",
        "Each brings its own safeguard.",
        (
            "ongoing-investigations",
            "profiling",
            "compliant-requests",
            "test-secondary-disclosure",
            "transfers-abroad",
        ),
        fields=(
            "context.secondary_disclosure",
            "context.ongoing_investigation",
            "context.evidential_use",
            "context.profiling",
            "context.profiling_children",
            "context.transfer_outside_uk",
        ),
        choices=(
            Choice("context.secondary_disclosure", "It came to you from another organisation"),
            Choice("context.ongoing_investigation", "It relates to a live investigation or case"),
            Choice("context.evidential_use", "It is wanted as evidence"),
            Choice("context.profiling", "It could build a profile of people (adults or children)"),
            Choice("context.profiling_children", "It could build a profile of children"),
            Choice("context.transfer_outside_uk", "It will go outside the UK"),
        ),
        none="none of these",
        enter_is_none=False,
        when=_NOT_ANONYMOUS,
    ),
    question(
        "context.originator_agreed",
        "yesno",
        "Has the organisation it came from agreed to it being passed on?",
        "Check with the originator before a secondary disclosure.",
        ("test-secondary-disclosure", "purpose-limitation"),
        choices=YES_NO,
        appendix2="test-secondary-disclosure",
        when=_equals("context.secondary_disclosure", True),
        depends_on=("circumstances",),
    ),
    question(
        "context.investigating_officer_consulted",
        "yesno",
        "Have the investigating officer and the CPS been consulted?",
        "A live case is sub judice: sharing must not prejudice it.",
        ("ongoing-investigations",),
        choices=YES_NO,
        when=_equals("context.ongoing_investigation", True),
        depends_on=("circumstances",),
    ),
    question(
        "context.evidence_used_by",
        "choice",
        "Who wants to use it as evidence?",
        "A partner wanting evidence asks the data owner on the protocol's request form ([[request-forms]]); "
        "an organisation serving its own evidence in proceedings follows the court rules instead.",
        ("compliant-requests", "request-to-police-form", "police-request-form"),
        choices=EVIDENCE_USERS,
        when=_equals("context.evidential_use", True),
        depends_on=("circumstances",),
    ),
    question(
        "context.formal_request_form",
        "choice",
        "Has a formal request been made on the protocol's request form ([[request-forms]])?",
        "Evidence and the crime and taxation exemption need a formal request. It is not applicable only "
        "when your organisation serves its own evidence.",
        ("compliant-requests", "request-to-police-form", "police-request-form"),
        choices=REQUEST_FORM,
        when=lambda d: (
            get_path(d, "context.evidential_use") is True or get_path(d, "lawful_basis.exemption") is not None
        ),
        depends_on=("circumstances", "context.evidence_used_by"),
    ),
    question(
        "context.from_meeting",
        "choice",
        "Was this information first shared at a meeting? Which?",
        "Some meetings forbid passing information on without the chair's agreement.",
        ("mappa-declaration", "iom-declaration", "early-help-declaration", "channel-declaration"),
        choices=(Choice("none", "No, not at a meeting"), *SETTINGS[1:]),
        when=_equals("context.secondary_disclosure", True),
        depends_on=("circumstances",),
    ),
    question(
        "context.chair_agreed",
        "yesno",
        "Has the chair of that meeting agreed to it being shared outside the meeting?",
        "At some meetings (MAPPA, IOM) only the chair's agreement lets information leave it; the agreement "
        "must be recorded.",
        ("mappa-declaration", "iom-declaration", "purpose-limitation"),
        choices=YES_NO,
        when=lambda d: get_path(d, "context.from_meeting") in MEETINGS,
        depends_on=("context.from_meeting",),
    ),
    question(
        "context.meeting_name",
        "text",
        "What is the meeting called?",
        "The protocol does not list it ([[settings-covered]]): its name goes on the record and on the "
        "generic sign-in sheet ([[generic-declaration]]).",
        ("meeting-appendices", "settings-covered", "generic-declaration"),
        when=lambda d: (
            get_path(d, "context.setting") == "other_meeting"
            or get_path(d, "context.from_meeting") == "other_meeting"
        ),
        depends_on=("context.setting", "context.from_meeting"),
    ),
)

_BY_ID = {q.id: q for q in QUESTIONS}

#: Asked in every checklist (they are required, or shape everything after them).
CORE = (
    "context.urgent_risk_to_life",
    "discloser.organisation",
    "recipient.organisation",
    "data.categories",
    "subjects",
    "data.special_category_types",
    "purpose.code",
    "purpose.statement",
    "handling.classification",
    "handling.channel",
    "context.setting",
    "subjects.deceased",  # only for a domestic homicide review (its ``when``)
)

#: The short path when life is at risk: only what is needed to share safely now.
URGENT_CORE = (
    "context.urgent_risk_to_life",
    "discloser.organisation",
    "recipient.organisation",
    "data.categories",
    "subjects",
    "purpose.statement",
    "handling.channel",
    "context.setting",  # only when it is to be spoken or shown in a meeting (its ``when``)
)


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Two answers that cannot both be true; the checklist refuses the later of the two."""

    first: tuple[str, Any]
    second: tuple[str, Any]
    #: What to answer instead, where the officer may have meant something else.
    hint: str = ""


#: Answers that contradict each other, as (question id, answer) pairs. Either may be given first
#: (going back or the review screen can change the earlier one).
CONTRADICTIONS: tuple[Contradiction, ...] = (
    Contradiction(("handling.channel", "in_meeting"), ("context.setting", "outside_meeting")),
    # Told in person is outside a meeting; at a meeting it is "spoken or shown in a meeting".
    *(
        Contradiction(
            ("handling.channel", "in_person"),
            ("context.setting", meeting),
            hint='If it is said at the meeting, pick "Spoken or shown in a meeting" for how it is sent.',
        )
        for meeting in MEETINGS
    ),
)


def by_id(question_id: str) -> Question:
    return _BY_ID[question_id]


def if_not_known(question: Question) -> str | None:
    """What answering "don't know" means for this question's facts, from their kind, or None.

    Every fact the question sets is classed (:mod:`ispcheck.fact_kinds`); where they are all of
    one kind, the officer is told what not knowing will do, before choosing to say so.
    """
    from .fact_kinds import fact_kinds

    if not question.allow_unknown:
        return None
    classed = fact_kinds()
    paths = ("subjects.is_child",) if question.kind == "subjects" else question.fields
    facts = [classed[p] for p in paths if p in classed and classed[p].null_means is None]
    said = {f.if_not_known for f in facts if f.if_not_known}
    if len(facts) == 1 and said:  # the fact's own words, where its kind alone says too little
        return said.pop().replace("If it is not known", "If you don't know")
    kinds = {f.kind for f in facts}
    if len(kinds) != 1:
        return None
    (kind,) = kinds
    return _DONT_KNOW[kind.value]


#: What "don't know" means to the officer, by the kind of fact asked about (``fact_kinds``).
_DONT_KNOW = {
    "safeguard": "If you don't know, it is treated as not in place.",
    "risk": (
        "If you don't know, it is not taken as a no: the decision will say what to confirm before anything "
        "is shared."
    ),
    "relaxation": "If you don't know, it is treated as no.",
}
