"""Which claims stand: the evidential grounded labelling (design notes §7).

Every statement, reason and objection gets IN, OUT or UNDEC:

- a statement is IN when it has a support tree that ends in evidence or assumptions and
  survives every objection; OUT when every such tree is defeated, or it has none at all
  (an unsupported claim, or one that rests only on a support loop); UNDEC otherwise, when
  objections attack each other in a circle that no side wins;
- a reason or objection is IN when it applies (all premises IN, nothing undercuts it),
  OUT when it fails, UNDEC when that is undecided. An IN objection defeats its target.

This is grounded semantics on the ASPIC+-style framework of support trees, computed as the
well-founded model of the map's logic program (:mod:`argmap.analysis.wellfounded`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from argmap.analysis.graphs import MapIndex, index_map
from argmap.analysis.wellfounded import well_founded
from argmap.analysis.why import Explanations, explain_all
from argmap.model import ArgumentMap, Label

__all__ = ["Labelling", "explain", "explain_all", "label_map"]


@dataclass(frozen=True)
class Labelling:
    """The label of every statement and of every inference (reason or objection), by id,
    in source order."""

    statements: Mapping[str, Label]
    inferences: Mapping[str, Label]

    def __getitem__(self, id: str) -> Label:
        label = self.statements.get(id) or self.inferences.get(id)
        if label is None:
            raise KeyError(id)
        return label

    def __contains__(self, id: object) -> bool:
        return id in self.statements or id in self.inferences


def label_map(m: ArgumentMap, index: MapIndex | None = None) -> Labelling:
    """The evidential grounded labelling of a resolved map (linear for realistic maps).

    ``index`` is the map's :func:`~argmap.analysis.graphs.index_map`, if the caller has it.
    """
    labels = well_founded(m, index_map(m) if index is None else index)
    statements = {id: labels[id] for id in m.statements}
    inferences = {id: labels[id] for id in (*m.reasons, *m.objections)}
    return Labelling(MappingProxyType(statements), MappingProxyType(inferences))


def explain(m: ArgumentMap, labelling: Labelling, id: str) -> str:
    """Why ``id`` has its label, in plain words: the objection that defeats it, the missing
    or failed support, or the circle of attacks that leaves it undecided.

    To explain every element, :func:`explain_all` does it in one linear pass.
    """
    return Explanations(m, labelling)[id]
