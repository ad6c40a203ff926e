"""User text in the diagram: what it shows (visible_text), how it is escaped for DOT
(dot_text), and how it is wrapped. Escaping is checked against a model of how Graphviz reads
labels (render_oracle.py), without running Graphviz; the adversarial SVG tests
(test_render_svg.py) check the same against the real program."""

from __future__ import annotations

import re

import pytest
from graphviz.quoting import quote
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.render.escape import BIDI_CONTROLS, dot_text, visible_text
from argmap.render.wrap import display_width, shorten, wrap
from tests.render_oracle import lex_id, read_label


def drawn(lines: list[str]) -> list[str]:
    return read_label(lex_id(quote(dot_text(lines))))


# ---- visible_text -------------------------------------------------------------------------

VISIBLE = [
    ("plain", "plain"),
    ("tab\there", "tab here"),
    ("a\r\nb\rc\u2028d\u2029e\x85f", "a\nb\nc\nd\ne\nf"),
    ("nul\x00esc\x1bbell\x07", "nul\u2400esc\u241bbell\u2407"),
    ("del\x7f", "del\u2421"),
    ("c1\x9b", "c1\ufffd"),
    ("evil\u202eelif\u202c", "evil[RLO]elif[PDF]"),
    ("iso\u2066x\u2069", "iso[LRI]x[PDI]"),
    ("mark\u200fok", "mark\u200fok"),
    ("lone\ud800surrogate", "lone\ufffdsurrogate"),
    ("non\ufffechar\uffff", "non\ufffdchar\ufffd"),
    ("Отношения 关系 😀", "Отношения 关系 😀"),
]


@pytest.mark.parametrize(("text", "expected"), VISIBLE)
def test_visible_text(text: str, expected: str) -> None:
    assert visible_text(text) == expected


XML_CHAR = re.compile("[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]*")


@given(st.text())
def test_visible_text_is_xml_safe_and_has_no_bidi_controls(text: str) -> None:
    shown = visible_text(text)
    assert XML_CHAR.fullmatch(shown)
    assert not any(ord(c) in BIDI_CONTROLS for c in shown)
    assert "\r" not in shown and "\t" not in shown
    shown.encode("utf-8")  # no lone surrogates


@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E)))
def test_printable_ascii_is_shown_as_written(text: str) -> None:
    assert visible_text(text) == text


# ---- dot_text -----------------------------------------------------------------------------

NASTY = [
    'He said "Do no harm."',
    "back\\slash \\N \\G \\l \\n \\",
    'ends with a backslash \\"',
    "<b>bold</b> <<html>>",
    "<script>alert(1)</script>",
    "&amp; &lt; &#60; &#x3C; &unknown; & alone",
    "{record|fields} <port>",
    '"]; evil [label="x',
    '" -> x; y [shape=box] //',
    "node graph digraph subgraph edge strict",
    "]]> <!-- --> <?xml ?>",
]


@pytest.mark.parametrize("text", NASTY)
def test_nasty_text_is_drawn_as_written(text: str) -> None:
    assert drawn([text]) == [text]


def test_lines_are_joined_with_line_breaks() -> None:
    assert drawn(["one", "two", "three"]) == ["one", "two", "three"]
    assert str(dot_text(["a", "b"])) == "a\\nb"


def test_a_label_is_never_html() -> None:
    assert quote(dot_text(["<b>x</b>"])).startswith('"')


@settings(max_examples=500)
@given(st.lists(st.text().map(visible_text).filter(lambda t: "\n" not in t), min_size=1))
def test_any_visible_line_is_drawn_as_written(lines: list[str]) -> None:
    while len(lines) > 1 and lines[-1] == "":
        lines.pop()  # Graphviz draws no empty last line: "a\\n" is one line
    assert drawn(lines) == lines


# ---- wrap and shorten -----------------------------------------------------------------------

WRAPS = [
    (
        "The town should build a protected bike lane.",
        20,
        ["The town should", "build a protected", "bike lane."],
    ),
    ("short", 20, ["short"]),
    ("", 10, [""]),
    ("first\nsecond line", 30, ["first", "second line"]),
    ("abcdefghijklmnop", 5, ["abcde", "fghij", "klmno", "p"]),
    ("关系关系关系", 4, ["关系", "关系", "关系"]),
    ("a    b", 10, ["a b"]),
]


@pytest.mark.parametrize(("text", "width", "lines"), WRAPS)
def test_wrap(text: str, width: int, lines: list[str]) -> None:
    assert wrap(text, width) == lines


@given(st.text(), st.integers(min_value=2, max_value=60))
def test_wrap_keeps_every_word_and_fits(text: str, width: int) -> None:
    text = visible_text(text)
    lines = wrap(text, width)
    assert "".join("".join(line.split()) for line in lines) == "".join(text.split())
    assert all(display_width(line) <= width for line in lines)
    assert len(lines) >= text.count("\n") + 1


@given(
    st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), min_size=1),
    st.integers(min_value=1, max_value=40),
)
def test_ascii_text_wraps_as_the_general_path_measures_it(text: str, width: int) -> None:
    """ASCII is measured by len(): the same lines as when the paragraph is not ASCII, which
    a combining accent at its end makes it (it takes no column)."""
    text = text.rstrip() or "x"
    general = wrap(text + "\u0301", width)
    assert general[:-1] == wrap(text, width)[:-1]
    assert general[-1] == wrap(text, width)[-1] + "\u0301"


def test_wrap_rejects_a_zero_width() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        wrap("x", 0)


SHORTENS = [
    ("fits exactly", 12, "fits exactly"),
    ("a masterpiece of diplomatic correctness", 20, "a masterpiece of…"),
    ("unbreakablewordthatislong", 10, "unbreakab…"),
    ("  spaced   out  ", 20, "spaced out"),
]


@pytest.mark.parametrize(("text", "width", "expected"), SHORTENS)
def test_shorten(text: str, width: int, expected: str) -> None:
    assert shorten(text, width) == expected


@given(st.text(min_size=1).filter(str.strip), st.integers(min_value=3, max_value=80))
def test_shorten_fits_and_is_a_prefix(text: str, width: int) -> None:
    short = shorten(text, width)
    assert display_width(short) <= width
    collapsed = " ".join(text.split())
    assert collapsed.startswith(short.removesuffix("…"))
