"""What a rule is, and the per-decision facts rules read.

A rule is a gate, a small predicate and a finding built once. The gate (``when``) says, as data,
which values of which facts the rule can fire under; the engine compiles every gate into look-up
tables, so a rule is called only when its gate holds, and a rule that is all gate is never called.
When the predicate says "fires", the engine hands out the prebuilt finding, so a check allocates
almost nothing. A rule whose finding depends on the case (which meeting, which declaration) or
that fires in one case or another has variants (:class:`Variant`): each narrows the gate and may
bring its own finding, so such a rule needs no predicate either.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from .concepts import ConceptMap, is_concept
from .decision import Effect, Finding
from .facts import Facts
from .gates import Gate, normalise_when
from .view import DisclosureView

__all__ = ["LAW_REGIMES", "CheckResult", "Facts", "LawRegime", "Rule", "Variant", "gated_rule", "rule"]

#: Which data protection law a rule reads (see :attr:`Rule.law_regime`): the UK GDPR (with DPA 2018
#: Part 2), DPA 2018 Part 3 (law enforcement), or data protection law under either.
LawRegime = Literal["uk_gdpr", "law_enforcement", "data_protection"]
#: Each regime a rule may read, in words for the catalogue and the review pack.
LAW_REGIMES: dict[str, str] = {
    "uk_gdpr": "the UK GDPR and DPA 2018 Part 2 (general processing)",
    "law_enforcement": "DPA 2018 Part 3 (law enforcement processing)",
    "data_protection": "data protection law, under either regime",
}

CheckResult = bool | Finding | Iterable[Finding] | None
#: The interpretation every "record afterwards" finding of the urgent path rests on: the pack must
#: set it out (see the pack's interpretations.toml).
URGENT_AFTERWARDS = ("urgent-record-afterwards",)
CheckFunction = Callable[[DisclosureView, "Facts"], CheckResult]


@dataclass(frozen=True, slots=True)
class Variant:
    """One way a rule with variants fires: a gate narrowing the rule's, and what it then says.

    With no ``finding``, the rule's own finding (and urgent finding) is given; with a
    ``finding`` but no ``urgent_finding``, that finding is given on the urgent path too.
    """

    when: tuple[Gate, ...]
    finding: Finding | None = None
    urgent_finding: Finding | None = None

    @classmethod
    def of(
        cls,
        when: Mapping[str, Iterable[object] | object],
        finding: Finding | None = None,
        urgent_finding: Finding | None = None,
    ) -> Variant:
        return cls(normalise_when(when), finding, urgent_finding)


@dataclass(frozen=True, slots=True)
class Rule:
    """One check of the protocol. Build with the :func:`rule` decorator.

    ``when`` is the rule's gate: facts and the values under which it can fire (see
    :mod:`ispcheck.gates`); ``check`` is then asked, and may assume the gate holds. A rule with no
    ``check`` fires whenever its gate holds. ``personal_only`` rules are gated on personal data
    being involved. ``when_urgent`` is the
    effect the finding takes when there is an urgent risk to life, where the protocol and the law
    let necessary sharing go ahead now and be recorded afterwards; ``urgent_action`` is what to do
    then, and ``urgent_after`` says whether it can wait until after the data has moved.

    ``law_regime`` says which data protection law the rule reads: ``"uk_gdpr"`` (the UK GDPR and
    DPA 2018 Part 2), ``"law_enforcement"`` (DPA 2018 Part 3) or ``"data_protection"`` (either).
    Such a rule applies only to information about the living (data about the dead is not personal
    data, DPA 2018 s.3(2)), and a ``uk_gdpr`` or ``law_enforcement`` rule only under its regime; the
    engine adds those gates. None (the default) is a rule of the protocol or of confidentiality,
    which applies whatever the law.

    ``variants`` is for a rule whose finding, or whose firing, depends on facts in ways one gate
    cannot say (which meeting the share happens in; this fact or that one): each
    :class:`Variant` narrows the rule's gate and may give its own finding. Variants must not
    overlap: the engine refuses a rule with two that could both hold. Such a rule has no
    ``check``: the engine reads it all through its gate tables.
    """

    id: str
    title: str
    effect: Effect
    clauses: tuple[str, ...]
    message: str
    check: CheckFunction | None
    action: str | None = None
    refer_to: str | None = None
    facts: tuple[str, ...] = ()
    law: tuple[str, ...] = ()
    personal_only: bool = True
    when_urgent: Effect | None = None
    urgent_action: str | None = None
    urgent_after: bool = True
    #: What the finding says on the urgent path, where its usual message would mislead there (a
    #: share with no basis recorded is not unlawful when vital interests applies).
    urgent_message: str | None = None
    when: tuple[Gate, ...] = ()
    variants: tuple[Variant, ...] = ()
    #: The pack's interpretations the rule rests on, where it goes beyond the protocol's words.
    interpretations: tuple[str, ...] = ()
    #: Interpretations that findings its predicate builds may rest on (for the catalogue).
    predicate_readings: tuple[str, ...] = ()
    #: Which data protection law the rule reads; None for a protocol or confidentiality rule.
    law_regime: LawRegime | None = None
    #: What the predicate looks for, in plain words that can follow "when" (for the review pack).
    check_in_words: str = ""
    #: Concepts that findings its predicate builds may cite beyond the rule's own (so that a
    #: protocol without them leaves the rule out, rather than the rule failing when it fires).
    predicate_concepts: tuple[str, ...] = ()
    #: The concept the rule rests on (the others it cites support it): a protocol that does not
    #: set it out leaves the rule out, unless the rule reads the law. The first concept it cites
    #: when not given.
    rests_on: str | None = None
    finding: Finding = field(init=False, repr=False, compare=False)
    urgent_finding: Finding | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "when", normalise_when(dict(self.when)))
        if self.rests_on is None:
            object.__setattr__(self, "rests_on", next((c for c in self.clauses if is_concept(c)), None))
        object.__setattr__(self, "finding", self.variant())
        urgent = None
        if self.when_urgent is not None:
            urgent = self.variant(
                effect=self.when_urgent,
                message=self.urgent_message,
                action=self.urgent_action or self.action,
                refer_to=self.refer_to if self.when_urgent is Effect.REFER else None,
                after=self.urgent_after and self.when_urgent is Effect.CONDITION,
            )
        object.__setattr__(self, "urgent_finding", urgent)
        if self.variants and self.check is not None:
            raise ValueError(f"rule {self.id!r} has variants, so must not have a check as well")

    @property
    def readings(self) -> tuple[str, ...]:
        """Every interpretation any of the rule's findings rests on (its own, urgent, variants')."""
        built = (i for f in self.findings() for i in f.interpretations)
        return tuple(dict.fromkeys((*built, *self.predicate_readings)))

    def findings(self) -> tuple[Finding, ...]:
        """Every finding the rule builds ahead: its own, urgent and its variants'."""
        found = (
            self.finding,
            self.urgent_finding,
            *(f for v in self.variants for f in (v.finding, v.urgent_finding)),
        )
        return tuple(f for f in found if f is not None)

    def missing_concepts(self, concepts: ConceptMap) -> tuple[str, ...]:
        """The concepts this rule rests on that a protocol does not set out (it is then left out)."""
        texts = (
            self.title,
            self.check_in_words,
            *(t for f in self.findings() for t in (f.message, f.action)),
        )
        cited = (*self.clauses, *self.predicate_concepts, *(c for f in self.findings() for c in f.clauses))
        return concepts.missing(cited, texts)

    def bound(self, concepts: ConceptMap, *, fallback: tuple[str, ...] = ()) -> Rule:
        """This rule as one protocol reads it: its clause ids and its words for them.

        Rules cite concepts (:mod:`ispcheck.concepts`); the pack says which clauses set each one
        out. Without ``fallback``, check :meth:`missing_concepts` first. With it, the rule is read
        leniently: concepts the pack lacks are left out of its citations and its words, and a
        finding left citing nothing cites ``fallback`` (the pack's escalation clauses).
        """
        lenient = bool(fallback)
        render = concepts.render_leniently if lenient else concepts.render

        def optional(text: str | None) -> str | None:
            return None if text is None else render(text)

        variants = tuple(
            Variant(
                v.when,
                None if v.finding is None else concepts.finding(v.finding, fallback=fallback),
                None if v.urgent_finding is None else concepts.finding(v.urgent_finding, fallback=fallback),
            )
            for v in self.variants
        )
        return replace(
            self,
            title=render(self.title),
            clauses=concepts.cite(self.clauses) or fallback,
            message=render(self.message),
            action=optional(self.action),
            urgent_action=optional(self.urgent_action),
            urgent_message=optional(self.urgent_message),
            check_in_words=render(self.check_in_words),
            variants=variants,
        )

    def ways_to_fire(self) -> tuple[tuple[tuple[Gate, ...], Finding, Finding], ...]:
        """Each way the rule can fire: its gates, finding and urgent finding.

        One for a rule without variants (then its ``check``, if any, is asked too); one per
        variant (the rule's gate narrowed by the variant's) for a rule with variants.
        """
        urgent = self.urgent_finding or self.finding
        if not self.variants:
            return ((self.when, self.finding, urgent),)
        ways = []
        for variant in self.variants:
            gates = dict(self.when)
            for name, values in variant.when:
                gates[name] = gates[name] & values if name in gates else values
            finding = variant.finding or self.finding
            ways.append((normalise_when(gates), finding, variant.urgent_finding or variant.finding or urgent))
        return tuple(ways)

    def variant(
        self,
        *,
        effect: Effect | None = None,
        message: str | None = None,
        action: str | None = None,
        clauses: tuple[str, ...] | None = None,
        refer_to: str | None = None,
        after: bool = False,
        interpretations: tuple[str, ...] = (),
    ) -> Finding:
        """A finding of this rule with some parts changed. Build such findings once, not per check.

        ``interpretations`` are added to the rule's own.
        """
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
            interpretations=tuple(
                dict.fromkeys(
                    (*self.interpretations, *interpretations, *(URGENT_AFTERWARDS if after else ()))
                )
            ),
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
    urgent_message: str | None = None,
    when: Mapping[str, Iterable[object] | object] | None = None,
    variants: Iterable[Variant] = (),
    interpretations: Iterable[str] = (),
    predicate_readings: Iterable[str] = (),
    check_in_words: str = "",
    law_regime: LawRegime | None = None,
    predicate_concepts: Iterable[str] = (),
    rests_on: str | None = None,
) -> Callable[[CheckFunction | None], Rule]:
    """Turn a predicate ``(disclosure, facts) -> bool`` into a cited :class:`Rule`.

    ``when`` gates it: the predicate is asked only when each named fact has one of the values
    given, and may assume so.
    """

    def build(check: CheckFunction | None) -> Rule:
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
            urgent_message=urgent_message,
            when=normalise_when(when),
            variants=tuple(variants),
            interpretations=tuple(interpretations),
            predicate_readings=tuple(predicate_readings),
            check_in_words=check_in_words,
            law_regime=law_regime,
            predicate_concepts=tuple(predicate_concepts),
            rests_on=rests_on,
        )

    return build


def gated_rule(id: str, *, when: Mapping[str, Iterable[object] | object], **details: Any) -> Rule:
    """A rule that is all data: it fires whenever its gate holds, and is never called.

    Takes the same details as :func:`rule`. For example, personal data sent by post::

        gated_rule("handling.post", when={"handling.channel": "post"}, title=..., ...)
    """
    return rule(id, when=when, **details)(None)
