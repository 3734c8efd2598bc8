"""Meetings: the declaration each setting uses, recording, and its requirements (1.5, 1.6, 5.7, 6.1, A3-A9).

Everything here is built from the pack's settings, once, when the checker is made.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from ..decision import Effect, Finding
from ..hookspecs import hookimpl
from ..pack import Pack, SettingInfo
from ..roles import CHAIR
from ..rule import Facts, Rule, Variant, gated_rule, rule
from ..view import DisclosureView
from ..vocabulary import VOCABULARY


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


def declaration_rule(pack: Pack) -> Rule | None:
    template = Rule(
        id="setting.declaration",
        title="Meeting attendees have signed the setting's declaration",
        effect=Effect.CONDITION,
        clauses=("chair-sets-confidentiality", "settings-covered"),
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
                "Before anything is shared, make sure every attendee has signed the "
                f"{pack.clause_name(s.declaration)} declaration, including anyone not from a signatory "
                "organisation ([[non-signatory-attendees]]), and that the chair has set the confidentiality "
                "level at the start ([[chair-sets-confidentiality]])."
            ),
        )

    return _per_setting(template, build, pack)


_RECORDING = {
    "forbidden": "The meeting must not be recorded ({appendix}).",
    "with_agreement": "Do not record the meeting unless every attendee agrees first ({appendix}).",
}


def recording_rule(pack: Pack) -> Rule | None:
    if not any(s.recording in _RECORDING for s in pack.settings.values()):
        return None
    template = Rule(
        id="setting.recording",
        title="Meetings are recorded only as their declaration allows",
        effect=Effect.CONDITION,
        # Each meeting's finding cites its own declaration: the rule, every declaration with a rule.
        clauses=tuple(
            dict.fromkeys(s.declaration for s in pack.settings.values() if s.recording in _RECORDING)
        ),
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
            message=f"The {pack.clause_name(s.declaration)} declaration sets a rule on recording a {s.name}.",
            action=text.format(appendix=pack.clause_name(s.declaration)),
        )

    return _per_setting(template, build, pack)


def requirements_rule(pack: Pack) -> Rule | None:
    if not any(s.requirements for s in pack.settings.values()):
        return None
    template = Rule(
        id="setting.requirements",
        title="The setting's own requirements are met",
        effect=Effect.CONDITION,
        # Each meeting's finding cites its own declaration: the rule, every declaration with some.
        clauses=tuple(dict.fromkeys(s.declaration for s in pack.settings.values() if s.requirements)),
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
            message=(
                f"The {pack.clause_name(s.declaration)} declaration for a {s.name} has requirements of its "
                "own."
            ),
            action=" ".join(s.requirements),
        )

    return _per_setting(template, build, pack)


def guest_rule(pack: Pack) -> Rule | None:
    """Sharing with a non-signatory at a meeting that admits guests only with the chair's consent."""
    template = Rule(
        id="setting.guest-needs-chair",
        title="A guest agency attends only with the chair's consent",
        effect=Effect.REFER,
        clauses=("non-signatories",),
        message=(
            "The recipient has not signed the protocol, and this meeting admits guests only with the "
            "chair's consent."
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
        clauses = (s.declaration, "non-signatories")
        message = (
            f"The recipient is not in the signatory register, so at a {s.name} it attends as a guest agency, "
            f"which the {pack.clause_name(s.declaration)} declaration allows only with the chair's consent."
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


#: The longest part of a meeting's name quoted in a finding.
_NAME_SHOWN = 120


def _quoted(name: str) -> str:
    """A meeting's name as a finding quotes it, cut short if it is long.

    The name is the officer's text, never a template: double brackets in it are parted, so that
    it cannot read as a placeholder for the protocol's clauses ("[[disputes]]").
    """
    shown = name if len(name) <= _NAME_SHOWN else name[: _NAME_SHOWN - 3].rstrip() + "..."
    return '"' + shown.replace("[[", "[ [").replace("]]", "] ]") + '"'


_UNLISTED_CLAUSES = (
    "meeting-appendices",
    "settings-covered",
    "chair-sets-confidentiality",
    "generic-declaration",
)
_UNLISTED_READINGS = ("unlisted-meeting-generic-declaration",)
#: What the declaration and the record of the meeting protect, in the statute.
_UNLISTED_LAW = (
    "UK GDPR Article 5(1)(f) (integrity and confidentiality)",
    "UK GDPR Article 5(2) (accountability)",
)
_PROPOSE_APPENDIX = (
    "ask your Designated Officer to propose to the partnership an appendix for this meeting "
    "([[meeting-appendices]])"
)


@rule(
    "setting.not-listed",
    title="A meeting the protocol does not list is named, and uses the generic declaration",
    # Unnamed, a condition to name it; named, advice that names it and points to 1.5.
    effect=Effect.CONDITION,
    clauses=_UNLISTED_CLAUSES,
    message=(
        "The information is to be shared at a meeting the protocol does not list ([[settings-covered]]), "
        "and the meeting is not named. The generic [[generic-declaration]] declaration applies to it; "
        "[[meeting-appendices]] lets the partnership add an appendix of its own for such a meeting."
    ),
    action=(
        "Name the meeting on the record and on the [[generic-declaration]] sign-in sheet, and "
        + _PROPOSE_APPENDIX
        + "."
    ),
    facts=("context.setting", "context.meeting_name"),
    law=_UNLISTED_LAW,
    when={"context.setting": "other_meeting"},
    interpretations=_UNLISTED_READINGS,
    check_in_words="in every case (the finding names the meeting, or asks for it to be named)",
)
def not_listed(d: DisclosureView, f: Facts) -> bool | Finding:
    name = d.context.meeting_name
    if not name:
        return True
    # Named, it is advice: the declaration's own conditions are the other meeting rules'.
    return not_listed.variant(
        effect=Effect.ADVICE,
        message=(
            f"The information is to be shared at {_quoted(name)}, a meeting the protocol does not list "
            "([[settings-covered]]). The generic [[generic-declaration]] declaration applies to it; "
            "[[meeting-appendices]] lets the partnership add an appendix of its own for such a meeting."
        ),
        action=(
            "Use the [[generic-declaration]] sign-in sheet with the meeting's name on it, and "
            + _PROPOSE_APPENDIX
            + "."
        ),
    )


@rule(
    "onward.from-unlisted-meeting",
    title="Information from a meeting the protocol does not list says which meeting",
    effect=Effect.CONDITION,
    clauses=("settings-covered", "generic-declaration", "purpose-limitation"),
    message=(
        "The information was first shared at a meeting the protocol does not list ([[settings-covered]]), "
        "and the meeting is not named. The generic [[generic-declaration]] declaration is read as governing "
        "it: what was shared there goes further only where there is a lawful basis to do so."
    ),
    action="Record which meeting it was, and the lawful basis for passing the information on.",
    facts=("context.from_meeting", "context.meeting_name", "context.setting"),
    law=_UNLISTED_LAW,
    when={
        "context.from_meeting": "other_meeting",
        "setting": tuple(v for v in VOCABULARY["setting"] if v != "other_meeting"),
    },
    interpretations=_UNLISTED_READINGS,
    check_in_words="in every case (the finding names the meeting, or asks for it to be named)",
)
def from_unlisted(d: DisclosureView, f: Facts) -> bool | Finding:
    name = d.context.meeting_name
    if not name:
        return True
    return from_unlisted.variant(
        effect=Effect.ADVICE,
        message=(
            f"The information was first shared at {_quoted(name)}, a meeting the protocol does not list "
            "([[settings-covered]]). The generic [[generic-declaration]] declaration is read as governing "
            "it: what was shared there goes further only where there is a lawful basis to do so."
        ),
        action="Record the lawful basis for passing the information on, and which meeting it came from.",
    )


dpia_not_recorded = gated_rule(
    "setting.dpia-not-recorded",
    law_regime="data_protection",
    when={"context.dpia_in_place": (False, None)},
    title="A DPIA covers the meeting or scenario",
    effect=Effect.ADVICE,
    clauses=("impact-assessment",),
    message="No Data Protection Impact Assessment is recorded for this meeting or scenario.",
    action=(
        "Ask the organisation that runs the meeting (or your Data Protection Officer) to complete one "
        "([[impact-assessment]])."
    ),
    facts=("context.dpia_in_place",),
)


@hookimpl
def ispcheck_rules(pack: Pack) -> Sequence[Rule]:
    per_setting = (declaration_rule(pack), recording_rule(pack), requirements_rule(pack), guest_rule(pack))
    return (*(r for r in per_setting if r is not None), not_listed, from_unlisted, dpia_not_recorded)
