"""The JSON format of ``argmap check``; its schema is ``schemas/check-output.schema.json``."""

from __future__ import annotations

import json
from typing import Any

import argmap
from argmap.diagnostics import Severity
from argmap.report.run import CheckRun

__all__ = ["FORMAT_VERSION", "check_run_to_dict", "format_json"]

FORMAT_VERSION = 1
"""Raised when a field changes meaning or goes away; new fields may be added without it."""


def check_run_to_dict(run: CheckRun) -> dict[str, Any]:
    """The run as JSON-ready data."""
    return {
        "version": FORMAT_VERSION,
        "tool": {"name": "argmap", "version": argmap.__version__},
        "files": [
            {"path": f.path, "status": f.status.value, "message": f.message} for f in run.files
        ],
        "diagnostics": [d.to_dict() for d in run.diagnostics],
        "summary": {
            "files": len(run.files),
            "errors": run.count(Severity.ERROR),
            "warnings": run.count(Severity.WARNING),
            "infos": run.count(Severity.INFO),
            "exit_code": run.exit_code,
        },
    }


def format_json(run: CheckRun) -> str:
    """The run as one JSON document, indented, ending in a newline."""
    return json.dumps(check_run_to_dict(run), ensure_ascii=False, indent=2) + "\n"
