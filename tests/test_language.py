"""Accept tests: every construct of the language, and the model it becomes."""

from __future__ import annotations

import pytest

from argmap.analysis import analyze
from argmap.checks import CheckContext, run_checks, select_checks
from argmap.model import ArgumentMap, Label, Span, StatementKind
from argmap.reader import read_text


def parse(text: str) -> ArgumentMap:
    result = read_text(text, "t.arg")
    assert result.diagnostics == (), [d.message for d in result.diagnostics]
    return result.map


def test_header() -> None:
    m = parse('title "T"\nauthor "A"\ndate "2012-06"\ndescription "D"\nclaim a: "x"\n')
    assert (m.title, m.author, m.date, m.description) == ("T", "A", "2012-06", "D")


def test_source_with_fields() -> None:
    m = parse(
        'source col "The column"\n  file "../c.txt"\n  url "https://x"\n  author "F"\n'
        '  date "2012"\nclaim a: "x"\n'
    )
    s = m.sources["col"]
    assert (s.title, s.file, s.url, s.author, s.date) == (
        "The column",
        "../c.txt",
        "https://x",
        "F",
        "2012",
    )
    assert m.span(s) == Span("t.arg", 1, 8, 1, 11)


@pytest.mark.parametrize(
    ("keyword", "kind"),
    [
        ("thesis", StatementKind.THESIS),
        ("claim", StatementKind.CLAIM),
        ("evidence", StatementKind.EVIDENCE),
        ("assumption", StatementKind.ASSUMPTION),
        ("", StatementKind.CLAIM),
    ],
)
def test_statement_kinds(keyword: str, kind: StatementKind) -> None:
    m = parse(f'{keyword} a: "The text."\n'.lstrip())
    statement = m.statements["a"]
    assert statement.kind is kind
    assert statement.text == "The text."
    assert statement.is_basis == (kind in (StatementKind.EVIDENCE, StatementKind.ASSUMPTION))


def test_statement_span_covers_the_head() -> None:
    m = parse('claim a: "x"\n')
    assert m.span(m.statements["a"]) == Span("t.arg", 1, 1, 1, 13)


def test_attribution_tags_notes() -> None:
    m = parse(
        'claim a: "x"\n  by Putin\n  tags history trust\n  note "n1"\nclaim b: "y"\n  by "the State Department"\n'
    )
    a, b = m.statements["a"], m.statements["b"]
    assert (a.attribution, a.tags, a.notes) == ("Putin", ("history", "trust"), ("n1",))
    assert b.attribution == "the State Department"


def test_quotes_and_citations() -> None:
    m = parse(
        'source col "C"\nsource rep "R"\nevidence e: "x"\n  quote col "better than it seems"\n'
        '  quote rep "two"\n  cite rep "p. 4"\n  cite col\n'
    )
    e = m.statements["e"]
    assert [(q.source, q.text) for q in e.quotes] == [
        ("col", "better than it seems"),
        ("rep", "two"),
    ]
    assert [(c.source, c.locator) for c in e.citations] == [("rep", "p. 4"), ("col", None)]
    assert m.span_in(e.id, e.quotes[0].place) == Span("t.arg", 4, 3, 4, 35)


def test_quote_without_source_uses_the_only_source() -> None:
    m = parse('source col "C"\nclaim a: "x"\n  quote "words"\n')
    assert m.statements["a"].quotes[0].source == "col"


def test_outline_support_and_objection() -> None:
    m = parse('thesis t: "T"\n  + a: "A"\n  - b: "B"\n      - evidence c: "C"\n')
    (reason,) = m.reasons.values()
    assert (reason.premises, reason.target, reason.named) == (("a",), "t", False)
    objections = list(m.objections.values())
    assert [(o.premises, o.target) for o in objections] == [(("c",), "b"), (("b",), "t")]
    assert m.statements["c"].kind is StatementKind.EVIDENCE


def test_outline_children_default_to_claims_and_nest_deeply() -> None:
    text = 'thesis t0: "x"\n' + "".join(f'{"  " * i}+ t{i}: "x"\n' for i in range(1, 60))
    m = parse(text)
    assert len(m.reasons) == 59
    assert {r.target for r in m.reasons.values()} == {f"t{i}" for i in range(59)}


def test_independent_reasons_are_separate() -> None:
    m = parse('claim t: "T"\n  + a: "A"\n  + b: "B"\n')
    assert sorted(r.premises for r in m.reasons.values()) == [("a",), ("b",)]


def test_linked_co_premises_form_one_reason() -> None:
    m = parse(
        'claim t: "T"\n  + a: "A"\n      quote "q"\n  & b: "B"\n  & c\nclaim c: "C"\nsource s "S"\n'
    )
    (reason,) = m.reasons.values()
    assert reason.premises == ("a", "b", "c")


def test_linked_co_premises_of_an_objection() -> None:
    m = parse('claim t: "T"\n  - a: "A"\n  & b: "B"\n')
    (objection,) = m.objections.values()
    assert objection.premises == ("a", "b")


def test_inference_head_id_label_conceded() -> None:
    m = parse(
        'thesis t: "T"\n  + [r1 "sign"] a: "A"\n  - [o1 conceded] b: "B"\n  - ["scheme"] c: "C"\n  - [conceded] d: "D"\n'
    )
    r1 = m.reasons["r1"]
    assert (r1.named, r1.label) == (True, "sign")
    o1 = m.objections["o1"]
    assert (o1.conceded, o1.target) == (True, "t")
    labels = {o.label: o.conceded for o in m.objections.values()}
    assert labels == {None: True, "scheme": False}


def test_reference_premise_in_outline() -> None:
    m = parse('claim a: "A"\nthesis t: "T"\n  + a\n')
    (reason,) = m.reasons.values()
    assert reason.premises == ("a",)


def test_children_under_a_reference_attach_to_it() -> None:
    m = parse('claim a: "A"\nthesis t: "T"\n  + a\n      + evidence e: "E"\n')
    assert {(r.premises, r.target) for r in m.reasons.values()} == {(("a",), "t"), (("e",), "a")}


def test_flat_declarations_and_undercut() -> None:
    m = parse(
        'claim a: "A"\nclaim b: "B"\nclaim t: "T"\nevidence e: "E"\n'
        'reason r1: a & b -> t\nreason r2 "analogy": e -> a\nreason: b -> a\n'
        'objection o1: b -> t\nobjection o2 conceded: e -> r1\nobjection o3 "reb": a -> o1\n'
    )
    assert m.reasons["r1"].premises == ("a", "b")
    assert m.reasons["r2"].label == "analogy"
    assert m.objections["o2"].target == "r1" and m.objections["o2"].conceded
    assert m.objections["o3"].target == "o1"
    assert m.inference("o3") is m.objections["o3"]
    anonymous = [r for r in m.reasons.values() if not r.named]
    assert len(anonymous) == 1 and "#" in anonymous[0].id


def test_cycles_and_shared_premises_are_expressible() -> None:
    m = parse(
        'claim a: "A"\nclaim b: "B"\nclaim c: "C"\nreason: a -> b\nreason: b -> a\nreason: a -> c\n'
    )
    assert len(m.reasons) == 3


def test_groups_nest_and_own_their_statements() -> None:
    m = parse(
        'group g "Outer"\n  claim a: "A"\n    + b: "B"\n  group inner "Inner"\n    claim c: "C"\n'
        'group "Anonymous"\n  claim d: "D"\n'
    )
    assert m.groups["g"].title == "Outer"
    assert m.groups["inner"].parent == "g"
    assert (m.statements["a"].group, m.statements["b"].group, m.statements["c"].group) == (
        "g",
        "g",
        "inner",
    )
    anonymous = m.statements["d"].group
    assert anonymous is not None and m.groups[anonymous].title == "Anonymous"


def test_comments_and_suppressions_are_kept_with_their_line() -> None:
    m = parse(
        '# a comment\nclaim a: "x"   # argmap: ignore[S201, unsupported-claim]\n\n'
        '  # argmap: ignore\n\nclaim b: "y"\n# plain comment\n'
    )
    first, second = m.suppressions
    assert (first.codes, first.line) == (("S201", "unsupported-claim"), 2)
    assert first.span == Span("t.arg", 2, 16, 2, 57)
    assert (second.codes, second.line) == ((), 6)


def test_hash_inside_text_is_not_a_comment() -> None:
    m = parse('claim a: "item #4 # argmap: ignore"\n')
    assert m.statements["a"].text == "item #4 # argmap: ignore"
    assert m.suppressions == ()


def test_string_escapes() -> None:
    m = parse(r'claim a: "He said \"no\" \\ ok\ttab\nline \u2019 \U0001F600"' + "\n")
    assert m.statements["a"].text == 'He said "no" \\ ok\ttab\nline \u2019 \U0001f600'


def test_multi_line_text_is_folded() -> None:
    m = parse(
        'claim a: """\n   Tough bargaining\n   is normal.\n\n   New paragraph "quoted".\n   """\n'
    )
    assert m.statements["a"].text == 'Tough bargaining is normal.\nNew paragraph "quoted".'


def test_unicode_ids_and_text() -> None:
    m = parse('thesis отношения: "Отношения лучше, чем кажутся."\n  + 信任: "互信"\n')
    assert m.statements["отношения"].text == "Отношения лучше, чем кажутся."
    assert next(iter(m.reasons.values())).premises == ("信任",)


@pytest.mark.parametrize("id", ["देवनागरी", "ภาษาไทย", "عربي", "naïve", "Ωμέγα", "_x1"])
def test_ids_in_any_script(id: str) -> None:
    m = parse(f'claim {id}: "x"\nclaim t: "t"\nreason: {id} -> t\n')
    assert next(iter(m.reasons.values())).premises == (id,)


def test_hyphenated_ids() -> None:
    m = parse('claim lost-trust: "x"\nclaim a: "y"\nreason: lost-trust->a\n')
    assert next(iter(m.reasons.values())).premises == ("lost-trust",)


def test_expectations() -> None:
    m = parse('evidence e: "E"\nclaim t: "T"\n  + e\nexpect IN: t e\nexpect undec: e\n')
    assert [(x.label, x.ids) for x in m.expectations] == [
        (Label.IN, ("t", "e")),
        (Label.UNDEC, ("e",)),
    ]


def test_declared_theses_and_default_theses() -> None:
    declared = parse('thesis t: "T"\nclaim a: "A"\n')
    assert [s.id for s in declared.theses] == ["t"]
    default = parse('claim t: "T"\n  + a: "A"\nevidence e: "E"\nclaim lone: "L"\n')
    assert [s.id for s in default.theses] == ["t", "lone"]


def test_crlf_tabs_bom_and_no_final_newline() -> None:
    assert read_text('\ufeffclaim a: "x"\r\n\t+ b: "y"', "t.arg").ok


def test_keyword_is_an_id_where_no_keyword_fits() -> None:
    m = parse('claim a: "A"\nclaim t: "T"\nreason claim_r: a -> t\n')
    assert "claim_r" in m.reasons


def test_model_is_immutable() -> None:
    m = parse('claim a: "x"\n')
    with pytest.raises(AttributeError):
        m.title = "y"  # type: ignore[misc]
    with pytest.raises(TypeError):
        m.statements["b"] = m.statements["a"]  # type: ignore[index]


def test_a_premise_without_an_id_is_named_by_its_kind_and_a_number() -> None:
    m = parse(
        'thesis t: "T"\n'
        '  - "Children cannot choose well."\n'
        '      - evidence: "A survey."\n'
        '          quote s "words"\n'
        '  + assumption: "A."\n'
        '  & "B."\n'
        'source s "S"\n'
    )
    assert [(s.id, s.kind, s.text, s.named) for s in m.statements.values()][1:] == [
        ("claim#1", StatementKind.CLAIM, "Children cannot choose well.", False),
        ("evidence#1", StatementKind.EVIDENCE, "A survey.", False),
        ("assumption#1", StatementKind.ASSUMPTION, "A.", False),
        ("claim#2", StatementKind.CLAIM, "B.", False),
    ]
    assert m.statements["t"].named
    assert m.statements["evidence#1"].quotes[0].text == "words"
    assert [(o.premises, o.target) for o in m.objections.values()] == [
        (("evidence#1",), "claim#1"),
        (("claim#1",), "t"),
    ]
    (reason,) = m.reasons.values()
    assert reason.premises == ("assumption#1", "claim#2")
    assert m.span(m.statements["claim#2"]) == Span("t.arg", 6, 5, 6, 9)


def test_findings_name_a_statement_without_an_id_by_its_line() -> None:
    m = parse('thesis t: "T"\n  + "Unsupported."\n')
    found = run_checks(CheckContext(m, analyze(m)), select_checks([]))
    assert any(
        d.code == "S201" and d.message.startswith("the claim on line 2 has no reason")
        for d in found
    )


def test_only_a_premise_may_go_without_an_id() -> None:
    (error,) = read_text('claim: "x"\n', "m.arg").diagnostics
    assert (error.code, error.message) == ("E101", 'expected an id, found ":"')
    assert error.hint is not None and "only a premise" in error.hint
