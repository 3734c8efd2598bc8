"""Meetings: the declaration each setting uses, recording, and its own requirements (1.6, 5.7, 6.1, A3-A9).

Everything here is built from the pack's settings, once, when the checker is made.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from ..decision import Effect, Finding
from ..hookspecs import hookimpl
from ..pack import Pack, SettingInfo, appendix_number
from ..rule import Rule, Variant, gated_rule
from ._roles import CHAIR


def _per_setting(template: Rule, build: Callable[[SettingInfo], Finding | None], pack: Pack) -> Rule | None:
    """A rule with a prebuilt finding for each meeting the share can happen in (its variants).

    The rule's own clauses (what the catalogue shows) are every clause its findings can cite,
    so that a clause such as 6.5 or Appendix 3 lists the rule that enforces it. None when no
    setting of the pack calls for the rule.
    """
    findings = {code: build(s) for code, s in pack.settings.items()}
    cited = dict.fromkeys(template.clauses)
    for found in findings.values():
        if found is not None:
            cited.update(dict.fromkeys(found.clauses))

    variants = tuple(Variant.of({"setting": code}, found) for code, found in findings.items() if found)
    return replace(template, clauses=tuple(cited), variants=variants) if variants else None


def _appendix(setting: SettingInfo) -> str:
    return "Appendix " + appendix_number(setting.declaration)


def declaration_rule(pack: Pack) -> Rule | None:
    template = Rule(
        id="setting.declaration",
        title="Meeting attendees have signed the setting's declaration",
        effect=Effect.CONDITION,
        clauses=("6.1", "1.6"),
        message="The information is to be shared in a meeting.",
        action="Make sure every attendee has signed the meeting's confidentiality declaration.",
        facts=("context.setting",),
        check=None,
    )

    def build(s: SettingInfo) -> Finding:
        return template.variant(
            clauses=(*s.clauses, s.declaration),
            message=f"The information is to be shared at a {s.name}.",
            action=(
                f"Before anything is shared, make sure every attendee has signed the "
                f"{_appendix(s)} declaration, including anyone not from a signatory organisation "
                f"(6.2), and that the chair has set the confidentiality level at the start (6.1)."
            ),
        )

    return _per_setting(template, build, pack)


_RECORDING = {
    "forbidden": "The meeting must not be recorded ({appendix}).",
    "with_agreement": "Do not record the meeting unless every attendee agrees first ({appendix}).",
}


def recording_rule(pack: Pack) -> Rule | None:
    template = Rule(
        id="setting.recording",
        title="Meetings are recorded only as their declaration allows",
        effect=Effect.CONDITION,
        clauses=("A3", "A4", "A5", "A9"),
        message="The meeting has a rule about recording.",
        action="Follow the declaration's rule on recording.",
        facts=("context.setting",),
        check=None,
    )

    def build(s: SettingInfo) -> Finding | None:
        text = _RECORDING.get(s.recording)
        if text is None:
            return None
        return template.variant(
            clauses=(s.declaration,),
            message=f"The {_appendix(s)} declaration sets a rule on recording a {s.name}.",
            action=text.format(appendix=_appendix(s)),
        )

    return _per_setting(template, build, pack)


def requirements_rule(pack: Pack) -> Rule | None:
    template = Rule(
        id="setting.requirements",
        title="The setting's own requirements are met",
        effect=Effect.CONDITION,
        clauses=("A4", "A5", "A6", "A7", "A8", "A9"),
        message="The meeting's declaration has requirements of its own.",
        action="Meet the declaration's requirements.",
        facts=("context.setting",),
        check=None,
    )

    def build(s: SettingInfo) -> Finding | None:
        if not s.requirements:
            return None
        return template.variant(
            clauses=(s.declaration,),
            message=f"The {_appendix(s)} declaration for a {s.name} has requirements of its own.",
            action=" ".join(s.requirements),
        )

    return _per_setting(template, build, pack)


def guest_rule(pack: Pack) -> Rule | None:
    """Sharing with a non-signatory at a meeting that admits guests only with the chair's consent."""
    template = Rule(
        id="setting.guest-needs-chair",
        title="A guest agency attends only with the chair's consent",
        effect=Effect.REFER,
        clauses=("3.6",),
        message=(
            "The recipient has not signed the protocol, and this meeting admits guests only with "
            "the chair's consent."
        ),
        action="Ask the meeting chair first.",
        refer_to=CHAIR,
        facts=("recipient.organisation", "context.setting"),
        check=None,
        when=(("recipient_signatory", frozenset({False})),),
    )

    variants = []
    for code, s in pack.settings.items():
        if s.guests != "chair_consent":
            continue
        clauses = (s.declaration, "3.6")
        message = (
            f"The recipient is not in the signatory register, so at a {s.name} it attends as a "
            f"guest agency, which the {_appendix(s)} declaration allows only with the chair's "
            "consent."
        )
        normal = template.variant(
            clauses=clauses,
            message=message,
            action="Ask the meeting chair before sharing: only the chair can admit a guest agency.",
            interpretations=(s.guests_reading,) if s.guests_reading else (),
        )
        urgent = template.variant(
            effect=Effect.CONDITION,
            clauses=clauses,
            message=message,
            action=(
                "Share only what is needed to protect life, and tell the meeting chair as soon as you can."
            ),
            after=True,
            interpretations=(s.guests_reading,) if s.guests_reading else (),
        )
        variants.append(Variant.of({"setting": code}, normal, urgent))
    if not variants:
        return None
    cited = dict.fromkeys((*template.clauses, *(c for v in variants if v.finding for c in v.finding.clauses)))
    return replace(template, clauses=tuple(cited), variants=tuple(variants))


dpia_not_recorded = gated_rule(
    "setting.dpia-not-recorded",
    law_regime="data_protection",
    when={"context.dpia_in_place": (False, None)},
    title="A DPIA covers the meeting or scenario",
    effect=Effect.ADVICE,
    clauses=("5.7",),
    message="No Data Protection Impact Assessment is recorded for this meeting or scenario.",
    action=(
        "Ask the organisation that runs the meeting (or your Data Protection Officer) to complete one (5.7)."
    ),
    facts=("context.dpia_in_place",),
)


@hookimpl
def ispcheck_rules(pack: Pack) -> Sequence[Rule]:
    per_setting = (declaration_rule(pack), recording_rule(pack), requirements_rule(pack), guest_rule(pack))
    return (*(r for r in per_setting if r is not None), dpia_not_recorded)
