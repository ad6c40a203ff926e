"""Reading maps named on the command line: files, globs and ``-`` for standard input."""

from __future__ import annotations

import glob
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple, NoReturn

import click

from argmap.cli.exitcodes import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from argmap.cli.grammar_cache import cached_parser
from argmap.reader import ReadResult, read_bytes
from argmap.report.human import format_human

__all__ = [
    "EXIT_CLEAN",
    "EXIT_ERROR",
    "EXIT_FINDINGS",
    "InputError",
    "expand",
    "display_name",
    "fail",
    "json_payload",
    "read_data",
    "read_input",
    "read_inputs",
    "usable",
]


STDIN = "-"
MAX_BYTES = 64 << 20
"""The largest map argmap reads (a 20 000-statement map is about 5 MB)."""


class InputError(NamedTuple):
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


_MANY_MAPS = "give the .arg files, or a glob like dir/*.arg"
"""What to give instead of a folder, to a command that takes several maps."""


def read_input(path: str, instead: str = _MANY_MAPS) -> ReadResult | InputError:
    """One map (a path as :func:`expand` gives it, or ``-``), or why it could not be read;
    ``instead``: what to give in place of a folder."""
    data = read_data(path, instead)
    if isinstance(data, InputError):
        return data
    return read_bytes(data, display_name(path), cached_parser())


def display_name(path: str) -> str:
    """The name a map is shown by: its path, or ``<stdin>``."""
    return "<stdin>" if path == STDIN else path


def read_data(path: str, instead: str = _MANY_MAPS) -> bytes | InputError:
    """The bytes of a map file (or of standard input, for ``-``), or why they cannot be read;
    ``instead``: what to give in place of a folder."""
    try:
        if path == STDIN:
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            with open(path, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            limit = f"{MAX_BYTES >> 20} MB" if MAX_BYTES >= 1 << 20 else f"{MAX_BYTES} bytes"
            return InputError(
                display_name(path), f"the file is larger than {limit}, too large for a map"
            )
        return data
    except FileNotFoundError:
        message = "no such file" if not glob.has_magic(path) else "no file matches this pattern"
    except IsADirectoryError:
        message = f"this is a folder, not a file ({instead})"
    except PermissionError:
        message = "permission denied: the file cannot be read"
    except OSError as exc:
        message = f"cannot be read: {exc.strerror or exc}"
    return InputError(path, message)


def json_payload(documents: list[Any], patterns: Sequence[str]) -> str:
    """JSON for the maps of one run: one object for one file named literally, else a list
    (so that a glob gives a list however many files it matches)."""
    import json  # here: the commands print JSON only when asked to

    single = len(patterns) == 1 and (patterns[0] == STDIN or not glob.has_magic(patterns[0]))
    payload = documents[0] if single and len(documents) == 1 else documents
    return json.dumps(payload, ensure_ascii=False, indent=2)


def fail(message: str) -> NoReturn:
    """Print a one-line error to standard error and exit with the error code."""
    click.echo(f"argmap: error: {message}", err=True)
    raise SystemExit(EXIT_ERROR)
