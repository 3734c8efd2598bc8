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


status_unknown = gated_rule(
    "investigation.status-unknown",
    when={"criminal": True, "context.ongoing_investigation": None},
    title="Whether there is a live investigation is known",
    effect=Effect.ADVICE,
    clauses=("4.6",),
    message=(
        "Criminal offence data is included and it is not said whether it relates to an ongoing "
        "investigation or prosecution. If it does, the investigating officer and the CPS must be "
        "consulted first."
    ),
    facts=("context.ongoing_investigation",),
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


from_meeting = gated_rule(
    "evidence.from-meeting",
    when={"context.evidential_use": True},
    # Wanted as evidence, and either shared in a meeting or taken from one.
    variants=(
        Variant.of({"in_meeting": True}),
        Variant.of({"in_meeting": False, "context.from_meeting": get_args(MeetingSetting)}),
    ),
    title="Evidence is not taken from meeting discussions",
    effect=Effect.BLOCK,
    clauses=("A9", "7.2"),
    message=("Information for evidence cannot be taken directly from meeting discussions or papers."),
    action=(
        "Request the specific information from the data owner with the Appendix 10 or 11 form, "
        "in a legally compliant format."
    ),
    facts=("context.evidential_use", "context.setting", "context.from_meeting"),
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


RULES = (not_consulted, status_unknown, without_request_form, from_meeting, request_form_answered)


@hookimpl
def ispcheck_rules(pack: Pack) -> Sequence[Rule]:
    return RULES
