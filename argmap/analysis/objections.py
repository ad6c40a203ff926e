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
_SIDES = {
    (False, False): frozenset(),
    (True, False): frozenset({FOR}),
    (False, True): frozenset({AGAINST}),
    (True, True): frozenset({FOR, AGAINST}),
}


def polarity(m: ArgumentMap, index: MapIndex, theses: Iterable[str]) -> dict[str, frozenset[str]]:
    """For every statement and inference, the sides it argues for: ``+`` the theses', ``-`` against.

    A graph search from the theses (all ``+``) backwards over the dependency graph: a reason
    takes its target's side, an objection the opposite side, a premise its inference's side.
    An element connected to no thesis gets the empty set. Linear: each (element, side) pair
    is visited at most once.
    """
    reached: dict[str, set[str]] = {FOR: set(), AGAINST: set()}
    stack = [(thesis, FOR) for thesis in theses]
    reasons_for, attackers = index.reasons_for, index.attackers
    while stack:
        node, side = stack.pop()
        if node in reached[side]:
            continue
        reached[side].add(node)
        inference = m.reasons.get(node) or m.objections.get(node)
        if inference is None:
            stack.extend((reason, side) for reason in reasons_for.get(node, ()))
        else:
            stack.extend((premise, side) for premise in inference.premises)
        opposite = _OPPOSITE[side]
        stack.extend((objection, opposite) for objection in attackers.get(node, ()))
    plus, minus = reached[FOR], reached[AGAINST]
    return {
        id: _SIDES[(id in plus, id in minus)] for id in (*m.statements, *m.reasons, *m.objections)
    }


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
