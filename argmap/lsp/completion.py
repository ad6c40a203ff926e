"""Completion of ids, statement kinds and source names where the language expects them (pure)."""

from __future__ import annotations

import re

from lsprotocol import types

from argmap.lexical import Token, TokenKind
from argmap.lsp.document import MapDocument
from argmap.model import Objection, Reason, Source, Statement, StatementKind

__all__ = ["complete"]

# What precedes the word being typed, on its line.
_SOURCE = re.compile(r"^\s*(?:quote|cite)\s+$")
_STATEMENT = re.compile(
    r"(?:^|\s)[+\-&]\s*(?:\[[^\]\[]*\]\s*)?$|^\s*(?:reason|objection)\b[^:]*:\s*$"
)
_TARGET = re.compile(r"->\s*$|^\s*expect\s+\w+\s*:\s*(?:[^\s#]+\s+)*$")
_INFERENCE = re.compile(r"\[\s*$")
_LINE_START = re.compile(r"^\s*$")
_KINDS = [k.value for k in StatementKind]
_BREAKS = frozenset("[]:+&>")


def complete(doc: MapDocument, position: types.Position) -> list[types.CompletionItem]:
    """What may be written at ``position``: nothing inside a text or a comment."""
    line, column = doc.lines.place(position)
    offset = doc.lines.offset(line, column)
    token = doc.token_containing(offset - 1)  # the character before the cursor
    if token is not None and _in_text_or_comment(token, offset):
        return []
    before = _without_partial_word(doc.lines.lines[line - 1][: column - 1])
    m = doc.result.map
    if _SOURCE.search(before):
        return [_item(s.id, s) for s in m.sources.values()]
    if _TARGET.search(before):
        return _elements(doc, inferences=True)
    if _STATEMENT.search(before):
        return [*_elements(doc, inferences=False), *_kinds()]
    if _INFERENCE.search(before):
        return _inferences(doc)
    if _LINE_START.match(before):
        return _kinds()
    return []


def _without_partial_word(before: str) -> str:
    """The text before the cursor without the part of a word already typed."""
    end = len(before)
    while end and not before[end - 1].isspace() and before[end - 1] not in _BREAKS:
        end -= 1
    return before[:end]


def _in_text_or_comment(token: Token, offset: int) -> bool:
    """Whether a cursor at ``offset``, just after a character of ``token``, is in a text (or
    a text not closed yet) or a comment."""
    if token.kind is TokenKind.COMMENT:
        return True
    if token.kind is TokenKind.ERROR:
        return token.text.startswith('"')
    return token.kind is TokenKind.TEXT and offset < token.offset + len(token.text)


def _elements(doc: MapDocument, inferences: bool) -> list[types.CompletionItem]:
    m = doc.result.map
    items = [_item(s.id, s) for s in m.statements.values()]
    return [*items, *_inferences(doc)] if inferences else items


def _inferences(doc: MapDocument) -> list[types.CompletionItem]:
    m = doc.result.map
    inferences: list[Reason | Objection] = [*m.reasons.values(), *m.objections.values()]
    return [_item(i.id, i) for i in inferences if i.named]


def _item(id: str, element: Statement | Source | Reason | Objection) -> types.CompletionItem:
    if isinstance(element, Statement):
        detail = f"{element.kind.value}: {element.text}"
        kind = types.CompletionItemKind.Variable
    elif isinstance(element, Source):
        detail = f"source: {element.title or element.file or element.url or ''}"
        kind = types.CompletionItemKind.File
    else:
        detail = "objection" if isinstance(element, Objection) else "reason"
        kind = types.CompletionItemKind.Event
    return types.CompletionItem(id, kind=kind, detail=detail)


def _kinds() -> list[types.CompletionItem]:
    return [types.CompletionItem(k, kind=types.CompletionItemKind.Keyword) for k in _KINDS]
