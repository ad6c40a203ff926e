"""The human format: ``FILE:LINE:COL: severity: CODE message``, the line and a caret.

Everything printed goes through :func:`argmap.text.visible_text`, so that a map cannot send
control or escape sequences to the reader's terminal. The report stays small whatever the map:
a long line is shown as a window around the finding, and many findings of one kind on one line
fold into one report with a count.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from argmap.diagnostics import Diagnostic
from argmap.text import visible_text

__all__ = ["format_diagnostic", "format_human"]

WINDOW = 100
"""The most characters of a source line an excerpt shows (a longer line is cut, with ``…``)."""
_BEFORE = 30
"""How much of a cut line an excerpt shows before the finding."""
SHOWN_PER_LINE = 3
"""Findings of one kind on one line shown in full; the rest are counted on one more line."""
_FOLDED_NAMES = 5
_NAME_WIDTH = 40
_SEPARATORS = str.maketrans({c: "\u2424" for c in "\n\r\x85\u2028\u2029"})
"""Line separators inside one printed line, shown as ␤ so that the line stays one line."""


def format_human(diagnostics: Sequence[Diagnostic], texts: Mapping[str, str]) -> str:
    """All findings, each with its source line; ``texts`` maps a file to its text."""
    # Lines as the parser counts them: only "\n" ends a line (not U+2028, form feed, ...).
    lines_of = {path: text.split("\n") for path, text in texts.items()}
    kinds: dict[tuple[str, int, str], list[Diagnostic]] = defaultdict(list)
    for d in diagnostics:
        kinds[_kind(d)].append(d)
    shown: Counter[tuple[str, int, str]] = Counter()
    out = []
    for d in diagnostics:
        kind = _kind(d)
        shown[kind] += 1
        if shown[kind] <= SHOWN_PER_LINE:
            out.append(format_diagnostic(d, lines_of.get(d.span.file, [])))
        if shown[kind] == SHOWN_PER_LINE and len(kinds[kind]) > SHOWN_PER_LINE:
            out.append(_folded(kinds[kind][SHOWN_PER_LINE:]))
    return "".join(out)


def _kind(d: Diagnostic) -> tuple[str, int, str]:
    return (d.span.file, d.span.line, d.code)


def _folded(rest: Sequence[Diagnostic]) -> str:
    """``  … and 15997 more E102 findings on line 3 (x4, x5, …)``."""
    first = rest[0]
    names = [_one_line(d.subject)[:_NAME_WIDTH] for d in rest[:_FOLDED_NAMES] if d.subject]
    more = ", …" if len(rest) > _FOLDED_NAMES else ""
    listed = f" ({', '.join(names)}{more})" if names else ""
    return visible_text(
        f"  … and {len(rest)} more {first.code} finding{'s' if len(rest) > 1 else ''} on line "
        f"{first.span.line}{listed}; --format json lists every one\n"
    )


def format_diagnostic(diagnostic: Diagnostic, lines: Sequence[str]) -> str:
    """One finding as text, ending in a newline."""
    span = diagnostic.span
    out = [f"{span}: {diagnostic.severity}: {diagnostic.code} {diagnostic.message}"]
    for related in diagnostic.related:
        out.append(f"  {related.span}: note: {related.message}")
    if diagnostic.hint:
        out.append(f"  hint: {diagnostic.hint}")
    text = [visible_text(_one_line(line)) for line in out]
    text[1:1] = _excerpt(lines, span.line, span.column, span.end_line, span.end_column)
    return "".join(line + "\n" for line in text)


def _one_line(text: str) -> str:
    return text.translate(_SEPARATORS)


def _excerpt(
    lines: Sequence[str], line: int, column: int, end_line: int, end_column: int
) -> list[str]:
    """The source line (or a window of it) and a caret under the span, already visible."""
    if not 1 <= line <= len(lines):
        return []
    source = lines[line - 1].rstrip("\r").expandtabs(1)
    at = min(max(column - 1, 0), len(source))
    width = end_column - column if end_line == line and end_column > column else 1
    start, end = 0, len(source)
    if len(source) > WINDOW:
        start = max(0, min(at - _BEFORE, len(source) - WINDOW))
        end = start + WINDOW
    width = max(1, min(width, end - at))

    def shown(part: str) -> str:
        return visible_text(_one_line(part))

    before = ("…" if start else "") + shown(source[start:at])
    marked = shown(source[at : at + width])
    after = shown(source[at + width : end]) + ("…" if end < len(source) else "")
    gutter = f"{line:>4} | "
    caret = "^" + "~" * (max(1, len(marked)) - 1)
    return [gutter + before + marked + after, " " * (len(gutter) + len(before)) + caret]
