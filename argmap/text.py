"""Decoding the quoted texts of the language: escapes and the triple-quoted form."""

from __future__ import annotations

import re

__all__ = ["TextError", "decode_text"]

_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", re.DOTALL)
_SIMPLE = {'"': '"', "\\": "\\", "n": "\n", "t": "\t"}
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_WHITESPACE = re.compile(r"\s+")


class TextError(ValueError):
    """An escape the language does not know; ``offset`` is its place in the token."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


def decode_text(token: str) -> str:
    r"""The text a ``"..."`` or ``\"\"\"...\"\"\"`` token stands for.

    Escapes: ``\"``, ``\\``, ``\n``, ``\t``, ``\uXXXX`` and ``\UXXXXXXXX``. A triple-quoted text
    is folded like a paragraph: line breaks and indentation become single spaces, and a blank
    line becomes one line break.
    """
    if token.startswith('"""'):
        body = token[3:-3].strip()
        paragraphs = _BLANK_LINE.split(body)
        body = "\n".join(_WHITESPACE.sub(" ", p).strip() for p in paragraphs)
        return _unescape(body, 3)
    return _unescape(token[1:-1], 1)


def _unescape(body: str, offset: int) -> str:
    def replace(match: re.Match[str]) -> str:
        escape = match.group(1)
        if escape in _SIMPLE:
            return _SIMPLE[escape]
        if escape[0] in "uU" and len(escape) > 1:
            code = int(escape[1:], 16)
            if code <= 0x10FFFF:
                return chr(code)
        raise TextError(
            f'"\\{escape[0]}" is not an escape the language knows; write "\\\\" for a backslash',
            offset + match.start(),
        )

    return _ESCAPE.sub(replace, body)
