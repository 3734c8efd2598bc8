"""The decision register: append-only, hash-chained, safe with several writers, tamper-evident.

Its decisions are made under the fixture pack (``fixture_checker``), so a change to the Warwickshire
rules does not break it; only the byte-for-byte check of stored bodies uses the shipped pack, whose
decisions carry many more kinds of finding.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import multiprocessing
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from ispcheck import Checker, DisclosureError, parse_disclosure
from ispcheck.csv_format import read_header, row_to_disclosure
from ispcheck.records import WITHHELD, canonical_json, decision_record
from ispcheck.register import GENESIS, Register, RegisterError, chain_hash

from .conftest import clean_disclosure
from .helpers import FIXTURE_PACK
from .register_backends import Backend

SPECIAL = {
    "data.categories": ["personal", "special_category"],
    "data.special_category_types": ["health"],
    "data.description": "HIV status and current medication",
    "consent.restrictions": "not to be shared with her employer",
    "consent.within_restrictions": True,
    "lawful_basis.article9": "substantial_public_interest",
    "lawful_basis.schedule1_condition": "safeguarding_children_and_individuals_at_risk",
}


class ContractOnly(dict[str, Any]):
    """A disclosure the fast reader leaves to the contract: it takes plain dicts only."""


#: Disclosures whose stored bodies must not change: text the contract strips, unusual characters,
#: null groups, withheld and kept text, and a disclosure only the contract reads.
EXAMPLES: dict[str, dict[str, Any]] = {
    "clean": clean_disclosure(),
    "special category": clean_disclosure(**SPECIAL),
    "special category, empty restrictions": clean_disclosure(**{**SPECIAL, "consent.restrictions": ""}),
    "special category types unknown": clean_disclosure(
        **{"data.categories": ["personal", "special_category"], "data.special_category_types": None}
    ),
    "spaces to strip": clean_disclosure(
        **{
            "discloser.officer": "  DC 1234\n",
            "purpose.statement": "\u3000to visit ",
            "data.originator": "x\x1c",
        }
    ),
    "unusual characters": clean_disclosure(
        **{"data.description": 'Zoë\'s "notes" \\ \x00\x1f\x7f \u2028\u2029 \U0001f600 \ufeff'}
    ),
    "null groups": clean_disclosure(subjects=None, consent=None, context=None, necessity=None),
    "many subjects": clean_disclosure(subjects=[{"role": "victim", "is_child": True}, {"role": "offender"}]),
    "a disclosure only the contract reads": ContractOnly(clean_disclosure(**SPECIAL)),
}


@pytest.fixture
def register(backend: Backend, fixture_checker: Checker) -> Iterator[Register]:
    """A new register, deciding under the fixture pack."""
    with Register.open(backend.target, checker=fixture_checker) as opened:
        yield opened


def fill(register: Register, count: int) -> None:
    for n in range(count):
        register.add(clean_disclosure(**{"discloser.officer": f"DC {n}"}), decided_by=f"officer {n}")


def sqlite_row(path: Path, record_id: int) -> tuple[str, str, str]:
    db = sqlite3.connect(path)
    found = db.execute("SELECT prev_hash, hash, body FROM records WHERE id = ?", (record_id,)).fetchone()
    db.close()
    return found


# -- adding ---------------------------------------------------------------------------------


def test_an_added_disclosure_is_stored_with_its_decision_and_chained_to_the_record_before(
    register: Register,
) -> None:
    first = register.add(clean_disclosure(), decided_by="DC 1234")
    second = register.add(clean_disclosure(**{"handling.channel": "messaging_app"}))
    assert (first.id, second.id) == (1, 2)
    assert first.prev_hash == GENESIS and second.prev_hash == first.hash
    assert first.outcome == "share" and second.outcome == "do_not_share"
    assert first.decided_by == "DC 1234"
    assert first.disclosure["discloser"]["organisation"] == "Warwickshire Police"
    assert register.get(2) == second
    assert list(register.records()) == [first, second]
    assert list(register.records(newest_first=True)) == [second, first]
    assert len(register) == 2


def test_each_stored_body_is_canonical_json_and_its_hash_covers_the_previous_hash(
    register: Register, backend: Backend
) -> None:
    fill(register, 2)
    prev_hash, digest, body = backend.row(2)
    assert body == canonical_json(json.loads(body))
    assert digest == hashlib.sha256((prev_hash + body).encode()).hexdigest() == chain_hash(prev_hash, body)
    assert json.loads(body)["id"] == 2


@pytest.mark.parametrize("recorded_by", [None, "case-system Zoë"])
@pytest.mark.parametrize("keep_text", [False, True])
@pytest.mark.parametrize("as_model", [False, True])
@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_the_stored_body_is_byte_for_byte_the_canonical_json_of_the_decision_record(
    tmp_path: Path, checker: Checker, name: str, as_model: bool, keep_text: bool, recorded_by: str | None
) -> None:
    """What ispcheck has always stored, built here the plain way: existing registers still verify."""
    recorded_at = datetime(2027, 1, 2, 3, 4, 5, 678901, tzinfo=UTC)
    model = parse_disclosure(EXAMPLES[name])
    given = model if as_model else EXAMPLES[name]
    path = tmp_path / "register.sqlite"
    with Register.open(path, checker=checker, clock=lambda: recorded_at) as register:
        register.add(clean_disclosure())
        added = register.add(given, decided_by="DC 1234 Zoë", keep_text=keep_text, recorded_by=recorded_by)
        (batched,) = register.add_many([given], keep_text=keep_text, recorded_by=recorded_by)
    for record, decided_by in ((added, "DC 1234 Zoë"), (batched, None)):
        content = decision_record(
            model, checker.check(model), decided_by=decided_by, keep_text=keep_text, recorded_by=recorded_by
        )
        prev_hash, digest, body = sqlite_row(path, record.id)
        assert body == canonical_json(
            {"id": record.id, "record": content, "recorded_at": recorded_at.isoformat()}
        )
        assert digest == hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()
        # The record handed back is the one stored, with its keys in the order they always had.
        assert record.content == content
        assert json.dumps(record.content) == json.dumps(content)


def test_the_stored_disclosure_is_spelt_as_it_always_was(register: Register, backend: Backend) -> None:
    register.add(clean_disclosure(**SPECIAL))
    body = backend.row(1)[2]
    assert (
        '"disclosure":{"accuracy":{"fact_and_opinion_distinguished":true,"identity_verified":true},'
        '"consent":{"reason_not_sought":"asking would alert the suspect, who lives with the victim",'
        '"recorded":false,"restrictions":"[withheld]","status":"not_sought","within_restrictions":true},'
        '"context":{"chair_agreed":null,"dpia_in_place":true,"evidence_used_by":null,'
        '"evidential_use":false,"formal_request_form":null,'
        '"from_meeting":null,"investigating_officer_consulted":null,"meeting_name":null,"ongoing_investigation":false,'
        '"originator_agreed":null,"profiling":false,"profiling_children":false,"secondary_disclosure":false,'
        '"setting":"outside_meeting","transfer_outside_uk":false,"urgent_risk_to_life":false},'
        '"data":{"categories":["personal","special_category"],"description":"[withheld]",'
        '"originator":"Warwickshire Police","smallest_count":null,"special_category_types":["health"]},'
        '"discloser":{"kind":null,"officer":"DC 1234","organisation":"Warwickshire Police"},'
        '"handling":{"channel":"secure_email","classification":"OFFICIAL-SENSITIVE","distribution":null},'
        '"lawful_basis":{"article6":"public_task","article9":"substantial_public_interest","exemption":null,'
        '"gateway":"crime_and_disorder_act_s115","policy_document":null,"regime":null,'
        '"schedule1_condition":"safeguarding_children_and_individuals_at_risk","schedule8_condition":null,'
        '"strictly_necessary":null},'
        '"necessity":{"alternatives_considered":true,"article8_considered":true,"impact_considered":true,'
        '"less_data_considered":true,"makes_a_difference":true,"sensitive_data_necessary":null,'
        '"statement":"the council needs the address to fit target-hardening equipment"},'
        '"purpose":{"code":"prevent_crime","statement":"to arrange a joint safety visit"},'
        '"recipient":{"has_secure_email":true,"is_data_subject":null,"kind":null,"officer":null,'
        '"organisation":"Rugby Borough Council","other_recipients":[]},'
        '"subjects":[{"deceased":null,"is_child":false,"role":"victim"}]},'
        '"format":1,"withheld":["data.description","consent.restrictions"]},"recorded_at":"'
    ) in body


def test_the_service_key_that_recorded_a_decision_is_kept_in_the_record_and_covered_by_its_hash(
    register: Register, backend: Backend
) -> None:
    (first,) = register.add_many([clean_disclosure()], recorded_by="case-system")
    second = register.add(clean_disclosure(), decided_by="DC 1", recorded_by="duty desk ✓")
    assert (first.recorded_by, second.recorded_by) == ("case-system", "duty desk ✓")
    assert register.get(2).recorded_by == "duty desk ✓"  # type: ignore[union-attr]
    prev_hash, digest, body = backend.row(2)
    assert '"recorded_by":"duty desk ✓"' in body and body == canonical_json(json.loads(body))
    assert digest == chain_hash(prev_hash, body)
    assert register.verify().ok


def test_a_decision_recorded_without_a_service_key_has_no_recorded_by_in_its_record(
    register: Register, backend: Backend
) -> None:
    stored = register.add(clean_disclosure(), decided_by="DC 1")
    assert stored.recorded_by is None and "recorded_by" not in stored.content
    assert "recorded_by" not in backend.row(1)[2]


def test_an_invalid_disclosure_is_not_recorded_at_all(register: Register) -> None:
    with pytest.raises(DisclosureError):
        register.add(clean_disclosure(**{"consnet": {}}))
    assert len(register) == 0
    assert register.head() == (0, GENESIS)


def test_a_batch_with_one_invalid_disclosure_records_none_of_it(register: Register) -> None:
    with pytest.raises(DisclosureError):
        register.add_many([clean_disclosure(), clean_disclosure(**{"purpose.code": "fun"})])
    assert len(register) == 0


def test_a_decision_already_shown_to_the_officer_is_stored_as_it_was(
    register: Register, fixture_checker: Checker
) -> None:
    disclosure = parse_disclosure(clean_disclosure(**{"handling.channel": "post"}))
    decision = fixture_checker.check(disclosure)
    assert decision.findings
    stored = register.add(disclosure, decision=decision)
    assert stored.decision == decision.to_dict()


def test_free_text_about_special_category_data_is_withheld_by_default(register: Register) -> None:
    stored = register.add(clean_disclosure(**SPECIAL))
    assert stored.disclosure["data"]["description"] == WITHHELD
    assert stored.disclosure["consent"]["restrictions"] == WITHHELD
    assert stored.withheld == ["data.description", "consent.restrictions"]
    assert stored.disclosure["data"]["special_category_types"] == ["health"]
    assert stored.disclosure["purpose"]["statement"] == "to arrange a joint safety visit"
    assert "HIV" not in json.dumps(register.get(stored.id).to_dict())  # type: ignore[union-attr]


def test_keep_text_keeps_the_description_of_special_category_data(register: Register) -> None:
    stored = register.add(clean_disclosure(**SPECIAL), keep_text=True)
    assert stored.disclosure["data"]["description"] == "HIV status and current medication"
    assert stored.withheld == []


def test_text_is_kept_when_no_special_category_data_is_involved(register: Register) -> None:
    stored = register.add(clean_disclosure())
    assert stored.disclosure["data"]["description"] == "the victim's current address, for a safety visit"
    assert stored.withheld == []


# -- opening --------------------------------------------------------------------------------


def test_reading_a_register_that_does_not_exist_fails_clearly_and_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "missing.sqlite"
    with pytest.raises(RegisterError, match="no decision register"):
        Register.open(path, create=False)
    assert not path.exists()


def test_another_sqlite_database_is_not_taken_for_a_register(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE things (x)")
    db.commit()
    db.close()
    with pytest.raises(RegisterError, match="not an ispcheck decision register"):
        Register.open(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("shopping list: " * 200)
    with pytest.raises(RegisterError, match="not a usable decision register"):
        Register.open(path)


def test_a_register_file_uses_write_ahead_logging(tmp_path: Path) -> None:
    Register.open(tmp_path / "register.sqlite").close()
    db = sqlite3.connect(tmp_path / "register.sqlite")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_updates_and_deletes_are_refused_by_the_database_itself(register: Register, backend: Backend) -> None:
    fill(register, 1)
    with pytest.raises(Exception, match="append-only: records cannot be changed"):
        backend.execute("UPDATE records SET body = '{}' WHERE id = 1")
    with pytest.raises(Exception, match="append-only: records cannot be deleted"):
        backend.execute("DELETE FROM records WHERE id = 1")
    assert backend.execute("SELECT count(*) FROM records") == [(1,)]
    assert register.verify().ok


# -- several writers ------------------------------------------------------------------------

WRITERS = 4
APPENDS = 1000


def _append_many(path: str, writer: int, barrier: Any) -> None:
    checker = Checker(FIXTURE_PACK, use_entry_points=False)
    disclosure = parse_disclosure(clean_disclosure())
    with Register.open(path, checker=checker) as register:
        barrier.wait()
        for _ in range(APPENDS):
            register.add(disclosure, decided_by=f"writer {writer}")


def test_four_processes_appending_a_thousand_records_each_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite"
    Register.open(path).close()
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(WRITERS)
    writers = [context.Process(target=_append_many, args=(str(path), n, barrier)) for n in range(WRITERS)]
    for process in writers:
        process.start()
    for process in writers:
        process.join(timeout=120)
    assert [p.exitcode for p in writers] == [0] * WRITERS
    with Register.open(path, create=False) as register:
        result = register.verify()
        assert result.ok, result.problem
        assert result.records == len(register) == WRITERS * APPENDS
        assert [r.id for r in register.records()] == list(range(1, WRITERS * APPENDS + 1))
        by_writer = Counter(r.decided_by for r in register.records())
    assert by_writer == {f"writer {n}": APPENDS for n in range(WRITERS)}


# -- verifying ------------------------------------------------------------------------------


def test_an_untouched_register_verifies_and_reports_its_latest_hash(register: Register) -> None:
    fill(register, 3)
    result = register.verify()
    assert result.ok and result.records == 3
    assert result.head == register.get(3).hash  # type: ignore[union-attr]
    assert register.verify({3: result.head}).ok


def test_an_empty_register_verifies(register: Register) -> None:
    result = register.verify()
    assert result.ok and result.records == 0 and result.head == GENESIS


def test_an_edited_record_is_named(register: Register, backend: Backend) -> None:
    fill(register, 5)
    body = backend.row(3)[2].replace('"outcome":"share"', '"outcome":"refer"', 1)
    backend.tamper(("UPDATE records SET body = ? WHERE id = 3", (body,)))
    result = register.verify()
    assert not result.ok
    assert result.bad_id == 3
    assert "record 3 has been altered" in (result.problem or "")
    assert result.records == 2


def test_an_edited_and_rehashed_record_is_named(register: Register, backend: Backend) -> None:
    fill(register, 5)
    prev_hash, _, body = backend.row(3)
    body = body.replace('"decided_by":"officer 2"', '"decided_by":"officer 9"')
    backend.tamper(
        ("UPDATE records SET body = ?, hash = ? WHERE id = 3", (body, chain_hash(prev_hash, body)))
    )
    result = register.verify()
    assert (result.ok, result.bad_id) == (False, 3)
    assert "record 3 has been altered (and its hash recomputed)" in (result.problem or "")


def test_a_deleted_record_is_named(register: Register, backend: Backend) -> None:
    fill(register, 5)
    backend.tamper(("DELETE FROM records WHERE id = 2", ()))
    result = register.verify()
    assert (result.ok, result.bad_id) == (False, 2)
    assert "record 2 is missing" in (result.problem or "")


def test_deleting_the_latest_record_is_detected(register: Register, backend: Backend) -> None:
    fill(register, 5)
    backend.tamper(("DELETE FROM records WHERE id = 5", ()))
    result = register.verify()
    assert (result.ok, result.bad_id) == (False, 5)
    assert "record 5 was deleted" in (result.problem or "")


def test_swapped_records_are_named(register: Register, backend: Backend) -> None:
    fill(register, 5)
    two, three = backend.row(2), backend.row(3)
    backend.tamper(
        ("UPDATE records SET prev_hash = ?, hash = ?, body = ? WHERE id = 2", three),
        ("UPDATE records SET prev_hash = ?, hash = ?, body = ? WHERE id = 3", two),
    )
    result = register.verify()
    assert (result.ok, result.bad_id) == (False, 2)
    assert "record 2 holds what was recorded as record 3" in (result.problem or "")


def test_a_chain_rewritten_to_the_end_is_caught_by_a_hash_written_down_earlier(
    register: Register, backend: Backend
) -> None:
    fill(register, 4)
    noted = register.verify().head
    statements = []
    prev = backend.row(2)[1]
    for record_id in (3, 4):
        _, _, body = backend.row(record_id)
        body = body.replace("officer", "constable")
        digest = chain_hash(prev, body)
        statements.append(
            (
                "UPDATE records SET body = ?, prev_hash = ?, hash = ? WHERE id = ?",
                (body, prev, digest, record_id),
            )
        )
        prev = digest
    statements.append(("UPDATE head SET hash = ?", (prev,)))
    backend.tamper(*statements)
    assert register.verify().ok  # the chain alone cannot show a complete rewrite...
    result = register.verify({4: noted})  # ...but the hash noted at the review can
    assert (result.ok, result.bad_id) == (False, 4)


def test_appending_after_a_deleted_latest_record_still_shows_the_gap(
    register: Register, backend: Backend
) -> None:
    fill(register, 3)
    backend.tamper(("DELETE FROM records WHERE id = 3", ()))
    fill(register, 1)
    result = register.verify()
    assert (result.ok, result.bad_id) == (False, 3)


def test_a_register_whose_head_was_moved_back_refuses_to_append_over_a_record_and_records_nothing(
    register: Register, backend: Backend
) -> None:
    fill(register, 3)
    backend.tamper(("UPDATE head SET last_id = 2, hash = ? WHERE one = 1", (backend.row(2)[1],)))
    with pytest.raises(RegisterError, match="changed outside ispcheck") as caught:
        register.add(clean_disclosure())
    assert "nothing was recorded" in str(caught.value).lower()
    assert len(register) == 3 and register.get(3).decided_by == "officer 2"  # type: ignore[union-attr]
    result = register.verify()
    assert (result.ok, result.bad_id) == (False, 3)
    assert "record 3 was added outside ispcheck" in (result.problem or "")


# -- exporting ------------------------------------------------------------------------------


def test_the_csv_export_ends_with_the_service_key_that_recorded_each_decision(register: Register) -> None:
    register.add(clean_disclosure(), recorded_by="case-system")
    register.add(clean_disclosure())
    out = io.StringIO()
    register.export_csv(out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["recorded_by"] for r in rows] == ["case-system", ""]
    out = io.StringIO()
    register.export_jsonl(out)
    assert [json.loads(line).get("recorded_by") for line in out.getvalue().splitlines()] == [
        "case-system",
        None,
    ]


def test_the_jsonl_export_holds_every_record_with_its_chain(register: Register) -> None:
    fill(register, 3)
    out = io.StringIO()
    assert register.export_jsonl(out) == 3
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["id"] for line in lines] == [1, 2, 3]
    assert lines[2] == register.get(3).to_dict()  # type: ignore[union-attr]
    assert lines[1]["prev_hash"] == lines[0]["hash"]


def test_the_csv_export_has_the_decision_and_the_disclosure_in_audit_columns(register: Register) -> None:
    people = [
        {"role": "victim", "is_child": True},
        {"role": "offender"},
        {"role": "witness", "is_child": False},
    ]
    register.add(clean_disclosure(subjects=people))
    out = io.StringIO()
    assert register.export_csv(out) == 1
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    header, cells = rows[0], rows[1]
    exported = dict(zip(header, cells, strict=True))
    assert exported["outcome"] == "share"
    assert exported["subjects"] == "victim:child;offender;witness:adult"
    assert exported["hash"] == register.get(1).hash  # type: ignore[union-attr]
    assert header[-1] == "recorded_by" and exported["recorded_by"] == ""
    # The disclosure columns read back as the same disclosure.
    columns = [c for c in header if "." in c or c == "subjects"]
    names, problems = read_header(columns)
    assert problems == []
    data, problems = row_to_disclosure(names, [exported[c] for c in columns])
    assert problems == []
    assert parse_disclosure(data).model_dump(mode="json") == register.get(1).disclosure  # type: ignore[union-attr]


# -- many writers at once, and a lock held too long (issue 13, item 7) --------------------------


def _add_one(path: str, barrier: Any) -> str:
    checker = Checker(FIXTURE_PACK, use_entry_points=False)
    barrier.wait(timeout=30)  # every process opens the brand-new register at the same moment
    try:
        with Register.open(path, checker=checker) as register:
            register.add(clean_disclosure())
        return "ok"
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"


def test_eight_processes_opening_a_brand_new_register_at_once_all_record(backend: Backend) -> None:
    path = backend.target
    context = multiprocessing.get_context("fork")
    barrier = context.Manager().Barrier(8)
    with context.Pool(8) as pool:
        results = pool.starmap(_add_one, [(path, barrier)] * 8, chunksize=1)
    assert results == ["ok"] * 8
    with Register.open(path, create=False) as register:
        result = register.verify()
        assert result.ok and result.records == 8


def test_a_register_locked_for_longer_than_the_wait_is_reported_busy(tmp_path: Path) -> None:
    path = tmp_path / "held.sqlite"
    Register.open(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(RegisterError, match=r"is busy: another program has held it for over 0\.2 s"):
            Register.open(path, create=False, timeout=0.2)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    Register.open(path, create=False).close()  # the nearest case: free again, it opens
