"""Definitions, references, highlights and renaming of ids (pure)."""

from __future__ import annotations

from lsprotocol import types

from argmap.lexical import Token, TokenKind, scan
from argmap.lsp.document import MapDocument
from argmap.model import Statement
from argmap.reader import read_text
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

    Raises :class:`RenameRefused` when ``new`` is not an id, names something else already, or
    would be read as a keyword where ``id`` is written.
    """
    tokens = list(scan(new))
    if len(tokens) != 1 or tokens[0].kind not in _WORDS:
        raise RenameRefused(
            f'"{new}" cannot be an id: an id starts with a letter or _ and goes on with '
            "letters, digits, _ and - (not last)"
        )
    if new != id and new in doc.elements:
        raise RenameRefused(f'"{new}" is taken: the map already has {_what(doc, new)} "{new}"')
    _refuse_a_keyword(doc, id, new)
    return [types.TextEdit(r, new) for r in reference_ranges(doc, id)]


_WORDS = (TokenKind.ID, TokenKind.KEYWORD, TokenKind.KIND)


def _refuse_a_keyword(doc: MapDocument, id: str, new: str) -> None:
    """Raises :class:`RenameRefused` when the map, renamed, no longer reads ``new`` as an id
    where ``id`` is written (a word that is a keyword at the start of a line, say)."""
    text = doc.text
    for token in reversed(doc.occurrences.get(id, [])):
        text = text[: token.offset] + new + text[token.offset + len(token.text) :]
    renamed = read_text(text, doc.path)
    before = {d.span.line for d in doc.result.diagnostics if d.code == "E101"}
    broken = sorted(d.span.line for d in renamed.diagnostics if d.code == "E101")
    lines = [line for line in broken if line not in before]
    m = renamed.map
    tables = (m.sources, m.groups, m.statements, m.reasons, m.objections)
    if not lines and renamed.ok and not any(new in table for table in tables):
        lines = [0]  # read without an error, but not as an id: a flag
    if lines:
        where = f" on line {lines[0]}" if lines[0] else ""
        raise RenameRefused(
            f'"{new}" cannot be the id here: it would be read as a keyword{where}, not as an id'
        )


def _what(doc: MapDocument, id: str) -> str:
    element = doc.elements[id]
    word = element.kind.value if isinstance(element, Statement) else type(element).__name__
    return a_or_an(word.lower()) + " " + word.lower()
