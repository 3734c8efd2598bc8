"""Batch audit: streaming, invalid lines skipped and named, CSV equals JSON Lines, workers agree.

The audit is decided under the fixture pack (``fixture_checker``), so a change to the Warwickshire
rules does not break it; only CSV against JSON Lines is compared under the shipped pack, whose many
rules read more of each disclosure.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ispcheck import Checker
from ispcheck.audit import Audit, AuditError, Summary
from ispcheck.csv_format import COLUMNS, disclosure_to_row

from .conftest import clean_disclosure
from .helpers import FIXTURE_PACK
from .strategies import any_disclosures

#: Builds the checker in each worker process: the built-in rules under the fixture pack.
FACTORY = partial(Checker, FIXTURE_PACK, use_entry_points=False)

TRICKY_TEXT = st.sampled_from(
    (
        None,
        'address, phone; and "nickname"',
        "line one\nline two",
        "  padded  ",
        "Zoë's café, ½ mile from the school",
    )
)


@st.composite
def logged_disclosures(draw: st.DrawFn) -> dict[str, Any]:
    """Any valid disclosure, with free text that is awkward for CSV (commas, quotes, newlines)."""
    data = draw(any_disclosures())
    data["data"]["description"] = draw(TRICKY_TEXT)
    data["purpose"]["statement"] = draw(TRICKY_TEXT)
    return data


def jsonl(records: list[dict[str, Any]]) -> list[str]:
    return [json.dumps(r, ensure_ascii=False) + "\n" for r in records]


def as_csv(records: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow(disclosure_to_row(record))
    return out.getvalue()


def results(job: Audit) -> list[dict[str, Any]]:
    return list(job)


def fixed(checker: Checker) -> Any:
    """A factory handing out the session's checker (for in-process audits only)."""
    return lambda: checker


# -- deciding a log ---------------------------------------------------------------------------


def test_every_record_is_decided_in_input_order_with_its_line_number(fixture_checker: Checker) -> None:
    records = [
        clean_disclosure(),
        clean_disclosure(**{"handling.channel": "messaging_app"}),
        clean_disclosure(**{"context.ongoing_investigation": True}),
    ]
    found = results(Audit(jsonl(records), checker_factory=fixed(fixture_checker)))
    assert [(r["line"], r["outcome"]) for r in found] == [(1, "share"), (2, "do_not_share"), (3, "refer")]
    assert found[2]["refer_to"] == ["the investigating officer and the Crown Prosecution Service"]
    assert {"rule_id": "investigation.not-consulted", "effect": "refer", "clauses": ["F4"]} in found[2][
        "findings"
    ]
    assert found[0]["discloser"] == "Warwickshire Police"


def test_invalid_lines_are_reported_with_their_line_numbers_and_skipped(fixture_checker: Checker) -> None:
    lines = [
        json.dumps(clean_disclosure()) + "\n",
        "{not json\n",
        "\n",  # blank lines are not records
        json.dumps(clean_disclosure(**{"consnet": {}})) + "\n",
        json.dumps(clean_disclosure(**{"data.categories": ["gossip"]})) + "\n",
        b'{"discloser": "\xff"}\n',
        json.dumps(clean_disclosure()) + "\n",
    ]
    job = Audit(lines, checker_factory=fixed(fixture_checker))  # type: ignore[arg-type]
    found = results(job)
    assert [r["line"] for r in found] == [1, 2, 4, 5, 6, 7]
    assert [r["outcome"] for r in found] == ["share", None, None, None, None, "share"]
    problems = {r["line"]: r["problems"] for r in found if r["outcome"] is None}
    assert problems[2][0]["message"].startswith("not valid JSON")
    assert problems[4][0]["path"] == "consnet" and "consent" in problems[4][0]["message"]
    assert problems[5][0]["path"] == "data.categories.0" and "gossip" in problems[5][0]["message"]
    assert problems[6][0]["message"] == "the line is not valid UTF-8 text"
    summary = job.summary
    assert (summary.records, summary.decided, summary.invalid) == (6, 2, 4)
    assert [r.line for r in summary.first_invalid] == [2, 4, 5, 6]


#: A line giving ``context.ongoing_investigation`` twice, with two contradictory values.
REPEATED = json.dumps(clean_disclosure()).replace(
    '"ongoing_investigation": false', '"ongoing_investigation": false, "ongoing_investigation": true'
)
#: Its nearest valid line: "officer" in two objects, and colons in text.
NOT_REPEATED = json.dumps(
    clean_disclosure(**{"recipient.officer": "IDVA: Rugby", "purpose.statement": "at 10:30"})
)
STRICT_LINES = [
    json.dumps(clean_disclosure()) + "\n",
    REPEATED + "\n",
    '{"a":' * 100_000 + "1" + "}" * 100_000 + "\n",
    NOT_REPEATED + "\n",
    json.dumps(clean_disclosure(**{"context.ongoing_investigation": "no"})) + "\n",
    json.dumps(clean_disclosure()) + "\n",
]


def check_strict_results(job: Audit) -> None:
    found = results(job)
    assert [(r["line"], r["outcome"]) for r in found] == [
        (1, "share"),
        (2, None),
        (3, None),
        (4, "share"),
        (5, None),
        (6, "share"),
    ]
    problems = {r["line"]: r["problems"] for r in found if r["outcome"] is None}
    assert problems == {
        2: [
            {
                "path": "context.ongoing_investigation",
                "message": "this field is given twice; give it only once",
            }
        ],
        3: [{"path": "", "message": "the line has lists or objects nested too deeply to read"}],
        5: [
            {
                "path": "context.ongoing_investigation",
                "message": 'must be true or false (a JSON boolean), or null if not known; got "no"',
            }
        ],
    }
    assert [r.line for r in job.summary.first_invalid] == [2, 3, 5]


def test_a_line_with_a_key_given_twice_or_nested_too_deeply_is_skipped_and_the_audit_carries_on(
    fixture_checker: Checker,
) -> None:
    check_strict_results(Audit(STRICT_LINES, checker_factory=fixed(fixture_checker)))


def test_lines_read_as_bytes_by_each_worker_are_read_as_strictly(tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    log.write_text("".join(STRICT_LINES), encoding="utf-8")
    check_strict_results(Audit(log, checker_factory=FACTORY, jobs=2, chunk_size=2))


def test_a_byte_order_mark_at_the_start_is_not_an_error(fixture_checker: Checker) -> None:
    lines = ["\ufeff" + json.dumps(clean_disclosure()) + "\n"]
    assert [r["outcome"] for r in Audit(lines, checker_factory=fixed(fixture_checker))] == ["share"]


def test_the_summary_counts_outcomes_rules_and_both_parties(fixture_checker: Checker) -> None:
    police = {"recipient.organisation": "Fixture Police"}
    records = [
        clean_disclosure(**police),
        clean_disclosure(**{"recipient.organisation": "FP"}),  # an alias counts as the police
        clean_disclosure(**police, **{"context.ongoing_investigation": True}),
        clean_disclosure(
            **{"recipient.organisation": "Acme Private Investigations", "handling.channel": "post"}
        ),
    ]
    job = Audit(jsonl(records), checker_factory=fixed(fixture_checker))
    results(job)
    report = job.report(top=None)
    assert report["outcomes"] == {"share": 2, "share_with_conditions": 1, "refer": 1, "do_not_share": 0}
    rules = {r["rule_id"]: r for r in report["rules"]}
    assert rules["investigation.not-consulted"]["records"] == 1
    assert rules["investigation.not-consulted"]["clauses"] == ["F4"]
    assert rules["handling.post"]["records"] == 1
    recipients = {r["organisation"]: r for r in report["recipients"]}
    assert recipients["Fixture Police"]["records"] == 3
    assert recipients["Fixture Police"]["outcomes"]["refer"] == 1
    assert recipients["Acme Private Investigations"]["outcomes"]["share_with_conditions"] == 1
    assert report["disclosers"] == [
        {
            "organisation": "Warwickshire Police",
            "records": 4,
            "outcomes": {"share": 2, "share_with_conditions": 1, "refer": 1, "do_not_share": 0},
        }
    ]
    assert report["pack"]["name"] == "fixture-csp"


def test_summaries_of_chunks_add_up_to_the_summary_of_the_whole(fixture_checker: Checker) -> None:
    records = [clean_disclosure(**{"handling.channel": c}) for c in ("phone", "post", "secure_email")] * 5
    whole = Audit(jsonl(records), checker_factory=fixed(fixture_checker), chunk_size=1000)
    pieces = Audit(jsonl(records), checker_factory=fixed(fixture_checker), chunk_size=2)
    assert results(whole) == results(pieces)
    assert whole.summary == pieces.summary


def test_as_of_decides_as_of_that_date(fixture_checker: Checker) -> None:
    lines = jsonl([clean_disclosure()])
    now = results(Audit(lines, checker_factory=fixed(fixture_checker)))[0]
    # The fixture pack is due for review five years after 2026-01-01.
    then = results(Audit(lines, checker_factory=fixed(fixture_checker), today=date(2032, 6, 1)))[0]
    assert "governance.pack-past-review" not in {f["rule_id"] for f in now["findings"]}
    assert "governance.pack-past-review" in {f["rule_id"] for f in then["findings"]}


def test_full_mode_writes_the_whole_decision_record(fixture_checker: Checker) -> None:
    lines = jsonl([clean_disclosure(**{"handling.channel": "post"})])
    record = results(Audit(lines, checker_factory=fixed(fixture_checker), full=True))[0]
    assert record["line"] == 1
    assert record["conditions"] and record["obligations"]
    assert record["findings"][0]["message"]
    assert record["pack"]["name"] == "fixture-csp"


# -- streaming and workers ------------------------------------------------------------------


class Tracked:
    """A log that counts how many lines have been read, to show how far the audit reads ahead."""

    def __init__(self, count: int) -> None:
        self.line = json.dumps(clean_disclosure()) + "\n"
        self.count = count
        self.read = 0

    def __iter__(self) -> Iterator[str]:
        for _ in range(self.count):
            self.read += 1
            yield self.line


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_audit_streams_reading_only_a_few_chunks_ahead_of_its_results(
    fixture_checker: Checker, jobs: int
) -> None:
    log = Tracked(3000)
    factory = fixed(fixture_checker) if jobs == 1 else FACTORY
    job = Audit(log, checker_factory=factory, jobs=jobs, chunk_size=100)
    ahead = 0
    for chunk in job.chunks():
        done = chunk.first_line - 1 + chunk.jsonl.count("\n")
        ahead = max(ahead, log.read - done)
    assert job.summary.records == 3000
    assert ahead <= (2 * jobs + 1) * 100


def test_several_worker_processes_give_the_same_results_in_the_same_order(
    fixture_checker: Checker, tmp_path: Path
) -> None:
    records = [
        clean_disclosure(**{"handling.channel": channel, "context.setting": setting})
        for channel in ("phone", "post", "secure_email", "standard_email")
        for setting in ("outside_meeting", "marac", "mappa")
    ] * 40
    log = tmp_path / "log.jsonl"
    lines = jsonl(records)
    lines[7] = "{broken\n"
    log.write_text("".join(lines), encoding="utf-8")
    alone = Audit(log, checker_factory=FACTORY, chunk_size=10)
    together = Audit(log, checker_factory=FACTORY, jobs=2, chunk_size=10)
    assert results(alone) == results(together)
    assert alone.summary == together.summary
    assert together.summary.invalid == 1 and together.summary.first_invalid[0].line == 8
    assert together.position == log.stat().st_size


def test_a_line_longer_than_a_chunk_is_read_whole_by_the_workers(tmp_path: Path) -> None:
    long_text = "x" * 5000
    records = [clean_disclosure(**{"data.description": long_text})] * 3
    log = tmp_path / "log.jsonl"
    log.write_text("".join(jsonl(records)).rstrip("\n"), encoding="utf-8")  # no final newline
    job = Audit(log, checker_factory=FACTORY, jobs=2, chunk_size=1)  # ranges of about 4 KiB
    assert [r["line"] for r in job] == [1, 2, 3]
    assert job.summary.invalid == 0


def test_a_missing_log_fails_before_anything_starts(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        Audit(tmp_path / "nope.jsonl", checker_factory=FACTORY)


# -- CSV ------------------------------------------------------------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(logged_disclosures(), min_size=1, max_size=12))
def test_csv_and_jsonl_of_the_same_disclosures_give_the_same_decisions(
    checker: Checker, records: list[dict[str, Any]]
) -> None:
    """Under the shipped pack: its many rules read more of each disclosure than the fixture pack's."""
    from_jsonl = results(Audit(jsonl(records), checker_factory=fixed(checker)))
    from_csv = results(Audit(io.StringIO(as_csv(records)), format="csv", checker_factory=fixed(checker)))
    assert [r["outcome"] for r in from_csv] == [r["outcome"] for r in from_jsonl]
    for a, b in zip(from_csv, from_jsonl, strict=True):
        assert {k: v for k, v in a.items() if k != "line"} == {k: v for k, v in b.items() if k != "line"}


def test_csv_records_are_numbered_by_the_line_they_start_on(fixture_checker: Checker) -> None:
    text = as_csv(
        [
            clean_disclosure(**{"data.description": "first\nsecond\nthird"}),
            clean_disclosure(**{"purpose.code": "gossip"}),
        ]
    )
    found = results(Audit(io.StringIO(text), format="csv", checker_factory=fixed(fixture_checker)))
    assert [(r["line"], r["outcome"]) for r in found] == [(2, "share"), (5, None)]
    assert found[1]["problems"][0]["path"] == "purpose.code"


def test_a_csv_header_the_contract_does_not_know_stops_the_audit_and_names_the_column(
    fixture_checker: Checker,
) -> None:
    text = as_csv([clean_disclosure()]).replace("consent.status", "consent.staus", 1)
    job = Audit(io.StringIO(text), format="csv", checker_factory=fixed(fixture_checker))
    with pytest.raises(AuditError) as caught:
        results(job)
    assert caught.value.problems[0].path == "consent.staus"
    assert "Did you mean 'consent.status'?" in caught.value.problems[0].message


def test_a_csv_row_with_a_bad_subject_or_the_wrong_number_of_cells_is_invalid(
    fixture_checker: Checker,
) -> None:
    text = as_csv([clean_disclosure(), clean_disclosure()])
    head, first, second = text.splitlines()
    first = first.replace("victim", "victim:teenager", 1)
    second = second + ",extra"
    found = results(
        Audit(
            io.StringIO("\n".join([head, first, second]) + "\n"),
            format="csv",
            checker_factory=fixed(fixture_checker),
        )
    )
    assert [r["outcome"] for r in found] == [None, None]
    assert "victim:teenager" in found[0]["problems"][0]["message"]
    assert "cells" in found[1]["problems"][0]["message"]


def test_summaries_compare_equal_only_with_equal_counts() -> None:
    a, b = Summary(), Summary()
    b.outcomes["share"] += 1
    assert a != b


def test_unusual_line_separators_inside_text_do_not_split_a_record(fixture_checker: Checker) -> None:
    record = clean_disclosure(**{"recipient.organisation": "Acme\u2028Lettings\x85Ltd"})
    found = results(Audit(jsonl([record, record]), checker_factory=fixed(fixture_checker)))
    assert [r["line"] for r in found] == [1, 2]
    assert found[0]["recipient"] == "Acme\u2028Lettings\x85Ltd"
