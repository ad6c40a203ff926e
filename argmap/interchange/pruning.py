"""Leaving out what depends on something left out: an objection to an inference that could
not be imported cannot be imported either, nor an objection to that one, and so on."""

from __future__ import annotations

from collections.abc import Collection, Mapping

__all__ = ["orphaned"]


def orphaned(target_of: Mapping[str, str], statements: Collection[str]) -> list[str]:
    """The inferences (``target_of``: inference id -> its target) whose target is neither a
    statement nor, in turn, an inference that stays; in the order they fall. Linear in the
    number of inferences."""
    attackers: dict[str, list[str]] = {}
    for id, target in target_of.items():
        attackers.setdefault(target, []).append(id)
    falling = [
        id
        for id, target in target_of.items()
        if target not in statements and target not in target_of
    ]
    fallen = set(falling)
    for id in falling:  # the list grows while it is read: a breadth-first walk
        for attacker in attackers.get(id, ()):
            if attacker not in fallen:
                fallen.add(attacker)
                falling.append(attacker)
    return falling
