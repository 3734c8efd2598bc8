"""ispcheck: a community safety information sharing protocol as cited, tested rules.

Case systems call :func:`check`; plugin authors need only ``from ispcheck import hookimpl, rule``
(and ``gated_rule`` for a rule that is all data, with ``Variant`` for its variants).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .decision import Condition, Decision, Effect, Finding, Obligation, Outcome
from .engine import Checker, check
from .errors import DisclosureError, IspcheckError, PackError, PluginError, Problem
from .hookspecs import hookimpl
from .pack import Pack, load_pack
from .rule import Facts, Rule, Variant, gated_rule, rule
from .view import DisclosureView, view_of

if TYPE_CHECKING:
    from .audit import Audit
    from .disclosure import Disclosure
    from .register import Register, RegisterError
    from .sensitivity import facts_that_matter
    from .validation import parse_disclosure, parse_disclosure_text

__version__ = "0.1.0"

#: Imported on first use, so that ``import ispcheck`` (and ``ispcheck check``) stays quick: the
#: contract models are built only when something needs them (bad input, a model, a schema).
_LAZY = {
    "Audit": "audit",
    "Disclosure": "disclosure",
    "Register": "register",
    "RegisterError": "register",
    "facts_that_matter": "sensitivity",
    "parse_disclosure": "validation",
    "parse_disclosure_text": "validation",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'ispcheck' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f".{module}", __name__), name)


__all__ = [
    "Audit",
    "Checker",
    "Condition",
    "Decision",
    "Disclosure",
    "DisclosureError",
    "DisclosureView",
    "Effect",
    "Facts",
    "Finding",
    "IspcheckError",
    "Obligation",
    "Outcome",
    "Pack",
    "PackError",
    "PluginError",
    "Problem",
    "Register",
    "RegisterError",
    "Rule",
    "Variant",
    "__version__",
    "check",
    "facts_that_matter",
    "gated_rule",
    "hookimpl",
    "load_pack",
    "parse_disclosure",
    "parse_disclosure_text",
    "rule",
    "view_of",
]
