"""What a conversion gives back: the result and the notes on what did not carry over, and
the words notes use for where things are and what a value is."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = ["Conversion", "FormatError", "Note", "at_lines", "value_kind"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Note:
    """An element that the target cannot express (or that was repaired), and where it is:
    ``where`` names the element in the input's own terms (``node "511061"``, ``line 12``)."""

    file: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Conversion(Generic[T]):
    """A converted document and the notes on what did not carry over unchanged."""

    value: T
    notes: tuple[Note, ...] = ()


class FormatError(ValueError):
    """The input cannot be read as the format at all (not JSON, not arggraph XML, ...)."""


def at_lines(numbers: Iterable[int]) -> str:
    """Where several elements are: ``line 4``, ``lines 1, 3 and 5``, or for more than five
    lines ``lines 1, 3, 5, 7, 9 and 4 more``."""
    listed = sorted(set(numbers))
    if len(listed) == 1:
        return f"line {listed[0]}"
    shown = [str(n) for n in listed[:5]]
    last = f"{len(listed) - 5} more" if len(listed) > 5 else shown.pop()
    return f"lines {', '.join(shown)} and {last}"


def value_kind(value: object) -> str:
    """A JSON value as a note names it: ``null``, ``true``, ``a number``, ``a list``..."""
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a text" if value else "empty"
    return "a list" if isinstance(value, list) else "an object"
