"""Semantic tokens: the kinds, ids, texts and comments of a map, for editors without a
grammar of the language (pure)."""

from __future__ import annotations

from lsprotocol import types

from argmap.lexical import Token, TokenKind
from argmap.lsp.document import MapDocument

__all__ = ["LEGEND", "semantic_tokens"]

_TYPES = ["keyword", "type", "variable", "string", "comment", "enumMember", "operator", "decorator"]
_MODIFIERS = ["declaration"]
LEGEND = types.SemanticTokensLegend(token_types=_TYPES, token_modifiers=_MODIFIERS)

_TYPE_OF = {
    TokenKind.KEYWORD: "keyword",
    TokenKind.FLAG: "keyword",
    TokenKind.KIND: "type",
    TokenKind.ID: "variable",
    TokenKind.HOLDER: "string",
    TokenKind.TEXT: "string",
    TokenKind.COMMENT: "comment",
    TokenKind.LABEL: "enumMember",
    TokenKind.SIGN: "operator",
    TokenKind.TAG: "decorator",
}


def semantic_tokens(doc: MapDocument) -> list[int]:
    """The tokens of the whole document, encoded as LSP relative integers (a text over
    several lines gives one token per line)."""
    declared = {
        place.offset for id in doc.elements if isinstance(place := doc.definition(id), Token)
    }
    data: list[int] = []
    last_line = last_start = 0
    for token in doc.tokens:
        name = _TYPE_OF.get(token.kind)
        if name is None:
            continue
        modifiers = 1 if token.offset in declared else 0
        kind = _TYPES.index(name)
        for line, start, length in _pieces(doc, token):
            delta_line = line - last_line
            delta_start = start - last_start if delta_line == 0 else start
            data += [delta_line, delta_start, length, kind, modifiers]
            last_line, last_start = line, start
    return data


def _pieces(doc: MapDocument, token: Token) -> list[tuple[int, int, int]]:
    """(line, start, length) in the editor's units, one for each line of the token."""
    parts = token.text.split("\n")
    out = []
    for i, part in enumerate(parts):
        if not part:
            continue
        line = token.line + i
        column = token.column if i == 0 else 1
        start = doc.lines.position(line, column)
        end = doc.lines.position(line, column + len(part))
        out.append((start.line, start.character, end.character - start.character))
    return out
