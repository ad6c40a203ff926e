"""The structural analyses agree with brute-force oracles on random small maps (§3–§5)."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterable

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis import analyze
from argmap.analysis.graphs import index_map, strongly_connected
from argmap.analysis.witness import why_unsupported
from argmap.checks import CheckContext, run_checks
from argmap.model import ArgumentMap, Objection, Place, Reason, Statement, StatementKind

SPAN = Place(1, 1, 1, 2)


@st.composite
def maps(draw: st.DrawFn) -> ArgumentMap:
    """Random maps after semantics.md §7.4, with occasional self-loops, theses and concessions."""
    n = draw(st.integers(2, 6))
    ids = [f"s{i}" for i in range(n)]
    kinds = [
        draw(st.sampled_from([StatementKind.EVIDENCE, StatementKind.CLAIM, StatementKind.CLAIM]))
        for _ in ids
    ]
    if draw(st.booleans()):
        kinds[draw(st.integers(0, n - 1))] = StatementKind.THESIS
    statements = {i: Statement(i, k, i, SPAN) for i, k in zip(ids, kinds, strict=True)}
    reasons = {}
    for r in range(draw(st.integers(1, 6))):
        target = draw(st.sampled_from(ids))
        pool = ids if draw(st.integers(0, 9)) == 0 else [i for i in ids if i != target]
        premises = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=2, unique=True))
        reasons[f"r{r}"] = Reason(f"r{r}", tuple(premises), target, SPAN)
    objections: dict[str, Objection] = {}
    for o in range(draw(st.integers(0, 4))):
        target = draw(st.sampled_from([*ids, *reasons, *objections]))
        premises = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=2, unique=True))
        objections[f"o{o}"] = Objection(
            f"o{o}", tuple(premises), target, SPAN, conceded=draw(st.integers(0, 4)) == 0
        )
    return ArgumentMap("random.arg", statements=statements, reasons=reasons, objections=objections)


# -- oracles ----------------------------------------------------------------------------------


def has_support_tree(m: ArgumentMap, s: str, path: frozenset[str] = frozenset()) -> bool:
    """Search for a support tree: basis leaves, one reason per node, no repeat on a path."""
    if m.statements[s].is_basis:
        return True
    return any(
        all(p not in path | {s} and has_support_tree(m, p, path | {s}) for p in r.premises)
        for r in m.reasons.values()
        if r.target == s
    )


def reachable(edges: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        node = todo.pop()
        for nxt in edges.get(node, ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def support_cycles_oracle(m: ArgumentMap) -> set[frozenset[str]]:
    """Classes of mutual reachability in the support graph that contain a cycle."""
    edges: dict[str, set[str]] = {}
    for r in m.reasons.values():
        for p in r.premises:
            edges.setdefault(p, set()).add(r.target)
    reach = {s: reachable(edges, s) for s in m.statements}
    classes = {frozenset({s} | {t for t in reach[s] if s in reach[t]}) for s in m.statements}
    return {c for c in classes if len(c) > 1 or next(iter(c)) in reach[next(iter(c))]}


def sub_argument(m: ArgumentMap, o: str) -> set[str]:
    """Sub(o): o, its premises, and backwards through support from them."""
    sub = {o}
    todo = list(m.objections[o].premises)
    while todo:
        s = todo.pop()
        if s in sub:
            continue
        sub.add(s)
        for r in m.reasons.values():
            if r.target == s:
                sub.add(r.id)
                todo.extend(r.premises)
    return sub


def polarity_oracle(m: ArgumentMap, theses: Iterable[str]) -> dict[str, set[str]]:
    """The polarity rules applied until nothing changes."""
    pol: dict[str, set[str]] = {x: set() for x in (*m.statements, *m.reasons, *m.objections)}
    for t in theses:
        pol[t].add("+")
    flip = {"+": "-", "-": "+"}
    changed = True
    while changed:
        changed = False
        for i in (*m.reasons.values(), *m.objections.values()):
            side = pol[i.target] if i.id in m.reasons else {flip[x] for x in pol[i.target]}
            if not side <= pol[i.id]:
                pol[i.id] |= side
                changed = True
            for p in i.premises:
                if not pol[i.id] <= pol[p]:
                    pol[p] |= pol[i.id]
                    changed = True
    return pol


# -- properties -------------------------------------------------------------------------------


@settings(max_examples=500, deadline=None)
@given(maps())
def test_grounded_support_is_having_a_support_tree(m: ArgumentMap) -> None:
    analysis = analyze(m)
    assert analysis.grounded == {s for s in m.statements if has_support_tree(m, s)}
    for s, reason in analysis.grounded_by.items():  # each witness reason is fully grounded
        if reason is None:
            assert m.statements[s].is_basis
        else:
            assert m.reasons[reason].target == s
            assert set(m.reasons[reason].premises) <= analysis.grounded


@settings(max_examples=500, deadline=None)
@given(maps())
def test_support_cycles_are_the_cyclic_strongly_connected_components(m: ArgumentMap) -> None:
    analysis = analyze(m)
    assert {frozenset(c) for c in analysis.support_cycles} == support_cycles_oracle(m)
    order = list(m.statements)
    for cycle in analysis.support_cycles:
        assert list(cycle) == sorted(cycle, key=order.index)
        assert all(analysis.cycle_of[s] == analysis.support_cycles.index(cycle) for s in cycle)


@settings(max_examples=500, deadline=None)
@given(maps())
def test_answered_is_an_attack_on_the_sub_argument(m: ArgumentMap) -> None:
    analysis = analyze(m)
    targets = {o.target for o in m.objections.values()}
    assert analysis.answered == {o for o in m.objections if sub_argument(m, o) & targets}
    argued = {o.target for o in m.objections.values() if not o.conceded}
    assert analysis.argued == {o for o in m.objections if sub_argument(m, o) & argued}
    assert analysis.unanswered == {
        o for o in analysis.hostile if o not in analysis.answered and not m.objections[o].conceded
    }


@settings(max_examples=500, deadline=None)
@given(maps())
def test_polarity_is_the_fixpoint_of_its_rules(m: ArgumentMap) -> None:
    analysis = analyze(m)
    oracle = polarity_oracle(m, analysis.theses)
    assert {x: set(p) for x, p in analysis.polarity.items()} == oracle
    assert analysis.hostile == {o for o in m.objections if "-" in oracle[o]}
    if analysis.theses:
        assert analysis.orphans == {x for x, p in oracle.items() if not p}
    else:
        assert analysis.orphans == frozenset()


@settings(max_examples=300, deadline=None)
@given(maps())
def test_unsupported_and_its_witness(m: ArgumentMap) -> None:
    analysis = analyze(m)
    used = set(analysis.theses) | {
        p for i in (*m.reasons.values(), *m.objections.values()) for p in i.premises
    }
    for s in m.statements.values():
        has_reason = any(r.target == s.id for r in m.reasons.values())
        expected = not s.is_basis and s.id not in analysis.grounded and (s.id in used or has_reason)
        assert (s.id in analysis.unsupported) == expected
        if expected and has_reason:
            witness = why_unsupported(m, analysis, s.id)
            assert [r for r, _ in witness.failing] == [
                r.id for r in m.reasons.values() if r.target == s.id
            ]
            for reason, premises in witness.failing:  # every reason fails, and says why
                assert (
                    premises
                    and set(premises) == set(m.reasons[reason].premises) - analysis.grounded
                )
            for leaf in witness.leaves:
                assert not m.statements[leaf].is_basis and leaf not in analysis.grounded
                assert not any(r.target == leaf for r in m.reasons.values())


def test_the_basis_of_the_index_is_the_evidence_and_assumptions() -> None:
    statements = {k.value: Statement(k.value, k, k.value, SPAN) for k in StatementKind}
    basis = index_map(ArgumentMap("kinds.arg", statements=statements)).basis
    assert basis == {s.id for s in statements.values() if s.is_basis} == {"evidence", "assumption"}


def tarjan_oracle(nodes: list[str], successors: dict[str, list[str]]) -> list[list[str]]:
    """Tarjan's algorithm as textbooks write it (recursive: fine for small graphs)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    components: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for child in successors.get(node, []):
            if child not in index:
                visit(child)
                low[node] = min(low[node], low[child])
            elif child in stack:
                low[node] = min(low[node], index[child])
        if low[node] == index[node]:
            component = stack[stack.index(node) :]
            del stack[stack.index(node) :]
            components.append(component)

    for node in nodes:
        if node not in index:
            visit(node)
    return components


@st.composite
def graphs(draw: st.DrawFn) -> tuple[list[str], dict[str, list[str]]]:
    """Small directed graphs, with self-loops, repeated edges and nodes without successors."""
    nodes = [f"n{i}" for i in range(draw(st.integers(1, 9)))]
    successors = {
        node: draw(st.lists(st.sampled_from(nodes), max_size=3))
        for node in nodes
        if draw(st.integers(0, 3))
    }
    return draw(st.permutations(nodes)), successors


@settings(max_examples=1000, deadline=None)
@given(graphs())
def test_strongly_connected_is_tarjans_algorithm(
    graph: tuple[list[str], dict[str, list[str]]],
) -> None:
    nodes, successors = graph
    assert strongly_connected(nodes, successors) == tarjan_oracle(nodes, successors)


def test_strongly_connected_follows_a_long_chain_without_recursion() -> None:
    chain = [f"n{i}" for i in range(50_000)]
    successors = {a: [b] for a, b in itertools.pairwise(chain)}
    successors[chain[-1]] = [chain[0]]
    assert strongly_connected(chain, successors) == [chain]
    del successors[chain[-1]]
    assert strongly_connected(chain, successors) == [[node] for node in reversed(chain)]


@settings(max_examples=200, deadline=None)
@given(maps(), st.randoms(use_true_random=False))
def test_findings_do_not_depend_on_declaration_order(m: ArgumentMap, rnd: random.Random) -> None:
    def shuffled(mapping: dict[str, object]) -> dict[str, object]:
        items = list(mapping.items())
        rnd.shuffle(items)
        return dict(items)

    other = ArgumentMap(
        m.path,
        statements=m.statements,
        reasons=shuffled(dict(m.reasons)),  # type: ignore[arg-type]
        objections=shuffled(dict(m.objections)),  # type: ignore[arg-type]
    )
    a, b = analyze(m), analyze(other)
    assert (a.grounded, a.unsupported, a.hostile, a.answered, a.argued, a.orphans) == (
        b.grounded,
        b.unsupported,
        b.hostile,
        b.answered,
        b.argued,
        b.orphans,
    )
    assert a.support_cycles == b.support_cycles
    first = run_checks(CheckContext(m, a))
    assert first == run_checks(CheckContext(m, analyze(m)))  # deterministic
    codes = {"S201", "S202", "S204", "O301", "C401", "C403"}
    assert sorted((d.code, d.subject) for d in first if d.code in codes) == sorted(
        (d.code, d.subject) for d in run_checks(CheckContext(other, b)) if d.code in codes
    )
