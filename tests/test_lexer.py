"""The blank-skipping lexer (argmap/lexer.py) against lark's own contextual lexer: on any
text, the same tree with the same token positions, the same comments, the same errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st
from lark import Token, Tree
from test_errors import CASES

from argmap.lexer import BlankSkippingLexer
from argmap.syntax import build_parser

FAST = build_parser()
LARK = build_parser(blank_skipping=False)
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


def outcome(parser: Any, text: str) -> object:
    """Everything a parse gives: the tree with positions, or the error; and the comments."""
    lark, indenter = parser
    indenter.sink = []
    try:
        result: object = _tree(lark.parse(text))
    except Exception as exc:  # noqa: BLE001 - the error itself is what is compared
        token = getattr(exc, "token", None)
        result = (type(exc).__name__, str(exc), _token(token) if isinstance(token, Token) else None)
    return result, list(indenter.sink)


def same(text: str) -> None:
    assert outcome(FAST, text) == outcome(LARK, text)


def test_the_fast_lexer_is_installed() -> None:
    lexer = FAST[0].parser.lexer.lexer
    assert isinstance(lexer, BlankSkippingLexer)
    FAST[0].parse('claim a: "A."\n  + b: "B."\n')
    assert lexer._plans and all(plan is not None for plan in lexer._plans.values())


def test_lark_takes_over_where_there_is_no_expression() -> None:
    parser = build_parser()
    lexer = parser[0].parser.lexer.lexer
    lexer._plan_for = lambda state: None  # as if no expression could be made
    for path in FILES[:3]:
        text = path.read_text(encoding="utf-8")
        assert outcome(parser, text) == outcome(LARK, text)
    assert not lexer._plans


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_maps_lex_the_same(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    same(text)
    same(text.replace("\n", "\r\n"))
    same(text.replace("    ", "\t"))


@pytest.mark.parametrize(("name", "text"), [(c[0], c[1]) for c in CASES], ids=[c[0] for c in CASES])
def test_error_cases_lex_the_same(name: str, text: str) -> None:
    same(text)


PIECES = st.sampled_from([
    "thesis", "claim", "evidence", "assumption", "t", "a_b", "x-y", "é", "日本", "title",
    ":", '"text"', '"a \\" b"', '"""long\ntext"""', '"open', "+", "-", "&", "[", "]", "->",
    "conceded", "quote", "cite", "by", "tags", "#tag", "note", "source", "group", "reason",
    "objection", "expect", "IN", "out", "# comment", "#", "\\", "@", "\u2019", "\u00a0",
])
BLANKS = st.sampled_from(["", " ", "  ", "\t", " \t "])
LINE = st.tuples(
    st.sampled_from(["", "  ", "    ", "\t", "      ", " "]),
    st.lists(st.tuples(PIECES, BLANKS), max_size=7),
).map(lambda line: line[0] + "".join(piece + blank for piece, blank in line[1]))


@settings(max_examples=400, deadline=None)
@given(st.lists(LINE, max_size=10), st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_random_texts_lex_the_same(lines: list[str], newline: str, final: bool) -> None:
    same(newline.join(lines) + (newline if final else ""))
