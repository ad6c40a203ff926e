"""Wrapping and shortening text by its displayed width (wide East Asian characters count 2)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["display_width", "shorten", "wrap"]

ELLIPSIS = "…"


@lru_cache(maxsize=4096)
def _char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    """How many columns the text takes."""
    if text.isascii():
        return len(text)
    return sum(_char_width(c) for c in text)


def _chop(word: str, width: int) -> list[str]:
    """A word too long for a line, cut into pieces that fit (at least one character each)."""
    pieces: list[str] = []
    current: list[str] = []
    used = 0
    for char in word:
        w = _char_width(char)
        if current and used + w > width:
            pieces.append("".join(current))
            current, used = [], 0
        current.append(char)
        used += w
    if current:
        pieces.append("".join(current))
    return pieces


def _wrap_paragraph(paragraph: str, width: int) -> list[str]:
    # An ASCII paragraph is measured by len(): every character is one column (most maps are
    # ASCII; measuring each word with display_width was a third of the time of a diagram).
    measure = len if paragraph.isascii() else display_width
    lines: list[str] = []
    current: list[str] = []
    used = 0
    for word in paragraph.split():
        w = measure(word)
        for piece in _chop(word, width) if w > width else [word]:
            if piece is not word:
                w = measure(piece)
            if current and used + 1 + w > width:
                lines.append(" ".join(current))
                current, used = [], 0
            used += w + (1 if current else 0)
            current.append(piece)
    lines.append(" ".join(current))
    return lines


def wrap(text: str, width: int) -> list[str]:
    """The text as lines of at most ``width`` columns; ``\\n`` starts a new line.

    Words are kept whole unless a single word is wider than a line; runs of spaces collapse.
    """
    if width < 1:
        raise ValueError("the wrap width must be at least 1")
    return [line for paragraph in text.split("\n") for line in _wrap_paragraph(paragraph, width)]


def shorten(text: str, width: int) -> str:
    """The text on one line, cut at a word boundary with ``…`` when wider than ``width``."""
    words = text.split()
    whole = " ".join(words)
    if display_width(whole) <= width:
        return whole
    kept: list[str] = []
    used = 0
    for word in words:
        w = display_width(word) + (1 if kept else 0)
        if used + w > width - 1:
            break
        kept.append(word)
        used += w
    if not kept:
        return _chop(words[0], max(width - 1, 1))[0] + ELLIPSIS
    return " ".join(kept) + ELLIPSIS
