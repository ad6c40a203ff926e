"""One fuzz campaign: Hypothesis draws inputs, each goes through the pipeline within its time
limit. Used by ``python -m tests.fuzz`` and by ``tests/test_fuzz.py``."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as with_seed

from tests.fuzz.limits import time_limit
from tests.fuzz.pipeline import run_pipeline
from tests.fuzz.strategies import fuzz_inputs

__all__ = ["Campaign", "campaign"]


@dataclass
class Campaign:
    """What a campaign ran: how many inputs, and the slowest (processor seconds, input)."""

    inputs: int = 0
    slowest: float = 0.0
    slowest_input: str = ""


def campaign(
    examples: int,
    seconds: float,
    *,
    seed: int | None = None,
    shrink: bool = False,
    progress: int = 0,
) -> Campaign:
    """Run ``examples`` inputs, each within ``seconds`` of processor time. Raises the first
    failure, as found or (with ``shrink``) after Hypothesis has made it small, which can take
    minutes. With ``progress``, says on standard error every time that many inputs have run."""
    done = Campaign()

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
        done.inputs += 1
        start = time.process_time()
        with time_limit(seconds):
            run_pipeline(text)
        used = time.process_time() - start
        if used > done.slowest:
            done.slowest, done.slowest_input = used, text
        if progress and done.inputs % progress == 0:
            print(f"fuzz: {done.inputs} inputs", file=sys.stderr, flush=True)

    (one if seed is None else with_seed(seed)(one))()
    return done
