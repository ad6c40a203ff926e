"""The outline of a map for an editor: document symbols and folding ranges (pure)."""

from __future__ import annotations

from collections.abc import Mapping

from lsprotocol import types

from argmap.describe import describe
from argmap.lsp.document import MapDocument
from argmap.model import Group, Span, StatementKind

__all__ = ["folding_ranges", "symbols"]

_SYMBOL_KINDS = {
    StatementKind.THESIS: types.SymbolKind.Class,
    StatementKind.CLAIM: types.SymbolKind.Function,
    StatementKind.EVIDENCE: types.SymbolKind.Constant,
    StatementKind.ASSUMPTION: types.SymbolKind.Variable,
}


def symbols(doc: MapDocument) -> list[types.DocumentSymbol]:
    """Sources, then groups (nested as written) holding their statements, in source order."""
    m = doc.result.map
    lines = doc.lines
    top: list[types.DocumentSymbol] = []
    children: dict[str | None, list[types.DocumentSymbol]] = {None: top}
    ends: dict[str, Span] = {}
    for group in m.groups.values():
        children[group.id] = []
    for source in m.sources.values():
        selection = lines.range(m.span(source))
        top.append(
            types.DocumentSymbol(
                source.id, types.SymbolKind.File, selection, selection, source.title
            )
        )
    for statement in m.statements.values():
        span = m.span(statement)
        selection = lines.range(span)
        children.get(statement.group, top).append(
            types.DocumentSymbol(
                statement.id if statement.named else describe(m, statement.id),
                _SYMBOL_KINDS[statement.kind],
                selection,
                selection,
                f"{statement.kind.value}: {statement.text}",
            )
        )
        _extend(m.groups, statement.group, span, ends)
    # Groups are built innermost first, so that each holds its finished sub-groups.
    for group in reversed(list(m.groups.values())):
        start = m.span(group)
        end = ends.get(group.id, start)
        whole = lines.range(Span(start.file, start.line, 1, end.end_line, end.end_column))
        symbol = types.DocumentSymbol(
            group.title or group.id,
            types.SymbolKind.Namespace,
            whole,
            lines.range(start),
            children=sorted(children[group.id], key=_start),
        )
        children.get(group.parent, top).append(symbol)
    return sorted(top, key=_start)


def _extend(
    groups: Mapping[str, Group], group: str | None, span: Span, ends: dict[str, Span]
) -> None:
    """Record that ``span`` lies in ``group`` and in every group around it."""
    while group is not None:
        end = ends.get(group)
        if end is None or (end.end_line, end.end_column) < (span.end_line, span.end_column):
            ends[group] = span
        parent = groups.get(group)
        group = parent.parent if parent is not None else None


def _start(symbol: types.DocumentSymbol) -> tuple[int, int]:
    return (symbol.range.start.line, symbol.range.start.character)


def folding_ranges(text: str) -> list[types.FoldingRange]:
    """A range for each line with more-indented lines under it (a statement and its body, a
    group, a long text), and for each run of two or more comment lines."""
    ranges: list[types.FoldingRange] = []
    open_lines: list[tuple[int, int]] = []  # (indentation, line) of the lines still open
    last = -1  # the last line with content
    comments_from = -1
    lines = text.split("\n")
    for number, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("#"):
            if comments_from < 0:
                comments_from = number
            continue
        _close_comments(ranges, comments_from, number - 1)
        comments_from = -1
        if not stripped:
            continue
        indent = len(line) - len(line.lstrip(" \t"))
        while open_lines and open_lines[-1][0] >= indent:
            _, start = open_lines.pop()
            if last > start:
                ranges.append(types.FoldingRange(start, last))
        open_lines.append((indent, number))
        last = number
    _close_comments(ranges, comments_from, len(lines) - 1)
    for _, start in open_lines:
        if last > start:
            ranges.append(types.FoldingRange(start, last))
    return sorted(ranges, key=lambda r: (r.start_line, r.end_line))


def _close_comments(ranges: list[types.FoldingRange], start: int, end: int) -> None:
    if 0 <= start < end:
        ranges.append(types.FoldingRange(start, end, kind=types.FoldingRangeKind.Comment))
