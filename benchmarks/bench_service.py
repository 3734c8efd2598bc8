"""Drives the running decision service with a real load generator and prints what it measured.

    .venv/bin/python benchmarks/bench_service.py [--seconds 10] [--postgres auto|URL]

Starts ``ispcheck serve`` on loopback, pinned to one CPU (``taskset -c 0``), and drives it from the
other with autocannon (installed from the npm registry into build/tools on first use). It prints,
with the target beside each figure it has one for:

- decisions per second on one server core, closed loop (16 connections, each sending the next
  request as soon as the last is answered), and the server's CPU time per decision, HTTP included;
- p50 and p99 latency at a fixed rate of half that peak;
- batch decisions per second (1,000 disclosures per request);
- recorded decisions per second with 1, 4 and 16 clients, on the SQLite register, and on PostgreSQL
  with ``--postgres``: ``auto`` starts a throwaway server as the tests do (Debian's postgresql, on
  a socket, every commit synced), or a URL names a database of your own.

It checks nothing and fails nothing: a benchmark, not a test. Other work on the machine skews every
figure; compare runs from the same machine under the same load.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT / "build" / "tools"
AUTOCANNON = TOOLS / "node_modules" / ".bin" / "autocannon"
ISPCHECK = str(Path(sys.executable).with_name("ispcheck"))
EXAMPLE = ROOT / "examples" / "probation-release-address-to-district-council-on-ecins.json"


def ensure_autocannon() -> str:
    if not AUTOCANNON.exists():
        if shutil.which("npm") is None:
            sys.exit(
                "autocannon is installed with npm, which is not on this machine: install Node.js and npm"
            )
        TOOLS.mkdir(parents=True, exist_ok=True)
        print("installing autocannon from the npm registry into build/tools ...", flush=True)
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(TOOLS), "autocannon@9"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return str(AUTOCANNON)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Server:
    def __init__(self, folder: Path, register: str | None) -> None:
        self.folder = folder
        keys = folder / f"keys-{os.urandom(4).hex()}.json"
        made = subprocess.run(
            [
                ISPCHECK,
                "keys",
                "add",
                "bench",
                "--scopes",
                "decide,record,register:read",
                "--keys",
                str(keys),
                "--format",
                "json",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        self.key = json.loads(made.stdout)["key"]
        self.port = free_port()
        command = [
            ISPCHECK,
            "serve",
            "--port",
            str(self.port),
            "--keys",
            str(keys),
            "--no-plugins",
            "--quiet",
        ]
        if register:
            command += ["--register", register]
        pin = ["taskset", "-c", "0"] if shutil.which("taskset") and (os.cpu_count() or 1) > 1 else []
        self.process = subprocess.Popen([*pin, *command], stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/health/live", timeout=1).read()
                return
            except OSError:
                time.sleep(0.1)
        raise SystemExit("the service did not start")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=60)


def load(
    autocannon: str,
    server: Server,
    path: str,
    body: Path,
    *,
    seconds: float,
    connections: int,
    rate: int | None = None,
) -> dict[str, Any]:
    """One autocannon run; its JSON summary, with the server's CPU seconds over the run."""
    pin = ["taskset", "-c", "1"] if shutil.which("taskset") and (os.cpu_count() or 1) > 1 else []
    command = [
        *pin,
        autocannon,
        "-j",
        "-m",
        "POST",
        "-c",
        str(connections),
        "-d",
        str(seconds),
        "-H",
        "Content-Type=application/json",
        "-H",
        f"Authorization=Bearer {server.key}",
        "-i",
        str(body),
        f"{server.url}{path}",
    ]
    if rate:
        command[len(pin) + 1 : len(pin) + 1] = ["-R", str(rate)]
    before = cpu_seconds(server.process.pid)
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["server_cpu"] = cpu_seconds(server.process.pid) - before
    return result


def answered(result: dict[str, Any]) -> int:
    return int(result["2xx"])


def verdict(value: float, target: float, *, lower_is_better: bool) -> str:
    met = value <= target if lower_is_better else value >= target
    return "meets target" if met else "misses target"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument(
        "--postgres", metavar="URL", default=None, help="also measure recording on this database"
    )
    args = parser.parse_args()
    autocannon = ensure_autocannon()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        body = folder / "disclosure.json"
        body.write_text(EXAMPLE.read_text())
        batch = folder / "batch.json"
        batch.write_text(json.dumps({"disclosures": [json.loads(EXAMPLE.read_text())] * 1000}))

        server = Server(folder, None)
        try:
            load(autocannon, server, "/v1/decisions", body, seconds=2, connections=16)  # warm up
            peak = load(autocannon, server, "/v1/decisions", body, seconds=args.seconds, connections=16)
            rate = answered(peak) / args.seconds
            cpu_us = peak["server_cpu"] / max(answered(peak), 1) * 1e6
            print(
                f"\nDecisions, closed loop, 16 connections, one server core: {rate:,.0f}/s "
                f"({peak['non2xx']} not 200)"
            )
            print(
                f"  server CPU per decision, HTTP included: {cpu_us:,.0f} µs "
                f"(target <= 200 µs: {verdict(cpu_us, 200, lower_is_better=True)})"
            )
            half = max(int(rate / 2), 1)
            steady = load(
                autocannon, server, "/v1/decisions", body, seconds=args.seconds, connections=16, rate=half
            )
            p50, p99 = steady["latency"]["p50"], steady["latency"]["p99"]
            print(
                f"Latency at {half:,}/s (half the peak): p50 {p50} ms, p99 {p99} ms "
                f"(target p99 <= 5 ms: {verdict(p99, 5, lower_is_better=True)})"
            )
            batches = load(
                autocannon, server, "/v1/decisions/batch", batch, seconds=args.seconds, connections=4
            )
            per_second = answered(batches) * 1000 / args.seconds
            print(
                f"Batch decisions (1,000 a request, 4 connections): {per_second:,.0f}/s "
                f"(target >= 20,000/s: {verdict(per_second, 20_000, lower_is_better=False)})"
            )
        finally:
            server.stop()

        registers = [("SQLite (durable, one file)", str(folder / "register.sqlite"))]
        database = None
        if args.postgres == "auto":
            sys.path.insert(0, str(ROOT))
            from tests.postgres import PostgresServer, server_programs

            programs = server_programs()
            if programs is None:
                sys.exit("PostgreSQL's server is not installed: run scripts/install-system-deps.sh")
            database = PostgresServer(programs, Path(tempfile.mkdtemp(prefix="ispcheck-pg-")))
            database.initialise()
            database.start()
            registers.append(
                ("PostgreSQL (durable, a local server)", database.url(database.create_database()))
            )
        elif args.postgres:
            registers.append(("PostgreSQL (durable)", args.postgres))
        for label, target in registers:
            server = Server(folder, target)
            try:
                print(f"\nRecorded decisions on {label}:")
                for clients in (1, 4, 16):
                    result = load(
                        autocannon, server, "/v1/register", body, seconds=args.seconds, connections=clients
                    )
                    per_second = answered(result) / args.seconds
                    goal = ""
                    if clients == 4 and "PostgreSQL" in label:
                        goal = f" (target >= 2,000/s: {verdict(per_second, 2000, lower_is_better=False)})"
                    print(
                        f"  {clients:>2} clients: {per_second:,.0f}/s, p99 {result['latency']['p99']} ms, "
                        f"{result['non2xx']} not 200{goal}"
                    )
            finally:
                server.stop()
        if database is not None:
            database.stop("immediate")
            shutil.rmtree(database.root, ignore_errors=True)
    print(f"\nload average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
