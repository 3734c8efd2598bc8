"""ispcheck: the Warwickshire Community Safety Information Sharing Protocol as cited, tested rules.

Case systems call :func:`check`; plugin authors need only ``from ispcheck import hookimpl, rule``.
"""

from __future__ import annotations

from .decision import Condition, Decision, Effect, Finding, Obligation, Outcome
from .disclosure import Disclosure
from .engine import Checker, check
from .errors import DisclosureError, IspcheckError, PackError, PluginError, Problem
from .hookspecs import hookimpl
from .pack import Pack, load_pack
from .rule import Facts, Rule, rule
from .sensitivity import facts_that_matter
from .validation import parse_disclosure, parse_disclosure_text

__version__ = "0.1.0"

__all__ = [
    "Checker",
    "Condition",
    "Decision",
    "Disclosure",
    "DisclosureError",
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
    "Rule",
    "__version__",
    "check",
    "facts_that_matter",
    "hookimpl",
    "load_pack",
    "parse_disclosure",
    "parse_disclosure_text",
    "rule",
]
