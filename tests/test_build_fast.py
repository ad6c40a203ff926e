"""The fast paths of building a map."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from argmap.reader import read_text
from argmap.text import decode_text

# -- texts: a "..." text without escapes is read without decode_text ------------------------

_PLAIN = st.text(st.characters(blacklist_characters='"\\\n\r', blacklist_categories=("Cs",)))
_ESCAPES = st.sampled_from(['\\"', "\\\\", "\\n", "\\t", "\\u00e9", "\\U0001F600"])
_BODIES = st.lists(st.one_of(_PLAIN, _ESCAPES), max_size=6).map("".join)


@given(_BODIES, st.booleans())
def test_texts_read_as_decode_text_reads_them(body: str, triple: bool) -> None:
    literal = f'"""{body}"""' if triple and not body.endswith('"') else f'"{body}"'
    text = f"claim a: {literal}\n  + [r {literal}] b: {literal}\n      note {literal}\n"
    result = read_text(text, "t.arg")
    assert result.ok, result.diagnostics
    expected = decode_text(literal)
    assert result.map.statements["a"].text == expected
    assert result.map.statements["b"].text == expected
    assert result.map.statements["b"].notes == (expected,)
    assert result.map.reasons["r"].label == expected
