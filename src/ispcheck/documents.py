"""JSON documents about the rules, the signatories and the pack, as machines read them.

``ispcheck rules --format json``, ``ispcheck partners --format json`` and the decision service's
``/v1/rules``, ``/v1/partners`` and ``/v1/pack`` give the same documents, built here once so a
case system sees the same names whichever way it asks.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .engine import Checker
    from .pack import Pack
    from .partners import Partner

__all__ = ["pack_document", "pack_revision", "partner_document", "partners_document", "rules_document"]


def rules_document(checker: Checker) -> dict[str, Any]:
    """Every rule the checker applies, with its trigger in words and the facts and readings it rests on."""
    from .catalogue import fact_catalogue, interpretation_catalogue
    from .concepts import CONCEPTS
    from .fact_words import rule_in_words
    from .gates import gate_values

    return {
        "pack": {"name": checker.pack.name, "version": checker.pack.version},
        "rules": [
            {
                "id": r.rule.id,
                "title": r.rule.title,
                "effect": r.rule.effect.value,
                "when_urgent": r.rule.when_urgent.value if r.rule.when_urgent else None,
                "clauses": list(r.rule.clauses),
                "law": list(r.rule.law),
                "applies_to": "personal data" if r.rule.personal_only else "any data",
                "law_regime": r.rule.law_regime,
                "fires_when": gate_values(r.rule.when),
                "variants": [gate_values(v.when) for v in r.rule.variants],
                "in_words": rule_in_words(r.rule, checker.pack),
                "has_predicate": r.rule.check is not None,
                "interpretations": list(r.rule.readings),
                "plugin": r.plugin,
            }
            for r in checker.rules
        ],
        "not_in_this_protocol": [
            {
                "id": r.rule.id,
                "title": checker.pack.concepts.render_leniently(r.rule.title),
                "missing_concepts": [{"id": c, "what": CONCEPTS.get(c, "")} for c in r.missing],
                "law_regime": r.rule.law_regime,
                "plugin": r.plugin,
            }
            for r in checker.left_out
        ],
        "cited_in_part": [
            {"id": r.rule.id, "missing_concepts": list(r.missing), "plugin": r.plugin}
            for r in checker.cited_in_part
        ],
        "facts": fact_catalogue(checker),
        "interpretations": interpretation_catalogue(checker),
        "broken_plugins": [{"name": b.name, "problem": b.problem} for b in checker.broken_plugins],
    }


def partner_document(p: Partner) -> dict[str, Any]:
    """One entry of the signatory register (organisations and roles only)."""
    return {
        "name": p.name,
        "class": p.partner_class,
        "appendix": p.appendix,
        "kind": p.kind,
        "public_authority": p.public_authority,
        "relevant_authority": p.relevant_authority,
        "aliases": list(p.aliases),
        "chief_officer_role": p.chief_officer_role,
        "designated_officer_roles": list(p.designated_officer_roles),
        "note": p.note,
    }


def partners_document(pack: Pack, query: str) -> dict[str, Any] | list[dict[str, Any]]:
    """Every signatory (no query), or what ``query`` matches and whether it has signed."""
    register = pack.register
    query = query.strip()
    if not query:
        return [partner_document(p) for p in register.partners]
    from .partners import Partner

    matches = register.search(query)
    entry = matches[0].entry if matches else None
    signed = isinstance(entry, Partner) and matches[0].exact and matches[0].is_signatory
    return {
        "query": query,
        "signatory": signed,
        "matches": [
            {"name": m.entry.name, "exact": m.exact, "score": m.score, "signatory": m.is_signatory}
            for m in matches
        ],
        "partner": partner_document(entry) if signed and isinstance(entry, Partner) else None,
    }


def pack_revision(pack: Pack) -> str:
    """A hash of every file of the pack: two services answering alike show the same revision.

    The version names the protocol's update; the revision changes with any edit to the pack, so
    a case system (or an auditor) can tell exactly which rules decided.
    """
    digest = hashlib.sha256()
    if pack.path is not None:
        for path in sorted(p for p in pack.path.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(path.relative_to(pack.path).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def pack_document(checker: Checker) -> dict[str, Any]:
    """The pack that decides: its name, version, revision and when its review falls due."""
    meta = checker.pack.meta
    return {
        "name": meta.name,
        "title": meta.title,
        "publisher": meta.publisher,
        "version": meta.version,
        "revision": pack_revision(checker.pack),
        "last_updated": meta.last_updated.isoformat(),
        "effective_date": meta.effective_date.isoformat(),
        "review_due": checker.pack.review_due.isoformat(),
        "rules": len(checker.rules),
        "broken_plugins": [b.name for b in checker.broken_plugins],
        # The protocol's dated versions, newest first: a decision as of an earlier day is made
        # under the one then in force, or names it when its text is not held.
        "versions": [
            {
                "id": v.id,
                "title": v.title,
                "in_force_from": v.in_force_from.isoformat(),
                "text_held": v.held,
            }
            for v in checker.pack.versions
        ],
    }
