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
    premises = {i.id: i.premises for i in (*m.reasons.values(), *m.objections.values())}
    reasons_for, attackers = index.reasons_for, index.attackers
    reached: dict[str, set[str]] = {FOR: set(), AGAINST: set()}
    pending: dict[str, list[str]] = {FOR: list(theses), AGAINST: []}
    # One side at a time, with a stack per side: an inference's premises and a statement's
    # reasons keep the side, its attackers wait on the other side's stack (no (node, side)
    # pairs, no generator per step).
    while pending[FOR] or pending[AGAINST]:
        for side in (FOR, AGAINST):
            seen, stack, opposite = reached[side], pending[side], pending[_OPPOSITE[side]]
            while stack:
                node = stack.pop()
                if node in seen:
                    continue
                seen.add(node)
                below = premises.get(node)
                stack.extend(reasons_for.get(node, ()) if below is None else below)
                opposite.extend(attackers.get(node, ()))
    plus, minus = reached[FOR], reached[AGAINST]
    return {
        id: _SIDES[(id in plus, id in minus)] for id in (*m.statements, *m.reasons, *m.objections)
    }


def answered_objections(
    m: ArgumentMap, index: MapIndex, *, by_conceded: bool = True
) -> frozenset[str]:
    """Objections with an objection aimed at them or at their sub-argument (only one that is
    not conceded, unless ``by_conceded``).

    The sub-argument of an objection is its premises and, backwards through support, the
    reasons for them and their premises, and so on (ASPIC+: an attack on a sub-argument is an
    attack on the argument). Computed for all objections at once in linear time: mark every
    target, spread the mark forward along support, then look at each objection's premises.
    """
    targets = {o.target for o in m.objections.values() if by_conceded or not o.conceded}
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
