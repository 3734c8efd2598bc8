"""The register on PostgreSQL: what the database refuses, a service role's rights, many writers at once,
and a server that stops. (What it shares with the SQLite register is tested on both in test_register.)"""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
import pytest

from ispcheck import Checker, parse_disclosure
from ispcheck.register import GENESIS, Register, RegisterError
from ispcheck.register.postgres_schema import LOCK_KEY, grant_sql
from ispcheck.register.targets import is_database_url, shown_url

from .conftest import clean_disclosure
from .postgres import PostgresServer
from .test_register import EXAMPLES, SPECIAL


@pytest.fixture
def database(postgres_server: PostgresServer) -> str:
    return postgres_server.create_database()


@pytest.fixture
def register(postgres_server: PostgresServer, database: str, checker: Checker) -> Iterator[Register]:
    with Register.open(postgres_server.url(database), checker=checker) as opened:
        yield opened


def refused(server: PostgresServer, database: str, sql: str, *, user: str = "postgres") -> str:
    """Run ``sql`` as ``user``; the database's reason for refusing it (the test fails if it does not)."""
    with (
        psycopg.connect(server.url(database, user), autocommit=True) as db,
        pytest.raises(psycopg.Error) as caught,
    ):
        db.execute(sql)
    return str(caught.value)


# -- what the database itself refuses ---------------------------------------------------------


def test_the_database_refuses_to_update_delete_or_truncate_records_even_for_their_owner(
    register: Register, postgres_server: PostgresServer, database: str
) -> None:
    register.add(clean_disclosure())
    assert "records cannot be changed" in refused(postgres_server, database, "UPDATE records SET body = '{}'")
    assert "records cannot be deleted" in refused(postgres_server, database, "DELETE FROM records")
    assert "records cannot be deleted" in refused(postgres_server, database, "TRUNCATE records")
    assert "records cannot be deleted" in refused(postgres_server, database, "TRUNCATE records, head")
    assert len(register) == 1 and register.verify().ok


def test_the_head_row_moves_only_forward_and_only_to_a_record_that_is_there(
    register: Register, postgres_server: PostgresServer, database: str
) -> None:
    first = register.add(clean_disclosure())
    second = register.add(clean_disclosure())
    back = f"UPDATE head SET last_id = 1, hash = '{first.hash}'"
    assert "head only moves forward: it is at record 2, not 1" in refused(postgres_server, database, back)
    same = f"UPDATE head SET hash = '{GENESIS}'"
    assert "head only moves forward" in refused(postgres_server, database, same)
    ahead = f"UPDATE head SET last_id = 3, hash = '{second.hash}'"
    assert "must name record 3 and its hash" in refused(postgres_server, database, ahead)
    assert "needs its head row" in refused(postgres_server, database, "DELETE FROM head")
    assert "needs its head row" in refused(postgres_server, database, "TRUNCATE head")
    assert register.head() == (2, second.hash)
    third = register.add(clean_disclosure())  # the nearest case: ispcheck moves it forward
    assert register.head() == (3, third.hash) and register.verify().ok


# -- a service role with no more rights than it needs ----------------------------------------


def test_a_role_granted_only_insert_and_select_can_append_and_read_but_not_rewrite(
    postgres_server: PostgresServer, database: str, checker: Checker
) -> None:
    owner_url = postgres_server.url(database)
    Register.open(owner_url).close()  # the owner creates the tables
    role = f"service_of_{database}"  # roles belong to the whole server: one per test's database
    with postgres_server.admin(database) as admin:
        admin.execute(f"CREATE ROLE {role} LOGIN")
        admin.execute(grant_sql(role))
        granted = admin.execute(
            "SELECT table_name, privilege_type FROM information_schema.role_table_grants "
            "WHERE grantee = %s ORDER BY 1, 2",
            (role,),
        ).fetchall()
    assert granted == [("head", "SELECT"), ("head", "UPDATE"), ("records", "INSERT"), ("records", "SELECT")]
    with Register.open(postgres_server.url(database, role), checker=checker) as service:
        stored = service.add(clean_disclosure(), recorded_by="case-system")
        service.add_many([clean_disclosure(), clean_disclosure(**SPECIAL)])
        assert service.get(1) == stored and len(service) == 3
        assert service.verify().ok
    for sql in ("UPDATE records SET body = '{}'", "DELETE FROM records", "TRUNCATE records"):
        assert "permission denied" in refused(postgres_server, database, sql, user=role)
    for sql in (
        "ALTER TABLE records DISABLE TRIGGER records_append_only",
        "DROP TRIGGER head_forward_only ON head",
    ):
        assert "must be owner" in refused(postgres_server, database, sql, user=role)


def test_a_role_without_the_right_to_create_tables_cannot_make_a_register_and_is_told_why(
    postgres_server: PostgresServer, database: str
) -> None:
    role = f"no_create_in_{database}"
    with postgres_server.admin(database) as admin:
        admin.execute(f"CREATE ROLE {role} LOGIN")
    with pytest.raises(RegisterError, match=r"cannot open the decision register in .*permission denied"):
        Register.open(postgres_server.url(database, role))
    Register.open(postgres_server.url(database)).close()  # the nearest case: the owner can


# -- opening -----------------------------------------------------------------------------------


def test_reading_a_database_with_no_register_fails_clearly_and_creates_nothing(
    postgres_server: PostgresServer, database: str
) -> None:
    with pytest.raises(RegisterError, match="there is no decision register in postgresql://postgres@"):
        Register.open(postgres_server.url(database), create=False)
    with postgres_server.admin(database) as admin:
        assert admin.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone() == (0,)
    Register.open(postgres_server.url(database)).close()  # the nearest case: create makes one...
    Register.open(postgres_server.url(database), create=False).close()  # ...which then opens to read


def test_another_applications_records_table_is_not_taken_for_a_register(
    postgres_server: PostgresServer, database: str
) -> None:
    with postgres_server.admin(database) as admin:
        admin.execute("CREATE TABLE records (x int)")
    with pytest.raises(RegisterError, match="not an ispcheck decision register"):
        Register.open(postgres_server.url(database))


def test_a_register_being_created_by_another_program_for_longer_than_the_wait_is_reported_busy(
    postgres_server: PostgresServer, database: str
) -> None:
    url = postgres_server.url(database)
    with psycopg.connect(url) as other:
        other.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))  # as while it creates the tables
        with pytest.raises(
            RegisterError, match=r"is busy: another program has held it for over 0\.2 seconds"
        ):
            Register.open(url, timeout=0.2)
        other.rollback()
    Register.open(url, timeout=0.2).close()  # the nearest case: free again, it opens


def test_an_unreachable_server_is_reported_at_once_when_opening(tmp_path: Path) -> None:
    started = time.monotonic()
    with pytest.raises(
        RegisterError,
        match=r"cannot open the decision register in postgresql:///nowhere\?host=.*No such file",
    ):
        Register.open(f"postgresql:///nowhere?host={tmp_path}", connect_timeout=2)
    assert time.monotonic() - started < 5


def test_a_url_is_shown_without_its_password_wherever_it_was_given() -> None:
    assert (
        shown_url("postgresql://svc:s3cret@db.example.org:5433/reg")
        == "postgresql://svc@db.example.org:5433/reg"
    )
    assert (
        shown_url("postgres://db/reg?password=s3cret&sslmode=require") == "postgres://db/reg?sslmode=require"
    )
    assert shown_url("postgresql:///reg?host=/run/pg") == "postgresql:///reg?host=/run/pg"  # nothing to hide
    assert is_database_url("postgresql://db/reg") and is_database_url("POSTGRES://db/reg")
    assert not is_database_url("postgresql.sqlite") and not is_database_url(Path("postgresql://x"))


def test_a_register_in_postgresql_holds_byte_for_byte_the_rows_of_one_in_sqlite(
    postgres_server: PostgresServer, database: str, checker: Checker, tmp_path: Path
) -> None:
    """The same disclosures at the same times give the same bodies and hashes in either database."""
    at = datetime(2027, 1, 2, 3, 4, 5, 678901, tzinfo=UTC)
    disclosures = [parse_disclosure(d) if n % 2 else d for n, d in enumerate(EXAMPLES.values())]
    rows = []
    for target in (str(tmp_path / "register.sqlite"), postgres_server.url(database)):
        with Register.open(target, checker=checker, clock=lambda: at) as register:
            register.add(disclosures[0], decided_by="DC 1234 Zoë", recorded_by="case-system")
            register.add_many(disclosures[1:], keep_text=True)
            rows.append([(r.id, r.prev_hash, r.hash, r.to_dict()) for r in register.records()])
            assert register.verify().ok
    assert len(rows[0]) == len(EXAMPLES) and rows[0] == rows[1]
    everything = "SELECT id, prev_hash, hash, body FROM records ORDER BY id"
    in_file = sqlite3.connect(tmp_path / "register.sqlite")
    with psycopg.connect(postgres_server.url(database)) as pg:
        assert pg.execute(everything).fetchall() == in_file.execute(everything).fetchall()
    in_file.close()


# -- several writers -------------------------------------------------------------------------

PROCESSES = 4
EACH = 200


def _append(url: str, writer: int, barrier: Any) -> None:
    checker = Checker(use_entry_points=False)
    disclosure = parse_disclosure(clean_disclosure())
    decision = checker.check(disclosure)
    with Register.open(url, checker=checker) as register:
        barrier.wait(timeout=60)
        for _ in range(EACH):
            register.add(disclosure, decision=decision, decided_by=f"writer {writer}")


def test_four_processes_appending_two_hundred_records_each_lose_nothing_and_keep_one_chain(
    postgres_server: PostgresServer, database: str
) -> None:
    url = postgres_server.url(database)
    Register.open(url).close()
    # Spawned, not forked: each writer starts as a fresh program would, with nothing of this one's.
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(PROCESSES)
    writers = [context.Process(target=_append, args=(url, n, barrier)) for n in range(PROCESSES)]
    for process in writers:
        process.start()
    for process in writers:
        process.join(timeout=120)
    for process in writers:
        if process.is_alive():  # stuck: end it, so the test fails rather than hangs at exit
            process.kill()
    assert [p.exitcode for p in writers] == [0] * PROCESSES
    with Register.open(url, create=False) as register:
        result = register.verify()
        assert result.ok, result.problem
        assert result.records == len(register) == PROCESSES * EACH == 800
        assert [r.id for r in register.records()] == list(range(1, PROCESSES * EACH + 1))
        assert Counter(r.decided_by for r in register.records()) == {
            f"writer {n}": EACH for n in range(PROCESSES)
        }


THREADS = 16
PER_THREAD = 25


def test_sixteen_threads_appending_at_once_share_commits_and_keep_one_chain(
    register: Register, checker: Checker
) -> None:
    disclosure = parse_disclosure(clean_disclosure())
    decision = checker.check(disclosure)
    start = threading.Barrier(THREADS)
    failures: list[BaseException] = []

    def append(writer: int) -> None:
        try:
            start.wait(timeout=60)
            for _ in range(PER_THREAD):
                register.add(disclosure, decision=decision, decided_by=f"thread {writer}")
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=append, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == []
    total = THREADS * PER_THREAD
    assert len(register) == total and register.verify().ok
    assert Counter(r.decided_by for r in register.records()) == {
        f"thread {n}": PER_THREAD for n in range(THREADS)
    }
    assert register.commits < total / 2, f"{register.commits} commits for {total} records"


def test_one_thread_appending_alone_commits_each_record_as_it_comes(
    register: Register, checker: Checker
) -> None:
    """The nearest case to the one above: with nobody else waiting, there is nothing to group."""
    for _ in range(5):
        register.add(clean_disclosure())
    register.add_many([clean_disclosure()] * 3)
    assert register.commits == 6 and len(register) == 8


def test_a_register_shared_by_threads_reads_while_it_writes(register: Register) -> None:
    register.add_many([clean_disclosure()] * 20)
    seen: list[int] = []

    def read() -> None:
        for _ in range(5):
            seen.append(sum(1 for _ in register.records(newest_first=True)))

    readers = [threading.Thread(target=read) for _ in range(4)]
    for thread in readers:
        thread.start()
    register.add_many([clean_disclosure()] * 20)
    for thread in readers:
        thread.join(timeout=60)
    assert len(seen) == 20 and all(n in (20, 40) for n in seen)
    assert len(register) == 40 and register.verify().ok


def test_a_writer_held_up_longer_than_the_wait_records_nothing_and_says_the_register_was_locked(
    postgres_server: PostgresServer, database: str, checker: Checker
) -> None:
    url = postgres_server.url(database)
    with Register.open(url, checker=checker, timeout=0.2) as register:
        register.add(clean_disclosure())
        with psycopg.connect(url) as holder:
            holder.execute("SELECT * FROM head FOR UPDATE")  # another writer's transaction, left open
            with pytest.raises(
                RegisterError,
                match=r"nothing was recorded: .* stayed locked by other writers for over 0\.2 s",
            ):
                register.add(clean_disclosure())
            holder.rollback()
        assert register.add(clean_disclosure()).id == 2  # the nearest case: free again, it records
        assert len(register) == 2 and register.verify().ok


def test_closing_a_shared_register_refuses_later_appends(register: Register) -> None:
    register.add(clean_disclosure())
    register.close()
    with pytest.raises(RegisterError, match="nothing was recorded: the register has been closed"):
        register.add(clean_disclosure())


# -- a server that stops ---------------------------------------------------------------------


def test_a_stopped_server_makes_add_fail_promptly_with_nothing_recorded_and_the_register_recovers(
    postgres_server: PostgresServer, database: str, checker: Checker
) -> None:
    url = postgres_server.url(database)
    with Register.open(url, checker=checker, connect_timeout=2) as register:
        register.add(clean_disclosure())
        postgres_server.stop()
        try:
            started = time.monotonic()
            with pytest.raises(
                RegisterError, match=r"nothing was recorded: .* did not answer within 2 seconds"
            ):
                register.add(clean_disclosure())
            assert time.monotonic() - started < 6
            with pytest.raises(RegisterError, match="cannot read the decision register"):
                len(register)
        finally:
            postgres_server.start()
        back = time.monotonic() + 10  # the pool reconnects by itself once the server is back
        while time.monotonic() < back:
            try:
                assert register.add(clean_disclosure()).id == 2
                break
            except RegisterError:
                continue
        assert len(register) == 2 and register.verify().ok
