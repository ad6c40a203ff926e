"""Evidential support (§3, §5): the grounded-support set W and the support cycles."""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping

from argmap.analysis.graphs import MapIndex, strongly_connected
from argmap.model import ArgumentMap

__all__ = ["cycle_path", "grounded_support", "support_cycles", "support_successors"]


def grounded_support(m: ArgumentMap, index: MapIndex) -> dict[str, str | None]:
    """W, the statements with a support tree ending in evidence or assumptions.

    Horn forward chaining (Dowling & Gallier 1984), linear in the size of the map. The
    result maps each member of W to its witness: the reason that first grounded it, or
    ``None`` for a basis statement.
    """
    missing = {r.id: len(r.premises) for r in m.reasons.values()}
    queue: deque[tuple[str, str | None]] = deque(
        (s, None) for s in m.statements if s in index.basis
    )
    grounded: dict[str, str | None] = {}
    while queue:
        statement, witness = queue.popleft()
        if statement in grounded:
            continue
        grounded[statement] = witness
        for user in index.users_of(statement):
            if user in missing:
                missing[user] -= 1
                if missing[user] == 0:
                    queue.append((m.reasons[user].target, user))
    return grounded


def support_successors(m: ArgumentMap) -> dict[str, list[str]]:
    """The support graph: an edge premise → target for every premise of every reason."""
    successors: dict[str, list[str]] = {}
    for reason in m.reasons.values():
        for premise in reason.premises:
            successors.setdefault(premise, []).append(reason.target)
    return successors


def support_cycles(m: ArgumentMap, successors: Mapping[str, list[str]]) -> list[tuple[str, ...]]:
    """Strongly connected components of the support graph that contain a cycle.

    A component counts when it has two or more statements or a reason supports its own
    premise. Members and components are in source order.
    """
    position = {id: n for n, id in enumerate(m.statements)}
    self_loops = {r.target for r in m.reasons.values() if r.target in r.premises}
    # Every statement of a cycle is the target of a reason, and every edge leads to one: the
    # search starts from the targets only (at 10 000 statements, fewer than a third).
    targets = {r.target for r in m.reasons.values()}
    cycles = [
        tuple(sorted(component, key=position.__getitem__))
        for component in strongly_connected([s for s in m.statements if s in targets], successors)
        if len(component) > 1 or component[0] in self_loops
    ]
    return sorted(cycles, key=lambda cycle: position[cycle[0]])


def cycle_path(m: ArgumentMap, index: MapIndex, members: tuple[str, ...]) -> list[tuple[str, str]]:
    """One concrete loop through the first member of a support cycle.

    Returns ``(statement, reason)`` steps: each statement is a premise of the reason, and
    the reason's target is the next statement (the last one leads back to the first).
    Breadth-first inside the component, so the loop is a shortest one.
    """
    inside = set(members)
    start = members[0]
    came_from: dict[str, tuple[str, str]] = {}
    queue = deque([start])
    while queue:
        statement = queue.popleft()
        for user in index.users_of(statement):
            reason = m.reasons.get(user)
            if reason is None or reason.target not in inside:
                continue
            if reason.target == statement and len(members) > 1:
                continue  # a self-loop; show the circle through the other members
            if reason.target == start:
                return _unwind(came_from, start, (statement, reason.id))
            if reason.target not in came_from:
                came_from[reason.target] = (statement, reason.id)
                queue.append(reason.target)
    return []


def _unwind(
    came_from: dict[str, tuple[str, str]], start: str, last: tuple[str, str]
) -> list[tuple[str, str]]:
    steps = [last]
    while steps[-1][0] != start:
        steps.append(came_from[steps[-1][0]])
    return steps[::-1]
