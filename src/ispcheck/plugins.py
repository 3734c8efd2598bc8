"""Finding and registering rule plugins, the way pytest does.

Built-in rule sets are ordinary plugins listed in :data:`BUILTIN_RULESETS` and registered exactly as
a third-party one would be. Third-party rule sets come through the ``ispcheck.rules`` entry-point
group. A plugin that cannot be loaded is never dropped silently: an explicitly passed plugin raises
:class:`PluginError`; an installed (entry-point) one is kept as a :class:`BrokenPlugin`, and every
decision then carries a ``refer`` finding that names it.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.metadata import entry_points
from types import ModuleType

import pluggy

from . import hookspecs
from .errors import PluginError

__all__ = [
    "BUILTIN_RULESETS",
    "ENTRY_POINT_GROUP",
    "BrokenPlugin",
    "LoadedPlugins",
    "make_plugin_manager",
]

ENTRY_POINT_GROUP = "ispcheck.rules"

#: The built-in rule sets, in the order their findings are reported.
BUILTIN_RULESETS: tuple[str, ...] = tuple(
    f"ispcheck.rulesets.{name}"
    for name in (
        "urgent",
        "parties",
        "purpose",
        "lawful_basis",
        "consent",
        "necessity",
        "accuracy",
        "handling",
        "onward",
        "investigations",
        "children",
        "international",
        "settings",
        "unknown_facts",
        "governance",
    )
)


@dataclass(frozen=True, slots=True)
class BrokenPlugin:
    """An installed plugin that could not be used, and why."""

    name: str
    problem: str


@dataclass(frozen=True, slots=True)
class LoadedPlugins:
    manager: pluggy.PluginManager
    broken: tuple[BrokenPlugin, ...]
    #: Names of the plugins that came through the entry-point group.
    installed: frozenset[str]


def make_plugin_manager(plugins: Iterable[object] = (), *, use_entry_points: bool = True) -> LoadedPlugins:
    """A fresh plugin manager with the built-in rule sets, ``plugins`` and installed plugins.

    No state is shared between managers, so two checkers with different plugins never meet.
    """
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    for module_name in BUILTIN_RULESETS:
        _register(manager, importlib.import_module(module_name), module_name)
    for plugin in plugins:
        _register(manager, plugin, _name_of(plugin))
    broken: list[BrokenPlugin] = []
    installed: set[str] = set()
    if use_entry_points:
        for point in entry_points(group=ENTRY_POINT_GROUP):
            name = f"{point.name} ({point.value})"
            try:
                _register(manager, point.load(), name)
                installed.add(name)
            except BaseException as exc:  # any failure to load, sys.exit() included: visible, not fatal
                broken.append(BrokenPlugin(name, _describe(exc)))
    return LoadedPlugins(manager, tuple(broken), frozenset(installed))


def _register(manager: pluggy.PluginManager, plugin: object, name: str) -> None:
    if manager.is_registered(plugin) or manager.has_plugin(name):
        raise PluginError(name, "is registered twice")
    try:
        manager.register(plugin, name=name)
        manager.check_pending()
    except pluggy.PluginValidationError as exc:
        if manager.is_registered(plugin):
            manager.unregister(plugin)
        raise PluginError(name, _describe(exc)) from exc
    if not manager.get_hookcallers(plugin):
        manager.unregister(plugin)
        raise PluginError(name, "implements no ispcheck hook (did you forget @hookimpl?)")


def _name_of(plugin: object) -> str:
    if isinstance(plugin, ModuleType):
        return plugin.__name__
    return getattr(plugin, "__name__", None) or f"{type(plugin).__qualname__}@{id(plugin):x}"


def _describe(exc: BaseException) -> str:
    if isinstance(exc, PluginError):
        return exc.problem
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}".rstrip(": ")
