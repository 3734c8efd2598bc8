"""Investigations and evidence: sub judice, and the request forms for evidence (4.6, 7.2, A9-A11)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import get_args

from ..decision import Effect
from ..hookspecs import hookimpl
from ..pack import Pack
from ..rule import Rule, Variant, gated_rule
from ..vocabulary import MeetingSetting
from ._roles import INVESTIGATOR

not_consulted = gated_rule(
    "investigation.not-consulted",
    when={"context.ongoing_investigation": True, "context.investigating_officer_consulted": (False, None)},
    title="The investigating officer and CPS are consulted on live cases",
    effect=Effect.REFER,
    clauses=("4.6",),
    message=(
        "The information relates to an ongoing investigation or prosecution, and it is not "
        "recorded that the investigating officer and the Crown Prosecution Service were "
        "consulted. The matter is sub judice."
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


without_request_form = gated_rule(
    "evidence.without-request-form",
    when={"context.evidential_use": True, "context.formal_request_form": (False, None)},
    title="Evidence is requested on the formal request form",
    effect=Effect.BLOCK,
    clauses=("7.2", "A10", "A11"),
    message=(
        "The information is wanted as evidence, but no formal request (Appendix 10 or 11, or the "
        "partner's official equivalent) has been made."
    ),
    action=(
        "Submit the Appendix 10 or 11 request to the data owner, setting out the legal grounds, "
        "and disclose only in answer to it."
    ),
    facts=("context.evidential_use", "context.formal_request_form"),
)


_EVIDENCE_FACTS = (
    "context.evidential_use",
    "context.formal_request_form",
    "context.setting",
    "context.from_meeting",
)

#: Shared in a meeting, or taken from one.
_IN_OR_FROM_A_MEETING = (
    Variant.of({"in_meeting": True}),
    Variant.of({"in_meeting": False, "context.from_meeting": get_args(MeetingSetting)}),
)

from_meeting = gated_rule(
    "evidence.from-meeting",
    # Wanted as evidence with no formal request, and either shared in a meeting or taken from one.
    when={"context.evidential_use": True, "context.formal_request_form": (False, None)},
    variants=_IN_OR_FROM_A_MEETING,
    title="Evidence is not taken from meeting discussions",
    effect=Effect.BLOCK,
    clauses=("A9", "7.2"),
    message=("Information for evidence cannot be taken directly from meeting discussions or papers."),
    action=(
        "Request the specific information from the data owner with the Appendix 10 or 11 form, "
        "in a legally compliant format."
    ),
    facts=_EVIDENCE_FACTS,
    interpretations=("evidence-route-formal-request", "evidence-rule-all-meetings"),
)


answered_from_records = gated_rule(
    "evidence.answered-from-own-records",
    # The route Appendix 9 prescribes has been taken: the share answers the formal request.
    when={"context.evidential_use": True, "context.formal_request_form": True},
    variants=_IN_OR_FROM_A_MEETING,
    title="Evidence asked for formally is answered from the owner's records, not the meeting",
    effect=Effect.CONDITION,
    clauses=("A9", "7.2"),
    message=(
        "The information is wanted as evidence and a formal request was made, as Appendix 9 "
        "asks; it involves a meeting, whose discussion and papers cannot themselves be used as "
        "evidence."
    ),
    action=(
        "Answer the request as the data owner, from your organisation's own records and outside "
        "the meeting, giving only what the form asks for, in a legally compliant format."
    ),
    facts=_EVIDENCE_FACTS,
    interpretations=("evidence-route-formal-request", "evidence-rule-all-meetings"),
)


request_form_answered = gated_rule(
    "evidence.request-form-answered",
    when={"context.evidential_use": True, "context.formal_request_form": True},
    title="A formal evidence request is answered with the minimum, checked",
    effect=Effect.CONDITION,
    clauses=("7.2", "A10"),
    message="The information is wanted as evidence and a formal request form was made.",
    action=(
        "Answer only what the form asks, keep the form and response with the record, and have "
        "the response quality-assured by a named point of contact."
    ),
    facts=("context.evidential_use", "context.formal_request_form"),
)


RULES = (not_consulted, without_request_form, from_meeting, answered_from_records, request_form_answered)


@hookimpl
def ispcheck_rules(pack: Pack) -> Sequence[Rule]:
    return RULES
