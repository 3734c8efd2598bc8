"""Purpose: lawful, defined and justifiable (2.1, 4.4, 5.3, 5.4, Appendix 2 question 1)."""

from __future__ import annotations

from tests.conftest import effect_of, rule_ids

URGENT = {"context.urgent_risk_to_life": True}


# -- the purpose statement ------------------------------------------------------------------


def test_a_share_with_no_purpose_statement_is_not_made(decide):
    """4.4, A2.Q1: there must be a defined purpose."""
    decision = decide(**{"purpose.statement": None})

    assert effect_of(decision, "purpose.statement-missing") == "block"
    assert decision.outcome.value == "do_not_share"


def test_a_blank_purpose_statement_counts_as_no_statement(decide):
    """4.4: whitespace is not a purpose."""
    decision = decide(**{"purpose.statement": "   "})

    assert effect_of(decision, "purpose.statement-missing") == "block"


def test_a_written_purpose_statement_satisfies_the_purpose_check(decide):
    """4.4: a sentence saying what the information is for is enough for this check."""
    decision = decide(**{"purpose.statement": "to arrange a joint safety visit"})

    assert "purpose.statement-missing" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_in_an_emergency_the_purpose_may_be_recorded_after_sharing(decide):
    """4.4 with A11: protecting life comes first; the purpose is written down afterwards."""
    decision = decide(**{"purpose.statement": None, **URGENT})

    assert effect_of(decision, "purpose.statement-missing") == "condition"
    assert decision.outcome.value == "share_with_conditions"


# -- purposes outside the protocol ----------------------------------------------------------


def test_a_purpose_outside_the_protocols_statutory_purposes_is_referred(decide):
    """2.1: the protocol is for crime and disorder, substance misuse, reoffending, violence."""
    decision = decide(**{"purpose.code": "other"})

    assert effect_of(decision, "purpose.other") == "refer"
    assert decision.outcome.value == "refer"
    assert decision.refer_to == ("your Data Protection Officer",)


def test_a_purpose_the_protocol_names_is_not_referred(decide):
    """2.1: reducing anti-social behaviour is one of the protocol's purposes."""
    decision = decide(**{"purpose.code": "reduce_asb"})

    assert "purpose.other" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_an_other_purpose_in_an_emergency_goes_ahead_and_is_recorded(decide):
    """2.1 with A11: an urgent risk to life is not held up by the purpose code."""
    decision = decide(**{"purpose.code": "other", **URGENT})

    assert effect_of(decision, "purpose.other") == "condition"
    assert decision.outcome.value == "share_with_conditions"


# -- strategic analysis and anonymised data -------------------------------------------------


def test_strategic_analysis_with_personal_data_goes_to_the_dpo_to_show_why_names_are_needed(decide):
    """5.4: anonymised or aggregated information "where possible": a referral, not a block."""
    decision = decide(**{"purpose.code": "strategic_analysis"})

    assert effect_of(decision, "purpose.strategic-analysis-with-personal-data") == "refer"
    assert decision.outcome.value == "refer"
    assert decision.refer_to == ("your Data Protection Officer",)


def test_strategic_analysis_with_aggregated_figures_may_be_shared(decide):
    """5.4: aggregated statistics are what strategic analysis should use."""
    decision = decide(**{"purpose.code": "strategic_analysis", "data.categories": ["aggregated"]})

    assert "purpose.strategic-analysis-with-personal-data" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_anonymised_data_only_is_shared_with_a_warning_about_re_identification(decide):
    """5.4, 2.1: the personal-data checks do not apply to anonymised information."""
    decision = decide(**{"data.categories": ["anonymised"], "purpose.statement": None})

    assert effect_of(decision, "purpose.anonymised-only") == "advice"
    assert "purpose.statement-missing" not in rule_ids(decision)
    assert decision.outcome.value == "share"
    assert decision.obligations == ()


def test_anonymised_data_mixed_with_personal_data_is_treated_as_personal(decide):
    """2.1: one personal item brings the whole share under the personal-data checks."""
    decision = decide(**{"data.categories": ["anonymised", "personal"]})

    assert "purpose.anonymised-only" not in rule_ids(decision)
    assert decision.obligations != ()


# -- small numbers (issue 15, item 9) ----------------------------------------------------------

FIGURES = {"data.categories": ["aggregated"], "subjects": []}


def test_figures_with_a_count_below_the_threshold_are_treated_as_personal_data_and_made_safe(decide, pack):
    """5.4 holds only while nobody can be identified (interpretation small-numbers-are-personal-data)."""
    decision = decide(**{**FIGURES, "data.smallest_count": pack.small_number_threshold - 1})

    assert effect_of(decision, "purpose.small-numbers") == "condition"
    assert "purpose.anonymised-only" not in rule_ids(decision)  # personal data now
    assert decision.outcome.value != "share"
    found = next(f for f in decision.findings if f.rule_id == "purpose.small-numbers")
    assert "5.4" in found.clauses and found.interpretations == ("small-numbers-are-personal-data",)
    assert "Suppress or round" in (found.action or "")
    assert str(pack.small_number_threshold) in found.message


def test_figures_whose_smallest_count_is_at_the_threshold_are_decided_as_before(decide, pack):
    """The nearest case: at the threshold, unchanged."""
    at = decide(**{**FIGURES, "data.smallest_count": pack.small_number_threshold})
    before = decide(**FIGURES)

    assert "purpose.small-numbers" not in rule_ids(at)
    assert at.outcome.value == before.outcome.value == "share"


def test_figures_with_no_smallest_count_given_get_advice_only_asking_for_it(decide):
    """Old disclosures keep their meaning: advice, which asks for the smallest number."""
    decision = decide(**FIGURES)

    assert effect_of(decision, "purpose.anonymised-only") == "advice"
    assert decision.outcome.value == "share"
    found = next(f for f in decision.findings if f.rule_id == "purpose.anonymised-only")
    assert "smallest number" in (found.action or "")
    assert found.interpretations == ("small-numbers-are-personal-data",)


def test_personal_data_with_a_small_count_gets_no_small_numbers_condition(decide):
    """The small-numbers rule is about figures; personal data has its own rules already."""
    decision = decide(**{"data.smallest_count": 1})

    assert "purpose.small-numbers" not in rule_ids(decision)
