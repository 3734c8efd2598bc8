"""Purpose: lawful, defined and justifiable (2.1, 4.4, 5.3, 5.4)."""

from __future__ import annotations

from collections.abc import Sequence

from ..decision import Effect, Finding
from ..hookspecs import hookimpl
from ..pack import Pack
from ..roles import DPO
from ..rule import Facts, Rule, gated_rule, rule
from ..view import DisclosureView

statement_missing = gated_rule(
    "purpose.statement-missing",
    when={"purpose_statement_given": False},
    title="The purpose is stated",
    effect=Effect.BLOCK,
    clauses=("defined-purpose", "protection-principles", "test-why-wanted"),
    message="No purpose statement is given. Sharing needs a lawful, defined and justifiable purpose.",
    action="Write down, in a sentence or two, what the information is for.",
    facts=("purpose.statement",),
    when_urgent=Effect.CONDITION,
    urgent_action="Record the purpose (protecting life) with the decision as soon as you can.",
)


other_purpose = gated_rule(
    "purpose.other",
    when={"purpose.code": "other"},
    title="The purpose is one the protocol covers",
    effect=Effect.REFER,
    clauses=("statutory-purposes", "defined-purpose"),
    message=(
        "The purpose is 'other': outside the crime and disorder, substance misuse, re-offending and serious "
        "violence purposes the protocol is for ([[statutory-purposes]])."
    ),
    action=(
        "Ask your Data Protection Officer whether another agreement or lawful route covers this purpose "
        "before sharing."
    ),
    refer_to=DPO,
    facts=("purpose.code",),
    when_urgent=Effect.CONDITION,
    urgent_action="Record the purpose (protecting life) with the decision as soon as you can.",
)


strategic_analysis_with_personal_data = gated_rule(
    "purpose.strategic-analysis-with-personal-data",
    when={"purpose.code": "strategic_analysis"},
    title="Strategic analysis uses anonymised or aggregated data where possible",
    effect=Effect.REFER,
    clauses=("anonymise-where-possible", "protection-principles"),
    message=(
        "Personal data is to be shared for strategic analysis. The protocol says to use anonymised or "
        "aggregated information where possible ([[anonymise-where-possible]]), so identifiable data needs a "
        "reason."
    ),
    action=(
        "Share anonymised or aggregated figures instead; or show your Data Protection Officer why the "
        "analysis needs to identify people, and record it."
    ),
    refer_to=DPO,
    facts=("purpose.code", "data.categories"),
    interpretations=("strategic-analysis-refers",),
)


@rule(
    "purpose.anonymised-only",
    when={"personal": False},
    title="Anonymised or aggregated data is outside the personal-data rules",
    effect=Effect.ADVICE,
    clauses=("anonymise-where-possible", "statutory-purposes"),
    message=(
        "Only anonymised or aggregated information is involved, so the protocol's personal-data checks do "
        "not apply."
    ),
    action=(
        "Check that small numbers or combined details cannot identify anyone; if they could, treat the data "
        "as personal and check again."
    ),
    facts=("data.categories", "data.smallest_count"),
    personal_only=False,
    predicate_readings=("small-numbers-are-personal-data",),
    check_in_words="always; when the smallest number in the figures is not given, it asks for it",
)
def anonymised_only(d: DisclosureView, f: Facts) -> bool | Finding:
    # (Figures below the small-number threshold are personal data, so never reach here.)
    return _SMALLEST_NOT_KNOWN if d.data.smallest_count is None else True


#: The smallest count is not given: still advice (old disclosures keep their meaning), asking for it.
_SMALLEST_NOT_KNOWN = anonymised_only.variant(
    action=(
        "Check the smallest number in any cell of the figures: a small count (below the partnership's "
        "small-number threshold) or combined details could identify someone. Record the smallest number; if "
        "it is small, suppress or round it, or treat the data as personal and check again."
    ),
    interpretations=("small-numbers-are-personal-data",),
)


def small_numbers_rule(pack: Pack) -> Rule:
    """Figures whose smallest count is below the pack's threshold: suppress, round, or treat as personal."""
    threshold = pack.small_number_threshold
    reference = pack.meta.small_number_reference

    return rule(
        "purpose.small-numbers",
        title="Figures with small numbers are made safe, or handled as personal data",
        effect=Effect.CONDITION,
        clauses=("anonymise-where-possible", "statutory-purposes"),
        message=(
            "The figures are anonymised or aggregated, but the smallest number in them is below "
            f"{threshold}, so they could identify someone: they are treated as personal data. "
            "[[anonymise-where-possible]] prefers anonymised or aggregated figures only while nobody can be "
            "identified from them." + (f" ({reference}.)" if reference else "")
        ),
        action=(
            f"Suppress or round every count below {threshold}, or combine groups (a wider area, a longer "
            f"period, wider age bands) until none is below {threshold}; or else handle the share as personal "
            "data, with a lawful basis and the checks that go with it."
        ),
        facts=("data.categories", "data.smallest_count"),
        law=("UK GDPR Article 4(1) and Recital 26",),
        interpretations=("small-numbers-are-personal-data",),
        # All gate: the engine works the fact out with the pack's threshold (Facts.small_numbers).
        when={"small_numbers": True},
    )(None)


RULES = (statement_missing, other_purpose, strategic_analysis_with_personal_data, anonymised_only)


@hookimpl
def ispcheck_rules(pack: Pack) -> Sequence[Rule]:
    return (*RULES, small_numbers_rule(pack))
