"""A per-input time limit, so that a hang is a failure and not a stuck run.

Within :func:`time_limit`, an input that runs longer than the limit is interrupted with
:class:`Hang` (a timer signal, in the main thread). If the code is stuck where Python cannot
interrupt it (inside a C call), a watchdog prints every thread's stack and ends the process
after twice the limit: the run fails either way.
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
    """Raise :class:`Hang` in the block when it runs longer than ``seconds``."""

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise Hang(f"the input took longer than its time limit of {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    faulthandler.dump_traceback_later(2 * seconds + 5, exit=True, file=sys.stderr)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        faulthandler.cancel_dump_traceback_later()
        signal.signal(signal.SIGALRM, previous)
