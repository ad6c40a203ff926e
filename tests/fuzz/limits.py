"""A per-input time limit, so that a hang is a failure and not a stuck run.

The limit is on processor time, not on the clock, so that a busy machine does not make a slow
input look like a hang. Within :func:`time_limit`, an input that uses more than the limit is
interrupted with :class:`Hang` (a timer signal, in the main thread); if the interruption lands
where it is swallowed (a garbage-collector callback), :class:`Hang` is raised when the input
ends. If the code is stuck where Python cannot interrupt it, a watchdog prints every thread's
stack and ends the process: the run fails either way.
"""

from __future__ import annotations

import faulthandler
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["Hang", "time_limit"]


class Hang(Exception):
    """An input took longer than its time limit."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`Hang` when the block uses more than ``seconds`` of processor time."""
    fired = False
    message = f"the input used more than its time limit of {seconds:g} s of processor time"

    def interrupt(signum: int, frame: FrameType | None) -> None:
        nonlocal fired
        fired = True
        raise Hang(message)

    previous = signal.signal(signal.SIGPROF, interrupt)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    faulthandler.dump_traceback_later(10 * seconds + 60, exit=True, file=sys.stderr)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        faulthandler.cancel_dump_traceback_later()
        signal.signal(signal.SIGPROF, previous)
    if fired:
        raise Hang(message)
