"""Long chains and circles (20 000 statements) go through every analysis and check: no recursion."""

from __future__ import annotations

from collections import Counter

from argmap.analysis import analyze
from argmap.checks import CheckContext, run_checks
from argmap.model import ArgumentMap, Objection, Place, Reason, Statement, StatementKind
from argmap.reader import read_text

N = 20_000


def span(line: int) -> Place:
    return Place(line, 1, line, 2)


def chain(n: int, *, grounded: bool, closed: bool = False) -> ArgumentMap:
    """c0 ← c1 ← … ← c(n-1): each claim the only premise of the reason for the one before."""
    kinds = [StatementKind.THESIS] + [StatementKind.CLAIM] * (n - 1)
    if grounded:
        kinds[-1] = StatementKind.EVIDENCE
    statements = {f"c{i}": Statement(f"c{i}", k, "x", span(i + 1)) for i, k in enumerate(kinds)}
    reasons = {
        f"r{i}": Reason(f"r{i}", (f"c{i + 1}",), f"c{i}", span(n + i + 1)) for i in range(n - 1)
    }
    if closed:
        reasons["back"] = Reason("back", ("c0",), f"c{n - 1}", span(2 * n + 1))
    return ArgumentMap("deep.arg", statements=statements, reasons=reasons)


def test_unsupported_chain() -> None:
    m = chain(N, grounded=False)
    analysis = analyze(m)
    assert len(analysis.unsupported) == N and not analysis.grounded
    counts = Counter(d.code for d in run_checks(CheckContext(m, analysis)))
    assert counts == {"S201": 1, "S202": N - 1}


def test_grounded_chain() -> None:
    m = chain(N, grounded=True)
    analysis = analyze(m)
    assert len(analysis.grounded) == N and not analysis.unsupported
    assert analysis.grounded_by["c0"] == "r0"
    assert [d.code for d in run_checks(CheckContext(m, analysis))] == ["Q504"]


def test_long_support_circle() -> None:
    m = chain(N, grounded=False, closed=True)
    analysis = analyze(m)
    assert [len(c) for c in analysis.support_cycles] == [N]
    findings = run_checks(CheckContext(m, analysis))
    circular = [d for d in findings if d.code == "C401"]
    assert len(circular) == 1 and circular[0].subject == "c0"
    assert circular[0].message.startswith('circular support: "c0" → "c')
    assert "→ …" in circular[0].message and len(circular[0].related) == 8


def test_long_chain_of_rebuttals() -> None:
    """o0 objects to the thesis, o1 to o0's premise, o2 to o1's premise, …: sides alternate."""
    statements = {"t": Statement("t", StatementKind.THESIS, "t", span(1))}
    statements |= {
        f"p{i}": Statement(f"p{i}", StatementKind.EVIDENCE, "p", span(i + 2)) for i in range(N)
    }
    objections = {
        f"o{i}": Objection(f"o{i}", (f"p{i}",), "t" if i == 0 else f"p{i - 1}", span(N + i + 2))
        for i in range(N)
    }
    m = ArgumentMap("deep.arg", statements=statements, objections=objections)
    analysis = analyze(m)
    assert analysis.polarity[f"o{N - 1}"] == {"+" if N % 2 == 0 else "-"}
    assert analysis.polarity["o0"] == {"-"} and analysis.polarity["o1"] == {"+"}
    assert analysis.answered == {f"o{i}" for i in range(N - 1)}
    assert analysis.unanswered == (set() if N % 2 == 0 else {f"o{N - 1}"})


def test_long_outline_text_is_checked() -> None:
    lines = ['thesis c0: "x"'] + [
        f'claim c{i}: "x"\nreason: c{i} -> c{i - 1}' for i in range(1, 5000)
    ]
    result = read_text("\n".join(lines) + "\n", "deep.arg")
    assert result.ok
    counts = Counter(d.code for d in run_checks(CheckContext(result.map, analyze(result.map))))
    assert counts == {"S201": 1, "S202": 4999}
