"""Reading maps named on the command line: files, globs and ``-`` for standard input."""

from __future__ import annotations

import glob
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import click

from argmap.reader import ReadResult, read_bytes
from argmap.report.human import format_human

__all__ = [
    "EXIT_CLEAN",
    "EXIT_ERROR",
    "EXIT_FINDINGS",
    "InputError",
    "expand",
    "fail",
    "read_input",
    "read_inputs",
    "usable",
]

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2

STDIN = "-"


@dataclass(frozen=True, slots=True)
class InputError:
    """A file that could not be read at all, in plain words."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: error: {self.message}"


def expand(patterns: Iterable[str]) -> list[str]:
    """Paths in the order given; a glob pattern expands to its matches, sorted."""
    paths: list[str] = []
    for pattern in patterns:
        if pattern != STDIN and glob.has_magic(pattern):
            matches = sorted(glob.glob(pattern, recursive=True))
            paths.extend(matches or [pattern])
        else:
            paths.append(pattern)
    return list(dict.fromkeys(paths))


def read_inputs(patterns: Iterable[str]) -> Iterator[ReadResult | InputError]:
    """Each map parsed, or the reason it could not be read."""
    for path in expand(patterns):
        yield read_input(path)


def usable(item: ReadResult | InputError) -> ReadResult | None:
    """The map if it can be used; else None, after saying why on standard error."""
    if isinstance(item, InputError):
        click.echo(str(item), err=True)
        return None
    if not item.ok:
        click.echo(format_human(item.diagnostics, {item.map.path: item.text}), nl=False, err=True)
        return None
    return item


def read_input(path: str) -> ReadResult | InputError:
    """One map (a path as :func:`expand` gives it, or ``-``), or why it could not be read."""
    data = _read(path)
    return data if isinstance(data, InputError) else read_bytes(data, _display(path))


def _display(path: str) -> str:
    return "<stdin>" if path == STDIN else path


def _read(path: str) -> bytes | InputError:
    if path == STDIN:
        return sys.stdin.buffer.read()
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        message = "no such file" if not glob.has_magic(path) else "no file matches this pattern"
    except IsADirectoryError:
        message = "this is a folder, not a map file (give the .arg files, or a glob like dir/*.arg)"
    except PermissionError:
        message = "permission denied: the file cannot be read"
    except OSError as exc:
        message = f"cannot be read: {exc.strerror or exc}"
    return InputError(path, message)


def fail(message: str) -> None:
    """Print a one-line error to standard error and exit with the error code."""
    click.echo(f"argmap: error: {message}", err=True)
    raise SystemExit(EXIT_ERROR)
