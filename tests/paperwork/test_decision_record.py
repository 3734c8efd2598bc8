"""The record of a sharing decision (Appendix 2, questions 8 and 10).

Records are made under the fixture pack (``fixture_checker``), so a change to the Warwickshire
rules does not break them; a record made without a checker, and the words of a Warwickshire rule,
are shown under the shipped pack.
"""

from __future__ import annotations

from msgspec import structs

from ispcheck import Checker
from ispcheck.decision import Effect, Finding
from ispcheck.engine import UNKNOWN_FACT_ID
from ispcheck.pack import load_pack
from ispcheck.paperwork import decision_record, render_decision_record
from ispcheck.paperwork.render import MD_BLANK
from ispcheck.templating import markdown_escape

from ..conftest import clean_disclosure
from .text import assert_in_order, html_text, markdown_text

#: The fixture pack's own partners as the parties, and the originator.
FIXTURE_PARTIES = {
    "discloser.organisation": "Fixture Police",
    "recipient.organisation": "Fixture Borough Council",
    "data.originator": "Fixture Police",
}


def test_the_record_sets_out_what_to_whom_why_the_basis_and_the_decision(fixture_checker: Checker) -> None:
    disclosure = clean_disclosure(**FIXTURE_PARTIES, **{"handling.channel": "post"})
    for fmt, read in (("html", html_text), ("markdown", markdown_text)):
        text = read(
            render_decision_record(disclosure, fmt=fmt, decided_by="DS 1234", checker=fixture_checker)
        )
        assert_in_order(
            text,
            [
                "OFFICIAL-SENSITIVE",
                "Record of a decision to share information",
                "Outcome",
                "Share, once the conditions below are met",
                "25 November 2026, 02:00 UTC",
                "fixture-csp, version 2026-01-01",
                "DS 1234",
                "From",
                "Fixture Police",
                "To",
                "Fixture Borough Council",
                "A signatory of the protocol (F7).",
                "What",
                "the victim's current address, for a safety visit",
                "Why",
                "Preventing crime or anti-social behaviour",
                "to arrange a joint safety visit",
                "Lawful basis",
                "Public task (UK GDPR Article 6(1)(e))",
                "Crime and Disorder Act 1998, section 115",
                "Before the data moves",
                "ISP F2",
                "Findings",
                "Standing obligations",
                "Record that the information was shared",
                "Clauses cited",
                "F2",
                "Everything else",  # the last clause cited: what follows is the section below
                "Recording the share",
                "Shared on (date and time)",
                "Recorded in (system and reference)",
                "OFFICIAL-SENSITIVE",
            ],
        )
        assert "share_with_conditions" not in text and "share with conditions" not in text


def test_every_finding_is_listed_by_its_rules_title_with_its_clauses_and_then_its_reference(
    fixture_checker: Checker,
) -> None:
    disclosure = clean_disclosure(**{"context.ongoing_investigation": True})
    decision = fixture_checker.check(disclosure)
    titles = {r.rule.id: r.rule.title for r in fixture_checker.rules}
    html = render_decision_record(disclosure, decision, "html", checker=fixture_checker)
    text = html_text(html)
    assert "Who must decide first" in text
    for finding in decision.findings:
        cited = "ISP " + ", ".join(finding.clauses)
        reference = "Rule ref. " + finding.rule_id
        assert_in_order(text, [finding.message, titles[finding.rule_id], cited, reference])
        assert f'<small class="ref">Rule ref. {finding.rule_id}</small>' in html
    for obligation in decision.obligations:
        assert obligation.text in text


def test_a_given_decision_is_recorded_as_it_was_made(fixture_checker: Checker) -> None:
    blocked = clean_disclosure(**{"handling.channel": "messaging_app"})
    decision = fixture_checker.check(blocked)
    record = decision_record(blocked, decision, pack=fixture_checker.pack)
    assert record.decision is decision
    assert record.made_at == "25 November 2026, 02:00 UTC"
    # Given with a disclosure that would be shared, the record still shows the decision it was given.
    text = markdown_text(
        render_decision_record(clean_disclosure(), decision, "markdown", pack=fixture_checker.pack)
    )
    assert "| Outcome | **Do not share** |" in text
    assert "do_not_share" not in text


def test_without_a_decision_the_record_decides_the_disclosure_now(fixture_checker: Checker) -> None:
    record = decision_record(clean_disclosure(), checker=fixture_checker)
    assert record.decision.outcome.value == "share"
    assert record.decision.pack_name == "fixture-csp"
    assert record.made_at == "25 November 2026, 02:00 UTC"  # the checker's now


def test_without_a_decision_or_a_checker_the_record_decides_under_the_default_pack() -> None:
    record = decision_record(clean_disclosure())
    assert record.decision.pack_name == load_pack().name
    assert record.decision.outcome == Checker().check(clean_disclosure()).outcome


def test_who_decided_is_a_blank_to_sign_when_not_given(fixture_checker: Checker) -> None:
    markdown = render_decision_record(clean_disclosure(), fmt="markdown", checker=fixture_checker)
    assert f"| Decided by (name and role) | {MD_BLANK} |" in markdown
    assert f"| Signature | {MD_BLANK} |" in markdown
    html = render_decision_record(clean_disclosure(), fmt="html", decided_by="  ", checker=fixture_checker)
    assert '<th scope="row">Decided by (name and role)</th><td class="blank"></td>' in html


def test_unknown_facts_are_shown_as_not_recorded(fixture_checker: Checker) -> None:
    minimal = {
        "discloser": {"organisation": "Warwickshire Police"},
        "recipient": {"organisation": "Refuge"},
        "data": {"categories": ["personal"]},
        "purpose": {"code": "safeguarding"},
        "handling": {"classification": "OFFICIAL", "channel": "secure_email"},
    }
    record = decision_record(minimal, checker=fixture_checker)
    facts = dict(record.facts)
    assert facts["What"] == ()
    assert facts["Lawful basis"] == ()
    text = html_text(render_decision_record(minimal, fmt="html", checker=fixture_checker))
    assert "What Not recorded" in text
    assert "**What**: not recorded" in render_decision_record(
        minimal, fmt="markdown", checker=fixture_checker
    )


def test_a_recipient_outside_the_register_is_said_to_be_so(fixture_checker: Checker) -> None:
    disclosure = clean_disclosure(**{"recipient.organisation": "Acme Lettings Ltd"})
    facts = dict(decision_record(disclosure, checker=fixture_checker).facts)
    assert "Not in the protocol's partner register." in facts["To"]


def test_the_record_is_available_as_json_for_case_systems(fixture_checker: Checker) -> None:
    data = decision_record(clean_disclosure(), decided_by="DS 1234", checker=fixture_checker).to_dict()
    assert data["decision"]["outcome"] == "share"
    assert data["decision"]["pack"] == {"name": "fixture-csp", "version": "2026-01-01"}
    assert data["disclosure"]["recipient"]["organisation"] == "Rugby Borough Council"
    assert data["decided_by"] == "DS 1234"
    assert {"id": "F10", "title": "Recording the share"} in data["clauses"]


def test_text_from_the_disclosure_is_escaped_in_the_record(fixture_checker: Checker) -> None:
    disclosure = clean_disclosure(**{"purpose.statement": "<b>bold</b>"})
    html = render_decision_record(disclosure, fmt="html", checker=fixture_checker)
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html


def test_the_record_shows_the_kind_of_an_organisation_that_has_not_signed(fixture_checker: Checker) -> None:
    disclosure = clean_disclosure(
        **{"recipient.organisation": "Coventry City Council", "recipient.kind": "local_authority"}
    )
    for fmt, read in (("html", html_text), ("markdown", markdown_text)):
        text = read(render_decision_record(disclosure, fmt=fmt, checker=fixture_checker))
        assert_in_order(
            text,
            [
                "To",
                "Coventry City Council",
                "Kind of organisation: Council",
                "Not in the protocol's partner register.",
            ],
        )


URGENT_BY_PHONE = {
    "discloser": {"organisation": "Warwickshire Police"},
    "recipient": {"organisation": "West Midlands Ambulance Service"},
    "subjects": [{"role": "vulnerable_person", "is_child": False}],
    "data": {"categories": ["personal", "special_category"]},
    "purpose": {"code": "protect_life", "statement": "a man has taken an overdose"},
    "handling": {"classification": "OFFICIAL-SENSITIVE", "channel": "phone"},
    "context": {"urgent_risk_to_life": True},
}


def test_an_urgent_record_lists_what_to_do_as_soon_as_the_emergency_allows(fixture_checker: Checker) -> None:
    record = decision_record(URGENT_BY_PHONE, checker=fixture_checker)
    afterwards = record.decision.afterwards
    assert afterwards

    for fmt, read in (("html", html_text), ("markdown", markdown_text)):
        text = read(render_decision_record(URGENT_BY_PHONE, fmt=fmt, checker=fixture_checker))
        assert_in_order(
            text, ["Before the data moves", "As soon as the emergency allows", afterwards[0].text]
        )


def test_a_record_without_an_emergency_has_no_afterwards_section(fixture_checker: Checker) -> None:
    markdown = render_decision_record(clean_disclosure(), fmt="markdown", checker=fixture_checker)

    assert "As soon as the emergency allows" not in markdown


def test_an_urgent_record_with_no_basis_recorded_shows_vital_interests_as_the_basis(
    fixture_checker: Checker,
) -> None:
    facts = dict(decision_record(URGENT_BY_PHONE, checker=fixture_checker).facts)

    assert facts["Lawful basis"][0].startswith(
        "Lawful basis (UK GDPR Article 6): none recorded; with an urgent risk to life the share rests on "
        "vital interests (UK GDPR Article 6(1)(d))"
    )
    assert "vital interests (UK GDPR Article 9(2)(c))" in facts["Lawful basis"][1]


def test_a_record_with_no_basis_and_no_emergency_shows_none_rather_than_vital_interests(
    fixture_checker: Checker,
) -> None:
    calm = {**URGENT_BY_PHONE, "context": {"urgent_risk_to_life": False}}

    facts = dict(decision_record(calm, checker=fixture_checker).facts)

    assert facts["Lawful basis"] == ()


def test_no_finding_on_the_urgent_record_calls_a_share_to_protect_life_unlawful(checker: Checker) -> None:
    record = decision_record(URGENT_BY_PHONE, checker=checker)
    missing = next(f for f in record.decision.findings if f.rule_id == "lawful-basis.article6-missing")

    assert "would not be lawful" not in missing.message
    assert "vital interests (Article 6(1)(d))" in missing.message
    calm = decision_record({**URGENT_BY_PHONE, "context": {"urgent_risk_to_life": False}}, checker=checker)
    blocked = next(f for f in calm.decision.findings if f.rule_id == "lawful-basis.article6-missing")
    assert "would not be lawful" in blocked.message


def test_a_finding_made_by_the_engine_itself_has_no_rule_title_but_keeps_its_reference(
    fixture_checker: Checker,
) -> None:
    """A fact the rules do not understand is the engine's finding: it has a reference, not a rule."""
    disclosure = clean_disclosure()
    engine_made = Finding(
        rule_id=UNKNOWN_FACT_ID,
        effect=Effect.REFER,
        clauses=("18",),
        message="The disclosure has facts the rules do not understand.",
        action="Decide by hand.",
        refer_to="the Data Protection Officer",
    )
    decision = structs.replace(fixture_checker.check(disclosure), findings=(engine_made,))

    ((_, finding, title),) = decision_record(disclosure, decision, checker=fixture_checker).findings
    assert (finding.rule_id, title) == (UNKNOWN_FACT_ID, None)
    markdown = render_decision_record(disclosure, decision, "markdown", checker=fixture_checker)
    assert f"| (ISP 18; rule ref. {UNKNOWN_FACT_ID}) |" in markdown


def test_a_decision_given_without_a_checker_still_names_its_findings_rules_in_words() -> None:
    disclosure = clean_disclosure(**{"handling.channel": "standard_email"})
    decision = Checker().check(disclosure)
    markdown = render_decision_record(disclosure, decision, "markdown")

    assert decision.findings
    for _, finding, title in decision_record(disclosure, decision).findings:
        assert title, f"{finding.rule_id} has no title on the record"
        assert f"{markdown_escape(title)} (ISP " in markdown


def test_the_record_says_who_it_is_about_has_died_and_the_law_it_was_shared_under(
    fixture_checker: Checker,
) -> None:
    disclosure = clean_disclosure(
        subjects=[{"role": "victim", "is_child": False, "deceased": True}],
        **{"lawful_basis.regime": "uk_gdpr"},
    )
    text = markdown_text(render_decision_record(disclosure, fmt="markdown", checker=fixture_checker))
    assert "victim (an adult) (has died)" in text
    assert "Data protection law" in text
