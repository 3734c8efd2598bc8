"""Classification and secure handling (6.3, 6.4, 7.4, Appendix 2 question 9, Appendix 3)."""

from __future__ import annotations

import pytest

from tests.conftest import effect_of, rule_ids

OFFICIAL = {"handling.classification": "OFFICIAL"}


# -- classification -------------------------------------------------------------------------


def test_information_about_a_victim_marked_only_official_must_be_marked_official_sensitive(
    decide,
):
    """6.4: share on a need-to-know basis under OFFICIAL-SENSITIVE."""
    decision = decide(**OFFICIAL)

    assert effect_of(decision, "handling.mark-official-sensitive") == "condition"
    assert decision.outcome.value == "share_with_conditions"


@pytest.mark.parametrize(
    "changes",
    [
        {"data.categories": ["personal", "criminal_offence"]},
        {"subjects": [{"role": "vulnerable_person"}]},
        {"subjects": [{"role": "witness", "is_child": True}]},
        {"subjects": []},
    ],
    ids=["criminal-offence-data", "vulnerable-person", "child-witness", "nobody-listed"],
)
def test_sensitive_information_marked_only_official_must_be_marked_official_sensitive(decide, changes):
    """6.4: offence data, vulnerable people, children, or unknown subjects."""
    decision = decide(**OFFICIAL, **changes)

    assert effect_of(decision, "handling.mark-official-sensitive") == "condition"


def test_routine_information_about_an_adult_witness_may_stay_official(decide):
    """6.4: OFFICIAL covers routine business."""
    decision = decide(**OFFICIAL, subjects=[{"role": "witness", "is_child": False}])

    assert "handling.mark-official-sensitive" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_information_about_a_victim_already_marked_official_sensitive_needs_no_marking(decide):
    """6.4."""
    decision = decide(**{"handling.classification": "OFFICIAL-SENSITIVE"})

    assert "handling.mark-official-sensitive" not in rule_ids(decision)


@pytest.mark.parametrize("classification", ["SECRET", "TOP SECRET"])
def test_secret_and_top_secret_material_is_referred_as_outside_this_protocol(decide, classification):
    """6.4: SECRET and TOP SECRET handling is beyond what the protocol provides for."""
    decision = decide(**{"handling.classification": classification})

    assert effect_of(decision, "handling.above-official-sensitive") == "refer"
    assert decision.outcome.value == "refer"
    assert decision.refer_to == ("your Data Protection Officer",)


def test_secret_material_is_referred_even_when_it_holds_no_personal_data(decide):
    """6.4: the classification, not the content, puts it outside the protocol."""
    decision = decide(**{"handling.classification": "SECRET", "data.categories": ["aggregated"]})

    assert effect_of(decision, "handling.above-official-sensitive") == "refer"
    assert decision.outcome.value == "refer"


def test_official_sensitive_material_is_within_the_protocol(decide):
    """6.4."""
    decision = decide(**{"handling.classification": "OFFICIAL-SENSITIVE"})

    assert "handling.above-official-sensitive" not in rule_ids(decision)


# -- the route ------------------------------------------------------------------------------


def test_personal_data_sent_by_ordinary_email_must_go_by_secure_email_or_be_encrypted(decide):
    """7.4, A3, A2.Q9: a secure transmission system for personal data."""
    decision = decide(**{"handling.channel": "standard_email"})

    assert effect_of(decision, "handling.standard-email") == "condition"
    assert decision.outcome.value == "share_with_conditions"


def test_personal_data_sent_by_secure_email_to_a_confirmed_secure_address_is_fine(decide):
    """7.4."""
    decision = decide(**{"handling.channel": "secure_email", "recipient.has_secure_email": True})

    assert "handling.standard-email" not in rule_ids(decision)
    assert "handling.secure-email-not-confirmed" not in rule_ids(decision)
    assert decision.outcome.value == "share"


@pytest.mark.parametrize("has_secure_email", [False, None])
def test_secure_email_to_a_recipient_not_confirmed_to_have_it_must_be_confirmed_or_encrypted(
    decide, has_secure_email
):
    """7.4, A3: without secure email, encrypt with a password."""
    decision = decide(**{"handling.channel": "secure_email", "recipient.has_secure_email": has_secure_email})

    assert effect_of(decision, "handling.secure-email-not-confirmed") == "condition"
    assert decision.outcome.value == "share_with_conditions"


def test_an_encrypted_attachment_to_a_recipient_without_secure_email_is_fine(decide):
    """A3: encryption with a password is the answer where there is no secure email."""
    decision = decide(**{"handling.channel": "encrypted_attachment", "recipient.has_secure_email": False})

    assert "handling.secure-email-not-confirmed" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_personal_data_sent_by_post_must_be_sent_tracked_and_sealed(decide):
    """7.4, A2.Q9."""
    decision = decide(**{"handling.channel": "post"})

    assert effect_of(decision, "handling.post") == "condition"
    assert decision.outcome.value == "share_with_conditions"


def test_personal_data_sent_by_courier_needs_no_postal_precautions(decide):
    """7.4 names courier as a secure route."""
    decision = decide(**{"handling.channel": "courier"})

    assert "handling.post" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_personal_data_given_by_phone_must_go_to_a_confirmed_person_and_be_confirmed(decide):
    """7.4, A2.Q9."""
    decision = decide(**{"handling.channel": "phone"})

    assert effect_of(decision, "handling.phone") == "condition"
    assert decision.outcome.value == "share_with_conditions"


def test_personal_data_on_a_shared_secure_case_system_needs_no_phone_precautions(decide):
    """7.4: hosted on a secure system shared by partners."""
    decision = decide(**{"handling.channel": "secure_case_system"})

    assert "handling.phone" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_in_a_meeting_as_the_route_for_a_share_outside_a_meeting_must_be_corrected(decide):
    """6.1, 7.4: name the meeting, or the route the data will really take."""
    decision = decide(**{"handling.channel": "in_meeting", "context.setting": "outside_meeting"})

    assert effect_of(decision, "handling.meeting-channel-outside-meeting") == "condition"
    assert decision.outcome.value == "share_with_conditions"


def test_in_a_meeting_as_the_route_with_no_setting_known_must_be_corrected(decide):
    """6.1: an unknown setting is read as outside a meeting."""
    decision = decide(**{"handling.channel": "in_meeting", "context.setting": None})

    assert effect_of(decision, "handling.meeting-channel-outside-meeting") == "condition"


def test_in_a_meeting_as_the_route_for_a_share_at_a_marac_is_consistent(decide):
    """6.1."""
    decision = decide(**{"handling.channel": "in_meeting", "context.setting": "marac"})

    assert "handling.meeting-channel-outside-meeting" not in rule_ids(decision)


# -- messaging apps, personal devices, in person (issue 15, item 4) ---------------------------


def test_personal_data_by_a_messaging_app_or_personal_device_is_blocked_with_the_secure_routes(decide):
    """7.4: a secure transmission system; the ICO reprimanded NHS Lanarkshire for WhatsApp (2023)."""
    for channel in ("messaging_app", "personal_device"):
        decision = decide(**{"handling.channel": channel})

        assert effect_of(decision, "handling.not-a-secure-system") == "block", channel
        assert decision.outcome.value == "do_not_share"
        finding = next(f for f in decision.findings if f.rule_id == "handling.not-a-secure-system")
        assert "secure email" in (finding.action or "") and finding.interpretations == (
            "not-a-secure-system",
        )


def test_personal_data_on_the_partners_secure_system_is_not_blocked_as_a_messaging_app(decide):
    """7.4: the nearest case, a secure system shared by partners."""
    decision = decide(**{"handling.channel": "secure_case_system"})

    assert "handling.not-a-secure-system" not in rule_ids(decision)


def test_anonymised_figures_by_a_messaging_app_are_not_blocked(decide):
    """7.4 is about personal data."""
    decision = decide(
        **{"handling.channel": "messaging_app", "data.categories": ["aggregated"], "subjects": []}
    )

    assert "handling.not-a-secure-system" not in rule_ids(decision)


def test_a_messaging_app_stays_blocked_with_an_urgent_risk_to_life_and_the_phone_is_offered(decide):
    """Handling protects the person whatever the urgency (interpretation urgent-record-afterwards)."""
    decision = decide(**{"handling.channel": "messaging_app", "context.urgent_risk_to_life": True})

    assert effect_of(decision, "handling.not-a-secure-system") == "block"
    finding = next(f for f in decision.findings if f.rule_id == "handling.not-a-secure-system")
    assert "phone" in (finding.action or "")


def test_personal_data_told_in_person_outside_a_meeting_goes_to_the_right_person_and_is_recorded(decide):
    """7.4, A2.Q8, A2.Q9."""
    decision = decide(**{"handling.channel": "in_person"})

    assert effect_of(decision, "handling.in-person") == "condition"
    assert decision.outcome.value == "share_with_conditions"


def test_personal_data_by_phone_raises_no_in_person_condition(decide):
    """The nearest case: the phone has its own condition."""
    decision = decide(**{"handling.channel": "phone"})

    assert "handling.in-person" not in rule_ids(decision)


# -- several recipients (issue 15, item 3) ------------------------------------------------------

OTHERS = {"recipient.other_recipients": ["Warwickshire County Council", "Refuge"]}


def test_a_victims_details_to_several_recipients_who_can_see_one_another_are_blocked(decide):
    """7.4, 6.4, A2.Q9: the bulk-email breach (interpretation visible-recipients-bulk-email)."""
    decision = decide(**{**OTHERS, "handling.distribution": "several_visible"})

    assert effect_of(decision, "handling.visible-recipients") == "block"
    assert decision.outcome.value == "do_not_share"
    found = next(f for f in decision.findings if f.rule_id == "handling.visible-recipients")
    assert "separately" in (found.action or "") and "blind copies" in (found.action or "")
    assert "visible-recipients-bulk-email" in found.interpretations


def test_other_recipients_named_without_saying_they_are_hidden_are_read_as_visible(decide):
    """Interpretation distribution-not-said: not known to be hidden (fail closed)."""
    decision = decide(**OTHERS)

    assert effect_of(decision, "handling.visible-recipients") == "block"


def test_nobody_else_named_and_nothing_said_is_one_recipient_as_before(decide):
    """Old disclosures keep their meaning."""
    decision = decide()

    assert "handling.visible-recipients" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_several_visible_recipients_with_nobody_listed_are_blocked(decide):
    """Nobody listed: not known to be only offenders (fail closed)."""
    decision = decide(**{"handling.distribution": "several_visible", "subjects": []})

    assert effect_of(decision, "handling.visible-recipients") == "block"


@pytest.mark.parametrize("role", ["witness", "vulnerable_person"])
def test_a_witness_or_vulnerable_persons_details_to_visible_recipients_are_blocked(decide, role):
    decision = decide(
        **{"handling.distribution": "several_visible", "subjects": [{"role": role, "is_child": False}]}
    )

    assert effect_of(decision, "handling.visible-recipients") == "block"


def test_an_offenders_details_to_visible_recipients_need_every_recipient_to_need_to_know(decide):
    """The nearest case: offenders only is a condition (6.4 need to know)."""
    decision = decide(
        **{"handling.distribution": "several_visible", "subjects": [{"role": "offender", "is_child": False}]}
    )

    assert effect_of(decision, "handling.visible-recipients") == "condition"


def test_someone_who_is_neither_offender_nor_suspect_is_protected_from_visible_recipients(decide):
    """'Other' may be a family member: only offenders and suspects relax the block (fail closed)."""
    for roles in (["other"], ["offender", "other"]):
        subjects = [{"role": role, "is_child": False} for role in roles]
        decision = decide(**{"handling.distribution": "several_visible", "subjects": subjects})

        assert effect_of(decision, "handling.visible-recipients") == "block", roles
    found = next(f for f in decision.findings if f.rule_id == "handling.visible-recipients")
    assert "UK GDPR Article 5(1)(f) and Article 32 (security)" in found.law


def test_several_recipients_who_cannot_see_one_another_each_need_to_know(decide):
    """6.4 need to know, 3.6 covered by the protocol."""
    decision = decide(**{**OTHERS, "handling.distribution": "several_hidden"})

    assert effect_of(decision, "handling.hidden-recipients") == "condition"
    assert "handling.visible-recipients" not in rule_ids(decision)
    assert decision.outcome.value == "share_with_conditions"


def test_a_message_to_one_recipient_raises_neither_several_recipients_rule(decide):
    decision = decide(**{"handling.distribution": "one"})

    assert not {"handling.visible-recipients", "handling.hidden-recipients"} & rule_ids(decision)


def test_several_recipients_in_a_meeting_are_left_to_the_meetings_declaration(decide):
    """In a meeting everyone present hears it, under the meeting's declaration."""
    decision = decide(
        **{
            "handling.distribution": "several_visible",
            "handling.channel": "in_meeting",
            "context.setting": "marac",
        }
    )

    assert "handling.visible-recipients" not in rule_ids(decision)


def test_anonymised_figures_to_several_visible_recipients_are_not_blocked(decide):
    decision = decide(
        **{"handling.distribution": "several_visible", "data.categories": ["aggregated"], "subjects": []}
    )

    assert "handling.visible-recipients" not in rule_ids(decision)
