"""One fuzz campaign: Hypothesis draws inputs, each goes through the pipeline within its time
limit. Used by ``python -m tests.fuzz`` and by ``tests/test_fuzz.py``."""

from __future__ import annotations

from hypothesis import HealthCheck, Phase, given, settings

from tests.fuzz.limits import time_limit
from tests.fuzz.pipeline import run_pipeline
from tests.fuzz.strategies import fuzz_inputs

__all__ = ["campaign"]


def campaign(
    examples: int, seconds: float, *, seed: int | None = None, shrink: bool = False
) -> int:
    """Run ``examples`` inputs, each within ``seconds``; the number of inputs run. Raises the
    first failure, as found or (with ``shrink``) after Hypothesis has made it small, which
    can take minutes."""
    count = 0

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=seed is None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.generate, Phase.shrink] if shrink else [Phase.generate],
        report_multiple_bugs=False,
    )
    @given(fuzz_inputs())
    def one(text: str) -> None:
        nonlocal count
        count += 1
        with time_limit(seconds):
            run_pipeline(text)

    if seed is not None:
        from hypothesis import seed as with_seed

        one = with_seed(seed)(one)
    one()
    return count
