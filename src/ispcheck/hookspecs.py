"""The hooks a rule plugin may implement. This module is the whole plugin contract.

Write a plugin as a module (or object) with functions decorated by ``ispcheck.hookimpl`` and named
exactly as below; register it through the ``ispcheck.rules`` entry-point group. A function whose
name starts with ``ispcheck_`` but matches no hook here is an error, so a misspelling fails loudly.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from .decision import Obligation
    from .pack import Pack
    from .rule import Rule

__all__ = ["PROJECT", "hookimpl", "hookspec", "ispcheck_obligations", "ispcheck_rules"]

PROJECT = "ispcheck"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def ispcheck_rules(pack: Pack) -> Sequence[Rule]:
    """Return the rules this plugin adds for ``pack``.

    Called once per plugin when a ``Checker`` is built, never per decision: the engine keeps the
    rules and runs them itself. Every implementation is called (not first-result); the rules of all
    plugins are pooled. Each rule's ``id`` must be unique across plugins and each clause it cites
    must exist in ``pack.clauses``, and each gate (``when``, and each variant's) must name facts and
    values that exist (:data:`ispcheck.gates.FACT_DOMAINS`), and no two variants of a rule may be
    able to hold at once, or the plugin is rejected. Build anything that depends on pack data
    (settings, partners) here, once.

    Return an empty sequence when the pack is not one the plugin knows (``pack.name``).
    """
    raise NotImplementedError


@hookspec
def ispcheck_obligations(pack: Pack) -> Sequence[Obligation]:
    """Return standing obligations to add to every personal-data decision made with ``pack``.

    Called once per plugin when a ``Checker`` is built. Every implementation is called; results
    follow the pack's own obligations in plugin order. Each obligation's clauses must exist in the
    pack. Use this for duties a partnership adds locally (for example, a case-system note).
    """
    raise NotImplementedError
