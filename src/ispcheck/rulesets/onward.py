"""Onward and secondary disclosure: the originator's say, and what leaves a meeting (7.3, A2 Q5, A4-A9)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..decision import Effect, Finding
from ..gates import FACT_DOMAINS
from ..hookspecs import hookimpl
from ..pack import Pack, SettingInfo
from ..roles import CHAIR, CHIEF_OFFICER_OF_POLICE, DESIGNATED_OFFICERS, ORIGINATOR
from ..rule import Rule, Variant, gated_rule
from ..vocabulary import VOCABULARY

originator_not_asked = gated_rule(
    "onward.originator-not-asked",
    when={"context.originator_agreed": None, "came_from_elsewhere": True},
    title="The originator agrees to secondary disclosure",
    effect=Effect.REFER,
    clauses=("test-secondary-disclosure", "purpose-limitation"),
    message=(
        "The information came from another organisation or person, and it is not recorded that they agreed "
        "to it being passed on."
    ),
    action=("Ask the originator before sharing; they may know of risks or limits on reuse."),
    refer_to=ORIGINATOR,
    facts=("context.secondary_disclosure", "context.originator_agreed", "data.originator"),
    when_urgent=Effect.CONDITION,
    urgent_action="Share what is needed to protect life, and tell the originator as soon as you can.",
    interpretations=("came-from-elsewhere-worked-out",),
)


#: Any Article 6 basis given, other than a legal obligation.
_OTHER_BASES = tuple(b for b in VOCABULARY["article6"] if b != "legal_obligation")

_refused_template = gated_rule(
    "onward.originator-refused",
    when={"context.originator_agreed": False, "came_from_elsewhere": True},
    title="No onward sharing against the originator's wishes without a lawful basis",
    effect=Effect.BLOCK,
    clauses=("purpose-limitation", "test-secondary-disclosure", "disputes"),
    message=(
        "The originator of the information has not agreed to it being passed on, and no lawful basis for "
        "sharing it anyway is given ([[purpose-limitation]])."
    ),
    action=(
        "Do not pass it on. If a legal obligation or another lawful basis requires or allows the share, "
        "record it as the lawful basis, and the disagreement goes to the Designated Officers ([[disputes]])."
    ),
    facts=("context.originator_agreed", "lawful_basis.article6"),
    when_urgent=Effect.CONDITION,
    urgent_action=(
        "Share only what is needed to protect life (vital interests is a lawful basis under "
        "[[purpose-limitation]]), and tell the originator as soon as you can."
    ),
    interpretations=("came-from-elsewhere-worked-out",),
)

#: With a lawful basis other than a legal obligation, whether it overrides the originator's
#: refusal is a disagreement between partners, for the Designated Officers (8.2).
_REFUSED_WITH_OTHER_BASIS = _refused_template.variant(
    effect=Effect.REFER,
    message=(
        "The originator of the information has not agreed to it being passed on. [[purpose-limitation]] "
        "allows sharing over their objection where a legal obligation or other lawful basis applies; "
        "whether the basis given does is for the Designated Officers to resolve ([[disputes]])."
    ),
    action=(
        "Do not pass it on yet: ask your Designated Officer to resolve it with the originator's Designated "
        "Officer, and record the outcome and the basis relied on."
    ),
    refer_to=DESIGNATED_OFFICERS,
    interpretations=("originator-refusal-refers",),
)

originator_refused = replace(
    _refused_template,
    variants=(
        Variant.of({"lawful_basis.article6": None}),
        Variant.of(
            {"lawful_basis.article6": _OTHER_BASES},
            _REFUSED_WITH_OTHER_BASIS,
            _refused_template.urgent_finding,
        ),
    ),
)


legal_obligation_overrides_originator = gated_rule(
    "onward.legal-obligation-overrides-originator",
    when={
        "context.originator_agreed": False,
        "lawful_basis.article6": "legal_obligation",
        "came_from_elsewhere": True,
    },
    title="A legal obligation to share over the originator's objection is recorded",
    effect=Effect.CONDITION,
    clauses=("purpose-limitation",),
    message=(
        "The originator has not agreed, but a legal obligation to share is relied on, which "
        "[[purpose-limitation]] allows."
    ),
    action="Record the legal obligation that requires the share, and tell the originator.",
    facts=("context.originator_agreed", "lawful_basis.article6"),
    interpretations=("came-from-elsewhere-worked-out",),
)


#: Why the chair's agreement is to be recorded: the controller must be able to show it.
_RECORD_THE_AGREEMENT = ("UK GDPR Article 5(2) (accountability)",)


def _meeting_variants(
    template: Rule, setting: SettingInfo, chair_agreed: bool, declaration: str
) -> tuple[Finding, Finding]:
    """The finding, and its urgent form, for information leaving ``setting``, citing its statute.

    ``declaration`` is the setting's declaration as the protocol's text names it ("Appendix 5").
    """
    normal, urgent = _meeting_findings(template, setting, chair_agreed, declaration)
    if not setting.onward_sharing_law:
        return normal, urgent
    law = (*normal.law, *setting.onward_sharing_law)
    return replace(normal, law=law), replace(urgent, law=law)


def _meeting_findings(
    template: Rule, setting: SettingInfo, chair_agreed: bool, declaration: str
) -> tuple[Finding, Finding]:
    """The finding, and its urgent form, for information leaving ``setting``.

    ``chair_agreed``: the chair's agreement to it leaving is recorded. It lets the information go
    further (on a record of it) only where the chair is the one who decides for that meeting; at
    any other meeting it changes nothing, and the finding says so.
    """
    clauses = (setting.declaration, "purpose-limitation")
    read = (setting.onward_sharing_reading,) if setting.onward_sharing_reading else ()
    chair_reading = ("chair-agreement-recorded",) if chair_agreed else ()
    if setting.onward_sharing == "lawful_basis":
        not_the_test = (
            f" The chair's agreement is recorded, but {declaration} does not make it the test: only a lawful "
            "basis lets the information go further."
            if chair_agreed
            else ""
        )
        advice = template.variant(
            effect=Effect.ADVICE,
            clauses=clauses,
            message=(
                f"This information was shared at a {setting.name}. It may go further only where there is a "
                f"lawful basis to do so ({declaration}).{not_the_test}"
            ),
            interpretations=(*read, *chair_reading),
        )
        return advice, advice
    by_chair = setting.onward_sharing == "chair"
    if by_chair and chair_agreed:
        agreed = template.variant(
            effect=Effect.CONDITION,
            clauses=clauses,
            message=(
                f"This information comes from a {setting.name}. Under {declaration} it may leave the meeting "
                "only with the chair's agreement, which is recorded as given."
            ),
            action=(
                "Record who agreed, when, and what they agreed could be shared, and share only that, on a "
                "need-to-know basis."
            ),
            refer_to=None,
            interpretations=(*read, *chair_reading),
        )
        agreed = replace(agreed, law=(*agreed.law, *_RECORD_THE_AGREEMENT))
        return agreed, agreed
    who = CHAIR if by_chair else CHIEF_OFFICER_OF_POLICE
    agreement = "the chair's agreement" if by_chair else "written sanction from the Chief Officer of Police"
    not_the_chair = (
        f" The chair's agreement is recorded, but under {declaration} it is not the chair who decides, so it "
        "does not take the place of that sanction."
        if chair_agreed
        else ""
    )
    message = (
        f"This information comes from a {setting.name}. Under {declaration} it must not leave the meeting "
        f"without {agreement}.{not_the_chair}"
    )
    refer = template.variant(
        clauses=clauses,
        message=message,
        action=f"Ask {who} before sharing; they decide what can go further, on a need-to-know basis.",
        refer_to=who,
        interpretations=(*read, *chair_reading),
    )
    urgent = template.variant(
        effect=Effect.CONDITION,
        clauses=clauses,
        message=message,
        action=f"Share only what is needed to protect life, and tell {who} as soon as you can.",
        after=True,
        interpretations=(*read, *chair_reading),
    )
    return refer, urgent


def meeting_content_rule(pack: Pack) -> Rule | None:
    """The rule for information leaving a meeting, with its findings built once per setting.

    Each meeting has two findings: with the chair's agreement recorded, and without it (not
    known counts as without). None when the pack has no meetings.
    """
    declarations = dict.fromkeys(s.declaration for s in pack.settings.values())
    template = Rule(
        id="onward.meeting-content",
        title="Information from a meeting leaves it only as its declaration allows",
        effect=Effect.REFER,
        clauses=(*declarations, "purpose-limitation"),
        message="Information shared at a meeting is to be shared outside it.",
        action="Get the agreement the meeting's declaration requires before sharing.",
        refer_to=CHAIR,
        facts=("context.from_meeting", "context.setting", "context.chair_agreed"),
        check=None,
    )
    # For each meeting the information came from: the finding, when it is shared anywhere else.
    settings = FACT_DOMAINS["setting"]
    variants = []
    for code, setting in pack.settings.items():
        if code not in FACT_DOMAINS["context.from_meeting"]:
            continue  # information cannot be said to come from it
        elsewhere = settings - {code}
        for agreed, values in ((False, (False, None)), (True, (True,))):
            normal, urgent = _meeting_variants(
                template, setting, agreed, pack.clause_name(setting.declaration)
            )
            gates = {"context.from_meeting": code, "setting": elsewhere, "context.chair_agreed": values}
            variants.append(Variant.of(gates, normal, urgent))
    return replace(template, variants=tuple(variants)) if variants else None


RULES = (originator_not_asked, originator_refused, legal_obligation_overrides_originator)


@hookimpl
def ispcheck_rules(pack: Pack) -> Sequence[Rule]:
    leaving_meetings = meeting_content_rule(pack)
    return (*RULES, leaving_meetings) if leaving_meetings is not None else RULES
