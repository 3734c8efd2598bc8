"""Transfers outside the UK (A6, and UK GDPR Chapter V)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..decision import Effect
from ..hookspecs import hookimpl
from ..pack import Pack
from ..roles import DPO
from ..rule import Rule, Variant, gated_rule

_partner_data_template = gated_rule(
    "international.partner-data-outside-uk",
    when={"context.transfer_outside_uk": True, "came_from_elsewhere": True},
    title="Data received from a partner is not sent outside the UK",
    effect=Effect.BLOCK,
    clauses=("transfers-abroad",),
    message=(
        "The information was received from another partner agency, and the protocol says such data must not "
        "be transferred outside the UK."
    ),
    action="Do not send it abroad. Ask the originating partner to consider the request itself.",
    facts=("context.transfer_outside_uk", "context.secondary_disclosure", "data.originator"),
    interpretations=("partner-data-abroad-all-settings", "came-from-elsewhere-worked-out"),
)

#: Not known whether the information came from a partner: not known to be outside the rule.
_ORIGIN_NOT_KNOWN = _partner_data_template.variant(
    message=(
        "The information is to be sent outside the UK, and it is not known whether it was received from "
        "another partner agency; the protocol says such data must not be transferred outside the UK."
    ),
    action=(
        "Do not send it abroad until you have confirmed that the information is your organisation's own; "
        "then your Data Protection Officer must approve the transfer."
    ),
    interpretations=("unknown-risk-not-absent",),
)

partner_data_outside_uk = replace(
    _partner_data_template,
    when=(("context.transfer_outside_uk", frozenset({True})),),
    variants=(
        Variant.of({"came_from_elsewhere": True}),
        Variant.of({"came_from_elsewhere": None}, _ORIGIN_NOT_KNOWN),
    ),
)


transfer = gated_rule(
    "international.transfer",
    # Either regime: a law enforcement transfer has its own conditions (DPA 2018 Part 3
    # Chapter 5), so the referral stays under Part 3 too.
    law_regime="data_protection",
    when={"context.transfer_outside_uk": True, "came_from_elsewhere": False},
    title="Transfers outside the UK are approved first",
    effect=Effect.REFER,
    clauses=("transfers-abroad", "lawful-sharing"),
    message="The information is to be sent outside the UK, where extra legal safeguards apply.",
    action=(
        "Ask your Data Protection Officer to confirm the transfer is lawful (adequacy or appropriate "
        "safeguards) before sending."
    ),
    refer_to=DPO,
    facts=("context.transfer_outside_uk",),
    law=("UK GDPR Chapter V", "DPA 2018 Part 3 Chapter 5 (law enforcement transfers)"),
)


RULES = (partner_data_outside_uk, transfer)


@hookimpl
def ispcheck_rules(pack: Pack) -> Sequence[Rule]:
    return RULES
