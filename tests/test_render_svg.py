"""Real renders with Graphviz (marker `dot`): SVG read back with an XML parser, PNG and PDF
checked by their bytes, and the adversarial corpus (tests/adversarial/*.arg) proving that no
text in a map can inject DOT or SVG markup: every user text arrives in the SVG as text."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from argmap.model import ArgumentMap, Statement
from argmap.reader import read_text
from argmap.render import RenderOptions, find, to_digraph
from argmap.render.engines import EngineError, draw
from argmap.render.escape import visible_text
from argmap.render.findings import Findings
from argmap.render.labels import (
    BRIEF_SOURCE,
    brief_caption,
    brief_lines,
    inference_caption,
    source_key,
    statement_lines,
    statement_tooltip,
    status_words,
)
from argmap.render.roles import inference_roles, premise_roles
from tests.conftest import ROOT
from tests.render_oracle import expected_edges, node_names, parse_dot

pytestmark = pytest.mark.dot

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
EXAMPLES = sorted((ROOT / "maps" / "examples").glob("*.arg"))
ADVERSARIAL = sorted((ROOT / "tests" / "adversarial").glob("*.arg"))
GRAPHVIZ_TAGS = {"svg", "g", "title", "polygon", "polyline", "path", "ellipse", "text", "a"}


def load(path: Path) -> ArgumentMap:
    result = read_text(path.read_text(encoding="utf-8"), str(path))
    assert result.ok, result.diagnostics
    return result.map


def svg_of(m: ArgumentMap, options: RenderOptions | None = None) -> tuple[ET.Element, str]:
    source = to_digraph(m, find(m, evaluate=True), options).source
    return ET.fromstring(draw(source, format="svg").data), source


def groups(root: ET.Element, kind: str) -> dict[str, ET.Element]:
    """SVG groups of one class (node, edge, cluster), by their <title>."""
    found = {}
    for g in root.iter(f"{SVG}g"):
        if kind in (g.get("class") or "").split():
            title = g.find(f"{SVG}title")
            assert title is not None
            found[title.text or ""] = g
    return found


def texts(g: ET.Element) -> list[str]:
    return [t.text or "" for t in g.iter(f"{SVG}text")]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_svg_has_one_node_per_element_and_the_expected_edges(path: Path) -> None:
    m = load(path)
    root, _ = svg_of(m)
    nodes = groups(root, "node")
    statements = [g for g in nodes.values() if "statement" in (g.get("class") or "")]
    assert len(statements) == len(m.statements)
    assert len(nodes) == len(m.statements) + len(m.reasons) + len(m.objections)
    edges = sorted(tuple(title.split("->")) for title in groups(root, "edge"))
    assert edges == expected_edges(m)


def _centre_y(g: ET.Element) -> float:
    """The vertical middle of a node: of its text lines, else of its outline (junctions)."""
    ys = [float(t.get("y", "0")) for t in g.iter(f"{SVG}text")]
    if ys:
        return (min(ys) + max(ys)) / 2
    ellipse = g.find(f".//{SVG}ellipse")
    if ellipse is not None:
        return float(ellipse.get("cy", "0"))
    polygon = g.find(f".//{SVG}polygon")
    assert polygon is not None
    ys = [float(point.split(",")[1]) for point in (polygon.get("points") or "").split()]
    return (min(ys) + max(ys)) / 2


@pytest.mark.parametrize(("rankdir", "above"), [("BT", True), ("TB", False)])
def test_thesis_is_on_top_and_reasons_below(rankdir: str, above: bool) -> None:
    m = load(ROOT / "maps" / "examples" / "outline.arg")
    root, _ = svg_of(m, RenderOptions(rankdir=rankdir))
    nodes = groups(root, "node")
    for tail, head in expected_edges(m):
        # SVG y grows downwards: in BT every arrow points up, in TB down
        assert (_centre_y(nodes[head]) < _centre_y(nodes[tail])) is above


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_png_and_pdf() -> None:
    m = load(ROOT / "maps" / "examples" / "outline.arg")
    source = to_digraph(m, find(m)).source
    width, height = _png_size(draw(source, format="png").data)
    assert width > 300 and height > 300
    pdf = draw(source, format="pdf").data
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF") and len(pdf) > 2000


def test_a_large_map_is_not_shrunk_to_a_thumbnail() -> None:
    lines = ['thesis c0: "The thesis of a long chain."']
    lines += [f'claim c{i}: "Claim {i} of a long chain of reasons."' for i in range(1, 150)]
    lines += [f"reason: c{i + 1} -> c{i}" for i in range(149)]
    m = read_text("\n".join(lines) + "\n", "chain.arg").map
    width, height = _png_size(draw(to_digraph(m).source, format="png").data)
    assert height > 150 * 40, (width, height)  # every statement keeps its readable size


def test_graphviz_errors_are_reported_in_plain_words() -> None:
    with pytest.raises(EngineError, match=r"^Graphviz could not draw the map: .*syntax error"):
        draw("digraph { a -> }", format="svg")


def test_a_clean_drawing_has_no_warnings() -> None:
    m = load(ROOT / "maps" / "examples" / "outline.arg")
    assert draw(to_digraph(m, find(m)).source, format="svg").warnings == ()


def test_graphviz_warnings_are_kept_each_once_and_counted() -> None:
    repeated = " ".join(f"a{i} -> a{i + 1} [arrowhead=zzz]" for i in range(3))
    drawing = draw(f"digraph {{ {repeated} b [shape=nosuchshape] }}", format="svg")
    assert drawing.data.startswith(b"<?xml")
    assert sorted(drawing.warnings) == [
        'Warning: Arrow type "zzz" unknown - ignoring (3 times)',
        "Warning: using box for unknown shape nosuchshape",
    ]


def test_only_the_first_ten_different_warnings_are_kept() -> None:
    shapes = " ".join(f"b{i} [shape=unknown{i:02}]" for i in range(13))
    assert draw(f"digraph {{ {shapes} }}", format="svg").warnings == (
        *(f"Warning: using box for unknown shape unknown{i:02}" for i in range(10)),
        "... and 3 more warnings",
    )


# ---- the adversarial corpus -------------------------------------------------------------------


def _no_markup(root: ET.Element) -> None:
    for element in root.iter():
        tag = element.tag.removeprefix(SVG)
        assert tag in GRAPHVIZ_TAGS, f"unexpected element <{tag}>"
        for name in element.attrib:
            local = name.rsplit("}", 1)[-1].lower()
            assert not local.startswith("on"), f"event attribute {name}"
            assert local != "href", f"link attribute {name}"


VARIANTS = {
    "brief": RenderOptions(),
    "legend": RenderOptions(legend=True, detail="full"),
    # in record shapes { } | < > separate fields: the escaping must keep them text
    "records": RenderOptions(node_attrs=(("shape", "record"),), detail="full", groups="box"),
}


def _box_words(
    s: Statement, m: ArgumentMap, findings: Findings, options: RenderOptions
) -> list[str]:
    """The lines a statement's box must show, from the label functions."""
    unsupported, label = s.id in findings.unsupported, findings.labels.get(s.id)
    defeated = s.id in findings.defeated
    if options.detail == "full":
        return statement_lines(
            s, m, width=options.width, unsupported=unsupported, label=label, defeated=defeated
        )
    roles = premise_roles(m, inference_roles(m)).get(s.id, ())
    status = status_words(label, unsupported=unsupported, defeated=defeated)
    return brief_lines(s, m, width=options.width, roles=roles, status=status)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("path", ADVERSARIAL, ids=lambda p: p.stem)
def test_adversarial_text_arrives_as_text(path: Path, variant: str) -> None:
    m = load(path)
    options = VARIANTS[variant]
    findings = find(m, evaluate=True)
    source = to_digraph(m, findings, options).source
    dot = parse_dot(source)
    names = node_names(m)
    assert {n for n in dot.nodes if not n.startswith("legend_")} == set(names.values())
    root = ET.fromstring(draw(source, format="svg").data)
    _no_markup(root)
    nodes = groups(root, "node")
    for s in m.statements.values():
        node = nodes[names[s.id]]
        expected = _box_words(s, m, findings, options)
        assert texts(node) == [line for line in expected if line], s.id
        link = node.find(f"{SVG}g/{SVG}a")
        status = status_words(
            findings.labels.get(s.id),
            unsupported=s.id in findings.unsupported,
            defeated=s.id in findings.defeated,
        )
        tooltip = statement_tooltip(s, m, status=status, why=findings.why.get(s.id))
        tooltip += [f"in: {visible_text(m.groups[s.group].title)}"] if s.group else []
        assert link is not None and link.get(f"{XLINK}title") == "\n".join(tooltip)
    edges = groups(root, "edge")
    for inf in (*m.reasons.values(), *m.objections.values()):
        unanswered = inf.id in findings.unanswered
        caption = (
            inference_caption(inf, width=options.width, unanswered=unanswered)
            if options.detail == "full"
            else brief_caption(inf, width=options.width, unanswered=unanswered)
        )
        conclusion = edges[f"{names[inf.id]}->{names[inf.target]}"]
        assert texts(conclusion) == caption, inf.id
    clusters = groups(root, "cluster")
    if options.groups == "box":
        for n, group in enumerate(m.groups.values(), 1):
            words = " ".join(texts(clusters[f"cluster_g{n}"])).split()
            assert words == visible_text(group.title).split()
    brief = options.detail == "brief"
    width = BRIEF_SOURCE if brief else options.width
    key = source_key(m, m.statements.values(), width=width, every_kind=brief)
    title = " ".join(t.text or "" for t in root.findall(f"{SVG}g/{SVG}text"))
    assert title.split() == " ".join([visible_text(m.title or ""), *key]).split()


@pytest.mark.parametrize("path", ADVERSARIAL, ids=lambda p: p.stem)
@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_adversarial_maps_render_to_png_and_pdf(path: Path, fmt: str) -> None:
    m = load(path)
    data = draw(to_digraph(m, find(m)).source, format=fmt).data
    assert data.startswith(b"\x89PNG" if fmt == "png" else b"%PDF-")


def test_the_picture_in_the_docs_is_current() -> None:
    """docs/visual-language.svg is `argmap render maps/examples/flat.arg --legend`; its nodes,
    edges and texts must match a fresh render (coordinates may differ between Graphviz versions)."""
    committed = ET.parse(ROOT / "docs" / "visual-language.svg").getroot()
    m = load(ROOT / "maps" / "examples" / "flat.arg")
    fresh = ET.fromstring(
        draw(to_digraph(m, find(m), RenderOptions(legend=True)).source, format="svg").data
    )
    for kind in ("node", "edge", "cluster"):
        old, new = groups(committed, kind), groups(fresh, kind)
        assert {k: texts(g) for k, g in old.items()} == {k: texts(g) for k, g in new.items()}, (
            "regenerate: argmap render maps/examples/flat.arg --legend -o docs/visual-language.svg"
        )
