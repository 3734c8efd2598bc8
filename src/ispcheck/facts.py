"""What the engine works out once per disclosure, so that rules need not repeat it.

Most of these are plain yes-or-no facts ("a purpose statement is given", "the information came
from someone else"). Because they have a closed set of values, a rule can name them in its gate
(``when``) rather than test them in code, and a rule that is all gate costs almost nothing: see
:mod:`ispcheck.gates`. :data:`CLOSED_FACTS` lists them with their values.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from .pack import Pack, SettingInfo
from .partners import NonSignatory, Partner, normalise
from .view import DisclosureView
from .vocabulary import VOCABULARY

if TYPE_CHECKING:
    from .disclosure import Disclosure

__all__ = ["CLOSED_FACTS", "Facts", "involves_special_category"]

_PERSONAL = frozenset({"personal", "special_category", "criminal_offence"})
_OFFENDING = frozenset({"offender", "suspect"})
_BOOL: frozenset[object] = frozenset({True, False})


def involves_special_category(disclosure: DisclosureView | Disclosure) -> bool:
    """Special category data, named in the categories or by a listed special category type.

    One test for the engine and the register (which withholds such free text from its records).
    """
    data = disclosure.data
    return "special_category" in data.categories or bool(data.special_category_types)


class Facts:
    """What the engine works out once per disclosure. Rules must treat it as read-only.

    A plain slotted class rather than a frozen dataclass: it is built on every check, and frozen
    dataclasses pay for each field on construction.
    """

    __slots__ = (
        "any_child",
        "came_from_elsewhere",
        "consent_reason_given",
        "consent_relied_on",
        "consent_restrictions_given",
        "criminal",
        "discloser",
        "discloser_signatory",
        "in_meeting",
        "meeting",
        "necessity_statement_given",
        "offender_or_suspect_listed",
        "pack",
        "pack_past_review",
        "personal",
        "police_information",
        "proportionality_considered",
        "purpose_statement_given",
        "recipient",
        "recipient_relevant_authority",
        "recipient_signatory",
        "same_organisation",
        "sensitive",
        "setting",
        "special",
        "subjects_listed",
        "today",
        "urgent",
        "vital_interests_relied_on",
    )

    def __init__(self, disclosure: DisclosureView, pack: Pack, today: date) -> None:
        # Written out rather than split into helpers: this runs on every check.
        data = disclosure.data
        categories = data.categories
        special = involves_special_category(disclosure)
        criminal = "criminal_offence" in categories
        context = disclosure.context
        setting = context.setting or "outside_meeting"
        meeting = pack.settings.get(setting)
        register = pack.register
        discloser = register.exact(disclosure.discloser.organisation)
        recipient = register.exact(disclosure.recipient.organisation)
        basis = disclosure.lawful_basis
        consent = disclosure.consent
        necessity = disclosure.necessity
        subjects = disclosure.subjects
        origin = data.originator
        self.pack = pack
        self.today = today
        #: Past the pack's annual review date.
        self.pack_past_review: bool = today > pack.review_due

        # What is shared, and how urgently.
        self.special: bool = special
        self.criminal: bool = criminal
        #: Special category or criminal offence data.
        self.sensitive: bool = special or criminal
        #: Any personal data at all (not anonymised or aggregated only).
        self.personal: bool = special or not _PERSONAL.isdisjoint(categories)
        self.urgent: bool = context.urgent_risk_to_life is True
        #: The setting, with "not known" read as outside a meeting; ``meeting`` is the pack's
        #: description of it (None outside a meeting).
        self.setting: str = setting
        self.meeting: SettingInfo | None = meeting
        self.in_meeting: bool = meeting is not None

        # Who shares with whom.
        self.discloser: Partner | None = discloser
        self.recipient: Partner | None = recipient
        self.discloser_signatory: bool = discloser is not None
        self.recipient_signatory: bool = recipient is not None
        #: The recipient is a relevant authority for section 115: a responsible authority (1.3).
        self.recipient_relevant_authority: bool = recipient is not None and recipient.is_responsible_authority
        self.same_organisation: bool = (
            discloser is recipient
            if discloser is not None
            else normalise(disclosure.discloser.organisation) == normalise(disclosure.recipient.organisation)
        )
        # Who first gave the information, looked up once for the two facts that read it.
        origin_entry = register.lookup(origin) if origin else None
        said = context.secondary_disclosure
        self.came_from_elsewhere: bool = (
            said
            if said is not None
            else _came_from_elsewhere(origin, origin_entry, discloser, disclosure.discloser.organisation)
        )
        self.police_information: bool = (
            discloser is not None and discloser.kind == "police"
            if origin is None
            else _police_information(origin, origin_entry)
        )

        # About whom.
        self.subjects_listed: bool = bool(subjects)
        self.any_child: bool = False
        self.offender_or_suspect_listed: bool = False
        for subject in subjects:
            if subject.is_child is True:
                self.any_child = True
            if subject.role in _OFFENDING:
                self.offender_or_suspect_listed = True

        # What was written down.
        self.purpose_statement_given: bool = bool(disclosure.purpose.statement)
        self.necessity_statement_given: bool = bool(necessity.statement)
        self.consent_reason_given: bool = bool(consent.reason_not_sought)
        self.consent_restrictions_given: bool = bool(consent.restrictions)
        #: Less data, other ways and the impact on the person were all considered.
        self.proportionality_considered: bool = (
            necessity.less_data_considered is True
            and necessity.alternatives_considered is True
            and necessity.impact_considered is True
        )
        self.consent_relied_on: bool = basis.article6 == "consent" or basis.article9 == "explicit_consent"
        self.vital_interests_relied_on: bool = (
            basis.article6 == "vital_interests" or basis.article9 == "vital_interests"
        )


def _came_from_elsewhere(
    origin: str | None, entry: Partner | NonSignatory | None, discloser: Partner | None, discloser_name: str
) -> bool:
    """Whether the information was first given to the discloser by someone else.

    Said outright by ``context.secondary_disclosure`` (read by the caller); when that is not
    known, an ``originator`` (``entry`` is its register entry) other than the discloser says it.
    """
    if not origin:
        return False
    if entry is not None:
        return entry is not discloser
    return normalise(discloser_name) not in normalise(origin)


def _police_information(origin: str, entry: Partner | NonSignatory | None) -> bool:
    """Whether information first given by ``origin`` (``entry`` in the register) comes from the police.

    (With no originator, the discloser says it: read by the caller.)
    """
    if entry is not None:
        return isinstance(entry, Partner) and entry.kind == "police"
    return "police" in origin.lower()


#: Every fact worked out here with a closed set of values: the ones a rule's gate may name.
CLOSED_FACTS: dict[str, frozenset[object]] = {
    name: frozenset(VOCABULARY["setting"]) if name == "setting" else _BOOL
    for name in Facts.__slots__
    if name not in ("discloser", "recipient", "meeting", "pack", "today")
}
