"""Standard output that says when it cannot be written (a full disk, a file size limit), for
argmap run as a program: every command's output goes through it, and a failure ends the
program with a plain error instead of a traceback or a silent loss. A reader that went away
(``argmap check x.arg | head -1``) ends it quietly."""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from argmap.cli.exitcodes import EXIT_ERROR

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

__all__ = ["StandardOutputError", "reporting_failed_writes", "stop_writing"]


class StandardOutputError(OSError):
    """Standard output could not be written (not a reader that went away: that is
    ``BrokenPipeError``)."""


class _Reporting(io.RawIOBase):
    """The raw standard output, written in full (a short write is continued), whose failed
    writes raise :class:`StandardOutputError`."""

    def __init__(self, raw: io.RawIOBase) -> None:
        super().__init__()
        self._raw = raw

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._raw.fileno()

    def isatty(self) -> bool:
        return self._raw.isatty()

    def write(self, data: ReadableBuffer) -> int:
        whole = memoryview(data).cast("B")
        left = whole
        while left:
            try:
                written = self._raw.write(left)
            except BrokenPipeError:
                raise
            except OSError as exc:
                raise StandardOutputError(exc.errno, exc.strerror) from None
            if not written:  # None: it would block; 0: nothing more can be written
                raise StandardOutputError(errno.EAGAIN, "standard output does not take more")
            left = left[written:]
        return len(whole)


@contextmanager
def reporting_failed_writes() -> Iterator[None]:
    """Within the block, standard output reports its failures; at its end it is flushed, and a
    failure is said on standard error and ends the program with exit code 2."""
    stream = sys.stdout
    if isinstance(stream, io.TextIOWrapper):
        stream.flush()
        unbuffered = isinstance(stream.buffer, io.RawIOBase)  # python -u, PYTHONUNBUFFERED
        raw = _Reporting(stream.buffer if unbuffered else stream.buffer.raw)
        sys.stdout = io.TextIOWrapper(
            raw if unbuffered else io.BufferedWriter(raw),
            encoding=stream.encoding,
            errors=stream.errors,
            newline="\n",
            line_buffering=stream.line_buffering,
            write_through=stream.write_through,
        )
    try:
        try:
            yield
        finally:
            if not sys.stdout.closed:  # (the language server closes it when it ends)
                sys.stdout.flush()
    except StandardOutputError as exc:
        from argmap.cli.output_files import STDOUT, write_problem

        stop_writing()
        click.echo(f"standard output: error: {write_problem(STDOUT, exc, '')}", err=True)
        raise SystemExit(EXIT_ERROR) from None
    except BrokenPipeError:
        stop_writing()
        raise SystemExit(EXIT_ERROR) from None


def stop_writing() -> None:
    """Send what is left for standard output nowhere (its reader is gone, or it cannot be
    written), so that ending the program does not try again."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
