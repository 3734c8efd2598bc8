"""The checklist's questions tell the officer what "don't know" will mean, from each fact's kind,
and offer the choices of the pack in use, in its words."""

from __future__ import annotations

from pathlib import Path

from ispcheck.pack import load_pack
from ispcheck.questions import QUESTIONS, by_id, if_not_known
from ispcheck.vocabulary import LABELLED_BY_PACK

from .helpers import copy_pack, problems_of


def test_dont_know_to_the_circumstances_is_said_to_stop_a_plain_share() -> None:
    meaning = if_not_known(by_id("circumstances"))
    assert meaning is not None
    assert meaning.startswith(
        "If you don't know, it is not taken as a no: the decision will say what to confirm"
    )


def test_dont_know_to_a_safeguard_is_said_to_count_as_not_done() -> None:
    assert if_not_known(by_id("context.investigating_officer_consulted")) == (
        "If you don't know, it is treated as not in place."
    )


def test_dont_know_to_whether_a_person_is_a_child_is_a_risk() -> None:
    meaning = if_not_known(by_id("subjects"))
    assert meaning is not None and "not taken as a no" in meaning


def test_the_urgent_question_says_not_knowing_means_no_emergency() -> None:
    assert if_not_known(by_id("context.urgent_risk_to_life")) == "If you don't know, it is treated as no."


def test_a_question_that_cannot_be_left_unknown_says_nothing_about_not_knowing() -> None:
    assert if_not_known(by_id("handling.channel")) is None


def test_dont_know_to_the_kind_of_organisation_says_what_it_leads_to() -> None:
    question = next(q for q in QUESTIONS if q.fields == ("recipient.kind",))
    assert if_not_known(question) == (
        "If you don't know, the organisation is not taken to be a relevant authority, so a share "
        "relying on section 115 is referred."
    )


def test_the_checklist_offers_each_vocabulary_choice_with_the_packs_own_label() -> None:
    pack = load_pack()
    for question in QUESTIONS:
        kind = LABELLED_BY_PACK.get(question.fields[0])
        if kind is None:
            continue
        read = question.read_by(pack)
        labels = pack.vocabulary[kind]
        assert [c.value for c in read.choices] == [c.value for c in question.choices], question.id
        assert all(c.label == labels[c.value].label for c in read.choices if c.value in labels), question.id


def test_the_meetings_offered_are_the_packs_own_by_its_names_with_not_in_a_meeting_and_another() -> None:
    pack = load_pack()
    read = by_id("context.setting").read_by(pack)
    offered = {c.value: c.label for c in read.choices}
    assert offered.pop("outside_meeting") == "Not in a meeting"
    assert offered.pop("other_meeting") == "Another meeting the protocol does not list"
    assert offered == {code: s.name for code, s in pack.settings.items() if code != "other_meeting"}


def test_a_pack_that_says_nothing_of_a_meeting_is_refused_naming_it(tmp_path: Path) -> None:
    """Otherwise a share at that meeting would be decided with none of the meeting rules."""
    folder = copy_pack(tmp_path)
    settings = folder / "settings.toml"
    blocks = settings.read_text(encoding="utf-8").split("[[setting]]")
    kept = [b for b in blocks if 'code = "marac"' not in b]
    assert len(kept) == len(blocks) - 1
    settings.write_text("[[setting]]".join(kept), encoding="utf-8")
    assert any("settings.toml" in p and "no entry for marac" in p for p in problems_of(folder))


def test_a_pack_with_no_meetings_at_all_is_refused_too(tmp_path: Path) -> None:
    folder = copy_pack(tmp_path)
    (folder / "settings.toml").write_text("# no meetings\n", encoding="utf-8")
    assert any("settings.toml" in p and "no entry for" in p for p in problems_of(folder))


def test_a_pack_can_word_a_question_and_its_choices_its_own_way(tmp_path: Path) -> None:
    folder = copy_pack(tmp_path)
    (folder / "wording.toml").write_text(
        '[question."purpose.code"]\n'
        'text = "What is the information for, in our protocol\'s terms?"\n'
        'why = "Our protocol lists the purposes it covers ([[statutory-purposes]])."\n'
        'choices = { detect_crime = "Detecting crime" }\n'
        '[question."context.urgent_risk_to_life"]\n'
        'choices = { true = "Yes, someone is in danger now" }\n',
        encoding="utf-8",
    )
    pack = load_pack(folder)
    read = by_id("purpose.code").read_by(pack)
    assert read.text == "What is the information for, in our protocol's terms?"
    assert read.why == "Our protocol lists the purposes it covers (2.1)."
    labels = {c.value: c.label for c in read.choices}
    assert labels["detect_crime"] == "Detecting crime"  # the pack's words for this question win
    assert labels["prevent_crime"] == pack.vocabulary["purpose"]["prevent_crime"].label
    urgent = {c.value: c.label for c in by_id("context.urgent_risk_to_life").read_by(pack).choices}
    assert urgent[True] == "Yes, someone is in danger now" and urgent[False] == "No"


def test_without_its_own_words_a_question_reads_as_built_in() -> None:
    pack = load_pack()
    assert by_id("purpose.statement").read_by(pack).text == by_id("purpose.statement").text


def test_words_for_a_question_the_checklist_does_not_have_are_an_error_naming_it(tmp_path: Path) -> None:
    folder = copy_pack(tmp_path)
    (folder / "wording.toml").write_text('[question."purpose.cod"]\ntext = "x"\n', encoding="utf-8")
    assert any("'purpose.cod'" in p and "not a question" in p for p in problems_of(folder))


def test_words_for_a_choice_the_question_does_not_have_are_an_error_naming_it(tmp_path: Path) -> None:
    folder = copy_pack(tmp_path)
    (folder / "wording.toml").write_text(
        '[question."purpose.code"]\nchoices = { detect_crime = "Detecting crime", not_a_purpose = "x" }\n',
        encoding="utf-8",
    )
    assert any("'not_a_purpose'" in p and "detect_crime" in p for p in problems_of(folder))
