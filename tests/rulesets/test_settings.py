"""Meetings: the declaration each setting uses, recording, and its own requirements.

Clauses 1.6, 5.7, 6.1, 6.2 and the declarations of Appendices 3 to 9. The expected declarations are
written out here from 1.6, so a wrong entry in the pack fails these tests.
"""

from __future__ import annotations

import pytest

from tests.conftest import effect_of, rule_ids

#: 1.6: the settings and the declaration their attendees sign.
DECLARATIONS = {
    "community_impact_group": "A3",
    "vulnerability_meeting": "A3",
    "problem_solving_meeting": "A3",
    "domestic_homicide_review": "A3",
    "hate_crime_meeting": "A3",
    "case_management_meeting": "A3",
    "csp_meeting": "A3",
    "mappa": "A4",
    "marac": "A5",
    "iom_case_conference": "A6",
    "early_help_panel": "A7",
    "channel_panel": "A8",
    "socjag": "A9",
    # Not in 1.6: a meeting the protocol does not list, read as using the generic Appendix 3
    # declaration (interpretation "unlisted-meeting-generic-declaration"; 1.5 lets the partnership
    # add an appendix for it).
    "other_meeting": "A3",
}
GENERIC = [code for code, declaration in DECLARATIONS.items() if declaration == "A3"]
#: A4 "Meetings must not be recorded", A5 "MARAC meetings must not be recorded", A9 "Meetings
#: will not be recorded".
NEVER_RECORDED = {"mappa": "A4", "marac": "A5", "socjag": "A9"}
#: A6, A7 and A8 say nothing about recording.
SILENT_ON_RECORDING = ["iom_case_conference", "early_help_panel", "channel_panel"]


def at(setting):
    return {"context.setting": setting, "handling.channel": "in_meeting"}


def finding(decision, rule_id):
    return next(f for f in decision.findings if f.rule_id == rule_id)


# -- the declaration ------------------------------------------------------------------------


@pytest.mark.parametrize(("setting", "declaration"), DECLARATIONS.items())
def test_sharing_at_a_meeting_needs_every_attendee_to_have_signed_its_declaration(
    decide, setting, declaration
):
    """1.6, 6.1: each setting has its declaration, signed before anything is shared."""
    decision = decide(**at(setting))

    assert effect_of(decision, "setting.declaration") == "condition"
    assert decision.outcome.value == "share_with_conditions"
    found = finding(decision, "setting.declaration")
    assert found.clauses[-1] == declaration
    assert "6.1" in found.clauses
    assert f"Appendix {declaration.removeprefix('A')} declaration" in found.action


def test_the_declaration_condition_covers_attendees_from_organisations_that_have_not_signed(
    decide,
):
    """6.2: people present who do not represent a signatory still sign the sheet."""
    decision = decide(**at("vulnerability_meeting"))

    assert "6.2" in finding(decision, "setting.declaration").action


def test_sharing_outside_any_meeting_needs_no_meeting_declaration(decide):
    """6.1: the declarations are for meetings."""
    decision = decide(**{"context.setting": "outside_meeting"})

    assert "setting.declaration" not in rule_ids(decision)
    assert decision.outcome.value == "share"


def test_sharing_where_the_setting_is_not_known_is_treated_as_outside_a_meeting(decide):
    """6.1."""
    decision = decide(**{"context.setting": None})

    assert "setting.declaration" not in rule_ids(decision)


# -- recording ------------------------------------------------------------------------------


@pytest.mark.parametrize(("setting", "declaration"), NEVER_RECORDED.items())
def test_mappa_marac_and_socjag_meetings_must_not_be_recorded(decide, setting, declaration):
    """A4, A5, A9: these meetings must not be recorded at all."""
    decision = decide(**at(setting))

    assert effect_of(decision, "setting.recording") == "condition"
    found = finding(decision, "setting.recording")
    assert found.clauses == (declaration,)
    assert "must not be recorded" in found.action


@pytest.mark.parametrize("setting", GENERIC)
def test_generic_meetings_may_be_recorded_only_with_every_attendees_agreement(decide, setting):
    """A3: agreement sought from all attendees before any recording commences."""
    decision = decide(**at(setting))

    assert effect_of(decision, "setting.recording") == "condition"
    found = finding(decision, "setting.recording")
    assert found.clauses == ("A3",)
    assert "unless every attendee agrees" in found.action


@pytest.mark.parametrize("setting", SILENT_ON_RECORDING)
def test_meetings_whose_declaration_says_nothing_on_recording_get_no_recording_rule(decide, setting):
    """A6, A7, A8 set no rule on recording."""
    decision = decide(**at(setting))

    assert "setting.recording" not in rule_ids(decision)


def test_sharing_outside_any_meeting_has_no_recording_rule(decide):
    """A3-A9 are about meetings."""
    decision = decide()

    assert "setting.recording" not in rule_ids(decision)


# -- each setting's own requirements --------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "declaration", "requirement"),
    [
        ("marac", "A5", "No guest agencies without the consent of the MARAC Chair"),
        ("marac", "A5", "smart devices turned off and unplugged"),
        ("mappa", "A4", "must not be printed or photocopied"),
        ("channel_panel", "A8", "Official Secrets Act"),
        ("socjag", "A9", "Appendix 10 or 11 form"),
        ("iom_case_conference", "A6", "never transferred outside the UK"),
        ("early_help_panel", "A7", "used only for the matters discussed"),
        ("hate_crime_meeting", "A3", "Virtual attendees keep the meeting confidential"),
    ],
)
def test_a_meeting_brings_the_requirements_of_its_own_declaration(decide, setting, declaration, requirement):
    """A3-A9: each declaration adds requirements of its own."""
    decision = decide(**at(setting))

    assert effect_of(decision, "setting.requirements") == "condition"
    found = finding(decision, "setting.requirements")
    assert found.clauses == (declaration,)
    assert requirement in found.action


def test_sharing_outside_any_meeting_brings_no_meeting_requirements(decide):
    """A3-A9 are about meetings."""
    decision = decide()

    assert "setting.requirements" not in rule_ids(decision)


# -- data protection impact assessment ------------------------------------------------------


@pytest.mark.parametrize("dpia", [False, None])
def test_a_meeting_or_scenario_with_no_dpia_recorded_gets_advice_to_complete_one(decide, dpia):
    """5.7: DPIAs for each purpose or scenario, by the partner that delivers the meeting."""
    decision = decide(**{"context.dpia_in_place": dpia})

    assert effect_of(decision, "setting.dpia-not-recorded") == "advice"
    assert decision.outcome.value == "share"


def test_a_meeting_or_scenario_with_a_dpia_gets_no_dpia_advice(decide):
    """5.7."""
    decision = decide(**{"context.dpia_in_place": True})

    assert "setting.dpia-not-recorded" not in rule_ids(decision)


# -- a meeting the protocol does not list (issue 15, item 8) --------------------------------

UNLISTED = at("other_meeting")


def test_a_meeting_the_protocol_does_not_list_uses_the_generic_appendix_3_declaration(decide):
    """1.6, 6.1, A3: an unlisted meeting is a meeting, with the generic declaration."""
    decision = decide(**UNLISTED, **{"context.meeting_name": "Clare's Law decision forum"})

    assert effect_of(decision, "setting.declaration") == "condition"
    assert "Appendix 3 declaration" in finding(decision, "setting.declaration").action
    assert "unless every attendee agrees first" in finding(decision, "setting.recording").action
    assert decision.outcome.value == "share_with_conditions"


def test_a_meeting_the_protocol_does_not_list_is_named_in_the_finding_with_the_way_to_an_appendix(decide):
    """1.5: appendices can be added as new groups emerge; the finding names the meeting."""
    decision = decide(**UNLISTED, **{"context.meeting_name": "Clare's Law decision forum"})

    found = finding(decision, "setting.not-listed")
    assert found.effect.value == "advice"  # named: the conditions are the declaration's own
    assert found.clauses == ("1.5", "1.6", "6.1", "A3")
    assert '"Clare\'s Law decision forum", a meeting the protocol does not list (1.6)' in found.message
    assert "propose to the partnership an appendix for this meeting (1.5)" in found.action
    assert found.interpretations == ("unlisted-meeting-generic-declaration",)
    assert "UK GDPR Article 5(1)(f) (integrity and confidentiality)" in found.law


@pytest.mark.parametrize("name", [None, "", "   "])
def test_a_meeting_the_protocol_does_not_list_and_nobody_names_is_to_be_named(decide, name):
    """1.5, 1.6: without a name, a condition to name it (on the record and the sign-in sheet)."""
    decision = decide(**UNLISTED, **{"context.meeting_name": name})

    found = finding(decision, "setting.not-listed")
    assert found.effect.value == "condition"
    assert found.action.startswith("Name the meeting on the record and on the Appendix 3 sign-in sheet")
    assert "is not named" in found.message


def test_a_long_meeting_name_is_cut_short_in_the_finding(decide):
    """A finding quotes a name, not a page of text."""
    decision = decide(**UNLISTED, **{"context.meeting_name": "panel " * 100})

    message = finding(decision, "setting.not-listed").message
    assert '..."' in message
    assert len(message) < 400


@pytest.mark.parametrize("setting", ["case_management_meeting", "outside_meeting"])
def test_a_listed_meeting_or_no_meeting_raises_no_unlisted_meeting_finding(decide, setting):
    """1.5: the nearest cases; a name given for a listed meeting changes nothing."""
    decision = decide(**at(setting), **{"context.meeting_name": "Rugby ASB case review"})

    assert "setting.not-listed" not in rule_ids(decision)


def test_an_unlisted_meeting_is_not_read_as_a_declaration_made_subject_to_section_115(decide):
    """A3 says "subject to section 115", but the partnership made no declaration for this meeting."""
    not_a_relevant_authority = {
        "lawful_basis.gateway": "crime_and_disorder_act_s115",
        "recipient.organisation": "Coventry Rape and Sexual Abuse Centre",
        "recipient.kind": "voluntary",
    }
    listed = decide(**at("case_management_meeting"), **not_a_relevant_authority)
    decision = decide(**UNLISTED, **not_a_relevant_authority)

    assert effect_of(listed, "lawful-basis.s115-needs-relevant-authorities") == "advice"
    assert effect_of(decision, "lawful-basis.s115-needs-relevant-authorities") == "refer"
