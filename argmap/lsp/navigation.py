"""Definitions, references, highlights and renaming of ids (pure)."""

from __future__ import annotations

from lsprotocol import types

from argmap.lexical import Token, TokenKind, scan
from argmap.lsp.document import MapDocument
from argmap.model import Statement
from argmap.text import a_or_an

__all__ = ["RenameRefused", "definition_range", "reference_ranges", "rename_edits"]


class RenameRefused(ValueError):
    """A new name that cannot be used; the message says why in plain words."""


def definition_range(doc: MapDocument, id: str) -> types.Range:
    """Where ``id`` is declared."""
    place = doc.definition(id)
    return doc.lines.token_range(place) if isinstance(place, Token) else doc.lines.range(place)


def reference_ranges(doc: MapDocument, id: str, declaration: bool = True) -> list[types.Range]:
    """Every place ``id`` is written, the declaration first when it is asked for."""
    place = doc.definition(id)
    return [
        doc.lines.token_range(t) for t in doc.occurrences.get(id, ()) if declaration or t != place
    ]


def rename_edits(doc: MapDocument, id: str, new: str) -> list[types.TextEdit]:
    """The edits that rename ``id`` to ``new`` everywhere in the file.

    Raises :class:`RenameRefused` when ``new`` is not an id or names something else already.
    """
    tokens = list(scan(new))
    if len(tokens) != 1 or tokens[0].kind is not TokenKind.ID:
        raise RenameRefused(
            f'"{new}" cannot be an id: an id starts with a letter or _ and goes on with '
            "letters, digits, _ and - (not last), and is not a keyword"
        )
    if new != id and new in doc.elements:
        raise RenameRefused(f'"{new}" is taken: the map already has {_what(doc, new)} "{new}"')
    return [types.TextEdit(r, new) for r in reference_ranges(doc, id)]


def _what(doc: MapDocument, id: str) -> str:
    element = doc.elements[id]
    word = element.kind.value if isinstance(element, Statement) else type(element).__name__
    return a_or_an(word.lower()) + " " + word.lower()
