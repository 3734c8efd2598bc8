"""The service as an ASGI application built from the environment, for any ASGI server.

``ispcheck serve`` is the usual way to run the service. Where an operator runs it under their own
ASGI server or process manager instead (several worker processes, say), point the server at
``ispcheck.service.asgi:app_from_environment`` as a factory; it reads the same settings from:

- ``ISPCHECK_KEYS``: the keys file (required);
- ``ISPCHECK_REGISTER``: the register, a SQLite path or ``postgresql://…`` (optional);
- ``ISPCHECK_PACK``: the pack name or folder (default: the shipped pack);
- ``ISPCHECK_NO_PLUGINS=1``: leave installed rule plugins out.
"""

from __future__ import annotations

import os

from starlette.applications import Starlette

from ..engine import Checker
from ..pack import DEFAULT_PACK
from .app import ServiceConfig, create_app
from .keys import KeysFileError, KeyStore

__all__ = ["app_from_environment"]


def app_from_environment() -> Starlette:
    """The service configured by the environment (raises ``KeysFileError`` without keys)."""
    keys_file = os.environ.get("ISPCHECK_KEYS")
    if not keys_file:
        raise KeysFileError("set ISPCHECK_KEYS to the keys file (make one with `ispcheck keys add`)")
    checker = Checker(
        os.environ.get("ISPCHECK_PACK") or DEFAULT_PACK,
        use_entry_points=os.environ.get("ISPCHECK_NO_PLUGINS") != "1",
    )
    config = ServiceConfig(
        checker=checker, keys=KeyStore.load(keys_file), register=os.environ.get("ISPCHECK_REGISTER") or None
    )
    return create_app(config)
