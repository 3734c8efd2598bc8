"""A real PostgreSQL server for the tests: started once per session in a temporary folder.

Debian's ``postgresql`` package puts its programs under ``/usr/lib/postgresql/VERSION/bin`` (not
on PATH), and the server refuses to run as root, so when the tests run as root (as on CI) initdb
and pg_ctl run as the ``postgres`` user. The server listens on a socket in its own folder only (no
TCP port), so it cannot clash with another server on the machine. Each test that asks for
``postgres_url`` gets a database of its own, so tests never see each other's records.

A machine without the server programs FAILS these tests, with what to run: the register on
PostgreSQL is part of what the suite proves, so it must never be skipped quietly.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

INSTALL_HINT = "run scripts/install-system-deps.sh (it installs Debian's postgresql package)"


def server_programs() -> Path | None:
    """The folder holding initdb and pg_ctl: the newest Debian version, else wherever PATH has them."""
    versions = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name.split(".")[0])
    )
    for folder in [*reversed(versions), *(str(Path(p).parent) for p in [shutil.which("initdb")] if p)]:
        if os.access(Path(folder) / "initdb", os.X_OK) and os.access(Path(folder) / "pg_ctl", os.X_OK):
            return Path(folder)
    return None


class PostgresServer:
    """One throwaway server: ``start``, then ``url``/``create_database``/``admin``, then ``stop``."""

    def __init__(self, bin_dir: Path, root: Path) -> None:
        self.bin_dir = bin_dir
        self.root = root
        self.data = root / "data"
        self.sockets = root / "sockets"
        self.log = root / "log" / "server.log"
        self._numbers = itertools.count(1)
        self._as_server: list[str] = []
        if os.geteuid() == 0:  # the server will not run as root
            self._as_server = ["runuser", "-u", "postgres", "--"]

    def _run(self, *command: str) -> None:
        done = subprocess.run([*self._as_server, *command], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            pytest.fail(
                f"PostgreSQL for the tests could not be set up: {' '.join(command)} exited "
                f"{done.returncode}:\n{done.stdout}{done.stderr}{log}\n"
                f"If it is missing or broken, {INSTALL_HINT}.",
                pytrace=False,
            )

    def initialise(self) -> None:
        self.root.chmod(0o755)
        for folder in (self.data, self.sockets, self.log.parent):
            folder.mkdir(mode=0o700)
            if self._as_server:
                shutil.chown(folder, "postgres", "postgres")
        self._run(
            str(self.bin_dir / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",  # initdb's own files only; the server itself syncs every commit as in production
        )

    def start(self) -> None:
        options = f"-k {self.sockets} -c listen_addresses='' -c max_connections=200"
        self._run(
            str(self.bin_dir / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-o",
            options,
            "-w",
            "start",
        )

    def stop(self, mode: str = "fast") -> None:
        """Stop the server: ``fast`` writes a checkpoint first, ``immediate`` (at the end) does not."""
        self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def url(self, database: str = "postgres", user: str = "postgres") -> str:
        return f"postgresql://{user}@/{database}?host={self.sockets}"

    def admin(self, database: str = "postgres") -> psycopg.Connection[Any]:
        """A superuser connection, committing each statement: for setting up and tampering."""
        return psycopg.connect(self.url(database), autocommit=True)

    def create_database(self) -> str:
        name = f"register_{next(self._numbers)}"
        with self.admin() as admin:
            admin.execute(f"CREATE DATABASE {name}")
        return name


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    bin_dir = server_programs()
    if bin_dir is None:
        pytest.fail(f"PostgreSQL's initdb and pg_ctl were not found: {INSTALL_HINT}.", pytrace=False)
    # A short folder name: the server's socket path must stay under 107 bytes.
    server = PostgresServer(bin_dir, Path(tempfile.mkdtemp(prefix="ispcheck-pg-")))
    try:
        server.initialise()
        server.start()
        yield server
        server.stop("immediate")  # its data is thrown away: no checkpoint to wait for
    finally:
        shutil.rmtree(server.root, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> str:
    """The URL of a new, empty database on the test server, as its superuser."""
    return postgres_server.url(postgres_server.create_database())
