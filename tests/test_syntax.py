"""The parser: the grammar's rules and the syntax tree, comments, long texts, shared use."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from argmap import syntax_tree as nodes
from argmap.build import MAX_TEXT
from argmap.reader import read_text
from argmap.syntax import MapTransformer, PieceCache, default_parser, grammar_path
from tests.conftest import ROOT


def test_every_rule_of_the_grammar_makes_a_node() -> None:
    rules = re.findall(r"^([a-z][a-z_]*):", grammar_path().read_text(), re.MULTILINE)
    assert "statement_head" in rules and "kind" in rules
    missing = [rule for rule in rules if not callable(getattr(MapTransformer, rule, None))]
    assert missing == []


def test_the_syntax_tree_keeps_what_was_written() -> None:
    text = (
        'source col "Column"\n'
        '  file "c.txt"\n'
        'thesis t: "T."\n'
        '  + [r "because" conceded] e: "E."\n'
        '      quote col "words"\n'
        "  & known\n"
        'claim known: "K."\n'
        "objection o: known & e -> r\n"
        "expect IN: t\n"
    )
    assert [p.line_offset for p in default_parser().parse(text, "t.arg").pieces] == [0]
    parsed = default_parser().parse(text, "t.arg", PieceCache())  # piece by piece
    assert parsed.diagnostics == ()
    assert [p.line_offset for p in parsed.pieces] == [0, 2, 6, 7, 8]
    source, thesis, known, objection, expectation = (i for p in parsed.pieces for i in p.items)
    assert isinstance(source, nodes.Source) and source.title == '"Column"'
    assert [(f.key, f.text) for f in source.fields] == [("file", '"c.txt"')]
    assert isinstance(thesis, nodes.Statement) and thesis.head.kind == "thesis"
    (branch,) = thesis.body
    assert isinstance(branch, nodes.Branch) and branch.sign == "+"
    assert branch.label is not None
    assert (branch.label.id, branch.label.label, branch.label.flags) == (
        "r",
        '"because"',
        ("conceded",),
    )
    first, second = branch.premises
    assert isinstance(first.head, nodes.StatementHead) and first.head.kind is None
    (quote,) = first.body
    assert isinstance(quote, nodes.Quote) and (quote.source, quote.text) == ("col", '"words"')
    assert second.head == "known" and second.body == ()
    assert isinstance(known, nodes.Statement) and known.head.kind == "claim"
    assert isinstance(objection, nodes.FlatInference)
    assert (objection.kind, objection.premises, objection.target) == (
        "objection",
        ("known", "e"),
        "r",
    )
    assert isinstance(expectation, nodes.Expectation) and expectation.ids == ("t",)
    # Each item is parsed on its own: its tokens' lines count from its first line.
    assert (expectation.ids[0].line, expectation.ids[0].column) == (1, 12)


def test_comments_are_found_outside_texts_only() -> None:
    text = (
        "# own line\n"
        'claim a: "a # not a comment"  # trailing\n'
        '  note """two\n'
        "# still the note\n"
        'lines"""   # after a long text\n'
        "   # indented own line\n"
        'claim b: "b"\n'
    )
    comments = default_parser().parse(text, "t.arg").comments
    assert [(c.text, c.line, c.column, c.own_line) for c in comments] == [
        ("# own line", 1, 1, True),
        ("# trailing", 2, 31, False),
        ("# after a long text", 5, 12, False),
        ("# indented own line", 6, 4, True),
    ]


@pytest.mark.parametrize(
    ("open", "unit", "close"),
    [('"', "x", '"'), ('"', "\\u00e9", '"'), ('"""', "x", '"""'), ('"""\n  ', "x", '\n  """')],
)
def test_a_text_longer_than_the_limit_is_an_error(open: str, unit: str, close: str) -> None:
    body = unit * MAX_TEXT  # the text's characters are counted, not the quotes or escapes
    fits = read_text(f"claim a: {open}{body}{close}\n", "t.arg")
    assert fits.ok, fits.diagnostics
    text = f'claim a: {open}{body}{unit}{close}\nclaim b: "fine"\n'
    result = read_text(text, "t.arg")
    (d,) = result.diagnostics
    assert (d.code, d.span.line, d.span.column) == ("E101", 1, 10)
    assert d.message == (
        f"this text has {MAX_TEXT + 1:,} characters; a text may have at most {MAX_TEXT:,}"
    )
    assert result.map.statements["b"].text == "fine"


def test_one_parser_serves_parses_in_several_threads() -> None:
    maps = sorted((ROOT / "maps").rglob("*.arg"))
    texts = [path.read_text(encoding="utf-8") for path in maps]
    alone = [read_text(text, "m.arg") for text in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(lambda text: read_text(text, "m.arg"), texts * 4))
    assert together == alone * 4


def test_the_command_line_keeps_the_grammar_where_it_is_told(tmp_path: Path) -> None:
    env = {**os.environ, "ARGMAP_CACHE_DIR": str(tmp_path / "cache"), "HOME": str(tmp_path)}
    env.pop("XDG_CACHE_HOME", None)
    command = [sys.executable, "-m", "argmap", "parse", str(ROOT / "maps/examples/flat.arg")]
    for _ in range(2):  # the second run reads the file the first one wrote
        subprocess.run(command, env=env, check=True, capture_output=True)
    assert [p.name.startswith("grammar-") for p in (tmp_path / "cache").iterdir()] == [True]
    env["ARGMAP_CACHE_DIR"] = ""
    (tmp_path / "cache").rename(tmp_path / "old")
    subprocess.run(command, env=env, check=True, capture_output=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old"]
