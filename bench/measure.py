"""Running one command in a fresh process and measuring it: wall time, CPU time, peak memory."""

from __future__ import annotations

import os
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Failure", "Sample", "Timing", "measure", "run_once"]


@dataclass(frozen=True, slots=True)
class Sample:
    """One run: wall seconds, user+system CPU seconds, peak resident memory in MiB."""

    wall: float
    cpu: float
    rss: float


@dataclass(frozen=True, slots=True)
class Timing:
    """The medians of several runs of one command."""

    wall: float
    cpu: float
    rss: float
    runs: int


@dataclass(frozen=True, slots=True)
class Failure:
    """Why a command could not be measured, in a few words."""

    reason: str


_ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
"""The commands run as an installed package runs, from compiled bytecode: some environments
set ``PYTHONDONTWRITEBYTECODE``, which makes every start compile argmap again."""


def run_once(
    argv: Sequence[str], cwd: Path, ok: Collection[int] = (0,), timeout: float = 600.0
) -> Sample | Failure:
    """Run ``argv`` once, its output discarded.

    The resource usage comes from ``wait4`` on this very process, so the peak memory is that
    of the command (or of the largest program it ran and waited for, e.g. ``dot``), never of
    an earlier run.
    """
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        try:
            process = subprocess.Popen(
                list(argv),
                env=_ENVIRONMENT,
                cwd=cwd,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=errors,
            )
        except OSError as exc:
            return Failure(f"cannot run {argv[0]}: {exc.strerror or exc}")
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        process.returncode = code = os.waitstatus_to_exitcode(status)
        if wall >= timeout and code < 0:
            return Failure(f"timed out after {timeout:.0f} s")
        if code not in ok:
            errors.seek(0)
            lines = errors.read().decode("utf-8", "replace").strip().splitlines()
            return Failure(f"exit code {code}: {lines[-1][:120] if lines else 'no message'}")
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def measure(
    argv: Sequence[str], cwd: Path, runs: int, ok: Collection[int] = (0,), timeout: float = 600.0
) -> Timing | Failure:
    """The medians of ``runs`` fresh runs; the first failure ends the measurement."""
    samples: list[Sample] = []
    for _ in range(runs):
        result = run_once(argv, cwd, ok, timeout)
        if isinstance(result, Failure):
            return result
        samples.append(result)
    return Timing(
        statistics.median(s.wall for s in samples),
        statistics.median(s.cpu for s in samples),
        statistics.median(s.rss for s in samples),
        len(samples),
    )
