"""The registry of checks: ``@register`` adds a check class, in the order modules load."""

from __future__ import annotations

from typing import TypeVar

from argmap.checks.base import Check

__all__ = ["REGISTRY", "register"]

REGISTRY: dict[str, type[Check]] = {}
"""Check classes by code."""

C = TypeVar("C", bound=type[Check])


def register(check: C) -> C:
    """Class decorator: make a check known by its code (codes and names must be unique)."""
    for other in REGISTRY.values():
        same_class = (other.__module__, other.__qualname__) == (
            check.__module__,
            check.__qualname__,
        )
        if (check.code == other.code or check.name == other.name) and not same_class:
            raise ValueError(f"{check.__name__} reuses the code or name of {other.__name__}")
    REGISTRY[check.code] = check
    return check
