"""bench.drawing reads figures from an SVG as Graphviz writes it; checked on small hand-made
drawings whose figures are known."""

from __future__ import annotations

from bench.drawing import measure


def _svg(*edges: tuple[str, str]) -> str:
    """An SVG as Graphviz writes it: one junction at (50, -50), and the given edges."""
    paths = "".join(
        f'<g class="edge"><title>{title}</title><path d="{d}"/></g>' for title, d in edges
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="200pt" height="100pt">'
        '<text font-size="10.00">t</text><text font-size="12.00">u</text>'
        '<g class="node inference support"><title>r1</title>'
        '<ellipse cx="50" cy="-50" rx="6" ry="6"/></g>'
        f"{paths}</svg>"
    )


def test_drawing_figures_count_crossings_lengths_and_lines_through_junctions() -> None:
    across = ("a->b", "M0,0C0,-33 0,-66 0,-100")
    figures = measure(_svg(across, ("c->d", "M-50,-50C-20,-50 -10,-50 10,-50")))
    assert (figures.area, figures.smallest_text, figures.crossings) == (20_000, 10, 1)
    assert abs(figures.edge_length - 160) < 1e-6
    assert figures.through_junctions == 0
    assert measure(_svg(across, ("a->d", "M-50,-50C-20,-50 -10,-50 10,-50"))).crossings == 0
    through = measure(_svg(("c->d", "M0,-50C30,-50 60,-50 100,-50")))
    assert through.through_junctions == 1  # passes over r1, which it does not belong to
    assert measure(_svg(("r1->d", "M0,-50C30,-50 60,-50 100,-50"))).through_junctions == 0
