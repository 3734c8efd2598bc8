"""The OpenAPI description is held to the running service by a schema-driven fuzzer (schemathesis).

Thousands of requests, valid and not, generated from /openapi.json: no answer may be a server
error, every answer must match what the description says (status, headers, body, content type),
valid requests must be accepted and invalid ones refused, and a wrong key must never pass.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .service_harness import Service

SCHEMATHESIS = str(Path(sys.executable).with_name("schemathesis"))


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    folder = tmp_path_factory.mktemp("fuzzed")
    running = Service(folder, str(folder / "register.sqlite")).start()
    yield running
    running.stop()


def test_every_route_answers_as_the_openapi_description_says_under_fuzzing(service: Service) -> None:
    done = subprocess.run(
        [
            SCHEMATHESIS,
            "run",
            f"http://127.0.0.1:{service.port}/openapi.json",
            "--header",
            f"Authorization: Bearer {service.keys['full']}",
            "--checks",
            "all",
            "--max-examples",
            "15",
            "--workers",
            "1",  # schemathesis's own generator is not thread-safe here ("AST recursion depth mismatch")
            "--seed",
            "2024",
            "--no-color",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    summary = done.stdout[done.stdout.find("SUMMARY") :]
    assert done.returncode == 0, summary or done.stdout[-3000:] + done.stderr[-2000:]
    assert "No issues found" in summary
    assert '"error":"internal_error"' not in service.log()
