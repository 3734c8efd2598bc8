"""The request forms of Appendices 10 and 11, filled in from a disclosure.

The form itself (its fields, labels and order) is pack data (``forms.toml``); this module fills it:
each field shows the facts its ``fill`` names, a tick-box is ticked only when the disclosure says
so, and anything the disclosure does not hold (the person's name and date of birth, references,
signatures) is left as a clear blank to fill in by hand.

Who is who: a disclosure goes from the discloser to the recipient, and the recipient is always the
party asking. An agency asking the police (Appendix 10) is the recipient and the police are the
discloser; the police asking an agency (Appendix 11) are the recipient.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..disclosure import Disclosure
from ..emphasis import plain
from ..facts import involves_personal_data
from ..pack import Pack
from ..pack_forms import FormField, RequestForm
from ..validation import parse_disclosure
from .errors import NoSuchPaperwork, WrongForm
from .facts import CAPTIONS, describe, resolve_pack
from .render import render_template

__all__ = ["FilledField", "FilledForm", "FilledSection", "fill_request_form", "render_request_form"]

#: How each kind of field is printed: short fields share a "table", tick-boxes a list, a "long"
#: field has a box of its own, and a "statement" is printed text.
_GROUP = {
    "text": "table",
    "fixed": "table",
    "signature": "table",
    "long_text": "long",
    "tick": "ticks",
    "statement": "statement",
}
#: The forms by the name the command line uses for them.
#: The forms by the names the command line uses, each the concept a pack maps to its form's clause.
FORM_NAMES = {"request-to-police": "request-to-police-form", "police-request": "police-request-form"}


@dataclass(frozen=True, slots=True)
class FilledField:
    """One field of a form as printed: its label, and what fills it (nothing when blank)."""

    field: FormField
    lines: tuple[str, ...] = ()
    #: Always False: a tick-box is the signer's to tick (kept so the JSON says so plainly).
    ticked: bool = False
    #: What the disclosure says about the field, printed beside it for the signer to check.
    shown: tuple[str, ...] = ()

    @property
    def blank(self) -> bool:
        """True when the field is to be filled in by hand (a tick-box is blank when unticked)."""
        if self.field.kind == "tick":
            return not self.ticked
        return self.field.kind in ("text", "long_text", "signature") and not self.lines

    def to_dict(self) -> dict[str, Any]:
        """The field for a case system: a value as plain words; printed text with the form's
        emphasis marked as in Markdown (``**bold**``, ``*italic*``)."""
        f = self.field
        data: dict[str, Any] = {"id": f.id, "label": f.label, "kind": f.kind, "section": f.section}
        if f.kind == "tick":
            data["ticked"] = self.ticked
        elif f.kind == "statement":
            data["text"] = [*f.text, *f.items]
        elif f.kind == "fixed":
            data["value"] = plain(f.value or "")
        else:
            data["value"] = "\n".join(self.lines) if self.lines else None
        if f.fill:
            data["filled_from"] = list(f.fill)
        if f.show:
            data["the_disclosure_says"] = list(self.shown)
        return data


@dataclass(frozen=True, slots=True)
class FilledSection:
    id: str
    title: str | None
    note: str | None
    page_break_before: bool
    rows: tuple[tuple[FilledField, ...], ...]
    keep_together: bool = False
    keep_with_next: bool = False

    @property
    def fields(self) -> tuple[FilledField, ...]:
        return tuple(f for row in self.rows for f in row)

    @property
    def groups(self) -> tuple[tuple[str, tuple[tuple[FilledField, ...], ...]], ...]:
        """The rows in printable groups: a "table" of short fields, "ticks", a "long" box, a
        "statement"; consecutive rows of the same group are kept together."""
        groups: list[tuple[str, list[tuple[FilledField, ...]]]] = []
        for row in self.rows:
            kind = _GROUP[row[0].field.kind]
            if groups and groups[-1][0] == kind and kind in ("table", "ticks"):
                groups[-1][1].append(row)
            else:
                groups.append((kind, [row]))
        return tuple((kind, tuple(rows)) for kind, rows in groups)


@dataclass(frozen=True, slots=True)
class FilledForm:
    """A request form filled in from one disclosure, ready to render."""

    form: RequestForm
    sections: tuple[FilledSection, ...]
    requester: str
    addressee: str
    subjects: str | None
    pack_title: str
    pack_version: str
    #: How the protocol's text names the form ("Appendix 10").
    appendix_name: str

    def fields(self) -> Iterator[FilledField]:
        for section in self.sections:
            yield from section.fields

    def to_dict(self) -> dict[str, Any]:
        return {
            "form": self.form.id,
            "title": self.form.title,
            "marking": self.form.marking,
            "pack": {"title": self.pack_title, "version": self.pack_version},
            "sections": [
                {
                    "id": s.id,
                    "title": s.title,
                    "fields": [f.to_dict() for f in s.fields],
                }
                for s in self.sections
            ],
        }


def fill_request_form(
    disclosure: Disclosure | Mapping[str, Any],
    appendix: str = "request-to-police",
    pack: Pack | str | Path | None = None,
) -> FilledForm:
    """Fill one of the protocol's request forms from a disclosure.

    ``appendix`` names the form: "request-to-police" (an agency asking the police),
    "police-request" (the police asking an agency), or the form's clause id in the pack ("A10").
    A dict is validated first (raises ``DisclosureError``). Raises :class:`WrongForm` when the
    police are not the party the form needs (the discloser of a request to the police, the
    recipient of a police request), or when the form asks for personal data and the disclosure
    holds none, and :class:`NoSuchPaperwork` when the pack has no such form.
    """
    if not isinstance(disclosure, Disclosure):
        disclosure = parse_disclosure(disclosure)
    chosen = resolve_pack(pack)
    appendix = _form_id(appendix, chosen)
    form = chosen.forms.get(appendix)
    if form is None:
        have = ", ".join(chosen.forms) or "none (the pack has no forms.toml)"
        raise NoSuchPaperwork(f"the pack {chosen.name!r} has no form {appendix} (forms it has: {have})")
    _check_parties(disclosure, form, chosen)
    _check_personal_data(disclosure, form, chosen)
    by_section: dict[str, list[FilledField]] = {s.id: [] for s in form.sections}
    for field in form.fields:
        by_section[field.section].append(_fill(disclosure, field, chosen))
    sections = tuple(
        FilledSection(
            s.id,
            s.title,
            s.note,
            s.page_break_before,
            _rows(by_section[s.id]),
            s.keep_together,
            s.keep_with_next,
        )
        for s in form.sections
    )
    return FilledForm(
        form=form,
        sections=sections,
        requester=disclosure.recipient.organisation,
        addressee=disclosure.discloser.organisation,
        subjects=_subjects(disclosure),
        pack_title=chosen.meta.title,
        pack_version=chosen.meta.version,
        appendix_name=chosen.clause_name(form.id),
    )


def _form_id(name: str, pack: Pack) -> str:
    """The pack's clause id of the form a name means: a command-line name, or the id itself."""
    concept = FORM_NAMES.get(name)
    if concept is not None:
        ids = pack.concepts.clauses.get(concept, ())
        return next((i for i in ids if i in pack.forms), ids[0] if ids else name)
    return name if name in pack.forms else name.upper()


def render_request_form(
    disclosure: Disclosure | Mapping[str, Any],
    appendix: str = "request-to-police",
    fmt: str = "html",
    pack: Pack | str | Path | None = None,
) -> str:
    """One of the protocol's request forms, filled in from a disclosure, as HTML or Markdown.

    ``appendix`` is "request-to-police" (an agency asking the police), "police-request" (the
    police asking an agency) or the form's clause id in the pack; ``fmt`` is "html" (A4, ready to
    print or to pass to :func:`to_pdf`) or "markdown".
    """
    filled = fill_request_form(disclosure, appendix, pack)
    return render_template("request_form", fmt, form=filled)


def _fill(disclosure: Disclosure, field: FormField, pack: Pack) -> FilledField:
    if field.kind == "fixed":
        return FilledField(field, lines=(field.value or "",))
    shown = _shown(disclosure, field, pack)
    if field.kind in ("tick", "signature") or not field.fill:
        return FilledField(field, shown=shown)
    if len(field.fill) == 1:
        return FilledField(field, lines=describe(disclosure, field.fill[0], pack))
    lines: list[str] = []
    for path in field.fill:
        words = describe(disclosure, path, pack)
        if words and path in CAPTIONS:
            lines.append(f"{CAPTIONS[path]}: {'; '.join(words)}")
        else:
            lines.extend(words)
    return FilledField(field, lines=tuple(lines))


def _shown(disclosure: Disclosure, field: FormField, pack: Pack) -> tuple[str, ...]:
    """The disclosure's answers for a field it does not fill, as "Caption: words" (or "not recorded")."""
    lines = []
    for path in field.show:
        words = describe(disclosure, path, pack)
        caption = CAPTIONS.get(path, _OFFICER_CAPTIONS.get(path, path))
        lines.append(f"{caption}: {'; '.join(words) if words else 'not recorded'}")
    return tuple(lines)


#: Captions for the free-text officer fields, which may hold a name, a role or a team.
_OFFICER_CAPTIONS = {
    "discloser.officer": "The disclosure names the contact as",
    "recipient.officer": "The disclosure names the person asking as",
}


def _rows(fields: list[FilledField]) -> tuple[tuple[FilledField, ...], ...]:
    """Half-width fields pair up on one row, as on the printed form."""
    rows: list[tuple[FilledField, ...]] = []
    waiting: FilledField | None = None
    for item in fields:
        if item.field.half:
            if waiting is None:
                waiting = item
                continue
            rows.append((waiting, item))
            waiting = None
            continue
        if waiting is not None:
            rows.append((waiting,))
            waiting = None
        rows.append((item,))
    if waiting is not None:
        rows.append((waiting,))
    return tuple(rows)


def _check_parties(disclosure: Disclosure, form: RequestForm, pack: Pack) -> None:
    party = disclosure.discloser if form.police == "discloser" else disclosure.recipient
    partner = pack.register.exact(party.organisation)
    if partner is not None and partner.kind == "police":
        return
    message = (
        f"{pack.clause_name(form.id)} ({form.appendix_title}) needs the police as the {form.police}, but the "
        f"{form.police} is {party.organisation!r}, which the partner register does not list as a "
        "police force."
    )
    other = next((f for f in pack.forms.values() if f.police != form.police), None)
    if other is not None:
        who = (
            "the police are asking an agency"
            if other.police == "recipient"
            else "an agency is asking the police"
        )
        command = next((k for k in FORM_NAMES if _form_id(k, pack) == other.id), other.id)
        message += f" If {who}, use {pack.clause_name(other.id)} (ispcheck form {command})."
    raise WrongForm(message)


def _check_personal_data(disclosure: Disclosure, form: RequestForm, pack: Pack) -> None:
    """A form that asks for personal data is not printed for a share of figures that holds none.

    Filled in, it would ask an organisation for "personal data" about nobody, with confirmations
    that make no sense for ward-level counts; the protocol asks for these forms "where relevant"
    (7.2), and anonymised or aggregated figures are what it prefers (5.4).
    """
    if not form.personal_data_only or involves_personal_data(disclosure, pack.small_number_threshold):
        return
    kinds = "; ".join(describe(disclosure, "data.categories", pack)) or "no personal data"
    raise WrongForm(
        pack.concepts.render_leniently(
            f"{pack.clause_name(form.id)} is a request for personal data ({form.title!r}), and "
            f"this disclosure holds none: its data is {kinds} only. No form is needed to share it: the "
            "protocol asks for these forms where relevant ([[compliant-requests]]). If the share does "
            "include personal data, record it in data.categories and print the form again."
        )
    )


def _subjects(disclosure: Disclosure) -> str | None:
    """Who the disclosure is about, in words (roles only: the contract holds no names)."""
    if not disclosure.subjects:
        return None
    return ", ".join(
        s.role.replace("_", " ")
        + (" (a child)" if s.is_child else "")
        + (" (has died)" if s.deceased else "")
        for s in disclosure.subjects
    )
