"""The result of one ``argmap check`` run, as the output formats see it."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from argmap.diagnostics import Diagnostic, Severity

__all__ = ["CheckRun", "FileResult", "FileStatus"]


class FileStatus(enum.Enum):
    """What happened to an input: checked, not a valid map (E1xx), or not readable at all."""

    CHECKED = "checked"
    INVALID = "invalid"
    UNREADABLE = "unreadable"


@dataclass(frozen=True, slots=True)
class FileResult:
    """One input file; ``message`` says why an unreadable file could not be read."""

    path: str
    status: FileStatus
    message: str | None = None


@dataclass(frozen=True, slots=True)
class CheckRun:
    """All inputs, all findings (sorted), the maps' texts by path and the exit code."""

    files: tuple[FileResult, ...]
    diagnostics: tuple[Diagnostic, ...]
    exit_code: int
    texts: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)
