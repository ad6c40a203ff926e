"""The DOT builder without Graphviz: structure, visual language, findings, focus, options,
determinism and scale. DOT is read back with render_oracle.parse_dot."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis import analyze
from argmap.analysis.labelling import label_map
from argmap.model import ArgumentMap, Group, Label, Place, Reason, Statement, StatementKind
from argmap.reader import read_text
from argmap.render import Findings, RenderOptions, find, focus_problem, parse_attribute, to_digraph
from argmap.render.attributes import OWN_ATTRIBUTES, USED_BY, attribute_problem
from argmap.render.escape import visible_text
from argmap.render.labels import source_key, statement_lines
from argmap.render.legend import legend_findings, legend_map
from argmap.render.styles import (
    Role,
    conclusion_style,
    junction_style,
    premise_style,
    statement_style,
)
from argmap.render.themes import THEMES
from argmap.render.wrap import display_width
from tests.conftest import ROOT
from tests.render_oracle import Dot, expected_edges, node_names, parse_dot

EXAMPLES = sorted((ROOT / "maps" / "examples").glob("*.arg"))
FEATURES = ROOT / "tests" / "golden" / "fixtures" / "features.arg"
SYNTHETIC = re.compile(r"(legend_)?[sro][1-9][0-9]*")


def read(text: str) -> ArgumentMap:
    result = read_text(text, "test.arg")
    assert result.ok, result.diagnostics
    return result.map


def load(path: Path) -> ArgumentMap:
    return read(path.read_text(encoding="utf-8"))


def draw(m: ArgumentMap, findings: Findings | None = None, **options: object) -> Dot:
    return parse_dot(to_digraph(m, findings, RenderOptions(**options)).source)  # type: ignore[arg-type]


def user_ids(dot: Dot) -> dict[str, str]:
    """Node name -> the user id it draws, from the tooltip's first line ("kind id")."""
    return {
        name: attrs["tooltip"].split("\\n")[0].split(" ", 1)[1]
        for name, attrs in dot.nodes.items()
        if "statement" in attrs["class"]
    }


# ---- structure ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [*EXAMPLES, FEATURES], ids=lambda p: p.stem)
def test_every_element_is_drawn_with_its_edges(path: Path) -> None:
    m = load(path)
    dot = draw(m, find(m))
    statements = [n for n, a in dot.nodes.items() if "statement" in a["class"]]
    junctions = [n for n, a in dot.nodes.items() if "inference" in a["class"]]
    assert len(statements) == len(m.statements)
    assert len(junctions) == len(m.reasons) + len(m.objections)
    assert all(SYNTHETIC.fullmatch(n) for n in dot.nodes)
    assert dot.edge_set() == expected_edges(m)
    assert sorted(user_ids(dot).values()) == sorted(m.statements)


def test_node_names_never_come_from_user_ids() -> None:
    m = read(
        'thesis node: "N"\n  + graph: "G"\n  & edge: "E"\n  - subgraph: "S"\n'
        'claim strict: "X"\nclaim digraph: "D"\nreason: strict & digraph -> graph\n'
        'claim отношения: "R"\nreason: отношения -> edge\n'
    )
    dot = draw(m)
    assert all(SYNTHETIC.fullmatch(n) for n in dot.nodes)
    assert sorted(user_ids(dot).values()) == sorted(m.statements)


def test_statements_are_numbered_in_source_order() -> None:
    m = read('claim b: "B"\nthesis a: "A"\n  + c: "C"\nreason: b -> c\n')
    dot = draw(m)
    assert user_ids(dot) == {"s1": "b", "s2": "a", "s3": "c"}
    assert list(dot.nodes)[:3] == ["s1", "s2", "r1"]


def test_linked_premises_meet_at_one_junction_independent_reasons_do_not() -> None:
    m = load(ROOT / "maps" / "examples" / "linked.arg")
    dot = draw(m)
    thesis = next(n for n, a in dot.nodes.items() if "thesis" in a["class"])
    into_thesis = [a for a, b, _ in dot.edges if b == thesis]
    fan_in = sorted(sum(1 for _, b, _ in dot.edges if b == j) for j in into_thesis)
    assert fan_in == [1, 2]  # one reason with two linked premises, one with a single premise
    premise_heads = {attrs["arrowhead"] for a, b, attrs in dot.edges if "premise" in attrs["class"]}
    assert premise_heads == {"none"}


def test_roles_rebuttal_and_undercut() -> None:
    dot = draw(load(ROOT / "maps" / "examples" / "outline.arg"))
    roles = Counter(a["class"] for a in dot.nodes.values() if "inference" in a["class"])
    assert roles == {"inference support": 3, "inference objection": 1, "inference rebuttal": 1}
    flat = draw(load(ROOT / "maps" / "examples" / "flat.arg"))
    undercuts = [
        (a, b) for a, b, attrs in flat.edges if "conclusion" in attrs["class"] and b[0] in "ro"
    ]
    assert [b[0] for _, b in undercuts] == ["r", "o"]  # o_width undercuts r_safe; it is undercut


def test_groups_are_nested_clusters_and_empty_groups_are_left_out() -> None:
    assert draw(load(FEATURES)).parent_of == {}  # drawn as boxes only with --groups box
    dot = draw(load(FEATURES), groups="box")
    assert dot.parent_of == {"cluster_g1": None, "cluster_g2": "cluster_g1"}
    names = {v: k for k, v in user_ids(dot).items()}
    assert dot.cluster_of[names["t"]] == "cluster_g1"
    assert dot.cluster_of[names["quoted"]] == "cluster_g2"
    assert dot.cluster_of[names["doubt"]] is None
    m = read('group empty "Nothing here"\nthesis t: "T"\n')
    assert draw(m, groups="box").parent_of == {}


def test_deeply_nested_groups_and_long_chains_need_no_recursion() -> None:
    span = Place(1, 1, 1, 2)
    groups = {
        f"g{i}": Group(f"g{i}", f"G{i}", span, f"g{i - 1}" if i else None) for i in range(1500)
    }
    statements = {
        f"c{i}": Statement(
            f"c{i}",
            StatementKind.CLAIM,
            f"C{i}",
            Place(i + 1, 1, i + 1, 2),
            group=f"g{i % 1500}",
        )
        for i in range(2000)
    }
    reasons = {
        f"r{i}": Reason(f"r{i}", (f"c{i + 1}",), f"c{i}", Place(i + 1, 5, i + 1, 6))
        for i in range(1999)
    }
    m = ArgumentMap("x", groups=groups, statements=statements, reasons=reasons)
    dot = draw(m, groups="box")
    assert len(dot.nodes) == 2000 + 1999
    assert len(dot.parent_of) == 1500
    assert dot.parent_of["cluster_g1500"] == "cluster_g1499"


# ---- text -----------------------------------------------------------------------------------


def test_statement_label_parts_brief() -> None:
    dot = draw(load(FEATURES))
    names = {v: k for k, v in user_ids(dot).items()}
    assert dot.label(names["quoted"]) == [
        "because · evidence",
        "A fact the column states",
        "twice.",
        "“quoted” ×2 from The column ·",
        "by the columnist",
    ]
    tooltip = dot.nodes[names["quoted"]]["tooltip"].split("\\n")
    assert tooltip[:2] == ["evidence quoted", "A fact the column states twice."]
    assert "according to the columnist" in tooltip and "note: A note for readers." in tooltip


def test_statement_label_parts_in_full() -> None:
    dot = draw(load(FEATURES), detail="full")
    names = {v: k for k, v in user_ids(dot).items()}
    assert dot.label(names["quoted"]) == [
        "EVIDENCE · quoted",
        "A fact the column states",
        "twice.",
        "“the first time it says so”",
        "— The column (+1 more quote)",
        "according to the columnist",
    ]
    assert dot.label(names["cited"])[-2:] == ["— Annual report 2012, p. 14,", "table 3"]
    tooltip = dot.nodes[names["quoted"]]["tooltip"]
    assert "note: A note for readers." in tooltip and "tags: alpha beta" in tooltip


MINUTES = "Minutes of the Riverside Town Council"
SOURCES = [
    # title, id, quotes, locator; the lines saying where the evidence comes from; the key
    ("The column", "col", 1, None, ["— The column"], False),
    ("The column", "col", 2, None, ["— The column (+1 more quote)"], False),
    (MINUTES, "minutes", 3, None, ["— minutes (+2 more quotes)"], True),
    (
        "A title of twenty-five ch",
        "t",
        2,
        None,
        ["— A title of twenty-five ch", "(+1 more quote)"],
        False,
    ),
    (MINUTES, "minutes", 0, "p. 3", ["— minutes, p. 3"], True),
    (None, "annual_report", 2, None, ["— annual_report", "(+1 more quote)"], False),
    (MINUTES, "a_source_id_longer_than_its_title", 1, None, ["— Minutes of the Riverside…"], False),
]


@pytest.mark.parametrize(("title", "id", "quotes", "locator", "expected", "keyed"), SOURCES)
def test_evidence_names_its_source_on_one_line(
    title: str | None, id: str, quotes: int, locator: str | None, expected: list[str], keyed: bool
) -> None:
    lines = [f'source {id} "{title}"\n' if title else f"source {id}\n", 'evidence e: "E"\n']
    lines += [f'  quote {id} "words {n}"\n' for n in range(quotes)]
    lines += [f'  cite {id} "{locator}"\n'] if locator else []
    m = read("".join(lines))
    assert statement_lines(m.statements["e"], m, width=30)[-len(expected) :] == expected
    key = source_key(m, m.statements.values(), width=30)
    assert key == ([f"— {id}: {title}"] if keyed else [])
    assert draw(m, detail="full").graph.get("label", "") == "\\n".join(key)
    assert "label" not in draw(m).graph  # one source: a brief box does not name it


@settings(max_examples=200, deadline=None)
@given(
    title=st.text(st.sampled_from("ab ー"), max_size=60),
    id=st.from_regex(r"src_[a-z_]{0,40}", fullmatch=True),
    quotes=st.integers(1, 12),
    width=st.integers(8, 60),
)
def test_the_source_line_fits_and_the_quote_count_stays_whole(
    title: str, id: str, quotes: int, width: int
) -> None:
    header = f'source {id} "{title}"\n' if title.strip() else f"source {id}\n"
    body = "".join(f'  quote {id} "w{n}"\n' for n in range(quotes))
    m = read(f'{header}evidence e: "E"\n{body}')
    label = statement_lines(m.statements["e"], m, width=width)
    count = f"(+{quotes - 1} more quote{'s' if quotes > 2 else ''})"
    origin = label[label.index("“w0”") + 1 :]
    assert origin[0].startswith("—") and all(display_width(line) <= width for line in origin)
    if quotes > 1 and display_width(count) <= width:
        assert origin[-1].endswith(count)


def test_inference_captions() -> None:
    m = load(FEATURES)
    full = draw(m, find(m), detail="full")
    captions = {a.get("label") for _, _, a in full.edges if "conclusion" in a["class"]}
    assert {"r_main\\n“expert opinion”", "o_open\\nUNANSWERED", "conceded", "undercut"} <= captions
    brief = draw(m, find(m))
    captions = {a.get("label") for _, _, a in brief.edges if "conclusion" in a["class"]}
    assert {"“expert opinion”", "UNANSWERED", "conceded"} <= captions
    assert not any("r_main" in (c or "") or "o_open" in (c or "") for c in captions)


def test_title_is_drawn_and_a_raw_label_replaces_it() -> None:
    m = load(FEATURES)
    assert draw(m).graph["label"] == "Drawing features"
    assert draw(m, graph_attrs=(("label", "Mine"),)).graph["label"] == "Mine"


def _arg_string(text: str) -> str:
    """A text as a .arg string literal: every character outside printable ASCII escaped."""

    def escape(char: str) -> str:
        if char in '"\\':
            return "\\" + char
        if " " <= char <= "~":
            return char
        return f"\\U{ord(char):08x}"

    return '"' + "".join(escape(c) for c in text) + '"'


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(min_size=1), min_size=1, max_size=5), st.data())
def test_any_text_reaches_the_label_intact(texts: list[str], data: st.DataObject) -> None:
    lines = [f"claim s{i}: {_arg_string(t)}" for i, t in enumerate(texts)]
    reasons = data.draw(
        st.lists(
            st.tuples(st.integers(0, len(texts) - 1), st.integers(0, len(texts) - 1)), max_size=6
        )
    )
    lines += [f"reason: s{a} -> s{b}" for a, b in reasons]
    m = read("\n".join(lines) + "\n")
    for detail in ("brief", "full"):
        dot = draw(m, find(m), detail=detail)
        ids = {v: k for k, v in user_ids(dot).items()}
        for i, text in enumerate(texts):
            label = dot.label(ids[f"s{i}"])
            if detail == "full":
                assert label[0] == f"CLAIM · s{i}"
            shown = "".join("".join(line.split()) for line in label[1:] if line != "UNSUPPORTED")
            assert shown == "".join(visible_text(text).split())
        assert len(dot.edges) == 2 * len(reasons)


# ---- findings -----------------------------------------------------------------------------


def test_unsupported_and_unanswered_are_marked_as_the_checker_says() -> None:
    m = load(FEATURES)
    analysis = analyze(m)
    dot = draw(m, find(m))
    ids = user_ids(dot)
    marked = [n for n, a in dot.nodes.items() if "unsupported" in a["class"].split()]
    assert {ids[n] for n in marked} == analysis.unsupported and marked
    for name in marked:
        assert "UNSUPPORTED" in dot.label(name)
        assert float(dot.nodes[name]["penwidth"]) > 3  # a non-colour cue besides the word
    unanswered = [a for _, _, a in dot.edges if "unanswered" in a["class"].split()]
    assert len(unanswered) == len(analysis.unanswered) == 1
    assert "UNANSWERED" in unanswered[0]["label"]


def test_no_check_draws_the_bare_map() -> None:
    m = load(FEATURES)
    source = to_digraph(m, find(m, check=False)).source
    assert "UNSUPPORTED" not in source and "UNANSWERED" not in source
    assert "unsupported" not in source and "unanswered" not in source


def test_evaluate_marks_status_in_words_and_grey_not_in_colour() -> None:
    m = load(FEATURES)
    labels = label_map(m).statements
    findings = find(m, evaluate=True)
    faded = THEMES["default"].faded
    for detail in ("brief", "full"):
        dot = draw(m, findings, detail=detail)
        for name, id in user_ids(dot).items():
            label, attrs, last = labels[id], dot.nodes[name], dot.label(name)[-1]
            assert label.value.lower() in attrs["class"].split()
            out = label is Label.OUT
            assert (attrs.get("fontcolor") == faded) == out
            if out:
                cause = "defeated" if id in findings.defeated else "unsupported"
                assert last == f"OUT: {cause}"
            elif detail == "full":
                assert last == "IN: holds"
            else:
                assert not last.startswith(("IN", "OUT", "UNDEC"))  # all is well: no word
    assert set(labels.values()) == {Label.IN, Label.OUT}
    failed = {name for id, name in node_names(m).items() if id in findings.failed}
    assert failed
    for junction, _, attrs in dot.edges:
        if "conclusion" in attrs["class"] and "conceded" not in attrs["class"]:
            assert (attrs["color"] == faded) == (junction in failed), attrs
            assert ("out" in attrs["class"].split()) == (junction in failed)


def test_out_says_whether_it_is_defeated_or_unsupported() -> None:
    m = read(
        'thesis t: "T"\n  + c: "C"\n    + evidence e: "E"\n  + u: "U"\n'
        'evidence f: "F"\nobjection d: f -> c\n'
    )
    findings = find(m, evaluate=True)
    dot = draw(m, findings)
    ids = {v: k for k, v in user_ids(dot).items()}
    assert dot.label(ids["c"])[-1] == "OUT: defeated"
    assert dot.label(ids["u"])[-1] == "OUT: unsupported"
    tooltip = dot.nodes[ids["c"]]["tooltip"]
    assert f"OUT: defeated — {findings.why['c']}" in tooltip.replace("\\\\", "\\")


# ---- the visual language -----------------------------------------------------------------


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_kinds_and_roles_differ_without_colour(theme: str) -> None:
    t = THEMES[theme]
    shapes = {
        kind: tuple(
            statement_style(kind, t, unsupported=False, label=None).get(k)
            for k in ("shape", "style", "peripheries")
        )
        for kind in StatementKind
    }
    assert len(set(shapes.values())) == len(StatementKind)
    lines = {
        role: (
            premise_style(role, t)["style"],
            conclusion_style(role, t, conceded=False, unanswered=False)["arrowhead"],
        )
        for role in Role
    }
    assert len(set(lines.values())) == len(Role)
    assert junction_style(Role.SUPPORT, t)["shape"] != junction_style(Role.OBJECTION, t)["shape"]


def test_print_theme_is_greyscale() -> None:
    m = load(FEATURES)
    source = to_digraph(
        m, find(m, evaluate=True), RenderOptions(theme=THEMES["print"], legend=True)
    ).source
    for colour in re.findall(r"#([0-9a-fA-F]{6})", source):
        r, g, b = colour[:2], colour[2:4], colour[4:]
        assert r == g == b, f"#{colour} is not grey"


def test_a_large_map_is_never_shrunk_to_a_page() -> None:
    dot = draw(load(FEATURES))
    assert not {"size", "ratio", "page"} & set(dot.graph)


def test_rankdir_and_raw_attributes() -> None:
    m = load(FEATURES)
    dot = draw(
        m, rankdir="LR", node_attrs=(("fontname", "Courier"),), edge_attrs=(("arrowsize", "2"),)
    )
    assert dot.graph["rankdir"] == "LR"
    source = to_digraph(m, None, RenderOptions(node_attrs=(("fontname", 'Cou"rier'),))).source
    assert 'node [color="#222222" fontcolor="#222222" fontname="Cou\\"rier"' in source


def test_raw_node_and_edge_attributes_override_argmap_s_style() -> None:
    m = load(FEATURES)
    dot = draw(
        m,
        find(m, evaluate=True),
        node_attrs=(("shape", "ellipse"), ("fillcolor", "white"), ("label", "X"), ("id", "i")),
        edge_attrs=(("color", "black"), ("class", "c"), ("label", "L")),
    )
    plain = draw(m, find(m, evaluate=True))
    for name, attrs in dot.nodes.items():
        if "statement" in attrs["class"]:
            assert (attrs["shape"], attrs["fillcolor"]) == ("ellipse", "white")
            assert dot.label(name) == plain.label(name) and attrs["id"] == name
        else:  # the junctions where premises meet keep their marks
            assert attrs == plain.nodes[name]
    assert {attrs["color"] for _, _, attrs in dot.edges} == {"black"}
    assert [a["class"] for _, _, a in dot.edges] == [a["class"] for _, _, a in plain.edges]
    assert [a.get("label") for _, _, a in dot.edges] == [a.get("label") for _, _, a in plain.edges]


def test_raw_values_that_would_break_dot_are_refused_however_they_come() -> None:
    with pytest.raises(ValueError, match="cannot end with a backslash"):
        RenderOptions(node_attrs=(("color", "red\\"),))
    with pytest.raises(ValueError, match="is not a Graphviz attribute name"):
        RenderOptions(edge_attrs=(("a b", "1"),))


ATTRIBUTES = [
    ("rankdir=LR", ("rankdir", "LR")),
    ("label=a=b", ("label", "a=b")),
    ("label=", ("label", "")),
    ("label=ends\\\\", ("label", "ends\\\\")),
]


def test_attribute_problems_follow_graphviz_s_table() -> None:
    options = {"-G": "G", "-N": "N", "-E": "E"}
    for name, used_by in USED_BY.items():
        assert parse_attribute(f"{name}=1") == (name, "1")
        for option, letter in options.items():
            silent = letter in used_by and not (option == "-N" and name in OWN_ATTRIBUTES)
            assert (attribute_problem(option, name) is None) == silent, (option, name)


@pytest.mark.parametrize(("text", "expected"), ATTRIBUTES)
def test_parse_attribute(text: str, expected: tuple[str, str]) -> None:
    assert parse_attribute(text) == expected


BAD_ATTRIBUTES = [
    ("rankdir", "not of the form name=value"),
    ("1x=2", "is not a Graphviz attribute name"),
    ("a b=2", "is not a Graphviz attribute name"),
    ("label=x\\", "cannot end with a backslash"),
]


@pytest.mark.parametrize(("text", "message"), BAD_ATTRIBUTES)
def test_parse_attribute_rejects(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_attribute(text)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"rankdir": "XY"}, "rankdir must be one of"),
        ({"width": 3}, "at least 8"),
        ({"depth": -1}, "0 or more"),
    ],
)
def test_options_are_validated(options: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        RenderOptions(**options)  # type: ignore[arg-type]


# ---- legend ---------------------------------------------------------------------------------


def test_legend_marks_are_what_the_checker_and_the_labelling_find_in_it() -> None:
    m = legend_map(check=True, evaluate=True)
    analysis = analyze(m)
    marks = legend_findings(check=True, evaluate=True)
    assert marks.unsupported == analysis.unsupported == {"n"}
    assert marks.labels == label_map(m).statements
    assert {s for s, label in marks.labels.items() if label is Label.OUT} == {"x", "n"}


@pytest.mark.parametrize("check", [True, False])
@pytest.mark.parametrize("evaluate", [True, False])
def test_legend_shows_each_role_and_the_marks_the_map_can_show(check: bool, evaluate: bool) -> None:
    m = load(FEATURES)
    dot = draw(m, find(m, check=check, evaluate=evaluate), legend=True)
    legend = [n for n, c in dot.cluster_of.items() if c == "cluster_legend_"]
    boxes = [n for n in legend if "statement" in dot.nodes[n]["class"]]
    headers = {dot.label(n)[0] for n in boxes}
    assert {"THESIS", "because · claim", "because · evidence", "but · assumption"} <= headers
    assert "however · evidence" in headers
    words = {line for n in boxes for line in dot.label(n)}
    assert ("UNSUPPORTED" in words or "OUT: unsupported" in words) == check
    assert ("OUT: defeated" in words) == evaluate
    roles = {
        dot.nodes[n]["class"].split()[1] for n in legend if "inference" in dot.nodes[n]["class"]
    }
    assert roles == {"support", "objection", "rebuttal"}
    assert dot.clusters["cluster_legend_"]["label"] == "Legend"


def test_legend_is_a_separate_cluster_with_its_own_names_and_the_map_s_styles() -> None:
    m = load(FEATURES)
    for theme in sorted(THEMES):
        dot = draw(m, find(m, check=False), legend=True, theme=THEMES[theme])
        legend = [n for n, c in dot.cluster_of.items() if c == "cluster_legend_"]
        assert legend and all(n.startswith("legend_") for n in legend)
        inside = {n for n, c in dot.cluster_of.items() if c == "cluster_legend_"}
        assert all(not n.startswith("legend_") for n in dot.cluster_of if n not in inside)
        styles = {
            n: {k: v for k, v in a.items() if k not in ("label", "id", "tooltip")}
            for n, a in dot.nodes.items()
        }
        thesis = [styles[n] for n in styles if "thesis" in dot.nodes[n]["class"]]
        assert len(thesis) == 2 and thesis[0] == thesis[1]  # the map's thesis and the key's


# ---- focus ---------------------------------------------------------------------------------

CHAIN = """\
thesis t: "T"
  + a: "A"
  & b: "B"
    + c: "C"
      + evidence d: "D"
  - o: "O"
claim far: "Far"
reason: far -> d
"""


@pytest.mark.parametrize(
    ("focus", "depth", "shown"),
    [
        ("t", 0, {"t"}),
        ("t", 1, {"t", "a", "b", "o"}),
        ("t", 2, {"t", "a", "b", "o", "c"}),
        ("c", 1, {"c", "b", "d"}),
        ("o", 1, {"o", "t"}),
        ("far", 1, {"far", "d"}),
    ],
)
def test_focus_draws_whole_inferences_within_depth(focus: str, depth: int, shown: set[str]) -> None:
    dot = draw(read(CHAIN), focus=focus, depth=depth)
    assert set(user_ids(dot).values()) == shown
    assert f"within {depth} step" in dot.graph["label"]


def test_focus_says_how_many_links_are_not_shown() -> None:
    dot = draw(read(CHAIN), focus="t", depth=1)
    names = {v: k for k, v in user_ids(dot).items()}
    assert dot.label(names["b"])[-1] == "(+1 link not shown)"
    assert "not shown" not in " ".join(dot.label(names["t"]))


def test_focus_on_an_inference() -> None:
    m = load(ROOT / "maps" / "examples" / "flat.arg")
    dot = draw(m, focus="o_width", depth=0)
    assert set(user_ids(dot).values()) == {"different", "millbrook", "safe"}


def test_focus_draws_an_undercut_inference_whole() -> None:
    m = load(ROOT / "maps" / "examples" / "flat.arg")
    dot = draw(m, focus="different", depth=1)
    assert set(user_ids(dot).values()) == {"different", "millbrook", "safe", "same_design"}


def test_focus_problem_suggests_a_close_id() -> None:
    m = read(CHAIN)
    assert focus_problem(m, "t") is None
    assert (
        focus_problem(m, "fra")
        == '--focus: the map has no statement, reason or objection "fra"; did you mean "far"?'
    )
    assert (
        focus_problem(m, "zzzz") == '--focus: the map has no statement, reason or objection "zzzz"'
    )


@pytest.mark.parametrize(
    ("depth", "shown", "marks"),
    [
        (0, {"t"}, {"t": "(+2 not shown below)"}),
        (1, {"t", "a", "b", "o"}, {"b": "(+1 not shown below)"}),
        (2, {"t", "a", "b", "o", "c"}, {"c": "(+1 not shown below)"}),
        (3, {"t", "a", "b", "o", "c", "d"}, {"d": "(+1 not shown below)"}),
    ],
)
def test_depth_draws_steps_below_the_thesis(
    depth: int, shown: set[str], marks: dict[str, str]
) -> None:
    dot = draw(read(CHAIN), depth=depth)
    names = {v: k for k, v in user_ids(dot).items()}
    assert set(names) == shown
    assert {id: dot.label(n)[-1] for id, n in names.items() if "below" in dot.label(n)[-1]} == marks
    assert f"{depth} step" in dot.graph["label"] and "below the thesis" in dot.graph["label"]


COLLAPSIBLE = """thesis t: "T"
  + c: "C"
    + evidence e1: "E1"
    + evidence e2: "E2"
    & evidence e3: "E3"
  + k: "K"
    + evidence shared: "Shared"
    + evidence attacked: "Attacked"
      - evidence doubt: "Doubt"
  + shared
"""


def test_collapse_folds_evidence_that_only_backs_a_claim() -> None:
    m = read(COLLAPSIBLE)
    dot = draw(m, collapse=("evidence",))
    names = {v: k for k, v in user_ids(dot).items()}
    # e1-e3 fold into c; "shared" is also a premise for t (folded too: it is evidence
    # alone); "attacked" is attacked, and the objection's premise has no claim to fold into
    assert set(names) == {"t", "c", "k", "attacked", "doubt"}
    assert dot.label(names["c"])[-1] == "(+3 pieces of evidence)"
    assert dot.label(names["k"])[-1] == "(+1 piece of evidence)"
    assert dot.label(names["t"])[-1] == "(+1 piece of evidence)"
    kept = {a for a, b, _ in dot.edges} | {b for _, b, _ in dot.edges}
    assert kept <= set(dot.nodes)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_overviews_draw_only_edges_between_drawn_nodes(data: st.DataObject) -> None:
    size = data.draw(st.integers(2, 8))
    kinds = data.draw(
        st.lists(st.sampled_from(["claim", "evidence"]), min_size=size, max_size=size)
    )
    lines = ['thesis s0: "S0"'] + [f'{k} s{i}: "S{i}"' for i, k in enumerate(kinds[1:], 1)]
    pairs = st.tuples(st.integers(0, size - 1), st.integers(0, size - 1))
    lines += [f"reason: s{a} -> s{b}" for a, b in data.draw(st.lists(pairs, max_size=10))]
    lines += [f"objection: s{a} -> s{b}" for a, b in data.draw(st.lists(pairs, max_size=4))]
    m = read("\n".join(lines) + "\n")
    depth = data.draw(st.none() | st.integers(0, 3))
    collapse = data.draw(st.sampled_from([(), ("evidence",)]))
    dot = draw(m, find(m, evaluate=True), depth=depth, collapse=collapse)
    for a, b, _ in dot.edges:
        assert a in dot.nodes and b in dot.nodes
    if depth is None and not collapse:
        assert len([n for n in dot.nodes if n.startswith("s")]) == size


# ---- determinism -----------------------------------------------------------------------------

_PROGRAM = """
import sys
from argmap.reader import read_text
from argmap.render import RenderOptions, find, to_digraph
m = read_text(open(sys.argv[1], encoding="utf-8").read(), "x").map
sys.stdout.write(to_digraph(m, find(m, evaluate=True), RenderOptions(legend=True)).source)
"""


def test_the_same_map_gives_byte_identical_dot_in_every_process() -> None:
    outputs = set()
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", _PROGRAM, str(FEATURES)],
            capture_output=True,
            env=env,
            check=True,
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1
    m = load(FEATURES)
    assert (
        outputs.pop().decode()
        == to_digraph(m, find(m, evaluate=True), RenderOptions(legend=True)).source
    )
