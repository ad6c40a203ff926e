"""Golden DOT: every example map (and the renderer's own fixtures, and a few option variants)
must draw exactly as in tests/golden/. After an intended change to the drawing, rewrite them
with `pytest --update-golden tests/test_render_golden.py` and review the diff."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from argmap.reader import read_text
from argmap.render import RenderOptions, find, to_digraph
from argmap.render.themes import THEMES
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
MAPS = {p.stem: p for p in sorted((ROOT / "maps" / "examples").glob("*.arg"))}
MAPS.update({p.stem: p for p in sorted((GOLDEN / "fixtures").glob("*.arg"))})


@dataclass(frozen=True)
class Case:
    """A map drawn with some options, compared with ``golden/<map>[.<variant>].dot``."""

    map: str
    variant: str = ""
    options: RenderOptions = field(default_factory=RenderOptions)
    check: bool = True
    evaluate: bool = False

    @property
    def golden(self) -> Path:
        folder = GOLDEN / "fixtures" if MAPS[self.map].parent.name == "fixtures" else GOLDEN
        return folder / (f"{self.map}.{self.variant}.dot" if self.variant else f"{self.map}.dot")


CASES = [Case(name) for name in MAPS] + [
    Case("outline", "legend-evaluate", RenderOptions(legend=True), evaluate=True),
    Case("outline", "no-check", check=False),
    Case("flat", "print-lr", RenderOptions(theme=THEMES["print"], rankdir="LR", width=20)),
    Case("features", "focus-c1-depth1", RenderOptions(focus="c1", depth=1)),
    Case("features", "full", RenderOptions(detail="full"), evaluate=True),
    Case("outline", "depth-1", RenderOptions(depth=1)),
    Case("outline", "collapse-evidence", RenderOptions(collapse=("evidence",))),
    Case("groups", "box", RenderOptions(groups="box")),
    Case(
        "groups",
        "raw-attributes",
        RenderOptions(
            graph_attrs=(("splines", "ortho"), ("label", "Custom title")),
            node_attrs=(("fontname", "Courier"),),
            edge_attrs=(("arrowsize", "1.5"),),
        ),
    ),
]


def draw(case: Case) -> str:
    path = MAPS[case.map]
    result = read_text(path.read_text(encoding="utf-8"), str(path))
    assert result.ok, result.diagnostics
    findings = find(result.map, check=case.check, evaluate=case.evaluate)
    return str(to_digraph(result.map, findings, case.options).source)


def test_every_example_map_has_a_case() -> None:
    assert MAPS, "no example maps found"
    assert {c.map for c in CASES} == set(MAPS)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.map}.{c.variant}".rstrip("."))
def test_golden_dot(case: Case, update_golden: bool) -> None:
    actual = draw(case)
    if update_golden:
        case.golden.write_text(actual, encoding="utf-8")
        return
    if not case.golden.exists():
        pytest.fail(f"{case.golden.name} is missing: run pytest --update-golden and review it")
    expected = case.golden.read_text(encoding="utf-8")
    assert actual == expected, (
        f"{case.golden.name} is stale: review the change, then --update-golden"
    )


def test_no_golden_file_is_orphaned() -> None:
    """A golden file whose map or variant is gone would silently stop being checked."""
    expected = {c.golden for c in CASES}
    assert set(GOLDEN.rglob("*.dot")) <= expected
