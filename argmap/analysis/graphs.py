"""The graphs of a map (§2 of the design notes) and an iterative Tarjan SCC."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from argmap.model import ArgumentMap, StatementKind

__all__ = ["MapIndex", "index_map", "strongly_connected"]

_EMPTY: tuple[str, ...] = ()
_DONE = sys.maxsize  # the discovery index of a node whose component is complete
# The kinds of the basis (StatementKind.is_basis), tested by identity: a fifth of the time
# of two property calls per statement.
_BASIS_KINDS = tuple(kind for kind in StatementKind if kind.is_basis)


@dataclass(frozen=True, slots=True)
class MapIndex:
    """Adjacency of a map by id, each list in source order, and its basis.

    ``reasons_for[s]``: the reasons whose target is statement ``s``;
    ``used_in[s]``: the reasons and objections that have ``s`` as a premise;
    ``attackers[x]``: the objections whose target is ``x`` (a statement or an inference);
    ``basis``: the evidence and assumptions (found once per map: the analyses and the
    labelling need it for every statement).
    """

    reasons_for: Mapping[str, tuple[str, ...]]
    used_in: Mapping[str, tuple[str, ...]]
    attackers: Mapping[str, tuple[str, ...]]
    basis: frozenset[str]

    def reasons_of(self, statement: str) -> tuple[str, ...]:
        return self.reasons_for.get(statement, _EMPTY)

    def users_of(self, statement: str) -> tuple[str, ...]:
        return self.used_in.get(statement, _EMPTY)

    def attackers_of(self, id: str) -> tuple[str, ...]:
        return self.attackers.get(id, _EMPTY)


def index_map(m: ArgumentMap) -> MapIndex:
    """Build the adjacency lists of the support and dependency graphs in one pass."""
    basis = frozenset(s.id for s in m.statements.values() if s.kind in _BASIS_KINDS)
    reasons_for: dict[str, list[str]] = {}
    used_in: dict[str, list[str]] = {}
    attackers: dict[str, list[str]] = {}
    for reason in m.reasons.values():
        reasons_for.setdefault(reason.target, []).append(reason.id)
    for inference in (*m.reasons.values(), *m.objections.values()):
        for premise in inference.premises:
            used_in.setdefault(premise, []).append(inference.id)
    for objection in m.objections.values():
        attackers.setdefault(objection.target, []).append(objection.id)
    return MapIndex(_freeze(reasons_for), _freeze(used_in), _freeze(attackers), basis)


def _freeze(lists: dict[str, list[str]]) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({key: tuple(value) for key, value in lists.items()})


def strongly_connected(
    nodes: Iterable[str], successors: Mapping[str, Sequence[str]]
) -> list[list[str]]:
    """Tarjan's strongly connected components, without recursion (long chains are safe).

    Components come out in reverse topological order; members in discovery order.
    """
    index: dict[str, int] = {}  # discovery order; _DONE once the node's component is out
    low: dict[str, int] = {}
    stack: list[str] = []
    components: list[list[str]] = []
    for root in nodes:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        work = [(root, iter(successors.get(root, _EMPTY)))]
        while work:
            node, pending = work[-1]
            for child in pending:
                if child not in index:
                    below = successors.get(child)
                    if not below:  # a node without successors is a component by itself
                        index[child] = _DONE
                        components.append([child])
                        continue
                    index[child] = low[child] = len(index)  # go down to it; pending waits
                    stack.append(child)
                    work.append((child, iter(below)))
                    break
                if index[child] < low[node]:  # on the stack (a finished node is _DONE)
                    low[node] = index[child]
            else:  # every successor is done
                work.pop()
                node_low = low[node]
                if work:
                    parent = work[-1][0]
                    if node_low < low[parent]:
                        low[parent] = node_low
                if node_low == index[node]:
                    if stack[-1] == node:  # a component of one node (most of them)
                        stack.pop()
                        index[node] = _DONE
                        components.append([node])
                    else:
                        components.append(_pop_component(node, stack, index))
    return components


def _pop_component(root: str, stack: list[str], index: dict[str, int]) -> list[str]:
    component: list[str] = []
    while True:
        member = stack.pop()
        index[member] = _DONE
        component.append(member)
        if member == root:
            return component[::-1]
