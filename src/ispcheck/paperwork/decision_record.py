"""The record of a sharing decision (Appendix 2, questions 8 and 10), to print or to file.

It sets out what was to be shared, with whom, why and on what lawful basis, then ispcheck's
decision: the outcome, the conditions, who must decide first, every finding with the clauses it
rests on, the standing obligations, the pack and version, who decided and when. It ends with the
boxes for recording the share itself once it has happened.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..decision import Decision, Effect
from ..disclosure import Disclosure
from ..engine import Checker, default_checker
from ..errors import PackError, PluginError
from ..pack import DEFAULT_PACK, Clause, Pack
from ..partners import Partner
from ..templating import utc_time
from ..validation import parse_disclosure
from .facts import CAPTIONS, describe, resolve_pack
from .render import render_template

__all__ = ["DecisionRecord", "decision_record", "render_decision_record"]

#: The disclosure, row by row, as the record shows it (labels ours).
_ROWS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("From", ("discloser.organisation", "discloser.officer", "discloser.kind")),
    ("To", ("recipient.organisation", "recipient.officer", "recipient.kind")),
    ("About", ("subjects",)),
    ("What", ("data.description",)),
    ("Kinds of data", ("data.categories", "data.special_category_types")),
    ("Where the information came from", ("data.originator",)),
    ("Why", ("purpose.code", "purpose.statement")),
    ("Lawful basis", ("lawful_basis",)),
    ("Consent", ("consent",)),
    ("Necessity and proportionality", ("necessity",)),
    ("Accuracy", ("accuracy",)),
    ("Handling", ("handling",)),
    ("Setting and circumstances", ("context",)),
)
_EFFECT_WORDS = {
    Effect.BLOCK: "stops the share",
    Effect.REFER: "refer first",
    Effect.CONDITION: "condition",
    Effect.ADVICE: "advice",
}


@dataclass(frozen=True, slots=True)
class DecisionRecord:
    """A decision with the disclosure it was made on, ready to render."""

    disclosure: Disclosure
    decision: Decision
    decided_by: str | None
    facts: tuple[tuple[str, tuple[str, ...]], ...]
    clauses: tuple[Clause, ...]
    pack_title: str
    #: Each rule's title by its id, so a finding is named in words; its id is kept as a reference.
    rule_titles: Mapping[str, str] = field(default_factory=dict)
    #: Where the protocol asks for the share to be recorded, in its words ("Appendix 2, questions
    #: 8 and 10"); empty when it does not say.
    recording_clauses: str = ""

    @property
    def marking(self) -> str:
        return self.disclosure.handling.classification

    @property
    def made_at(self) -> str:
        return utc_time(self.decision.made_at)

    @property
    def findings(self) -> tuple[tuple[str, Any, str | None], ...]:
        """Every finding with its effect in words and its rule's title (None for a finding the
        engine made itself, which has no rule), strictest first."""
        order = (Effect.BLOCK, Effect.REFER, Effect.CONDITION, Effect.ADVICE)
        return tuple(
            (_EFFECT_WORDS[effect], f, self.rule_titles.get(f.rule_id))
            for effect in order
            for f in self.decision.findings_with(effect)
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "disclosure": self.disclosure.model_dump(mode="json"),
            "decision": self.decision.to_dict(),
            "decided_by": self.decided_by,
            "clauses": [{"id": c.id, "title": c.title} for c in self.clauses],
        }


def decision_record(
    disclosure: Disclosure | Mapping[str, Any],
    decision: Decision | None = None,
    decided_by: str | None = None,
    *,
    pack: Pack | str | Path | None = None,
    checker: Checker | None = None,
) -> DecisionRecord:
    """The record of the decision on a disclosure.

    Without ``decision`` the disclosure is decided now, by ``checker`` or (by default) the shipped
    pack with any installed rule plugins. A dict is validated first (raises ``DisclosureError``).
    """
    if not isinstance(disclosure, Disclosure):
        disclosure = parse_disclosure(disclosure)
    if pack is not None:
        pack = resolve_pack(pack)  # once: the checker and the record then share the loaded pack
    if decision is None:
        checker = checker or (Checker(pack) if pack is not None else default_checker())
        decision = checker.check(disclosure)
    chosen = _pack_for(decision, pack, checker)
    cited = {c for f in decision.findings for c in f.clauses} | {
        c for o in decision.obligations for c in o.clauses
    }
    return DecisionRecord(
        disclosure=disclosure,
        decision=decision,
        decided_by=decided_by.strip() if decided_by and decided_by.strip() else None,
        facts=tuple(
            (
                label,
                _lines(disclosure, label, paths, chosen) + _urgent_basis(disclosure, decision, label, chosen),
            )
            for label, paths in _ROWS
        ),
        clauses=tuple(c for c in chosen.clauses.values() if c.id in cited),
        pack_title=chosen.meta.title,
        rule_titles=_rule_titles(checker, chosen),
        recording_clauses=(
            chosen.concepts.render("[[recording-the-decision]]")
            if chosen.concepts.has("recording-the-decision")
            else ""
        ),
    )


def render_decision_record(
    disclosure: Disclosure | Mapping[str, Any],
    decision: Decision | None = None,
    fmt: str = "html",
    decided_by: str | None = None,
    *,
    pack: Pack | str | Path | None = None,
    checker: Checker | None = None,
) -> str:
    """The record of a sharing decision as HTML or Markdown (see :func:`decision_record`)."""
    record = decision_record(disclosure, decision, decided_by, pack=pack, checker=checker)
    return render_template("decision_record", fmt, record=record)


def _rule_titles(checker: Checker | None, pack: Pack) -> dict[str, str]:
    """Each rule's title by its id: a record lists findings by their rule's name in words.

    A decision recorded earlier is printed with the rules of its pack as installed now; if they
    cannot be gathered, the record still names every rule by its reference.
    """
    if checker is None:
        try:
            checker = default_checker() if pack.name == DEFAULT_PACK else Checker(pack)
        except (PackError, PluginError):
            return {}
    return {registered.rule.id: registered.rule.title for registered in checker.rules}


def _pack_for(decision: Decision, pack: Pack | None, checker: Checker | None) -> Pack:
    if pack is not None:
        return pack
    if checker is not None:
        return checker.pack
    if decision.pack_name != DEFAULT_PACK:
        try:
            return resolve_pack(decision.pack_name)
        except PackError:
            pass
    return resolve_pack(None)


#: The basis a share rests on in an emergency when none is recorded, in words (the protocol's
#: police request form says so: ``[[police-request-form]]``).
_VITAL_INTERESTS = (
    "Lawful basis (UK GDPR Article 6): none recorded; with an urgent risk to life the share rests on "
    "vital interests (UK GDPR Article 6(1)(d)), to be recorded as soon as the emergency allows "
    "([[police-request-form]])."
)
_VITAL_INTERESTS_9 = (
    "Special category condition (UK GDPR Article 9): none recorded; with an urgent risk to life, "
    "where the person cannot consent, it rests on vital interests (UK GDPR Article 9(2)(c)), to be "
    "recorded as soon as the emergency allows ([[police-request-form]])."
)


def _urgent_basis(disclosure: Disclosure, decision: Decision, label: str, pack: Pack) -> tuple[str, ...]:
    """On the urgent path, the basis the share rests on where the disclosure records none.

    "Lawful basis: not recorded" on the record of a share made to protect life would read as a
    share with no basis; in an emergency the basis is vital interests, recorded afterwards.
    """
    if label != "Lawful basis" or not decision.urgent:
        return ()
    basis = disclosure.lawful_basis
    lines = []
    if basis is None or basis.article6 is None:
        lines.append(pack.concepts.render_leniently(_VITAL_INTERESTS))
    special = "special_category" in disclosure.data.categories or bool(disclosure.data.special_category_types)
    could_consent = disclosure.consent is not None and disclosure.consent.status in (
        "obtained",
        "refused",
        "withdrawn",
    )
    if special and (basis is None or basis.article9 is None) and not could_consent:
        lines.append(pack.concepts.render_leniently(_VITAL_INTERESTS_9))
    return tuple(lines)


def _lines(disclosure: Disclosure, label: str, paths: tuple[str, ...], pack: Pack) -> tuple[str, ...]:
    if paths == ("subjects",):
        return tuple(
            s.role.replace("_", " ")
            + {True: " (a child)", False: " (an adult)", None: ""}[s.is_child]
            + (" (has died)" if s.deceased else "")
            for s in disclosure.subjects
        )
    lines: list[str] = []
    for path in paths:
        words = describe(disclosure, path, pack)
        if len(paths) > 1 and path in CAPTIONS:
            words = tuple(f"{CAPTIONS[path]}: {w}" for w in words)
        lines.extend(words)
    if label == "To":
        partner = pack.register.lookup(disclosure.recipient.organisation)
        if partner is None:
            lines.append(
                pack.concepts.render_leniently(
                    "Not in the protocol's partner register ([[signatory-register]])."
                )
            )
        elif isinstance(partner, Partner):
            lines.append(f"A signatory of the protocol ({pack.clause_name(partner.appendix)}).")
        else:
            lines.append(f"Not a signatory of the protocol: {partner.note}")
    return tuple(lines)
