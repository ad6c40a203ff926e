"""What the checker and the labelling know, in the form the renderer marks on the map."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from argmap.analysis import analyze
from argmap.analysis.labelling import explain_all, label_map
from argmap.checks import CheckContext, run_checks
from argmap.model import ArgumentMap, Label

__all__ = ["MARKED", "Findings", "find"]

_NO_LABELS: Mapping[str, Label] = MappingProxyType({})
_NO_WHY: Mapping[str, str] = MappingProxyType({})
_UNSUPPORTED = frozenset({"S201", "S202"})
_UNANSWERED = frozenset({"O301"})
MARKED = _UNSUPPORTED | _UNANSWERED
"""The checks whose findings a drawing marks: UNSUPPORTED (S201, S202), UNANSWERED (O301)."""


@dataclass(frozen=True, slots=True)
class Findings:
    """Statements without support, objections nobody answered, statement labels, why every
    element has its label, the OUT statements that an objection which stands defeats, and the
    reasons and objections that are OUT (``failed``); the
    flags say whether the checker and the labelling ran (so the legend explains their marks)."""

    checked: bool = False
    evaluated: bool = False
    unsupported: frozenset[str] = frozenset()
    unanswered: frozenset[str] = frozenset()
    labels: Mapping[str, Label] = field(default_factory=lambda: _NO_LABELS)
    why: Mapping[str, str] = field(default_factory=lambda: _NO_WHY)
    defeated: frozenset[str] = frozenset()
    failed: frozenset[str] = frozenset()


def find(
    m: ArgumentMap,
    *,
    check: bool = True,
    evaluate: bool = False,
    selection: Collection[str] = MARKED,
    options: Mapping[str, Mapping[str, object]] = MappingProxyType({}),
) -> Findings:
    """The findings to draw for a resolved map: with ``check``, what the checks of
    :data:`MARKED` that ``selection`` holds report, with their ``options`` and the map's
    suppression comments (as ``argmap check`` reports them); statement labels (IN/OUT/UNDEC)
    with ``evaluate``."""
    unsupported: frozenset[str] = frozenset()
    unanswered: frozenset[str] = frozenset()
    if check:
        ctx = CheckContext(m, analyze(m), options=options)
        found = run_checks(ctx, MARKED.intersection(selection))
        unsupported = frozenset(d.subject for d in found if d.code in _UNSUPPORTED and d.subject)
        unanswered = frozenset(d.subject for d in found if d.code in _UNANSWERED and d.subject)
    if not evaluate:
        return Findings(check, evaluate, unsupported, unanswered)
    labelling = label_map(m)
    defeated = frozenset(
        o.target
        for o in m.objections.values()
        if not o.conceded  # granted but outweighed: it defeats nothing
        and labelling.inferences[o.id] is Label.IN
        and labelling.statements.get(o.target) is Label.OUT
    )
    return Findings(
        check,
        evaluate,
        unsupported,
        unanswered,
        labelling.statements,
        MappingProxyType(explain_all(m, labelling)),
        defeated,
        frozenset(id for id, label in labelling.inferences.items() if label is Label.OUT),
    )
