"""Text or bytes in, map and diagnostics out: the parsing stages put together (pure)."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from argmap.build import BuildCache, build
from argmap.diagnostics import Diagnostic, Severity, sort_key
from argmap.long_items import CHUNK_LINES
from argmap.model import ArgumentMap, Span
from argmap.resolve import resolve
from argmap.syntax import MapParser, PieceCache, default_parser

__all__ = [
    "ReadCache",
    "ReadResult",
    "decode_map",
    "normalized_text",
    "read_bytes",
    "read_text",
]

_WORD = re.compile(r"[^\W\d][\w-]*")


@dataclass(frozen=True, slots=True)
class ReadResult:
    """A map (possibly partial, when there are errors), its text and its diagnostics."""

    map: ArgumentMap
    text: str
    diagnostics: tuple[Diagnostic, ...]

    @property
    def ok(self) -> bool:
        """True when the map has no errors, so the analyses may run on it."""
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)


class ReadCache:
    """What reading a document's text made of each of its pieces last time: keep one per
    document that is read again after every change (as an editor's is), and only the
    pieces the change touched are parsed and built again (a long one in chunks of about
    ``chunk_lines`` lines: see :class:`~argmap.syntax.PieceCache`)."""

    def __init__(self, chunk_lines: int = CHUNK_LINES) -> None:
        self.parsed = PieceCache(chunk_lines)
        self.built = BuildCache()


def read_text(
    text: str, path: str, parser: MapParser | None = None, cache: ReadCache | None = None
) -> ReadResult:
    """Parse and resolve a map's text; ``path`` is used in spans and messages. ``parser``:
    the one to use, when not the shared :func:`~argmap.syntax.default_parser`; ``cache``:
    what reading the text last time made (an editor's document read again)."""
    text = normalized_text(text)
    pieces = cache.parsed if cache is not None else None
    parsed = (parser or default_parser()).parse(text, path, pieces)
    built = cache.built if cache is not None else None
    declarations = build(parsed.pieces, parsed.comments, text, path, built)
    argument_map, reference_errors = resolve(declarations, path)
    if parsed.skipped:
        # An id defined in an item that failed to parse is not "undefined": say nothing.
        # (Nor is one written there with a character that cannot be seen, which is an error.)
        seen = "".join(c for c in parsed.skipped if c.isprintable() or c == "\n")
        words = set(_WORD.findall(seen))
        reference_errors = [
            d for d in reference_errors if not (d.code == "E102" and d.subject in words)
        ]
    diagnostics = [*parsed.diagnostics, *declarations.diagnostics, *reference_errors]
    if not diagnostics and not argument_map.statements:
        span = Span(path, 1, 1, 1, 1)
        message = "the file has no statements: a map needs at least one"
        diagnostics.append(Diagnostic("E101", "syntax-error", Severity.ERROR, message, span))
    return ReadResult(argument_map, text, tuple(sorted(diagnostics, key=sort_key)))


def normalized_text(text: str) -> str:
    r"""The text without a byte-order mark, and with Windows and old Mac line ends as ``\n``,
    so that lines are counted as editors count them."""
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def read_bytes(data: bytes, path: str, parser: MapParser | None = None) -> ReadResult:
    """Like :func:`read_text`, for a file's bytes; text that is not UTF-8 is an error."""
    text = decode_map(data, path)
    return text if isinstance(text, ReadResult) else read_text(text, path, parser)


def decode_map(data: bytes, path: str) -> str | ReadResult:
    """The text of a map file's bytes; or, when they are not UTF-8 text, the error (E100), with
    the text as far as it can be read (to show the line where the error is)."""
    wide = _wide_encoding(data)
    if wide is not None:
        codec, why = wide
        name = codec[:6].upper()
        span = Span(path, 1, 1, 1, 2)
        message = f"the file is {name} text, not UTF-8 ({why}): save it as UTF-8"
        hint = (
            "most editors can save a file in another encoding "
            "(Save As, or Save with Encoding): choose UTF-8"
        )
        diagnostic = Diagnostic("E100", "not-utf8", Severity.ERROR, message, span, hint=hint)
        shown = normalized_text(data.decode(codec, "replace"))
        return ReadResult(ArgumentMap(path=path), shown, (diagnostic,))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = normalized_text(data[: exc.start].decode("utf-8"))
        line = good.count("\n") + 1
        column = len(good) - (good.rfind("\n") + 1) + 1
        span = Span(path, line, column, line, column + 1)
        message = (
            f"the file is not UTF-8 text: byte 0x{data[exc.start]:02x} cannot be read; "
            "save the file as UTF-8"
        )
        diagnostic = Diagnostic("E100", "not-utf8", Severity.ERROR, message, span)
        shown = normalized_text(data.decode("utf-8", "replace"))
        return ReadResult(ArgumentMap(path=path), shown, (diagnostic,))


def _wide_encoding(data: bytes) -> tuple[str, str] | None:
    """The codec of text in UTF-16 or UTF-32, and how it shows: its byte-order mark, or zero
    bytes (text in UTF-8 has none; in UTF-16, half the bytes of Latin letters are zeros)."""
    for codec, marks in (
        ("utf-32", (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)),
        ("utf-16", (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)),
    ):
        if data.startswith(marks):
            return codec, f"it starts with a {codec.upper()} byte-order mark"
    sample = data[:4096]
    if len(sample) < 2 or sample.count(0) * 4 < len(sample):
        return None
    little = sample[1::2].count(0) >= sample[0::2].count(0)
    return ("utf-16-le" if little else "utf-16-be"), "many of its bytes are zero"
