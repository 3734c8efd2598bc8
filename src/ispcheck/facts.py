"""What the engine works out once per disclosure, so that rules need not repeat it.

Most of these are plain yes-or-no facts ("a purpose statement is given", "the information came
from someone else"). Because they have a closed set of values, a rule can name them in its gate
(``when``) rather than test them in code, and a rule that is all gate costs almost nothing: see
:mod:`ispcheck.gates`. :data:`CLOSED_FACTS` lists them with their values.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from msgspec import Struct
from msgspec.structs import replace

from .kinds import POLICE_KINDS, PUBLIC_AUTHORITY_KINDS, RELEVANT_AUTHORITY
from .pack import DEFAULT_SMALL_NUMBER_THRESHOLD, Pack, SettingInfo
from .partners import NonSignatory, Partner, PartnerRegister
from .view import DisclosureView
from .vocabulary import VOCABULARY

if TYPE_CHECKING:
    from .disclosure import Disclosure

__all__ = [
    "CLOSED_FACTS",
    "MAX_FIELDS",
    "MAY_BE_UNKNOWN",
    "Facts",
    "involves_personal_data",
    "involves_special_category",
]

_PERSONAL = frozenset({"personal", "special_category", "criminal_offence"})
_OFFENDING = frozenset({"offender", "suspect"})
_BOOL: frozenset[object] = frozenset({True, False})
_SEVERAL = frozenset({"several_hidden", "several_visible"})
#: The most fields :class:`Facts` may have without a default: CPython builds a tuple for a call
#: with more positional arguments than this (its compiler's stack-use guideline), and Facts.of
#: passes one per such field. Measured on the project's machine (Python 3.11, msgspec): a struct
#: built from 30 positional locals took about 250-500 ns, from 31 about 590-660 ns, so the limit
#: stays. A fact that is nearly always the same (``about_the_living``) has a default instead, is
#: left out of the call, and is set by ``replace`` only in the rare case it differs.
MAX_FIELDS = 30


def involves_special_category(disclosure: DisclosureView | Disclosure) -> bool:
    """Special category data, named in the categories or by a listed special category type.

    The register reads it to withhold such free text from its records; :meth:`Facts.of` writes
    the same test out for speed (a test holds the two together).
    """
    data = disclosure.data
    return "special_category" in data.categories or bool(data.special_category_types)


def involves_personal_data(
    disclosure: DisclosureView | Disclosure, small_number_threshold: int = DEFAULT_SMALL_NUMBER_THRESHOLD
) -> bool:
    """Any personal data at all: not only anonymised or aggregated figures that identify nobody.

    Figures whose smallest count is below the pack's ``small_number_threshold`` may identify
    someone, so are personal data (pack interpretation ``small-numbers-are-personal-data``).
    The paperwork reads it to refuse a form that asks for personal data (Appendix 11) for a share
    that holds none; :meth:`Facts.of` writes the same test out for speed (a test holds the two
    together).
    """
    data = disclosure.data
    smallest = data.smallest_count
    return (
        involves_special_category(disclosure)
        or not _PERSONAL.isdisjoint(data.categories)
        or (smallest is not None and smallest < small_number_threshold)
    )


class Facts(Struct, frozen=True, gc=False):
    """What the engine works out once per disclosure (see :meth:`of`). Read-only.

    A frozen msgspec struct: it is built on every check, and building one in C from its values
    costs less than setting the attributes of a Python object one by one. Keep it to at most
    :data:`MAX_FIELDS` fields without a default: CPython compiles a call with more positional
    arguments than that into building a tuple first, which costs a few hundred nanoseconds on
    every check. Fields with a default come last and are not passed by :meth:`of`.
    """

    pack: Pack
    today: date
    #: Past the pack's annual review date.
    pack_past_review: bool

    # What is shared, and how urgently.
    special: bool
    criminal: bool
    #: Special category or criminal offence data.
    sensitive: bool
    #: Any personal data at all (not anonymised or aggregated only), counting figures with a cell
    #: below the pack's small-number threshold as personal data.
    personal: bool
    urgent: bool
    #: The setting, with "not known" read as outside a meeting; ``meeting`` is the pack's
    #: description of it (None outside a meeting).
    setting: str
    meeting: SettingInfo | None
    in_meeting: bool

    # Who shares with whom.
    discloser: Partner | None
    recipient: Partner | None
    discloser_signatory: bool
    recipient_signatory: bool
    #: The recipient is a relevant authority under s.115(2) of the Crime and Disorder Act 1998,
    #: decided by its kind of organisation (:mod:`ispcheck.kinds`): the register's kind when it is
    #: in the register (the register wins over ``recipient.kind``), otherwise ``recipient.kind``.
    #: True, False, or None when its kind is not known (then it is not known to be one).
    recipient_relevant_authority: bool | None
    #: The discloser is a public authority: the register says so, or (not in the register) its
    #: ``discloser.kind`` is one whose every organisation is one. False only from the register;
    #: None when not known.
    discloser_public_authority: bool | None
    same_organisation: bool
    #: The information first came from another organisation or person: said by
    #: ``context.secondary_disclosure``, or else worked out from ``data.originator``; None when
    #: neither says (a risk not known to be absent).
    came_from_elsewhere: bool | None
    police_information: bool

    # About whom.
    subjects_listed: bool
    #: A listed person is a child; None when none is said to be but one is not known to be an adult.
    any_child: bool | None
    offender_or_suspect_listed: bool

    # What was written down.
    purpose_statement_given: bool
    necessity_statement_given: bool
    consent_reason_given: bool
    #: Limits on consent are written down; False when none are ("" given), None when not known.
    consent_restrictions_given: bool | None
    #: Less data, other ways and the impact on the person were all considered.
    proportionality_considered: bool
    consent_relied_on: bool
    vital_interests_relied_on: bool

    # With a default, so not passed by Facts.of's call (see MAX_FIELDS).
    #: The information may be about a living person: False only when people are listed and every
    #: one is said to have died (DPA 2018 s.3(2): only the living have personal data). A person
    #: whose death is not known is taken to be alive (fail closed).
    about_the_living: bool = True
    #: Figures (anonymised or aggregated, nothing personal as such) whose smallest count is below
    #: the pack's small-number threshold, which makes them personal data (``personal`` is true).
    small_numbers: bool = False
    #: The message goes to more than the one recipient: others are named, or the distribution says
    #: several (``handling.distribution``). Named in gates so that the several-recipients rules
    #: are asked only then.
    several_recipients: bool = False

    @classmethod
    def of(cls, disclosure: DisclosureView, pack: Pack, today: date) -> Facts:
        """Work out the facts of one disclosure under ``pack``, on ``today``."""
        # Written out rather than split into helpers: this runs on every check. Each fact is a
        # local of the field's name, passed in field order (a test holds the call to that order).
        data = disclosure.data
        categories = data.categories
        special = "special_category" in categories or bool(data.special_category_types)
        criminal = "criminal_offence" in categories
        sensitive = special or criminal
        smallest = data.smallest_count
        personal_as_such = special or not _PERSONAL.isdisjoint(categories)
        small_count = smallest is not None and smallest < pack.small_number_threshold
        # Figures with a small count may identify someone: personal data (small-numbers-are-personal-data).
        personal = personal_as_such or small_count
        context = disclosure.context
        urgent = context.urgent_risk_to_life is True
        setting = context.setting or "outside_meeting"
        meeting = pack.settings.get(setting)
        register = pack.register
        discloser = register.exact(disclosure.discloser.organisation)
        recipient = register.exact(disclosure.recipient.organisation)
        same_organisation = (
            discloser is recipient
            if discloser is not None
            else register.normalise(disclosure.discloser.organisation)
            == register.normalise(disclosure.recipient.organisation)
        )
        # Who first gave the information, looked up once for the two facts that read it.
        origin = data.originator
        origin_entry = register.lookup(origin) if origin else None
        said = context.secondary_disclosure
        came_from_elsewhere = (
            True  # someone whose information it is has refused: it is theirs, whatever else is said
            if context.originator_agreed is False
            else said
            if said is not None
            else _came_from_elsewhere(
                origin, origin_entry, discloser, disclosure.discloser.organisation, register
            )
        )
        # A kind of organisation is the register's when the organisation is in it (the register
        # wins over the disclosure's ``kind``), otherwise the disclosure's (None: not known).
        police_information = (
            _police_information(origin, origin_entry)
            if origin  # a blank originator is not given, as for came_from_elsewhere
            else (discloser.kind if discloser is not None else disclosure.discloser.kind) in POLICE_KINDS
        )
        subjects = disclosure.subjects
        any_child: bool | None = False
        offender_or_suspect_listed = False
        all_deceased = True
        for subject in subjects:
            if subject.deceased is not True:
                all_deceased = False
            child = subject.is_child
            if child is True:
                any_child = True
            elif child is None and any_child is False:
                any_child = None
            if subject.role in _OFFENDING:
                offender_or_suspect_listed = True
        necessity = disclosure.necessity
        consent = disclosure.consent
        basis = disclosure.lawful_basis
        pack_past_review = today > pack.review_due
        in_meeting = meeting is not None
        discloser_signatory = discloser is not None
        recipient_signatory = recipient is not None
        recipient_relevant_authority = (
            recipient.relevant_authority
            if recipient is not None
            else RELEVANT_AUTHORITY.get(disclosure.recipient.kind)
        )
        discloser_public_authority = (
            discloser.public_authority
            if discloser is not None
            else (True if disclosure.discloser.kind in PUBLIC_AUTHORITY_KINDS else None)
        )
        subjects_listed = bool(subjects)
        purpose_statement_given = bool(disclosure.purpose.statement)
        necessity_statement_given = bool(necessity.statement)
        consent_reason_given = bool(consent.reason_not_sought)
        consent_restrictions_given = None if consent.restrictions is None else bool(consent.restrictions)
        proportionality_considered = (
            necessity.less_data_considered is True
            and necessity.alternatives_considered is True
            and necessity.impact_considered is True
        )
        consent_relied_on = basis.article6 == "consent" or basis.article9 == "explicit_consent"
        vital_interests_relied_on = basis.article6 == "vital_interests" or basis.article9 == "vital_interests"
        facts = cls(
            pack,
            today,
            pack_past_review,
            special,
            criminal,
            sensitive,
            personal,
            urgent,
            setting,
            meeting,
            in_meeting,
            discloser,
            recipient,
            discloser_signatory,
            recipient_signatory,
            recipient_relevant_authority,
            discloser_public_authority,
            same_organisation,
            came_from_elsewhere,
            police_information,
            subjects_listed,
            any_child,
            offender_or_suspect_listed,
            purpose_statement_given,
            necessity_statement_given,
            consent_reason_given,
            consent_restrictions_given,
            proportionality_considered,
            consent_relied_on,
            vital_interests_relied_on,
        )
        # Rare facts, each with a default, set only when they hold.
        rare: dict[str, bool] = {}
        if all_deceased and subjects_listed:  # everyone it is about has died
            rare["about_the_living"] = False
        if small_count and not personal_as_such:  # figures made personal data by a small count
            rare["small_numbers"] = True
        if disclosure.recipient.other_recipients or disclosure.handling.distribution in _SEVERAL:
            rare["several_recipients"] = True
        return replace(facts, **rare) if rare else facts


def _came_from_elsewhere(
    origin: str | None,
    entry: Partner | NonSignatory | None,
    discloser: Partner | None,
    discloser_name: str,
    register: PartnerRegister,
) -> bool | None:
    """Whether the information was first given to the discloser by someone else (None: not known).

    Said outright by ``context.secondary_disclosure`` (read by the caller); when that is not
    known, an ``originator`` (``entry`` is its register entry) other than the discloser says it;
    with neither, it is not known (pack interpretation ``came-from-elsewhere-worked-out``).
    """
    if not origin:
        return None
    if entry is not None:
        return True if entry is not discloser else None
    # Not in the register: someone else's unless the originator is the discloser's name, or starts
    # with it as whole words ("Kent Police CID"), never merely contains it. An originator
    # that is the discloser does not show the risk absent (a document the discloser owns may hold
    # what another gave it), so it leaves the question not known: fail closed.
    own, theirs = register.normalise(discloser_name), register.normalise(origin)
    if not own or not theirs:
        return None
    return None if theirs == own or theirs.startswith(own + " ") else True


def _police_information(origin: str, entry: Partner | NonSignatory | None) -> bool:
    """Whether information first given by ``origin`` (``entry`` in the register) comes from the police.

    (With no originator, or a blank one, the discloser says it: read by the caller.)
    """
    if entry is not None:
        return isinstance(entry, Partner) and entry.kind in POLICE_KINDS
    return "police" in origin.lower()


#: The facts worked out here that may be not known (None) as well as true or false.
MAY_BE_UNKNOWN = frozenset(
    {
        "came_from_elsewhere",
        "any_child",
        "recipient_relevant_authority",
        "discloser_public_authority",
        "consent_restrictions_given",
    }
)
_BOOL_OR_UNKNOWN: frozenset[object] = frozenset({True, False, None})
#: The facts that are not plain yes-or-no, with their values.
_DOMAINS: dict[str, frozenset[object]] = {
    "setting": frozenset(VOCABULARY["setting"]),
    **dict.fromkeys(MAY_BE_UNKNOWN, _BOOL_OR_UNKNOWN),
}

#: Every fact worked out here with a closed set of values: the ones a rule's gate may name.
CLOSED_FACTS: dict[str, frozenset[object]] = {
    name: _DOMAINS.get(name, _BOOL)
    for name in Facts.__struct_fields__
    if name not in ("discloser", "recipient", "meeting", "pack", "today")
}
