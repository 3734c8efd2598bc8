"""The decision service: ispcheck over HTTP for case systems that are not Python.

Import :func:`create_app` from :mod:`ispcheck.service.app` (it needs the ``service`` extra:
Starlette and an ASGI server); the keys alone need nothing beyond ispcheck.
"""
