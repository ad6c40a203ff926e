"""The visual language as a reader meets it, through real Graphviz renders (marker `dot`): the
flagship map's figures (bench.drawing reads the SVG), greyscale print, tooltips and links that
show what was written, and the overviews (--depth, --collapse evidence)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from argmap.model import ArgumentMap
from argmap.render import RenderOptions, find, to_digraph
from argmap.render.engines import draw
from argmap.render.themes import THEMES
from bench.drawing import measure
from tests.conftest import ROOT
from tests.test_render_dot import load, read

pytestmark = pytest.mark.dot

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
FLAGSHIP = ROOT / "maps" / "precarious-balance.arg"

# The flagship map drawn with the default options before the visual language of
# docs/visual-language.md (python -m bench.drawing on that SVG).
BEFORE_AREA = 4376 * 2452
BEFORE_EDGE_LENGTH = 18_723
BEFORE_CROSSINGS = 5  # as counted by eye on that drawing; bench.drawing counts 4


def svg(m: ArgumentMap, options: RenderOptions | None = None, evaluate: bool = False) -> str:
    return draw(
        to_digraph(m, find(m, evaluate=evaluate), options).source, format="svg"
    ).data.decode()


def nodes(root: ET.Element) -> dict[str, ET.Element]:
    return {
        g.findtext(f"{SVG}title", ""): g
        for g in root.iter(f"{SVG}g")
        if "node" in g.get("class", "").split()
    }


def test_the_flagship_meets_the_figures_of_its_visual_language() -> None:
    figures = measure(svg(load(FLAGSHIP)))
    assert figures.area <= BEFORE_AREA / 2
    assert figures.smallest_text >= 10
    assert figures.edge_length <= BEFORE_EDGE_LENGTH * 2 / 3
    assert figures.crossings <= BEFORE_CROSSINGS
    assert figures.through_junctions == 0


def test_the_flagship_shows_every_statement_by_default() -> None:
    m = load(FLAGSHIP)
    boxes = [g for g in nodes(ET.fromstring(svg(m))).values() if "statement" in g.get("class", "")]
    assert len(boxes) == len(m.statements)


def _grey(colour: str) -> bool:
    match = re.fullmatch(r"#(..)(..)(..)", colour)
    return colour in ("none", "transparent", "white", "black") or (
        match is not None and len(set(match.groups())) == 1
    )


def test_greyscale_print_tells_every_reason_from_every_objection() -> None:
    """With --theme print there is no colour at all, and each premise box of a reason differs
    from each premise box of an objection in its first words and its grey; their lines differ
    in dashes, and their junctions in shape."""
    m = load(FLAGSHIP)
    root = ET.fromstring(svg(m, RenderOptions(theme=THEMES["print"])))
    for element in root.iter():
        for name in ("fill", "stroke"):
            assert _grey(element.get(name, "none")), element.attrib
    by_role: dict[str, set[tuple[str, str]]] = {"support": set(), "objection": set()}
    for g in nodes(root).values():
        classes = g.get("class", "").split()
        role = next((r for r in by_role if r in classes), None)
        if "statement" in classes and role:
            shape = next(e for e in g.iter() if e.tag in (f"{SVG}polygon", f"{SVG}path"))
            words = (g.findtext(f".//{SVG}text") or "").split(" · ")[0]
            by_role[role].add((words, shape.get("fill", "")))
    assert by_role["support"] and by_role["objection"]
    for reason in by_role["support"]:
        for objection in by_role["objection"]:
            assert reason[0] != objection[0] and reason[1] != objection[1]
    dashes: dict[str, set[str | None]] = {"support": set(), "objection": set()}
    for g in root.iter(f"{SVG}g"):
        classes = g.get("class", "").split()
        role = next((r for r in dashes if r in classes), None)
        if "edge" in classes and role:
            path = g.find(f"{SVG}path")
            assert path is not None
            dashes[role].add(path.get("stroke-dasharray"))
    assert dashes["support"] == {None} and None not in dashes["objection"]


TRICKY = r"\N \G \L \E \T \H \l \n a\\b \ & < > { } | \"quoted\""


def test_tooltips_and_links_show_what_was_written() -> None:
    """Graphviz reads tooltips twice (\\N becomes the node's name) and copies URL as is:
    both are escaped for what Graphviz does with them, checked on its real output."""
    url = 'https://example.org/a b?x=1&y="2"<3>\\N'
    m = read(
        f'source s "S"\n  url "{url.replace(chr(92), chr(92) * 2).replace(chr(34), chr(92) + chr(34))}"\n'
        f'evidence e: "{TRICKY.replace(chr(92), chr(92) * 2).replace(chr(34), chr(92) + chr(34))}"\n'
        '  quote s "words"\n'
        'source bad "B"\n  url "javascript:alert(1)"\n'
        'evidence f: "F"\n  quote bad "more words"\n'
    )
    text = m.statements["e"].text
    root = ET.fromstring(svg(m))
    found = nodes(root)
    link = found["s1"].find(f".//{SVG}a")
    assert link is not None
    tooltip = link.get(f"{XLINK}title", "").split("\n")
    assert tooltip[:2] == ["evidence e", text]
    assert link.get(f"{XLINK}href") == ("https://example.org/a%20b?x=1&y=%222%22%3C3%3E%5CN")
    other = found["s2"].find(f".//{SVG}a")
    assert other is not None and f"{XLINK}href" not in other.attrib  # no javascript: links


def test_depth_draws_steps_below_the_thesis_and_marks_what_is_hidden() -> None:
    m = load(FLAGSHIP)
    root = ET.fromstring(svg(m, RenderOptions(depth=1)))
    boxes = {n: g for n, g in nodes(root).items() if "statement" in g.get("class", "")}
    assert 1 < len(boxes) < len(m.statements)
    words = [" ".join(t.text or "" for t in g.iter(f"{SVG}text")) for g in boxes.values()]
    assert any(re.search(r"\(\+\d+ not shown below\)", w) for w in words)


def test_collapse_evidence_counts_the_evidence_it_folds() -> None:
    m = load(FLAGSHIP)
    root = ET.fromstring(svg(m, RenderOptions(collapse=("evidence",))))
    boxes = [g for g in nodes(root).values() if "statement" in g.get("class", "")]
    drawn = [g for g in boxes if "evidence" in g.get("class", "").split()]
    counted = 0
    for g in boxes:
        words = " ".join(t.text or "" for t in g.iter(f"{SVG}text"))
        counted += sum(int(n) for n in re.findall(r"\(\+(\d+) pieces? of evidence\)", words))
    evidence = sum(1 for s in m.statements.values() if s.kind.value == "evidence")
    assert counted and len(drawn) < evidence <= len(drawn) + counted
