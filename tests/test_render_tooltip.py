"""The tooltip of a statement names it as findings do: a statement without an id by its line."""

from __future__ import annotations

from argmap.reader import read_text
from argmap.render.labels import statement_tooltip


def test_a_statement_without_an_id_is_named_by_its_line() -> None:
    m = read_text('thesis t: "T."\n  + "Anonymous."\n', "t.arg").map
    (anonymous,) = (s for s in m.statements.values() if not s.named)
    assert statement_tooltip(anonymous, m)[0] == "the claim on line 2"
    assert statement_tooltip(m.statements["t"], m)[0] == "thesis t"
