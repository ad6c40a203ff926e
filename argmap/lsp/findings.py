"""argmap's findings as the editor shows them: LSP diagnostics (pure)."""

from __future__ import annotations

from lsprotocol import types
from pygls.uris import from_fs_path

from argmap.diagnostics import Diagnostic, Severity
from argmap.lsp.document import MapDocument

__all__ = ["editor_diagnostic"]

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
