"""The fast paths of building a map: texts, places of references; the model's constructors."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.model import (
    Citation,
    Inference,
    Objection,
    Place,
    Quote,
    Reason,
    Span,
    Statement,
    StatementKind,
)
from argmap.reader import read_text
from argmap.text import decode_text

# -- texts: a "..." text without escapes is read without decode_text ------------------------

_PLAIN = st.text(st.characters(blacklist_characters='"\\\n\r', blacklist_categories=["Cs"]))
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


# -- references: their places are spans only once they are wrong ----------------------------

REFERENCE_ERRORS = [
    ("premise", 'claim a: "x"\n  + bb\n', [("E102", 2, 5, 2, 7)]),
    ("flat premise", 'claim a: "x"\nreason: zz -> a\n', [("E102", 2, 9, 2, 11)]),
    ("flat target", 'claim a: "x"\nreason: a -> nope\n', [("E102", 2, 14, 2, 18)]),
    ("quote source", 'claim a: "x"\n  quote col "y"\n', [("E102", 2, 9, 2, 12)]),
    ("cite source", 'source s "s"\nclaim a: "x"\n  cite a\n', [("E104", 3, 8, 3, 9)]),
    ("expected id", 'claim a: "x"\nexpect IN: a zz\n', [("E102", 2, 14, 2, 16)]),
    # The target of a branch is the line above it: a wrong one is shown at the sign.
    (
        "branch target undefined",
        'claim a: "x"\n  + zz\n    - b: "y"\n',
        [("E102", 2, 5, 2, 7), ("E102", 3, 5, 3, 6)],
    ),
    (
        "reason for a reason",
        'claim a: "x"\nclaim t: "t"\nreason r1: a -> t\nclaim c: "c"\n  + r1\n    + b: "y"\n',
        [("E104", 5, 5, 5, 7), ("E104", 6, 5, 6, 6)],
    ),
    (
        "named reason for a reason",
        'claim a: "x"\nclaim t: "t"\nreason r1: a -> t\nclaim c: "c"\n  - a\n  + [q] r1\n',
        [("E104", 6, 9, 6, 11)],
    ),
    (
        "objection to a source",
        'source s "s"\nclaim c: "c"\n  + s\n      - b: "y"\n',
        [("E104", 3, 5, 3, 6), ("E104", 4, 7, 4, 8)],
    ),
]
"""Each with the code and span of its errors (as they were when spans were made eagerly)."""


@pytest.mark.parametrize(
    ("name", "text", "expected"), REFERENCE_ERRORS, ids=[c[0] for c in REFERENCE_ERRORS]
)
def test_reference_errors_are_where_the_id_is_written(
    name: str, text: str, expected: list[tuple[str, int, int, int, int]]
) -> None:
    diagnostics = read_text(text, "t.arg").diagnostics
    got = [
        (d.code, d.span.line, d.span.column, d.span.end_line, d.span.end_column)
        for d in diagnostics
    ]
    assert got == expected
    assert all(d.span.file == "t.arg" for d in diagnostics)


def test_wrong_branch_target_is_the_sign() -> None:
    text = 'source s "s"\nclaim c: "c"\n  + s\n      - b: "y"\n'
    (error,) = [d for d in read_text(text, "t.arg").diagnostics if d.span.line == 4]
    assert (error.code, error.span, error.subject) == ("E104", Span("t.arg", 4, 7, 4, 8), "s")
    assert error.message == (
        '"s" is a source, but an objection can only attack a statement, a reason or an objection'
    )


def test_map_without_errors_keeps_what_was_built() -> None:
    text = (
        'source s "S"\nclaim a: "x"\n  quote s "w"\n  cite s "p. 3"\n  + [r] b: "y"\n'
        '  - c: "z"\nexpect IN: a b\n'
    )
    result = read_text(text, "t.arg")
    assert result.ok
    a = result.map.statements["a"]
    assert a.quotes == (Quote("s", "w", Place(2, 3, 2, 14)),)
    assert a.citations == (Citation("s", "p. 3", Place(3, 3, 3, 16)),)
    # Places count from the first line of the top-level item: the map knows where it is.
    assert result.map.span_in("a", a.quotes[0].place) == Span("t.arg", 3, 3, 3, 14)
    assert result.map.reasons["r"].premises == ("b",)
    assert list(result.map.objections) == ["objection#1"]
    assert result.map.expectations[0].ids == ("a", "b")


def test_map_with_errors_leaves_out_only_what_is_wrong() -> None:
    text = 'source s "S"\nclaim a: "x"\n  quote "w"\n  + [r] zz\n  - c: "z"\n'
    result = read_text(text, "t.arg")
    assert [(d.code, d.subject) for d in result.diagnostics] == [("E102", "zz")]
    assert result.map.statements["a"].quotes == (Quote("s", "w", Place(2, 3, 2, 12)),)
    assert list(result.map.reasons) == []
    assert list(result.map.objections) == ["objection#1"]


# -- model objects: built by position, by name and with defaults, as dataclasses ------------

_TEXT = st.text(max_size=3)
_SPANS = st.builds(
    Span, st.sampled_from(["a.arg", "b.arg"]), *[st.integers(1, 4) for _ in range(4)]
)
_PLACES = st.builds(Place, *[st.integers(1, 4) for _ in range(4)])
_VALUES: dict[str, st.SearchStrategy[object]] = {
    "str": _TEXT,
    "str | None": st.none() | _TEXT,
    "int": st.integers(1, 9),
    "bool": st.booleans(),
    "Span": _SPANS,
    "Place": _PLACES,
    "StatementKind": st.sampled_from(StatementKind),
    "tuple[str, ...]": st.lists(_TEXT, max_size=2).map(tuple),
    "tuple[Quote, ...]": st.lists(st.builds(Quote, _TEXT, _TEXT, _PLACES), max_size=2).map(tuple),
    "tuple[Citation, ...]": st.lists(
        st.builds(Citation, _TEXT, st.none() | _TEXT, _PLACES), max_size=2
    ).map(tuple),
}
"""Values for each annotation of the fields of the classes below."""


@pytest.mark.parametrize(
    "cls", [Span, Place, Quote, Statement, Inference, Reason, Objection], ids=lambda c: c.__name__
)
@given(data=st.data())
def test_model_constructors_set_every_field(cls: type, data: st.DataObject) -> None:
    fields = dataclasses.fields(cls)
    values = {f.name: data.draw(_VALUES[str(f.type)], label=f.name) for f in fields}
    by_position, by_name = cls(*values.values()), cls(**values)
    for made in (by_position, by_name):
        assert {f.name: getattr(made, f.name) for f in fields} == values
    assert by_position == by_name and hash(by_position) == hash(by_name)
    shown = ", ".join(f"{name}={value!r}" for name, value in values.items())
    assert repr(by_position) == f"{cls.__name__}({shown})"
    assert dataclasses.replace(by_position) == by_position
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(by_position, fields[0].name, values[fields[0].name])
    required = {f.name: values[f.name] for f in fields if f.default is dataclasses.MISSING}
    with_defaults = cls(**required)
    for f in fields:
        assert getattr(with_defaults, f.name) == required.get(f.name, f.default)


@given(_SPANS, _SPANS)
def test_spans_compare_as_their_fields(a: Span, b: Span) -> None:
    assert (a < b) == (dataclasses.astuple(a) < dataclasses.astuple(b))
    assert (a == b) == (dataclasses.astuple(a) == dataclasses.astuple(b))
    span: object = a  # a span is never equal to a tuple of its fields
    assert span != dataclasses.astuple(a)
    assert str(a) == f"{a.file}:{a.line}:{a.column}"


def test_reasons_and_objections_stay_apart() -> None:
    span = Place(1, 1, 1, 2)
    reason: object = Reason("r", ("a",), "t", span)
    assert reason != Objection("r", ("a",), "t", span)
    assert not hasattr(Reason("r", ("a",), "t", span), "conceded")
