"""What a conversion gives back: the result and the notes on what did not carry over."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = ["Conversion", "FormatError", "Note"]

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
