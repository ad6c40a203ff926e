"""The texts of the language: decoding escapes and the triple-quoted form, writing a text
back as a token (the inverse), and showing any text safely (in a diagram or on a terminal)."""

from __future__ import annotations

import re

__all__ = [
    "BIDI_CONTROLS",
    "TextError",
    "a_or_an",
    "count",
    "decode_text",
    "encode_long_text",
    "encode_text",
    "visible_text",
]

_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{0,4}|U[0-9a-fA-F]{0,8}|.)", re.DOTALL)
_SIMPLE = {'"': '"', "\\": "\\", "n": "\n", "t": "\t"}
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_WHITESPACE = re.compile(r"\s+")
_OTHER_SPACE = re.compile(r"[^\S ]")


class TextError(ValueError):
    """An escape the language does not know; ``offset`` is its place in the token, ``length``
    the number of characters it is written with."""

    def __init__(self, message: str, offset: int, length: int) -> None:
        super().__init__(message)
        self.offset = offset
        self.length = length


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


_NEEDS_ESCAPE = re.compile('[\\x00-\\x1f\\x7f-\\x9f"\\\\\u2028\u2029\u202a-\u202e\u2066-\u2069]')
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    return _ESCAPES.get(char) or f"\\u{ord(char):04x}"


def encode_text(text: str) -> str:
    r"""The canonical one-line token for ``text``: in double quotes, with ``"`` and ``\`` escaped,
    and every character that would not read back the same, or that could hide what a line says,
    written as an escape: line breaks (``\n``, and ``\u000d``, ``\u0085``, ``\u2028``...),
    tabs (``\t``), other control characters and bidirectional controls.
    ``decode_text(encode_text(s)) == s`` for any string without surrogates (which UTF-8 text
    cannot hold)."""
    return '"' + _NEEDS_ESCAPE.sub(_escape, text) + '"'


def encode_long_text(text: str, indent: str, width: int) -> str | None:
    r"""``text`` as a triple-quoted token whose words are wrapped to lines of at most ``width``
    columns where possible, each line after the first starting with ``indent``; the closing
    quotes go on a line of their own. None when folding (see :func:`decode_text`) would change
    the text: it is empty, or has runs of spaces, spaces at its ends or whitespace other than
    spaces that :func:`encode_text` keeps as it is (the one-line form is the way to write it)."""
    body = encode_text(text)[1:-1]
    if not body or body[0] == " " or body[-1] == " " or "  " in body or _OTHER_SPACE.search(body):
        return None
    room = max(1, width - len(indent))
    lines: list[str] = []
    start = 0
    while len(body) - start > room:
        cut = body.rfind(" ", start, start + room + 1)
        if cut <= start:  # a word longer than a line: it goes on a line of its own
            cut = body.find(" ", start + room)
            if cut < 0:
                break
        lines.append(body[start:cut])
        start = cut + 1
    lines.append(body[start:])
    return '"""\n' + "".join(f"{indent}{line}\n" for line in lines) + f'{indent}"""'


def _unescape(body: str, offset: int) -> str:
    def replace(match: re.Match[str]) -> str:
        escape = match.group(1)
        if escape in _SIMPLE:
            return _SIMPLE[escape]
        where = offset + match.start()
        if escape[0] in "uU":
            return _code_point(escape, where)
        raise TextError(
            f'"\\{escape[0]}" is not an escape the language knows; write "\\\\" for a backslash',
            where,
            len(match.group()),
        )

    return _ESCAPE.sub(replace, body)


def _code_point(escape: str, where: int) -> str:
    digits = 4 if escape[0] == "u" else 8
    if len(escape) != digits + 1:
        raise TextError(
            f'"\\{escape[0]}" must be followed by {digits} hexadecimal digits, '
            f'like "\\u2019" for ’',
            where,
            len(escape) + 1,
        )
    code = int(escape[1:], 16)
    if code > 0x10FFFF:
        raise TextError(
            f'"\\{escape}" is beyond the last Unicode character (10FFFF)', where, len(escape) + 1
        )
    if 0xD800 <= code <= 0xDFFF:
        raise TextError(
            f'"\\{escape}" is half of a UTF-16 surrogate pair, not a character; '
            "write the character itself or its full code, like \\U0001F600",
            where,
            len(escape) + 1,
        )
    return chr(code)


BIDI_CONTROLS = {
    0x202A: "LRE",
    0x202B: "RLE",
    0x202C: "PDF",
    0x202D: "LRO",
    0x202E: "RLO",
    0x2066: "LRI",
    0x2067: "RLI",
    0x2068: "FSI",
    0x2069: "PDI",
}

_LINE_BREAKS = ("\r\n", "\r", "\x85", "\u2028", "\u2029")
_REPLACEMENT = "\ufffd"


def _visible_table() -> dict[int, str]:
    table: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}
    table[ord("\n")] = "\n"
    table[ord("\t")] = " "
    table[0x7F] = "\u2421"
    table.update({code: _REPLACEMENT for code in range(0x80, 0xA0)})
    table.update({code: f"[{name}]" for code, name in BIDI_CONTROLS.items()})
    table.update({code: _REPLACEMENT for code in range(0xD800, 0xE000)})
    table.update({0xFFFE: _REPLACEMENT, 0xFFFF: _REPLACEMENT})
    return table


_VISIBLE = _visible_table()


def visible_text(text: str) -> str:
    """The text as a diagram or a terminal may show it: control characters as visible symbols,
    bidirectional controls by name (``[RLO]``), code points XML cannot carry as U+FFFD, and every
    kind of line break as ``\n``. Nothing a map says can act as markup or a terminal command."""
    if text.isascii() and text.isprintable():
        return text  # the common case, and nothing to change: skip the translation
    for brk in _LINE_BREAKS:
        text = text.replace(brk, "\n")
    return text.translate(_VISIBLE)


def a_or_an(noun: str) -> str:
    """The indefinite article for one of argmap's own nouns ("an objection", "a reason")."""
    return "an" if noun[:1] in ("a", "e", "i", "o", "u") else "a"


def count(n: int, noun: str) -> str:
    """``1 statement``, ``2 statements``: a number with a regular English plural."""
    return f"{n} {noun}" + ("" if n == 1 else "s")
