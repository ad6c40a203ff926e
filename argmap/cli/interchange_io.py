"""Reading the documents ``import`` and ``export`` convert, and writing what they make:
``-`` is a standard stream, files are written atomically."""

from __future__ import annotations

import sys

from argmap.cli.inputs import InputError, read_data
from argmap.cli.render_output import write_atomic, write_problem
from argmap.reader import normalized_text

__all__ = ["read_document", "write_output"]

STREAM = "-"


def read_document(path: str) -> str | InputError:
    """A document's text (line ends as in a map), or why it cannot be read."""
    data = read_data(path)
    if isinstance(data, InputError):
        return data
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return InputError(
            path, f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x} on line {line})"
        )
    return normalized_text(text)


def write_output(path: str, text: str) -> str | None:
    """Write ``text`` to ``path`` (or standard output); why it could not be, or None."""
    if path == STREAM:
        sys.stdout.write(text)
        sys.stdout.flush()
        return None
    try:
        write_atomic(path, text.encode("utf-8"))
    except OSError as exc:
        return write_problem(path, exc)
    return None
