"""Overviews of large maps: ``--depth N`` draws N inference steps below the theses, and
``--collapse evidence`` folds the evidence under a claim into a count. Both are linear."""

from __future__ import annotations

from collections import deque
from dataclasses import replace
from types import MappingProxyType

from argmap.model import ArgumentMap, StatementKind
from argmap.render.focus import Selection

__all__ = ["below_theses", "collapse_evidence"]


def _attacks_and_reasons(m: ArgumentMap) -> dict[str, list[str]]:
    """For every statement and inference, the reasons and objections aimed at it."""
    aimed: dict[str, list[str]] = {id: [] for id in (*m.statements, *m.reasons, *m.objections)}
    for inf in (*m.reasons.values(), *m.objections.values()):
        aimed[inf.target].append(inf.id)
    return aimed


def below_theses(m: ArgumentMap, depth: int) -> Selection:
    """The theses and everything within ``depth`` inference steps under them; a drawn box
    says how many reasons and objections aimed at it are left out."""
    aimed = _attacks_and_reasons(m)
    chosen = {s.id for s in m.theses}
    queue = deque((id, 0) for id in sorted(chosen))
    while queue:
        node, steps = queue.popleft()
        if steps == depth:
            continue
        for id in aimed[node]:
            if id in chosen:
                continue
            inf = m.inference(id)
            assert inf is not None
            chosen.add(id)
            queue.append((id, steps + 1))
            for p in inf.premises:
                if p not in chosen:
                    chosen.add(p)
                    queue.append((p, steps + 1))
    hidden = {
        id: sum(1 for other in aimed[id] if other not in chosen)
        for id in m.statements
        if id in chosen
    }
    return Selection(
        frozenset(chosen), hidden_below=MappingProxyType({k: v for k, v in hidden.items() if v})
    )


def collapse_evidence(m: ArgumentMap, selection: Selection | None) -> Selection:
    """``selection`` (else the whole map) with every reason that rests on evidence alone
    folded into its target: the reason and its evidence are not drawn, and the target says
    how many pieces of evidence back it. Evidence that is attacked, or that is a premise of
    anything else, stays drawn, and so do reasons that are undercut."""
    aimed = _attacks_and_reasons(m)
    shown = selection.ids if selection else frozenset(aimed)
    uses: dict[str, list[str]] = {id: [] for id in m.statements}
    for inf in (*m.reasons.values(), *m.objections.values()):
        for p in inf.premises:
            uses[p].append(inf.id)

    def bare_evidence(id: str) -> bool:
        return m.statements[id].kind is StatementKind.EVIDENCE and not aimed[id]

    folded = {
        r.id
        for r in m.reasons.values()
        if r.id in shown and not aimed[r.id] and all(bare_evidence(p) for p in r.premises)
    }
    counts: dict[str, set[str]] = {}
    premises: set[str] = set()
    for id in folded:
        reason = m.reasons[id]
        counts.setdefault(reason.target, set()).update(reason.premises)
        premises.update(reason.premises)
    hidden = folded | {p for p in premises if all(u in folded for u in uses[p])}
    evidence = {target: len(premises) for target, premises in counts.items()}
    base = selection or Selection(frozenset(aimed))
    return replace(base, ids=base.ids - hidden, evidence=MappingProxyType(evidence))
