"""Every case of ``tests/cases/*.arg`` gives exactly the findings it expects (see casefile.py)."""

from __future__ import annotations

import pytest

from tests.casefile import CASES, Case, actual_findings, load_cases

ALL_CASES = [case for path in sorted(CASES.glob("*.arg")) for case in load_cases(path)]


@pytest.mark.parametrize("case", ALL_CASES, ids=[c.id for c in ALL_CASES])
def test_case(case: Case) -> None:
    assert case.expected or case.says_none, f"{case.id} states no expectation"
    assert actual_findings(case) == sorted(case.expected)


def test_every_check_family_has_passing_and_failing_cases() -> None:
    families = {c.file for c in ALL_CASES}
    for family in families:
        cases = [c for c in ALL_CASES if c.file == family]
        assert any(c.says_none for c in cases), f"{family} has no passing case"
        assert any(c.expected for c in cases), f"{family} has no failing case"
