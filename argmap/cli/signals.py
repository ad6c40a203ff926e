"""Ending on SIGTERM as on Ctrl-C: cleanups run (a temporary output file is removed, a running
Graphviz is ended), then the process ends by the signal, as whoever sent it expects."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["Terminated", "ending_cleanly_on_sigterm"]


class Terminated(BaseException):
    """SIGTERM arrived. Like KeyboardInterrupt, not an ``Exception``: only cleanups see it."""


def _raise(signum: int, frame: FrameType | None) -> None:
    raise Terminated


@contextmanager
def ending_cleanly_on_sigterm() -> Iterator[None]:
    """Within the block, SIGTERM raises :class:`Terminated` where the program is; once the
    cleanups have run, the process ends by SIGTERM. (For argmap run as a program only.)"""
    previous = signal.signal(signal.SIGTERM, _raise)
    try:
        yield
    except Terminated:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)
        raise  # only if the signal is blocked: still end
    finally:
        signal.signal(signal.SIGTERM, previous)
