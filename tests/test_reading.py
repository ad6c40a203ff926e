"""Text as the reader sees it: no byte-order mark, every line break a ``\\n``."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from argmap.cli.textfile import read_utf8
from argmap.reader import normalized_text, read_bytes, read_text


def _general(text: str) -> str:
    """The normal form spelled out, with no shortcut."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


@given(st.text(alphabet=st.sampled_from(["\r", "\n", "\ufeff", "a", " ", "\u2028"])))
def test_normalized_text_is_the_general_form(text: str) -> None:
    assert normalized_text(text) == _general(text)


def test_text_without_carriage_returns_is_kept_as_it_is() -> None:
    text = 'claim a: "x"\n' * 3
    assert normalized_text(text) is text


def test_line_ends_do_not_change_what_is_read() -> None:
    lf = 'thesis t: "T"\n  + a: "A"\n  - b: "B"\n'
    expected = read_text(lf, "m.arg")
    for variant in (lf.replace("\n", "\r\n"), lf.replace("\n", "\r"), "\ufeff" + lf):
        got = read_bytes(variant.encode("utf-8"), "m.arg")
        assert (got.map, got.text, got.diagnostics) == (
            expected.map,
            expected.text,
            expected.diagnostics,
        )


def test_source_files_are_normalised_too(tmp_path: Path) -> None:
    path = tmp_path / "source.txt"
    path.write_bytes("\ufeffone\r\ntwo\rthree\n".encode())
    assert read_utf8(path) == "one\ntwo\nthree\n"
