"""The paperwork of a pack: its request forms (``forms.toml``) and declarations (``declarations.toml``).

Both files are optional: a pack without them still loads, and simply has no paperwork. When they
are present every entry is checked here, field by field, and :mod:`ispcheck.pack` adds the checks
that need the rest of the pack (clause citations, one declaration for every meeting setting).

A form field says which disclosure fact fills it (``fill``), as a dotted path of the disclosure
contract; the path, and the values that tick a tick-box, are checked against the contract itself,
so a pack cannot name a fact that does not exist.
"""

from __future__ import annotations

import types
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from .disclosure import Disclosure
from .emphasis import stray_mark
from .validation import model_in

__all__ = [
    "Block",
    "Declaration",
    "DeclarationField",
    "FormField",
    "FormSection",
    "ListItem",
    "RequestForm",
    "contract_fields",
]

Text = Annotated[str, Field(min_length=1)]
Ident = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]


def _marks_closed(text: str) -> str:
    where = stray_mark(text)
    if where is not None:
        raise ValueError(
            f"an emphasis mark is not closed near {where!r}: write **bold** or *italic* around words "
            "(a mark standing alone, as in '** as required', is printed as it is)"
        )
    return text


#: Printed text of the protocol, keeping its emphasis: ``**bold**`` and ``*italic*`` (see
#: :mod:`ispcheck.emphasis`). Labels, headings and titles are printed as they are, without marks.
Marked = Annotated[str, Field(min_length=1), AfterValidator(_marks_closed)]


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# -- the disclosure contract, as paths ---------------------------------------------------------


@cache
def contract_fields() -> dict[str, tuple[str, ...] | None]:
    """Every dotted path of the disclosure contract, with its allowed values.

    The value is the tuple of allowed values for a closed vocabulary (``purpose.code``), ``()``
    for a yes/no fact, and None for anything else (text, a group such as ``lawful_basis``).
    """
    found: dict[str, tuple[str, ...] | None] = {}

    def walk(model: type[BaseModel], prefix: str) -> None:
        for name, info in model.model_fields.items():
            path = prefix + name
            inner = model_in(info.annotation)
            if inner is not None:
                found[path] = None
                walk(inner, path + ".")
                continue
            literals = _literals(info.annotation)
            if literals:
                found[path] = literals
            elif _is_bool(info.annotation):
                found[path] = ()
            else:
                found[path] = None

    walk(Disclosure, "")
    return found


def _args(annotation: Any) -> tuple[Any, ...]:
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType, tuple, Annotated):
        return get_args(annotation)
    return ()


def _literals(annotation: Any) -> tuple[str, ...]:
    if get_origin(annotation) is Literal:
        values: list[str] = []
        for arg in get_args(annotation):
            values.extend(_literals(arg) if get_origin(arg) is Literal else (str(arg),))
        return tuple(values)
    found: list[str] = []
    for arg in _args(annotation):
        found.extend(_literals(arg))
    return tuple(found)


def _is_bool(annotation: Any) -> bool:
    return annotation is bool or any(_is_bool(a) for a in _args(annotation))


# -- blocks of printed text ----------------------------------------------------------------------


class ListItem(_Entry):
    """A list item with a lettered list under it (as in the MAPPA statement)."""

    text: Marked
    items: tuple[Marked, ...] = Field(min_length=1)


class Block(_Entry):
    """Printed text in the protocol's words: an optional heading, paragraphs, then a list.

    Paragraphs and list items keep the appendix's bold and italics (``**…**``, ``*…*``).
    """

    heading: str | None = None
    text: tuple[Marked, ...] = ()
    items: tuple[Marked | ListItem, ...] = ()
    style: Literal["bullets", "numbers", "letters", "roman"] = "bullets"
    #: A footnote of the appendix, printed small where the appendix prints it (Appendix 3 prints its
    #: footnote between its bullets); a sheet's ``footnotes`` are printed after all its text.
    footnote: bool = False

    @model_validator(mode="after")
    def _says_something(self) -> Block:
        if not (self.heading or self.text or self.items):
            raise ValueError("a block needs a heading, text or items")
        if self.footnote and (self.heading or self.items):
            raise ValueError("a footnote is text only: no heading or items")
        return self


# -- request forms (Appendices 10 and 11) -----------------------------------------------------

FieldKind = Literal["text", "long_text", "tick", "signature", "fixed", "statement"]


class FormSection(_Entry):
    id: Ident
    title: str | None = None
    #: Our explanatory text for the person filling the section in (not the protocol's).
    note: str | None = None
    page_break_before: bool = False
    #: Printed on one page where it can be: a signature stays with what it signs for.
    keep_together: bool = False
    #: Never the last thing on a page before the section after it: where a long box must break, its
    #: last lines move to the next page with the signature block that follows, so that block is
    #: never left on a page of its own.
    keep_with_next: bool = False


class FormField(_Entry):
    """One field of a request form, labelled as on the protocol's form.

    ``fill`` names the disclosure facts that fill it, in order. ``show`` names facts printed
    beside the field as a note for the person signing, without filling it: a tick-box is never
    ticked by ispcheck (a confirmation is the signer's to give), and a field whose label asks for
    something the fact may not be (a person's name, where the disclosure has "officer or team")
    is left blank. ``value`` is printed by the form itself (kind "fixed").
    A "statement" is printed text of the form: ``label`` is its heading (may be empty), and
    ``text`` and ``items`` its paragraphs and list. ``guidance`` is the form's own hint under a
    label; ``note`` is ours. A fixed ``value``, ``text`` and ``items`` keep the form's bold and
    italics (``**…**``, ``*…*``); nothing filled from a disclosure is read for marks.
    """

    id: Ident
    section: Ident
    kind: FieldKind
    label: str = ""
    half: bool = False
    fill: tuple[str, ...] = ()
    show: tuple[str, ...] = ()
    value: Annotated[str, AfterValidator(_marks_closed)] | None = None
    text: tuple[Marked, ...] = ()
    items: tuple[Marked, ...] = ()
    guidance: str | None = None
    note: str | None = None
    clauses: tuple[str, ...] = ()
    #: Printed text at the foot of a page of the form (the logo line): its paragraphs side by side
    #: on one line, in small type, as the form prints them.
    foot: bool = False

    @model_validator(mode="after")
    def _consistent(self) -> FormField:
        problems = []
        if self.foot and self.kind != "statement":
            problems.append("only a statement is printed at the foot of a page")
        if self.kind != "statement" and not self.label.strip():
            problems.append(f"a {self.kind} field needs a label")
        if self.kind == "statement" and not (self.text or self.items):
            problems.append("a statement needs text or items")
        if self.kind != "statement" and (self.text or self.items):
            problems.append("only a statement has text or items")
        if (self.kind == "fixed") != (self.value is not None):
            problems.append("a fixed field, and only a fixed field, has a value")
        if self.fill and self.kind in ("fixed", "statement", "signature", "tick"):
            why = (
                " (the signer ticks it: use 'show' for the disclosure's answer)"
                if self.kind == "tick"
                else ""
            )
            problems.append(f"a {self.kind} field is not filled from the disclosure{why}")
        if self.show and self.kind == "fixed":
            problems.append(f"a {self.kind} field shows nothing from the disclosure")
        known = contract_fields()
        for key, paths in (("fill", self.fill), ("show", self.show)):
            for path in paths:
                if path not in known:
                    problems.append(f"{key} names {path!r}, which is not a field of the disclosure contract")
        if problems:
            raise ValueError("; ".join(problems))
        return self


class RequestForm(_Entry):
    """A request form of the protocol (Appendix 10 or 11), field by field in the form's order."""

    id: str
    title: Text
    subtitle: str | None = None
    appendix_title: Text
    #: Which party of the disclosure is the police: the discloser when an agency asks the police
    #: (Appendix 10), the recipient when the police ask an agency (Appendix 11). The requester is
    #: always the recipient: the party that wants the information.
    police: Literal["discloser", "recipient"]
    marking: Text
    revision: str | None = None
    clauses: tuple[str, ...] = Field(min_length=1)
    note: str | None = None
    #: The form asks for personal data (Appendix 11 says so in its title): it is refused for a
    #: share of anonymised or aggregated figures only, which it would misdescribe.
    personal_data_only: bool = False
    sections: tuple[FormSection, ...] = Field(min_length=1, alias="section")
    fields: tuple[FormField, ...] = Field(min_length=1, alias="field")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _in_order(self) -> RequestForm:
        problems = []
        order = {s.id: n for n, s in enumerate(self.sections)}
        if len(order) != len(self.sections):
            problems.append("two sections share an id")
        seen: set[str] = set()
        last = 0
        for index, field in enumerate(self.fields):
            where = f"field[{index}] ({field.id})"
            if field.id in seen:
                problems.append(f"{where}: the id is used twice")
            seen.add(field.id)
            position = order.get(field.section)
            if position is None:
                problems.append(f"{where}: section {field.section!r} is not one of the form's sections")
            elif position < last:
                problems.append(f"{where}: section {field.section!r} comes back after a later section")
            else:
                last = position
        used = {f.section for f in self.fields}
        empty = [s.id for s in self.sections if s.id not in used]
        if empty:
            problems.append(f"section(s) with no fields: {', '.join(empty)}")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def cited(self) -> tuple[str, ...]:
        """Every clause the form and its fields cite."""
        return (self.id, *self.clauses, *(c for f in self.fields for c in f.clauses))


# -- confidentiality declarations (Appendices 3 to 9) -------------------------------------------


class DeclarationField(_Entry):
    """A field at the top of a sign-in sheet (meeting name, chair, date, purpose).

    ``value`` is printed by the protocol itself (the SOCJAG sheet names its meeting), with its
    bold and italics (``**…**``, ``*…*``).
    ``from_appendix`` is set when the appendix has no such field of its own and the sheet borrows
    it, with its label, from another (the generic Appendix 3 sheet).
    """

    id: Ident
    label: Text
    value: Marked | None = None
    from_appendix: str | None = None


class Declaration(_Entry):
    """A confidentiality declaration or sign-in sheet, in the protocol's words."""

    id: str
    title: Text
    headings: tuple[Text, ...] = ()
    marking: str | None = None
    #: The appendix prints no marking: ``marking`` is ispcheck's (6.1, 6.4), and says so.
    marking_added: bool = False
    #: The 6.2 statement, where the appendix's own words lack one: printed as added by ispcheck.
    agreement_added: str | None = None
    fields: tuple[DeclarationField, ...] = Field(default=(), alias="field")
    parts: tuple[Block, ...] = Field(min_length=1, alias="part")
    footnotes: tuple[Marked, ...] = ()
    columns: tuple[Text, ...] = Field(min_length=2)
    #: Set when the appendix has no signature table and the sheet uses another appendix's columns.
    columns_from_appendix: str | None = None
    witness: str | None = None
    #: Our explanation of what the sheet adds to the appendix (not the protocol's words).
    note: str | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _unique(self) -> Declaration:
        ids = [f.id for f in self.fields]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"field id(s) used twice: {', '.join(twice)}")
        if len(set(self.columns)) != len(self.columns):
            raise ValueError("a column of the signature table appears twice")
        if self.marking_added and not self.marking:
            raise ValueError("marking_added needs the marking it adds")
        return self

    def cited(self) -> tuple[str, ...]:
        borrowed = (f.from_appendix for f in self.fields if f.from_appendix)
        extra = (self.columns_from_appendix,) if self.columns_from_appendix else ()
        return (self.id, *borrowed, *extra)
