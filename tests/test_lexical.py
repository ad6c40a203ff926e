"""argmap.lexical: the tokens of any text cover it exactly, in order, with true positions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from argmap.lexical import TokenKind, scan

PIECES = st.sampled_from(
    [
        "thesis",
        "claim",
        " ",
        "\n",
        "  ",
        "a",
        "b-c",
        "+",
        "-",
        "&",
        "->",
        "[",
        "]",
        ":",
        '"',
        '"""',
        "x y",
        "#",
        "tags",
        "by",
        "expect",
        "IN",
        "conceded",
        "é",
        "\t",
        "\\",
        "1",
    ]
)


@given(st.lists(PIECES, max_size=40).map("".join) | st.text(max_size=80))
def test_tokens_cover_the_text(text: str) -> None:
    tokens = list(scan(text))
    assert "".join(t.text for t in tokens) == text
    lines = text.split("\n")
    for token in tokens:
        assert text[token.offset : token.offset + len(token.text)] == token.text
        first = token.text.split("\n")[0]
        assert lines[token.line - 1][token.column - 1 :].startswith(first)
        if token.kind is TokenKind.ID:
            assert "\n" not in token.text
