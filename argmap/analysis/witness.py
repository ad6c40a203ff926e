"""Why a statement is unsupported (§3): a bounded backward walk over the unsupported part."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from argmap.analysis import Analysis
from argmap.model import ArgumentMap

__all__ = ["UnsupportedWitness", "why_unsupported"]

DEPTH = 3
"""How many reasons deep the walk looks."""
BUDGET = 400
"""How many premises the walk may look at, so that every witness costs O(1)."""


@dataclass(frozen=True, slots=True)
class UnsupportedWitness:
    """What makes a statement outside W unsupported.

    - ``failing``: for each reason of the statement, its premises outside W;
    - ``leaves``: statements met on the way that have no reason and are not basis;
    - ``cycles``: indices into ``Analysis.support_cycles`` met on the way;
    - ``complete``: False when the walk stopped at its depth or budget, so more may exist.
    """

    failing: tuple[tuple[str, tuple[str, ...]], ...]
    leaves: tuple[str, ...]
    cycles: tuple[int, ...]
    complete: bool


def why_unsupported(m: ArgumentMap, analysis: Analysis, statement: str) -> UnsupportedWitness:
    """Walk back from ``statement`` through premises outside W, up to :data:`DEPTH` reasons."""
    index, grounded = analysis.index, analysis.grounded
    failing = tuple(
        (r, tuple(p for p in m.reasons[r].premises if p not in grounded))
        for r in index.reasons_of(statement)
    )
    leaves: list[str] = []
    cycles: list[int] = []
    seen = {statement}
    queue = deque([(statement, 0)])
    budget, complete = BUDGET, True
    while queue:
        node, depth = queue.popleft()
        if node in analysis.cycle_of and analysis.cycle_of[node] not in cycles:
            cycles.append(analysis.cycle_of[node])
        reasons = index.reasons_of(node)
        if not reasons and not m.statements[node].is_basis:
            leaves.append(node)
        if depth == DEPTH:
            complete = complete and not reasons
            continue
        for reason in reasons:
            for premise in m.reasons[reason].premises:
                budget -= 1
                if budget < 0:
                    return UnsupportedWitness(failing, tuple(leaves), tuple(cycles), False)
                if premise not in grounded and premise not in seen:
                    seen.add(premise)
                    queue.append((premise, depth + 1))
    return UnsupportedWitness(failing, tuple(leaves), tuple(cycles), complete)
