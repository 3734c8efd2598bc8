"""Runs the decision service for real, as ``ispcheck serve`` on loopback, and calls it over HTTP.

The service's tests drive the installed command in its own process, as a case system would meet
it, with the standard library's HTTP client (so nothing in the test shares the service's code).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ISPCHECK = [str(Path(sys.executable).with_name("ispcheck"))]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def make_key(keys: Path, name: str, scopes: str) -> str:
    done = subprocess.run(
        [*ISPCHECK, "keys", "add", name, "--scopes", scopes, "--keys", str(keys), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    key: str = json.loads(done.stdout)["key"]
    return key


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: Any
    text: str


@dataclass
class Service:
    """One running ``ispcheck serve``."""

    folder: Path
    register: str | None
    extra: list[str] = field(default_factory=list)
    port: int = 0
    process: subprocess.Popen[str] | None = None
    keys: dict[str, str] = field(default_factory=dict)
    #: For HTTPS: the certificate to trust (the service's own, self-signed, in the tests).
    trust: Path | None = None

    @property
    def keys_file(self) -> Path:
        return self.folder / "keys.json"

    @property
    def log_file(self) -> Path:
        return self.folder / f"service-{self.port}.log"

    def start(self) -> Service:
        if not self.keys:
            self.keys["full"] = make_key(self.keys_file, "case-system", "decide,record,register:read")
            self.keys["decide"] = make_key(self.keys_file, "decide-only", "decide")
            self.keys["revoked"] = make_key(self.keys_file, "old-system", "decide,record,register:read")
            subprocess.run(
                [*ISPCHECK, "keys", "revoke", "old-system", "--keys", str(self.keys_file)],
                check=True,
                capture_output=True,
            )
        self.port = free_port()
        command = [
            *ISPCHECK,
            "serve",
            "--port",
            str(self.port),
            "--keys",
            str(self.keys_file),
            "--no-plugins",
        ]
        if self.register is not None:
            command += ["--register", self.register]
        env = {k: v for k, v in os.environ.items() if k not in ("ISPCHECK_REGISTER", "ISPCHECK_KEYS")}
        self.process = subprocess.Popen(
            [*command, *self.extra],
            stdout=subprocess.DEVNULL,
            stderr=self.log_file.open("w"),
            text=True,
            env=env,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                if self.call("GET", "/health/live", key=None).status == 200:
                    return self
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the service did not start:\n{self.log()}")
            time.sleep(0.05)

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 30) -> int:
        assert self.process is not None
        if self.process.poll() is None:
            self.process.send_signal(sig)
        return self.process.wait(timeout=timeout)

    def log(self) -> str:
        return self.log_file.read_text(encoding="utf-8") if self.log_file.exists() else ""

    def call(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        key: str | None = "full",
        raw: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        data = raw if raw is not None else (None if body is None else json.dumps(body).encode("utf-8"))
        scheme = "https" if self.trust else "http"
        request = urllib.request.Request(f"{scheme}://127.0.0.1:{self.port}{path}", data=data, method=method)
        request.add_header("Content-Type", "application/json")
        if key is not None:
            request.add_header("Authorization", f"Bearer {self.keys.get(key, key)}")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            context = ssl.create_default_context(cafile=str(self.trust)) if self.trust else None
            with urllib.request.urlopen(request, timeout=30, context=context) as response:
                return _answer(response.status, dict(response.headers), response.read())
        except urllib.error.HTTPError as error:
            return _answer(error.code, dict(error.headers), error.read())


def _answer(status: int, headers: dict[str, str], raw: bytes) -> Answer:
    text = raw.decode("utf-8", "replace")
    try:
        body = json.loads(text)
    except ValueError:
        body = None
    return Answer(status, {k.lower(): v for k, v in headers.items()}, body, text)
