"""Reading a UTF-8 text file the user names (a source text, a pyproject.toml), with the reason
it cannot be read in plain words."""

from __future__ import annotations

import os
from typing import NamedTuple

from argmap.reader import normalized_text

__all__ = ["Unreadable", "read_utf8"]


class Unreadable(NamedTuple):
    """Why a file could not be read: ``reason`` completes "the file …" (``does not exist``);
    ``missing`` is true when there is no such file."""

    reason: str
    missing: bool = False


def read_utf8(path: str | os.PathLike[str]) -> str | Unreadable:
    r"""The text of the file, or why it could not be read. Like a file opened in text mode,
    the text has ``\n`` for every line break (``\r\n``, ``\r``) and no byte-order mark."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        return Unreadable("does not exist", missing=True)
    except IsADirectoryError:
        return Unreadable("is a folder, not a text file")
    except PermissionError:
        return Unreadable("cannot be read: permission denied")
    except OSError as exc:
        return Unreadable(f"cannot be read: {exc.strerror or type(exc).__name__}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Unreadable(_not_utf8(data, exc.start))
    return normalized_text(text)


def _not_utf8(data: bytes, start: int) -> str:
    """Where the first byte that is not UTF-8 is, as a line and a column."""
    before = data[:start]
    line = before.count(b"\n") + 1
    column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
    return (
        f"is not UTF-8 text (byte 0x{data[start]:02x} on line {line}, column {column}); "
        "save it as UTF-8"
    )
