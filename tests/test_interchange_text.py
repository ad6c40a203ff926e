"""The .arg writer: every text is written so that the map reads back to the same text, and
every map reads back to the same model."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.interchange.arg_writer import write_arg
from argmap.reader import read_text
from argmap.text import encode_text
from tests.conftest import ROOT
from tests.interchange_model import canonical

MAPS = sorted(ROOT.glob("maps/**/*.arg"))


def _read_back(text: str) -> str:
    result = read_text(f"claim a: {encode_text(text)}\n", "t.arg")
    assert result.ok, result.diagnostics
    return result.map.statements["a"].text


@pytest.mark.parametrize(
    "text",
    [
        'say "no"',
        "back\\slash",
        "two\nlines",
        "old\rmac",
        "line\u2028sep",
        "next\x85line",
        "tab\there",
        "para\u2029graph",
        "\u202eevil",
        "nul\x00",
        "emoji 👩‍🔬",
        "end\\",
    ],
)
def test_hard_characters_read_back(text: str) -> None:
    assert _read_back(text) == text


def test_breaking_characters_are_escaped_not_written() -> None:
    token = encode_text('a\r\u2028\x85\n"b\\')
    assert token == '"a\\u000d\\u2028\\u0085\\n\\"b\\\\"'


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_reads_back(text: str) -> None:
    assert _read_back(text) == text


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_maps_are_written_back_to_the_same_model(path: Path) -> None:
    original = read_text(path.read_text(encoding="utf-8"), str(path))
    written = read_text(write_arg(original.map), str(path))
    assert written.ok, written.diagnostics
    assert canonical(written.map) == canonical(original.map)


def test_linked_premises_are_joined_with_and() -> None:
    source = 'thesis t: "T."\nclaim a: "A."\nclaim b: "B."\nreason r: a & b -> t\n'
    source += "objection o conceded: a & b -> r\n"
    text = write_arg(read_text(source, "m.arg").map)
    assert "reason r: a & b -> t" in text
    assert "objection o conceded: a & b -> r" in text
