"""Running the checks: the registry, selection, suppressions and sorted output.

Check modules register their checks on import; :data:`CHECK_MODULES` lists them in order.
"""

from __future__ import annotations

import importlib
from collections.abc import Collection, Mapping
from types import MappingProxyType

from argmap.checks.base import Check, CheckContext, RuleInfo
from argmap.checks.options import Option, OptionTable, option_tables
from argmap.checks.reader_rules import READER_RULES
from argmap.checks.registry import REGISTRY
from argmap.checks.selection import SelectionError, SelectionLayer, resolve_selection
from argmap.checks.suppress import UNUSED_SUPPRESSION, apply_suppressions
from argmap.diagnostics import Diagnostic, sort_key

__all__ = [
    "CHECK_MODULES",
    "Check",
    "CheckContext",
    "Option",
    "OptionTable",
    "RuleInfo",
    "SelectionError",
    "SelectionLayer",
    "all_rules",
    "default_selection",
    "option_tables_of_checks",
    "run_checks",
    "select_checks",
]

CHECK_MODULES = (
    "argmap.checks.support",
    "argmap.checks.objections",
    "argmap.checks.cycles",
    "argmap.checks.sources",
    "argmap.checks.quotes",
    "argmap.checks.verdict",
    "argmap.checks.texts",
)
"""The modules that define checks, imported (and so registered) in this order."""


def _load() -> Mapping[str, type[Check]]:
    for module in CHECK_MODULES:
        importlib.import_module(module)
    return REGISTRY


def all_rules() -> Mapping[str, RuleInfo]:
    """Every code argmap reports, by code: reader errors, checks and X901, in code order."""
    infos = [*READER_RULES, *(c.info() for c in _load().values()), UNUSED_SUPPRESSION]
    return MappingProxyType({r.code: r for r in sorted(infos, key=lambda r: r.code)})


def option_tables_of_checks() -> Mapping[str, OptionTable]:
    """The tables ``[tool.argmap]`` may hold (one per check, by code and by name, and the
    shared ones), by lower-cased table name."""
    return option_tables((r.code, r.name, r.options) for r in all_rules().values())


def select_checks(layers: Collection[SelectionLayer] = ()) -> frozenset[str]:
    """The codes to run after applying settings layers (raises :class:`SelectionError`)."""
    selectable = [r for r in all_rules().values() if r not in READER_RULES]
    return resolve_selection(selectable, layers, READER_RULES)


def default_selection() -> frozenset[str]:
    """The checks that run when nothing is configured."""
    return select_checks()


def run_checks(ctx: CheckContext, selection: Collection[str] | None = None) -> list[Diagnostic]:
    """Run the selected checks on one map: findings sorted, suppressions applied, X901 added."""
    codes = default_selection() if selection is None else frozenset(selection)
    checks = [cls() for code, cls in _load().items() if code in codes]
    findings = [d for check in checks for d in check.run(ctx)]
    kept, unused = apply_suppressions(
        findings, ctx.map.suppressions, all_rules(), {c.code for c in checks}
    )
    if UNUSED_SUPPRESSION.code in codes:
        kept.extend(unused)
    return sorted(kept, key=sort_key)
