"""Completion of ids, statement kinds, keywords and source names where the grammar allows
them (pure)."""

from __future__ import annotations

import re

from lsprotocol import types

from argmap.lexical import Token, TokenKind
from argmap.lsp.document import MapDocument
from argmap.model import Objection, Reason, Source, Statement, StatementKind

__all__ = ["complete"]

# What precedes the word being typed, on its line.
_SOURCE = re.compile(r"^\s*(?:quote|cite)\s+$")
_NEW_INFERENCE = re.compile(r"^\s*[+\-]\s*\[[^\]]*$")  # `+ [`: a new id, label or flag
_PREMISE = re.compile(r"^\s*[+\-&]\s*(?:\[[^\]\[]*\]\s*)?$")
_FLAT = re.compile(r"^\s*(reason|objection)\b[^:]*:(.*)$")
_EXPECT = re.compile(r"^\s*expect\s+\w+\s*:\s*(?:[^\s#]+\s+)*$")
_LINE_START = re.compile(r"^\s*$")
_KINDS = [k.value for k in StatementKind]
_BODY = ["quote", "cite", "by", "tags", "note"]  # what a line under a statement may start with
_SOURCE_FIELDS = ["file", "url", "title", "author", "date"]
_BREAKS = frozenset("[]:+&>")


def complete(doc: MapDocument, position: types.Position) -> list[types.CompletionItem]:
    """What may be written at ``position``: nothing inside a text or a comment. Each item
    replaces the whole part of the word already typed."""
    line, column = doc.lines.place(position)
    offset = doc.lines.offset(line, column)
    token = doc.token_containing(offset - 1)  # the character before the cursor
    if token is not None and _in_text_or_comment(token, offset):
        return []
    typed = doc.lines.lines[line - 1][: column - 1]
    before = _without_partial_word(typed)
    where = types.Range(doc.lines.position(line, len(before) + 1), position)
    return [
        types.CompletionItem(
            label, kind=kind, detail=detail, text_edit=types.TextEdit(where, label)
        )
        for label, kind, detail in _candidates(doc, line, before)
    ]


_Candidate = tuple[str, types.CompletionItemKind, str | None]


def _candidates(doc: MapDocument, line: int, before: str) -> list[_Candidate]:
    """What the grammar allows after ``before``, the start of line ``line``."""
    m = doc.result.map
    if _SOURCE.search(before):
        return [_item(s) for s in m.sources.values()]
    if _NEW_INFERENCE.search(before):
        return []
    flat = _FLAT.match(before)
    if flat:
        rest = flat.group(2)
        if re.search(r"->\s*$", rest):  # only an objection may target an inference
            return _elements(doc, inferences=flat.group(1) == "objection")
        if re.fullmatch(r"\s*|.*&\s*", rest):  # a premise: an id, never a new statement
            return _elements(doc, inferences=False)
        return []
    if _EXPECT.search(before):
        return _elements(doc, inferences=True)
    if _PREMISE.search(before):
        _, parent = _parent(doc, line)
        statements = _elements(doc, inferences=False)
        return [*(c for c in statements if c[0] != parent), *_keywords(_KINDS)]
    if _LINE_START.match(before):
        if not before:
            return _keywords(_KINDS)
        kind, _ = _parent(doc, line)
        if kind == "statement":
            return _keywords(_BODY)
        if kind == "source":
            return _keywords(_SOURCE_FIELDS)
        return _keywords(_KINDS) if kind == "group" else []
    return []


def _without_partial_word(before: str) -> str:
    """The text before the cursor without the part of a word already typed."""
    end = len(before)
    while end and not before[end - 1].isspace() and before[end - 1] not in _BREAKS:
        end -= 1
    if before[end:].startswith("-"):  # the sign of an objection, not part of an id
        end += 1
    return before[:end]


def _in_text_or_comment(token: Token, offset: int) -> bool:
    """Whether a cursor at ``offset``, just after a character of ``token``, is in a text (or
    a text not closed yet) or a comment."""
    if token.kind is TokenKind.COMMENT:
        return True
    if token.kind is TokenKind.ERROR:
        return token.text.startswith('"')
    return token.kind is TokenKind.TEXT and offset < token.offset + len(token.text)


def _parent(doc: MapDocument, line: int) -> tuple[str, str | None]:
    """What the indented line ``line`` is under: ``("statement", its id or None)``,
    ``("group", None)``, ``("source", None)`` or ``("other", None)``. Lines that continue a
    text in triple quotes are not lines of the outline."""
    lines = doc.lines.lines
    text = lines[line - 1]
    indent = len(text) - len(text.lstrip(" \t"))
    for number in range(line - 1, 0, -1):
        above = lines[number - 1]
        stripped = above.lstrip(" \t")
        if not stripped or stripped.startswith("#"):
            continue
        start = doc.lines.offset(number, 1)
        token = doc.token_containing(start)
        if token is not None and token.kind is TokenKind.TEXT and token.offset < start:
            continue
        if len(above) - len(stripped) < indent:
            return _declares(doc, number)
    return "other", None


def _declares(doc: MapDocument, line: int) -> tuple[str, str | None]:
    """What line ``line`` declares, as :func:`_parent` says it."""
    words = [
        t
        for t in doc.tokens
        if t.line == line and t.kind not in (TokenKind.SPACE, TokenKind.NEWLINE)
    ]
    if words and words[0].kind is TokenKind.KEYWORD:
        return (words[0].text if words[0].text in ("group", "source") else "other"), None
    depth = 0
    for token in words:
        if token.text in ("[", "]") and token.kind is TokenKind.SIGN:
            depth += 1 if token.text == "[" else -1
        elif token.kind is TokenKind.ID and depth == 0:
            return "statement", token.text
        elif token.kind is TokenKind.TEXT and depth == 0:
            break
    return "statement", None


def _elements(doc: MapDocument, inferences: bool) -> list[_Candidate]:
    """The statements (and the inferences) that have an id."""
    m = doc.result.map
    items = [_item(s) for s in m.statements.values() if s.named]
    if inferences:
        named: list[Reason | Objection] = [*m.reasons.values(), *m.objections.values()]
        items += [_item(i) for i in named if i.named]
    return items


def _item(element: Statement | Source | Reason | Objection) -> _Candidate:
    if isinstance(element, Statement):
        detail = f"{element.kind.value}: {element.text}"
        return element.id, types.CompletionItemKind.Variable, detail
    if isinstance(element, Source):
        detail = f"source: {element.title or element.file or element.url or ''}"
        return element.id, types.CompletionItemKind.File, detail
    detail = "objection" if isinstance(element, Objection) else "reason"
    return element.id, types.CompletionItemKind.Event, detail


def _keywords(words: list[str]) -> list[_Candidate]:
    return [(w, types.CompletionItemKind.Keyword, None) for w in words]
