"""Reading a UTF-8 text file the user names (a source text, a pyproject.toml), with the reason
it cannot be read in plain words.

Only regular files are read, and only up to :data:`MAX_TEXT_BYTES`: a device (``/dev/zero``)
would be read until memory runs out, and a named pipe would block for ever.
"""

from __future__ import annotations

import os
import stat
from typing import NamedTuple

from argmap.reader import normalized_text

__all__ = ["MAX_TEXT_BYTES", "Unreadable", "path_problem", "read_utf8"]

MAX_TEXT_BYTES = 16 << 20
"""The largest text file argmap reads (a 500-page book is about 1 MB of text)."""


class Unreadable(NamedTuple):
    """Why a file could not be read: ``reason`` completes "the file …" (``does not exist``);
    ``missing`` is true when there is no such file."""

    reason: str
    missing: bool = False


def path_problem(path: str) -> str | None:
    """Why ``path`` cannot name a file at all (completing "the file …"), or ``None``."""
    if "\0" in path:
        return "cannot be a file name: it contains a NUL character (\\u0000)"
    return None


def read_utf8(path: str | os.PathLike[str]) -> str | Unreadable:
    r"""The text of the file, or why it could not be read. Like a file opened in text mode,
    the text has ``\n`` for every line break (``\r\n``, ``\r``) and no byte-order mark."""
    invalid = path_problem(os.fspath(path))
    if invalid:
        return Unreadable(invalid)
    try:
        # Not blocking: opening a named pipe would otherwise wait for a writer.
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        return Unreadable("does not exist", missing=True)
    except PermissionError:
        return Unreadable("cannot be read: permission denied")
    except OSError as exc:
        return Unreadable(f"cannot be read: {exc.strerror or type(exc).__name__}")
    mode = os.fstat(handle).st_mode
    if not stat.S_ISREG(mode):
        os.close(handle)
        if stat.S_ISDIR(mode):
            return Unreadable("is a folder, not a text file")
        return Unreadable(f"is {_special(mode)}, not a text file: argmap reads only files")
    with os.fdopen(handle, "rb") as file:
        try:
            data = file.read(MAX_TEXT_BYTES + 1)
        except OSError as exc:
            return Unreadable(f"cannot be read: {exc.strerror or type(exc).__name__}")
    if len(data) > MAX_TEXT_BYTES:
        return Unreadable(f"is larger than {MAX_TEXT_BYTES >> 20} MB, the most argmap reads")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Unreadable(_not_utf8(data, exc.start))
    return normalized_text(text)


def _special(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def _not_utf8(data: bytes, start: int) -> str:
    """Where the first byte that is not UTF-8 is, as a line and a column."""
    before = data[:start]
    line = before.count(b"\n") + 1
    column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
    return (
        f"is not UTF-8 text (byte 0x{data[start]:02x} on line {line}, column {column}); "
        "save it as UTF-8"
    )
