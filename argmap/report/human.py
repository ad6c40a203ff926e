"""The human format: ``FILE:LINE:COL: severity: CODE message``, the line and a caret.

Everything printed goes through :func:`argmap.text.visible_text`, so that a map cannot send
control or escape sequences to the reader's terminal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from argmap.diagnostics import Diagnostic
from argmap.text import visible_text

__all__ = ["format_diagnostic", "format_human"]


def format_human(diagnostics: Sequence[Diagnostic], texts: Mapping[str, str]) -> str:
    """All findings, each with its source line; ``texts`` maps a file to its text."""
    # Lines as the parser counts them: only "\n" ends a line (not U+2028, form feed, ...).
    lines_of = {path: text.split("\n") for path, text in texts.items()}
    return "".join(format_diagnostic(d, lines_of.get(d.span.file, [])) for d in diagnostics)


def format_diagnostic(diagnostic: Diagnostic, lines: Sequence[str]) -> str:
    """One finding as text, ending in a newline."""
    span = diagnostic.span
    out = [f"{span}: {diagnostic.severity}: {diagnostic.code} {diagnostic.message}"]
    out += _excerpt(lines, span.line, span.column, span.end_line, span.end_column)
    for related in diagnostic.related:
        out.append(f"  {related.span}: note: {related.message}")
    if diagnostic.hint:
        out.append(f"  hint: {diagnostic.hint}")
    return "".join(visible_text(line) + "\n" for line in out)


def _excerpt(
    lines: Sequence[str], line: int, column: int, end_line: int, end_column: int
) -> list[str]:
    if not 1 <= line <= len(lines):
        return []
    source = lines[line - 1].rstrip("\r").expandtabs(1)
    width = end_column - column if end_line == line and end_column > column else 1
    width = max(1, min(width, len(source) - column + 1))
    gutter = f"{line:>4} | "
    return [gutter + source, " " * (len(gutter) + column - 1) + "^" + "~" * (width - 1)]
