"""Quote matching (argmap.quote_matching): normalisation, gaps, word boundaries, hints, offsets."""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from argmap import quote_matching as quotes
from argmap.analysis import analyze
from argmap.checks import CheckContext, run_checks
from argmap.cli import main
from argmap.quote_matching import (
    Found,
    Normalized,
    NotFound,
    Passage,
    Problem,
    SourceText,
    _normalize_marks,
    normalize,
)
from argmap.reader import read_text
from tests.conftest import ROOT, SHARED

COLUMN_PATH = SHARED / "sources" / "precarious-balance.txt"
needs_column = pytest.mark.skipif(
    not COLUMN_PATH.is_file(), reason=f"the column's text is not at {COLUMN_PATH}"
)


def column() -> str:
    return COLUMN_PATH.read_text(encoding="utf-8")


def skeleton(text: str) -> str:
    """The letters and digits of a text: what normalisation must never change (the modifier
    letter apostrophe is an apostrophe, not a letter)."""
    return "".join(c for c in unicodedata.normalize("NFC", text) if c.isalnum() and c != "\u02bc")


INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))
"""Characters normalisation removes (so letters on both sides may join)."""

# --- normalisation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("Obama\u2019s", "Obama's"),
        ("\u2018single\u2019 \u201cdouble\u201d \u201elow\u201c", '\'single\' "double" "low"'),
        ("\u00abguillemets\u00bb \u2039single\u203a", "\"guillemets\" 'single'"),
        ("it\u02bcs, it\u00b4s, it`s, it\u2032s", "it's, it's, it's, it's"),
        ("University\u2013Higher", "University-Higher"),
        ("a \u2014 b", "a-b"),
        ("a - b", "a-b"),
        ("a -- b", "a-b"),
        ("a\u2212b\u2012c\u2015d\u2010e\u2011f", "a-b-c-d-e-f"),
        ("in\u00adter\u00adna\u00adtion\u00adal", "international"),
        ("zero\u200bwidth\u2060joiner\ufeff", "zerowidthjoiner"),
        ("wait\u2026 what", "wait... what"),
        (
            "no\u00a0break\u202fnarrow\u2009thin\u3000ideographic",
            "no break narrow thin ideographic",
        ),
        ("  runs \t of\n\n  space \r\n ", "runs of space"),
        ("cafe\u0301", "caf\u00e9"),
        ("\u1100\u1161\u11a8", "\uac01"),  # Hangul jamo compose to one syllable
        ("caf\u00e9", "caf\u00e9"),
        ("a\u00ad\u0301", "\u00e1"),  # a removed soft hyphen lets the accent join its letter
        ("", ""),
    ],
)
def test_normalize(text: str, normalized: str) -> None:
    assert normalize(text).text == normalized


def test_normalize_keeps_original_ranges() -> None:
    text = "caf\u0065\u0301 \u2014\u00a0U.S.\u2019s"
    norm = normalize(text)
    assert norm.text == "caf\u00e9-U.S.'s"
    pieces = [text[norm.start(i) : norm.end(i)] for i in range(len(norm.text))]
    assert pieces == ["c", "a", "f", "e\u0301", " \u2014\u00a0", "U", ".", "S", ".", "\u2019", "s"]


@settings(max_examples=300)
@given(st.text())
def test_normalize_offsets_and_idempotence(text: str) -> None:
    norm = normalize(text)
    starts = [norm.start(i) for i in range(len(norm.text))]
    ends = [norm.end(i) for i in range(len(norm.text))]
    assert all(0 <= s < e <= len(text) for s, e in zip(starts, ends, strict=True))
    assert starts == sorted(starts) and ends == sorted(ends)
    ranges = list(zip(starts, ends, strict=True))
    # characters come from disjoint ranges, or share one (the three dots of an ellipsis)
    assert all(a == b or a[1] <= b[0] for a, b in itertools.pairwise(ranges))
    assert normalize(norm.text).text == norm.text
    assert skeleton(norm.text) == skeleton(text.translate(INVISIBLE))


@settings(max_examples=300)
@given(
    st.text(
        alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E)
        | st.sampled_from("\t\n\u2019")
    )
)
def test_plain_text_fast_path_is_the_general_pass(text: str) -> None:
    """Plain ASCII text skips the general pass of normalize(): with the same result."""
    fast, general = normalize(text), _normalize_marks(text)
    assert fast.text == general.text
    positions = range(len(fast.text))
    assert [(fast.start(i), fast.end(i)) for i in positions] == [
        (general.start(i), general.end(i)) for i in positions
    ]


@pytest.mark.parametrize(
    "text",
    ["well-known", "U.S.-Russian talks", "a-b-c d-e", "a - b", "a--b", "-a", "a-", "a -b", "a- b"],
)
def test_hyphens_take_the_fast_path_only_when_they_stand_for_themselves(text: str) -> None:
    fast, general = normalize(text), _normalize_marks(text)
    assert fast.text == general.text
    assert [fast.original_range(i, i + 1) for i in range(len(fast.text))] == [
        general.original_range(i, i + 1) for i in range(len(general.text))
    ]


SPECIAL_AS_SPECIFIED = re.compile(
    # a dash (or several) with the spaces around it
    rf"(?P<dash>[{quotes._BLANK}]*[{quotes._DASH}][{quotes._BLANK}{quotes._DASH}]*)"
    # spaces and invisible characters, except a single plain space
    rf"|(?P<blank>(?! (?![{quotes._BLANK}]))[{quotes._BLANK}]+)"
    rf"|(?P<mark>[{quotes._MARK}])"
)
"""What normalisation replaces, in its plain form: three alternatives tried at every character
(quotes._SPECIAL finds the same matches faster)."""

TYPOGRAPHY = (
    " \t\n\r\u00a0\u2009\u3000\u00ad\u200b\ufeff-\u2013\u2014\u2212'`\u2019\"\u201c\u2026a.,"
)


def special_matches(
    pattern: re.Pattern[str], text: str
) -> list[tuple[tuple[int, int], str, str | None]]:
    return [(m.span(), m.group(), m.lastgroup) for m in pattern.finditer(text)]


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from(TYPOGRAPHY)) | st.text())
def test_special_characters_are_found_as_specified(text: str) -> None:
    assert special_matches(quotes._SPECIAL, text) == special_matches(SPECIAL_AS_SPECIFIED, text)


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from(TYPOGRAPHY + "\u00a0\u00a0\n\n\r\t")) | st.text())
def test_common_blanks_made_spaces_first_change_nothing(text: str) -> None:
    """_normalize_marks() turns line ends, tabs and no-break spaces into spaces before the
    pass over the special characters: with the same result as the pass alone."""
    assert_same_normal_form(_normalize_marks(text), quotes._marks_pass(text))


@needs_column
def test_common_blanks_of_the_column_made_spaces_first_change_nothing() -> None:
    text = column()
    assert_same_normal_form(_normalize_marks(text), quotes._marks_pass(text))


def assert_same_normal_form(fast: Normalized, general: Normalized) -> None:
    assert fast.text == general.text
    positions = range(len(fast.text))
    assert [fast.original_range(i, i + 1) for i in positions] == [
        general.original_range(i, i + 1) for i in positions
    ]


@given(st.characters())
def test_word_characters_are_the_pattern_s(char: str) -> None:
    """_is_word_char answers ASCII from a set: as the pattern does."""
    assert quotes._is_word_char(char) == (quotes._WORD_CHAR.match(char) is not None)


def test_ascii_word_characters_are_the_pattern_s() -> None:
    for char in map(chr, range(128)):
        assert quotes._is_word_char(char) == (quotes._WORD_CHAR.match(char) is not None)


@needs_column
def test_special_characters_of_the_column_are_found_as_specified() -> None:
    text = column()
    assert special_matches(quotes._SPECIAL, text) == special_matches(SPECIAL_AS_SPECIFIED, text)


# --- finding quotes ------------------------------------------------------------------------

SOURCE = (
    "The joint statement is a masterpiece of diplomatic correctness.\n"
    "In short, they followed the first rule of medicine: \u201cDo no harm.\u201d\n"
    "Obama\u2019s polite greeting met an emotional speech \u2013 45\u00a0minutes long.\n"
    "U.S.-Russian relations\u2014strained\u2014were reset in 2009\u2026 for a while.\n"
)


def found(result: Found | NotFound) -> Found:
    assert isinstance(result, Found), result
    return result


def missed(result: Found | NotFound) -> NotFound:
    assert isinstance(result, NotFound), result
    return result


def at(line: int, words: str, text: str = SOURCE) -> Passage:
    """The passage of ``text`` where ``words`` first occur on ``line``."""
    column_ = text.split("\n")[line - 1].index(words) + 1
    return Passage(line, column_, line, column_ + len(words), words)


@pytest.mark.parametrize(
    ("quote", "passages"),
    [
        ("a masterpiece", [(1, "a masterpiece")]),
        ('"Do no harm."', [(2, "\u201cDo no harm.\u201d")]),
        ("Obama's polite\n   greeting", [(3, "Obama\u2019s polite greeting")]),
        ("speech - 45 minutes", [(3, "speech \u2013 45\u00a0minutes")]),
        ("U.S.-Russian relations - strained", [(4, "U.S.-Russian relations\u2014strained")]),
        ("reset in 2009... for a while", [(4, "reset in 2009"), (4, "for a while")]),
        ("reset in 2009\u2026 for a while.", [(4, "reset in 2009"), (4, "for a while.")]),
        (
            "The joint statement ... correctness. [...] they followed (...) medicine",
            [
                (1, "The joint statement"),
                (1, "correctness."),
                (2, "they followed"),
                (2, "medicine"),
            ],
        ),
        ("... Do no harm ...", [(2, "Do no harm")]),
    ],
)
def test_found(quote: str, passages: list[tuple[int, str]]) -> None:
    result = found(SourceText(SOURCE).find(quote))
    expected = tuple(at(line, words) for line, words in passages)
    assert result.passages == tuple(replace(p, text=" ".join(p.text.split())) for p in expected)


def test_found_across_lines() -> None:
    result = found(SourceText(SOURCE).find("correctness. In short"))
    assert result.passages == (Passage(1, 52, 2, 9, "correctness. In short"),)


@pytest.mark.parametrize(
    ("quote", "part", "index", "problem", "hint"),
    [
        (
            "a masterpiece of diplomatic tact",
            "a masterpiece of diplomatic tact",
            0,
            Problem.MISSING,
            (1, "a masterpiece of diplomatic correctness"),
        ),
        ("do no harm", "do no harm", 0, Problem.CASE, (2, "Do no harm")),
        ("Obam", "Obam", 0, Problem.INSIDE_WORD, (3, "Obama")),
        ("he joint", "he joint", 0, Problem.INSIDE_WORD, (1, "The joint")),
        ("for a while ... reset in 2009", "reset in 2009", 1, Problem.ORDER, (4, "reset in 2009")),
        ("rule of ... of medicine", "of medicine", 1, Problem.ORDER, (2, "of medicine")),
        ("Do no harm ... zebras", "zebras", 1, Problem.MISSING, None),
        ("", "", 0, Problem.EMPTY, None),
        (" ... [\u2026] ", "", 0, Problem.EMPTY, None),
    ],
)
def test_not_found(
    quote: str, part: str, index: int, problem: Problem, hint: tuple[int, str] | None
) -> None:
    result = missed(SourceText(SOURCE).find(quote))
    assert (result.part, result.index, result.problem) == (part, index, problem)
    assert result.hint == (at(*hint) if hint else None)


def test_part_is_reported_as_written() -> None:
    result = missed(SourceText(SOURCE).find("Do no harm \u2026  the \u201cfirst\u201d  rule"))
    assert (result.part, result.index, result.parts) == ("the \u201cfirst\u201d  rule", 1, 2)


def test_case_insensitive_option() -> None:
    source = SourceText(SOURCE, case_sensitive=False)
    assert found(source.find("DO NO HARM")).passages[0].text == "Do no harm"
    assert missed(source.find("obam")).problem is Problem.INSIDE_WORD


def test_case_insensitive_folds_without_shifting_positions() -> None:
    source = SourceText(
        "Die Stra\u00dfe \u0130stanbul \u039f\u0394\u039f\u03a3 end", case_sensitive=False
    )
    assert found(source.find("die STRA\u1e9eE")).passages[0].text == "Die Stra\u00dfe"
    hit = found(source.find("\u03bf\u03b4\u03bf\u03c3 END"))
    assert hit.passages[0].text == "\u039f\u0394\u039f\u03a3 end"
    assert found(source.find("\u0130STANBUL")).passages[0].column == 12


def test_composed_and_decomposed_accents_match_both_ways() -> None:
    decomposed = "Le caf\u0065\u0301 na\u0069\u0308f.\nD\u00e9j\u00e0 vu."
    composed = unicodedata.normalize("NFC", decomposed)
    hit = found(SourceText(decomposed).find("caf\u00e9 na\u00eff"))
    assert hit.passages == (Passage(1, 4, 1, 15, "cafe\u0301 nai\u0308f"),)
    assert found(SourceText(composed).find("De\u0301ja\u0300 vu")).passages == (
        Passage(2, 1, 2, 8, "D\u00e9j\u00e0 vu"),
    )


def test_windows_line_endings_and_positions() -> None:
    text = "first line\r\nsecond \u201cline\u201d here\r\n"
    hit = found(SourceText(text).find('line\nsecond "line"'))
    assert hit.passages == (Passage(1, 7, 2, 14, "line second \u201cline\u201d"),)


def test_scripts_without_spaces_need_no_word_boundary() -> None:
    source = SourceText("\u6211\u4eec\u7684\u5173\u7cfb\u6bd4\u770b\u8d77\u6765\u8981\u597d\u3002")
    assert found(source.find("\u5173\u7cfb\u6bd4\u770b\u8d77\u6765")).passages[0].column == 4
    thai = SourceText("\u0e04\u0e27\u0e32\u0e21\u0e2a\u0e31\u0e21\u0e1e\u0e31\u0e19\u0e18\u0e4c")
    assert found(thai.find("\u0e2a\u0e31\u0e21\u0e1e\u0e31\u0e19\u0e18\u0e4c"))


def test_cyrillic_words_have_boundaries() -> None:
    source = SourceText(
        "\u041e\u0442\u043d\u043e\u0448\u0435\u043d\u0438\u044f \u043b\u0443\u0447\u0448\u0435."
    )
    assert missed(source.find("\u0442\u043d\u043e\u0448\u0435\u043d\u0438\u044f")).problem is (
        Problem.INSIDE_WORD
    )


def test_ellipsis_in_the_source() -> None:
    source = SourceText("He paused\u2026 and then spoke. Then... silence.")
    assert found(source.find("He paused... and then spoke"))
    assert found(source.find("Then\u2026 silence")).passages[-1].text == "silence"


# --- the real column -----------------------------------------------------------------------


@needs_column
@pytest.mark.parametrize(
    ("quote", "line", "column_", "text"),
    [
        ("Obama's polite greeting", 27, 191, "Obama\u2019s polite greeting"),
        ('"Do no harm."', 25, 373, "\u201cDo no harm.\u201d"),
        ("U.S.-Russian relationship", 37, 9, "U.S.-Russian relationship"),
        (
            "National Research University - Higher School",
            8,
            1,
            "National Research University\u2013Higher School",
        ),
        ("E-mail: [email protected]", 21, 1, "E-mail: [email protected]"),
        ("the partners' constructive plans", 29, None, "the partners\u2019 constructive plans"),
    ],
)
def test_plain_ascii_matches_the_column(
    quote: str, line: int, column_: int | None, text: str
) -> None:
    passage = found(SourceText(column()).find(quote)).passages[0]
    assert passage.line == line
    assert column_ is None or passage.column == column_
    assert passage.text == text


@needs_column
def test_closest_passage_in_the_column() -> None:
    source = SourceText(column())
    miss = missed(source.find("Perfectly neutral and entirely constructive in spirit"))
    assert miss.problem is Problem.MISSING
    assert miss.hint is not None
    assert (miss.hint.line, miss.hint.column) == (25, 162)
    assert miss.hint.text.startswith("Perfectly neutral and entirely constructive in tone")
    assert missed(source.find("The cat sat on the mat and looked at the birds")).hint is None


@needs_column
def test_hint_points_at_the_misquoted_place_throughout_the_column() -> None:
    """Every run of eight words, with one letter changed, is traced back to its line."""
    text = column()
    source = SourceText(text)
    lines = [line.split() for line in text.splitlines()]
    checked = 0
    for number, words in enumerate(lines, start=1):
        for start in range(0, len(words) - 8, 11):
            run = words[start : start + 8]
            middle = run[4]
            if not middle.isalpha() or len(middle) < 4:
                continue
            run[4] = middle[:2] + ("x" if middle[2] != "x" else "z") + middle[3:]
            miss = missed(source.find(" ".join(run)))
            assert miss.hint is not None, run
            assert miss.hint.line == number, run
            checked += 1
    assert checked > 30


# --- properties ----------------------------------------------------------------------------

APOSTROPHES = ["'", "\u2019", "\u2018", "\u02bc"]
DOUBLES = ['"', "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb"]
DASHES = ["-", "\u2013", "\u2014", " - ", "--", " \u2013 ", "\u2212"]
SPACES = [" ", "  ", "\n", "\u00a0", "\u202f", "\t ", " \n  ", "\u2009"]


@st.composite
def retyped(draw: st.DrawFn, text: str) -> str:
    """``text`` as someone might type it: other quotation marks, dashes and spaces, NFD."""
    out = []
    i = 0
    while i < len(text):
        char = text[i]
        if char.isspace():
            j = i
            while j < len(text) and text[j].isspace():
                j += 1
            out.append(draw(st.sampled_from(SPACES)))
            i = j
            continue
        if char in APOSTROPHES:
            out.append(draw(st.sampled_from(APOSTROPHES)))
        elif char in DOUBLES:
            out.append(draw(st.sampled_from(DOUBLES)))
        elif char in "-\u2013\u2014\u2212":
            out.append(draw(st.sampled_from(DASHES)))
        else:
            out.append(char)
        i += 1
    typed = "".join(out)
    return unicodedata.normalize("NFD", typed) if draw(st.booleans()) else typed


def word_passage(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` grown to whole words and stripped of surrounding spaces."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def offset_of(text: str, line: int, column_: int) -> int:
    lines = text.split("\n")
    return sum(len(x) + 1 for x in lines[: line - 1]) + column_ - 1


@needs_column
@settings(max_examples=200, deadline=None)
@given(st.data())
def test_any_retyped_passage_of_the_column_is_found_at_its_place(data: st.DataObject) -> None:
    text = column()
    start = data.draw(st.integers(0, len(text) - 1))
    length = data.draw(st.integers(1, 300))
    start, end = word_passage(text, start, min(len(text), start + length))
    passage = text[start:end]
    assume(skeleton(passage) and "..." not in normalize(passage).text)
    quote = data.draw(retyped(passage))
    hit = found(SourceText(text).find(quote))
    first, last = hit.passages[0], hit.passages[-1]
    got_start = offset_of(text, first.line, first.column)
    got_end = offset_of(text, last.end_line, last.end_column)
    assert normalize(text[got_start:got_end]).text == normalize(passage).text
    assert got_start <= start
    if text.count(passage) == 1 and normalize(text).text.count(normalize(passage).text) == 1:
        assert (got_start, got_end) == (start, end)


VOCABULARY = [
    "caf\u00e9",
    "na\u00efve",
    "don\u2019t",
    "U.S.",
    "\u0141\u00f3d\u017a",
    "the",
    "he",
    "then",
    "e\u0301te\u0301",
    "45",
    "x",
    "Putin\u2019s",
    "\u201cno\u201d",
    "a\u2013b",
]
SEPARATORS = [" ", ", ", " \u2013 ", "\u00a0", "\n", ". ", " \u201c", "\u201d "]
MARKER = "Zyxwv"


@st.composite
def sources(draw: st.DrawFn) -> list[str]:
    """A source as alternating words and separators."""
    words = draw(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=40))
    out: list[str] = []
    for word in words:
        if out:
            out.append(draw(st.sampled_from(SEPARATORS)))
        out.append(word)
    return out


@settings(max_examples=300, deadline=None)
@given(sources(), st.data())
def test_retyped_passage_of_a_generated_source_is_found_exactly(
    tokens: list[str], data: st.DataObject
) -> None:
    words = len(tokens) // 2 + 1
    first = data.draw(st.integers(0, words - 1))
    last = data.draw(st.integers(first, words - 1))
    tokens = list(tokens)
    tokens[2 * first] = MARKER  # a word found nowhere else: the place is known
    text = "".join(tokens)
    start = sum(len(t) for t in tokens[: 2 * first])
    end = start + sum(len(t) for t in tokens[2 * first : 2 * last + 1])
    passage = text[start:end]
    assume("..." not in normalize(passage).text)
    quote = data.draw(retyped(passage))
    hit = found(SourceText(text).find(quote))
    first_passage, last_passage = hit.passages[0], hit.passages[-1]
    assert offset_of(text, first_passage.line, first_passage.column) == start
    end_offset = offset_of(text, last_passage.end_line, last_passage.end_column)
    assert normalize(text[start:end_offset]).text == normalize(passage).text
    assert skeleton(text[start:end_offset]) == skeleton(passage)


@settings(max_examples=300, deadline=None)
@given(sources(), sources(), st.booleans())
def test_words_not_in_the_source_are_never_found(
    tokens: list[str], quote_tokens: list[str], case_sensitive: bool
) -> None:
    text = "".join(tokens)
    quote = "".join(quote_tokens)
    result = SourceText(text, case_sensitive=case_sensitive).find(quote)
    fold = (lambda s: s) if case_sensitive else str.casefold
    if fold(skeleton(quote)) not in fold(skeleton(text)):
        assert isinstance(result, NotFound)
    if isinstance(result, Found):
        for passage in result.passages:
            begin = offset_of(text, passage.line, passage.column)
            stop = offset_of(text, passage.end_line, passage.end_column)
            assert " ".join(text[begin:stop].split()) == passage.text
            assert fold(skeleton(passage.text)) in fold(skeleton(quote))


@settings(max_examples=300, deadline=None)
@given(sources(), sources(), st.booleans())
def test_missing_says_what_find_says(
    tokens: list[str], quote_tokens: list[str], case_sensitive: bool
) -> None:
    """missing() (what Q501 asks) is find() without the passages of a found quote."""
    source = SourceText("".join(tokens), case_sensitive=case_sensitive)
    for quote in (
        "".join(quote_tokens),
        "".join(tokens[len(tokens) // 2 :]),
        " ... ".join(tokens[::4]),
    ):
        result = source.find(quote)
        assert source.missing(quote) == (result if isinstance(result, NotFound) else None)


@settings(max_examples=200, deadline=None)
@given(sources(), st.data())
def test_parts_are_found_in_order_without_overlap(tokens: list[str], data: st.DataObject) -> None:
    text = "".join(tokens)
    words = tokens[::2]
    picks = sorted(data.draw(st.lists(st.integers(0, len(words) - 1), min_size=1, max_size=4)))
    quote = " ... ".join(words[i] for i in picks)
    result = SourceText(text).find(quote)
    if isinstance(result, Found):
        offsets = [
            (offset_of(text, p.line, p.column), offset_of(text, p.end_line, p.end_column))
            for p in result.passages
        ]
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(offsets))
    elif len(set(picks)) == len(picks):
        pytest.fail(f"distinct words in source order were not found: {quote!r} in {text!r}")


# --- the checks, through `argmap check` ------------------------------------------------------

COLUMN_MAP = """\
source column "Russia and the United States: A Precarious Balance"
  file "column.txt"
evidence greeting: "Putin answered a polite greeting with a long speech."
  quote column "In response to Obama's polite greeting, Putin delivered a very emotional speech"
  quote column "the first rule of medicine: \\"Do no harm.\\""
  quote column "National Research University - Higher School of Economics"
evidence neutral: "The joint statement was neutral."
  quote column "Perfectly neutral ... constructive in tone"
"""
MISQUOTE = '  quote column "Perfectly neutral and entirely constructive in spirit"\n'


def check(*args: str) -> tuple[int, list[dict[str, Any]]]:
    result = CliRunner().invoke(main, ["check", "--format", "json", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, json.loads(result.stdout)["diagnostics"]


@needs_column
def test_check_with_source_option_against_the_column(tmp_path: Path) -> None:
    path = tmp_path / "map.arg"
    path.write_text(COLUMN_MAP, encoding="utf-8")
    given = f"column={COLUMN_PATH}"
    assert check(str(path), "--source", given, "--select", "Q5") == (0, [])
    path.write_text(COLUMN_MAP + MISQUOTE, encoding="utf-8")
    code, findings = check(str(path), "--source", given, "--select", "Q5")
    assert code == 1
    [finding] = findings
    assert (finding["code"], finding["name"], finding["severity"]) == (
        "Q501",
        "quote-not-in-source",
        "error",
    )
    assert finding["location"]["line"] == 9 and finding["subject"] == "neutral"
    assert finding["message"] == (
        'the quote is not in source "column": '
        '"Perfectly neutral and entirely constructive in spirit" was not found'
    )
    [related] = finding["related"]
    assert related["location"]["file"] == str(COLUMN_PATH)
    assert (related["location"]["line"], related["location"]["column"]) == (25, 162)
    assert related["message"].startswith(
        'the closest passage of source "column" is here: '
        '"Perfectly neutral and entirely constructive in tone'
    )


@needs_column
def test_check_reads_the_file_next_to_the_map(tmp_path: Path) -> None:
    (tmp_path / "column.txt").write_text(column(), encoding="utf-8")
    path = tmp_path / "map.arg"
    path.write_text(COLUMN_MAP + MISQUOTE, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--select", "Q5"])
    assert result.exit_code == 1
    note = f"{tmp_path / 'column.txt'}:25:162: note: the closest passage"
    assert note in result.stdout


CASE_MAP = """\
source text "A text"
  file "text.txt"
evidence e: "E."
  quote text "do no harm"
"""


def test_case_insensitive_from_the_nearest_pyproject(tmp_path: Path) -> None:
    (tmp_path / "text.txt").write_text("First rule: \u201cDo no harm.\u201d\n", encoding="utf-8")
    path = tmp_path / "map.arg"
    path.write_text(CASE_MAP, encoding="utf-8")
    code, findings = check(str(path), "--select", "Q501")
    assert code == 1 and "only with other capital letters" in findings[0]["message"]
    (tmp_path / "pyproject.toml").write_text("[tool.argmap.quotes]\ncase-insensitive = true\n")
    assert check(str(path), "--select", "Q501") == (0, [])


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "does not exist"),
        (b"caf\xe9 au lait", "is not UTF-8 text"),
    ],
)
def test_missing_source(tmp_path: Path, content: bytes | None, problem: str) -> None:
    text_path = tmp_path / "text.txt"
    if content is not None:
        text_path.write_bytes(content)
    path = tmp_path / "map.arg"
    path.write_text(CASE_MAP, encoding="utf-8")
    code, findings = check(str(path), "--select", "Q5")
    assert code == 1
    [finding] = findings
    assert (finding["code"], finding["name"], finding["subject"]) == (
        "Q502",
        "missing-source",
        "text",
    )
    assert (finding["location"]["line"], finding["location"]["column"]) == (1, 8)
    where = f'the file "text.txt" named under source "text" (looked for at {text_path}) '
    assert finding["message"].startswith(where + problem)
    assert finding["message"].endswith('; the quote of source "text" was not checked')


def test_source_without_text_gives_one_note(tmp_path: Path) -> None:
    path = tmp_path / "map.arg"
    path.write_text(
        'source web "A page"\n  url "https://example.org"\n'
        'evidence e: "E."\n  quote web "one"\n  quote web "two"\n',
        encoding="utf-8",
    )
    code, findings = check(str(path))
    assert code == 0
    assert [(f["code"], f["severity"], f["message"]) for f in findings] == [
        (
            "Q505",
            "info",
            'the 2 quotes of source "web" were not checked: the source names no file, '
            "and no text was given with --source",
        )
    ]


def test_checks_without_the_cli() -> None:
    text = 'source s "S"\n  file "s.txt"\nevidence e: "E."\n  quote s "gone"\n'
    m = read_text(text, "map.arg").map
    ctx = CheckContext(m, analyze(m), sources={"s": "Here it is.\n"})
    [miss] = run_checks(ctx, {"Q501", "Q502", "Q505"})
    assert miss.code == "Q501" and miss.related == ()  # no passage of the text is close
    ctx = CheckContext(m, analyze(m), source_problems={"s": "the disk is on fire"})
    [problem] = run_checks(ctx, {"Q501", "Q502", "Q505"})
    assert problem.message == 'the disk is on fire; the quote of source "s" was not checked'
    [unread] = run_checks(CheckContext(m, analyze(m)), {"Q501", "Q502", "Q505"})
    assert (
        unread.message == 'the quote of source "s" was not checked: its file "s.txt" was not read'
    )


@pytest.mark.parametrize("code", ["Q501", "quote-not-in-source", "Q502", "Q505"])
def test_explain(code: str) -> None:
    result = CliRunner().invoke(main, ["explain", code])
    assert result.exit_code == 0
    assert "How to fix" in result.stdout


def test_the_documented_example_is_what_check_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    section = doc.split("## Quotes: how Q501", 1)[1]
    source = section.split("```text\n", 1)[1].split("```", 1)[0]
    example = section.split("```arg\n", 1)[1].split("```", 1)[0]
    console = section.split("```console\n$ argmap check quotes.arg\n", 1)[1].split("```", 1)[0]
    assert "Los\u00a0Cabos" in source  # the no-break space the first quote relies on
    (tmp_path / "statement.txt").write_text(source, encoding="utf-8")
    (tmp_path / "quotes.arg").write_text(example, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "quotes.arg"])
    assert (result.exit_code, result.stdout) == (1, console)


def test_messages_stay_on_one_line_and_short() -> None:
    words = "\n".join(f"line {n} of a long quote that the source does not have" for n in range(9))
    text = f'source s "S"\nevidence e: "E."\n  quote s "{words.replace(chr(10), chr(92) + "n")}"\n'
    m = read_text(text, "map.arg").map
    [finding] = run_checks(CheckContext(m, analyze(m), sources={"s": "Other words."}), {"Q501"})
    assert "\n" not in finding.message
    assert finding.message.endswith('…" was not found')
    assert len(finding.message) < 140


_SOURCE = "Perfectly neutral and entirely constructive in tone. The reset — such as it was — ended."


@given(st.lists(st.sampled_from([*_SOURCE.split(), "...", "Tone", "absent"]), max_size=6))
def test_missing_says_what_find_says_every_time_it_is_asked(words: list[str]) -> None:
    source = SourceText(_SOURCE)  # it remembers its answers: asking again must not change them
    quote = " ".join(words)
    found = source.find(quote)
    expected = found if isinstance(found, NotFound) else None
    assert source.missing(quote) == expected
    assert source.missing(quote) == expected


def test_a_source_text_forgets_its_answers_past_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quotes, "REMEMBERED", 2)
    source = SourceText(_SOURCE)
    asked = ["neutral", "absent words", "in tone", "Perfectly neutral ... ended"]
    answers = [source.missing(q) for q in asked]
    assert [a is None for a in answers] == [True, False, True, True]
    assert [source.missing(q) for q in asked] == answers
