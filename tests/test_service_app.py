"""The decision service, run for real on loopback and called over HTTP as a case system would.

Every answer but 200 means "do not share", so each refusal is checked for its status, its
plain message, and that it carries no outcome. The service decides under the fixture pack
(``--pack``), so a change to the Warwickshire rules does not break these tests.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ispcheck import Checker, Decision

from .conftest import clean_disclosure
from .helpers import FIXTURE_PACK, FIXTURE_PACK_ARGS
from .service_harness import Answer, Service

MARKER = "Flat 3 Example Road, only in this disclosure"


def serving(folder: Path, register: str | None, *, extra: tuple[str, ...] = (), **options: Any) -> Service:
    """An ``ispcheck serve`` (not yet started) deciding under the fixture pack."""
    return Service(folder, register, extra=[*FIXTURE_PACK_ARGS, *extra], **options)


def fixture_decision(disclosure: dict[str, Any]) -> Decision:
    """What the library decides about ``disclosure`` under the fixture pack."""
    return Checker(FIXTURE_PACK, use_entry_points=False).check(disclosure)


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    folder = tmp_path_factory.mktemp("service")
    running = serving(folder, str(folder / "register.sqlite")).start()
    yield running
    running.stop()


def refused(answer: Answer, status: int, error: str) -> dict[str, Any]:
    assert answer.status == status, answer.text
    assert answer.body["error"] == error
    assert "outcome" not in answer.body and '"outcome":' not in answer.text
    body: dict[str, Any] = answer.body
    return body


# -- deciding ------------------------------------------------------------------------------------


def test_a_disclosure_gets_the_librarys_decision_with_an_id_and_the_pack_in_the_headers(
    service: Service,
) -> None:
    disclosure = clean_disclosure(**{"context.ongoing_investigation": True})
    answer = service.call("POST", "/v1/decisions", disclosure)
    assert answer.status == 200
    expected = fixture_decision(disclosure)
    assert answer.body["outcome"] == expected.outcome.value == "refer"
    assert [f["rule_id"] for f in answer.body["findings"]] == [f.rule_id for f in expected.findings]
    assert len(answer.body["decision_id"]) == 32
    assert answer.headers["x-ispcheck-pack"] == "fixture-csp"
    assert answer.headers["x-ispcheck-pack-version"] == "2026-01-01"
    pack = service.call("GET", "/v1/pack").body
    assert answer.headers["x-ispcheck-pack-revision"] == pack["revision"]


def test_a_clean_disclosure_is_shared(service: Service) -> None:
    assert service.call("POST", "/v1/decisions", clean_disclosure()).body["outcome"] == "share"


def test_a_disclosure_that_breaks_the_contract_is_422_with_every_problem_by_field(service: Service) -> None:
    body = refused(service.call("POST", "/v1/decisions", {"discloser": {}}), 422, "invalid_disclosure")
    paths = {p["path"] for p in body["problems"]}
    assert {"discloser.organisation", "recipient", "data", "purpose", "handling"} <= paths
    assert "do not share" in body["message"]


def test_a_key_given_twice_is_bad_input_naming_it(service: Service) -> None:
    raw = json.dumps(clean_disclosure())[:-1] + ', "purpose": {"code": "prevent_crime"}}'
    body = refused(service.call("POST", "/v1/decisions", raw=raw.encode()), 422, "invalid_disclosure")
    assert body["problems"] == [
        {"path": "purpose", "message": "this field is given twice; give it only once"}
    ]


@pytest.mark.parametrize(
    ("raw", "status", "error"),
    [
        (b"{not json", 400, "malformed_json"),
        (b"", 400, "malformed_json"),
        (b"\xff\xfe{}", 400, "malformed_json"),
        (b"[1, 2]", 422, "invalid_disclosure"),
        (b'"a string"', 422, "invalid_disclosure"),
    ],
)
def test_a_body_that_is_not_a_json_object_is_refused_plainly(
    service: Service, raw: bytes, status: int, error: str
) -> None:
    refused(service.call("POST", "/v1/decisions", raw=raw), status, error)


def test_a_body_over_the_limit_is_413_and_not_read(service: Service) -> None:
    """Only the headers are sent: the answer comes without waiting for the body, so it was not read.

    (Sending the whole body as well races the service, which answers and closes at once: the
    client may still be writing and get a broken pipe instead of the answer.)
    """
    size = 1024 * 1024 + 1
    head = (
        "POST /v1/decisions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Authorization: Bearer {service.keys['full']}\r\nContent-Length: {size}\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", service.port), timeout=30) as connection:
        connection.sendall(head.encode("ascii"))
        reply = b""
        while b"\r\n\r\n" not in reply or len(reply.split(b"\r\n\r\n", 1)[1]) < _length(reply):
            chunk = connection.recv(65536)
            if not chunk:
                break
            reply += chunk
    status = int(reply.split(b" ", 2)[1])
    body = json.loads(reply.split(b"\r\n\r\n", 1)[1])
    assert status == 413, reply
    assert body["error"] == "too_large" and "outcome" not in body
    assert "1,048,576 bytes" in body["message"]


def _length(reply: bytes) -> int:
    """The Content-Length of an HTTP reply's head."""
    for line in reply.split(b"\r\n\r\n", 1)[0].split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value.strip())
    return 0


def test_a_body_just_under_the_limit_is_read(service: Service) -> None:
    disclosure = clean_disclosure(**{"data.description": "x" * 1000})
    assert service.call("POST", "/v1/decisions", disclosure).status == 200


# -- keys ----------------------------------------------------------------------------------------


def test_without_a_key_every_v1_call_is_401_and_says_how_to_give_one(service: Service) -> None:
    for method, path in (("POST", "/v1/decisions"), ("GET", "/v1/rules"), ("GET", "/v1/register")):
        answer = service.call(method, path, clean_disclosure() if method == "POST" else None, key=None)
        body = refused(answer, 401, "unauthorised")
        assert "Authorization: Bearer KEY" in body["message"]
        assert answer.headers["www-authenticate"].startswith("Bearer")


@pytest.mark.parametrize("key", ["isk_not-a-key-anyone-made", "revoked"])
def test_a_wrong_or_revoked_key_is_401(service: Service, key: str) -> None:
    refused(service.call("POST", "/v1/decisions", clean_disclosure(), key=key), 401, "unauthorised")


def test_a_key_without_the_scope_is_403_naming_the_scope_and_the_nearest_call_it_may_make_is_200(
    service: Service,
) -> None:
    body = refused(service.call("POST", "/v1/register", clean_disclosure(), key="decide"), 403, "forbidden")
    assert "record" in body["message"] and "decide-only" in body["message"]
    refused(service.call("GET", "/v1/register", key="decide"), 403, "forbidden")
    assert service.call("POST", "/v1/decisions", clean_disclosure(), key="decide").status == 200


def test_the_health_checks_and_metrics_need_no_key(service: Service) -> None:
    assert service.call("GET", "/health/live", key=None).status == 200
    assert service.call("GET", "/health/ready", key=None).body == {
        "ready": True,
        "pack": "fixture-csp",
        "register": True,
    }
    assert service.call("GET", "/metrics", key=None).status == 200


# -- batches -------------------------------------------------------------------------------------


def test_a_batch_is_answered_in_order_each_with_its_decision_or_its_problems(service: Service) -> None:
    batch = {
        "disclosures": [
            clean_disclosure(),
            {"discloser": {}},
            clean_disclosure(**{"handling.channel": "post"}),
        ]
    }
    results = service.call("POST", "/v1/decisions/batch", batch).body["results"]
    assert [r["index"] for r in results] == [0, 1, 2]
    assert results[0]["outcome"] == "share"
    assert (
        "outcome" not in results[1] and results[1]["error"] == "invalid_disclosure" and results[1]["problems"]
    )
    assert (
        results[2]["outcome"]
        == fixture_decision(batch["disclosures"][2]).outcome.value
        == ("share_with_conditions")
    )
    assert len({r.get("decision_id") for r in (results[0], results[2])}) == 2


def test_a_batch_over_1000_is_refused_and_one_of_1000_is_decided(service: Service) -> None:
    small = {"discloser": {"organisation": "x"}}
    body = refused(
        service.call("POST", "/v1/decisions/batch", {"disclosures": [small] * 1001}),
        422,
        "invalid_disclosure",
    )
    assert "at most 1,000" in body["problems"][0]["message"]
    results = service.call("POST", "/v1/decisions/batch", {"disclosures": [clean_disclosure()] * 1000}).body[
        "results"
    ]
    assert len(results) == 1000 and {r["outcome"] for r in results} == {"share"}


def test_a_batch_must_be_an_object_holding_only_disclosures(service: Service) -> None:
    refused(service.call("POST", "/v1/decisions/batch", [clean_disclosure()]), 422, "invalid_disclosure")
    refused(
        service.call("POST", "/v1/decisions/batch", {"disclosures": [], "extra": 1}),
        422,
        "invalid_disclosure",
    )


# -- the register --------------------------------------------------------------------------------


def test_a_recorded_decision_can_be_read_back_listed_and_verified(service: Service) -> None:
    recorded = service.call(
        "POST", "/v1/register", clean_disclosure(), headers={"X-Ispcheck-Decided-By": "DS 4321"}
    )
    assert recorded.status == 200, recorded.text
    assert recorded.body["outcome"] == "share" and len(recorded.body["hash"]) == 64
    record_id = recorded.body["record_id"]
    stored = service.call("GET", f"/v1/register/{record_id}").body
    assert stored["id"] == record_id and stored["hash"] == recorded.body["hash"]
    assert stored["decided_by"] == "DS 4321"
    assert stored["recorded_by"] == "case-system"  # the name of the key that recorded it
    listed = service.call("GET", "/v1/register?limit=1").body
    assert [r["id"] for r in listed["records"]] == [record_id]
    verified = service.call("GET", "/v1/register/verify").body
    assert verified["ok"] is True and verified["head"] == recorded.body["hash"]


def test_verify_with_a_hash_written_down_checks_it(service: Service) -> None:
    recorded = service.call("POST", "/v1/register", clean_disclosure()).body
    good = service.call("GET", f"/v1/register/verify?expect={recorded['record_id']}:{recorded['hash']}").body
    assert good["ok"] is True
    bad = service.call("GET", f"/v1/register/verify?expect={recorded['record_id']}:{'0' * 64}").body
    assert bad["ok"] is False and bad["bad_id"] == recorded["record_id"]
    refused(service.call("GET", "/v1/register/verify?expect=nonsense"), 422, "invalid_request")


def test_the_list_pages_newest_first_and_filters_by_outcome(service: Service) -> None:
    for _ in range(3):
        service.call("POST", "/v1/register", clean_disclosure())
    service.call("POST", "/v1/register", clean_disclosure(**{"context.ongoing_investigation": True}))
    first = service.call("GET", "/v1/register?limit=2").body
    ids = [r["id"] for r in first["records"]]
    assert ids == sorted(ids, reverse=True) and first["next_before"] == ids[-1]
    second = service.call("GET", f"/v1/register?limit=2&before={first['next_before']}").body
    assert max(r["id"] for r in second["records"]) < ids[-1]
    referred = service.call("GET", "/v1/register?outcome=refer").body["records"]
    assert referred and {r["decision"]["outcome"] for r in referred} == {"refer"}
    refused(service.call("GET", "/v1/register?outcome=maybe"), 422, "invalid_request")
    refused(service.call("GET", "/v1/register?colour=red"), 422, "invalid_request")
    refused(service.call("GET", "/v1/register?limit=0"), 422, "invalid_request")


def test_a_record_that_is_not_there_is_404(service: Service) -> None:
    refused(service.call("GET", "/v1/register/999999"), 404, "not_found")
    refused(service.call("GET", "/v1/register/abc"), 404, "not_found")


def test_an_invalid_disclosure_is_not_recorded(service: Service) -> None:
    before = service.call("GET", "/v1/register/verify").body["records"]
    refused(service.call("POST", "/v1/register", {"discloser": {}}), 422, "invalid_disclosure")
    assert service.call("GET", "/v1/register/verify").body["records"] == before


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_with_the_register_unreachable_recording_is_503_and_deciding_carries_on(
    tmp_path: Path, database: str
) -> None:
    target = str(tmp_path / "no-such-folder" / "register.sqlite")
    if database == "postgresql":  # a database server that is not running: nothing listens on the socket
        target = f"postgresql://postgres@/ispcheck?host={tmp_path}"
    unreachable = serving(tmp_path, target).start()
    try:
        body = refused(
            unreachable.call("POST", "/v1/register", clean_disclosure()), 503, "register_unavailable"
        )
        assert "not recorded" in body["message"]
        refused(unreachable.call("GET", "/v1/register/verify"), 503, "register_unavailable")
        ready = unreachable.call("GET", "/health/ready", key=None)
        assert ready.status == 503 and "register cannot be reached" in ready.body["message"]
        assert unreachable.call("POST", "/v1/decisions", clean_disclosure()).body["outcome"] == "share"
    finally:
        unreachable.stop()


def test_without_a_register_recording_is_503_and_the_service_is_ready_to_decide(tmp_path: Path) -> None:
    bare = serving(tmp_path, None).start()
    try:
        refused(bare.call("POST", "/v1/register", clean_disclosure()), 503, "register_unavailable")
        assert bare.call("GET", "/health/ready", key=None).body["register"] is False
    finally:
        bare.stop()


# -- what a case system asks next, and what it reads -----------------------------------------------


def test_facts_that_matter_names_the_unknown_facts_that_could_change_the_outcome(service: Service) -> None:
    disclosure = clean_disclosure(**{"context.ongoing_investigation": None})
    body = service.call("POST", "/v1/facts-that-matter", disclosure).body
    assert "context.ongoing_investigation" in body["facts_that_matter"]
    known = service.call("POST", "/v1/facts-that-matter", clean_disclosure()).body
    assert "context.ongoing_investigation" not in known["facts_that_matter"]


def test_the_rules_pack_schema_and_partners_are_served(service: Service) -> None:
    rules = service.call("GET", "/v1/rules").body
    assert any(r["id"] == "investigation.not-consulted" for r in rules["rules"])
    assert service.call("GET", "/v1/schema").body["title"]
    pack = service.call("GET", "/v1/pack").body
    assert pack["name"] == "fixture-csp" and pack["review_due"] and len(pack["revision"]) == 16
    partner = service.call("GET", "/v1/partners?name=fixture%20refuge").body
    assert partner["signatory"] is True and partner["partner"]["name"] == "Fixture Refuge"
    assert service.call("GET", "/v1/partners?name=Nobody%20Ltd").body["signatory"] is False


def test_an_unknown_route_is_a_json_404_with_the_pack_headers(service: Service) -> None:
    answer = service.call("GET", "/v1/nothing-here")
    refused(answer, 404, "not_found")
    assert answer.headers["x-ispcheck-pack"] == "fixture-csp"
    refused(service.call("DELETE", "/v1/decisions"), 405, "method_not_allowed")


def test_metrics_count_decisions_by_outcome_and_register_appends(service: Service) -> None:
    service.call("POST", "/v1/decisions", clean_disclosure())
    text = service.call("GET", "/metrics", key=None).text
    shares = next(
        line for line in text.splitlines() if line.startswith('ispcheck_decisions_total{outcome="share"}')
    )
    assert int(shares.split()[-1]) >= 1
    assert "ispcheck_http_seconds_bucket" in text and "ispcheck_register_appends_total" in text


def test_the_logs_are_json_lines_with_ids_and_outcomes_and_never_the_disclosures_text(
    service: Service,
) -> None:
    service.call("POST", "/v1/decisions", clean_disclosure(**{"data.description": MARKER}))
    service.call("POST", "/v1/register", clean_disclosure(**{"data.description": MARKER}))
    lines = [json.loads(line) for line in service.log().splitlines() if line.strip()]
    requests = [line for line in lines if line.get("event") == "request"]
    assert any(line["route"] == "decide" and line["outcome"] and line["decision_id"] for line in requests)
    assert any(line["route"] == "record" and line.get("record_id") for line in requests)
    public = {"live", "ready", "metrics", "openapi", "unknown"}
    assert all("key" in line for line in requests if line["status"] == 200 and line["route"] not in public)
    assert MARKER not in service.log()


# -- stopping ------------------------------------------------------------------------------------


def test_sigterm_stops_the_service_gracefully_and_what_it_acknowledged_stays_recorded(tmp_path: Path) -> None:
    register = tmp_path / "register.sqlite"
    stopping = serving(tmp_path, str(register)).start()
    ids = [stopping.call("POST", "/v1/register", clean_disclosure()).body["record_id"] for _ in range(5)]
    assert stopping.stop(signal.SIGTERM) in (0, 128 + signal.SIGTERM)
    assert '"event":"stopped"' in stopping.log()
    from ispcheck.register import Register

    with Register.open(register, create=False) as opened:
        assert [r.id for r in opened.records()] == ids
        assert opened.verify().ok


# -- a client that is not Python ---------------------------------------------------------------


NODE_CLIENT = Path(__file__).resolve().parents[1] / "examples" / "service-client" / "decide.mjs"


def node(service: Service, *args: str, key: str = "full") -> subprocess.CompletedProcess[str]:
    import shutil

    assert shutil.which("node"), "Node.js is missing: run scripts/install-system-deps.sh"
    env = {
        "PATH": os.environ["PATH"],
        "ISPCHECK_URL": f"http://127.0.0.1:{service.port}",
        "ISPCHECK_KEY": service.keys[key],
    }
    return subprocess.run(
        ["node", str(NODE_CLIENT), *args], capture_output=True, text=True, env=env, timeout=60
    )


def test_the_node_example_decides_and_records_through_the_real_service(
    service: Service, tmp_path: Path
) -> None:
    case = tmp_path / "case.json"
    case.write_text(json.dumps(clean_disclosure(**{"context.ongoing_investigation": True})))
    decided = node(service, str(case))
    assert decided.returncode == 0, decided.stderr
    assert "outcome: refer (pack fixture-csp 2026-01-01)" in decided.stdout
    recorded = node(service, str(case), "--record")
    assert recorded.returncode == 0 and "recorded as record" in recorded.stdout


def test_the_node_example_fails_closed_on_bad_input_or_a_wrong_key(service: Service, tmp_path: Path) -> None:
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"discloser": {}}))
    bad = node(service, str(case))
    assert bad.returncode == 1 and "do not share: the service answered 422" in bad.stdout
    assert "discloser.organisation: this field is required" in bad.stdout
    case.write_text(json.dumps(clean_disclosure()))
    denied = node(service, str(case), key="revoked")
    assert denied.returncode == 1 and "answered 401" in denied.stdout


def record_under_load(
    service: Service, clients: int, until: int, acknowledged: list[int] | None = None
) -> list[int]:
    """Record from several clients at once until ``until`` are acknowledged; their record ids.

    The ids are appended to ``acknowledged`` as the answers come, for a test watching from elsewhere.
    """
    import threading

    acknowledged = [] if acknowledged is None else acknowledged
    lock = threading.Lock()
    stop = threading.Event()

    def client() -> None:
        while not stop.is_set():
            try:
                answer = service.call("POST", "/v1/register", clean_disclosure())
            except (OSError, http.client.HTTPException):
                return  # the service is gone, perhaps in the middle of an answer (never acknowledged)
            if answer.status == 200:
                with lock:
                    acknowledged.append(answer.body["record_id"])
                    if len(acknowledged) >= until:
                        stop.set()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 60
    while not stop.is_set() and any(t.is_alive() for t in threads) and time.monotonic() < deadline:
        time.sleep(0.02)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    return acknowledged


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_killing_the_service_mid_load_loses_no_acknowledged_record_and_the_chain_verifies(
    tmp_path: Path, request: pytest.FixtureRequest, database: str
) -> None:
    """kill -9 while four clients record: every record the service answered 200 for is there."""
    import threading

    from ispcheck.register import Register

    target = str(tmp_path / "register.sqlite")
    if database == "postgresql":
        target = request.getfixturevalue("postgres_url")
    victim = serving(tmp_path, target).start()
    acknowledged: list[int] = []
    killer = threading.Timer(0.5, lambda: None)
    try:
        # Kill it from another thread once 40 are acknowledged, while the clients keep recording.
        def kill_when_enough() -> None:
            deadline = time.monotonic() + 60
            while len(acknowledged) < 40 and time.monotonic() < deadline:
                time.sleep(0.01)
            victim.stop(signal.SIGKILL)

        killer = threading.Thread(target=kill_when_enough)
        killer.start()
        record_under_load(victim, clients=4, until=10**9, acknowledged=acknowledged)
    finally:
        killer.join(timeout=60)
        victim.stop(signal.SIGKILL)
    assert len(acknowledged) >= 40
    with Register.open(target, create=False) as opened:
        stored = {r.id for r in opened.records()}
        assert set(acknowledged) <= stored
        assert opened.verify().ok


def test_four_clients_recording_through_two_services_on_one_postgresql_register_keep_one_chain(
    tmp_path: Path, postgres_url: str
) -> None:
    from ispcheck.register import Register

    first = serving(tmp_path / "one", postgres_url)
    second = serving(tmp_path / "two", postgres_url)
    for folder in (first.folder, second.folder):
        folder.mkdir()
    first.start()
    second.start()
    try:
        import threading

        results: list[list[int]] = [[], []]
        threads = [
            threading.Thread(
                target=lambda i=i, s=s: results[i].extend(record_under_load(s, clients=2, until=50))
            )
            for i, s in enumerate((first, second))
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        record = first.call("GET", f"/v1/register/{results[1][0]}").body
        assert record["recorded_by"] == "case-system"
    finally:
        first.stop()
        second.stop()
    acknowledged = results[0] + results[1]
    assert len(acknowledged) >= 100 and len(set(acknowledged)) == len(acknowledged)
    with Register.open(postgres_url, create=False) as opened:
        assert {r.id for r in opened.records()} == set(acknowledged)
        assert opened.verify().ok


def test_with_a_certificate_and_key_the_service_answers_over_https(tmp_path: Path) -> None:
    import shutil

    assert shutil.which("openssl"), "openssl is missing"
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    secure = serving(
        tmp_path, None, extra=("--tls-cert", str(cert), "--tls-key", str(key)), trust=cert
    ).start()
    try:
        assert secure.call("POST", "/v1/decisions", clean_disclosure()).body["outcome"] == "share"
        plain = Service(tmp_path, None, keys=secure.keys, port=secure.port)
        with pytest.raises(OSError):  # plain HTTP to an HTTPS port gets no answer it can read
            plain.call("GET", "/health/live", key=None)
    finally:
        secure.stop()
