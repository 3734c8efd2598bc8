"""The decision service: the library's decisions and register over HTTP, as JSON.

For case systems that cannot ``import ispcheck`` (.NET, Java, hosted case management). The request
is the disclosure contract, the answer the decision record, with the same names as everywhere else.
Every answer but 200 means "do not share": bad input is 422 with the contract's problems, a body
too large 413, JSON that cannot be read 400, a missing or wrong key 401, a key without the scope
403, a register that cannot be reached 503, and a fault in ispcheck 500 — and none of those ever
carries an outcome. A recording is answered only once it is durable in the register.

Deciding runs on the event loop (a decision takes microseconds; handing it to a thread would cost
more than it saves); the register's blocking calls run on threads (see :mod:`.gateway`).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import msgspec
from pydantic import ValidationError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..decision import Decision
from ..documents import pack_document, pack_revision, partners_document, rules_document
from ..engine import Checker
from ..errors import DisclosureError, Problem
from ..schema import disclosure_schema
from ..text_input import read_json
from ..view import view_of_json
from .gateway import RegisterGateway, RegisterUnavailable
from .keys import ApiKey, KeyStore
from .metrics import Metrics
from .openapi import openapi_document

__all__ = ["MAX_BATCH", "MAX_BATCH_BODY", "MAX_BODY", "ServiceConfig", "create_app"]

#: The largest request body read, in bytes (1 MiB): a disclosure is a few kilobytes.
MAX_BODY = 1024 * 1024
#: The most disclosures one batch may hold.
MAX_BATCH = 1000
#: The largest batch body read, in bytes (16 MiB): room for 1,000 disclosures of a full page each.
MAX_BATCH_BODY = 16 * 1024 * 1024
#: The most records one page of the register list holds.
MAX_PAGE = 1000

_log = logging.getLogger("ispcheck.service")
_encode = msgspec.json.Encoder().encode


@dataclass
class ServiceConfig:
    """What one service process serves."""

    checker: Checker
    keys: KeyStore
    register: str | None = None
    max_body: int = MAX_BODY
    max_batch_body: int = MAX_BATCH_BODY
    register_workers: int | None = None
    durable: bool = True


@dataclass
class _State:
    config: ServiceConfig
    gateway: RegisterGateway | None
    metrics: Metrics = field(default_factory=Metrics)
    headers: dict[str, str] = field(default_factory=dict)
    #: The same, encoded once for every answer (the pack's headers and no caching).
    raw_headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    stopping: bool = False


class _Refusal(Exception):
    """An answer other than 200, with its body: raised anywhere in a handler."""

    def __init__(self, status: int, error: str, message: str, **more: Any) -> None:
        super().__init__(message)
        self.status = status
        self.body = {"error": error, "message": message, **more}


def _bad_request(problems: list[Problem]) -> _Refusal:
    """Query parameters that are not what the route takes."""
    return _Refusal(
        422,
        "invalid_request",
        "The request's parameters are not valid, so nothing was done.",
        problems=[{"path": p.path, "message": p.message} for p in problems],
    )


def _problems(problems: list[Problem]) -> _Refusal:
    return _Refusal(
        422,
        "invalid_disclosure",
        "The disclosure does not meet the contract, so nothing was decided: do not share.",
        problems=[{"path": p.path, "message": p.message} for p in problems],
    )


Handler = Callable[[Request, "_State", ApiKey | None, dict[str, Any]], Awaitable[Any]]


def create_app(config: ServiceConfig) -> Starlette:
    """The ASGI application for ``config`` (run it with any ASGI server; ``ispcheck serve`` does)."""
    gateway = (
        RegisterGateway(config.register, workers=config.register_workers, durable=config.durable)
        if (config.register)
        else None
    )
    state = _State(config, gateway)
    pack = config.checker.pack
    state.headers = {
        "x-ispcheck-pack": pack.name,
        "x-ispcheck-pack-version": pack.version,
        "x-ispcheck-pack-revision": pack_revision(pack),
        "cache-control": "no-store",
    }
    state.raw_headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in state.headers.items()]
    fixed = {
        "rules": _encode(rules_document(config.checker)),
        "pack": _encode(pack_document(config.checker)),
        "schema": _encode(disclosure_schema()),
        "openapi": _encode(openapi_document(config.checker)),
    }

    def route(path: str, **by_method: tuple[str, str | None, Handler]) -> Route:
        """One path, with a handler (its name for logs and metrics, and its scope) per method."""

        async def endpoint(request: Request) -> Response:
            method = "GET" if request.method == "HEAD" else request.method
            name, scope, handler = by_method[method]
            return await _answer(request, state, name, scope, handler)

        return Route(path, endpoint, methods=list(by_method))

    def serve_fixed(key: str) -> Handler:
        async def handler(
            request: Request, state: _State, api_key: ApiKey | None, log: dict[str, Any]
        ) -> Any:
            return _Raw(fixed[key])

        return handler

    routes = [
        route("/v1/decisions", POST=("decide", "decide", _decide)),
        route("/v1/decisions/batch", POST=("decide_batch", "decide", _decide_batch)),
        route("/v1/facts-that-matter", POST=("facts_that_matter", "decide", _facts_that_matter)),
        route(
            "/v1/register",
            POST=("record", "record", _record),
            GET=("register_list", "register:read", _register_list),
        ),
        route("/v1/register/verify", GET=("register_verify", "register:read", _register_verify)),
        route("/v1/register/{record_id}", GET=("register_get", "register:read", _register_get)),
        route("/v1/rules", GET=("rules", "decide", serve_fixed("rules"))),
        route("/v1/pack", GET=("pack", "decide", serve_fixed("pack"))),
        route("/v1/schema", GET=("schema", "decide", serve_fixed("schema"))),
        route("/v1/partners", GET=("partners", "decide", _partners)),
        route("/openapi.json", GET=("openapi", None, serve_fixed("openapi"))),
        route("/health/live", GET=("live", None, _live)),
        route("/health/ready", GET=("ready", None, _ready)),
        route("/metrics", GET=("metrics", None, _metrics)),
    ]

    @asynccontextmanager
    async def lifespan(app: Starlette) -> Any:
        _log.info({"event": "started", "pack": pack.name, "version": pack.version})
        try:
            yield
        finally:
            state.stopping = True
            if gateway is not None:
                await gateway.close()  # flush what is queued: no acknowledged record is lost
            _log.info({"event": "stopped"})

    async def no_such_route(request: Request, exc: Exception) -> Response:
        status = getattr(exc, "status_code", 404)
        body = {
            "error": "not_found" if status == 404 else "method_not_allowed",
            "message": f"There is no {request.method} {request.url.path}: see /openapi.json.",
        }
        headers = {**state.headers, **(getattr(exc, "headers", None) or {})}  # Allow, on a 405
        response = Response(_encode(body), status, headers=headers, media_type="application/json")
        state.metrics.answered("unknown", status, 0.0)
        return response

    return Starlette(
        routes=routes, lifespan=lifespan, exception_handlers={404: no_such_route, 405: no_such_route}
    )


class _Raw:
    """A body already encoded as JSON."""

    def __init__(self, body: bytes, media_type: str = "application/json") -> None:
        self.body = body
        self.media_type = media_type


_JSON = b"application/json"


class _Answer(Response):
    """A response whose headers were encoded once, when the service started.

    Starlette's ``Response`` builds and encodes its headers on every answer; at thousands of
    decisions a second that is worth skipping. What is sent is the same.
    """

    def __init__(
        self,
        body: bytes,
        status: int,
        state: _State,
        media_type: bytes = _JSON,
        extra: tuple[tuple[bytes, bytes], ...] = (),
    ) -> None:
        self.body = body
        self.status_code = status
        self.background = None
        self.raw_headers = [
            *state.raw_headers,
            *extra,
            (b"content-type", media_type),
            (b"content-length", str(len(body)).encode("latin-1")),
        ]


async def _answer(
    request: Request, state: _State, name: str, scope: str | None, handler: Handler
) -> Response:
    """Authorise, run the handler, turn every failure into its documented answer, log, count."""
    started = time.perf_counter()
    log: dict[str, Any] = {"event": "request", "route": name}
    api_key: ApiKey | None = None
    try:
        if scope is not None:
            api_key = _authorise(request, state.config.keys, scope)
            log["key"] = api_key.name
        result = await handler(request, state, api_key, log)
        if isinstance(result, _Raw):
            response: Response = _Answer(result.body, 200, state, result.media_type.encode("latin-1"))
        else:
            response = _Answer(_encode(result), 200, state)
    except _Refusal as refusal:
        challenge = ((b"www-authenticate", b'Bearer realm="ispcheck"'),) if refusal.status == 401 else ()
        response = _Answer(_encode(refusal.body), refusal.status, state, extra=challenge)
        log["error"] = refusal.body["error"]
        log.pop("outcome", None)
    except Exception as exc:  # a fault in ispcheck: 500, never an outcome
        log.pop("outcome", None)
        log["error"] = "internal_error"
        log["fault"] = type(exc).__name__
        _log.error({"event": "fault", "route": name}, exc_info=True)
        body = {
            "error": "internal_error",
            "message": "ispcheck could not answer because of a fault in ispcheck. Nothing was decided or "
            "recorded: do not share, and ask for the fault to be fixed.",
        }
        response = _Answer(_encode(body), 500, state)
    seconds = time.perf_counter() - started
    state.metrics.answered(name, response.status_code, seconds)
    log["status"] = response.status_code
    log["ms"] = round(seconds * 1000, 3)
    if _log.isEnabledFor(logging.INFO):
        _log.info(log)
    return response


def _authorise(request: Request, keys: KeyStore, scope: str) -> ApiKey:
    header = request.headers.get("authorization", "")
    kind, _, token = header.partition(" ")
    if kind.lower() != "bearer" or not token.strip():
        raise _Refusal(401, "unauthorised", "Give your key as 'Authorization: Bearer KEY'.")
    key = keys.authenticate(token.strip())
    if key is None:
        raise _Refusal(401, "unauthorised", "That key is not known or has been revoked.")
    if not key.allows(scope):
        raise _Refusal(403, "forbidden", f"The key {key.name} may not do this: it needs the scope {scope}.")
    return key


async def _raw_body(request: Request, limit: int) -> bytes:
    """The body's bytes, refusing more than ``limit`` before reading them all."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    raw = b"".join(chunks)
    if not raw.strip():
        raise _Refusal(400, "malformed_json", "The body is empty: send the disclosure as JSON.")
    return raw


def _parsed(raw: bytes) -> Any:
    """The JSON in ``raw``, refusing text that is not JSON, or has a key given twice."""
    try:
        return read_json(raw, source="the body")
    except DisclosureError as exc:  # a key given twice, or nesting too deep: bad input, named
        raise _problems(exc.problems) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise _Refusal(400, "malformed_json", f"The body is not JSON in UTF-8: {exc}") from None


async def _body(request: Request, limit: int) -> Any:
    """The JSON body, refusing one over ``limit`` bytes, unreadable, or with a key given twice."""
    return _parsed(await _raw_body(request, limit))


def _too_large(limit: int) -> _Refusal:
    return _Refusal(413, "too_large", f"The body is over {limit:,} bytes, so it was not read.")


def _decision(checker: Checker, data: Any) -> Decision:
    """Decide one disclosure read from JSON (raises ``_Refusal`` for bad input)."""
    if not isinstance(data, dict):
        raise _problems([Problem("", "a disclosure is a JSON object")])
    try:
        return checker.check(data)
    except DisclosureError as exc:
        raise _problems(exc.problems) from None


def _decided(checker: Checker, data: Any, log: dict[str, Any] | None = None) -> dict[str, Any]:
    """Decide one disclosure: the decision record with its id (raises ``_Refusal`` for bad input)."""
    return _answered(_decision(checker, data), log)


def _answered(decision: Decision, log: dict[str, Any] | None) -> dict[str, Any]:
    answer = {"decision_id": os.urandom(16).hex(), **decision.to_dict()}
    if log is not None:
        log["decision_id"] = answer["decision_id"]
        log["outcome"] = answer["outcome"]
        log["rules"] = [f["rule_id"] for f in answer["findings"] if f["effect"] != "advice"]
    return answer


async def _decide(request: Request, state: _State, key: ApiKey | None, log: dict[str, Any]) -> Any:
    raw = await _raw_body(request, state.config.max_body)
    try:
        # The fast reader: msgspec, with a count that rules out a key given twice. Anything it
        # cannot vouch for goes to the strict reader below, which names every problem.
        view = view_of_json(raw)
    except (ValidationError, DisclosureError):
        answer = _decided(state.config.checker, _parsed(raw), log)
    else:
        answer = _answered(state.config.checker.decide(view), log)
    state.metrics.decided(answer["outcome"])
    return answer


async def _decide_batch(request: Request, state: _State, key: ApiKey | None, log: dict[str, Any]) -> Any:
    data = await _body(request, state.config.max_batch_body)
    items = data.get("disclosures") if isinstance(data, dict) else None
    if not isinstance(items, list) or set(data) != {"disclosures"}:
        raise _problems([Problem("disclosures", 'send {"disclosures": [...]}, a list of disclosures')])
    if len(items) > MAX_BATCH:
        raise _problems(
            [Problem("disclosures", f"a batch holds at most {MAX_BATCH:,} disclosures, not {len(items):,}")]
        )
    results: list[dict[str, Any]] = []
    for index, item in enumerate(items):
        try:
            answer = _decided(state.config.checker, item)
        except _Refusal as refusal:
            results.append(
                {"index": index, "error": refusal.body["error"], "problems": refusal.body["problems"]}
            )
            continue
        state.metrics.decided(answer["outcome"])
        results.append({"index": index, **answer})
    log["batch"] = len(items)
    return {"results": results}


async def _facts_that_matter(request: Request, state: _State, key: ApiKey | None, log: dict[str, Any]) -> Any:
    from ..sensitivity import facts_that_matter

    data = await _body(request, state.config.max_body)
    answer = _decided(state.config.checker, data, log)  # validates it first
    return {
        "decision_id": answer["decision_id"],
        "outcome": answer["outcome"],
        "facts_that_matter": facts_that_matter(state.config.checker, data),
    }


async def _record(request: Request, state: _State, key: ApiKey | None, log: dict[str, Any]) -> Any:
    gateway = _gateway(state)
    data = await _body(request, state.config.max_body)
    decision = _decision(state.config.checker, data)
    decided_by = request.headers.get("x-ispcheck-decided-by") or None
    assert key is not None
    try:
        stored = await gateway.record(data, decision, decided_by=decided_by, recorded_by=key.name)
    except RegisterUnavailable as exc:
        state.metrics.register_failures += 1
        raise _unavailable(str(exc)) from None
    state.metrics.register_appends += 1
    state.metrics.decided(decision.outcome.value)
    log.update(record_id=stored.id, outcome=decision.outcome.value)
    return {"record_id": stored.id, "hash": stored.hash, "recorded_at": stored.recorded_at, **stored.decision}


def _gateway(state: _State) -> RegisterGateway:
    if state.gateway is None:
        raise _unavailable("this service was started without a register (--register)")
    if state.stopping:
        raise _unavailable("the service is stopping")
    return state.gateway


def _unavailable(why: str) -> _Refusal:
    return _Refusal(
        503,
        "register_unavailable",
        f"The decision was not recorded, so it must not be relied on: {why}. Try again shortly.",
    )


def _stored(record: Any) -> dict[str, Any]:
    found: dict[str, Any] = record.to_dict()
    return found


async def _register_get(request: Request, state: _State, key: ApiKey | None, log: dict[str, Any]) -> Any:
    text = request.path_params["record_id"]
    if not text.isdigit() or len(text) > 18:
        raise _Refusal(404, "not_found", f"There is no record {text!r}: record ids are whole numbers.")
    try:
        record = await _gateway(state).get(int(text))
    except RegisterUnavailable as exc:
        raise _unavailable(str(exc)) from None
    if record is None:
        raise _Refusal(404, "not_found", f"There is no record {text} in the register.")
    log["record_id"] = record.id
    return _stored(record)


async def _register_list(request: Request, state: _State, key: ApiKey | None, log: dict[str, Any]) -> Any:
    query = request.query_params
    unknown = sorted(set(query) - {"limit", "before", "outcome"})
    if unknown:
        raise _bad_request(
            [Problem(name, "not a filter of the register list (limit, before, outcome)") for name in unknown]
        )
    limit = _whole(query.get("limit", "50"), "limit", 1, MAX_PAGE)
    before = _whole(query["before"], "before", 1, 10**18) if "before" in query else None
    outcome = query.get("outcome")
    if outcome is not None and outcome not in ("share", "share_with_conditions", "refer", "do_not_share"):
        raise _bad_request([Problem("outcome", "one of share, share_with_conditions, refer, do_not_share")])
    try:
        records = await _gateway(state).newest(limit=limit, before=before, outcome=outcome)
    except RegisterUnavailable as exc:
        raise _unavailable(str(exc)) from None
    return {
        "records": [_stored(r) for r in records],
        "next_before": records[-1].id if len(records) == limit else None,
    }


def _whole(text: str, name: str, low: int, high: int) -> int:
    if not text.isdigit() or not low <= int(text) <= high:
        raise _bad_request([Problem(name, f"a whole number from {low:,} to {high:,}")])
    return int(text)


async def _register_verify(request: Request, state: _State, key: ApiKey | None, log: dict[str, Any]) -> Any:
    expect: dict[int, str] = {}
    for value in request.query_params.getlist("expect"):
        number, _, digest = value.partition(":")
        if not number.isdigit() or len(digest) != 64:
            raise _bad_request(
                [Problem("expect", "ID:HASH, a record id and the 64-character hash written down for it")]
            )
        expect[int(number)] = digest.lower()
    try:
        verification = await _gateway(state).verify(expect)
    except RegisterUnavailable as exc:
        raise _unavailable(str(exc)) from None
    found: dict[str, Any] = verification.to_dict()
    return found


async def _partners(request: Request, state: _State, key: ApiKey | None, log: dict[str, Any]) -> Any:
    return partners_document(state.config.checker.pack, request.query_params.get("name", ""))


async def _live(request: Request, state: _State, key: ApiKey | None, log: dict[str, Any]) -> Any:
    return {"live": True}


async def _ready(request: Request, state: _State, key: ApiKey | None, log: dict[str, Any]) -> Any:
    reasons = []
    if state.stopping:
        reasons.append("the service is stopping")
    broken = state.config.checker.broken_plugins
    if broken:
        reasons.append("rule plugins could not be used: " + ", ".join(b.name for b in broken))
    if state.gateway is not None and not state.stopping:
        try:
            await state.gateway.head()
        except RegisterUnavailable as exc:
            reasons.append(f"the register cannot be reached: {exc}")
    if reasons:
        raise _Refusal(503, "not_ready", "; ".join(reasons), ready=False)
    return {"ready": True, "pack": state.config.checker.pack.name, "register": state.gateway is not None}


async def _metrics(request: Request, state: _State, key: ApiKey | None, log: dict[str, Any]) -> Any:
    return _Raw(state.metrics.text().encode("utf-8"), "text/plain; version=0.0.4")
