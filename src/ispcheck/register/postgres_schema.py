"""The register's tables in PostgreSQL, the triggers that keep them append-only, and the grants.

The tables match the SQLite register's: ``records`` (id, prev_hash, hash, body) and a one-row
``head``. The database itself refuses ``UPDATE``, ``DELETE`` and ``TRUNCATE`` on ``records``, and
lets ``head`` move only forward, to a record that exists with that hash. That stops a service, or a
person using its login, from rewriting history; the owner of the tables can still drop the
triggers, which is why the hash chain and ``verify --expect`` remain the real check.

The service's own role needs no more than :func:`grant_sql` gives it: INSERT and SELECT on
``records``, SELECT and UPDATE on ``head``. Only the tables' owner creates them (the first
``Register.open(..., create=True)``), under an advisory lock so that two processes doing it at
once do not collide.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .chain import GENESIS, RegisterError

if TYPE_CHECKING:
    import psycopg

__all__ = ["LAYOUT", "LOCK_KEY", "grant_sql", "prepare"]

#: What the comment on the head table says: marks the tables as an ispcheck register, and their layout.
LAYOUT = "ispcheck decision register, layout 1"
#: The advisory lock held while the tables are created ("ISPCREG1").
LOCK_KEY = 0x4953504352454731

_APPEND_ONLY = """
CREATE OR REPLACE FUNCTION ispcheck_register_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'the decision register is append-only: records cannot be changed';
    END IF;
    RAISE EXCEPTION 'the decision register is append-only: records cannot be deleted';
END
$$
"""

_HEAD_FORWARD = """
CREATE OR REPLACE FUNCTION ispcheck_register_head_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'UPDATE' THEN
        RAISE EXCEPTION 'the decision register needs its head row: it cannot be deleted';
    END IF;
    IF NEW.one <> OLD.one OR NEW.last_id <= OLD.last_id THEN
        RAISE EXCEPTION 'the decision register''s head only moves forward: it is at record %, not %',
            OLD.last_id, NEW.last_id;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM records WHERE id = NEW.last_id AND hash = NEW.hash) THEN
        RAISE EXCEPTION 'the decision register''s head must name record % and its hash', NEW.last_id;
    END IF;
    RETURN NEW;
END
$$
"""

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS records (id bigint PRIMARY KEY, prev_hash text NOT NULL, "
    "hash text NOT NULL, body text NOT NULL)",
    "CREATE TABLE IF NOT EXISTS head (one integer PRIMARY KEY CHECK (one = 1), last_id bigint NOT NULL, "
    "hash text NOT NULL)",
    f"INSERT INTO head (one, last_id, hash) VALUES (1, 0, '{GENESIS}') ON CONFLICT DO NOTHING",
    _APPEND_ONLY,
    _HEAD_FORWARD,
    "CREATE TRIGGER records_append_only BEFORE UPDATE OR DELETE ON records "
    "FOR EACH ROW EXECUTE FUNCTION ispcheck_register_append_only()",
    "CREATE TRIGGER records_not_truncated BEFORE TRUNCATE ON records "
    "FOR EACH STATEMENT EXECUTE FUNCTION ispcheck_register_append_only()",
    "CREATE TRIGGER head_forward_only BEFORE UPDATE OR DELETE ON head "
    "FOR EACH ROW EXECUTE FUNCTION ispcheck_register_head_forward()",
    "CREATE TRIGGER head_not_truncated BEFORE TRUNCATE ON head "
    "FOR EACH STATEMENT EXECUTE FUNCTION ispcheck_register_head_forward()",
    "COMMENT ON TABLE records IS 'ispcheck decision register: append-only, hash-chained records'",
    f"COMMENT ON TABLE head IS '{LAYOUT}'",
)

_FOUND = (
    "SELECT to_regclass('records') IS NOT NULL, to_regclass('head') IS NOT NULL, "
    "obj_description(to_regclass('head'), 'pg_class')"
)


def prepare(connection: psycopg.Connection[Any], *, create: bool, location: str) -> None:
    """Create the tables in a database that has none (if ``create``), or check they are a register.

    Runs in its own transaction, committed before it returns.
    """
    with connection.transaction():
        if create:  # two first writers wait for each other here rather than both creating
            connection.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
        found = connection.execute(_FOUND).fetchone()
        assert found is not None
        has_records, has_head, layout = found
        if not has_records and not has_head:
            if not create:
                raise RegisterError(
                    f"there is no decision register in {location} (only `ispcheck register add` creates one)"
                )
            for statement in _SCHEMA:
                connection.execute(statement)
            return
        if not (has_records and has_head) or not str(layout or "").startswith("ispcheck decision register"):
            raise RegisterError(
                f"{location} has a table named records or head, but they are not an ispcheck "
                "decision register. Use a database (or schema) of its own for the register."
            )
        if layout != LAYOUT:
            raise RegisterError(
                f"{location} holds a decision register marked {layout!r}, which this ispcheck cannot "
                f"read (it reads {LAYOUT!r})"
            )


def grant_sql(role: str) -> str:
    """The SQL that lets ``role`` append to the register and read it, and nothing more.

    Run it as the tables' owner, in the register's database. The role can then add records and
    move the head forward; it cannot change, delete or empty records, nor drop the triggers.
    """
    who = '"' + role.replace('"', '""') + '"'
    return (
        f"REVOKE ALL ON records, head FROM {who};\n"
        f"GRANT SELECT, INSERT ON records TO {who};\n"
        f"GRANT SELECT, UPDATE ON head TO {who};\n"
    )
