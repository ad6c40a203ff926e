"""One version of a map open in an editor: what the reader made of it, its tokens, and where
each id is written (pure).

Lines and columns here are argmap's: 1-based, counted in characters. :class:`Lines` turns them
into the editor's positions (0-based, in the code units the editor and server agreed on).
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from lsprotocol import types

from argmap.analysis.labelling import Labelling, explain_all, label_map
from argmap.lexical import Token, TokenKind, scan
from argmap.model import Group, Objection, Reason, Source, Span, Statement, made_up
from argmap.reader import ReadCache, ReadResult, normalized_text, read_text

__all__ = ["Element", "Lines", "MapDocument", "Why"]

Element = Statement | Reason | Objection | Source | Group
"""Anything a map declares with an id."""


@dataclass(frozen=True, slots=True)
class Why:
    """The labels of a map's statements and inferences, and why each has its label."""

    labels: Labelling
    reasons: Mapping[str, str]


class Lines:
    """Converts argmap's positions to the editor's and back."""

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16) -> None:
        self.lines = text.split("\n")
        self.encoding = encoding
        self.starts = [0]
        for line in self.lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)

    def _units(self, text: str) -> int:
        if text.isascii() or self.encoding == types.PositionEncodingKind.Utf32:
            return len(text)
        if self.encoding == types.PositionEncodingKind.Utf8:
            return len(text.encode("utf-8"))
        return len(text.encode("utf-16-le")) // 2

    def position(self, line: int, column: int) -> types.Position:
        """The editor's position of a 1-based line and column."""
        if line > len(self.lines):
            return types.Position(len(self.lines), 0)
        text = self.lines[line - 1]
        return types.Position(line - 1, self._units(text[: column - 1]))

    def range(self, span: Span) -> types.Range:
        """The editor's range of a span."""
        return types.Range(
            self.position(span.line, span.column), self.position(span.end_line, span.end_column)
        )

    def token_range(self, token: Token) -> types.Range:
        """The editor's range of a token on one line."""
        return types.Range(
            self.position(token.line, token.column), self.position(token.line, token.end_column)
        )

    def place(self, position: types.Position) -> tuple[int, int]:
        """The 1-based line and column of an editor's position (clamped to the text)."""
        line = min(max(position.line, 0), len(self.lines) - 1)
        text = self.lines[line]
        column, units = 0, 0
        while column < len(text) and units < position.character:
            units += self._units(text[column])
            column += 1
        return line + 1, column + 1

    def offset(self, line: int, column: int) -> int:
        """The offset in the text of a 1-based line and column."""
        return self.starts[line - 1] + column - 1


class MapDocument:
    """A map's text as the editor has it, read as ``argmap check`` reads it."""

    def __init__(
        self,
        text: str,
        path: str,
        encoding: str = types.PositionEncodingKind.Utf16,
        cache: ReadCache | None = None,
    ):
        """``cache``: what reading the last version of the document made, if any."""
        self.source = text
        """The text as the editor has it (line ends and byte-order mark as they are)."""
        self.text = normalized_text(text)
        self.path = path
        self.result: ReadResult = read_text(self.text, path, cache=cache)
        self.lines = Lines(self.text, encoding)

    @cached_property
    def tokens(self) -> list[Token]:
        """Every token of the text, in order."""
        return list(scan(self.text))

    @cached_property
    def _starts(self) -> list[int]:
        return [t.offset for t in self.tokens]

    @cached_property
    def elements(self) -> dict[str, Element]:
        """Everything declared with an id (anonymous inferences left out), by id."""
        m = self.result.map
        found: dict[str, Element] = {}
        for table in (m.sources, m.groups, m.statements, m.reasons, m.objections):
            for id, element in table.items():
                if not made_up(id):
                    found.setdefault(id, element)
        return found

    @cached_property
    def occurrences(self) -> dict[str, list[Token]]:
        """Where each declared id is written (as an id token), in order."""
        found: dict[str, list[Token]] = {id: [] for id in self.elements}
        for token in self.tokens:
            if token.kind is TokenKind.ID and token.text in found:
                found[token.text].append(token)
        return found

    @cached_property
    def why(self) -> Why | None:
        """Labels and the why of ``argmap label``; None while the map has errors."""
        if not self.result.ok:
            return None
        labels = label_map(self.result.map)
        return Why(labels, explain_all(self.result.map, labels))

    def token_at(self, position: types.Position) -> Token | None:
        """The token under the editor's cursor; between two tokens, the one before when it is
        an id or the one after is a space (an id is found with the cursor at its end)."""
        offset = self.lines.offset(*self.lines.place(position))
        token = self.token_containing(offset)
        if token is not None and token.offset == offset and offset > 0:
            before = self.token_containing(offset - 1)
            if before is not None and (
                before.kind is TokenKind.ID or token.kind in (TokenKind.SPACE, TokenKind.NEWLINE)
            ):
                return before
        return token

    def token_containing(self, offset: int) -> Token | None:
        """The token that holds the character at ``offset``."""
        index = bisect.bisect_right(self._starts, offset) - 1
        return self.tokens[index] if index >= 0 else None

    def id_at(self, position: types.Position) -> str | None:
        """The declared id under the cursor, if any."""
        token = self.token_at(position)
        if token is not None and token.kind is TokenKind.ID and token.text in self.elements:
            return token.text
        return None

    def definition(self, id: str) -> Token | Span:
        """Where ``id`` is declared: its token in the declaration, else the declaration."""
        span = self.result.map.span(self.elements[id])
        start = self.lines.offset(span.line, span.column)
        for token in self.occurrences.get(id, ()):
            if token.offset >= start and (token.line, token.column) <= (
                span.end_line,
                span.end_column,
            ):
                return token
        return span

    def statement_at(self, position: types.Position) -> Statement | None:
        """The statement whose declaration (kind, id and text) holds the cursor."""
        line, column = self.lines.place(position)
        m = self.result.map
        for statement in m.statements.values():
            s = m.span(statement)
            if (s.line, s.column) <= (line, column) <= (s.end_line, s.end_column):
                return statement
        return None
