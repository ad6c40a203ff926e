"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request."""

from __future__ import annotations

from argmap.diagnostics import Diagnostic, Severity
from argmap.report.run import CheckRun

__all__ = ["format_github"]

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def format_github(run: CheckRun) -> str:
    """One ``::warning file=…,line=…::message`` line per finding."""
    return "".join(_annotation(d) + "\n" for d in run.diagnostics)


def _annotation(diagnostic: Diagnostic) -> str:
    span = diagnostic.span
    properties = {
        "file": span.file,
        "line": span.line,
        "col": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
        "title": f"{diagnostic.code} {diagnostic.name}",
    }
    text = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties.items())
    lines = [diagnostic.message]
    lines += [f"{r.span}: {r.message}" for r in diagnostic.related]
    if diagnostic.hint:
        lines.append(f"hint: {diagnostic.hint}")
    return f"::{_LEVEL[diagnostic.severity]} {text}::{_escape_data(chr(10).join(lines))}"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")
