"""The structural analyses of a map (design notes §3–§5), read by checks and the renderer.

``analyze(m)`` expects a map whose references resolve (what the reader hands on when it
reports no error). Every analysis is iterative and linear in the size of the map.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from argmap.analysis.graphs import MapIndex, index_map
from argmap.analysis.objections import answered_objections, hostile_objections, polarity
from argmap.analysis.support import grounded_support, support_cycles, support_successors
from argmap.model import ArgumentMap

__all__ = ["Analysis", "analyze", "same_argument"]


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the structure of a map says, before objections are weighed.

    - ``theses``: the thesis ids (declared, or the default of the language), source order.
    - ``grounded``: W, the statements with a support tree ending in evidence or assumptions;
      ``grounded_by[s]`` is the reason that grounds ``s`` (``None`` for evidence/assumptions).
    - ``unsupported``: statements that need support and have none: used statements with no
      reason (S201) and statements whose reasons all fail (S202).
    - ``support_cycles``: statements that support each other in a circle (strongly connected
      components of the support graph with a cycle), each and all in source order;
      ``cycle_of[s]`` is the position in ``support_cycles`` of the cycle holding ``s``.
    - ``polarity[x]``: ``{"+"}`` for elements that argue for the theses, ``{"-"}`` against,
      both when mixed, empty when connected to no thesis.
    - ``hostile``: objections with ``-`` in their polarity; ``answered``: objections with an
      objection aimed at them or their sub-argument; ``argued``: those with such an objection
      that is not conceded; ``unanswered``: hostile, not answered, not conceded.
    - ``orphans``: statements and inferences connected to no thesis (empty when the map has
      no thesis at all).
    """

    index: MapIndex
    theses: tuple[str, ...]
    grounded: frozenset[str]
    grounded_by: Mapping[str, str | None]
    unsupported: frozenset[str]
    support_cycles: tuple[tuple[str, ...], ...]
    cycle_of: Mapping[str, int]
    polarity: Mapping[str, frozenset[str]]
    hostile: frozenset[str]
    answered: frozenset[str]
    argued: frozenset[str]
    unanswered: frozenset[str]
    orphans: frozenset[str]


def analyze(m: ArgumentMap) -> Analysis:
    """All structural analyses of a resolved map."""
    index = index_map(m)
    theses = tuple(s.id for s in m.theses)
    grounded_by = grounded_support(m, index)
    used = set(theses).union(*(i.premises for i in (*m.reasons.values(), *m.objections.values())))
    unsupported = frozenset(
        s
        for s in m.statements
        if s not in index.basis and s not in grounded_by and (s in used or s in index.reasons_for)
    )
    sides = polarity(m, index, theses)
    cycles = tuple(support_cycles(m, support_successors(m)))
    hostile = hostile_objections(m, sides)
    answered = answered_objections(m, index)
    conceded = any(o.conceded for o in m.objections.values())
    argued = answered_objections(m, index, by_conceded=False) if conceded else answered
    unanswered = frozenset(o for o in hostile if o not in answered and not m.objections[o].conceded)
    orphans = frozenset(id for id, s in sides.items() if not s) if theses else frozenset()
    return Analysis(
        index=index,
        theses=theses,
        grounded=frozenset(grounded_by),
        grounded_by=MappingProxyType(grounded_by),
        unsupported=unsupported,
        support_cycles=cycles,
        cycle_of=MappingProxyType({s: n for n, cycle in enumerate(cycles) for s in cycle}),
        polarity=MappingProxyType(sides),
        hostile=hostile,
        answered=answered,
        argued=argued,
        unanswered=unanswered,
        orphans=orphans,
    )


def same_argument(a: ArgumentMap, b: ArgumentMap) -> bool:
    """Whether two maps have the same argument: the same statements with the same kinds, and
    the same reasons and objections with the same premises, targets and concessions, in the
    same order. The analyses and the labels of such maps are the same (they read nothing else),
    whatever their texts and places."""
    if (len(a.statements), len(a.reasons), len(a.objections)) != (
        len(b.statements),
        len(b.reasons),
        len(b.objections),
    ):
        return False
    for x, y in zip(a.statements.values(), b.statements.values(), strict=True):
        if x.id != y.id or x.kind is not y.kind:
            return False
    for r, q in zip(a.reasons.values(), b.reasons.values(), strict=True):
        if r.id != q.id or r.premises != q.premises or r.target != q.target:
            return False
    for o, p in zip(a.objections.values(), b.objections.values(), strict=True):
        if o.id != p.id or o.premises != p.premises or o.target != p.target:
            return False
        if o.conceded != p.conceded:
            return False
    return True
