"""Findings as data: every error and warning argmap reports is a :class:`Diagnostic`."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from argmap.model import Span, span_to_dict

__all__ = ["Diagnostic", "Related", "Severity", "sort_key"]


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so that ``ERROR > WARNING > INFO``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Related:
    """Another place that explains a finding (the first definition, the objection answered)."""

    span: Span
    message: str


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding: a stable code and name, a plain-words message and where it applies."""

    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    related: tuple[Related, ...] = ()
    hint: str | None = None
    subject: str | None = None
    """The id of the statement, reason, objection or source the finding is about, if any."""

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON shape of a finding."""
        return {
            "code": self.code,
            "name": self.name,
            "severity": str(self.severity),
            "message": self.message,
            "location": span_to_dict(self.span),
            "related": [
                {"message": r.message, "location": span_to_dict(r.span)} for r in self.related
            ],
            "hint": self.hint,
            "subject": self.subject,
        }


def sort_key(diagnostic: Diagnostic) -> tuple[str, int, int, str, str]:
    """Order findings by file, position and code, so that output is deterministic."""
    s = diagnostic.span
    return (s.file, s.line, s.column, diagnostic.code, diagnostic.message)
