"""Transfers outside the UK (Appendix 6, and UK GDPR Chapter V)."""

from __future__ import annotations

from tests.conftest import effect_of, rule_ids

ABROAD = {"context.transfer_outside_uk": True}
FROM_A_PARTNER = {
    "context.secondary_disclosure": True,
    "context.originator_agreed": True,
    "context.from_meeting": "none",
}


def test_data_received_from_another_partner_is_not_sent_outside_the_uk(decide):
    """A6: do not transfer Shared Personal Data received from another partner outside the UK."""
    decision = decide(**ABROAD, **FROM_A_PARTNER)

    assert effect_of(decision, "international.partner-data-outside-uk") == "block"
    assert decision.outcome.value == "do_not_share"
    found = next(f for f in decision.findings if f.rule_id == "international.partner-data-outside-uk")
    assert found.clauses == ("A6",)


def test_partner_data_named_by_its_originator_is_not_sent_outside_the_uk(decide):
    """A6: an originator other than the discloser shows it came from a partner."""
    decision = decide(
        **ABROAD,
        **{
            "context.secondary_disclosure": None,
            "context.originator_agreed": True,
            "data.originator": "Rugby Borough Council",
        },
    )

    assert effect_of(decision, "international.partner-data-outside-uk") == "block"


def test_the_disclosers_own_data_going_abroad_is_not_blocked_but_referred(decide):
    """A6, 5.2: the ban is on partner data; one's own data needs lawful transfer safeguards."""
    decision = decide(**ABROAD)

    assert "international.partner-data-outside-uk" not in rule_ids(decision)
    assert effect_of(decision, "international.transfer") == "refer"
    assert decision.outcome.value == "refer"
    assert decision.refer_to == ("your Data Protection Officer",)


def test_partner_data_staying_in_the_uk_is_not_blocked(decide):
    """A6."""
    decision = decide(**FROM_A_PARTNER, **{"context.transfer_outside_uk": False})

    assert "international.partner-data-outside-uk" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_the_disclosers_own_data_staying_in_the_uk_needs_no_transfer_approval(decide):
    """5.2."""
    decision = decide(**{"context.transfer_outside_uk": False})

    assert "international.transfer" not in rule_ids(decision)


def test_data_where_a_transfer_abroad_is_not_stated_needs_no_transfer_approval(decide):
    """5.2: the rule asks for a stated transfer."""
    decision = decide(**{"context.transfer_outside_uk": None})

    assert "international.transfer" not in rule_ids(decision)
    assert "international.partner-data-outside-uk" not in rule_ids(decision)
