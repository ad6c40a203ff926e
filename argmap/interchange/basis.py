"""The basis of an imported map: corpora mark neither evidence nor assumptions, so what the
leaves are is a choice (``--leaves``), and theses are found one per connected part."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import replace

from argmap.model import ArgumentMap, Statement, StatementKind

__all__ = ["Leaves", "one_thesis_per_part", "with_leaves"]


class Leaves(enum.Enum):
    """What a statement that no reason supports becomes."""

    ASSUMPTION = "assumption"
    CLAIM = "claim"


def with_leaves(argument_map: ArgumentMap, leaves: Leaves) -> ArgumentMap:
    """The map with every unsupported claim made ``leaves`` (theses stay theses)."""
    if leaves is Leaves.CLAIM:
        return argument_map
    supported = {r.target for r in argument_map.reasons.values()}
    statements = {
        id: (
            replace(s, kind=StatementKind.ASSUMPTION)
            if s.kind is StatementKind.CLAIM and id not in supported
            else s
        )
        for id, s in argument_map.statements.items()
    }
    return replace(argument_map, statements=statements)


def one_thesis_per_part(argument_map: ArgumentMap) -> ArgumentMap:
    """The map with a thesis in each connected part where one is clear: the part's only
    statement that is supported and is no premise. Parts with none or several keep none."""
    m = argument_map
    parent = {id: id for id in m.statements}

    def find(id: str) -> str:
        while parent[id] != id:
            parent[id] = parent[parent[id]]
            id = parent[id]
        return id

    def join(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    anchors: dict[str, str | None] = {}  # inference id -> a statement of its part
    inferences = [*m.reasons.values(), *m.objections.values()]
    for inference in inferences:
        anchor = _anchor(m, inference.id, anchors)
        for premise in inference.premises:
            join(premise, anchor if anchor is not None else inference.premises[0])
    premises = {p for i in inferences for p in i.premises}
    supported = {r.target for r in m.reasons.values()}
    candidates: dict[str, list[str]] = {}
    for id in m.statements:
        if id in supported and id not in premises:
            candidates.setdefault(find(id), []).append(id)
    theses = {ids[0] for ids in candidates.values() if len(ids) == 1}
    return _with_kinds(m, {id: StatementKind.THESIS for id in theses})


def _anchor(m: ArgumentMap, id: str, anchors: dict[str, str | None]) -> str | None:
    """The statement an inference argues about, through the inferences it undercuts (None
    for a circle of undercuts); every inference on the way is remembered in ``anchors``."""
    path: list[str] = []
    on_path: set[str] = set()
    while id not in m.statements and id not in anchors and id not in on_path:
        inference = m.inference(id)
        if inference is None:
            break
        path.append(id)
        on_path.add(id)
        id = inference.target
    found = id if id in m.statements else anchors.get(id)
    for step in path:
        anchors[step] = found
    return found


def _with_kinds(m: ArgumentMap, kinds: Mapping[str, StatementKind]) -> ArgumentMap:
    statements: dict[str, Statement] = {
        id: replace(s, kind=kinds[id]) if id in kinds else s for id, s in m.statements.items()
    }
    return replace(m, statements=statements)
