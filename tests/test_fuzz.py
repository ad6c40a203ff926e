"""A short fuzz campaign in the test suite: mutated repository maps and generated weird maps go
through every stage of the pipeline (tests/fuzz), each within a time limit. Longer campaigns:
``python -m tests.fuzz --examples N`` (docs/robustness.md)."""

from __future__ import annotations

import pytest

from tests.fuzz.limits import Hang, time_limit
from tests.fuzz.pipeline import STAGES, run_pipeline
from tests.fuzz.runner import campaign
from tests.fuzz.strategies import corpus

EXAMPLES = 2_000


def test_a_short_campaign_finds_nothing() -> None:
    assert campaign(EXAMPLES, seconds=10).inputs == EXAMPLES


def test_every_map_of_the_repository_goes_through_every_stage() -> None:
    assert len(corpus()) >= 20
    for text in corpus():
        run_pipeline(text)


def test_the_pipeline_has_every_stage() -> None:
    names = [name for name, _ in STAGES]
    for expected in ("read", "check", "label", "export: json", "render: dot --focus"):
        assert expected in names
    assert sum(name.startswith("report: ") for name in names) == 4


def test_a_hang_is_a_failure_not_a_stuck_run() -> None:
    with pytest.raises(Hang), time_limit(0.2):
        while True:
            pass
