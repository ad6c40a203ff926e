"""The one-loop parser (argmap/lalr.py) against lark's own parser of the same grammar: on any
text, either the same tree with the same token positions and the same comments, or — where
lark raises a syntax error — no tree, so that lark parses the text again and reports it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lark import Token, Tree, UnexpectedInput

from argmap import syntax
from argmap.lalr import FastParser
from tests.conftest import ROOT
from tests.test_errors import CASES

LARK, INDENTER = syntax.build_parser()
FAST = FastParser(LARK)
FILES = sorted(p for p in ROOT.glob("**/*.arg") if ".bench-cache" not in p.parts)


def _token(token: Token) -> tuple[Any, ...]:
    return (
        token.type,
        str(token),
        token.start_pos,
        token.line,
        token.column,
        token.end_line,
        token.end_column,
        token.end_pos,
    )


def _tree(node: Tree[Token] | Token) -> object:
    if isinstance(node, Token):
        return _token(node)
    return (node.data, [_tree(c) for c in node.children])


def lark_outcome(text: str) -> object:
    """lark's tree with every position and the comments, or None at an error."""
    INDENTER.sink = []
    try:
        tree = LARK.parse(text)
    except (UnexpectedInput, syntax._IndentationError):
        return None
    return _tree(tree), list(INDENTER.sink)


def fast_outcome(text: str, parser: FastParser = FAST) -> object:
    INDENTER.sink = []
    try:
        tree = parser.parse(text, INDENTER.layout())
    except syntax._IndentationError:
        return None
    return None if tree is None else (_tree(tree), list(INDENTER.sink))


def same(text: str) -> None:
    """Same outcome; parse_items always ends a text with a newline: without one, blanks at
    the very end leave the one-loop parser without a token to match, and lark parses it."""
    fast = fast_outcome(text)
    if fast is not None or text.endswith("\n"):
        assert fast == lark_outcome(text)


def test_the_one_loop_parser_is_used_and_needs_no_lark_lexer_state() -> None:
    assert fast_outcome('claim a: "A."\n  + b: "B."\n') is not None
    assert all(plan is not None for plan in FAST._plans.values())


def test_lark_takes_over_where_there_is_no_expression() -> None:
    parser = FastParser(LARK)
    parser._plan_for = lambda state: None  # type: ignore[method-assign]  # as if none could be made
    text = FILES[0].read_text(encoding="utf-8")
    assert fast_outcome(text, parser) is None
    assert syntax.parse_items(text, "x.arg").items  # parse_items still parses it (with lark)


def test_parse_items_reports_errors_as_lark_does() -> None:
    items = syntax.parse_items('claim a: "A."\nclaim b "B."\nclaim c: "C."\n', "x.arg")
    assert [d.span.line for d in items.diagnostics] == [2]
    assert len(items.items) == 2


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_maps_parse_the_same(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert fast_outcome(text) is not None or lark_outcome(text) is None
    same(text)
    same(text.replace("\n", "\r\n"))
    same(text.replace("    ", "\t"))


@pytest.mark.parametrize(("name", "text"), [(c[0], c[1]) for c in CASES], ids=[c[0] for c in CASES])
def test_error_cases_parse_the_same(name: str, text: str) -> None:
    same(text)


PIECES = st.sampled_from(
    [
        "thesis",
        "claim",
        "evidence",
        "assumption",
        "t",
        "a_b",
        "x-y",
        "é",
        "日本",
        "title",
        ":",
        '"text"',
        '"a \\" b"',
        '"""long\ntext"""',
        '"open',
        "+",
        "-",
        "&",
        "[",
        "]",
        "->",
        "conceded",
        "quote",
        "cite",
        "by",
        "tags",
        "#tag",
        "note",
        "source",
        "group",
        "reason",
        "objection",
        "expect",
        "IN",
        "out",
        "# comment",
        "#",
        "\\",
        "@",
        "\u2019",
        "\u00a0",
    ]
)
BLANKS = st.sampled_from(["", " ", "  ", "\t", " \t "])
LINE = st.tuples(
    st.sampled_from(["", "  ", "    ", "\t", "      ", " "]),
    st.lists(st.tuples(PIECES, BLANKS), max_size=7),
).map(lambda line: line[0] + "".join(piece + blank for piece, blank in line[1]))


@settings(max_examples=400, deadline=None)
@given(st.lists(LINE, max_size=10), st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_random_texts_parse_the_same(lines: list[str], newline: str, final: bool) -> None:
    same(newline.join(lines) + (newline if final else ""))


STATEMENT = st.tuples(
    st.sampled_from(["", "thesis ", "claim ", "evidence ", "assumption "]),
    st.sampled_from(["a", "b", "c_1", "d-2"]),
    st.sampled_from(['"A."', '"""Long\n  text."""', '"q \\" x"']),
).map(lambda s: f"{s[0]}{s[1]}: {s[2]}")
BODY = st.sampled_from(
    [
        "+ {s}",
        "- {s}",
        "& {s}",
        '+ [r "why"] {s}',
        "- [conceded] {s}",
        'quote src "text"',
        'cite src "p. 1"',
        'by "someone"',
        "tags #x #y",
        'note "n"',
        "# a comment",
        "",
    ]
)


@st.composite
def outlines(draw: st.DrawFn) -> str:
    """Well-formed-looking outlines with random depth changes (some valid, some not)."""
    lines = []
    depth = 0
    for _ in range(draw(st.integers(1, 12))):
        depth = max(0, depth + draw(st.integers(-3, 1)))
        body = draw(BODY).format(s=draw(STATEMENT))
        line = draw(STATEMENT) if depth == 0 else body
        lines.append("  " * depth + line)
    return "\n".join(lines) + "\n"


@settings(max_examples=400, deadline=None)
@given(outlines())
def test_random_outlines_parse_the_same(text: str) -> None:
    same(text)


def test_a_parser_with_token_callbacks_is_refused() -> None:
    from lark import Lark, Transformer

    class Upper(Transformer[Token, Any]):
        def WORD(self, token: Token) -> Token:  # noqa: N802 - lark names it after the terminal
            return token.update(value=token.upper())

    lark = Lark("start: WORD\nWORD: /[a-z]+/", parser="lalr", transformer=Upper())
    with pytest.raises(ValueError, match="callbacks on tokens"):
        FastParser(lark)
