"""The validated disclosure as rules read it: fast, immutable msgspec structs.

The pydantic models in :mod:`ispcheck.disclosure` are the contract: its JSON Schema and its
readable error messages. Building them costs about a microsecond per nested object, more than
deciding the disclosure. So the hot path reads a dict into these structs instead (msgspec, in C),
with the same field names, defaults and allowed values. Rules read either one the same way
(``d.consent.status``).

The structs are strict and never the last word: whenever a dict is not certainly valid here (a
value outside a vocabulary, ``"yes"`` or ``1`` for ``true``, a lone surrogate in text),
:func:`view_of` falls back to the contract models, which either accept it (and are converted) or
give the list of problems. So this module may accept less than the contract, never more, and must
read what it accepts exactly as the contract does. Tests hold it to that on generated and mutated
disclosures, and check that every field, default and vocabulary here matches the contract.

A log line is read by :func:`view_of_json`, which, unlike msgspec's decoder, refuses a key given
twice in an object.
"""

from __future__ import annotations

import json
import types
from collections.abc import Callable, Mapping
from functools import partial
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING, Annotated, Any, Union, get_args, get_origin

import msgspec
from msgspec import Meta, Struct, field

from .generated import run_generated
from .text_input import no_key_given_twice, read_json
from .vocabulary import (
    NAME_MAX_LENGTH,
    TEXT_MAX_LENGTH,
    Article6,
    Article9,
    Category,
    Channel,
    Classification,
    ConsentStatus,
    Distribution,
    EvidenceUser,
    Exemption,
    FromMeeting,
    Gateway,
    NotApplicable,
    OrganisationKind,
    PurposeCode,
    Regime,
    Role,
    Schedule1Condition,
    Schedule8Condition,
    Setting,
    SpecialCategoryType,
)

if TYPE_CHECKING:
    from .disclosure import Disclosure

__all__ = [
    "AccuracyView",
    "ConsentView",
    "ContextView",
    "DataView",
    "DisclosureView",
    "HandlingView",
    "LawfulBasisView",
    "NecessityView",
    "PartyView",
    "PurposeView",
    "RecipientView",
    "SubjectView",
    "group_struct",
    "view_by_contract",
    "view_of",
    "view_of_json",
]

Name = Annotated[str, Meta(min_length=1, max_length=NAME_MAX_LENGTH)]
Text = Annotated[str, Meta(max_length=TEXT_MAX_LENGTH)]


class _View(Struct, frozen=True, forbid_unknown_fields=True, gc=False):
    """Immutable, unknown fields rejected, and not tracked by the garbage collector (no cycles)."""


class PartyView(_View, frozen=True, forbid_unknown_fields=True, gc=False):
    organisation: Name
    officer: Text | None = None
    kind: OrganisationKind | None = None


class RecipientView(_View, frozen=True, forbid_unknown_fields=True, gc=False):
    organisation: Name
    officer: Text | None = None
    has_secure_email: bool | None = None
    kind: OrganisationKind | None = None
    is_data_subject: bool | None = None
    other_recipients: tuple[Name, ...] | None = ()


class SubjectView(_View, frozen=True, forbid_unknown_fields=True, gc=False):
    role: Role
    is_child: bool | None = None
    deceased: bool | None = None


class DataView(_View, frozen=True, forbid_unknown_fields=True, gc=False):
    categories: Annotated[tuple[Category, ...], Meta(min_length=1)]
    special_category_types: tuple[SpecialCategoryType, ...] | None = ()
    description: Text | None = None
    originator: Text | None = None
    smallest_count: Annotated[int, Meta(ge=0)] | None = None


class PurposeView(_View, frozen=True, forbid_unknown_fields=True, gc=False):
    code: PurposeCode
    statement: Text | None = None


class LawfulBasisView(_View, frozen=True, forbid_unknown_fields=True, gc=False):
    article6: Article6 | None = None
    article9: Article9 | None = None
    schedule1_condition: Schedule1Condition | None = None
    gateway: Gateway | None = None
    exemption: Exemption | None = None
    regime: Regime | None = None
    schedule8_condition: Schedule8Condition | None = None
    strictly_necessary: bool | None = None
    policy_document: bool | None = None


class ConsentView(_View, frozen=True, forbid_unknown_fields=True, gc=False):
    status: ConsentStatus | None = None
    reason_not_sought: Text | None = None
    recorded: bool | None = None
    restrictions: Text | None = None
    within_restrictions: bool | None = None


class NecessityView(_View, frozen=True, forbid_unknown_fields=True, gc=False):
    statement: Text | None = None
    makes_a_difference: bool | None = None
    less_data_considered: bool | None = None
    alternatives_considered: bool | None = None
    impact_considered: bool | None = None
    article8_considered: bool | None = None
    sensitive_data_necessary: bool | None = None


class AccuracyView(_View, frozen=True, forbid_unknown_fields=True, gc=False):
    identity_verified: bool | None = None
    fact_and_opinion_distinguished: bool | None = None


class HandlingView(_View, frozen=True, forbid_unknown_fields=True, gc=False):
    classification: Classification
    channel: Channel
    distribution: Distribution | None = None


class ContextView(_View, frozen=True, forbid_unknown_fields=True, gc=False):
    setting: Setting | None = None
    urgent_risk_to_life: bool | None = None
    ongoing_investigation: bool | None = None
    investigating_officer_consulted: bool | None = None
    secondary_disclosure: bool | None = None
    originator_agreed: bool | None = None
    evidential_use: bool | None = None
    evidence_used_by: EvidenceUser | None = None
    formal_request_form: bool | NotApplicable | None = None
    profiling_children: bool | None = None
    transfer_outside_uk: bool | None = None
    profiling: bool | None = None
    from_meeting: FromMeeting | None = None
    dpia_in_place: bool | None = None
    chair_agreed: bool | None = None
    meeting_name: Text | None = None


# An optional group given as null means "none of these facts is known", as if left out. msgspec
# reads such a null (asking first whether the input has one would cost more), and the fast reader
# then puts the group's defaults in its place (see _with_null_groups_filled), so no view handed
# out has a null group: to type checkers, and so to rules, a group is never null.
if TYPE_CHECKING:
    _Subjects = tuple[SubjectView, ...]
    _LawfulBasis = LawfulBasisView
    _Consent = ConsentView
    _Necessity = NecessityView
    _Accuracy = AccuracyView
    _Context = ContextView
else:
    _Subjects = tuple[SubjectView, ...] | None
    _LawfulBasis = LawfulBasisView | None
    _Consent = ConsentView | None
    _Necessity = NecessityView | None
    _Accuracy = AccuracyView | None
    _Context = ContextView | None


class DisclosureView(_View, frozen=True, forbid_unknown_fields=True, gc=False):
    """One proposed disclosure, validated: what every rule receives as ``d``."""

    discloser: PartyView
    recipient: RecipientView
    data: DataView
    purpose: PurposeView
    handling: HandlingView
    subjects: _Subjects = ()
    lawful_basis: _LawfulBasis = field(default_factory=LawfulBasisView)
    consent: _Consent = field(default_factory=ConsentView)
    necessity: _Necessity = field(default_factory=NecessityView)
    accuracy: _Accuracy = field(default_factory=AccuracyView)
    context: _Context = field(default_factory=ContextView)


def group_struct(annotation: Any) -> type[Struct] | None:
    """The struct a field of the view holds (itself, or when it may be null), or None."""
    annotation = _not_null(annotation)
    return annotation if isinstance(annotation, type) and issubclass(annotation, Struct) else None


def _not_null(annotation: Any) -> Any:
    """The type a field holds when it is not null: ``X`` for ``X | None``, else the type itself."""
    if get_origin(annotation) in (Union, types.UnionType):
        return next(arg for arg in get_args(annotation) if arg is not type(None))
    return annotation


_convert = msgspec.convert


def view_of(disclosure: Disclosure | Mapping[str, Any]) -> DisclosureView:
    """The view of a contract model, or of a JSON-shaped mapping (raises ``DisclosureError``).

    A plain dict that is certainly valid is read directly; anything else goes through the
    contract, so an invalid one gets the contract's own list of problems.
    """
    if type(disclosure) is dict:
        view = quick_view(disclosure)
        if view is not None:
            return view
    return view_by_contract(disclosure)


def view_by_contract(disclosure: Disclosure | Mapping[str, Any]) -> DisclosureView:
    """The view through the contract models: for a model, or a mapping the fast reader declined.

    Raises ``DisclosureError`` with the contract's list of problems.
    """
    # Only now are the contract models needed (and built, the first time).
    from .disclosure import Disclosure
    from .validation import parse_disclosure

    if not isinstance(disclosure, Disclosure):
        disclosure = parse_disclosure(disclosure)
    return _from_model(disclosure)


def quick_view(data: dict[str, Any]) -> DisclosureView | None:
    """The view of ``data`` if it is certainly valid as written, otherwise None (ask the contract)."""
    try:
        return _tidied(_convert(data, DisclosureView))
    except Exception:  # anything unexpected here is for the contract to judge
        return None


def view_of_json(raw: bytes | str) -> DisclosureView:
    """The view of one disclosure written as JSON (one line of a log, say).

    Raises ``DisclosureError`` for a key given twice in an object (naming it) or lists and objects
    nested too deeply to read. Otherwise raises pydantic's ``ValidationError`` when it is not a
    valid disclosure, as ``Disclosure.model_validate_json`` does, so the caller can report the
    contract's problems.
    """
    try:
        data = _decode_json(raw)
    except Exception:  # not JSON msgspec can read: the readers below say why
        data = None
    # msgspec keeps the last of a key given twice, silently; when a count cannot rule that out,
    # the JSON reader that refuses repeats decides.
    if type(data) is not dict or not no_key_given_twice(data, raw, _keys_in):
        data = _strictly_read(raw)
    if type(data) is dict:
        view = quick_view(data)
        if view is not None:
            return view
    from .disclosure import Disclosure

    return _from_model(Disclosure.model_validate_json(raw))


_decode_json = msgspec.json.Decoder().decode


def _keys_in(data: dict[str, Any]) -> int:
    """How many keys a decoded disclosure holds: its own, its groups' and its subjects'.

    Keys nested deeper are not counted: a disclosure has none, so any there send the line to the
    strict reader.
    """
    count = len(data)
    for value in data.values():
        if type(value) is dict:
            count += len(value)
        elif type(value) is list:
            for item in value:
                if type(item) is dict:
                    count += len(item)
    return count


def _strictly_read(raw: bytes | str) -> Any:
    """The line read by the JSON reader that refuses a key given twice (``DisclosureError``).

    None when it is not JSON at all: the contract's reader then says where.
    """
    try:
        return read_json(raw, source="the line")
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None


def _tidied(view: DisclosureView) -> DisclosureView:
    """The view with null groups and text as the contract reads them; raises where it would refuse.

    (A contract model, read by :func:`_from_model`, is tidy already.)
    """
    if (
        view.subjects is None
        or view.lawful_basis is None
        or view.consent is None
        or view.necessity is None
        or view.accuracy is None
        or view.context is None
    ):
        view = _with_null_groups_filled(view)
    others = view.recipient.other_recipients
    if others and not all(name.isascii() and name.strip() is name for name in others):
        # Names with spaces at an end, or not in ASCII: rare enough for the contract to read.
        raise ValueError("a name of another recipient for the contract to read")
    if not _needs_stripping(view):  # raises, as the contract refuses, on a lone surrogate
        return view
    for group, name in _TEXT_FIELDS:  # (every text, as the check stops at the first to strip)
        text = getattr(getattr(view, group), name)
        if text is not None and not text.isascii():
            text.encode("utf-8")  # the contract refuses lone surrogates; so must we
    return _stripped(view)


def _with_null_groups_filled(view: DisclosureView) -> DisclosureView:
    """The view with each optional group given as null replaced by its defaults (as if left out)."""
    filled = {name: make() for name, make in _GROUP_DEFAULTS.items() if getattr(view, name) is None}
    return msgspec.structs.replace(view, **filled)


def _group_defaults() -> dict[str, Callable[[], Any]]:
    """For each optional group of the view, what makes its default (as when it is left out)."""
    found: dict[str, Callable[[], Any]] = {}
    for info in msgspec.structs.fields(DisclosureView):
        if info.default_factory is not msgspec.NODEFAULT:
            found[info.name] = info.default_factory
        elif info.default is not msgspec.NODEFAULT:
            found[info.name] = partial(_same, info.default)
    return found


def _same(value: Any) -> Any:
    return value


_GROUP_DEFAULTS = _group_defaults()


#: The characters the contract strips from the ends of text: Unicode White_Space, which is not
#: quite Python's ``str.strip()`` (that also strips the separators U+001C to U+001F).
_WHITESPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def _text_fields() -> tuple[tuple[str, str], ...]:
    """Every text field of the view, by group, in order: the fields the contract strips."""
    found = []
    for group in msgspec.structs.fields(DisclosureView):
        struct = group_struct(group.type)
        if struct is not None:
            for field_ in msgspec.structs.fields(struct):
                kind = _not_null(field_.type)
                if get_origin(kind) is Annotated and get_args(kind)[0] is str:
                    found.append((group.name, field_.name))
    return tuple(found)


_TEXT_FIELDS = _text_fields()


def _needs_stripping_source(fields: tuple[tuple[str, str], ...]) -> str:
    """The source of ``needs_stripping(d)``: whether any text field has spaces at an end.

    On the way it encodes any text that is not ASCII, which raises on a lone surrogate (the
    contract refuses those). Written out field by field, with no loop or tuple: this runs on
    every check, and nearly every disclosure's text needs nothing done to it.
    """
    lines = ["def needs_stripping(d):"]
    for group, names in groupby(fields, key=itemgetter(0)):
        lines.append(f"    g = d.{group}")
        for _, name in names:
            lines.append(f"    t = g.{name}")
            lines.append("    if t is not None:")
            lines.append("        if t.strip() is not t:")
            lines.append("            return True")
            lines.append("        if not t.isascii():")
            lines.append('            t.encode("utf-8")')
    lines.append("    return False")
    return "\n".join(lines) + "\n"


def _compiled_needs_stripping() -> Callable[[DisclosureView], bool]:
    namespace: dict[str, Any] = {}
    # Generated from the view's own field names, never from input.
    run_generated(_needs_stripping_source(_TEXT_FIELDS), "text checks", namespace)
    needs_stripping: Callable[[DisclosureView], bool] = namespace["needs_stripping"]
    return needs_stripping


_needs_stripping = _compiled_needs_stripping()


def _stripped(view: DisclosureView) -> DisclosureView:
    """The view with text stripped as the contract strips it; raises if a name is left empty."""
    groups: dict[str, Any] = {}
    for group, name in _TEXT_FIELDS:
        struct = groups.get(group) or getattr(view, group)
        text = getattr(struct, name)
        if text is not None and text.strip() is not text:
            text = text.strip(_WHITESPACE)
            if not text and name == "organisation":
                raise ValueError("a name is empty once its spaces are stripped")
            groups[group] = msgspec.structs.replace(struct, **{name: text})
    return msgspec.structs.replace(view, **groups) if groups else view


def _from_model(disclosure: Disclosure) -> DisclosureView:
    return _convert(disclosure, DisclosureView, from_attributes=True)
