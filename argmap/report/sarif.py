"""SARIF 2.1.0, the format code-scanning services (GitHub, Azure DevOps, IDEs) read."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import PurePath, PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

import argmap
from argmap.checks.base import RuleInfo
from argmap.checks.ruledoc import doc_sections
from argmap.diagnostics import Diagnostic, Severity
from argmap.model import Span
from argmap.report.run import CheckRun, FileStatus

__all__ = ["SARIF_SCHEMA", "check_run_to_sarif", "format_sarif"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_FAMILY = {
    "E": "syntax",
    "S": "support",
    "O": "objections",
    "C": "circularity",
    "Q": "sources",
    "L": "verdict",
    "X": "suppressions",
}


def format_sarif(run: CheckRun, rules: Mapping[str, RuleInfo]) -> str:
    """The run as a SARIF log, indented, ending in a newline."""
    return json.dumps(check_run_to_sarif(run, rules), ensure_ascii=False, indent=2) + "\n"


def check_run_to_sarif(run: CheckRun, rules: Mapping[str, RuleInfo]) -> dict[str, Any]:
    """The run as SARIF data: one run, every rule argmap knows, one result per finding."""
    known = dict(rules)
    for d in run.diagnostics:  # a code without a rule (a plug-in check) still gets one
        known.setdefault(d.code, RuleInfo(d.code, d.name, d.severity, d.message, d.message))
    rule_index = {code: n for n, code in enumerate(known)}
    paths = list(
        dict.fromkeys([f.path for f in run.files] + [d.span.file for d in run.diagnostics])
    )
    artifact_index = {path: n for n, path in enumerate(paths)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "argmap",
                        "version": argmap.__version__,
                        "informationUri": "https://pypi.org/project/argmap/",
                        "rules": [_rule(r) for r in known.values()],
                    }
                },
                "invocations": [_invocation(run)],
                "artifacts": [{"location": {"uri": _uri(p)}} for p in paths],
                "columnKind": "unicodeCodePoints",
                "results": [_result(d, rule_index, artifact_index) for d in run.diagnostics],
            }
        ],
    }


def _rule(rule: RuleInfo) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.summary},
        "help": {"text": rule.doc, "markdown": _markdown(rule)},
        "defaultConfiguration": {"level": _LEVEL[rule.severity], "enabled": rule.default_enabled},
        "properties": {"tags": ["argmap", _FAMILY.get(rule.code[:1], "other")]},
    }


def _markdown(rule: RuleInfo) -> str:
    """The rule's doc with its section titles as headings and its examples as code blocks."""
    out = [f"**{rule.code} {rule.name}**: {rule.summary}", ""]
    for section in doc_sections(rule.doc):
        out += [f"#### {section.title}", ""]
        for part in section.parts:
            out += ["```", part.text, "```", ""] if part.code else [part.text, ""]
    return "\n".join(out).strip() + "\n"


def _invocation(run: CheckRun) -> dict[str, Any]:
    notifications = [
        {
            "level": "error",
            "message": {"text": f"{f.path}: {f.message or 'cannot be read'}"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(f.path)}}}],
        }
        for f in run.files
        if f.status is FileStatus.UNREADABLE
    ]
    return {
        "executionSuccessful": run.exit_code != 2,
        "exitCode": run.exit_code,
        "toolExecutionNotifications": notifications,
    }


def _result(
    diagnostic: Diagnostic, rule_index: Mapping[str, int], artifact_index: Mapping[str, int]
) -> dict[str, Any]:
    text = diagnostic.message
    if diagnostic.hint:
        text += f". Hint: {diagnostic.hint}"
    result: dict[str, Any] = {
        "ruleId": diagnostic.code,
        "ruleIndex": rule_index[diagnostic.code],
        "level": _LEVEL[diagnostic.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": _physical(diagnostic.span, artifact_index)}],
    }
    if diagnostic.related:
        result["relatedLocations"] = [
            {
                "id": n,
                "physicalLocation": _physical(r.span, artifact_index),
                "message": {"text": r.message},
            }
            for n, r in enumerate(diagnostic.related, start=1)
        ]
    if diagnostic.subject is not None:
        result["properties"] = {"subject": diagnostic.subject}
    return result


def _physical(span: Span, artifact_index: Mapping[str, int]) -> dict[str, Any]:
    location: dict[str, Any] = {"uri": _uri(span.file)}
    if span.file in artifact_index:
        location["index"] = artifact_index[span.file]
    return {
        "artifactLocation": location,
        "region": {
            "startLine": span.line,
            "startColumn": span.column,
            "endLine": max(span.end_line, span.line),
            "endColumn": span.end_column
            if span.end_line > span.line
            else max(span.end_column, span.column),
        },
    }


def _uri(path: str) -> str:
    """A file path as a URI reference: relative paths stay relative, with ``/`` separators."""
    pure: PurePath = PureWindowsPath(path) if "\\" in path else PurePosixPath(path)
    return pure.as_uri() if pure.is_absolute() else quote(pure.as_posix())
