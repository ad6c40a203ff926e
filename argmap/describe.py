"""Plain-words names for the elements of a map, as findings and explanations print them.

An element written without an id has a made-up one (``claim#1``); these names never show
it: such a statement is ``the claim on line 12``.
"""

from __future__ import annotations

from collections.abc import Sequence

from argmap.model import ArgumentMap

__all__ = ["describe", "mention", "quoted_list"]


def describe(m: ArgumentMap, id: str) -> str:
    """``claim "a"``, ``reason "r1"``, or for an element without an id ``the reason for claim
    "t"``, ``the claim on line 12``."""
    statement = m.statements.get(id)
    if statement is not None:
        if not statement.named:
            return f"the {statement.kind.value} on line {m.span(statement).line}"
        return f'{statement.kind.value} "{id}"'
    inference = m.inference(id)
    if inference is None:
        return f'"{id}"'
    kind = "reason" if id in m.reasons else "objection"
    if inference.named:
        return f'{kind} "{id}"'
    link = "for" if kind == "reason" else "to"
    target = m.inference(inference.target)
    if target is not None and not target.named:
        target_kind = "reason" if target.id in m.reasons else "objection"
        return f"the {kind} {link} the {target_kind} on line {m.span(target).line}"
    return f"the {kind} {link} {describe(m, inference.target)}"


def mention(m: ArgumentMap, id: str) -> str:
    """An element as a message quotes it: ``"a"``, or as :func:`describe` names it when it was
    written without an id (``the claim on line 12``)."""
    element = m.statements.get(id) or m.inference(id)
    if element is not None and not element.named:
        return describe(m, id)
    return f'"{id}"'


def quoted_list(m: ArgumentMap, ids: Sequence[str], limit: int = 6) -> str:
    """``"a"``, ``"a" and "b"``, ``"a", "b" and "c"``, cut after ``limit`` with "and N more";
    a statement without an id as :func:`mention` names it."""
    shown = [mention(m, id) for id in ids[:limit]]
    if len(ids) > limit:
        shown.append(f"{len(ids) - limit} more")
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + " and " + shown[-1]
