"""Reading and checking a text again with what the last version made (an editor's document
after a change) gives exactly what reading and checking it from scratch gives; only the pieces
that changed are parsed and built again, and the analyses are reused while the argument stays
the same."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lark import Token

from argmap.analysis import same_argument
from argmap.build import BuildCache, build
from argmap.cli.check_cmd import check_map
from argmap.cli.config import Config
from argmap.cli.sources import SourceReader
from argmap.reader import ReadCache, ReadResult, read_text
from argmap.syntax import ParsedText, PieceCache, default_parser
from tests.fuzz.strategies import edits

MAP = (
    "# The column, in short.\n"
    'title "A map"\n'
    "\n"
    'thesis t: "T."\n'
    '  + a: "A."\n'
    '  - b: "B."  # doubtful\n'
    'claim c: """one\n'
    'long: text"""\n'
    "reason r: c -> t\n"
)


def _same(got: ReadResult, expected: ReadResult) -> None:
    assert (got.map, got.text, got.diagnostics) == (
        expected.map,
        expected.text,
        expected.diagnostics,
    )


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits(), st.just(40) | st.integers(1, 6))
def test_reading_again_after_an_edit_is_reading_from_scratch(
    change: tuple[str, str], chunk_lines: int
) -> None:
    # Small chunks make long items of short maps: the branches of the chunks an edit did not
    # touch are added again as they were built (build.py), the others built again.
    before, after = change
    cache = ReadCache(chunk_lines)
    read_text(before, "m.arg", cache=cache)
    _same(read_text(after, "m.arg", cache=cache), read_text(after, "m.arg"))
    _same(read_text(before, "m.arg", cache=cache), read_text(before, "m.arg"))


def test_an_edit_in_a_long_item_builds_only_the_branches_it_is_in() -> None:
    # Ten branches of 18 lines: the item is read in chunks of about 40 lines.
    text = 'thesis t: "T."\n' + "".join(
        f'  + c{i}: "C {i}."\n' + "".join(f'      - o{i}_{k}: "O {i} {k}."\n' for k in range(17))
        for i in range(10)
    )
    cache = ReadCache()
    first = read_text(text, "m.arg", cache=cache).map
    edit = text.replace('"O 7 3."', '"O 7 3, edited."')
    edited = read_text(edit, "m.arg", cache=cache).map
    assert edited.statements["o7_3"].text == "O 7 3, edited."
    assert edited.statements["c1"] is first.statements["c1"]
    assert edited.objections["objection#2"] is first.objections["objection#2"]
    assert edited.reasons["reason#8"] is not first.reasons["reason#8"]  # the edit is under it
    assert edited == read_text(edit, "m.arg").map
    # After an edit in another item, an edit in this one still finds what its branches built.
    other = text + 'thesis u: "U."\n  + v: "V."\n'
    read_text(other, "m.arg", cache=cache)
    read_text(other.replace('"V."', '"V, edited."'), "m.arg", cache=cache)
    again = read_text(other.replace('"O 7 3."', '"O 7 3, again."'), "m.arg", cache=cache).map
    assert again.statements["c1"] is first.statements["c1"]
    # An id taken above a branch that is kept: the branch is built again, and says so (E103).
    taken = text.replace("- o0_0:", "- c9:")
    _same(read_text(taken, "m.arg", cache=cache), read_text(taken, "m.arg"))
    assert [d.code for d in read_text(taken, "m.arg", cache=cache).diagnostics] == ["E103"]


def test_an_id_taken_in_a_kept_branch_under_a_kept_branch_is_seen() -> None:
    # Each + line holds a - line that is kept on its own (22 elements): an id taken above
    # it, deep in the outline, must still make the branches around it be built again.
    text = 'thesis t: "T."\n' + "".join(
        f'  + c{i}: "C {i}."\n      - o{i}: "O {i}."\n'
        + "".join(f'          + [r{i}_{k}] p{i}_{k}: "P."\n' for k in range(10))
        for i in range(8)
    )
    cache = ReadCache()
    read_text(text, "m.arg", cache=cache)
    taken = text.replace("+ c0:", "+ p5_3:")
    _same(read_text(taken, "m.arg", cache=cache), read_text(taken, "m.arg"))
    assert [d.subject for d in read_text(taken, "m.arg", cache=cache).diagnostics] == ["p5_3"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits(), st.integers(1, 6))
def test_a_long_item_parsed_in_chunks_is_the_item_parsed_whole(
    change: tuple[str, str], chunk_lines: int
) -> None:
    before, after = change
    cache = PieceCache(chunk_lines)
    default_parser().parse(before, "m.arg", cache)
    got = default_parser().parse(after, "m.arg", cache)
    expected = default_parser().parse(after, "m.arg")
    assert _written(got) == _written(expected)
    assert (got.comments, got.diagnostics) == (expected.comments, expected.diagnostics)


@pytest.mark.parametrize("chunk_lines", [1, 2, 3, 40])
def test_a_word_that_starts_with_a_keyword_reads_the_same_in_any_chunk(chunk_lines: int) -> None:
    # "tagse" is an id (an error here). A chunk that began where no id may stand once read it
    # as `tags e`, so that the item read in chunks had a tag and no error.
    text = (
        'source s "S"\n'
        'evidence e: "E."\n'
        "  cite s\n"
        'claim c: "C."\n'
        "  + e\n"
        '  note "A note."\n'
        "  tags one two\n"
        "  by Someone\n"
        '  - o: "O."\n'
        '    quote s "more words"\n'
        "  tagse\n"
    )
    _same(read_text(text, "m.arg", cache=ReadCache(chunk_lines)), read_text(text, "m.arg"))


def test_an_edit_in_a_long_item_parses_one_chunk_again() -> None:
    lines = ['thesis t: "T."']
    for i in range(30):
        lines += [f'  + c{i}: "C {i}."', f'      - o{i}: "O {i}."', f'          quote "q{i}"']
    text = "\n".join(lines) + "\n"
    cache = PieceCache(chunk_lines=5)
    default_parser().parse(text, "m.arg", cache)
    before = set(cache.chunks)
    edited = text.replace('"O 17."', '"O 17, edited."')
    parsed = default_parser().parse(edited, "m.arg", cache)
    assert len(set(cache.chunks) - before) == 1
    assert _written(parsed) == _written(default_parser().parse(edited, "m.arg"))


def _written(parsed: ParsedText) -> list[object]:
    """Every node and token of the parsed pieces, tokens with their places."""
    out: list[object] = []
    for piece in parsed.pieces:
        out += _written_items(piece.items, piece.line_offset)
    return out


def _written_items(items: tuple[object, ...], offset: int) -> list[object]:
    out: list[object] = []
    stack: list[object] = [items]
    while stack:
        node = stack.pop()
        if isinstance(node, Token):
            line, end = (node.line or 0) + offset, (node.end_line or 0) + offset
            out.append((node.type, str(node), line, node.column, end, node.end_column))
        elif isinstance(node, tuple):
            stack.extend(reversed(node))
        elif dataclasses.is_dataclass(node) and not isinstance(node, type):
            out.append(type(node).__name__)
            stack.extend(reversed([getattr(node, f.name) for f in dataclasses.fields(node)]))
        else:
            out.append(node)
    return out


def test_a_text_is_cut_before_each_top_level_line_outside_long_texts() -> None:
    pieces = default_parser().pieces(MAP)
    assert [line for line, _ in pieces] == [0, 1, 3, 6, 8]
    assert pieces[1][1] == 'title "A map"\n\n'
    assert pieces[3][1] == 'claim c: """one\nlong: text"""\n'
    assert "".join(piece for _, piece in pieces) == MAP


def test_a_quotation_mark_that_opens_no_text_does_not_hide_the_lines_after_it() -> None:
    text = 'claim a: "not closed\nclaim b: """x\ny"""\nclaim c: "z"\n'
    assert [line for line, _ in default_parser().pieces(text)] == [0, 1, 3]


def test_only_the_pieces_an_edit_touched_are_parsed_again() -> None:
    cache = PieceCache()
    first = default_parser().parse(MAP, "m.arg", cache)
    # A line added at the top moves every piece down; the thesis is changed.
    edited = "# new line\n" + MAP.replace('"A."', '"A, changed."')
    second = default_parser().parse(edited, "m.arg", cache)
    reused = [a.items is b.items for a, b in zip(first.pieces, second.pieces, strict=True)]
    assert reused == [True, True, False, True, True]
    assert [p.line_offset for p in second.pieces] == [0, 2, 4, 7, 9]
    m = read_text(edited, "m.arg").map
    assert m.span(m.statements["c"]).line == 8


def test_only_the_pieces_an_edit_touched_are_built_again() -> None:
    cache = BuildCache()
    longer = MAP.replace('  + a: "A."\n', '  + a: "A."\n  + [r2] a2: "A2."\n')
    versions = [
        MAP,
        MAP.replace('"A."', '"A, changed."'),  # the thesis changes; nothing moves
        longer,  # c and r move down
        "\n" + longer,  # everything moves down
        "\n" + longer.replace("+ [r2]", "-"),  # an objection without an id renumbers the next
    ]
    built = []
    pieces = PieceCache()
    for text in versions:
        parsed = default_parser().parse(text, "m.arg", pieces)
        built.append(build(parsed.pieces, parsed.comments, text, "m.arg", cache))
    first, changed, moved, all_moved, renumbered = built
    assert changed.statements["c"] is first.statements["c"]
    assert changed.statements["a"].text == "A, changed."
    # What moved is kept as it was built: only its item's line offset changes.
    assert moved.statements["c"] is first.statements["c"]
    assert moved.reasons["r"] is first.reasons["r"]
    assert moved.offsets["c"] == first.offsets["c"] + 1
    assert moved.offsets["r"] == first.offsets["r"] + 1
    assert all(all_moved.statements[id] is s for id, s in moved.statements.items())
    assert all(all_moved.objections[id] is o for id, o in moved.objections.items())
    assert all_moved.offsets == {id: offset + 1 for id, offset in moved.offsets.items()}
    # An objection without an id added above another one renumbers it.
    assert list(all_moved.objections) == ["objection#1"]
    assert all_moved.objections["objection#1"].premises == ("b",)
    assert renumbered.objections["objection#2"].premises == ("b",)


def test_an_id_taken_by_an_earlier_piece_is_reported_as_without_a_cache() -> None:
    text = 'claim a: "x"\nclaim b: "y"\n'
    cache = ReadCache()
    read_text(text, "m.arg", cache=cache)
    twice = text.replace("claim b", "claim a")
    _same(read_text(twice, "m.arg", cache=cache), read_text(twice, "m.arg"))
    (duplicate,) = read_text(twice, "m.arg", cache=cache).diagnostics
    assert duplicate.code == "E103" and duplicate.span.line == 2


def test_an_error_at_the_start_of_an_item_reads_as_in_the_whole_file() -> None:
    # After a statement, an indented line could follow: the parser of the whole file says so,
    # and so must a parse of the second piece on its own.
    text = 'claim a: "x"\n+ claim b: "y"\n'
    cache = ReadCache()
    read_text('claim a: "x"\n', "m.arg", cache=cache)
    (error,) = read_text(text, "m.arg", cache=cache).diagnostics
    assert "an indented line" in error.message
    assert (error.span.line, error.span.column) == (2, 1)


def test_the_cache_keeps_only_the_pieces_of_the_last_text() -> None:
    cache = PieceCache()
    default_parser().parse(MAP, "m.arg", cache)
    default_parser().parse('claim z: "z"\n', "m.arg", cache)
    assert list(cache.pieces) == ['claim z: "z"\n']


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits())
def test_checking_again_after_an_edit_is_checking_from_scratch(change: tuple[str, str]) -> None:
    before, after = (read_text(text, "m.arg") for text in change)
    if not (before.ok and after.ok):
        return
    _, previous = check_map(before, Config(), SourceReader({}))
    again, context = check_map(after, Config(), SourceReader({}), previous=previous)
    fresh, _ = check_map(after, Config(), SourceReader({}))
    assert again == fresh
    if same_argument(before.map, after.map):
        assert context.analysis is previous.analysis


def test_a_line_added_at_the_top_moves_the_findings_and_keeps_the_analyses() -> None:
    text = 'thesis t: "T."\n  + "Unsupported."\n  - assumption: "X."\n'
    cache = ReadCache()
    first = read_text(text, "m.arg", cache=cache)
    found, previous = check_map(first, Config(), SourceReader({}))
    moved = read_text("\n" + text, "m.arg", cache=cache)
    assert moved.map.statements["claim#1"] is first.map.statements["claim#1"]
    again, context = check_map(moved, Config(), SourceReader({}), previous=previous)
    assert context.analysis is previous.analysis
    assert again == check_map(read_text("\n" + text, "m.arg"), Config(), SourceReader({}))[0]
    assert [d.span.line + 1 for d in found] == [d.span.line for d in again] != []


ARGUMENT = 'thesis t: "T."\n  + [r] e: "E."\n  - [o] assumption a: "A."\n'


ANONYMOUS = ARGUMENT.replace("[r] ", "")


@pytest.mark.parametrize(
    ("before", "after", "same"),
    [
        (ARGUMENT, ARGUMENT.replace('"E."', '"E, said again."'), True),  # a text
        (ARGUMENT, "\n# a comment\n" + ARGUMENT, True),  # places
        (ARGUMENT, ARGUMENT.replace('+ [r] e: "E."', '+ [r] evidence e: "E."'), False),  # a kind
        (ARGUMENT, ARGUMENT.replace("[o]", "[o conceded]"), False),  # a concession
        (ARGUMENT, ARGUMENT.replace("- [o]", "+ [o]"), False),  # an objection made a reason
        (ARGUMENT, ARGUMENT + 'claim c: "C."\n', False),  # one more statement
        # An inference without an id is numbered in the order of the file: moved, it is the
        # same one; another one before it renumbers it.
        (ANONYMOUS, "\n" + ANONYMOUS, True),
        (ANONYMOUS, ANONYMOUS.replace('"T."\n', '"T."\n  + f: "F."\n'), False),
    ],
)
def test_the_same_argument_is_told_by_ids_kinds_premises_targets_and_concessions(
    before: str, after: str, same: bool
) -> None:
    old, new = read_text(before, "m.arg"), read_text(after, "m.arg")
    assert old.ok and new.ok
    assert same_argument(old.map, new.map) is same
