"""The pipeline every fuzzed input goes through: read, every check (the opt-in ones too), every
report format, labelling, the exports (JSON, AIF, Argdown), DOT with and without ``--focus``,
and the formatter (which must give its own output back unchanged).

Each stage is one entry of :data:`STAGES`: a name and a function of the :class:`Subject`. A
stage that needs a valid map does nothing for an input that does not parse. To send every
input through a new stage, add one line to :data:`STAGES`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from argmap.analysis import analyze
from argmap.analysis.labelling import explain_all, label_map
from argmap.checks import CheckContext, all_rules, run_checks
from argmap.diagnostics import Severity
from argmap.export_json import map_to_dict
from argmap.formatter import format_text
from argmap.interchange.convert import export_map
from argmap.reader import ReadCache, ReadResult, read_text
from argmap.render import RenderOptions, find, to_digraph
from argmap.report.github import format_github
from argmap.report.human import format_human
from argmap.report.json_format import check_run_to_dict
from argmap.report.run import CheckRun, FileResult, FileStatus
from argmap.report.sarif import check_run_to_sarif

__all__ = ["STAGES", "Subject", "run_pipeline"]

PATH = "fuzz.arg"


@dataclass
class Subject:
    """One input and what the stages compute from it, each part computed once."""

    text: str

    @cached_property
    def read(self) -> ReadResult:
        return read_text(self.text, PATH)

    @property
    def ok(self) -> bool:
        return self.read.ok

    @cached_property
    def context(self) -> CheckContext:
        """The check context; every declared source's text is the map itself, so that quotes
        are really matched against a text."""
        m = self.read.map
        sources = {id: self.read.text for id in m.sources}
        return CheckContext(m, analyze(m), sources=sources)

    @cached_property
    def run(self) -> CheckRun:
        """``argmap check`` with every check selected, as the output formats see it."""
        if not self.ok:
            files = (FileResult(PATH, FileStatus.INVALID),)
            return CheckRun(files, self.read.diagnostics, 2, {PATH: self.read.text})
        found = run_checks(self.context, frozenset(all_rules()))
        diagnostics = (*self.read.diagnostics, *found)
        failing = any(d.severity >= Severity.WARNING for d in diagnostics)
        files = (FileResult(PATH, FileStatus.CHECKED),)
        return CheckRun(files, diagnostics, 1 if failing else 0, {PATH: self.read.text})


def _needs_map(stage: Callable[[Subject], Any]) -> Callable[[Subject], Any]:
    """The stage, run only for an input that is a valid map."""

    def run(subject: Subject) -> Any:
        return stage(subject) if subject.ok else None

    return run


def _check_json(subject: Subject) -> None:
    document = json.loads(json.dumps(check_run_to_dict(subject.run), ensure_ascii=False))
    assert document["summary"]["exit_code"] == subject.run.exit_code
    assert len(document["diagnostics"]) == len(subject.run.diagnostics)


def _human(subject: Subject) -> None:
    report = format_human(subject.run.diagnostics, subject.run.texts)
    # The report is bounded: an excerpt is a window, and findings of one kind on one line fold.
    assert len(report) <= 2_000 * (len(subject.run.diagnostics) + 1) + 8 * len(subject.text)


def _label(subject: Subject) -> None:
    labelling = label_map(subject.read.map)
    explain_all(subject.read.map, labelling)


def _dot(subject: Subject) -> None:
    m = subject.read.map
    assert to_digraph(m, find(m, check=True, evaluate=True), RenderOptions(legend=True)).source


def _dot_focus(subject: Subject) -> None:
    m = subject.read.map
    centres = [next(iter(m.statements), None), next(iter(m.reasons), None)]
    for centre in (c for c in centres if c is not None):
        assert to_digraph(m, find(m), RenderOptions(focus=centre, depth=1)).source


def _read_again(subject: Subject) -> None:
    """Read as an editor's server reads a document: its first half first, then all of it,
    reusing the pieces parsed the first time (in chunks of a few lines, so that the long
    items of a short map are read in chunks too). It must read as from scratch."""
    cache = ReadCache(chunk_lines=4)
    read_text(subject.text[: len(subject.text) // 2], PATH, cache=cache)
    again = read_text(subject.text, PATH, cache=cache)
    expected = subject.read
    assert (again.map, again.diagnostics) == (expected.map, expected.diagnostics), (
        "reading again with the pieces parsed before gave another map or other diagnostics"
    )


def _fmt(subject: Subject) -> str:
    formatted = format_text(subject.text, PATH).text
    if formatted:
        again = format_text(formatted, PATH).text
        assert again == formatted, "formatting the formatted map changed it again"
    return formatted


STAGES: tuple[tuple[str, Callable[[Subject], Any]], ...] = (
    ("read", lambda s: s.read),
    ("read: again, after an edit", _read_again),
    ("check", lambda s: s.run),
    ("report: human", _human),
    ("report: json", _check_json),
    ("report: github", lambda s: format_github(s.run)),
    ("report: sarif", lambda s: check_run_to_sarif(s.run, all_rules())),
    ("label", _needs_map(_label)),
    ("export: json", _needs_map(lambda s: json.dumps(map_to_dict(s.read.map)))),
    ("render: dot", _needs_map(_dot)),
    ("render: dot --focus", _needs_map(_dot_focus)),
    ("export: aif", _needs_map(lambda s: export_map(s.read.map, "aif"))),
    ("export: argdown", _needs_map(lambda s: export_map(s.read.map, "argdown"))),
    ("fmt", _fmt),
)
"""Every stage, in order: (name, function of the subject)."""


class StageFailed(AssertionError):
    """A stage raised: the message names the stage and the input."""


def run_pipeline(text: str) -> None:
    """Send ``text`` through every stage; raises :class:`StageFailed` naming the stage that
    failed (with the original exception as its cause)."""
    subject = Subject(text)
    for name, stage in STAGES:
        try:
            stage(subject)
        except Exception as exc:
            raise StageFailed(f"stage {name!r} failed on input {text[:2000]!r}: {exc!r}") from exc
