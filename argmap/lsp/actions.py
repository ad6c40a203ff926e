"""Quick fixes for findings, where the fix that ``argmap explain`` describes is mechanical
(pure): silence a check on a line, make an unsupported claim an assumption, define an
undefined id; and the edit that formats a document as ``argmap fmt`` does."""

from __future__ import annotations

import re

from lsprotocol import types

from argmap.describe import mention
from argmap.formatter import format_text
from argmap.lexical import TokenKind
from argmap.lsp.document import MapDocument
from argmap.model import StatementKind

__all__ = ["format_edits", "quick_fixes"]

_QUOTE = re.compile(r"\s*(?:quote|cite)\s")


def quick_fixes(
    doc: MapDocument, uri: str, diagnostics: list[types.Diagnostic]
) -> list[types.CodeAction]:
    """The fixes for the editor's ``diagnostics`` (those argmap published) in this document."""
    actions: list[types.CodeAction] = []
    for diagnostic in diagnostics:
        code = diagnostic.code
        if diagnostic.source != "argmap" or not isinstance(code, str):
            continue
        subject = diagnostic.data.get("subject") if isinstance(diagnostic.data, dict) else None
        edits: list[tuple[str, list[types.TextEdit]]] = []
        if code == "S201" and isinstance(subject, str):
            edits.append(_assumption(doc, subject))
        if code == "E102" and isinstance(subject, str) and subject not in doc.elements:
            edits.append(_define(doc, subject, diagnostic.range))
        if not code.startswith("E") and code != "X901":  # X901: delete the comment instead
            edits.append(_suppress(doc, code, diagnostic.range.start.line))
        for title, changes in edits:
            if changes:
                actions.append(
                    types.CodeAction(
                        title,
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[diagnostic],
                        edit=types.WorkspaceEdit(changes={uri: changes}),
                    )
                )
    return actions


def _suppress(doc: MapDocument, code: str, line: int) -> tuple[str, list[types.TextEdit]]:
    """A comment line above the finding's line, indented as it is."""
    text = doc.lines.lines[line] if line < len(doc.lines.lines) else ""
    indent = text[: len(text) - len(text.lstrip(" \t"))]
    at = types.Position(line, 0)
    comment = f"{indent}# argmap: ignore[{code}]\n"
    return f"Ignore {code} on this line", [types.TextEdit(types.Range(at, at), comment)]


def _assumption(doc: MapDocument, id: str) -> tuple[str, list[types.TextEdit]]:
    """``claim x: ...`` (or ``x: ...``) becomes ``assumption x: ...``, and a claim written
    without an id (``"..."``) becomes ``assumption: "..."``."""
    m = doc.result.map
    statement = m.statements.get(id)
    title = f"Make {mention(m, id)} an assumption"
    if statement is None or statement.kind is not StatementKind.CLAIM:
        return title, []
    span = m.span(statement)
    first = doc.token_at(doc.lines.position(span.line, span.column))
    if first is not None and first.kind is TokenKind.KIND:
        where = doc.lines.token_range(first)
        return title, [types.TextEdit(where, StatementKind.ASSUMPTION.value)]
    at = doc.lines.position(span.line, span.column)
    kind = StatementKind.ASSUMPTION.value + (" " if statement.named else ": ")
    return title, [types.TextEdit(types.Range(at, at), kind)]


def _define(doc: MapDocument, id: str, where: types.Range) -> tuple[str, list[types.TextEdit]]:
    """A declaration at the end of the file: a source where a quote or citation names the
    id, else a claim (with an empty text to fill in)."""
    line = doc.lines.lines[where.start.line] if where.start.line < len(doc.lines.lines) else ""
    is_source = _QUOTE.match(line) is not None
    declaration = f'source {id} ""' if is_source else f'claim {id}: ""'
    end = doc.lines.position(len(doc.lines.lines), len(doc.lines.lines[-1]) + 1)
    prefix = "" if doc.text.endswith("\n") or not doc.text else "\n"
    title = f'Define "{id}" as a {"source" if is_source else "claim"}'
    return title, [types.TextEdit(types.Range(end, end), f"{prefix}{declaration}\n")]


def format_edits(doc: MapDocument) -> list[types.TextEdit] | None:
    """The edit that gives the document the layout of ``argmap fmt``: none when it has it
    already, None when it has syntax errors (the editor shows them as diagnostics)."""
    formatted = format_text(doc.source, doc.path)
    if formatted.diagnostics:
        return None
    if formatted.text == doc.source:  # as argmap fmt compares: Windows line ends are changed
        return []
    last = len(doc.lines.lines)
    whole = types.Range(types.Position(0, 0), doc.lines.position(last + 1, 1))
    return [types.TextEdit(whole, formatted.text)]
