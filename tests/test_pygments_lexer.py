"""The Pygments lexer for .arg, found as Pygments finds plugins (the entry point of the
installed package): every map of maps/ is coloured without an error token."""

from __future__ import annotations

from pathlib import Path

import pytest

pygments = pytest.importorskip("pygments", reason="Pygments is not installed")

from pygments import highlight  # noqa: E402
from pygments.formatters import HtmlFormatter  # noqa: E402
from pygments.lexers import get_lexer_by_name, get_lexer_for_filename  # noqa: E402
from pygments.token import Comment, Error, Keyword, Name, String  # noqa: E402

from argmap.lexical import TokenKind, scan  # noqa: E402
from argmap.reader import read_text  # noqa: E402
from tests.conftest import ROOT  # noqa: E402

MAPS = sorted((ROOT / "maps").rglob("*.arg"))


def test_registered_through_the_entry_point() -> None:
    assert get_lexer_by_name("argmap").name == "argmap"
    assert get_lexer_by_name("arg").name == "argmap"
    assert get_lexer_for_filename("precarious-balance.arg").name == "argmap"


@pytest.mark.parametrize("path", MAPS, ids=[p.name for p in MAPS])
def test_no_error_tokens_on_every_map(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    tokens = list(get_lexer_by_name("argmap").get_tokens(text))
    assert [value for kind, value in tokens if kind in Error] == []
    assert "".join(value for _, value in tokens) == text


def test_what_is_coloured_how() -> None:
    text = 'thesis t: "T."  # argmap: ignore[S201]\n  by Someone\n  + [r] evidence e: "E."\n    cite s\n'
    tokens = [(kind, value) for kind, value in get_lexer_by_name("argmap").get_tokens(text)]
    assert (Keyword.Type, "thesis") in tokens
    assert (Name.Variable, "t") in tokens
    assert (String.Double, '"T."') in tokens
    assert (Comment.Special, "# argmap: ignore[S201]") in tokens
    assert (Name.Entity, "Someone") in tokens
    assert (Keyword.Type, "evidence") in tokens
    assert (Keyword, "cite") in tokens


def test_html_escapes_the_map() -> None:
    html = highlight(
        'claim a: "<script>alert(1)</script>"\n', get_lexer_by_name("argmap"), HtmlFormatter()
    )
    assert "<script>" not in html and "&lt;script&gt;" in html


@pytest.mark.parametrize("path", MAPS, ids=[p.name for p in MAPS])
def test_ids_are_the_maps_ids(path: Path) -> None:
    """The words the scanner calls ids include every id the map declares (the scanner and
    the grammar agree on what an id is)."""
    text = path.read_text(encoding="utf-8")
    words = {t.text for t in scan(text) if t.kind is TokenKind.ID}
    m = read_text(text, str(path)).map
    declared = {id for table in (m.statements, m.sources, m.groups) for id in table}
    declared |= {id for id, i in (*m.reasons.items(), *m.objections.items()) if i.named}
    assert declared <= words
