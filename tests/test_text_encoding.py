"""Writing a text back as a token: encode_text and encode_long_text are inverse to decode_text,
and the tokens they make read back the same through the whole parser."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.reader import read_text
from argmap.text import decode_text, encode_long_text, encode_text

# Any string a UTF-8 file can hold (no surrogates), weighted towards what needs escaping.
TEXTS = st.text(
    st.one_of(
        st.characters(exclude_categories=["Cs"]),
        st.sampled_from('"\\\n\r\t \u2028\u2029\u0085\x0b\x0c\x1c\u00a0\u202e#'),
    )
)


@given(TEXTS)
@settings(max_examples=500, deadline=None)
def test_a_text_decodes_to_itself(text: str) -> None:
    token = encode_text(text)
    assert decode_text(token) == text
    assert "\n" not in token and "\r" not in token


@given(TEXTS, st.integers(1, 60))
@settings(max_examples=500, deadline=None)
def test_a_wrapped_text_decodes_to_itself_or_is_refused(text: str, width: int) -> None:
    token = encode_long_text(text, "    ", width)
    if token is None:  # only texts that folding would change are refused
        spaces = not text or "  " in text or text[0] == " " or text[-1] == " "
        assert spaces or any(c.isspace() and c != " " for c in text)
    else:
        assert decode_text(token) == text


@given(TEXTS.filter(lambda t: len(t) < 200))
@settings(max_examples=150, deadline=None)
def test_tokens_read_back_the_same_in_a_map(text: str) -> None:
    long = encode_long_text(text, "  ", 20)
    tokens = [encode_text(text)] + ([long] if long else [])
    for token in tokens:
        result = read_text(f"claim a: {token}\n  note {token}\n", "t.arg")
        assert result.ok, result.diagnostics
        statement = result.map.statements["a"]
        assert (statement.text, statement.notes) == (text, (text,))


def test_what_is_escaped() -> None:
    assert encode_text('say "hi"\\') == r'"say \"hi\"\\"'
    assert encode_text("a\nb\tc\rd\u2028e\u202ef") == r'"a\nb\tc\u000dd\u2028e\u202ef"'
    assert encode_text("Отношения 😀") == '"Отношения 😀"'


def test_long_text_layout() -> None:
    token = encode_long_text("one two three four five", "  ", 12)
    assert token == '"""\n  one two\n  three four\n  five\n  """'
    assert encode_long_text("two  spaces", "", 10) is None
    assert encode_long_text("line\nbreak", "", 10) is not None  # an escaped break survives folding
    assert encode_long_text("no\u00a0break", "", 10) is None
