"""Readable ids for imported statements: the first words of the text, made unique."""

from __future__ import annotations

import re

from argmap.interchange.arg_writer import KEYWORDS

__all__ = ["ID", "IdMaker"]

ID = re.compile(r"[^\W\d](?:[\w-]|[^\x00-\x7f\s])*(?<!-)")
"""What the language accepts as an id (grammar/argmap.lark)."""

_WORD = re.compile(r"[^\W_]+")
_WORDS = 4
_LONGEST = 32


class IdMaker:
    """Makes ids like ``more-police-on-streets`` from texts; each id it gives is new."""

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._next: dict[str, int] = {}  # base -> the next number to try (so no id is retried)

    def keep(self, id: str) -> str:
        """``id`` itself if no id given so far is the same, else a numbered variant."""
        base = id
        while id in self._taken:
            n = self._next.get(base, 2)
            self._next[base] = n + 1
            id = f"{base}-{n}"
        self._taken.add(id)
        return id

    def __call__(self, text: str, fallback: str = "s") -> str:
        words = _WORD.findall(text.casefold())[:_WORDS]
        base = "-".join(words)[:_LONGEST].rstrip("-") or fallback
        if not (base[0].isalpha() or base[0] == "_") or base in KEYWORDS:
            base = f"{fallback}-{base}"
        return self.keep(base)
