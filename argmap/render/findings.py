"""What the checker and the labelling know, in the form the renderer marks on the map."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from argmap.analysis import analyze
from argmap.analysis.labelling import label_map
from argmap.model import ArgumentMap, Label

__all__ = ["Findings", "find"]

_NO_LABELS: Mapping[str, Label] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Findings:
    """Statements without support, objections nobody answered, and statement labels; the
    flags say whether the checker and the labelling ran (so the legend explains their marks)."""

    checked: bool = False
    evaluated: bool = False
    unsupported: frozenset[str] = frozenset()
    unanswered: frozenset[str] = frozenset()
    labels: Mapping[str, Label] = field(default_factory=lambda: _NO_LABELS)


def find(m: ArgumentMap, *, check: bool = True, evaluate: bool = False) -> Findings:
    """The findings to draw for a resolved map: structural ones with ``check``, statement
    labels (IN/OUT/UNDEC) with ``evaluate``."""
    unsupported: frozenset[str] = frozenset()
    unanswered: frozenset[str] = frozenset()
    if check:
        analysis = analyze(m)
        unsupported, unanswered = analysis.unsupported, analysis.unanswered
    labels = label_map(m).statements if evaluate else _NO_LABELS
    return Findings(check, evaluate, unsupported, unanswered, labels)
