"""Finding an organisation in the signatory register.

Two kinds of matching, on purpose. ``exact`` is what a decision uses: the name or a known alias,
after tidying case, punctuation and short forms ("BC", and the pack's own, such as a county's
usual abbreviation). A near miss must not make
an unsigned agency look signed. ``search`` is what a person typing a name uses: tolerant of
spelling, ranked, and honest about near misses, but it offers only a body that is plausibly the one
meant. Words every organisation's name has (council, service, network) and place names (West
Midlands, and the pack's own places) say nothing about which body it is, so the distinctive words must agree:
"West Midlands Ambulance Service" is never offered "West Midlands Anti-Slavery Network".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Literal

from .kinds import RELEVANT_AUTHORITY
from .vocabulary import OrganisationKind

__all__ = ["KnownAs", "Match", "NonSignatory", "Partner", "PartnerRegister", "normalise"]

PartnerClass = Literal["responsible_authority", "board_member", "additional_signatory"]

#: What each class of signatory is called, unless the pack words it (``[matching] class_labels``).
CLASS_LABELS: dict[str, str] = {
    "responsible_authority": "responsible authority (Crime and Disorder Act 1998)",
    "board_member": "member of the partnership's board",
    "additional_signatory": "additional signatory",
}

#: Short forms any English local government name may use; a pack adds its area's own.
_SHORT_FORMS = {
    "bc": "borough council",
    "dc": "district council",
    "cc": "county council",
    "&": "and",
}
_NOISE = frozenset({"the", "ltd", "limited", "plc"})
_NON_WORD = re.compile(r"[^a-z0-9&]+")
#: Words that join the others in a name; they say nothing.
_CONNECTORS = frozenset({"and", "of", "for", "on", "upon", "in", "at", "to", "by"})
#: Words that say what sort of body something is, not which one: not distinctive in a name.
_GENERIC = frozenset(
    {
        "service", "services", "council", "borough", "district", "county", "city", "town", "parish",
        "network", "partnership", "trust", "group", "team", "project", "charity", "cic", "association",
        "foundation", "authority", "board", "department", "office", "unit", "agency", "centre",
        "center", "company", "organisation", "organization", "society", "uk",
    }
)  # fmt: skip
#: Compass words: "North Yorkshire" is not "Yorkshire", so where both name a place these agree.
_DIRECTIONS = frozenset({"north", "south", "east", "west", "central"})


@lru_cache(maxsize=4096)
def normalise(name: str) -> str:
    """Fold a name to a comparable form: lower case, no punctuation, short forms expanded.

    Cached: the same few names recur on every check, and folding one costs microseconds.
    """
    words = _NON_WORD.sub(" ", name.lower().replace("&", " & ")).split()
    return " ".join(_SHORT_FORMS.get(w, w) for w in words if w not in _NOISE)


@dataclass(frozen=True, slots=True)
class KnownAs:
    """Names that mean an organisation for a reason worth saying, kept with the reason.

    A county's fire and rescue service is its county council only because the council is the fire
    and rescue authority; a person typing the one should be told why they got the other.
    """

    names: tuple[str, ...]
    #: Said after the name typed: "is part of the County Council (the fire and rescue authority)".
    reason: str


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
    #: Other names it goes by that need saying why (a service that is part of it).
    known_as: tuple[KnownAs, ...] = ()
    #: A responsible authority (1.3): the protocol's class, shown to people. Worked out once, as
    #: plain attributes rather than properties.
    is_responsible_authority: bool = field(init=False, repr=False, compare=False)
    #: A relevant authority under s.115(2) of the Crime and Disorder Act 1998, by its kind (the
    #: Act decides this, not the protocol's class). The engine reads it on every check.
    relevant_authority: bool = field(init=False, repr=False, compare=False)

    #: What its class is called, in the pack's words (the default when the pack has none).
    class_label: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "is_responsible_authority", self.partner_class == "responsible_authority")
        object.__setattr__(self, "relevant_authority", RELEVANT_AUTHORITY[self.kind])
        if not self.class_label:
            object.__setattr__(self, "class_label", CLASS_LABELS[self.partner_class])


@dataclass(frozen=True, slots=True)
class NonSignatory:
    """An organisation people may expect to be signed up, which the protocol says is not."""

    name: str
    note: str
    clauses: tuple[str, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Match:
    """A register entry found for a name typed, with the name it was found by and why."""

    entry: Partner | NonSignatory
    score: float
    exact: bool
    #: The entry's name or other name (as the register writes it) that the name typed matched.
    via: str = ""
    #: Why that other name means this entry, where the register says (:class:`KnownAs`).
    reason: str | None = None

    @property
    def is_signatory(self) -> bool:
        return isinstance(self.entry, Partner)


class PartnerRegister:
    """The partners of a pack, indexed for lookup.

    ``places`` are the place names of the pack's area, which say where a body is but not which body
    it is (see :meth:`search`). ``short_forms`` are the area's own abbreviations, one word each,
    with what they stand for (a county's usual short name, say), folded like the general ones.
    """

    def __init__(
        self,
        partners: Iterable[Partner],
        non_signatories: Iterable[NonSignatory] = (),
        places: Iterable[str] = (),
        short_forms: Mapping[str, str] | None = None,
    ) -> None:
        self.partners = tuple(partners)
        self.non_signatories = tuple(non_signatories)
        self._short_forms = {normalise(k): normalise(v) for k, v in (short_forms or {}).items()}
        self.places = frozenset(self.normalise(p) for p in places)
        self._index: dict[str, Partner | NonSignatory] = {}
        #: Each indexed name as the register writes it, and why it means its entry where said.
        self._written: dict[str, str] = {}
        self._reasons: dict[str, str] = {}
        entries: tuple[Partner | NonSignatory, ...] = (*self.partners, *self.non_signatories)
        for entry in entries:
            named: list[tuple[str, str | None]] = [(name, None) for name in (entry.name, *entry.aliases)]
            if isinstance(entry, Partner):
                named += [(name, k.reason) for k in entry.known_as for name in k.names]
            for name, reason in named:
                key = self.normalise(name)
                if key in self._index:
                    continue
                self._index[key] = entry
                self._written[key] = name
                if reason:
                    self._reasons[key] = reason
        #: Each indexed name's words sorted by what they say; worked out at the first search, as
        #: only a person typing a name needs them and a check must not wait for them.
        self._words: dict[str, _Words] | None = None
        self._cache: dict[str, Partner | NonSignatory | None] = {}
        self._signatories: dict[str, Partner | None] = {}

    def normalise(self, name: str) -> str:
        """Fold a name as :func:`normalise` does, with the pack's short forms expanded too."""
        folded = normalise(name)
        if not self._short_forms:
            return folded
        return " ".join(self._short_forms.get(word, word) for word in folded.split())

    def names(self) -> list[str]:
        """Every name and other name in the register, as written, for completing a name typed."""
        return sorted(set(self._written.values()))

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
        found = self._index.get(self.normalise(name))
        if len(self._cache) > 4096:
            self._cache.clear()
        self._cache[name] = found
        return found

    def search(self, name: str, limit: int = 5) -> list[Match]:
        """Ranked matches for a person typing a name; an exact match comes first and alone.

        Otherwise only plausible matches: the distinctive words of the two names (those neither
        generic, like "council", nor a place) agree, allowing for a slip of spelling; the places
        agree where both name one; and a name made only of place and generic words matches only
        another such name for the same place ("Dover council"). Ranked by overall likeness.
        """
        query = self.normalise(name)
        if not query:
            return []
        found = self._index.get(query)
        if found is not None:
            return [Match(found, 1.0, exact=True, via=self._written[query], reason=self._reasons.get(query))]
        asked = _Words.of(query, self.places)
        if self._words is None:
            self._words = {key: _Words.of(key, self.places) for key in self._index}
        best: dict[int, Match] = {}
        for key, entry in self._index.items():
            if not _plausible(asked, self._words[key]):
                continue
            score = round(SequenceMatcher(None, query, key).ratio(), 3)
            old = best.get(id(entry))
            if old is None or score > old.score:
                via, reason = self._written[key], self._reasons.get(key)
                best[id(entry)] = Match(entry, score, exact=False, via=via, reason=reason)
        return sorted(best.values(), key=lambda m: (-m.score, m.entry.name))[:limit]


@dataclass(frozen=True, slots=True)
class _Words:
    """A folded name's words, sorted by what they say: which body, what sort, where, which way."""

    distinctive: frozenset[str]
    kinds: frozenset[str]
    places: frozenset[str]
    directions: frozenset[str]

    @classmethod
    def of(cls, folded: str, places: frozenset[str]) -> _Words:
        words = [w for w in folded.split() if len(w) > 1 and w not in _CONNECTORS]
        # Generic and place words are recognised allowing for a slip of spelling ("Borogh",
        # "Yorkshre"); a place of several words ("royal tunbridge wells") word by word.
        kinds = {w for w in words if any(_alike(w, g) for g in _GENERIC)}
        place_words = {w for p in places for w in p.split()}
        where = {w for w in words if w not in kinds and any(_alike(w, p) for p in place_words)}
        return cls(
            distinctive=frozenset(
                w for w in words if w not in kinds and w not in where and w not in _DIRECTIONS
            ),
            kinds=frozenset(kinds),
            places=frozenset(where),
            directions=frozenset(w for w in words if w in _DIRECTIONS),
        )


def _plausible(asked: _Words, known: _Words) -> bool:
    """Whether the name asked for is plausibly the body known by the other: never a different one.

    The distinctive words must be the same on both sides (allowing a slip of spelling): sharing
    one word is not enough ("Walsall Housing" is not "Spring Housing"). Where both name places,
    the places asked for must be among the other's, facing the same way ("North Yorkshire" is
    not "Yorkshire"). A name of only place and generic words ("Dover council") matches only
    another such name, for those places, of the same sort of body (a council is not a trust).
    """
    if asked.distinctive or known.distinctive:
        if not _same(asked.distinctive, known.distinctive):
            return False
    elif not (
        asked.places and known.places and (not asked.kinds or not known.kinds or asked.kinds & known.kinds)
    ):
        return False
    if asked.places and known.places:
        if not all(any(_alike(p, k) for k in known.places) for p in asked.places):
            return False
        if asked.directions != known.directions:
            return False
    return True


def _same(these: frozenset[str], those: frozenset[str]) -> bool:
    """Every word of each set is alike a word of the other (neither set empty)."""
    return (
        bool(these and those)
        and all(any(_alike(a, b) for b in those) for a in these)
        and all(any(_alike(b, a) for a in these) for b in those)
    )


def _alike(a: str, b: str) -> bool:
    """The same word, or one slip of spelling apart (two in a long word); short words must agree."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    if shorter < 5:
        return False
    return _edits(a, b, 2 if shorter >= 9 else 1) <= (2 if shorter >= 9 else 1)


def _edits(a: str, b: str, most: int) -> int:
    """Edits (insert, delete, change, swap two neighbours) from ``a`` to ``b``; stops above ``most``."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    before: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, y in enumerate(b, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y))
            if before is not None and i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > most:
            return most + 1
        before, previous = previous, current
    return previous[-1]
