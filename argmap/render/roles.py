"""What an inference does, as drawn, and which role each premise plays under it."""

from __future__ import annotations

import enum
from collections.abc import Mapping

from argmap.model import ArgumentMap

__all__ = ["Role", "inference_roles", "premise_roles"]


class Role(enum.Enum):
    """What an inference does, as drawn."""

    SUPPORT = "support"
    OBJECTION = "objection"
    REBUTTAL = "rebuttal"


def inference_roles(m: ArgumentMap) -> dict[str, Role]:
    """Reasons support; an objection to an objection or to one of its premises is a rebuttal."""
    objection_premises = {p for o in m.objections.values() for p in o.premises}
    roles = {id: Role.SUPPORT for id in m.reasons}
    for o in m.objections.values():
        answers = o.target in m.objections or o.target in objection_premises
        roles[o.id] = Role.REBUTTAL if answers else Role.OBJECTION
    return roles


def premise_roles(m: ArgumentMap, roles: Mapping[str, Role]) -> dict[str, tuple[Role, ...]]:
    """The roles each statement plays as a premise (usually one; a statement that is a
    premise of both a reason and an objection plays two), in the order of ``Role``."""
    found: dict[str, set[Role]] = {}
    for inf in (*m.reasons.values(), *m.objections.values()):
        for p in inf.premises:
            found.setdefault(p, set()).add(roles[inf.id])
    return {p: tuple(r for r in Role if r in played) for p, played in found.items()}
