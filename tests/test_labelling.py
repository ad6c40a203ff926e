"""The evidential grounded labelling: hand-checked vectors (design notes §7.5), the
argument-level oracle (§7.4), the complete-labelling invariants, W, determinism, depth."""

from __future__ import annotations

import random
import re
import textwrap
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis import analyze
from argmap.analysis.graphs import index_map, strongly_connected
from argmap.analysis.labelling import Labelling, explain, explain_all, label_map
from argmap.analysis.wellfounded import Program, founded
from argmap.analysis.why import Explanations
from argmap.model import ArgumentMap, Label, Objection, Place, Reason, Statement, StatementKind
from argmap.reader import read_text
from bench.labelling import knot, relay
from tests.oracle import Argument, attacks, build_framework, grounded, oracle_labels

V = TypeVar("V")

IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDEC
SPAN = Place(1, 1, 1, 2)


def parse(text: str) -> ArgumentMap:
    result = read_text(textwrap.dedent(text), "vector.arg")
    assert result.ok, result.diagnostics
    return result.map


# The §7.5 table, written in the language. Every element's label is given.
VECTORS = {
    "basic": (
        """
        evidence e1: "E1."
        evidence p2: "P2."
        claim p1: "P1."
        claim t: "T."
        claim q: "Q."
        reason r1: p1 & p2 -> t
        reason r2: e1 -> p1
        objection o1: q -> t
        """,
        {IN: "t p1 p2 e1 r1 r2", OUT: "q o1"},
    ),
    "support loop": (
        """
        claim a: "A."
        claim b: "B."
        reason r1: b -> a
        reason r2: a -> b
        """,
        {OUT: "a b r1 r2"},
    ),
    "independent loop": (
        """
        evidence e: "E."
        claim a: "A."
        claim b: "B."
        reason r1: b -> a
        reason r2: a -> b
        reason r3: e -> a
        """,
        {IN: "a b e r1 r2 r3"},
    ),
    "objection wins": (
        """
        evidence e: "E."
        evidence x: "X."
        claim t: "T."
        reason r0: e -> t
        objection o1: x -> t
        """,
        {IN: "e x o1 r0", OUT: "t"},
    ),
    "reinstatement": (
        """
        evidence e: "E."
        evidence x: "X."
        evidence y: "Y."
        claim t: "T."
        reason r0: e -> t
        objection o1: x -> t
        objection o2: y -> o1
        """,
        {IN: "t e x y r0 o2", OUT: "o1"},
    ),
    "even attack cycle": (
        """
        evidence a: "A."
        evidence b: "B."
        objection oa: a -> b
        objection ob: b -> a
        """,
        {UNDEC: "a b oa ob"},
    ),
    "odd attack cycle": (
        """
        evidence a: "A."
        evidence b: "B."
        evidence c: "C."
        objection oa: a -> b
        objection ob: b -> c
        objection oc: c -> a
        """,
        {UNDEC: "a b c oa ob oc"},
    ),
    "self-defeat": (
        """
        evidence e: "E."
        claim u: "U."
        reason r1: e -> u
        objection o1: u -> r1
        """,
        {IN: "e", UNDEC: "u r1 o1"},
    ),
    "attacked loop": (
        """
        evidence r: "R."
        evidence x: "X."
        claim a: "A."
        claim b: "B."
        reason r1: b -> a
        reason r2: a -> b
        reason r3: r -> a
        objection o: x -> r
        """,
        {IN: "x o", OUT: "r a b r1 r2 r3"},
    ),
    # Beyond the table: shapes the vectors do not cover.
    "rebuttal chain": (
        """
        evidence a: "A."
        evidence b: "B."
        evidence c: "C."
        claim t: "T."
        reason: a -> t
        objection o1: b -> t
        objection o2: c -> b
        """,
        {IN: "a c t o2 reason#1", OUT: "b o1"},
    ),
    "linked premises need all": (
        """
        evidence e: "E."
        claim p: "P."
        claim t: "T."
        reason r: e & p -> t
        """,
        {IN: "e", OUT: "p t r"},
    ),
    "one good reason is enough": (
        """
        evidence e: "E."
        claim p: "P."
        claim t: "T."
        reason r1: p -> t
        reason r2: e -> t
        """,
        {IN: "e t r2", OUT: "p r1"},
    ),
    "undercut leaves the premise standing": (
        """
        evidence e: "E."
        evidence x: "X."
        claim t: "T."
        reason r: e -> t
        objection o: x -> r
        """,
        {IN: "e x o", OUT: "t r"},
    ),
    "objection that undercuts itself": (
        """
        evidence e: "E."
        evidence x: "X."
        claim t: "T."
        reason r: e -> t
        objection o: x -> o
        objection o2: x -> t
        """,
        {IN: "e x r o2", OUT: "t", UNDEC: "o"},
    ),
    "undecided attacker taints the target": (
        """
        evidence e: "E."
        evidence a: "A."
        evidence b: "B."
        claim t: "T."
        reason r: e -> t
        objection oa: a -> b
        objection ob: b -> a
        objection ot: a -> t
        """,
        {IN: "e r", UNDEC: "a b t oa ob ot"},
    ),
    "conceded objection is outweighed": (
        """
        evidence e: "E."
        evidence x: "X."
        claim t: "T."
        reason r: e -> t
        objection o conceded: x -> t
        """,
        {IN: "e x r o t"},
    ),
    "conceded objection with a failing premise": (
        """
        evidence e: "E."
        claim x: "X."
        claim t: "T."
        reason r: e -> t
        objection o conceded: x -> r
        """,
        {IN: "e r t", OUT: "x o"},
    ),
    "outline form": (
        """
        thesis better: "Relations are better than they seem."
          + evidence meeting: "The meeting went well."
          - gloomy: "The general picture looks gloomy."
              - evidence normal: "Tough bargaining is normal."
        """,
        {IN: "better meeting normal reason#1 objection#2", OUT: "gloomy objection#1"},
    ),
    "two attack circles": (
        """
        thesis t: "T."
          + [r] assumption p: "P."
          - [o] assumption x: "X."
        assumption q: "Q."
        assumption y: "Y."
        objection opq: p -> q
        objection oqp: q -> p
        objection oxy: x -> y
        objection oyx: y -> x
        """,
        {UNDEC: "t p x q y r o opq oqp oxy oyx"},
    ),
    "support loop with support from outside": (
        """
        thesis t: "T."
          + a: "A."
        claim b: "B."
        reason r_ba: a -> b
        reason r_ab: b -> a
        reason r_ea: e -> a
        assumption e: "E."
        """,
        {IN: "t a b e reason#1 r_ba r_ab r_ea"},
    ),
    "undecided support loop with undecided support from outside": (
        """
        thesis t: "T."
          + a: "A."
        claim b: "B."
        reason r_ba: a -> b
        reason r_ab: b -> a
        reason r_eb: e -> b
        assumption e: "E."
        assumption f: "F."
        objection oef: e -> f
        objection ofe: f -> e
        """,
        {UNDEC: "t a b e f reason#1 r_ba r_ab r_eb oef ofe"},
    ),
    "defeated conceded objection": (
        """
        thesis t: "T."
          + assumption a: "A."
          - [oc conceded] assumption x: "X."
              - [ox] assumption y: "Y."
        """,
        {IN: "t a y reason#1 ox", OUT: "x oc"},
    ),
    "self-support": (
        """
        thesis t: "T."
          + a: "A."
        reason rs: a -> a
        """,
        {OUT: "t a reason#1 rs"},
    ),
    "statements without an id": (
        """
        thesis t: "T."
          + assumption a: "A."
          - assumption: "X."
          + claim: "C."
        """,
        {
            IN: "a assumption#1 reason#1 objection#1",
            OUT: "t claim#1 reason#2",
        },
    ),
    "three reasons fail": (
        """
        thesis t: "T."
        claim a: "A."
        claim b: "B."
        claim c: "C."
        reason r1: a -> t
        reason r2: b -> t
        reason r3: c -> t
        """,
        {OUT: "t a b c r1 r2 r3"},
    ),
}


def expected_labels(table: dict[Label, str]) -> dict[str, Label]:
    return {id: label for label, ids in table.items() for id in ids.split()}


@pytest.mark.parametrize("name", VECTORS)
def test_vector(name: str) -> None:
    text, table = VECTORS[name]
    m = parse(text)
    labelling = label_map(m)
    expected = expected_labels(table)
    assert set(expected) == set(m.statements) | set(m.reasons) | set(m.objections)
    assert {**labelling.statements, **labelling.inferences} == expected


@pytest.mark.parametrize("name", VECTORS)
def test_vector_agrees_with_oracle(name: str) -> None:
    m = parse(VECTORS[name][0])
    assert dict(_labels(label_map(m))) == oracle_labels(m)


def test_labelling_lookup() -> None:
    m = parse(VECTORS["objection wins"][0])
    labelling = label_map(m)
    assert labelling["t"] is OUT and labelling["o1"] is IN
    assert "o1" in labelling and "nothing" not in labelling
    assert list(labelling.statements) == list(m.statements)
    with pytest.raises(KeyError):
        labelling["nothing"]


ROOT = Path(__file__).parents[1]
MAPS = sorted((ROOT / "maps").glob("**/*.arg"))
DOC = ROOT / "docs" / "labelling.md"
DOC_EXAMPLES = re.findall(r"```arg\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)


def test_the_documentation_has_examples() -> None:
    assert len(DOC_EXAMPLES) >= 2


@pytest.mark.parametrize(
    ("where", "text"),
    [
        *((p.name, p.read_text(encoding="utf-8")) for p in MAPS),
        *((f"labelling.md example {k}", t) for k, t in enumerate(DOC_EXAMPLES)),
    ],
)
def test_maps_meet_their_expected_labels(where: str, text: str) -> None:
    """Every map in maps/ and every example of docs/labelling.md carries its own golden
    labels (`expect IN: ...`), and they hold."""
    result = read_text(text, where)
    assert result.ok, result.diagnostics
    assert result.map.expectations or where.endswith(".arg")
    labelling = label_map(result.map)
    wrong = [
        (id, e.label.value, labelling[id].value)
        for e in result.map.expectations
        for id in e.ids
        if labelling[id] is not e.label
    ]
    assert wrong == []


# -- explanations ------------------------------------------------------------------------

EXPLANATIONS = [
    ("basic", "q", "no reason supports it, and it is not evidence or an assumption"),
    ("basic", "o1", 'premise "q" is OUT, because "q" has no support'),
    ("basic", "t", 'supported by reason "r1"; objection "o1" against it fails'),
    ("basic", "r1", 'applies: premises "p1" and "p2" are IN'),
    ("basic", "e1", "evidence, accepted as given"),
    ("objection wins", "t", 'defeated by objection "o1", which stands'),
    ("objection wins", "o1", 'stands: premise "x" is IN, so "t" is defeated'),
    ("reinstatement", "o1", 'undercut by objection "o2", which stands'),
    ("reinstatement", "o2", 'stands: premise "y" is IN, so objection "o1" is cut off'),
    (
        "support loop",
        "a",
        'its only reason fails: premise "b" is OUT, and "b" rests on this claim in turn'
        " (circular support)",
    ),
    (
        "attacked loop",
        "a",
        'both reasons fail: reason "r1": premise "b" is OUT, and "b" rests on this claim in'
        ' turn (circular support); reason "r3": premise "r" is OUT, because objection "o" defeats'
        ' "r"',
    ),
    (
        "three reasons fail",
        "t",
        'all 3 reasons fail: reason "r1": premise "a" is OUT, because "a" has no support;'
        ' reason "r2": premise "b" is OUT, because "b" has no support; reason "r3": premise "c"'
        ' is OUT, because "c" has no support',
    ),
    (
        "undercut leaves the premise standing",
        "t",
        'its only reason fails: undercut by objection "o"',
    ),
    (
        "even attack cycle",
        "a",
        'objection "ob" against it is undecided, in a circle of attacks that no side wins:'
        ' "b" attacks "a" (objection "ob"); "a" attacks "b" (objection "oa")',
    ),
    (
        "two attack circles",
        "t",
        'objection "o" against it is undecided, in a circle of attacks that no side wins:'
        ' "x" attacks "y" (objection "oxy"); "y" attacks "x" (objection "oyx")',
    ),
    (
        "two attack circles",
        "r",
        'premise "p" is undecided, in a circle of attacks that no side wins:'
        ' "p" attacks "q" (objection "opq"); "q" attacks "p" (objection "oqp")',
    ),
    ("support loop with support from outside", "a", 'supported by reason "r_ea"'),
    ("support loop with support from outside", "b", 'supported by reason "r_ba"'),
    (
        "undecided support loop with undecided support from outside",
        "b",
        'its support, reason "r_eb", is undecided, in a circle of attacks that no side wins:'
        ' "e" attacks "f" (objection "oef"); "f" attacks "e" (objection "ofe")',
    ),
    (
        "undecided support loop with undecided support from outside",
        "a",
        'its support, reason "r_ab", is undecided, in a circle of attacks that no side wins:'
        ' "e" attacks "f" (objection "oef"); "f" attacks "e" (objection "ofe")',
    ),
    (
        "defeated conceded objection",
        "t",
        'supported by the reason from "a"; objection "oc" against it fails',
    ),
    ("self-support", "a", 'its only reason fails: "a" is given as a reason for itself'),
    (
        "self-support",
        "t",
        'its only reason fails: premise "a" is OUT, because "a" is given as a reason for itself',
    ),
    (
        "statements without an id",
        "t",
        "defeated by the objection from the assumption on line 4, which stands",
    ),
    (
        "statements without an id",
        "objection#1",
        'stands: its premise, the assumption on line 4, is IN, so "t" is defeated',
    ),
    (
        "statements without an id",
        "reason#2",
        "its premise, the claim on line 5, is OUT, because the claim on line 5 has no support",
    ),
    (
        "self-defeat",
        "u",
        'its support, reason "r1", is undecided, in a circle of attacks that no side wins:'
        ' reason "r1" supports "u"; "u" attacks reason "r1" (objection "o1")',
    ),
    (
        "objection that undercuts itself",
        "o",
        'objection "o" against it is undecided, in a circle of attacks that no side wins:'
        ' objection "o" attacks itself',
    ),
    (
        "undecided attacker taints the target",
        "t",
        'objection "ot" against it is undecided, in a circle of attacks that no side wins:'
        ' "a" attacks "b" (objection "oa"); "b" attacks "a" (objection "ob")',
    ),
    ("outline form", "gloomy", 'defeated by the objection from "normal", which stands'),
    (
        "outline form",
        "objection#1",
        'premise "gloomy" is OUT, because the objection from "normal" defeats "gloomy"',
    ),
    (
        "conceded objection is outweighed",
        "t",
        'supported by reason "r"; objection "o" is conceded as outweighed',
    ),
    (
        "linked premises need all",
        "t",
        'its only reason fails: premise "p" is OUT, because "p" has no support',
    ),
]


@pytest.mark.parametrize(("vector", "id", "why"), EXPLANATIONS)
def test_explanation(vector: str, id: str, why: str) -> None:
    m = parse(VECTORS[vector][0])
    assert explain(m, label_map(m), id) == why


@pytest.mark.parametrize("name", VECTORS)
def test_every_element_is_explained(name: str) -> None:
    m = parse(VECTORS[name][0])
    why = explain_all(m, label_map(m))
    assert list(why) == [*m.statements, *m.reasons, *m.objections]
    assert all(text and "\n" not in text for text in why.values())


@pytest.mark.parametrize("name", VECTORS)
def test_an_explanation_asked_for_alone_reads_as_among_all(name: str) -> None:
    m = parse(VECTORS[name][0])
    labelling = label_map(m)
    every = explain_all(m, labelling)
    for id in reversed(every):  # the last first: the explanations before it are worked out
        assert Explanations(m, labelling)[id] == every[id]
    asked = Explanations(m, labelling)
    assert [asked[id] for id in reversed(every)] == list(reversed(every.values()))


# -- random maps (§7.4) ------------------------------------------------------------------


@st.composite
def small_maps(draw: st.DrawFn) -> ArgumentMap:
    """2–6 statements (basis with probability 0.35), 1–6 reasons with 1–2 premises other
    than the target (rarely including it), 0–4 objections with 1–2 premises aimed at any
    element so far (itself included): semantics.md §7.4, plus self-support and self-attack."""
    n = draw(st.integers(2, 6))
    names = [f"s{k}" for k in range(n)]
    statements = {
        s: Statement(
            s,
            StatementKind.EVIDENCE if draw(st.integers(0, 99)) < 35 else StatementKind.CLAIM,
            s,
            SPAN,
        )
        for s in names
    }
    reasons = {}
    for k in range(draw(st.integers(1, 6))):
        target = draw(st.sampled_from(names))
        self_support = draw(st.integers(0, 19)) == 0  # rarely, a reason for its own premise
        pool = names if self_support else [s for s in names if s != target]
        premises = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=2, unique=True))
        reasons[f"r{k}"] = Reason(f"r{k}", tuple(premises), target, SPAN)
    objections: dict[str, Objection] = {}
    for k in range(draw(st.integers(0, 4))):
        id = f"o{k}"
        target = draw(st.sampled_from([*names, *reasons, *objections, id]))
        premises = draw(st.lists(st.sampled_from(names), min_size=1, max_size=2, unique=True))
        conceded = draw(st.integers(0, 5)) == 0
        objections[id] = Objection(id, tuple(premises), target, SPAN, conceded=conceded)
    return ArgumentMap(
        "generated.arg", statements=statements, reasons=reasons, objections=objections
    )


def _labels(labelling: Labelling) -> dict[str, Label]:
    return {**labelling.statements, **labelling.inferences}


@settings(max_examples=1000, deadline=None)
@given(small_maps())
def test_well_founded_model_equals_argument_level_grounded_labels(m: ArgumentMap) -> None:
    assert _labels(label_map(m)) == oracle_labels(m)


@settings(max_examples=300, deadline=None)
@given(small_maps())
def test_labelling_is_complete(m: ArgumentMap) -> None:
    """IN ⇔ supported by IN and every attacker OUT; OUT ⇔ an IN attacker or every support OUT
    (conceded objections attack nothing)."""
    label = label_map(m).__getitem__
    index = index_map(m)
    for x in [*m.statements, *m.reasons, *m.objections]:
        attackers = [label(a) for a in index.attackers_of(x) if not m.objections[a].conceded]
        if x in m.statements:
            support = [label(r) for r in index.reasons_of(x)]
            if m.statements[x].is_basis:
                support.append(IN)
            supported, unsupported = IN in support, all(s is OUT for s in support)
        else:
            premises = [label(p) for p in m.inference(x).premises]  # type: ignore[union-attr]
            supported, unsupported = all(p is IN for p in premises), OUT in premises
        assert (label(x) is IN) == (supported and all(a is OUT for a in attackers)), x
        assert (label(x) is OUT) == (IN in attackers or unsupported), x


@settings(max_examples=300, deadline=None)
@given(small_maps())
def test_what_is_founded_in_the_whole_map_is_the_grounded_support(m: ArgumentMap) -> None:
    everything = [*m.statements, *m.reasons, *m.objections]
    least = founded(Program.of(m, index_map(m)), everything, {})
    assert least.keys() & set(m.statements) == analyze(m).grounded


@settings(max_examples=200, deadline=None)
@given(small_maps(), st.randoms(use_true_random=False))
def test_labels_do_not_depend_on_declaration_order(m: ArgumentMap, rng: random.Random) -> None:
    def shuffled(mapping: Mapping[str, V]) -> dict[str, V]:
        items = list(mapping.items())
        rng.shuffle(items)
        return dict(items)

    reordered = ArgumentMap(
        m.path,
        statements=shuffled(m.statements),
        reasons=shuffled(m.reasons),
        objections=shuffled(m.objections),
    )
    assert _labels(label_map(reordered)) == _labels(label_map(m))
    assert label_map(m) == label_map(m)
    assert explain_all(m, label_map(m)) == explain_all(m, label_map(m))


def _framework(m: ArgumentMap) -> tuple[list[Argument], dict[Argument, list[Argument]]]:
    """The oracle's argument-level framework: its arguments and their attackers."""
    framework = build_framework(m)
    arguments = sorted(framework.arguments, key=repr)
    attackers = {y: [x for x in framework.objections if attacks(m, x, y)] for y in arguments}
    return arguments, attackers


def _grounded_names(m: ArgumentMap) -> tuple[dict[Argument, str], set[str]]:
    arguments, attackers = _framework(m)
    names = {a: f"a{k}" for k, a in enumerate(arguments)}
    accepted = {names[a] for a, label in grounded(arguments, attackers).items() if label is IN}
    return names, accepted


@settings(max_examples=200, deadline=None)
@given(small_maps())
def test_oracle_grounded_step_matches_formal_argumentation(m: ArgumentMap) -> None:
    dung: Any = pytest.importorskip("argumentation.core.dung")
    arguments, attackers = _framework(m)
    names, ours = _grounded_names(m)
    defeats = frozenset((names[x], names[y]) for y in arguments for x in attackers[y])
    framework = dung.ArgumentationFramework(frozenset(names.values()), defeats)
    assert dung.grounded_extension(framework) == ours


@settings(max_examples=100, deadline=None)
@given(small_maps())
def test_oracle_grounded_step_matches_python_argumentation(m: ArgumentMap) -> None:
    # An optional oracle without type information: its modules are used as ``Any``.
    classes = "py_arg.abstract_argumentation_classes"
    framework_module: Any = pytest.importorskip(f"{classes}.abstract_argumentation_framework")
    argument_module: Any = pytest.importorskip(f"{classes}.argument")
    defeat_module: Any = pytest.importorskip(f"{classes}.defeat")
    semantics: Any = pytest.importorskip("py_arg.algorithms.semantics.get_grounded_extension")

    arguments, attackers = _framework(m)
    names, ours = _grounded_names(m)
    theirs = {a: argument_module.Argument(names[a]) for a in arguments}
    defeats = [defeat_module.Defeat(theirs[x], theirs[y]) for y in arguments for x in attackers[y]]
    framework = framework_module.AbstractArgumentationFramework(
        "map", list(theirs.values()), defeats
    )
    assert {a.name for a in semantics.get_grounded_extension(framework)} == ours


# -- size and depth ------------------------------------------------------------------------

CHAIN = 20_000


def _chain_map(*, attack: bool) -> ArgumentMap:
    """A 20 000-long premise chain from one piece of evidence, or a 20 000-long chain of
    objections, each attacking the next one's premise."""
    statements = {"s0": Statement("s0", StatementKind.EVIDENCE, "s0", SPAN)}
    reasons: dict[str, Reason] = {}
    objections: dict[str, Objection] = {}
    for k in range(1, CHAIN):
        kind = StatementKind.EVIDENCE if attack else StatementKind.CLAIM
        statements[f"s{k}"] = Statement(f"s{k}", kind, f"s{k}", SPAN)
        if attack:
            objections[f"o{k}"] = Objection(f"o{k}", (f"s{k - 1}",), f"s{k}", SPAN)
        else:
            reasons[f"r{k}"] = Reason(f"r{k}", (f"s{k - 1}",), f"s{k}", SPAN)
    return ArgumentMap("chain.arg", statements=statements, reasons=reasons, objections=objections)


def test_long_support_chain() -> None:
    m = _chain_map(attack=False)
    labelling = label_map(m)
    assert set(labelling.statements.values()) == {IN}
    assert explain(m, labelling, f"s{CHAIN - 1}") == f'supported by reason "r{CHAIN - 1}"'


def test_long_unsupported_chain_is_explained_from_its_origin() -> None:
    statements = {f"s{k}": Statement(f"s{k}", StatementKind.CLAIM, "", SPAN) for k in range(CHAIN)}
    reasons = {f"r{k}": Reason(f"r{k}", (f"s{k - 1}",), f"s{k}", SPAN) for k in range(1, CHAIN)}
    m = ArgumentMap("chain.arg", statements=statements, reasons=reasons)
    why = explain_all(m, label_map(m))
    assert why[f"s{CHAIN - 1}"] == (
        f'its only reason fails: premise "s{CHAIN - 2}" is OUT, ultimately because "s0" has'
        " no support"
    )


def test_long_rebuttal_chain_alternates() -> None:
    """Each statement is defeated exactly when its attacker's premise stands: IN, OUT, IN…
    (a solver that needed one round per link would take hours here)."""
    m = _chain_map(attack=True)
    labelling = label_map(m)
    assert all(labelling[f"s{k}"] is (IN if k % 2 == 0 else OUT) for k in range(CHAIN))
    assert len(explain_all(m, labelling)) == 2 * CHAIN - 1


def test_long_support_loop() -> None:
    """A 20 000-long circle of support with an undercut on one step: all OUT."""
    statements = {f"s{k}": Statement(f"s{k}", StatementKind.CLAIM, "", SPAN) for k in range(CHAIN)}
    statements["x"] = Statement("x", StatementKind.EVIDENCE, "", SPAN)
    reasons = {
        f"r{k}": Reason(f"r{k}", (f"s{k}",), f"s{(k + 1) % CHAIN}", SPAN) for k in range(CHAIN)
    }
    objections = {"o": Objection("o", ("x",), "r0", SPAN)}
    m = ArgumentMap("loop.arg", statements=statements, reasons=reasons, objections=objections)
    labelling = label_map(m)
    assert {labelling[s] for s in statements if s != "x"} == {OUT}
    assert "circular support" in explain(m, labelling, "s5")


LONG = 50_001


def _best_time(m: ArgumentMap) -> float:
    """The faster of two labellings of ``m``, in seconds (the slower one caught other work)."""
    times = []
    for _ in range(2):
        start = time.perf_counter()
        label_map(m)
        times.append(time.perf_counter() - start)
    return min(times)


def test_a_long_attack_cycle_labels_in_about_the_time_of_a_chain() -> None:
    """An attack cycle through an unsupported thesis (c0 unsupported, c1 … c50000 evidence,
    each attacking the next): the alternating fixpoint needed about 25 000 rounds here."""
    statements = {"c0": Statement("c0", StatementKind.THESIS, "C0.", SPAN)}
    statements.update(
        (f"c{k}", Statement(f"c{k}", StatementKind.EVIDENCE, "", SPAN)) for k in range(1, LONG)
    )
    objections = {
        f"o{k}": Objection(f"o{k}", (f"c{k}",), f"c{(k + 1) % LONG}", SPAN) for k in range(LONG)
    }
    cycle = ArgumentMap("cycle.arg", statements=statements, objections=objections)
    labelling = label_map(cycle)
    assert all(labelling[f"c{k}"] is (IN if k % 2 else OUT) for k in range(LONG))
    chain = ArgumentMap(
        "chain.arg",
        statements={
            f"s{k}": Statement(
                f"s{k}", StatementKind.CLAIM if k else StatementKind.EVIDENCE, "", SPAN
            )
            for k in range(LONG)
        },
        reasons={f"r{k}": Reason(f"r{k}", (f"s{k - 1}",), f"s{k}", SPAN) for k in range(1, LONG)},
    )
    assert _best_time(cycle) < 4 * _best_time(chain)


LOOP_ON_S = 'claim bs: "BS."\nreason rbs: s -> bs\nreason rsb: bs -> s\n'
"""A support loop through the relay's head ``s``: it keeps ``s`` open after its last outside
reason fails, so only an unfounded-set step that follows sources can find it unfounded."""


@pytest.mark.parametrize(
    "text",
    [knot(13), knot(21), relay(30), relay(30) + LOOP_ON_S, relay(40) + LOOP_ON_S],
    ids=["knot-3", "knot-5", "relay-30", "relay-30-loop", "relay-40-loop"],
)
def test_many_unfounded_set_steps_agree_with_the_oracle(text: str) -> None:
    """Maps that need one unfounded-set step after another (bench/labelling.py)."""
    m = parse(text)
    assert _labels(label_map(m)) == oracle_labels(m)


@given(small_maps(), st.data())
def test_explanations_asked_for_in_any_order_read_as_explain_all(
    m: ArgumentMap, data: st.DataObject
) -> None:
    labelling = label_map(m)
    every = explain_all(m, labelling)
    order = data.draw(st.permutations(list(every)))
    asked = Explanations(m, labelling)
    assert {id: asked[id] for id in order} == every


_NAMED_SUPPORT = re.compile(r'^(?:supported by|its support,) reason "(r\d+)"')
_NAMED_CAUSE = re.compile(
    r'^(?:objection "(o\d+)" against it|its support, reason "(r\d+)",|premise "(s\d+)") is'
    " undecided"
)
_CIRCLE = ", in a circle of attacks that no side wins: "


@settings(max_examples=500, deadline=None)
@given(small_maps())
def test_the_support_an_explanation_names_does_not_go_round_in_a_circle(m: ArgumentMap) -> None:
    """Following down the reason that the why of each IN or UNDEC claim names, through that
    reason's premises, never comes back to the claim: the reasons named make support trees."""
    why = explain_all(m, label_map(m))
    below: dict[str, tuple[str, ...]] = {}
    for s in m.statements:
        named = _NAMED_SUPPORT.match(why[s])
        below[s] = m.reasons[named.group(1)].premises if named else ()
    for component in strongly_connected(list(below), below):
        assert len(component) == 1 and component[0] not in below[component[0]], component


@settings(max_examples=500, deadline=None)
@given(small_maps())
def test_an_undecided_element_names_the_circle_behind_what_it_names(m: ArgumentMap) -> None:
    """The circle of attacks in the why of an UNDEC element is the one in the why of the
    objection, reason or premise that it names as undecided."""
    why = explain_all(m, label_map(m))
    for x, text in why.items():
        named = _NAMED_CAUSE.match(text)
        if named is None:
            continue
        cause = next(group for group in named.groups() if group)
        if "more steps" not in text:  # a long circle is cut short where it is entered
            assert _circle_steps(text) == _circle_steps(why[cause]), (x, cause)


def _circle_steps(why: str) -> set[str]:
    """The steps of the circle an UNDEC element's why tells (in any order)."""
    return set(why.split(_CIRCLE)[1].split("; "))
