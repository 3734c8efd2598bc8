"""Errors a user or integrator can act on. Each carries every problem found, not just the first."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DisclosureError", "IspcheckError", "PackError", "PluginError", "Problem"]


class IspcheckError(Exception):
    """Base class: anything ispcheck raises on purpose."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input, located by a dotted path such as ``consent.status``."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class DisclosureError(IspcheckError, ValueError):
    """The disclosure does not follow the contract; no decision can be made from it."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"the disclosure is not valid ({len(problems)} problem(s)):\n{lines}")


class PackError(IspcheckError):
    """A protocol pack is malformed. Each problem names the file and the entry."""

    def __init__(self, pack: str, problems: list[str]) -> None:
        self.pack = pack
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"the protocol pack {pack!r} is not valid:\n{lines}")


class PluginError(IspcheckError):
    """A rule plugin cannot be used. The message names the plugin and the hook."""

    def __init__(self, plugin: str, problem: str) -> None:
        self.plugin = plugin
        self.problem = problem
        super().__init__(f"rule plugin {plugin!r}: {problem}")
