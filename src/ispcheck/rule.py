"""What a rule is, and the per-decision facts rules read.

A rule is a small predicate plus a finding built once: when the predicate says "fires", the engine
hands out the prebuilt finding, so a check allocates almost nothing. Rules that need to say
something specific to the case (which meeting, which declaration) build their variants once from
the pack and return one of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from .decision import Effect, Finding
from .disclosure import Disclosure
from .pack import Pack, SettingInfo
from .partners import Partner

__all__ = ["CheckResult", "Facts", "Rule", "rule"]

CheckResult = bool | Finding | Iterable[Finding] | None
CheckFunction = Callable[[Disclosure, "Facts"], CheckResult]

_PERSONAL = frozenset({"personal", "special_category", "criminal_offence"})


class Facts:
    """What the engine works out once per disclosure so that rules need not repeat it.

    A plain slotted class rather than a frozen dataclass: it is built on every check, and frozen
    dataclasses pay for each field on construction. Rules must treat it as read-only.
    """

    __slots__ = (
        "criminal",
        "discloser",
        "meeting",
        "pack",
        "personal",
        "recipient",
        "setting",
        "special",
        "today",
        "urgent",
    )

    def __init__(self, disclosure: Disclosure, pack: Pack, today: date) -> None:
        data = disclosure.data
        categories = data.categories
        special = "special_category" in categories or bool(data.special_category_types)
        setting = disclosure.context.setting or "outside_meeting"
        register = pack.register
        self.pack = pack
        self.today = today
        self.special: bool = special
        self.criminal: bool = "criminal_offence" in categories
        self.personal: bool = special or not _PERSONAL.isdisjoint(categories)
        self.urgent: bool = disclosure.context.urgent_risk_to_life is True
        self.setting: str = setting
        self.meeting: SettingInfo | None = pack.settings.get(setting)
        self.discloser: Partner | None = register.exact(disclosure.discloser.organisation)
        self.recipient: Partner | None = register.exact(disclosure.recipient.organisation)


@dataclass(frozen=True, slots=True)
class Rule:
    """One check of the protocol. Build with the :func:`rule` decorator.

    ``personal_only`` rules are skipped when no personal data is involved. ``when_urgent`` is the
    effect the finding takes when there is an urgent risk to life, where the protocol and the law
    let necessary sharing go ahead now and be recorded afterwards; ``urgent_action`` is what to do
    then, and ``urgent_after`` says whether it can wait until after the data has moved.
    """

    id: str
    title: str
    effect: Effect
    clauses: tuple[str, ...]
    message: str
    check: CheckFunction
    action: str | None = None
    refer_to: str | None = None
    facts: tuple[str, ...] = ()
    law: tuple[str, ...] = ()
    personal_only: bool = True
    when_urgent: Effect | None = None
    urgent_action: str | None = None
    urgent_after: bool = True
    finding: Finding = field(init=False, repr=False, compare=False)
    urgent_finding: Finding | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "finding", self.variant())
        urgent = None
        if self.when_urgent is not None:
            urgent = self.variant(
                effect=self.when_urgent,
                action=self.urgent_action or self.action,
                refer_to=self.refer_to if self.when_urgent is Effect.REFER else None,
                after=self.urgent_after and self.when_urgent is Effect.CONDITION,
            )
        object.__setattr__(self, "urgent_finding", urgent)

    def variant(
        self,
        *,
        effect: Effect | None = None,
        message: str | None = None,
        action: str | None = None,
        clauses: tuple[str, ...] | None = None,
        refer_to: str | None = None,
        after: bool = False,
    ) -> Finding:
        """A finding of this rule with some parts changed. Build variants once, not per check."""
        return Finding(
            rule_id=self.id,
            effect=effect or self.effect,
            clauses=clauses or self.clauses,
            message=message or self.message,
            action=action or self.action,
            refer_to=refer_to if effect is not None else (refer_to or self.refer_to),
            facts=self.facts,
            law=self.law,
            after=after,
        )


def rule(
    id: str,
    *,
    title: str,
    effect: Effect,
    clauses: Iterable[str],
    message: str,
    action: str | None = None,
    refer_to: str | None = None,
    facts: Iterable[str] = (),
    law: Iterable[str] = (),
    personal_only: bool = True,
    when_urgent: Effect | None = None,
    urgent_action: str | None = None,
    urgent_after: bool = True,
) -> Callable[[CheckFunction], Rule]:
    """Turn a predicate ``(disclosure, facts) -> bool`` into a cited :class:`Rule`."""

    def build(check: CheckFunction) -> Rule:
        return Rule(
            id=id,
            title=title,
            effect=effect,
            clauses=tuple(clauses),
            message=message,
            check=check,
            action=action,
            refer_to=refer_to,
            facts=tuple(facts),
            law=tuple(law),
            personal_only=personal_only,
            when_urgent=when_urgent,
            urgent_action=urgent_action,
            urgent_after=urgent_after,
        )

    return build
