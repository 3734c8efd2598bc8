"""Confidentiality declaration sign-in sheets (Appendices 3 to 9) for a meeting setting.

The declaration's text, fields and signature columns are pack data (``declarations.toml``); the
setting's rules (recording, passing information on, its own requirements) come from
``settings.toml``. The chair prints the sheet, reads it out, has every attendee sign it, and keeps
it securely (6.1, 6.5).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..emphasis import plain
from ..pack import Pack, SettingInfo
from ..pack_forms import Declaration
from .errors import NoSuchPaperwork, UnknownSetting
from .facts import resolve_pack
from .render import render_template

__all__ = [
    "ChairRule",
    "DeclarationSheet",
    "declaration_sheet",
    "print_declaration",
    "render_declaration",
    "setting_choices",
]

DEFAULT_ROWS = 20
#: Signature rows printed on the same page as the witness line (Appendix 8), so a witness's
#: signature never stands alone on a page, away from the signatures it witnesses.
ROWS_KEPT_WITH_WITNESS = 2

#: What each recording rule of settings.toml means, in plain words (ours).
RECORDING = {
    "forbidden": "The meeting must not be recorded.",
    "with_agreement": (
        "Think about what a recording could be used for, and record only with the agreement of "
        "every attendee, sought before recording starts."
    ),
    "not_stated": (
        "The declaration says nothing about recording: settle it at the start, and record only with "
        "every attendee's agreement."
    ),
}
#: Who must agree before anything from the meeting is passed on (ours).
ONWARD_SHARING = {
    "chair": "Only with the agreement of the meeting chair.",
    "chief_officer_of_police": "Only with written sanction from the Chief Officer of Police.",
    "lawful_basis": "Only where there is a lawful basis to do so, for the purpose it was shared for.",
}


#: ispcheck applies Appendix 9's rule on evidence at every meeting: an interpretation, said so on
#: the sheets of the other appendices.
_EVIDENCE_EVERYWHERE = "evidence-rule-all-meetings"


@dataclass(frozen=True, slots=True)
class ChairRule:
    """One of the setting's rules in the chair's box, in plain words (ours).

    ``readings`` are the pack's interpretations the rule rests on, as (id, title), where it goes
    beyond the declaration's words: the sheet says they are ispcheck's reading, not the protocol's,
    so the chair does not enforce them as the protocol's own and the Data Protection Officer can
    accept or change them.
    """

    name: str
    lines: tuple[str, ...]
    readings: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"rule": self.name, "text": list(self.lines)}
        if self.readings:
            data["ispcheck_readings"] = [ident for ident, _ in self.readings]
        return data


@dataclass(frozen=True, slots=True)
class DeclarationSheet:
    """A declaration ready to print for one setting (or for every setting that uses it)."""

    declaration: Declaration
    setting: SettingInfo | None
    used_by: tuple[SettingInfo, ...]
    rules: tuple[ChairRule, ...]
    rows: int
    pack_title: str
    pack_version: str
    #: How the protocol's text names the declaration ("Appendix 5").
    appendix_name: str = ""
    #: The protocol's clauses on the chair's marking of the sheet ("6.1, 6.4"), and on every
    #: sheet saying that unsigned attendees sign it ("paragraph 6.2"), in its words.
    marking_clauses: str = ""
    attendees_clause: str = ""

    @property
    def kept_with_witness(self) -> int:
        """How many of the last signature rows print on the witness line's page (none without one)."""
        return min(self.rows, ROWS_KEPT_WITH_WITNESS) if self.declaration.witness else 0

    def to_dict(self) -> dict[str, Any]:
        d = self.declaration
        return {
            "declaration": d.id,
            "title": d.title,
            "setting": self.setting.code if self.setting else None,
            "used_by": [s.code for s in self.used_by],
            "pack": {"title": self.pack_title, "version": self.pack_version},
            "headings": list(d.headings),
            "marking": d.marking,
            "marking_added_by_ispcheck": d.marking_added,
            "agreement_added_by_ispcheck": d.agreement_added,
            "fields": [
                {
                    "id": f.id,
                    "label": f.label,
                    "value": plain(f.value) if f.value else None,
                    "from_appendix": f.from_appendix,
                }
                for f in d.fields
            ],
            "text": [part.model_dump(exclude_defaults=True) for part in d.parts],
            "footnotes": list(d.footnotes),
            "columns": list(d.columns),
            "columns_from_appendix": d.columns_from_appendix,
            "witness": d.witness,
            "rules": [rule.to_dict() for rule in self.rules],
        }


def setting_choices(pack: Pack | str | Path | None = None) -> tuple[tuple[str, str], ...]:
    """The settings a declaration can be printed for: (code, name), in the pack's order."""
    chosen = resolve_pack(pack)
    return tuple((s.code, s.name) for s in chosen.settings.values())


def declaration_sheet(
    setting: str, pack: Pack | str | Path | None = None, *, rows: int = DEFAULT_ROWS
) -> DeclarationSheet:
    """The sign-in sheet for a meeting setting.

    ``setting`` is a setting code of the disclosure contract (``marac``, ``hate_crime_meeting``;
    case and hyphens do not matter) or its declaration's clause id (``A5``). Raises :class:`UnknownSetting`
    for anything else, listing the settings.
    """
    chosen = resolve_pack(pack)
    key = "_".join(setting.strip().lower().replace("-", " ").split())
    info = chosen.settings.get(key)
    appendix = info.declaration if info is not None else key.upper()
    if info is None and appendix not in {s.declaration for s in chosen.settings.values()}:
        raise UnknownSetting(setting, setting_choices(chosen))
    declaration = chosen.declarations.get(appendix)
    if declaration is None:
        raise NoSuchPaperwork(
            f"the pack {chosen.name!r} has no declaration {appendix}"
            + ("" if chosen.declarations else " (it has no declarations.toml)")
        )
    used_by = tuple(s for s in chosen.settings.values() if s.declaration == appendix)
    if info is None and len(used_by) == 1:
        info = used_by[0]
    return DeclarationSheet(
        declaration=declaration,
        setting=info,
        used_by=used_by,
        rules=_rules(info, declaration, chosen),
        rows=max(1, rows),
        pack_title=chosen.meta.title,
        pack_version=chosen.meta.version,
        appendix_name=chosen.clause_name(declaration.id),
        marking_clauses=", ".join(
            chosen.concepts.cite(("chair-sets-confidentiality", "classification-levels"))
        ),
        attendees_clause=", ".join(chosen.concepts.cite(("non-signatory-attendees",))),
    )


def render_declaration(
    setting: str,
    fmt: str = "html",
    pack: Pack | str | Path | None = None,
    *,
    rows: int = DEFAULT_ROWS,
) -> str:
    """The confidentiality declaration sign-in sheet for a meeting setting, as HTML or Markdown.

    ``rows`` is the number of blank signature rows (the table carries on over pages).
    """
    return render_template("declaration", fmt, sheet=declaration_sheet(setting, pack, rows=rows))


#: How many rows beyond the default a sign-in table may gain to fill its last page (more than a page holds).
_MOST_EXTRA_ROWS = 32


def print_declaration(
    setting: str,
    path: str | Path,
    pack: Pack | str | Path | None = None,
    *,
    rows: int | None = None,
    chromium: str | None = None,
) -> Path:
    """Print the sign-in sheet to an A4 PDF at ``path``.

    With ``rows`` given, the table has exactly that many rows. Without, it has at least
    :data:`DEFAULT_ROWS` and as many more as fill its last page: a sheet never ends on a page
    holding a few stray rows (found by printing, since only the browser knows where pages break).
    """
    import tempfile

    from .render import pdf_pages, to_pdf

    chosen = resolve_pack(pack)
    if rows is not None:
        return to_pdf(render_declaration(setting, "html", chosen, rows=rows), path, chromium=chromium)
    with tempfile.TemporaryDirectory(prefix="ispcheck-rows-") as work:
        trial = Path(work) / "trial.pdf"

        def pages(count: int) -> int:
            to_pdf(render_declaration(setting, "html", chosen, rows=count), trial, chromium=chromium)
            return pdf_pages(trial)

        fewest = pages(DEFAULT_ROWS)
        low, high = DEFAULT_ROWS, DEFAULT_ROWS + _MOST_EXTRA_ROWS
        while low < high:  # the most rows that still print on as many pages as the default
            middle = (low + high + 1) // 2
            if pages(middle) == fewest:
                low = middle
            else:
                high = middle - 1
    return to_pdf(render_declaration(setting, "html", chosen, rows=low), path, chromium=chromium)


def _rules(setting: SettingInfo | None, declaration: Declaration, pack: Pack) -> tuple[ChairRule, ...]:
    """The setting's rules as the chair should know them, in plain words (ours), each with the
    interpretations it rests on where it goes beyond the declaration's words."""

    def readings(*idents: str | None) -> tuple[tuple[str, str], ...]:
        known = pack.interpretations
        return tuple((i, known[i].title) for i in idents if i is not None and i in known)

    def cited(text: str, *concepts: str) -> str:
        """``text``, then the clauses of the protocol that say it, in brackets (if any do)."""
        ids = pack.concepts.cite(concepts)
        return f"{text} ({', '.join(ids)})." if ids else f"{text}."

    evidence_rule = pack.concepts.cite(("evidence-not-from-meetings",))

    rules: list[ChairRule] = []
    guests: tuple[str, ...] = ()
    if setting is not None:
        rules.append(ChairRule("Recording", (RECORDING[setting.recording],)))
        rules.append(
            ChairRule(
                "Passing information on",
                (ONWARD_SHARING[setting.onward_sharing],),
                readings(setting.onward_sharing_reading),
            )
        )
        if setting.requirements:
            rules.append(ChairRule("This meeting's own requirements", setting.requirements))
        if setting.guests == "chair_consent":
            guests = ("They come only as guest agencies the chair has agreed to.",)
    rules.append(
        ChairRule(
            "Attendees from organisations that have not signed the protocol",
            (
                cited(
                    "They sign this sheet too, agreeing to abide by the protocol",
                    "non-signatories",
                    "non-signatory-attendees",
                ),
                *guests,
            ),
            readings(setting.guests_reading if setting is not None else None),
        )
    )
    rules.append(
        ChairRule(
            "After the meeting",
            (
                cited(
                    "The chair keeps the signed sheet securely, and keeps it current",
                    "chair-sets-confidentiality",
                    "sign-in-sheet-kept",
                ),
                cited(
                    "Information wanted as evidence is requested from its owner on "
                    + pack.concepts.render_leniently("the [[request-forms]] form")
                    + ", not taken from the discussion or papers",
                    "compliant-requests",
                    "evidence-not-from-meetings",
                ),
            ),
            # The declaration that says it needs no reading; at any other meeting it is ispcheck's.
            readings(_EVIDENCE_EVERYWHERE if declaration.id not in evidence_rule else None),
        )
    )
    return tuple(rules)
