"""Transfers outside the UK (A6, and UK GDPR Chapter V)."""

from __future__ import annotations

from collections.abc import Sequence

from ..decision import Effect
from ..disclosure import Disclosure
from ..hookspecs import hookimpl
from ..pack import Pack
from ..rule import Facts, Rule, rule
from ._roles import DPO
from .onward import came_from_elsewhere


@rule(
    "international.partner-data-outside-uk",
    title="Data received from a partner is not sent outside the UK",
    effect=Effect.BLOCK,
    clauses=("A6",),
    message=(
        "The information was received from another partner agency, and the protocol says such "
        "data must not be transferred outside the UK."
    ),
    action="Do not send it abroad. Ask the originating partner to consider the request itself.",
    facts=("context.transfer_outside_uk", "context.secondary_disclosure", "data.originator"),
)
def partner_data_outside_uk(d: Disclosure, f: Facts) -> bool:
    return d.context.transfer_outside_uk is True and came_from_elsewhere(d, f)


@rule(
    "international.transfer",
    title="Transfers outside the UK are approved first",
    effect=Effect.REFER,
    clauses=("A6", "5.2"),
    message="The information is to be sent outside the UK, where extra legal safeguards apply.",
    action=(
        "Ask your Data Protection Officer to confirm the transfer is lawful (adequacy or "
        "appropriate safeguards) before sending."
    ),
    refer_to=DPO,
    facts=("context.transfer_outside_uk",),
    law=("UK GDPR Chapter V",),
)
def transfer(d: Disclosure, f: Facts) -> bool:
    return d.context.transfer_outside_uk is True and not came_from_elsewhere(d, f)


RULES = (partner_data_outside_uk, transfer)


@hookimpl
def ispcheck_rules(pack: Pack) -> Sequence[Rule]:
    return RULES
