"""argmap's findings as the editor shows them: LSP diagnostics (pure)."""

from __future__ import annotations

from collections.abc import Iterable

from lsprotocol import types
from pygls.uris import from_fs_path

from argmap.diagnostics import Diagnostic, Severity
from argmap.lsp.document import MapDocument

__all__ = ["EditorDiagnostics", "editor_diagnostic"]

_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


def editor_diagnostic(doc: MapDocument, uri: str, d: Diagnostic) -> types.Diagnostic:
    """A finding on the document at ``uri`` as the editor shows it: the message, then the hint
    on a line of its own; its notes as related places (in other files too)."""
    message = d.message if d.hint is None else f"{d.message}\nhint: {d.hint}"
    related = [
        types.DiagnosticRelatedInformation(
            types.Location(_uri(uri, doc, r.span.file), doc.lines.range(r.span)), r.message
        )
        for r in d.related
    ]
    return types.Diagnostic(
        doc.lines.range(d.span),
        message,
        severity=_SEVERITIES[d.severity],
        code=d.code,
        source="argmap",
        related_information=related or None,
        data={"name": d.name, "subject": d.subject},
    )


def _uri(uri: str, doc: MapDocument, file: str) -> str:
    return uri if file == doc.path else (from_fs_path(file) or uri)


class EditorDiagnostics:
    """The findings of one document as the editor shows them, made anew only for what
    changed: a finding reported again, on lines with the same text, is sent as the same
    object as last time (a change in a large map makes and keeps fewer objects)."""

    def __init__(self) -> None:
        self._last: dict[tuple[Diagnostic, tuple[str | None, ...]], types.Diagnostic] = {}

    def __call__(
        self, doc: MapDocument, uri: str, found: Iterable[Diagnostic]
    ) -> list[types.Diagnostic]:
        """The editor's diagnostics of ``found`` on the document at ``uri``."""
        shown: dict[tuple[Diagnostic, tuple[str | None, ...]], types.Diagnostic] = {}
        last = self._last
        diagnostics = []
        for d in found:
            key = (d, _lines(doc, d))
            diagnostic = last.get(key)
            if diagnostic is None:
                diagnostic = editor_diagnostic(doc, uri, d)
            shown[key] = diagnostic
            diagnostics.append(diagnostic)
        self._last = shown
        return diagnostics


def _lines(doc: MapDocument, d: Diagnostic) -> tuple[str | None, ...]:
    """The text of the lines a finding's places start and end on, on which the editor's
    positions depend (columns in UTF-16 code units count the characters before them)."""
    lines = doc.lines.lines
    spans = (d.span, *(r.span for r in d.related))
    return tuple(
        lines[n - 1] if n <= len(lines) else None for s in spans for n in (s.line, s.end_line)
    )
