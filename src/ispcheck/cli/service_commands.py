"""``ispcheck serve`` and ``ispcheck keys``: the decision service, and the keys that reach it.

Thin, as every command is: the service is :func:`ispcheck.service.app.create_app`, the keys
:class:`ispcheck.service.keys.KeyStore`. A key is printed once, when it is made; only its hash is
kept.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .options import EXIT_BAD_INPUT, EXIT_OK, add_pack_options, build_checker, print_error, print_json

if TYPE_CHECKING:
    from ..service.keys import KeyStore

KEYS_ENV = "ISPCHECK_KEYS"
#: A command: parsed arguments in, exit status out.
Command = Callable[[argparse.Namespace], int]


def add_commands(subparsers: Any) -> None:
    serve = subparsers.add_parser(
        "serve",
        help="Run the decision service (HTTP and JSON) for case systems that are not Python.",
        description=(
            "Run the decision service: POST a disclosure to /v1/decisions for a decision, to "
            "/v1/register to decide and record it. Every /v1 call needs 'Authorization: Bearer KEY' "
            "(make keys with `ispcheck keys add`). Treat any answer but 200 as 'do not share'. "
            "SIGTERM stops it gracefully: it finishes what is in flight and flushes the register."
        ),
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8080, help="port to listen on (default: 8080)")
    serve.add_argument(
        "--register",
        metavar="URL",
        default=None,
        help="the decision register: a SQLite file path, or postgresql://… to share one between "
        "servers (default: $ISPCHECK_REGISTER; without either, recording answers 503)",
    )
    serve.add_argument(
        "--keys", metavar="FILE", default=None, help=f"the keys file (default: ${KEYS_ENV}); required"
    )
    serve.add_argument("--tls-cert", metavar="FILE", default=None, help="serve HTTPS with this certificate")
    serve.add_argument("--tls-key", metavar="FILE", default=None, help="and this private key")
    serve.add_argument(
        "--max-body", type=int, default=1024 * 1024, help="largest request body in bytes (default: 1 MiB)"
    )
    serve.add_argument(
        "--quiet", action="store_true", help="log only faults, not a line per request (for benchmarks)"
    )
    add_pack_options(serve)
    serve.set_defaults(func=_serve)

    keys = subparsers.add_parser(
        "keys",
        help="Make, list and revoke the service's keys.",
        description="Make, list and revoke the keys a case system uses to call `ispcheck serve`.",
    )
    actions = keys.add_subparsers(dest="keys_command", required=True, metavar="ACTION")

    def action(name: str, text: str) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = actions.add_parser(name, help=text, description=text)
        p.add_argument("--keys", metavar="FILE", default=None, help=f"the keys file (default: ${KEYS_ENV})")
        p.add_argument(
            "--format", choices=("text", "json"), default="text", help="text for people, json for machines"
        )
        return p

    add = action("add", "Make a key: printed once, stored only as its hash.")
    add.add_argument("name", metavar="NAME", help="who the key is for (a case system), e.g. ecins-live")
    add.add_argument(
        "--scopes",
        required=True,
        help="comma-separated: decide (decide; read rules, partners, schema, pack), record (record in "
        "the register), register:read (read and verify the register)",
    )
    add.set_defaults(func=_keys_add)
    action("list", "List the keys: names, scopes, when made or revoked (never the keys).").set_defaults(
        func=_keys_list
    )
    revoke = action("revoke", "Revoke a key: it stops working when the service next starts.")
    revoke.add_argument("name", metavar="NAME")
    revoke.set_defaults(func=_keys_revoke)


def _keys_file(args: argparse.Namespace) -> Path | None:
    value = args.keys or os.environ.get(KEYS_ENV)
    return Path(value) if value else None


def _keys_command(change: Callable[[argparse.Namespace, KeyStore], int], *, create: bool = False) -> Command:
    """One of the keys commands, with their shared error boundary: no file named, or a bad file."""

    def run(args: argparse.Namespace) -> int:
        from ..service.keys import KeysFileError, KeyStore

        path = _keys_file(args)
        if path is None:
            print_error(args, f"Say where the keys file is: --keys FILE or ${KEYS_ENV}.")
            return EXIT_BAD_INPUT
        try:
            return change(args, KeyStore.load(path, create=create))
        except KeysFileError as exc:
            print_error(args, str(exc))
            return EXIT_BAD_INPUT

    return run


def _add_key(args: argparse.Namespace, store: KeyStore) -> int:
    key = store.add(args.name, args.scopes.split(","))
    store.save()
    made = store.keys[-1]
    if args.format == "json":
        print_json({"name": made.name, "scopes": list(made.scopes), "key": key})
    else:
        print(f"Key for {made.name} ({', '.join(made.scopes)}):\n\n  {key}\n")
        print("It is shown only now: give it to the case system's administrator. The keys file keeps")
        print(f"only its hash ({store.path}). Restart the service for it to take effect.")
    return EXIT_OK


def _list_keys(args: argparse.Namespace, store: KeyStore) -> int:
    if args.format == "json":
        print_json([{k: v for k, v in key.to_dict().items() if k != "sha256"} for key in store.keys])
        return EXIT_OK
    for key in store.keys:
        state = f"revoked {key.revoked_at}" if key.revoked_at else "active"
        print(f"{key.name:<24} {','.join(key.scopes):<30} made {key.created_at}  {state}")
    if not store.keys:
        print("No keys yet: make one with `ispcheck keys add NAME --scopes ...`.")
    return EXIT_OK


def _revoke_key(args: argparse.Namespace, store: KeyStore) -> int:
    revoked = store.revoke(args.name)
    store.save()
    if args.format == "json":
        print_json(revoked.to_dict())
    else:
        print(f"Revoked the key for {revoked.name}. Restart the service for it to take effect.")
    return EXIT_OK


_keys_add = _keys_command(_add_key, create=True)
_keys_list = _keys_command(_list_keys)
_keys_revoke = _keys_command(_revoke_key)


def _serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from ..service.app import ServiceConfig, create_app
    except ImportError as exc:
        print_error(args, f"The service needs the 'service' extra: pip install 'ispcheck[service]' ({exc}).")
        return EXIT_BAD_INPUT
    from ..service.keys import KeysFileError, KeyStore

    path = _keys_file(args)
    if path is None:
        print_error(
            args,
            f"The service needs a keys file: --keys FILE or ${KEYS_ENV} (make one with `ispcheck keys add`).",
        )
        return EXIT_BAD_INPUT
    if bool(args.tls_cert) != bool(args.tls_key):
        print_error(args, "Give both --tls-cert and --tls-key, or neither.")
        return EXIT_BAD_INPUT
    try:
        keys = KeyStore.load(path)
    except KeysFileError as exc:
        print_error(args, str(exc))
        return EXIT_BAD_INPUT
    if not any(k.active for k in keys.keys):
        print_error(args, f"{path} holds no active key: make one with `ispcheck keys add`.")
        return EXIT_BAD_INPUT
    checker = build_checker(args)
    register = args.register or os.environ.get("ISPCHECK_REGISTER") or None
    app = create_app(ServiceConfig(checker=checker, keys=keys, register=register, max_body=args.max_body))
    _log_as_json_lines(quiet=args.quiet)
    config = uvicorn.Config(
        app,
        host=args.host,
        port=args.port,
        log_config=None,
        access_log=False,
        ssl_certfile=args.tls_cert,
        ssl_keyfile=args.tls_key,
        timeout_graceful_shutdown=30,
        server_header=False,
    )
    server = uvicorn.Server(config)
    server.run()  # returns after SIGTERM or SIGINT, once in-flight requests finish and the register flushed
    return EXIT_OK


class _JsonLines(logging.Formatter):
    """One JSON object per line. The service logs dicts of ids, outcome, rules and timings; a fault
    is logged by its type and where it happened, never its message (which might quote the
    disclosure)."""

    def format(self, record: logging.LogRecord) -> str:
        if isinstance(record.msg, dict):
            line: dict[str, Any] = dict(record.msg)
        else:
            line = {"event": "log", "logger": record.name, "message": record.getMessage()}
        line = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname.lower(),
            **line,
        }
        if record.exc_info and record.exc_info[0] is not None:
            import traceback

            frames = traceback.extract_tb(record.exc_info[2])
            line["fault"] = record.exc_info[0].__name__
            if frames:
                line["where"] = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}"
        return json.dumps(line, separators=(",", ":"))


def _log_as_json_lines(*, quiet: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_JsonLines())
    for name in ("ispcheck.service", "uvicorn", "uvicorn.error"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.propagate = False
        logger.setLevel(logging.WARNING if quiet else logging.INFO)
