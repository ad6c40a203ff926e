"""Reading the documents ``import`` converts (``-`` is standard input)."""

from __future__ import annotations

from argmap.cli.inputs import InputError, read_data
from argmap.reader import normalized_text

__all__ = ["read_document"]


def read_document(path: str) -> str | InputError:
    """A document's text (line ends as in a map), or why it cannot be read."""
    data = read_data(path, "give the files to import, or a glob like dir/*.json")
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
