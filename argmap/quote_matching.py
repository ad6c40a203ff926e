"""Finding a quote in its source text, forgiving typography but not words.

Both texts are normalised the same way before they are compared (:func:`normalize`): Unicode
NFC; typographic quotes and apostrophes become ``'`` and ``"``; dashes become ``-``, with the
spaces around a dash dropped and a run of dashes counted as one; the ellipsis ``…`` becomes
``...``; soft hyphens and zero-width spaces disappear; every run of whitespace (including
no-break, narrow and thin spaces) becomes one space. Letters and digits are never changed (the
modifier letter apostrophe ``ʼ`` counts as an apostrophe), so a quote that passes has the
source's very words. Case matters unless asked otherwise.

In a quote, ``...``, ``…``, ``[...]`` and ``(...)`` mark omitted words: the parts around them
must occur in the source in that order, without overlapping. Each part must begin and end on a
word boundary, so ``"he"`` is not found inside ``"the"`` (scripts written without spaces, such as
Chinese or Thai, have no such boundaries).

A failed search says which part was not found and why, and proposes the closest passage of the
source. The passage comes from voting on rare three-letter sequences along alignment diagonals
(as in FASTA), refined with :class:`difflib.SequenceMatcher` on one small window, so a miss costs
about the length of the quote, not of the source.
"""

from __future__ import annotations

import bisect
import enum
import functools
import re
import unicodedata
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

__all__ = [
    "Found",
    "Normalized",
    "NotFound",
    "Passage",
    "Problem",
    "REMEMBERED",
    "SourceText",
    "normalize",
]

_APOSTROPHES = "\u2018\u2019\u201a\u201b\u2032\u2035\u02bc\u00b4`\u2039\u203a\uff07"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\uff02"
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_INVISIBLE = "\u00ad\u200b\u2060\ufeff"
_ELLIPSIS = "\u2026"

_BLANK = r"\s" + re.escape(_INVISIBLE)
_DASH = re.escape(_DASHES)
_MARK = re.escape(_APOSTROPHES + _DOUBLE_QUOTES + _ELLIPSIS)
# What normalisation replaces, as named groups (each match is one of):
# - dash: a dash (or several) with the spaces around it, ``[BLANK]*[DASH][BLANK DASH]*``;
# - blank: a run of spaces and invisible characters, except a single plain space;
# - mark: a quotation mark, an apostrophe or an ellipsis.
# Every match starts with one of these characters, consumed first: the engine then skips
# ordinary text in a tight loop over this class (its "charset prefix"), much faster than
# trying alternatives that begin with optional parts at every character.
# Lookbehinds on that first character then say which kind of match it begins; the groups
# are empty and only name the kind. tests/test_quotes.py compares it with the plain form.
_SPECIAL = re.compile(
    rf"[{_BLANK}{_DASH}{_MARK}]"
    rf"(?:(?<! )|(?=[{_BLANK}{_DASH}]))"  # a plain space must have a blank or dash after it
    rf"(?:(?:(?<=[{_DASH}])|(?<=[{_BLANK}])[{_BLANK}]*[{_DASH}])[{_BLANK}{_DASH}]*(?P<dash>)"
    rf"|(?<=[{_BLANK}])[{_BLANK}]*(?P<blank>)"
    rf"|(?<=[{_MARK}])(?P<mark>))"
)
_MARKS = {
    **dict.fromkeys(_APOSTROPHES, "'"),
    **dict.fromkeys(_DOUBLE_QUOTES, '"'),
    _ELLIPSIS: "...",
}
_WHITESPACE = re.compile(r"\s")
# Blanks that a text has all over (line ends, tabs, no-break spaces). Alone between two other
# characters, normalisation makes each a space, in place; so they become spaces up front
# (str.replace, in C), which changes neither the result nor the offsets, and the pass stops
# at a third of the places in a source text.
_COMMON_BLANKS = ("\n", "\r", "\t", "\u00a0")
# Text that normalises to itself: runs of printable ASCII without "-", "`" or spaces, joined
# by single spaces or single hyphens ("well-known"; a hyphen between two such characters
# stands for itself). Most quotes are like this, and the check saves them the general pass.
_PLAIN = re.compile(r"[!-,.-_a-~]+(?:[ -][!-,.-_a-~]+)*")
_GAP = re.compile(r"\[ ?\.{3,} ?\]|\( ?\.{3,} ?\)|\.{3,}")

# Scripts written without spaces between words: no word boundaries are required there.
_UNSPACED = (
    "\u0e00-\u0eff"  # Thai, Lao
    "\u0f00-\u0fff"  # Tibetan
    "\u1000-\u109f"  # Myanmar
    "\u1780-\u17ff"  # Khmer
    "\u2e80-\u2fdf\u3005-\u3007\u3040-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK, kana
    "\uff66-\uff9d\U00020000-\U0003ffff"
)
_WORD_CHAR = re.compile(r"[^\W" + _UNSPACED + "]")
_ASCII_WORD_CHARS = frozenset(c for c in map(chr, range(128)) if _WORD_CHAR.match(c))

_GRAM = 3  # length of the letter sequences the closest-passage index is built on
_BUCKET = 8  # width of an alignment diagonal, in characters (absorbs small insertions)
_VOTE_GRAMS = 32  # at most this many of a part's rarest sequences vote
_VOTE_BUDGET = 1024  # and they cast at most about this many votes
_HINT_WIDTH = 240  # a part longer than this is compared by its first characters only
_HINT_MIN_SCORE = 0.4  # below this similarity, no passage is proposed


class _Offsets:
    """Where each character of a normalised text comes from in the original text."""

    def start(self, index: int) -> int:
        """The original offset where character ``index`` begins."""
        raise NotImplementedError

    def end(self, index: int) -> int:
        """The original offset where character ``index`` ends (exclusive)."""
        raise NotImplementedError


class _Pieces(_Offsets):
    """Offsets as pieces: runs copied unchanged, and replacements that stand for a whole range.

    Three compact arrays, one entry per piece, so a whole book costs little memory.
    """

    __slots__ = ("_at", "_origin", "_until")

    def __init__(self) -> None:
        self._at: array[int] = array("q")  # where the piece starts in the normalised text
        self._origin: array[int] = array("q")  # where it starts in the original
        self._until: array[int] = array("q")  # where a replacement ends; -1 for a copied run

    def add(self, at: int, origin: int, until: int = -1) -> None:
        self._at.append(at)
        self._origin.append(origin)
        self._until.append(until)

    def start(self, index: int) -> int:
        k = bisect.bisect_right(self._at, index) - 1
        if self._until[k] < 0:
            return self._origin[k] + index - self._at[k]
        return self._origin[k]

    def end(self, index: int) -> int:
        k = bisect.bisect_right(self._at, index) - 1
        if self._until[k] < 0:
            return self._origin[k] + index - self._at[k] + 1
        return self._until[k]


class _Unchanged(_Offsets):
    """The offsets of a text that is its own normal form: every character stays in place."""

    __slots__ = ()

    def start(self, index: int) -> int:
        return index

    def end(self, index: int) -> int:
        return index + 1


_UNCHANGED = _Unchanged()


@dataclass(frozen=True, slots=True)
class _Chain(_Offsets):
    """The offsets of a normalisation of a normalised text, into the first original."""

    first: _Offsets
    second: _Offsets

    def start(self, index: int) -> int:
        return self.first.start(self.second.start(index))

    def end(self, index: int) -> int:
        return self.first.end(self.second.end(index) - 1)


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised text, and where each of its characters comes from in the original."""

    text: str
    offsets: _Offsets

    def start(self, index: int) -> int:
        """The original offset where character ``index`` of :attr:`text` begins."""
        return self.offsets.start(index)

    def end(self, index: int) -> int:
        """The original offset where character ``index`` of :attr:`text` ends (exclusive)."""
        return self.offsets.end(index)

    def original_range(self, start: int, end: int) -> tuple[int, int]:
        """The range of the original text that ``text[start:end]`` (not empty) comes from."""
        return self.offsets.start(start), self.offsets.end(end - 1)


def normalize(text: str) -> Normalized:
    """``text`` normalised for comparison (see the module docstring), with the offset map."""
    if _PLAIN.fullmatch(text):
        return Normalized(text, _UNCHANGED)
    if unicodedata.is_normalized("NFC", text):
        result = _normalize_marks(text)
    else:
        composed = _compose(text)
        marks = _normalize_marks(composed.text)
        result = Normalized(marks.text, _Chain(composed.offsets, marks.offsets))
    if not unicodedata.is_normalized("NFC", result.text):
        # Removing an invisible character can bring a letter and an accent together.
        composed = _compose(result.text)
        result = Normalized(composed.text, _Chain(result.offsets, composed.offsets))
    return result


def _compose(text: str) -> Normalized:
    """NFC applied piece by piece, so that each composed character keeps its original range.

    A piece is a character with the combining marks after it, joined to the piece before when
    the two compose together (Hangul syllables, some Indic vowels).
    """
    nfc = functools.partial(unicodedata.normalize, "NFC")
    pieces: list[tuple[int, int]] = []
    start = 0
    for end in range(1, len(text) + 1):
        if end < len(text) and unicodedata.combining(text[end]):
            continue
        if pieces:
            before = pieces[-1][0]
            if nfc(text[before:end]) != nfc(text[before:start]) + nfc(text[start:end]):
                pieces[-1] = (before, end)
                start = end
                continue
        pieces.append((start, end))
        start = end
    out: list[str] = []
    offsets = _Pieces()
    length = 0
    copying = False
    for begin, end in pieces:
        piece = text[begin:end]
        composed = nfc(piece)
        if composed != piece:
            offsets.add(length, begin, end)
        elif not copying:
            offsets.add(length, begin)
        copying = composed == piece
        out.append(composed)
        length += len(composed)
    return Normalized("".join(out), offsets)


def _normalize_marks(text: str) -> Normalized:
    """Quotes, dashes, ellipses, invisible characters and whitespace, on NFC text."""
    for blank in _COMMON_BLANKS:
        text = text.replace(blank, " ")
    return _marks_pass(text)


def _marks_pass(text: str) -> Normalized:
    """What :func:`_normalize_marks` does, for any NFC text: one pass over the special
    characters, copying the text between them."""
    out: list[str] = []
    offsets = _Pieces()
    length = 0

    def put(replacement: str, begin: int, end: int, copy: bool = False) -> None:
        nonlocal length
        if copy and not length and replacement.startswith(" "):  # a space the text starts with
            replacement, begin = replacement[1:], begin + 1
            if not replacement:
                return
        offsets.add(length, begin, -1 if copy else end)
        out.append(replacement)
        length += len(replacement)

    position = 0
    for match in _SPECIAL.finditer(text):
        begin, end = match.span()
        if position < begin:
            put(text[position:begin], position, begin, copy=True)
        position = end
        if match.lastgroup == "dash":
            put("-", begin, end)
        elif match.lastgroup == "mark":
            put(_MARKS[match.group()], begin, end)
        elif length and _WHITESPACE.search(match.group()):
            put(" ", begin, end)
    if position < len(text):
        put(text[position:], position, len(text), copy=True)
    return Normalized("".join(out).removesuffix(" "), offsets)


def _fold(text: str) -> str:
    """``text`` without case distinctions, keeping its length (offsets stay valid)."""
    folded = text.casefold()
    if len(folded) == len(text):
        return folded
    return "".join(_fold_char(c) for c in text)


def _fold_char(char: str) -> str:
    for folded in (char.casefold(), char.lower()):
        if len(folded) == 1:
            return folded
    return char


@dataclass(frozen=True, slots=True)
class Passage:
    """A place in a source text: 1-based line and column of its start and (exclusive) end."""

    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    """The source's words there, as written, with runs of whitespace shown as one space."""


class Problem(enum.Enum):
    """Why a part of a quote was not found."""

    EMPTY = "empty"
    """The quote has no words (it is empty or only marks an omission)."""
    MISSING = "missing"
    """The words do not occur in the source."""
    CASE = "case"
    """The words occur, but with other capital letters."""
    INSIDE_WORD = "inside-word"
    """The words occur only as part of longer words."""
    ORDER = "order"
    """The words occur only before (or overlapping) the part of the quote that precedes them."""


@dataclass(frozen=True, slots=True)
class Found:
    """The quote occurs: one passage per part (the parts between omission marks)."""

    passages: tuple[Passage, ...]

    def __bool__(self) -> bool:
        return True


@dataclass(frozen=True, slots=True)
class NotFound:
    """The quote does not occur; ``part`` is its first part that failed, as written."""

    part: str
    index: int
    """The position of that part among the quote's parts, from 0."""
    parts: int
    """How many parts the quote has."""
    problem: Problem
    hint: Passage | None
    """The closest passage of the source, or where the words occur for CASE, INSIDE_WORD, ORDER."""

    def __bool__(self) -> bool:
        return False


@dataclass(frozen=True, slots=True)
class _Part:
    text: str  # normalised (folded when matching ignores case)
    written: str  # as written in the quote


REMEMBERED = 100_000
"""How many quotes a :class:`SourceText` remembers the answer for (then it starts again)."""


class SourceText:
    """A source's text prepared for finding many quotes in it.

    Preparing costs time linear in the text; each search then costs about the length of the
    source scanned by :meth:`str.find` (in C), and a miss adds work proportional to the quote.
    """

    def __init__(self, text: str, *, case_sensitive: bool = True) -> None:
        self.original = text
        self.case_sensitive = case_sensitive
        self.normalized = normalize(text)
        self._line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self._missing: dict[str, NotFound | None] = {}

    @functools.cached_property
    def _folded(self) -> str:
        return _fold(self.normalized.text)

    @functools.cached_property
    def _grams(self) -> dict[str, array[int]]:
        """Where each three-letter sequence of the folded text starts."""
        index: defaultdict[str, array[int]] = defaultdict(lambda: array("q"))
        folded = self._folded
        for i in range(len(folded) - _GRAM + 1):
            index[folded[i : i + _GRAM]].append(i)
        return dict(index)

    def find(self, quote: str) -> Found | NotFound:
        """Where ``quote`` occurs, or which part of it does not and the closest passage."""
        located = self._locate(quote)
        if isinstance(located, NotFound):
            return located
        return Found(tuple(self._passage(start, end) for start, end in located))

    def missing(self, quote: str) -> NotFound | None:
        """What :meth:`find` says when ``quote`` does not occur; ``None`` when it does.

        For checks that report only the quotes not found: the passages of a found quote
        (their lines, columns and words) are not made. Answers are remembered (up to
        :data:`REMEMBERED` quotes), so a map checked again looks up only its new quotes.
        """
        answers = self._missing
        if quote in answers:
            return answers[quote]
        located = self._locate(quote)
        answer = located if isinstance(located, NotFound) else None
        if len(answers) >= REMEMBERED:
            answers.clear()
        answers[quote] = answer
        return answer

    def _locate(self, quote: str) -> list[tuple[int, int]] | NotFound:
        """The normalised range of each part of ``quote``, or why a part is not found."""
        parts = self._parts(quote)
        if not parts:
            return NotFound("", 0, 0, Problem.EMPTY, None)
        haystack = self.normalized.text if self.case_sensitive else self._folded
        ranges: list[tuple[int, int]] = []
        position = 0
        for index, part in enumerate(parts):
            start = _search(haystack, part.text, position)
            if start < 0:
                problem, hint = self._diagnose(part, position)
                return NotFound(part.written, index, len(parts), problem, hint)
            position = start + len(part.text)
            ranges.append((start, position))
        return ranges

    def _parts(self, quote: str) -> list[_Part]:
        norm = normalize(quote)
        text = norm.text if self.case_sensitive else _fold(norm.text)
        # Every omission mark has three dots: most quotes have none, and skip the search.
        gaps = [m.span() for m in _GAP.finditer(norm.text)] if "..." in norm.text else []
        gaps.append((len(text), 0))
        parts: list[_Part] = []
        begin = 0
        for end, next_begin in gaps:
            left, right = _strip(norm.text, begin, end)
            if left < right:
                first, last = norm.original_range(left, right)
                parts.append(_Part(text[left:right], quote[first:last]))
            begin = next_begin
        return parts

    def _diagnose(self, part: _Part, position: int) -> tuple[Problem, Passage | None]:
        """Why ``part`` is not found at or after ``position``, and the passage to show."""
        haystack = self.normalized.text if self.case_sensitive else self._folded
        earlier = _search(haystack, part.text, 0)
        if earlier >= 0:
            return Problem.ORDER, self._passage(earlier, earlier + len(part.text))
        folded_part = _fold(part.text)
        if self.case_sensitive:
            other_case = _search(self._folded, folded_part, 0)
            if other_case >= 0:
                return Problem.CASE, self._passage(other_case, other_case + len(part.text))
        inside = self._folded.find(folded_part)
        if inside >= 0:
            return Problem.INSIDE_WORD, self._passage(
                *_widen(self._folded, inside, inside + len(part.text))
            )
        return Problem.MISSING, self._closest(folded_part[:_HINT_WIDTH])

    def _closest(self, part: str) -> Passage | None:
        """The passage most like ``part`` (folded), by diagonal voting then difflib."""
        grams = self._grams
        offsets: dict[str, int] = {}
        for k in range(len(part) - _GRAM + 1):
            offsets.setdefault(part[k : k + _GRAM], k)
        ranked = sorted((len(grams[g]), k, g) for g, k in offsets.items() if g in grams)
        votes: Counter[int] = Counter()
        budget = _VOTE_BUDGET
        for count, k, gram in ranked[:_VOTE_GRAMS]:
            if count > budget and votes:
                break
            for p in grams[gram][:budget]:
                votes[(p - k) // _BUCKET] += 1
            budget -= count
        if not votes:
            return None
        bucket = min(votes, key=lambda b: (-votes[b] - votes[b + 1], b))
        slack = len(part) // 4 + _BUCKET
        low = max(0, bucket * _BUCKET - slack)
        high = min(len(self._folded), (bucket + 2) * _BUCKET + len(part) + slack)
        window = self._folded[low:high]
        matcher = SequenceMatcher(None, part, window, autojunk=False)
        solid = [b for b in matcher.get_matching_blocks() if b.size >= _GRAM]
        if not solid:
            return None
        matched = sum(b.size for b in solid)
        # The passage the whole part lines up with: the matched blocks, extended by the
        # unmatched ends of the part.
        start = max(low + solid[0].b - solid[0].a, 0)
        end = min(low + solid[-1].b + len(part) - solid[-1].a, len(self._folded))
        if 2 * matched / (len(part) + end - start) < _HINT_MIN_SCORE:
            return None
        start, end = _widen(self._folded, start, end)
        return self._passage(start, end)

    def _passage(self, start: int, end: int) -> Passage:
        """The passage of the original text that normalised ``[start, end)`` comes from."""
        first, last = self.normalized.original_range(start, end)
        line, column = self._position(first)
        end_line, end_column = self._position(last)
        words = " ".join(self.original[first:last].split())
        return Passage(line, column, end_line, end_column, words)

    def _position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1


def _strip(text: str, begin: int, end: int) -> tuple[int, int]:
    while begin < end and text[begin] == " ":
        begin += 1
    while end > begin and text[end - 1] == " ":
        end -= 1
    return begin, end


def _search(haystack: str, part: str, position: int) -> int:
    """The first place at or after ``position`` where ``part`` occurs on word boundaries."""
    check_start = _is_word_char(part[0])
    check_end = _is_word_char(part[-1])
    start = haystack.find(part, position)
    while start >= 0:
        end = start + len(part)
        if not (check_start and start > 0 and _is_word_char(haystack[start - 1])) and not (
            check_end and end < len(haystack) and _is_word_char(haystack[end])
        ):
            return start
        start = haystack.find(part, start + 1)
    return -1


def _is_word_char(char: str) -> bool:
    if char.isascii():  # most text: a set lookup instead of a regular-expression match
        return char in _ASCII_WORD_CHARS
    return _WORD_CHAR.match(char) is not None


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` grown to whole words."""
    while start > 0 and _is_word_char(text[start - 1]) and _is_word_char(text[start]):
        start -= 1
    while end < len(text) and _is_word_char(text[end]) and _is_word_char(text[end - 1]):
        end += 1
    return start, end
