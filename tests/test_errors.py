"""Reject tests: every kind of bad input gives located, plain-words errors, never a traceback."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.reader import ReadCache, read_bytes, read_text
from argmap.report.human import format_human
from argmap.syntax import MAX_DEPTH, default_parser

CASES = [
    ("missing_colon", 'claim a "x"\n', [(1, 9, "E101", 'expected ":", found a quoted text')]),
    ("missing_id", 'thesis: "y"\n', [(1, 7, "E101", 'expected an id, found ":"')]),
    (
        "missing_text",
        "claim a:\n",
        [(1, 9, "E101", "expected a quoted text, found the end of the line")],
    ),
    (
        "extra_text",
        'claim a: "x" "y"\n',
        [(1, 14, "E101", "expected the end of the line, found a quoted text")],
    ),
    (
        "unclosed",
        'claim a: "x\n',
        [(1, 10, "E101", 'this quoted text is not closed: end it with " on the same line')],
    ),
    (
        "unclosed_long",
        'claim a: """x\n',
        [(1, 10, "E101", 'this text in triple quotes is not closed: end it with """')],
    ),
    (
        "bad_body",
        'claim a: "x"\n  frob b\n',
        [
            (
                2,
                3,
                "E101",
                'expected "+" or "-", "by", "cite", "note", "quote" or "tags", found the id "frob"',
            )
        ],
    ),
    (
        "bad_indent",
        'claim a: "x"\n    + b: "y"\n  + c: "z"\n',
        [
            (
                3,
                3,
                "E101",
                "this line is indented less than the line above it, but not as far out as any line it could belong to",
            )
        ],
    ),
    (
        "unexpected_indent",
        'title "x"\n  claim a: "y"\n',
        [
            (
                2,
                3,
                "E101",
                "this line is indented, but the line above cannot have indented lines under it",
            )
        ],
    ),
    (
        "empty_branch",
        'claim a: "x"\n  +\n',
        [
            (
                2,
                4,
                "E101",
                'expected a statement (like `claim id: "text"`), a quoted text or "[", found the end of the line',
            )
        ],
    ),
    (
        "ampersand_first",
        'claim a: "x"\n  & b: "y"\n',
        [(2, 3, "E101", 'expected "+" or "-", "by", "cite", "note", "quote" or "tags", found "&"')],
    ),
    (
        "bad_flat",
        'claim a: "x"\nreason r: a & -> a\n',
        [(2, 15, "E101", 'expected an id, found "->"')],
    ),
    (
        "bad_arrow",
        'claim a: "x"\nreason r: a a\n',
        [(2, 13, "E101", 'expected "&" or "->", found the id "a"')],
    ),
    (
        "bad_label",
        'claim a: "x"\nexpect maybe: a\n',
        [(2, 8, "E101", 'expected IN, OUT or UNDEC, found the id "maybe"')],
    ),
    (
        "bad_source_field",
        'source s "t"\n  pages "3"\n',
        [
            (
                2,
                3,
                "E101",
                'expected "author", "date", "file", "title" or "url", found the id "pages"',
            )
        ],
    ),
    (
        "bad_head",
        'claim a: "x"\n  + [r1 conceded x] b: "y"\n',
        [(2, 18, "E101", 'expected "]" or "conceded", found the id "x"')],
    ),
    ("bad_char", 'claim a: "x" ;\n', [(1, 14, "E101", 'expected the end of the line, found ";"')]),
    (
        "bad_escape",
        'claim a: "x \\q"\n',
        [
            (
                1,
                13,
                "E101",
                '"\\q" is not an escape the language knows; write "\\\\" for a backslash',
            )
        ],
    ),
    ("empty", "", [(1, 1, "E101", "the file is empty: a map needs at least one statement")]),
    (
        "blank",
        "\n\n  \n",
        [(1, 1, "E101", "the file is empty: a map needs at least one statement")],
    ),
    (
        "comments_only",
        "# nothing\n",
        [(1, 1, "E101", "the file has no statements: a map needs at least one")],
    ),
    (
        "header_only",
        'title "T"\n',
        [(1, 1, "E101", "the file has no statements: a map needs at least one")],
    ),
    (
        "two_errors",
        'claim a "x"\nclaim b: "y"\nclaim c "z"\nclaim d: "w"\n',
        [
            (1, 9, "E101", 'expected ":", found a quoted text'),
            (3, 9, "E101", 'expected ":", found a quoted text'),
        ],
    ),
    (
        "no_cascade",
        'claim a "x"\nclaim b: "y"\n  + a\n  + zz\n',
        [
            (1, 9, "E101", 'expected ":", found a quoted text'),
            (4, 5, "E102", '"zz" is not defined'),
        ],
    ),
    ("undefined", 'claim a: "x"\n  + bb\nclaim b: "y"\n', [(2, 5, "E102", '"bb" is not defined')]),
    (
        "undefined_flat",
        'claim a: "x"\nreason: a -> nope\n',
        [(2, 14, "E102", '"nope" is not defined')],
    ),
    (
        "duplicate",
        'claim a: "x"\nclaim a: "y"\n',
        [(2, 7, "E103", '"a" is already defined as a statement (line 1)')],
    ),
    (
        "duplicate_kinds",
        'source a "s"\nclaim a: "y"\n',
        [(2, 7, "E103", '"a" is already defined as a source (line 1)')],
    ),
    (
        "duplicate_inference",
        'claim a: "x"\nclaim t: "t"\nreason r: a -> t\nobjection r: a -> t\n',
        [(4, 11, "E103", '"r" is already defined as a reason (line 3)')],
    ),
    (
        "invalid_reason_target",
        'source s "s"\nclaim a: "x"\nreason: a -> s\n',
        [(3, 14, "E104", '"s" is a source, but a reason can only support a statement')],
    ),
    (
        "invalid_objection_target",
        'group g "G"\n  claim a: "x"\nobjection: a -> g\n',
        [
            (
                3,
                17,
                "E104",
                '"g" is a group, but an objection can only attack a statement, a reason or an objection',
            )
        ],
    ),
    (
        "invalid_premise",
        'claim a: "x"\nclaim t: "t"\nobjection o1: a -> t\nreason: o1 -> t\n',
        [(4, 9, "E104", '"o1" is an objection, but a premise must be a statement')],
    ),
    (
        "reason_undercut_target",
        'claim a: "x"\nclaim t: "t"\nreason r1: a -> t\nreason: a -> r1\n',
        [(4, 14, "E104", '"r1" is a reason, but a reason can only support a statement')],
    ),
    (
        "reason_conceded",
        'claim a: "x"\n  + [conceded] b: "y"\n',
        [(2, 6, "E104", "only an objection can be conceded, not a reason")],
    ),
    (
        "quote_undefined_source",
        'claim a: "x"\n  quote col "y"\n',
        [(2, 9, "E102", '"col" is not defined')],
    ),
    (
        "quote_names_statement",
        'claim a: "x"\n  quote a "y"\n',
        [(2, 9, "E104", '"a" is a statement, but a quote or citation must name a source')],
    ),
    (
        "quote_no_source",
        'claim a: "x"\n  quote "y"\n',
        [(2, 3, "E102", "this quote names no source, and the map declares no source")],
    ),
    (
        "quote_two_sources",
        'source s "s"\nsource t "t"\nclaim a: "x"\n  quote "y"\n',
        [(4, 3, "E102", "this quote names no source, and the map declares 2 sources")],
    ),
    (
        "duplicate_premise",
        'claim a: "x"\nclaim t: "t"\nreason: a & a -> t\n',
        [(3, 1, "E104", '"a" is listed twice as a premise')],
    ),
    (
        "title_twice",
        'title "a"\ntitle "b"\nclaim a: "x"\n',
        [(2, 1, "E103", "the map's title is already given (line 1)")],
    ),
    (
        "expect_undefined",
        'claim a: "x"\nexpect IN: a zz\n',
        [(2, 14, "E102", '"zz" is not defined')],
    ),
    (
        "quote_on_reference",
        'claim a: "x"\nclaim t: "t"\n  + a\n      quote "q"\nsource s "s"\n',
        [(4, 7, "E104", 'a quote line can only follow the line that defines "a"')],
    ),
    (
        "escape_short_u",
        'claim a: "\\uZZZZ"\n',
        [(1, 11, "E101", '"\\u" must be followed by 4 hexadecimal digits, like "\\u2019" for ’')],
    ),
    (
        "escape_surrogate",
        'claim a: "\\ud800"\n',
        [
            (
                1,
                11,
                "E101",
                '"\\ud800" is half of a UTF-16 surrogate pair, not a character; write the character itself or its full code, like \\U0001F600',
            )
        ],
    ),
    (
        "escape_beyond_unicode",
        'claim a: "\\U0011FFFF"\n',
        [(1, 11, "E101", '"\\U0011FFFF" is beyond the last Unicode character (10FFFF)')],
    ),
    (
        "suppression_unclosed",
        'claim a: "x"  # argmap: ignore[S201\n',
        [(1, 15, "E101", 'this suppression comment has no closing "]"')],
    ),
    (
        "suppression_empty",
        'claim a: "x"  # argmap: ignore[]\n',
        [(1, 15, "E101", "this suppression comment names no check between the brackets")],
    ),
    (
        "suppression_no_brackets",
        'claim a: "x"  # argmap: ignore S201\n',
        [(1, 15, "E101", "the checks to ignore go in brackets, separated by commas")],
    ),
    (
        "suppression_misspelt",
        '# argmap: ignroe[S201]\nclaim a: "x"\n',
        [
            (
                1,
                1,
                "E101",
                'this argmap comment says "ignroe"; the only instruction it knows is ignore',
            )
        ],
    ),
    (
        "tabs_and_spaces_in_one_line",
        'claim a: "x"\n \t+ b: "y"\n',
        [
            (
                2,
                3,
                "E101",
                "this line is indented with both tabs and spaces; indent with spaces only",
            )
        ],
    ),
    (
        "tabs_after_spaces",
        'claim a: "x"\n  + b: "y"\n\t- c: "z"\n',
        [
            (
                3,
                2,
                "E101",
                "this line is indented with tabs, but the lines above are indented with spaces; use one or the other",
            )
        ],
    ),
    (
        "attributed_twice",
        'claim a: "x"\n  by A\n  by B\n',
        [(3, 3, "E103", '"a" is already attributed (line 2)')],
    ),
    (
        "source_field_twice",
        'source s "S"\n  title "T"\nclaim a: "x"\n',
        [(2, 3, "E103", "the source's title is already given (line 1)")],
    ),
    (
        "invisible_character_in_a_reference",
        'claim xy: "A"\nthesis t: "T"\n  + x\u200dy\n',
        [
            (
                3,
                6,
                "E101",
                "a zero-width joiner (U+200D) in an id: ids cannot hold invisible characters",
            )
        ],
    ),
    (
        "invisible_character_in_a_definition",
        'claim x\u200dy: "A"\nthesis t: "T"\n  + xy\n',
        [
            (
                1,
                8,
                "E101",
                "a zero-width joiner (U+200D) in an id: ids cannot hold invisible characters",
            )
        ],
    ),
    (
        "invisible_character_before_a_keyword",
        '\u2060claim a: "A"\n',
        [
            (
                1,
                1,
                "E101",
                "a word joiner (U+2060), an invisible character, outside a quoted text",
            )
        ],
    ),
    (
        "bidirectional_control_in_an_id",
        'claim a\u202eb: "A"\n',
        [
            (
                1,
                8,
                "E101",
                "a right-to-left override (U+202E) in an id: ids cannot hold invisible characters",
            )
        ],
    ),
    (
        "invisible_character_between_words",
        'claim a: "A" \u200b\n',
        [
            (
                1,
                14,
                "E101",
                "a zero-width space (U+200B), an invisible character, outside a quoted text",
            )
        ],
    ),
    (
        "invisible_character_in_a_tag",
        'claim a: "A"\n  tags x\u00ady\n',
        [(2, 9, "E101", "a soft hyphen (U+00AD) in a tag: tags cannot hold invisible characters")],
    ),
    (
        "control_character",
        'claim a: "A" \x01\n',
        [
            (
                1,
                14,
                "E101",
                "unexpected character: a control character (U+0001); expected the end of the line",
            )
        ],
    ),
    (
        "no_break_space_in_the_indentation",
        'thesis t: "T"\n\u00a0\u00a0+ a: "A"\n',
        [
            (
                2,
                1,
                "E101",
                "a no-break space (U+00A0) in the indentation: indent with ordinary spaces",
            )
        ],
    ),
    (
        "ideographic_space_after_spaces_in_the_indentation",
        'thesis t: "T"\n  \u3000+ a: "A"\n',
        [
            (
                2,
                3,
                "E101",
                "an ideographic space (U+3000) in the indentation: indent with ordinary spaces",
            )
        ],
    ),
    (
        "no_break_space_between_words",
        'claim\u00a0a: "A"\n',
        [(1, 6, "E101", "a no-break space (U+00A0) outside a quoted text: use an ordinary space")],
    ),
    (
        "curly_quotes",
        "thesis t: \u201cT.\u201d\n",
        [(1, 11, "E101", 'expected a quoted text, found "\u201cT.\u201d"')],
    ),
    (
        "single_quotes",
        "thesis t: 'T.'\n",
        [(1, 11, "E101", "expected a quoted text, found \"'T.'\"")],
    ),
    (
        "misspelt_kind",
        'thesis t: "T."\n  + claimm a: "A."\n',
        [(2, 5, "E101", '"claimm" is not a kind of statement')],
    ),
    (
        "misspelt_kind_of_a_premise_with_a_label",
        'thesis t: "T."\n  - [o1] evidense e: "E."\n',
        [(2, 10, "E101", '"evidense" is not a kind of statement')],
    ),
    (
        "capitalised_kind",
        'Thesis t: "T."\n',
        [(1, 1, "E101", '"Thesis" is not a kind of statement: kinds are written in lower case')],
    ),
    (
        "capitalised_keyword",
        'Title "T"\nclaim a: "A."\n',
        [(1, 1, "E101", '"Title" is not a keyword: keywords are written in lower case')],
    ),
    # A word that starts with a keyword is an id, not the keyword and an id: "byron" was
    # read as `by ron`, "quotes" as `quote s`, "tagse" as `tags e`.
    *(
        (
            f"a_word_that_starts_with_a_keyword_{word.split()[0]}",
            f'source s "S"\nclaim c: "C."\n  {word}\n',
            [
                (
                    3,
                    3,
                    "E101",
                    'expected "+" or "-", "by", "cite", "note", "quote" or "tags", '
                    f'found the id "{word.split()[0]}"',
                )
            ],
        )
        for word in ("byron", 'quotes "w"', "tagse", 'cites "p. 2"', 'notes "N."')
    ),
    (
        "a_word_that_starts_with_a_label",
        'expect INNER: c\nclaim c: "C."\n',
        [(1, 8, "E101", 'expected IN, OUT or UNDEC, found the id "INNER"')],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_error_message_and_position(
    name: str, text: str, expected: list[tuple[int, int, str, str]]
) -> None:
    result = read_text(text, "t.arg")
    got = [(d.span.line, d.span.column, d.code, d.message) for d in result.diagnostics]
    assert got == expected
    assert not result.ok


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_errors_read_the_same_when_the_text_is_read_in_pieces(
    name: str, text: str, expected: object
) -> None:
    cache = ReadCache()  # an editor's document: read piece by piece, then again
    for _ in range(2):
        assert read_text(text, "t.arg", cache=cache) == read_text(text, "t.arg")


LARK_INTERNALS = ("$END", "__ANON", "_NL", "_INDENT", "_DEDENT", "COLON", "LSQB", "TEXT", "Token(")


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_messages_never_leak_parser_internals(name: str, text: str, expected: object) -> None:
    for d in read_text(text, "t.arg").diagnostics:
        assert not any(word in d.message for word in LARK_INTERNALS), d.message


def test_duplicate_points_at_first_definition() -> None:
    (d,) = read_text('claim a: "x"\nclaim a: "y"\n', "t.arg").diagnostics
    (related,) = d.related
    assert (related.span.line, related.span.column) == (1, 7)
    assert related.message == '"a" is first defined here'


@pytest.mark.parametrize("key", ["title", "author", "date", "description"])
def test_a_header_line_given_twice_points_at_the_first(key: str) -> None:
    text = f'claim a: "x"\n{key} "one"\n\n{key} "two"\n'
    expected = read_text(text, "t.arg")
    (d,) = expected.diagnostics
    assert (d.code, d.span.line, d.message) == (
        "E103",
        4,
        f"the map's {key} is already given (line 2)",
    )
    (related,) = d.related
    assert (related.span.line, related.span.column) == (2, 1)
    assert related.message == f"the {key} is first given here"
    cache = ReadCache()
    for _ in range(2):  # read piece by piece, then with what the first reading made
        assert read_text(text, "t.arg", cache=cache).diagnostics == expected.diagnostics


def test_a_source_field_given_twice_points_at_the_first() -> None:
    text = 'source s "S"\n  url "u"\n  title "T"\n  url "v"\nclaim a: "x"\n'
    title, url = read_text(text, "t.arg").diagnostics
    assert (title.message, title.span.line) == ("the source's title is already given (line 1)", 3)
    assert [(r.span.line, r.span.column, r.message) for r in title.related] == [
        (1, 10, "the title is first given here")
    ]
    assert (url.message, url.span.line) == ("the source's url is already given (line 2)", 4)
    assert [(r.span.line, r.span.column, r.message) for r in url.related] == [
        (2, 3, "the url is first given here")
    ]


def test_a_second_attribution_points_at_the_first() -> None:
    (d,) = read_text('claim a: "x"\n  by A\n  note "n"\n  by B\n', "t.arg").diagnostics
    assert [(r.span.line, r.span.column, r.message) for r in d.related] == [
        (2, 3, '"a" is first attributed here')
    ]


@pytest.mark.parametrize("escape", ["\\U0011FFFF", "\\ud800", "\\q", "\\u12", "\\uZZZZ"])
def test_an_escape_error_underlines_the_whole_escape(escape: str) -> None:
    line = f'claim a: "x {escape} y"'
    (d,) = read_text(line + "\n", "t.arg").diagnostics
    shown = escape if escape != "\\uZZZZ" else "\\u"  # ZZZZ are not hexadecimal digits
    assert line[d.span.column - 1 : d.span.end_column - 1] == shown


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ('thesis t: "T."\n  + claimm a: "A."\n', 'did you mean "claim"?'),
        ('thesys t: "T."\n', 'did you mean "thesis"?'),
        ('Thesis t: "T."\n', 'write "thesis"'),
        ('claim a: "A."\n  + Evidence e: "E."\n', 'write "evidence"'),
        ('Source s "S"\nclaim a: "A."\n', 'write "source"'),
        ('claim a: "A."\n  Quote "q"\n', 'write "quote"'),
    ],
)
def test_a_misspelt_or_capitalised_keyword_is_named(text: str, hint: str) -> None:
    (d,) = read_text(text, "t.arg").diagnostics
    assert d.hint == hint


def test_two_words_before_a_colon_that_are_no_kind_get_the_usual_message() -> None:
    (d,) = read_text('thesis t: "T."\n  + lost trust: "A."\n', "t.arg").diagnostics
    assert d.message == 'expected the end of the line or ":", found the id "trust"'


QUOTES_HINT = (
    'put texts between straight double quotes, "like this": curly quotes (\u201c\u2026\u201d) '
    "and single quotes ('\u2026') do not count (a word processor may have curled them)"
)


@pytest.mark.parametrize(
    "text",
    [
        "thesis t: \u201cT.\u201d\n",
        "thesis t: 'T.'\n",
        'claim a: "A."\n  note \u2018N.\u2019\n',
        "title \u201eT\u201c\nclaim a: \u00abA.\u00bb\n",
        "claim a: \uff02A.\uff02\n",
    ],
)
def test_curly_or_single_quotes_get_a_hint(text: str) -> None:
    (d, *_) = read_text(text, "t.arg").diagnostics
    assert d.hint == QUOTES_HINT


def test_invisible_characters_get_a_hint() -> None:
    (in_id,) = read_text('claim x\u200dy: "A"\n', "t.arg").diagnostics
    assert in_id.hint is not None and "delete it" in in_id.hint
    (outside,) = read_text('claim a: "A" \u200b\n', "t.arg").diagnostics
    assert outside.hint == "delete it"


def test_every_invisible_character_is_refused_in_an_id() -> None:
    invisible = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) in ("Cf", "Cc")]
    pattern = re.compile(default_parser().lark.get_terminal("ID").pattern.to_regexp())
    tag = re.compile(default_parser().lark.get_terminal("TAG").pattern.to_regexp())
    assert [c for c in invisible if pattern.fullmatch(f"a{c}b") or tag.fullmatch(f"a{c}b")] == []


def test_a_definition_refused_for_an_invisible_character_is_not_also_undefined() -> None:
    result = read_text('claim x\u200dy: "A"\nthesis t: "T"\n  + xy\n', "t.arg")
    assert [d.code for d in result.diagnostics] == ["E101"]


def test_undefined_reference_suggests_a_close_id() -> None:
    (d,) = read_text('claim better: "x"\nclaim t: "t"\nreason: beter -> t\n', "t.arg").diagnostics
    assert d.hint == 'did you mean "better"?'
    assert d.subject == "beter"


def test_invalid_references_are_left_out_of_the_model() -> None:
    result = read_text(
        'claim a: "x"\nclaim t: "t"\nreason r1: a & zz -> t\nreason r2: a -> t\n', "t.arg"
    )
    assert list(result.map.reasons) == ["r2"]


def test_hints_for_common_mistakes() -> None:
    (missing_colon,) = read_text('claim a "x"\n', "t.arg").diagnostics
    assert missing_colon.hint is not None and "KIND ID:" in missing_colon.hint
    (ampersand,) = read_text('claim a: "x"\n  & b: "y"\n', "t.arg").diagnostics
    assert ampersand.hint is not None and "co-premise" in ampersand.hint


@pytest.mark.parametrize(
    "text",
    ['claim a: "x"\nreason r: & a -> a\n', 'claim a: "x"\nreason r: a & & a -> a\n'],
)
def test_an_ampersand_inside_a_flat_declaration_gets_no_outline_hint(text: str) -> None:
    (d,) = read_text(text, "t.arg").diagnostics
    assert d.message == 'expected an id, found "&"'
    assert d.hint is None


def test_flat_co_premises_are_joined_with_ampersand() -> None:
    result = read_text('claim a: "A"\nclaim b: "B"\nclaim t: "T"\nreason r: a & b -> t\n', "t.arg")
    assert result.map.reasons["r"].premises == ("a", "b")
    (plus,) = read_text('claim a: "A"\nclaim b: "B"\nreason r: a + b -> a\n', "t.arg").diagnostics
    assert plus.message == 'expected "&" or "->", found "+"'
    assert plus.hint == "co-premises are joined with &, as in  reason r: a & b -> t"


def test_a_duplicate_id_names_its_subject() -> None:
    (d,) = read_text('claim a: "x"\nclaim a: "y"\n', "t.arg").diagnostics
    assert (d.code, d.subject) == ("E103", "a")


def test_errors_across_the_whole_file_are_all_reported() -> None:
    text = "".join(f'claim c{i} "missing colon"\nclaim ok{i}: "fine"\n' for i in range(5))
    result = read_text(text, "t.arg")
    assert [d.span.line for d in result.diagnostics] == [1, 3, 5, 7, 9]
    assert set(result.map.statements) == {f"ok{i}" for i in range(5)}


def test_error_count_is_capped() -> None:
    text = 'claim c "no colon"\n' * 200
    diagnostics = read_text(text, "t.arg").diagnostics
    assert len(diagnostics) == 51
    assert diagnostics[-1].message.startswith("too many syntax errors")


def test_absurd_nesting_is_an_error_not_a_crash() -> None:
    depth = MAX_DEPTH + 50
    text = 'claim c0: "x"\n' + "".join(f'{" " * i}+ c{i}: "x"\n' for i in range(1, depth))
    (d,) = read_text(text, "t.arg").diagnostics
    assert d.message == f"the outline is nested more than {MAX_DEPTH} levels deep"
    assert d.span.line == MAX_DEPTH + 2
    assert d.hint is not None and "flat declarations" in d.hint


def test_nesting_up_to_the_limit_is_fine() -> None:
    text = 'claim c0: "x"\n' + "".join(f'{" " * i}+ c{i}: "x"\n' for i in range(1, MAX_DEPTH))
    assert read_text(text, "t.arg").ok


def test_not_utf8_is_located() -> None:
    (d,) = read_bytes(b'claim a: "x"\nclaim b: "caf\xe9"\n', "t.arg").diagnostics
    assert (d.code, d.span.line, d.span.column) == ("E100", 2, 14)
    assert "not UTF-8" in d.message and "0xe9" in d.message


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (b'claim a: "ca\xff"\n', 'claim a: "ca\ufffd"'),
        (b'\xef\xbb\xbfclaim a: "ca\xff"\r\n', 'claim a: "ca\ufffd"'),  # a BOM, Windows line ends
    ],
)
def test_not_utf8_shows_the_line_with_a_caret_under_the_byte(data: bytes, line: str) -> None:
    result = read_bytes(data, "latin.arg")
    (d,) = result.diagnostics
    assert (d.span.line, d.span.column, d.span.end_column) == (1, 13, 14)
    shown = format_human(result.diagnostics, {"latin.arg": result.text}).splitlines()
    assert shown[1:3] == [f"   1 | {line}", " " * 19 + "^"]


@pytest.mark.parametrize(
    ("encoding", "told"),
    [
        ("utf-16", "it starts with a UTF-16 byte-order mark"),
        ("utf-16-be", "many of its bytes are zero"),
        ("utf-16-le", "many of its bytes are zero"),
        ("utf-32", "it starts with a UTF-32 byte-order mark"),
    ],
)
def test_a_utf16_file_is_named(encoding: str, told: str) -> None:
    name = encoding[:6].upper()
    result = read_bytes('claim a: "x"\nclaim b: "y"\n'.encode(encoding), "t.arg")
    (d,) = result.diagnostics
    assert (d.code, d.span.line, d.span.column) == ("E100", 1, 1)
    assert d.message == f"the file is {name} text, not UTF-8 ({told}): save it as UTF-8"
    assert d.hint is not None and "UTF-8" in d.hint
    assert result.text.startswith('claim a: "x"\n')  # shown as it would read in UTF-16


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01\x02",
        b"\xff\xfe",
        "\u202e\u0000claim".encode(),
        b'claim a: "x"\n' * 3 + b"\t\t+\n",
        b"]" * 1000,
    ],
)
def test_garbage_never_raises(data: bytes) -> None:
    result = read_bytes(data, "t.arg")
    assert not result.ok
    assert all(d.span.line >= 1 and d.span.column >= 1 for d in result.diagnostics)


ALPHABET = 'claimthesvdn+-&[]:"#\\ \n\t\u2019\u202e>-rsoujgxpIONUTD'


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=120))
def test_random_text_never_raises(text: str) -> None:
    result = read_text(text, "t.arg")
    for d in result.diagnostics:
        assert d.code.startswith("E1") and d.span.line >= 1 and d.span.column >= 1


LINES = st.sampled_from(
    [
        'thesis t: "T"',
        'claim a: "A"',
        "  + a",
        '  + b: "B"',
        '  - c: "C"',
        '  & d: "D"',
        '    + e: "E"',
        "reason: a -> t",
        "objection o: a -> r",
        '  quote s "q"',
        'source s "S"',
        'group g "G"',
        '  claim h: "H"',
        "expect IN: t",
        "# argmap: ignore[S201]",
        "",
        "  by X",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, max_size=12))
def test_random_outlines_never_raise(lines: list[str]) -> None:
    read_text("\n".join(lines) + "\n", "t.arg")
