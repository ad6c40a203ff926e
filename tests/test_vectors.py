"""The hand-checked vectors of semantics.md §7.5: the findings of a default `argmap check`."""

from __future__ import annotations

import pytest

from argmap.analysis import analyze
from argmap.checks import CheckContext, all_rules, run_checks
from argmap.reader import read_text


def vector_map(basis: str, lines: str) -> str:
    """A map in flat form: the basis as cited evidence, other statements as claims."""
    ids = basis.split()
    out = ['source src "The source"'] if ids else []
    out += [f'evidence {id}: "{id}."\n  cite src' for id in ids]
    return "\n".join(out) + "\n" + lines


# (name, basis, claims and inferences, expected (code, subject) findings of the default checks)
VECTORS = [
    (
        "basic",
        "E1 P2",
        'claim P1: "P1."\nclaim T: "T."\nclaim Q: "Q."\n'
        "reason r1: P1 & P2 -> T\nreason r2: E1 -> P1\nobjection o1: Q -> T\n",
        [("S201", "Q"), ("O301", "o1")],
    ),
    (
        "support loop",
        "",
        'claim A: "A."\nclaim B: "B."\nreason r1: B -> A\nreason r2: A -> B\n',
        [("S202", "A"), ("S202", "B"), ("C401", "A")],
    ),
    (
        "independent loop",
        "E",
        'claim A: "A."\nclaim B: "B."\nreason r1: B -> A\nreason r2: A -> B\nreason r3: E -> A\n',
        [],
    ),
    (
        "objection wins",
        "E X",
        'claim T: "T."\nreason r0: E -> T\nobjection o1: X -> T\n',
        [("O301", "o1"), ("O302", "o1"), ("L601", "T")],
    ),
    (
        "reinstatement",
        "E X Y",
        'claim T: "T."\nreason r0: E -> T\nobjection o1: X -> T\nobjection o2: Y -> o1\n',
        [],
    ),
    ("even attack cycle", "A B", "objection oa: A -> B\nobjection ob: B -> A\n", []),
    (
        "odd attack cycle",
        "A B C",
        "objection oa: A -> B\nobjection ob: B -> C\nobjection oc: C -> A\n",
        [],
    ),
    ("self-defeat", "E", 'claim U: "U."\nreason r1: E -> U\nobjection o1: U -> r1\n', []),
    (
        "attacked loop",
        "R X",
        'claim A: "A."\nclaim B: "B."\n'
        "reason r1: B -> A\nreason r2: A -> B\nreason r3: R -> A\nobjection o: X -> R\n",
        [],
    ),
]


@pytest.mark.parametrize(
    ("basis", "lines", "expected"), [v[1:] for v in VECTORS], ids=[v[0] for v in VECTORS]
)
def test_vector_findings(basis: str, lines: str, expected: list[tuple[str, str]]) -> None:
    result = read_text(vector_map(basis, lines), "vector.arg")
    assert result.ok, result.diagnostics
    found = run_checks(CheckContext(result.map, analyze(result.map)))
    known = all_rules()  # the verdict checks (O302, L601) are compared once they are registered
    assert sorted((d.code, d.subject) for d in found) == sorted(
        e for e in expected if e[0] in known
    )


def test_basic_vector_notes_the_unsupported_premise() -> None:
    result = read_text(vector_map(*VECTORS[0][1:3]), "vector.arg")
    found = run_checks(CheckContext(result.map, analyze(result.map)), {"O301"})
    assert [d.message for d in found] == [
        'objection "o1" is not answered: no objection targets it, its premises or their '
        'support (note: its premise "Q" is itself unsupported)'
    ]


def test_independent_loop_is_reported_by_c402_when_selected() -> None:
    result = read_text(vector_map(*VECTORS[2][1:3]), "vector.arg")
    found = run_checks(CheckContext(result.map, analyze(result.map)), {"C401", "C402"})
    assert [(d.code, d.subject) for d in found] == [("C402", "A")]


def test_analysis_of_the_basic_vector() -> None:
    result = read_text(vector_map(*VECTORS[0][1:3]), "vector.arg")
    analysis = analyze(result.map)
    assert analysis.theses == ("T",)
    assert analysis.grounded == {"E1", "P2", "P1", "T"}
    assert analysis.grounded_by["T"] == "r1"
    assert analysis.unsupported == {"Q"}
    assert analysis.polarity["o1"] == {"-"} and analysis.polarity["Q"] == {"-"}
    assert analysis.polarity["r1"] == {"+"} and analysis.polarity["E1"] == {"+"}
    assert analysis.hostile == analysis.unanswered == {"o1"}
    assert analysis.answered == frozenset() and analysis.orphans == frozenset()
