"""Finding an organisation in the signatory register.

Two kinds of matching, on purpose. ``exact`` is what a decision uses: the name or a known alias,
after tidying case, punctuation and common short forms ("Warks", "BC"). A near miss must not make
an unsigned agency look signed. ``search`` is what a person at the command line uses: tolerant,
ranked, and honest about near misses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Literal

from .kinds import RELEVANT_AUTHORITY
from .vocabulary import OrganisationKind

__all__ = ["Match", "NonSignatory", "Partner", "PartnerRegister", "normalise"]

PartnerClass = Literal["responsible_authority", "board_member", "additional_signatory"]

CLASS_LABELS: dict[str, str] = {
    "responsible_authority": "responsible authority (Crime and Disorder Act 1998)",
    "board_member": "Safer Warwickshire Partnership Board member",
    "additional_signatory": "additional signatory",
}

_SHORT_FORMS = {
    "warks": "warwickshire",
    "bc": "borough council",
    "dc": "district council",
    "cc": "county council",
    "&": "and",
}
_NOISE = frozenset({"the", "ltd", "limited", "plc"})
_NON_WORD = re.compile(r"[^a-z0-9&]+")


@lru_cache(maxsize=4096)
def normalise(name: str) -> str:
    """Fold a name to a comparable form: lower case, no punctuation, short forms expanded.

    Cached: the same few names recur on every check, and folding one costs microseconds.
    """
    words = _NON_WORD.sub(" ", name.lower().replace("&", " & ")).split()
    return " ".join(_SHORT_FORMS.get(w, w) for w in words if w not in _NOISE)


@dataclass(frozen=True, slots=True)
class Partner:
    name: str
    partner_class: PartnerClass
    appendix: str
    #: The kind of organisation, in the contract's codes (:mod:`ispcheck.kinds`).
    kind: OrganisationKind
    public_authority: bool
    aliases: tuple[str, ...] = ()
    chief_officer_role: str | None = None
    designated_officer_roles: tuple[str, ...] = ()
    note: str | None = None
    #: A responsible authority (1.3): the protocol's class, shown to people. Worked out once, as
    #: plain attributes rather than properties.
    is_responsible_authority: bool = field(init=False, repr=False, compare=False)
    #: A relevant authority under s.115(2) of the Crime and Disorder Act 1998, by its kind (the
    #: Act decides this, not the protocol's class). The engine reads it on every check.
    relevant_authority: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "is_responsible_authority", self.partner_class == "responsible_authority")
        object.__setattr__(self, "relevant_authority", RELEVANT_AUTHORITY[self.kind])

    @property
    def class_label(self) -> str:
        return CLASS_LABELS[self.partner_class]


@dataclass(frozen=True, slots=True)
class NonSignatory:
    """An organisation people may expect to be signed up, which the protocol says is not."""

    name: str
    note: str
    clauses: tuple[str, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Match:
    entry: Partner | NonSignatory
    score: float
    exact: bool

    @property
    def is_signatory(self) -> bool:
        return isinstance(self.entry, Partner)


class PartnerRegister:
    """The partners of a pack, indexed for lookup."""

    def __init__(self, partners: Iterable[Partner], non_signatories: Iterable[NonSignatory] = ()) -> None:
        self.partners = tuple(partners)
        self.non_signatories = tuple(non_signatories)
        self._index: dict[str, Partner | NonSignatory] = {}
        entries: tuple[Partner | NonSignatory, ...] = (*self.partners, *self.non_signatories)
        for entry in entries:
            for name in (entry.name, *entry.aliases):
                self._index.setdefault(normalise(name), entry)
        self._cache: dict[str, Partner | NonSignatory | None] = {}
        self._signatories: dict[str, Partner | None] = {}

    def exact(self, name: str) -> Partner | None:
        """The signatory this name or alias denotes, or None. Called twice on every check."""
        try:
            return self._signatories[name]
        except KeyError:
            found = self.lookup(name)
            if len(self._signatories) > 4096:
                self._signatories.clear()
            signatory = self._signatories[name] = found if isinstance(found, Partner) else None
            return signatory

    def lookup(self, name: str) -> Partner | NonSignatory | None:
        """The register entry (signatory or known non-signatory) this exact name denotes.

        Cached by the name as given: the same few names recur on every check.
        """
        try:
            return self._cache[name]
        except KeyError:
            pass
        found = self._index.get(normalise(name))
        if len(self._cache) > 4096:
            self._cache.clear()
        self._cache[name] = found
        return found

    def search(self, name: str, limit: int = 5) -> list[Match]:
        """Ranked matches for a person typing a name; exact matches come first and alone."""
        query = normalise(name)
        if not query:
            return []
        found = self._index.get(query)
        if found is not None:
            return [Match(found, 1.0, exact=True)]
        q_words = set(query.split())
        best: dict[int, Match] = {}
        for key, entry in self._index.items():
            words = set(key.split())
            score = SequenceMatcher(None, query, key).ratio()
            if q_words <= words or words <= q_words:
                score = max(score, 0.8)
            elif q_words & words - {"and", "council", "of", "for"}:
                score = max(score, 0.4 + 0.4 * len(q_words & words) / len(q_words | words))
            old = best.get(id(entry))
            if score >= 0.6 and (old is None or score > old.score):
                best[id(entry)] = Match(entry, round(score, 3), exact=False)
        return sorted(best.values(), key=lambda m: (-m.score, m.entry.name))[:limit]
