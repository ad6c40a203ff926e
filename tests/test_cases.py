"""Every case of ``tests/cases/*.arg`` gives exactly the findings it expects (see casefile.py)."""

from __future__ import annotations

import pytest

from argmap.diagnostics import Diagnostic
from tests.casefile import CASES, Case, case_diagnostics, load_cases

ALL_CASES = [case for path in sorted(CASES.glob("*.arg")) for case in load_cases(path)]


@pytest.mark.parametrize("case", ALL_CASES, ids=[c.id for c in ALL_CASES])
def test_case(case: Case) -> None:
    assert case.expected or case.says_none, f"{case.id} states no expectation"
    found = case_diagnostics(case)
    assert sorted(_where(d) for d in found) == sorted(case.expected)
    for where, text in case.messages.items():
        assert text in [d.message for d in found if _where(d) == where], where
    for where, notes in case.notes.items():
        [finding] = [d for d in found if _where(d) == where]
        actual = [(r.span.line, r.span.column, r.message) for r in finding.related]
        assert sorted(actual) == sorted(notes), where


def _where(d: Diagnostic) -> tuple[str, int, int]:
    return (d.code, d.span.line, d.span.column)


def test_every_check_family_has_passing_and_failing_cases() -> None:
    families = {c.file for c in ALL_CASES}
    for family in families:
        cases = [c for c in ALL_CASES if c.file == family]
        assert any(c.says_none for c in cases), f"{family} has no passing case"
        assert any(c.expected for c in cases), f"{family} has no failing case"
