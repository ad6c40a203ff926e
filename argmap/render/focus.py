"""``--focus ID --depth N``: the part of a large map around one statement or inference.

Distance counts inference steps: a statement's reasons and objections, and their premises
and targets, are one step away. An inference is always drawn whole (all its premises and its
target), so that a linked reason never looks like a single-premise one; statements with links
that are left out say how many.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from argmap.model import ArgumentMap

__all__ = ["Selection", "neighbourhood"]


_NONE: Mapping[str, int] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Selection:
    """The ids to draw and, per drawn statement, how many of its links are not drawn (around
    a focus), how many reasons and objections under it are not drawn (below the theses), and
    how many pieces of evidence are folded into it (``--collapse evidence``)."""

    ids: frozenset[str]
    hidden_links: Mapping[str, int] = field(default_factory=lambda: _NONE)
    hidden_below: Mapping[str, int] = field(default_factory=lambda: _NONE)
    evidence: Mapping[str, int] = field(default_factory=lambda: _NONE)


def _adjacency(m: ArgumentMap) -> dict[str, list[str]]:
    """Statements and inferences, linked both ways along premises and targets."""
    links: dict[str, list[str]] = {id: [] for id in (*m.statements, *m.reasons, *m.objections)}
    for inf in (*m.reasons.values(), *m.objections.values()):
        for other in (*inf.premises, inf.target):
            links[inf.id].append(other)
            links[other].append(inf.id)
    return links


def _within(links: Mapping[str, list[str]], centre: str, hops: int) -> set[str]:
    seen = {centre}
    queue = deque([(centre, 0)])
    while queue:
        node, distance = queue.popleft()
        if distance == hops:
            continue
        for other in links[node]:
            if other not in seen:
                seen.add(other)
                queue.append((other, distance + 1))
    return seen


def neighbourhood(m: ArgumentMap, centre: str, depth: int) -> Selection:
    """Everything within ``depth`` inference steps of ``centre`` (a statement or inference id)."""
    links = _adjacency(m)
    chosen = _within(links, centre, 2 * depth)
    pending = [id for id in chosen if id not in m.statements]
    while pending:
        inf = m.inference(pending.pop())
        assert inf is not None
        for other in (*inf.premises, inf.target):
            if other not in chosen:
                chosen.add(other)
                if other not in m.statements:
                    pending.append(other)
    hidden = {
        id: sum(1 for other in set(links[id]) if other not in chosen)
        for id in m.statements
        if id in chosen
    }
    return Selection(frozenset(chosen), MappingProxyType({k: v for k, v in hidden.items() if v}))
