"""Protocol packs: the facts of one partnership's protocol, kept as data and checked on load.

A pack is a folder of TOML files (see the README's "Pack format"). Loading checks every entry
against a schema, checks that every clause a pack entry cites exists, and that vocabularies match
the disclosure contract. All problems are reported together, each naming the file and the entry,
because a data protection officer editing a pack should fix it in one pass.

What a loaded pack is (its entries and the :class:`Pack`) is in :mod:`ispcheck.pack_model`; this
module finds packs and loads them, and is the one to import from. The paperwork files
(``forms.toml``, ``declarations.toml``) are optional, and are read and checked the first time
paperwork is asked for (``pack.forms``, ``pack.declarations``), with the same care and the same
kind of error. Deciding a disclosure never needs them, so they add nothing to the time a check
takes to start. Their models are in :mod:`ispcheck.pack_forms`.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path
from typing import Any, cast

import msgspec

from .concepts import CONCEPTS, PLACEHOLDER, ConceptMap
from .decision import Obligation
from .errors import PackError
from .pack_model import (
    DEFAULT_SMALL_NUMBER_THRESHOLD,
    Clause,
    ConceptEntry,
    FindingWords,
    Interpretation,
    Matching,
    Meta,
    NonSignatoryEntry,
    ObligationEntry,
    Pack,
    Paperwork,
    PartnerEntry,
    Question,
    QuestionWords,
    SettingInfo,
    UnknownRisk,
    VocabularyEntry,
)
from .pack_versions import VERSIONS_FILE, Versions, read_versions
from .partners import KnownAs, NonSignatory, Partner, PartnerRegister
from .vocabulary import VOCABULARY, OrganisationKind

__all__ = [
    "DEFAULT_PACK",
    "DEFAULT_PACK_FILE",
    "DEFAULT_SMALL_NUMBER_THRESHOLD",
    "Clause",
    "Interpretation",
    "Pack",
    "Paperwork",
    "Question",
    "SettingInfo",
    "UnknownRisk",
    "VocabularyEntry",
    "available_packs",
    "default_pack_name",
    "load_pack",
    "packs_directory",
]

PACK_FILES = (
    "pack.toml",
    "clauses.toml",
    "partners.toml",
    "settings.toml",
    "vocabulary.toml",
    "checklist.toml",
    "obligations.toml",
    "interpretations.toml",
    "unknown_risks.toml",
)
#: Files a pack may leave out: without them it has no paperwork (request forms, declarations).
OPTIONAL_PACK_FILES = ("forms.toml", "declarations.toml")
#: Where the pack's clauses set out each concept the rules rest on. A pack without it maps none,
#: so the built-in rules leave it alone (only its own obligations and plugins apply).
CONCEPTS_FILE = "concepts.toml"
#: The protocol's own words for what findings tell the officer, where they differ (optional).
WORDING_FILE = "wording.toml"


def packs_directory() -> Path:
    """Where the shipped packs are: inside the installed package, or the repository's rules/."""
    installed = Path(str(resources.files("ispcheck"))) / "packs"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "rules"


def available_packs() -> list[str]:
    root = packs_directory()
    return sorted(p.name for p in root.iterdir() if (p / "pack.toml").is_file())


#: The file in the packs folder that names the pack used when none is named.
DEFAULT_PACK_FILE = "default.toml"


def default_pack_name() -> str:
    """The pack used when none is named: the one the packs folder's ``default.toml`` names.

    Data, not code, so that a partnership installing its own pack makes it the default without
    changing ispcheck. With no such file (or an unreadable one), the only pack there is the
    default; with several and none named, there is none ("", which :func:`load_pack` explains).
    """
    chosen = packs_directory() / DEFAULT_PACK_FILE
    try:
        name = tomllib.loads(chosen.read_text(encoding="utf-8")).get("pack")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        name = None
    if isinstance(name, str) and name.strip():
        return name.strip()
    try:
        packs = available_packs()
    except OSError:
        return ""
    return packs[0] if len(packs) == 1 else ""


#: The pack used when none is named (see :func:`default_pack_name`), read once on import.
DEFAULT_PACK = default_pack_name()


def load_pack(source: str | Path = DEFAULT_PACK, *, version: str | None = None) -> Pack:
    """Load a pack by name (a shipped pack) or by folder path, checking it whole.

    ``version`` loads one of its older versions whose text it holds (see :mod:`ispcheck.pack_versions`).
    """
    if not str(source):
        known = ", ".join(available_packs()) or "none"
        raise PackError(
            "default",
            [
                f"no default pack: name one with --pack, or in {packs_directory() / DEFAULT_PACK_FILE} "
                f'as pack = "NAME" (shipped packs: {known})'
            ],
        )
    folder = Path(source)
    if not folder.is_dir():
        folder = packs_directory() / str(source)
    label = str(source)
    if not (folder / "pack.toml").is_file():
        known = ", ".join(available_packs()) or "none"
        raise PackError(label, [f"no pack.toml in {folder} (shipped packs: {known})"])
    pack = _PackReader(folder, label).read()
    if version is None or version == pack.version:
        return pack
    chosen = next((v for v in pack.versions if v.id == version), None)
    if chosen is None or chosen.folder is None:
        held = ", ".join(v.id for v in pack.versions if v.held) or pack.version
        raise PackError(label, [f"no text of version {version!r} is held in this pack (held: {held})"])
    older = _PackReader(folder, label, chosen.folder).read()
    if older.version != version:
        raise PackError(
            label, [f"{chosen.folder / 'pack.toml'}: says version {older.version!r}, not {version!r}"]
        )
    return older


class _PackReader:
    """Reads one pack folder, collecting every problem before giving up."""

    def __init__(self, folder: Path, label: str, overlay: Path | None = None) -> None:
        self.folder = folder
        self.label = label
        #: An older version's folder: a file there stands in for the pack's own.
        self.overlay = overlay
        self.problems: list[str] = []

    def read(self) -> Pack:
        raw = {name: self._toml(name) for name in PACK_FILES}
        meta = self._one(Meta, "pack.toml", "pack", raw["pack.toml"].get("pack"))
        clauses = self._list(Clause, "clauses.toml", "clause", raw, key="id")
        partners = self._list(PartnerEntry, "partners.toml", "partner", raw, key="name")
        others = self._list(NonSignatoryEntry, "partners.toml", "non_signatory", raw, key="name")
        matching = self._one(Matching, "partners.toml", "matching", raw["partners.toml"].get("matching", {}))
        settings = self._list(SettingInfo, "settings.toml", "setting", raw, key="code")
        checklist = self._list(Question, "checklist.toml", "question", raw, key="id")
        obligations = self._list(ObligationEntry, "obligations.toml", "obligation", raw, key="id")
        interpretations = self._list(Interpretation, "interpretations.toml", "interpretation", raw, key="id")
        unknown_risks = self._list(UnknownRisk, "unknown_risks.toml", "unknown_risk", raw, key="id")
        vocabulary = {
            kind: self._list(VocabularyEntry, "vocabulary.toml", kind, raw, key="code")
            for kind in VOCABULARY
            if kind in _PACK_VOCABULARIES
        }
        clause_map = {c.id: c for _, c in clauses}
        self._check_clause_ids(meta, clauses)
        concepts = self._concepts(clause_map)
        wording, question_wording = self._wording(concepts)
        # The pack's own prose may name its clauses by concept ([[settings-covered]]), as the
        # rules' words do: read once here, so everything after sees the protocol's words.
        settings = self._in_words(settings, concepts, "name", "requirements")
        unknown_risks = self._in_words(unknown_risks, concepts, "title", "message", "action", "urgent_action")
        obligations = self._in_words(obligations, concepts, "text")
        others = self._in_words(others, concepts, "note")
        vocabulary = {
            kind: self._in_words(entries, concepts, "label", "note") for kind, entries in vocabulary.items()
        }
        if clauses:
            self._check_citations(meta, clause_map, others, settings, vocabulary, checklist, obligations)
        fold = PartnerRegister((), (), (), matching.short_forms if matching else None).normalise
        self._check_partners(partners, others, fold)
        if clauses:
            for label, entry in (*interpretations, *unknown_risks):
                self._cite(label, entry.clauses, clause_map)
        interpretation_ids = {i.id for _, i in interpretations}
        self._check_unknown_risks(unknown_risks, interpretation_ids)
        for label, setting in settings:
            for ident in setting.readings:
                if ident not in interpretation_ids:
                    self.problems.append(
                        f"{label}: rests on interpretation {ident!r}, which is not in interpretations.toml"
                    )
        # Every meeting must be answered for: a meeting a pack said nothing of would be decided
        # with none of the meeting rules, which is not "not known to be risk-free" but "free".
        self._check_codes("settings.toml", "setting", settings, VOCABULARY["setting"][1:], every=True)
        for kind, entries in vocabulary.items():
            self._check_codes("vocabulary.toml", kind, entries, VOCABULARY[kind])
        versions = Versions()
        if meta is not None and self.overlay is None:
            versions, problems = read_versions(self.folder, meta.version)
            self.problems.extend(problems)
            if clauses:
                self._cite(VERSIONS_FILE, versions.clauses, clause_map)
        if self.problems or meta is None:
            raise PackError(self.label, self.problems)
        return Pack(
            meta=meta,
            clauses=clause_map,
            register=PartnerRegister(
                (_partner(p, matching) for _, p in partners),
                (NonSignatory(o.name, o.note, o.clauses, o.aliases) for _, o in others),
                matching.places if matching else (),
                matching.short_forms if matching else None,
            ),
            settings={s.code: s for _, s in settings},
            vocabulary={k: {e.code: e for _, e in v} for k, v in vocabulary.items()},
            checklist=tuple(q for _, q in checklist),
            obligations=tuple(Obligation(o.id, o.text, o.clauses, o.applies_to) for _, o in obligations),
            interpretations={i.id: i for _, i in interpretations},
            unknown_risks=tuple(u for _, u in unknown_risks),
            path=self.folder,
            versions=versions.versions,
            version_clauses=versions.clauses,
            overlay=self.overlay,
            concepts=concepts,
            wording=wording,
            question_wording=question_wording,
            paperwork_reader=_read_paperwork,
        )

    def read_paperwork(self, pack: Pack) -> Paperwork:
        """Read and check the optional paperwork files of a loaded pack, every problem at once."""
        from .pack_forms import Declaration, RequestForm

        raw = {name: self._toml(name, optional=True) for name in OPTIONAL_PACK_FILES}
        forms = self._list(RequestForm, "forms.toml", "form", raw, key="id")
        declarations = self._list(Declaration, "declarations.toml", "declaration", raw, key="id")
        for label, paper in (*forms, *declarations):
            self._cite(label, paper.cited(), pack.clauses)
        if raw["declarations.toml"]:
            have = {d.id for _, d in declarations}
            for index, setting in enumerate(pack.settings.values()):
                if setting.declaration not in have:
                    self.problems.append(
                        f"settings.toml: setting[{index}] ({setting.code}): its declaration "
                        f"{setting.declaration} has no [[declaration]] in declarations.toml"
                    )
        if self.problems:
            raise PackError(self.label, self.problems)
        return Paperwork({f.id: f for _, f in forms}, {d.id: d for _, d in declarations})

    def _toml(self, name: str, *, optional: bool = False) -> dict[str, Any]:
        path = self.folder / name
        if self.overlay is not None and (self.overlay / name).is_file():
            path = self.overlay / name
        try:
            with path.open("rb") as handle:
                return tomllib.load(handle)
        except FileNotFoundError:
            if not optional:
                self.problems.append(f"{name}: the file is missing")
        except tomllib.TOMLDecodeError as exc:
            self.problems.append(f"{name}: not valid TOML ({exc})")
        return {}

    def _one(self, model: type[Any], file: str, where: str, data: Any) -> Any:
        if data is None:
            self.problems.append(f"{file}: no [{where}] table")
            return None
        try:
            return msgspec.convert(data, model)
        except msgspec.ValidationError as exc:
            loc, message = _struct_problem(exc, data)
            self.problems.append(f"{file}: [{where}] {loc}: {message}")
            return None

    def _list(
        self, model: type[Any], file: str, table: str, raw: dict[str, dict[str, Any]], key: str
    ) -> list[tuple[str, Any]]:
        """Validate each ``[[table]]`` entry; return (label, entry) pairs of the good ones."""
        data = raw[file].get(table)
        if data is None:
            if raw[file]:
                self.problems.append(f"{file}: no [[{table}]] entries")
            return []
        entries: list[tuple[str, Any]] = []
        seen: dict[str, str] = {}
        for index, item in enumerate(data):
            name = item.get(key) if isinstance(item, dict) else None
            label = f"{file}: {table}[{index}]" + (f" ({name})" if name else "")
            if isinstance(model, type) and issubclass(model, msgspec.Struct):
                entry = self._convert(label, item, model)
                if entry is None:
                    continue
            else:  # the paperwork's pydantic models (pack_forms), read only when paperwork is asked for
                from pydantic import ValidationError

                try:
                    entry = model.model_validate(item)
                except ValidationError as exc:
                    for err in exc.errors():
                        loc = _locate(item, err["loc"]) or "entry"
                        self.problems.append(f"{label}: {loc}: {err['msg'].removeprefix('Value error, ')}")
                    continue
            ident = str(getattr(entry, key))
            if ident in seen:
                self.problems.append(f"{label}: duplicate {key} {ident!r} (first at {seen[ident]})")
                continue
            seen[ident] = label
            entries.append((label, entry))
        return entries

    def _in_words(
        self, entries: list[tuple[str, Any]], concepts: ConceptMap, *fields: str
    ) -> list[tuple[str, Any]]:
        """Entries with the placeholders in their prose ``fields`` read as the pack's words."""
        read: list[tuple[str, Any]] = []
        for label, entry in entries:
            changes: dict[str, Any] = {}
            for name in fields:
                value = getattr(entry, name)
                texts = value if isinstance(value, tuple) else (value,)
                if not any(isinstance(t, str) and "[[" in t for t in texts):
                    continue
                problem = _placeholder_problem(texts, concepts)
                if problem:
                    self.problems.append(f"{label}: {name} {problem}")
                    continue
                done = tuple(concepts.render(t) if isinstance(t, str) else t for t in texts)
                changes[name] = done if isinstance(value, tuple) else done[0]
            read.append((label, msgspec.structs.replace(entry, **changes) if changes else entry))
        return read

    def _check_clause_ids(self, meta: Meta | None, clauses: list[tuple[str, Clause]]) -> None:
        if meta is None or meta.clause_id_pattern is None:
            return
        try:
            shape = re.compile(meta.clause_id_pattern)
        except re.error as exc:
            self.problems.append(f"pack.toml: [pack] clause_id_pattern: not a regular expression ({exc})")
            return
        for label, clause in clauses:
            if shape.fullmatch(clause.id) is None:
                self.problems.append(
                    f"{label}: id {clause.id!r} does not have the shape of this protocol's clause ids "
                    f"(clause_id_pattern {meta.clause_id_pattern!r} in pack.toml)"
                )

    def _concepts(self, known: dict[str, Clause]) -> ConceptMap:
        """Read concepts.toml: each entry a known concept, citing clauses the pack has."""
        raw = self._toml(CONCEPTS_FILE, optional=True)
        table = raw.get("concept", {})
        if not isinstance(table, dict) or set(raw) - {"concept"}:
            self.problems.append(f"{CONCEPTS_FILE}: expected only [concept.<id>] tables")
            return ConceptMap.empty()
        clauses: dict[str, tuple[str, ...]] = {}
        words: dict[str, str] = {}
        for name, item in table.items():
            label = f"{CONCEPTS_FILE}: concept {name!r}"
            if name not in CONCEPTS:
                close = difflib.get_close_matches(name, CONCEPTS, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                self.problems.append(f"{label}: not a concept the rules know{hint}; see ispcheck.concepts")
                continue
            entry = self._convert(label, item, ConceptEntry)
            if entry is None:
                continue
            if entry.words is not None and ("[[" in entry.words or "]]" in entry.words):
                self.problems.append(
                    f"{label}: words are the protocol's own, with no [[placeholder]] in them"
                )
                continue
            self._cite(label, entry.clauses, known)
            clauses[name] = entry.clauses
            if entry.words is not None:
                words[name] = entry.words
        return ConceptMap(clauses, words)

    def _wording(self, concepts: ConceptMap) -> tuple[dict[str, FindingWords], dict[str, QuestionWords]]:
        """Read wording.toml: the protocol's words for findings (by rule id) and for questions.

        Placeholders must name concepts the pack maps. Whether each finding id is a rule is
        checked by the checker, which knows the rules; question ids are checked here.
        """
        raw = self._toml(WORDING_FILE, optional=True)
        findings, questions = raw.get("finding", {}), raw.get("question", {})
        if (
            not isinstance(findings, dict)
            or not isinstance(questions, dict)
            or set(raw) - {"finding", "question"}
        ):
            self.problems.append(
                f'{WORDING_FILE}: expected only [finding."<rule id>"] and [question."<question id>"] tables'
            )
            return {}, {}
        said = {
            "finding": self._words(findings, "finding", FindingWords, concepts),
            "question": self._words(questions, "question", QuestionWords, concepts),
        }
        if said["question"]:
            from .questions import by_id, choice_key  # only a pack that rewords a question needs them

            for ident, words in list(said["question"].items()):
                try:
                    question = by_id(ident)
                except KeyError:
                    self.problems.append(
                        f"{WORDING_FILE}: question {ident!r} is not a question of the checklist"
                    )
                    del said["question"][ident]
                    continue
                values = [choice_key(c.value) for c in question.choices]
                unknown = [key for key in words.choices if key not in values]
                if unknown:
                    allowed = ", ".join(values) or "none: it has no choices"
                    self.problems.append(
                        f"{WORDING_FILE}: question {ident!r}: {', '.join(map(repr, unknown))} "
                        f"not among the question's choices (its choices: {allowed})"
                    )
                    del said["question"][ident]
        return cast(dict[str, FindingWords], said["finding"]), cast(
            dict[str, QuestionWords], said["question"]
        )

    def _words(
        self, table: dict[str, Any], kind: str, model: type[Any], concepts: ConceptMap
    ) -> dict[str, Any]:
        read: dict[str, Any] = {}
        for ident, item in table.items():
            label = f"{WORDING_FILE}: {kind} {ident!r}"
            words = self._convert(label, item, model)
            if words is None:
                continue
            problem = _placeholder_problem(words.texts(), concepts)
            if problem:
                self.problems.append(f"{label}: {problem}")
                continue
            read[ident] = words
        return read

    def _convert(self, label: str, item: Any, model: type[Any]) -> Any:
        """``item`` checked as one ``model`` entry, or None with the problem noted under ``label``."""
        try:
            return msgspec.convert(item, model)
        except msgspec.ValidationError as exc:
            loc, message = _struct_problem(exc, item)
            self.problems.append(f"{label}: {loc or 'entry'}: {message}")
            return None

    def _cite(self, label: str, clauses: tuple[str, ...], known: dict[str, Clause]) -> None:
        for clause in clauses:
            if clause not in known:
                self.problems.append(f"{label}: cites clause {clause!r}, which is not in clauses.toml")

    def _check_citations(
        self,
        meta: Meta | None,
        known: dict[str, Clause],
        others: list[tuple[str, NonSignatoryEntry]],
        settings: list[tuple[str, SettingInfo]],
        vocabulary: dict[str, list[tuple[str, VocabularyEntry]]],
        checklist: list[tuple[str, Question]],
        obligations: list[tuple[str, ObligationEntry]],
    ) -> None:
        if meta is not None:
            self._cite("pack.toml: [pack] escalation_clauses", meta.escalation_clauses, known)
        for label, other in others:
            self._cite(label, other.clauses, known)
        for label, setting in settings:
            self._cite(label, (*setting.clauses, setting.declaration), known)
        for entries in vocabulary.values():
            for label, entry in entries:
                self._cite(label, entry.clauses, known)
        for label, question in checklist:
            self._cite(label, (question.id,), known)
        for label, obligation in obligations:
            self._cite(label, obligation.clauses, known)

    def _check_unknown_risks(self, entries: list[tuple[str, UnknownRisk]], interpretations: set[str]) -> None:
        """Each entry answers for risk facts, names known interpretations; every risk is answered for."""
        from .fact_kinds import FactKind, fact_kinds

        kinds = fact_kinds()
        answered: set[str] = set()
        for label, entry in entries:
            for path in entry.about:
                fact = kinds.get(path)
                if fact is None or fact.kind is not FactKind.RISK:
                    self.problems.append(f"{label}: about {path!r}, which is not a risk fact of the contract")
            # What the entry's facts can speak for: it answers only for those.
            covered = set(_WORKED_OUT_FROM.get(entry.fact, (entry.fact,)))
            within = covered | {p for name in entry.also_when for p in _WORKED_OUT_FROM.get(name, (name,))}
            if not covered & set(entry.about):
                self.problems.append(
                    f"{label}: its fact {entry.fact!r} does not say whether {', '.join(entry.about)} is known"
                )
            stray = [p for p in entry.about if p not in within]
            if stray:
                self.problems.append(f"{label}: about {', '.join(stray)}, which its facts do not read")
            answered.update(p for p in entry.about if p in within)
            for ident in entry.interpretations:
                if ident not in interpretations:
                    self.problems.append(
                        f"{label}: rests on interpretation {ident!r}, which is not in interpretations.toml"
                    )
            if entry.effect == "refer" and not entry.refer_to:
                self.problems.append(f"{label}: refers, so must say who to (refer_to)")
        unanswered = [
            f.path
            for f in kinds.values()
            if f.kind is FactKind.RISK and not f.required and f.null_means is None and f.path not in answered
        ]
        if unanswered:
            self.problems.append(
                "unknown_risks.toml: nothing says what to confirm when these risk facts are not known: "
                + ", ".join(unanswered)
            )

    def _check_partners(
        self,
        partners: list[tuple[str, PartnerEntry]],
        others: list[tuple[str, NonSignatoryEntry]],
        fold: Callable[[str], str],
    ) -> None:
        """Kinds the contract knows, and no name or alias used twice once folded (``fold``)."""
        kinds = VOCABULARY["organisation_kind"]
        for label, partner in partners:
            if partner.kind not in kinds:
                self.problems.append(
                    f"{label}: kind {partner.kind!r} is not a kind of organisation in the disclosure "
                    f"contract (allowed: {', '.join(kinds)})"
                )
        owner: dict[str, str] = {}
        named: list[tuple[str, PartnerEntry | NonSignatoryEntry]] = [*partners, *others]
        for label, entry in named:
            known_as = entry.known_as if isinstance(entry, PartnerEntry) else ()
            for name in (entry.name, *entry.aliases, *(n for k in known_as for n in k.names)):
                key = fold(name)
                if key in owner and owner[key] != label:
                    self.problems.append(f"{label}: name or alias {name!r} is already used by {owner[key]}")
                owner.setdefault(key, label)

    def _check_codes(
        self,
        file: str,
        table: str,
        entries: list[tuple[str, Any]],
        expected: tuple[str, ...],
        *,
        every: bool = False,
    ) -> None:
        codes = {e.code for _, e in entries}
        for label, entry in entries:
            if entry.code not in expected:
                allowed = ", ".join(expected)
                self.problems.append(
                    f"{label}: code {entry.code!r} is not in the disclosure contract (allowed: {allowed})"
                )
        missing = [c for c in expected if c not in codes]
        if (entries or every) and missing:
            self.problems.append(f"{file}: [[{table}]] has no entry for {', '.join(missing)}")


#: The contract facts each worked-out fact that may be unknown is read from (see ``facts.py``).
_WORKED_OUT_FROM: dict[str, tuple[str, ...]] = {
    "came_from_elsewhere": ("context.secondary_disclosure",),
    "any_child": ("subjects.is_child",),
    "recipient_relevant_authority": ("recipient.kind",),
    "discloser_public_authority": ("discloser.kind",),
}

_PACK_VOCABULARIES = (
    "purpose",
    "article6",
    "article9",
    "schedule1_condition",
    "regime",
    "schedule8_condition",
    "gateway",
    "exemption",
    "classification",
)


def _placeholder_problem(texts: Iterable[str | None], concepts: ConceptMap) -> str | None:
    """What is wrong with the placeholders in pack prose, if anything: double brackets that are
    not a placeholder, or a placeholder of a concept the pack does not map."""
    texts = tuple(texts)
    for text in texts:
        if text and "[[" in PLACEHOLDER.sub("", text):
            return (
                "has [[ that is not a placeholder: write one as [[concept-id]] or [[concept-id:ids]], "
                "with a concept from ispcheck.concepts in lower case"
            )
    missing = concepts.missing((), texts)
    if missing:
        return f"names {', '.join(missing)}, which concepts.toml does not map to a clause"
    return None


def _locate(item: Any, loc: tuple[int | str, ...]) -> str:
    """A readable error location: ``field[3] (surname).label`` rather than ``field.3.label``.

    An index into a list of tables is shown with the entry's ``id`` when it has one, so a
    problem deep inside a form names the field it is in.
    """
    parts: list[str] = []
    node = item
    for step in loc:
        if isinstance(step, int):
            node = node[step] if isinstance(node, list) and step < len(node) else None
            ident = node.get("id") if isinstance(node, dict) else None
            text = f"[{step}]" + (f" ({ident})" if isinstance(ident, str) else "")
            if parts:
                parts[-1] += text
            else:
                parts.append(text)
            continue
        node = node.get(step) if isinstance(node, dict) else None
        parts.append(str(step))
    return ".".join(parts)


_STEP = re.compile(r"\.([^.\[]+)|\[(\d+)\]")


def _struct_problem(exc: msgspec.ValidationError, item: Any) -> tuple[str, str]:
    """msgspec's message as (where, what): ``("recording", "Invalid enum value 'sometimes'")``."""
    message, _, path = str(exc).partition(" - at `$")
    loc: list[int | str] = [int(index) if index else name for name, index in _STEP.findall(path.rstrip("`"))]
    for pattern, plain in (
        (r"Object missing required field `(.+)`", "this field is required"),
        (r"Object contains unknown field `(.+)`", "unknown field"),
    ):
        found = re.fullmatch(pattern, message)
        if found:
            loc.append(found.group(1))
            message = plain
    return _locate(item, tuple(loc)), message


def _read_paperwork(pack: Pack) -> Paperwork:
    """The paperwork of a loaded pack, read from its folder (and an older version's, if it is one)."""
    if pack.path is None:  # a pack built in code, not loaded from a folder
        return Paperwork({}, {})
    return _PackReader(pack.path, pack.name, pack.overlay).read_paperwork(pack)


def _partner(entry: PartnerEntry, matching: Matching | None) -> Partner:
    labels = matching.class_labels if matching else {}
    return Partner(
        name=entry.name,
        partner_class=entry.class_,
        appendix=entry.appendix,
        kind=cast(OrganisationKind, entry.kind),  # checked by _check_partners before this is built
        public_authority=entry.public_authority,
        aliases=entry.aliases,
        chief_officer_role=entry.chief_officer_role,
        designated_officer_roles=entry.designated_officer_roles,
        note=entry.note,
        known_as=tuple(KnownAs(k.names, k.reason) for k in entry.known_as),
        class_label=labels.get(entry.class_, ""),
    )
