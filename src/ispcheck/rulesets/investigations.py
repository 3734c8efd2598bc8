"""Investigations and evidence: sub judice, and the request forms for evidence (4.6, 7.2, A9-A11).

The request forms are a partner's request to the data owner. An organisation serving its own
evidence under court rules asks nobody, so it needs no form (the pack's interpretation
"evidence-served-by-discloser"); evidence from a meeting stays blocked whoever uses it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import get_args

from ..decision import Effect
from ..hookspecs import hookimpl
from ..pack import Pack
from ..roles import INVESTIGATOR
from ..rule import Rule, Variant, gated_rule
from ..vocabulary import MeetingSetting

not_consulted = gated_rule(
    "investigation.not-consulted",
    when={"context.ongoing_investigation": True, "context.investigating_officer_consulted": (False, None)},
    title="The investigating officer and CPS are consulted on live cases",
    effect=Effect.REFER,
    clauses=("ongoing-investigations",),
    message=(
        "The information relates to an ongoing investigation or prosecution, and it is not recorded that "
        "the investigating officer and the Crown Prosecution Service were consulted. The matter is sub "
        "judice."
    ),
    action=(
        "Consult the investigating officer and the CPS first, so the disclosure does not prejudice the case."
    ),
    refer_to=INVESTIGATOR,
    facts=("context.ongoing_investigation", "context.investigating_officer_consulted"),
    when_urgent=Effect.CONDITION,
    urgent_action=(
        "Share what is needed to protect life, and tell the investigating officer as soon as you can."
    ),
)


#: No form made, or not known: the form is missing.
_NO_FORM = (False, None)
#: Who may want evidence from a partner's records: the recipient, or (not known) taken to be.
_A_PARTNERS_REQUEST = ("recipient", None)
#: No form, in every way the form can be missing ("not applicable" counts only for the discloser).
_WITHOUT_A_FORM = (False, None, "not_applicable")

_without_form_template = gated_rule(
    "evidence.without-request-form",
    when={"context.evidential_use": True},
    title="Evidence is requested on the formal request form",
    effect=Effect.BLOCK,
    clauses=("compliant-requests", "request-to-police-form", "police-request-form"),
    message=(
        "The information is wanted as evidence, but no formal request ([[request-forms]], or the partner's "
        "official equivalent) has been made."
    ),
    action=(
        "Submit the [[request-forms]] request to the data owner, setting out the legal grounds, and "
        "disclose only in answer to it."
    ),
    facts=("context.evidential_use", "context.formal_request_form", "context.evidence_used_by"),
)

#: "Not applicable" said of the form where it does apply: read as no form, and say why.
_NOT_APPLICABLE_TO_A_PARTNER = _without_form_template.variant(
    message=(
        "The information is wanted as evidence by the recipient, and the formal request form was said to be "
        "not applicable. It does apply: a partner wanting evidence asks the data owner on the "
        "[[request-forms]] form ([[compliant-requests]]), so this is read as no form."
    ),
    interpretations=("evidence-served-by-discloser",),
)
_NOT_APPLICABLE_NOT_KNOWN = _without_form_template.variant(
    message=(
        "The information is wanted as evidence and the formal request form was said to be not applicable, "
        "but it is not said who will use it as evidence. The form is not applicable only where your "
        "organisation serves its own evidence; otherwise it is a partner's request to the data owner, which "
        "needs the form ([[compliant-requests]]), so this is read as no form."
    ),
    action=(
        "If your organisation is serving its own evidence under court rules, say so. Otherwise submit the "
        "[[request-forms]] request to the data owner and disclose only in answer to it."
    ),
    interpretations=("evidence-served-by-discloser",),
)

without_request_form = replace(
    _without_form_template,
    variants=(
        Variant.of(
            {"context.formal_request_form": _NO_FORM, "context.evidence_used_by": _A_PARTNERS_REQUEST}
        ),
        Variant.of(
            {"context.formal_request_form": "not_applicable", "context.evidence_used_by": "recipient"},
            _NOT_APPLICABLE_TO_A_PARTNER,
        ),
        Variant.of(
            {"context.formal_request_form": "not_applicable", "context.evidence_used_by": None},
            _NOT_APPLICABLE_NOT_KNOWN,
        ),
    ),
)


served_under_court_rules = gated_rule(
    "evidence.served-under-court-rules",
    when={
        "context.evidential_use": True,
        "context.evidence_used_by": "discloser",
        "context.formal_request_form": _WITHOUT_A_FORM,
    },
    title="Evidence an organisation serves itself goes only where the court rules send it",
    effect=Effect.CONDITION,
    clauses=("compliant-requests", "request-to-police-form", "police-request-form"),
    message=(
        "Your organisation is using its own information as evidence in proceedings, so there is no "
        "partner's request to make on the [[request-forms]] form: the court rules (the Civil Procedure "
        "Rules or the Criminal Procedure Rules) say what must be served and on whom."
    ),
    action=(
        "Disclose only what the court rules require, only to the court and the parties entitled to it, and "
        "record what was served, on whom and when."
    ),
    facts=("context.evidential_use", "context.evidence_used_by", "context.formal_request_form"),
    law=(
        "Civil Procedure Rules r.65.42 and r.65.43 (injunctions under Part 1 of the Anti-social Behaviour, "
        "Crime and Policing Act 2014)",
        "UK GDPR Article 9(2)(f) (legal claims and courts)",
    ),
    interpretations=("evidence-served-by-discloser",),
)


_EVIDENCE_FACTS = (
    "context.evidential_use",
    "context.formal_request_form",
    "context.evidence_used_by",
    "context.setting",
    "context.from_meeting",
)

#: Shared in a meeting, or taken from one.
_IN_A_MEETING = {"in_meeting": True}
_FROM_A_MEETING = {"in_meeting": False, "context.from_meeting": get_args(MeetingSetting)}
_IN_OR_FROM_A_MEETING = (Variant.of(_IN_A_MEETING), Variant.of(_FROM_A_MEETING))

_from_meeting_template = gated_rule(
    "evidence.from-meeting",
    # Wanted as evidence with no formal request, and either shared in a meeting or taken from one.
    when={"context.evidential_use": True, "context.formal_request_form": _WITHOUT_A_FORM},
    title="Evidence is not taken from meeting discussions",
    effect=Effect.BLOCK,
    clauses=("evidence-not-from-meetings", "compliant-requests"),
    message=("Information for evidence cannot be taken directly from meeting discussions or papers."),
    action=(
        "Request the specific information from the data owner with the [[request-forms]] form, in a legally "
        "compliant format."
    ),
    facts=_EVIDENCE_FACTS,
    interpretations=("evidence-route-formal-request", "evidence-rule-all-meetings"),
)

#: The discloser serving its own evidence: still not from the meeting, whoever uses it (A9).
_OWN_EVIDENCE_FROM_A_MEETING = _from_meeting_template.variant(
    message=(
        "Information for evidence cannot be taken directly from meeting discussions or papers, even by an "
        "organisation serving its own evidence."
    ),
    action=(
        "Serve evidence from your organisation's own records, outside the meeting, and only what the court "
        "rules require; nothing from the meeting's discussion or papers."
    ),
    interpretations=("evidence-served-by-discloser",),
)

from_meeting = replace(
    _from_meeting_template,
    variants=(
        Variant.of({**_IN_A_MEETING, "context.evidence_used_by": _A_PARTNERS_REQUEST}),
        Variant.of({**_FROM_A_MEETING, "context.evidence_used_by": _A_PARTNERS_REQUEST}),
        Variant.of({**_IN_A_MEETING, "context.evidence_used_by": "discloser"}, _OWN_EVIDENCE_FROM_A_MEETING),
        Variant.of(
            {**_FROM_A_MEETING, "context.evidence_used_by": "discloser"}, _OWN_EVIDENCE_FROM_A_MEETING
        ),
    ),
)


answered_from_records = gated_rule(
    "evidence.answered-from-own-records",
    # The route Appendix 9 prescribes has been taken: the share answers the formal request.
    when={"context.evidential_use": True, "context.formal_request_form": True},
    variants=_IN_OR_FROM_A_MEETING,
    title="Evidence asked for formally is answered from the owner's records, not the meeting",
    effect=Effect.CONDITION,
    clauses=("evidence-not-from-meetings", "compliant-requests"),
    message=(
        "The information is wanted as evidence and a formal request was made, as "
        "[[evidence-not-from-meetings]] asks; it involves a meeting, whose discussion and papers cannot "
        "themselves be used as evidence."
    ),
    action=(
        "Answer the request as the data owner, from your organisation's own records and outside the "
        "meeting, giving only what the form asks for, in a legally compliant format."
    ),
    facts=_EVIDENCE_FACTS,
    interpretations=("evidence-route-formal-request", "evidence-rule-all-meetings"),
)


request_form_answered = gated_rule(
    "evidence.request-form-answered",
    when={"context.evidential_use": True, "context.formal_request_form": True},
    title="A formal evidence request is answered with the minimum, checked",
    effect=Effect.CONDITION,
    clauses=("compliant-requests", "request-to-police-form"),
    message="The information is wanted as evidence and a formal request form was made.",
    action=(
        "Answer only what the form asks, keep the form and response with the record, and have the response "
        "quality-assured by a named point of contact."
    ),
    facts=("context.evidential_use", "context.formal_request_form"),
)


RULES = (
    not_consulted,
    without_request_form,
    served_under_court_rules,
    from_meeting,
    answered_from_records,
    request_form_answered,
)


@hookimpl
def ispcheck_rules(pack: Pack) -> Sequence[Rule]:
    return RULES
