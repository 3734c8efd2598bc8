"""The legal concepts rules rest on, and how a pack's clauses are found from them.

Every community safety partnership writes its own protocol on the same law, numbered its own
way. The built-in rules therefore never cite a clause number: they cite *concepts* (the purposes
sharing is for, the need-to-know test, the sign-in sheet of a meeting) by the stable ids below,
and each pack's ``concepts.toml`` says which of its own clauses set each concept out, and how its
text names them ("Appendix 3"). A rule whose concepts a pack does not map is not part of that
protocol: the engine leaves it out and lists it, rather than failing to load or citing another
partnership's numbers.

Text a person reads names a concept's clauses with a placeholder, ``[[concept-id]]``, which
becomes the pack's words for it (its clause ids, joined, when it gives no words); ``[[id:ids]]``
is always the clause ids. So a rule's message reads "(4.4)" under one protocol and "(S4(d))" under
another, from one definition.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from .decision import Finding

__all__ = [
    "CONCEPTS",
    "PLACEHOLDER",
    "ConceptMap",
    "concepts_in_text",
    "is_concept",
]

#: Every concept a built-in rule, question or form may cite, with what a pack author maps to it.
CONCEPTS: dict[str, str] = {
    # The protocol itself and who is in it
    "responsible-authorities": "Which bodies are responsible authorities (Crime and Disorder Act 1998).",
    "protocol-scope": "What the protocol is for, and what it does not cover.",
    "meeting-appendices": "That each meeting setting has its own declaration, and new settings can be added.",
    "settings-covered": "The meeting settings the protocol covers, and which declaration each uses.",
    "current-law": "That the protocol reflects the UK GDPR and the Data Protection Act 2018.",
    "statutory-purposes": "The purposes sharing is for (crime, disorder, substances, reoffending, violence).",
    "other-organisations": "Extending the protocol to organisations beyond the responsible authorities.",
    "partners-required": "Which partners are required or expected to share.",
    "signing-up": "How partner agencies sign up to the protocol.",
    "non-signatories": "Sharing with an organisation that has not signed (an agreement first).",
    "powers-to-share": "The duty and powers to share (section 115 and other gateways).",
    "shared-content": "What shared data typically contains.",
    "sensitive-data": "Special category and criminal offence data, and the extra conditions they need.",
    "defined-purpose": "Sharing needs a lawful, defined and justifiable purpose.",
    "ongoing-investigations": "Ongoing investigations and prosecutions (sub judice): consult before sharing.",
    "profiling": "Profiling, particularly of children.",
    "lawful-sharing": "Sharing must be lawful: a lawful basis, and a condition for sensitive data.",
    "protection-principles": "The data protection principles (minimisation, accuracy, security...).",
    "anonymise-where-possible": "Use anonymised or aggregated information where possible.",
    "seek-agreement": "Seeking the person's agreement to share, and its limits.",
    "without-consent": "Sharing without consent: when it is justified, and recording why.",
    "impact-assessment": "Data protection impact assessments for new or high-risk sharing.",
    "chair-sets-confidentiality": "The chair of a meeting sets its confidentiality and what leaves it.",
    "non-signatory-attendees": "Attendees from organisations that have not signed sign the declaration.",
    "sign-in-sheet-kept": "The chair keeps the meeting's sign-in sheet current and securely.",
    "security-classifications": "Use of the Government Security Classifications.",
    "classification-levels": "The classification levels and how each is handled.",
    "compliant-requests": "Requests for information must be legally compliant (made on the form).",
    "purpose-limitation": "Information is used only for its purpose, and not passed on without agreement.",
    "secure-handling": "Secure transmission and storage.",
    "transfers-abroad": "Sending personal data outside the UK (and data from a partner not at all).",
    "evidence-not-from-meetings": "Evidence is asked of its owner, never taken from a meeting's discussion.",
    "designated-officers": "Each partner's designated officer, who decides when the rules cannot.",
    "disputes": "How disputes between partners are resolved.",
    "information-rights": "Each partner's information rights policies (access requests, complaints).",
    "annual-review": "The protocol is reviewed every year.",
    "change-history": "The protocol's versions and their dates.",
    "start-and-review": "When the protocol came into force, and its review.",
    "legal-bases": "The list of legal powers and gateways for sharing.",
    # The protocol's tests before sharing (questions to ask before every share)
    "test-why-wanted": "Test: why is the information wanted, and is sharing in the person's interests?",
    "test-need-to-know": "Test: is there a need to know; will sharing make a difference?",
    "test-proportionate": "Test: is the request proportionate (less data, another way, impact)?",
    "test-accurate": "Test: is the information accurate and up to date, fact kept apart from opinion?",
    "test-secondary-disclosure": "Test: is it a secondary disclosure needing the originator's agreement?",
    "test-consent": "Test: is there consent to share?",
    "test-without-consent": "Test: is sharing without consent justified?",
    "test-recorded": "Test: has the sharing been recorded?",
    "recording-the-decision": "Recording the decision to share and its reasons (the record kept).",
    "test-secure": "Test: is it being shared securely?",
    # Declarations and forms
    "generic-declaration": "The generic confidentiality declaration signed at meetings without their own.",
    "mappa-declaration": "The MAPPA confidentiality and equality statements.",
    "marac-declaration": "The MARAC confidentiality statement.",
    "iom-declaration": "The IOM case conference confidentiality declaration.",
    "early-help-declaration": "The Early Help panel confidentiality declaration.",
    "channel-declaration": "The Channel panel confidentiality declaration.",
    "socjag-declaration": "The serious and organised crime (SOCJAG) confidentiality declaration.",
    "request-to-police-form": "The form a partner uses to ask the police for information.",
    "police-request-form": "The form the police use to ask a partner for information.",
    "request-forms": "The request forms, both ways (used in text that names them together).",
    "board-signatories": "The partnership board's signatories.",
    "additional-signatories": "Additional signatories and their designated officers.",
    "signatory-register": "The whole signatory register (used in text that names it together).",
}

#: ``[[concept-id]]`` or ``[[concept-id:ids]]`` in text a person reads.
PLACEHOLDER = re.compile(r"\[\[([a-z0-9]+(?:-[a-z0-9]+)*)(:ids)?\]\]")


def is_concept(name: str) -> bool:
    """Whether ``name`` is a concept id (rather than a pack's own clause id)."""
    return name in CONCEPTS


def concepts_in_text(text: str | None) -> tuple[str, ...]:
    """The concepts a text names with placeholders, in order, each once."""
    if not text:
        return ()
    return tuple(dict.fromkeys(m.group(1) for m in PLACEHOLDER.finditer(text)))


def _joined(ids: tuple[str, ...]) -> str:
    if len(ids) <= 2:
        return " and ".join(ids)
    return ", ".join(ids[:-1]) + " and " + ids[-1]


@dataclass(frozen=True, slots=True)
class ConceptMap:
    """One pack's clauses for each concept it sets out, and its words for them in text."""

    clauses: Mapping[str, tuple[str, ...]]
    words: Mapping[str, str]

    @classmethod
    def empty(cls) -> ConceptMap:
        return cls({}, {})

    def has(self, concept: str) -> bool:
        return concept in self.clauses

    def missing(self, cited: Iterable[str], texts: Iterable[str | None] = ()) -> tuple[str, ...]:
        """The concepts among ``cited`` and in ``texts``' placeholders that the pack does not map.

        A name in ``cited`` that is not a concept is taken as one of the pack's own clause ids (a
        plugin written for one protocol may cite its numbers); the caller checks those.
        """
        named = [c for c in cited if is_concept(c)]
        for text in texts:
            named.extend(concepts_in_text(text))
        return tuple(dict.fromkeys(c for c in named if c not in self.clauses))

    def cite(self, cited: Iterable[str]) -> tuple[str, ...]:
        """The pack's clause ids for what a rule cites: each concept's clauses, in order, once each.

        Names that are not concepts are kept (a pack's own clause ids); unmapped concepts are
        dropped (check :meth:`missing` first where that must not happen).
        """
        out: list[str] = []
        for name in cited:
            out.extend(self.clauses.get(name, ()) if is_concept(name) else (name,))
        return tuple(dict.fromkeys(out))

    def render(self, text: str, *, missing: str | None = None) -> str:
        """``text`` with each placeholder replaced by the pack's words (or clause ids) for it.

        A concept the pack does not map is an error, unless ``missing`` gives the words to use
        instead (for a question, which is asked whatever the protocol).
        """
        if "[[" not in text:
            return text
        if missing is None:
            return PLACEHOLDER.sub(self._words_for, text)
        return PLACEHOLDER.sub(lambda m: self._words_for(m) if m.group(1) in self.clauses else missing, text)

    def render_leniently(self, text: str) -> str:
        """``text`` in this protocol's words, leaving out citations of concepts it lacks.

        For words shown whatever the protocol (a question, a screen): a citation in brackets of
        its own, "(see [[x]])" or "(ISP [[x:ids]])", is left out when the protocol does not set
        ``x`` out; any other placeholder of such a concept reads "the protocol".
        """
        for concept in self.missing((), (text,)):
            name = re.escape(concept)
            text = re.sub(rf"\s*\((?:see |ISP )?\[\[{name}(?::ids)?\]\]\)", "", text)
        return self.render(text, missing="the protocol")

    def missing_in_finding(self, finding: Finding) -> tuple[str, ...]:
        """The concepts a finding cites or names in its words that this pack does not map."""
        return self.missing(finding.clauses, (finding.message, finding.action))

    def finding(self, finding: Finding, *, fallback: tuple[str, ...] = ()) -> Finding:
        """A finding as this protocol reads it: its clause ids and words.

        Without ``fallback``, check that the pack maps what it names first. With it, the finding
        is read leniently: citations of concepts the pack lacks are left out, and where nothing
        it cites is in the pack it cites ``fallback`` (the pack's escalation clauses).
        """
        render = self.render if not fallback else self.render_leniently
        clauses = self.cite(finding.clauses) or fallback
        message = render(finding.message)
        action = None if finding.action is None else render(finding.action)
        if clauses == finding.clauses and message is finding.message and action is finding.action:
            return finding
        return replace(finding, clauses=clauses, message=message, action=action)

    def _words_for(self, match: re.Match[str]) -> str:
        concept, ids_only = match.group(1), match.group(2)
        if concept not in self.clauses:
            raise KeyError(f"concept {concept!r} is not in this protocol")
        if not ids_only and concept in self.words:
            return self.words[concept]
        return _joined(self.clauses[concept])
