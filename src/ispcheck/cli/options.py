"""Options several commands share, defined once so they read the same everywhere."""

from __future__ import annotations

import argparse

__all__ = ["add_pack_options"]


def add_pack_options(p: argparse.ArgumentParser, *, plugins: bool = True) -> None:
    """``--pack`` (and, where rules run, ``--no-plugins``)."""
    p.add_argument("--pack", default=None, help="pack name or folder (default: warwickshire-csp)")
    if plugins:
        p.add_argument(
            "--no-plugins",
            action="store_true",
            help="use only the built-in rules, ignoring installed rule plugins",
        )
