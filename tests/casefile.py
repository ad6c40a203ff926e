"""Data-driven check cases: ``tests/cases/*.arg`` files of ``# case:`` blocks.

A case file holds maps separated by ``# case: NAME`` lines. Each case is checked on its own,
and its line numbers count from the line after ``# case:`` (line 1). Directives are comments:

- ``# expect: CODE LINE:COL``: one finding (every finding must be listed, in any order);
  ``# expect: none`` for a case with no finding;
- ``# message: CODE LINE:COL TEXT``: the words of that finding;
- ``# note: CODE LINE:COL LINE:COL TEXT``: a note of that finding, where it points and what it
  says (when a finding has one, all its notes must be listed, in any order);
- ``# select: CODES`` / ``# extend-select: CODES``: which checks run (comma-separated codes,
  names or prefixes). Before the first case, a directive applies to the whole file;
- ``# source: ID=PATH``: the text of source ID, PATH relative to ``tests/cases/``;
- ``# option: SECTION.KEY=JSON``: a check option, as in ``[tool.argmap.SECTION]``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from argmap.analysis import analyze
from argmap.checks import CheckContext, SelectionLayer, run_checks, select_checks
from argmap.diagnostics import Diagnostic
from argmap.reader import read_text

__all__ = ["Case", "actual_findings", "case_diagnostics", "load_cases"]

CASES = Path(__file__).parent / "cases"
_DIRECTIVE = re.compile(r"^\s*# (expect|message|note|select|extend-select|source|option): (.*)$")
_CASE = re.compile(r"^# case: (.+)$")


@dataclass
class Case:
    file: str
    name: str
    text: str
    expected: list[tuple[str, int, int]] = field(default_factory=list)
    messages: dict[tuple[str, int, int], str] = field(default_factory=dict)
    notes: dict[tuple[str, int, int], list[tuple[int, int, str]]] = field(default_factory=dict)
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict[str, object]] = field(default_factory=dict)
    says_none: bool = False

    @property
    def id(self) -> str:
        return f"{self.file}::{self.name}"


def load_cases(path: Path) -> list[Case]:
    """The cases of one file, with the file-wide directives applied."""
    header = Case(path.name, "", "")
    cases: list[Case] = []
    lines: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _CASE.match(line)
        if match:
            if cases:
                cases[-1].text = "\n".join(lines) + "\n"
            cases.append(_inherit(header, match.group(1).strip()))
            lines = []
            continue
        target = cases[-1] if cases else header
        directive = _DIRECTIVE.match(line)
        if directive:
            _apply(target, directive.group(1), directive.group(2).strip(), len(lines) + 1)
        if cases:
            lines.append(line)
    if cases:
        cases[-1].text = "\n".join(lines) + "\n"
    return cases


def _inherit(header: Case, name: str) -> Case:
    return Case(
        header.file,
        name,
        "",
        select=None if header.select is None else list(header.select),
        extend_select=list(header.extend_select),
        sources=dict(header.sources),
        options={k: dict(v) for k, v in header.options.items()},
    )


def _apply(case: Case, key: str, value: str, line: int) -> None:
    if key == "expect":
        if value == "none":
            case.says_none = True
            return
        code, position = value.split()
        case.expected.append((code, *_position(position)))
    elif key == "message":
        code, position, text = value.split(maxsplit=2)
        case.messages[(code, *_position(position))] = text
    elif key == "note":
        code, position, where, text = value.split(maxsplit=3)
        finding = (code, *_position(position))
        case.notes.setdefault(finding, []).append((*_position(where), text))
    elif key == "select":
        case.select = [v.strip() for v in value.split(",")]
    elif key == "extend-select":
        case.extend_select += [v.strip() for v in value.split(",")]
    elif key == "source":
        id, _, rel = value.partition("=")
        case.sources[id.strip()] = rel.strip()
    else:
        name, _, raw = value.partition("=")
        section, _, option = name.strip().rpartition(".")
        case.options.setdefault(section, {})[option] = json.loads(raw)


def _position(text: str) -> tuple[int, int]:
    row, column = text.split(":")
    return int(row), int(column)


def actual_findings(case: Case) -> list[tuple[str, int, int]]:
    """Parse and check a case; (code, line, column) of every finding, sorted."""
    return sorted((d.code, d.span.line, d.span.column) for d in case_diagnostics(case))


def case_diagnostics(case: Case) -> list[Diagnostic]:
    """Parse and check a case: its findings (the reader's errors, if it has any)."""
    result = read_text(case.text, case.name)
    if not result.ok:
        return list(result.diagnostics)
    texts = {id: (CASES / rel).read_text(encoding="utf-8") for id, rel in case.sources.items()}
    ctx = CheckContext(
        result.map,
        analyze(result.map),
        sources=texts,
        source_paths={id: str(CASES / rel) for id, rel in case.sources.items()},
        options=case.options,
    )
    layer = SelectionLayer(case.select, case.extend_select, (), f"case {case.id}")
    return run_checks(ctx, select_checks([layer]))
