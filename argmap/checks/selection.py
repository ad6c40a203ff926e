"""Which checks run: ``select`` / ``extend-select`` / ``ignore`` by code, name or prefix.

Layers apply in order (built-in defaults, then ``[tool.argmap]``, then the command line): a
layer's ``select`` replaces the set so far, ``extend-select`` adds to it, ``ignore`` removes
from it. A prefix (``S``, ``S2``) or ``ALL`` stands for the checks that are on by default;
a check that is off by default (a heuristic) runs only when named by its full code or name.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from argmap.checks.base import RuleInfo

__all__ = ["SelectionError", "SelectionLayer", "resolve_selection"]


class SelectionError(ValueError):
    """A selector that names no check; the message says so in plain words."""


@dataclass(frozen=True, slots=True)
class SelectionLayer:
    """One source of settings; ``select=None`` keeps what earlier layers chose."""

    select: Sequence[str] | None = None
    extend_select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    origin: str = "the command line"


def resolve_selection(
    rules: Collection[RuleInfo],
    layers: Iterable[SelectionLayer],
    always: Collection[RuleInfo] = (),
) -> frozenset[str]:
    """The codes of the checks to run; raises :class:`SelectionError` for an unknown selector.

    ``always`` are codes that cannot be selected or ignored (the reader's errors): naming one
    is an error that says so.
    """
    enabled = {r.code for r in rules if r.default_enabled}
    for layer in layers:
        if layer.select is not None:
            enabled = _matching(rules, layer.select, layer.origin, always)
        enabled |= _matching(rules, layer.extend_select, layer.origin, always)
        enabled -= _matching(rules, layer.ignore, layer.origin, always, explicit_only=False)
    return frozenset(enabled)


def _matching(
    rules: Collection[RuleInfo],
    selectors: Iterable[str],
    origin: str,
    always: Collection[RuleInfo],
    explicit_only: bool = True,
) -> set[str]:
    codes: set[str] = set()
    for raw in selectors:
        selector = raw.strip()
        if not selector:
            raise SelectionError(f'an empty text ("") in {origin} names no check; remove it')
        exact = {r.code for r in rules if selector.upper() == r.code or selector.lower() == r.name}
        if exact:
            codes |= exact
            continue
        prefix = "" if selector.upper() == "ALL" else selector.upper()
        by_prefix = {
            r.code
            for r in rules
            if r.code.startswith(prefix) and (r.default_enabled or not explicit_only)
        }
        if not by_prefix and not any(r.code.startswith(prefix) for r in rules):
            raise SelectionError(_unknown(rules, selector, origin, always))
        codes |= by_prefix
    return codes


def _unknown(
    rules: Collection[RuleInfo], selector: str, origin: str, always: Collection[RuleInfo]
) -> str:
    fixed = [r for r in always if r.code.startswith(selector.upper()) or selector.lower() == r.name]
    if fixed:
        if len(fixed) == 1:
            rule, every = fixed[0], f"{min(r.code for r in always)}–{max(r.code for r in always)}"
            what = f"is {rule.code} ({rule.name}), an error of the reader; its errors ({every})"
        else:
            what = f"names errors of the reader ({fixed[0].code}–{fixed[-1].code}), which"
        return (
            f'"{selector}" in {origin} {what} always apply and cannot be selected or ignored, '
            "since no check can run on a map that has them"
        )
    names = [r.code for r in rules] + [r.name for r in rules]
    close = difflib.get_close_matches(selector, names, n=1)
    hint = f' (did you mean "{close[0]}"?)' if close else ""
    return (
        f'"{selector}" in {origin} is not a check code, name or code prefix{hint}; '
        "run `argmap explain` to list the checks"
    )
