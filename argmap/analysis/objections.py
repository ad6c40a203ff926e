"""Objections (§4): which side each element argues for, and which objections are answered."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping

from argmap.analysis.graphs import MapIndex
from argmap.model import ArgumentMap

__all__ = ["AGAINST", "FOR", "answered_objections", "hostile_objections", "polarity"]

FOR = "+"
AGAINST = "-"
_OPPOSITE = {FOR: AGAINST, AGAINST: FOR}


def polarity(m: ArgumentMap, index: MapIndex, theses: Iterable[str]) -> dict[str, frozenset[str]]:
    """For every statement and inference, the sides it argues for: ``+`` the theses', ``-`` against.

    Breadth-first from the theses (all ``+``) backwards over the dependency graph: a reason
    takes its target's side, an objection the opposite side, a premise its inference's side.
    An element connected to no thesis gets the empty set. Linear: each (element, side) pair
    is visited at most once.
    """
    seen: set[tuple[str, str]] = set()
    queue = deque((thesis, FOR) for thesis in theses)
    while queue:
        node, side = queue.popleft()
        if (node, side) in seen:
            continue
        seen.add((node, side))
        inference = m.inference(node)
        if inference is None:
            queue.extend((reason, side) for reason in index.reasons_of(node))
        else:
            queue.extend((premise, side) for premise in inference.premises)
        queue.extend((objection, _OPPOSITE[side]) for objection in index.attackers_of(node))
    sides: dict[str, set[str]] = {id: set() for id in (*m.statements, *m.reasons, *m.objections)}
    for node, side in seen:
        sides[node].add(side)
    return {id: frozenset(s) for id, s in sides.items()}


def answered_objections(m: ArgumentMap, index: MapIndex) -> frozenset[str]:
    """Objections with an objection aimed at them or at their sub-argument.

    The sub-argument of an objection is its premises and, backwards through support, the
    reasons for them and their premises, and so on (ASPIC+: an attack on a sub-argument is an
    attack on the argument). Computed for all objections at once in linear time: mark every
    target, spread the mark forward along support, then look at each objection's premises.
    """
    targets = {o.target for o in m.objections.values()}
    weakened = _forward_through_support(m, index, targets)
    return frozenset(
        o.id
        for o in m.objections.values()
        if o.id in targets or any(p in weakened for p in o.premises)
    )


def _forward_through_support(m: ArgumentMap, index: MapIndex, targets: set[str]) -> set[str]:
    """Statements whose support (they, a reason for them, or anything below) is attacked."""
    weakened: set[str] = set()
    queue = deque(t for t in targets if t in m.statements)
    queue.extend(m.reasons[t].target for t in targets if t in m.reasons)
    while queue:
        statement = queue.popleft()
        if statement in weakened:
            continue
        weakened.add(statement)
        queue.extend(
            m.reasons[user].target for user in index.users_of(statement) if user in m.reasons
        )
    return weakened


def hostile_objections(m: ArgumentMap, sides: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """Objections that argue against a thesis (on at least one path)."""
    return frozenset(o for o in m.objections if AGAINST in sides[o])
