"""What a loaded protocol pack is: its entries, as checked structs, and the Pack that holds them.

The loader (:mod:`ispcheck.pack`) reads a pack folder into these; rules, the engine and the
paperwork read them. The core entries are msgspec structs rather than pydantic models: deciding a
disclosure needs the pack, and pydantic alone takes longer to import than the rest of a check.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import msgspec

from .concepts import ConceptMap
from .decision import Obligation
from .pack_versions import PackVersion, version_on
from .partners import PartnerRegister

if TYPE_CHECKING:
    from .pack_forms import Declaration, RequestForm

__all__ = [
    "CLAUSE_ID",
    "DEFAULT_SMALL_NUMBER_THRESHOLD",
    "Clause",
    "ConceptEntry",
    "FindingWords",
    "Interpretation",
    "KnownAsEntry",
    "Matching",
    "Meta",
    "NonSignatoryEntry",
    "ObligationEntry",
    "Pack",
    "Paperwork",
    "PartnerEntry",
    "Question",
    "QuestionWords",
    "SettingInfo",
    "UnknownRisk",
    "VocabularyEntry",
]

#: The small-number threshold of a pack that does not set one: figures with a cell below 5.
DEFAULT_SMALL_NUMBER_THRESHOLD = 5


class _Entry(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A pack entry: unknown keys rejected, immutable once checked."""


_Text = Annotated[str, msgspec.Meta(min_length=1)]
_Cited = Annotated[tuple[str, ...], msgspec.Meta(min_length=1)]


class Meta(_Entry, frozen=True, forbid_unknown_fields=True):
    name: str
    title: str
    publisher: str
    version: str
    last_updated: date
    effective_date: date
    review_interval_months: Annotated[int, msgspec.Meta(ge=1, le=60)]
    source: str
    escalation_role: str
    escalation_clauses: _Cited
    #: Figures with a cell below this count may identify someone, so are treated as personal data
    #: (a whole number, 1 or more). The ICO's anonymisation code names small cell values as a risk.
    small_number_threshold: Annotated[int, msgspec.Meta(ge=1, le=1000)] = DEFAULT_SMALL_NUMBER_THRESHOLD
    #: Where the threshold comes from, in words (shown with the finding that uses it).
    small_number_reference: str = ""
    #: The shape of this protocol's clause ids, as a regular expression every id must match in
    #: full (so a mistyped id is caught on load); any id of the general shape when not given.
    clause_id_pattern: str | None = None

    @property
    def review_due(self) -> date:
        """The date the next review falls due, counted from the last update."""
        month = self.last_updated.month - 1 + self.review_interval_months
        year, month = self.last_updated.year + month // 12, month % 12 + 1
        day = min(self.last_updated.day, calendar.monthrange(year, month)[1])
        return date(year, month, day)


#: The shape of a clause id any pack may use: a letter or digit, then up to 39 more of letters,
#: digits, dots, brackets, hyphens and slashes ("4.4", "A2.Q1", "S4(b)", "Part 3/2"). A pack
#: narrows it with ``clause_id_pattern`` in pack.toml, which catches a mistyped id.
CLAUSE_ID = r"^[A-Za-z0-9][A-Za-z0-9.()/ -]{0,39}$"


class Clause(_Entry, frozen=True, forbid_unknown_fields=True):
    id: Annotated[str, msgspec.Meta(pattern=CLAUSE_ID)]
    title: _Text
    summary: _Text
    scope: Literal["disclosure", "organisation"]
    #: How the protocol's own text names the clause, where not by its id ("Appendix 5" for A5).
    called: _Text | None = None


class ConceptEntry(_Entry, frozen=True, forbid_unknown_fields=True):
    """Where this protocol sets out one concept (``[concept.<id>]`` in concepts.toml)."""

    clauses: _Cited
    #: How the protocol's text names these clauses, where not by their ids ("Appendix 3").
    words: _Text | None = None


class FindingWords(_Entry, frozen=True, forbid_unknown_fields=True):
    """This protocol's own words for what one rule's finding tells the officer (wording.toml).

    Each given part replaces the built-in words of the rule's own finding (the findings of its
    variants keep theirs); ``[[concept]]`` placeholders may name the protocol's clauses.
    """

    message: _Text | None = None
    action: _Text | None = None
    urgent_message: _Text | None = None
    urgent_action: _Text | None = None
    #: Why the protocol's words differ, for the reviewer.
    reason: _Text | None = None

    def texts(self) -> tuple[str | None, ...]:
        return (self.message, self.action, self.urgent_message, self.urgent_action)


class QuestionWords(_Entry, frozen=True, forbid_unknown_fields=True):
    """This protocol's own words for one checklist question (``[question."<id>"]`` in wording.toml).

    ``choices`` gives labels by the choice's value as the contract writes it ("detect_crime";
    "true" and "false" for yes or no).
    """

    text: _Text | None = None
    why: _Text | None = None
    choices: dict[str, _Text] = {}
    reason: _Text | None = None

    def texts(self) -> tuple[str | None, ...]:
        return (self.text, self.why, *self.choices.values())


class KnownAsEntry(_Entry, frozen=True, forbid_unknown_fields=True):
    """Other names of a partner that need saying why they mean it (``[[partner.known_as]]``)."""

    names: Annotated[tuple[_Text, ...], msgspec.Meta(min_length=1)]
    reason: _Text


class Matching(_Entry, frozen=True, forbid_unknown_fields=True):
    """How names typed are matched to the register (``[matching]`` in partners.toml)."""

    #: Place names of the area: they say where a body is, not which body it is.
    places: tuple[_Text, ...] = ()
    #: The area's own short forms, one word each, with what they stand for (``warks = "..."``).
    short_forms: dict[_Text, _Text] = {}
    #: What each class of signatory is called in this protocol, where not the general words.
    class_labels: dict[Literal["responsible_authority", "board_member", "additional_signatory"], _Text] = {}


class PartnerEntry(_Entry, frozen=True, forbid_unknown_fields=True):
    name: _Text
    class_: Literal["responsible_authority", "board_member", "additional_signatory"] = msgspec.field(
        name="class"
    )
    appendix: str
    #: The contract's kind of organisation (``organisation_kind``); checked against it on load.
    kind: str
    public_authority: bool
    aliases: tuple[str, ...] = ()
    chief_officer_role: str | None = None
    designated_officer_roles: tuple[str, ...] = ()
    note: str | None = None
    known_as: tuple[KnownAsEntry, ...] = ()


class NonSignatoryEntry(_Entry, frozen=True, forbid_unknown_fields=True):
    name: _Text
    note: str
    clauses: _Cited
    aliases: tuple[str, ...] = ()


class SettingInfo(_Entry, frozen=True, forbid_unknown_fields=True):
    """A setting of 1.6 where data is shared, with the declaration its attendees sign."""

    code: str
    name: str
    declaration: str
    clauses: _Cited
    recording: Literal["forbidden", "with_agreement", "not_stated"]
    onward_sharing: Literal["chair", "chief_officer_of_police", "lawful_basis"]
    requirements: tuple[str, ...] = ()
    #: Who may attend from an organisation that has not signed: anyone who signs the sheet (6.2),
    #: or only guests the chair has agreed to (MARAC, Appendix 5).
    guests: Literal["sign_declaration", "chair_consent"] = "sign_declaration"
    #: The declaration is made "subject to section 115" of the Crime and Disorder Act 1998.
    declaration_under_s115: bool = False
    #: The pack's interpretation (interpretations.toml) that ``onward_sharing`` rests on, if it goes
    #: beyond the declaration's words.
    onward_sharing_reading: str | None = None
    #: The interpretation that ``guests`` rests on, likewise.
    guests_reading: str | None = None
    #: The statute behind sharing what was said at the meeting, cited where it leaves the meeting.
    onward_sharing_law: tuple[str, ...] = ()

    @property
    def readings(self) -> tuple[str, ...]:
        return tuple(r for r in (self.onward_sharing_reading, self.guests_reading) if r)


class VocabularyEntry(_Entry, frozen=True, forbid_unknown_fields=True):
    code: str
    label: str
    clauses: tuple[str, ...] = ()
    law: str | None = None
    note: str | None = None


class Question(_Entry, frozen=True, forbid_unknown_fields=True):
    """One Appendix 2 question, in the protocol's words and in plain words."""

    id: str
    number: Annotated[int, msgspec.Meta(ge=1)]
    protocol_text: str
    plain: str
    facts: tuple[str, ...] = ()


class ObligationEntry(_Entry, frozen=True, forbid_unknown_fields=True):
    id: str
    text: str
    clauses: _Cited
    applies_to: Literal["discloser", "recipient", "both"] = "both"


class Interpretation(_Entry, frozen=True, forbid_unknown_fields=True):
    """A place where the rules go beyond the protocol's words, set out for the DPO to accept or change."""

    id: Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    title: _Text
    #: The clauses whose words are being read.
    clauses: _Cited
    #: What the protocol's text says (quoted or closely paraphrased, with its numbers).
    protocol_says: _Text
    #: What ispcheck does.
    ispcheck_does: _Text
    #: Why: the reasoning, in plain words.
    why: _Text
    #: The authority relied on: statute, regulation, ICO guidance.
    authority: Annotated[tuple[str, ...], msgspec.Meta(min_length=1)]


class UnknownRisk(_Entry, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """What to confirm when a risk fact is not known (see :mod:`ispcheck.fact_kinds`).

    Becomes the rule ``unknown.<id>``, which fires on personal data when ``fact`` is not known.
    """

    id: Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    #: The fact whose "not known" this is: a contract path, or a fact the engine works out.
    fact: _Text
    #: Further facts that must hold too, each with its values ("not known" for null): for example
    #: profiling is not known only while profiling of children is not said to be happening.
    also_when: dict[str, tuple[bool | str, ...]] = msgspec.field(default_factory=dict)
    #: The contract facts it answers for: each must be a risk (``fact_kinds.toml``).
    about: Annotated[tuple[str, ...], msgspec.Meta(min_length=1)]
    title: _Text
    effect: Literal["condition", "refer"]
    clauses: _Cited
    message: _Text
    action: _Text
    refer_to: str | None = None
    #: On the urgent path: may the confirming wait until the emergency allows?
    urgent_after: bool = False
    urgent_action: str | None = None
    interpretations: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pack:
    """A loaded, checked protocol pack."""

    meta: Meta
    clauses: dict[str, Clause]
    register: PartnerRegister
    settings: dict[str, SettingInfo]
    vocabulary: dict[str, dict[str, VocabularyEntry]]
    checklist: tuple[Question, ...]
    obligations: tuple[Obligation, ...]
    #: Where the rules go beyond the protocol's words, by id.
    interpretations: dict[str, Interpretation] = field(default_factory=dict)
    #: What to confirm for each risk fact that is not known.
    unknown_risks: tuple[UnknownRisk, ...] = ()
    path: Path | None = None
    #: The protocol's dated versions, newest first (``versions.toml``); empty when it lists none.
    versions: tuple[PackVersion, ...] = ()
    #: The protocol's clauses on its versions (its change history), cited by decisions that say
    #: which version they were made under.
    version_clauses: tuple[str, ...] = ()
    #: For an older version: its folder, whose files stand in for the pack's own.
    overlay: Path | None = None
    #: Which of its clauses set out each concept the rules rest on (``concepts.toml``).
    concepts: ConceptMap = field(default_factory=ConceptMap.empty)
    #: The protocol's own words for what some rules' findings say, by rule id (``wording.toml``).
    wording: dict[str, FindingWords] = field(default_factory=dict)
    #: The protocol's own words for some checklist questions, by question id (``wording.toml``).
    question_wording: dict[str, QuestionWords] = field(default_factory=dict)
    #: Reads the paperwork files the first time they are asked for (set by the loader, which
    #: knows the files; without it the pack has no paperwork).
    paperwork_reader: Callable[[Pack], Paperwork] | None = field(default=None, repr=False, compare=False)

    @property
    def name(self) -> str:
        return self.meta.name

    @property
    def small_number_threshold(self) -> int:
        """Figures with a cell below this count are treated as personal data (``pack.toml``)."""
        return self.meta.small_number_threshold

    @property
    def version(self) -> str:
        return self.meta.version

    def has_clause(self, clause_id: str) -> bool:
        return clause_id in self.clauses

    def clause_name(self, clause_id: str) -> str:
        """How the protocol's text names a clause: "Appendix 5" for A5, "4.4" for 4.4."""
        clause = self.clauses.get(clause_id)
        return clause.called if clause is not None and clause.called else clause_id

    @cached_property
    def review_due(self) -> date:
        """When the pack's annual review falls due (``meta.review_due``, worked out once)."""
        return self.meta.review_due

    @cached_property
    def paperwork(self) -> Paperwork:
        """The request forms and declarations, read and checked on first use (raises PackError)."""
        if self.path is None or self.paperwork_reader is None:
            return Paperwork({}, {})
        return self.paperwork_reader(self)

    def version_on(self, day: date) -> PackVersion | None:
        """The version in force on ``day`` (None before the first); see :mod:`ispcheck.pack_versions`."""
        return version_on(self.versions, day)

    @property
    def forms(self) -> dict[str, RequestForm]:
        """The request forms (Appendices 10 and 11) by appendix id; empty without forms.toml."""
        return self.paperwork.forms

    @property
    def declarations(self) -> dict[str, Declaration]:
        """The declarations (Appendices 3 to 9) by appendix id; empty without declarations.toml."""
        return self.paperwork.declarations


@dataclass(frozen=True)
class Paperwork:
    """The paperwork of a pack: its request forms and confidentiality declarations."""

    forms: dict[str, RequestForm]
    declarations: dict[str, Declaration]
