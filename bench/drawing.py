"""``python -m bench.drawing MAP.svg ...``: how readable a drawing is, read from the SVG Graphviz
wrote: the drawing area, the smallest text, the total length of the lines, how often lines
cross, and how many lines pass through an inference's junction they do not belong to.

Lines are the cubic Bézier paths of Graphviz's edges, sampled into polylines. Two lines that
share a node meet there by design, so only lines with no node in common count as crossing.
"""

from __future__ import annotations

import argparse
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

__all__ = ["Figures", "main", "measure"]

_SVG = "{http://www.w3.org/2000/svg}"
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")
_SAMPLES = 12
Point = tuple[float, float]
Segment = tuple[Point, Point]


@dataclass(frozen=True, slots=True)
class Figures:
    """What :func:`measure` finds in one SVG."""

    width: float
    height: float
    smallest_text: float
    edge_length: float
    crossings: int
    through_junctions: int

    @property
    def area(self) -> float:
        return self.width * self.height


@dataclass(frozen=True, slots=True)
class _Line:
    ends: frozenset[str]
    points: list[Point]

    def segments(self) -> list[Segment]:
        return list(zip(self.points, self.points[1:], strict=False))


def _points(d: str) -> list[Point]:
    """The polyline of a Graphviz path ``M x,y C x,y x,y x,y ...`` (Béziers sampled)."""
    values = [float(v) for v in _NUMBER.findall(d)]
    pairs = list(zip(values[::2], values[1::2], strict=True))
    out = [pairs[0]]
    for i in range(1, len(pairs) - 2, 3):
        p0, p1, p2, p3 = out[-1], pairs[i], pairs[i + 1], pairs[i + 2]
        for step in range(1, _SAMPLES + 1):
            t = step / _SAMPLES
            u = 1 - t
            out.append(
                (
                    u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                    u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
                )
            )
    return out


def _length(points: Sequence[Point]) -> float:
    return sum(math.dist(a, b) for a, b in zip(points, points[1:], strict=False))


def _cross(s: Segment, t: Segment) -> bool:
    """Whether two segments cross at one point inside both."""

    def side(a: Point, b: Point, c: Point) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    d1, d2 = side(*t, s[0]), side(*t, s[1])
    d3, d4 = side(*s, t[0]), side(*s, t[1])
    return d1 * d2 < 0 and d3 * d4 < 0


def _box(points: Sequence[Point]) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _crossings(lines: Sequence[_Line]) -> int:
    boxes = [_box(line.points) for line in lines]
    count = 0
    for i, j in combinations(range(len(lines)), 2):
        a, b = lines[i], lines[j]
        if a.ends & b.ends or not _overlap(boxes[i], boxes[j]):
            continue
        count += sum(1 for s in a.segments() for t in b.segments() if _cross(s, t))
    return count


def _junctions(root: ET.Element) -> dict[str, tuple[Point, float]]:
    """The centre and radius of each inference junction, by node name."""
    found: dict[str, tuple[Point, float]] = {}
    for g in root.iter(f"{_SVG}g"):
        if "inference" not in g.get("class", "").split():
            continue
        name = g.findtext(f"{_SVG}title", "")
        shape = next((e for e in g.iter() if e.tag in (f"{_SVG}ellipse", f"{_SVG}polygon")), None)
        if shape is None:
            continue
        if shape.tag == f"{_SVG}ellipse":
            centre = (float(shape.get("cx", 0)), float(shape.get("cy", 0)))
            found[name] = centre, float(shape.get("rx", 0))
        else:
            values = [float(v) for v in _NUMBER.findall(shape.get("points", ""))]
            xs, ys = values[::2], values[1::2]
            x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
            found[name] = ((x0 + x1) / 2, (y0 + y1) / 2), max(x1 - x0, y1 - y0) / 2
    return found


def _distance(p: Point, s: Segment) -> float:
    """The distance from a point to a segment."""
    (ax, ay), (bx, by) = s
    dx, dy = bx - ax, by - ay
    span = dx * dx + dy * dy
    t = 0.0 if span == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / span))
    return math.dist(p, (ax + t * dx, ay + t * dy))


def _through(lines: Sequence[_Line], junctions: dict[str, tuple[Point, float]]) -> int:
    """How many (line, junction) pairs have the line touch a junction that is not its own."""
    count = 0
    for line in lines:
        segments = line.segments()
        for name, (centre, radius) in junctions.items():
            if name not in line.ends and any(_distance(centre, s) <= radius for s in segments):
                count += 1
    return count


def measure(svg: str) -> Figures:
    """The figures of one SVG written by Graphviz (sizes in points)."""
    root = ET.fromstring(svg)
    width = float(_NUMBER.findall(root.get("width", "0"))[0])
    height = float(_NUMBER.findall(root.get("height", "0"))[0])
    sizes = [float(t.get("font-size", "14")) for t in root.iter(f"{_SVG}text")]
    lines = []
    for g in root.iter(f"{_SVG}g"):
        if "edge" not in g.get("class", "").split():
            continue
        tail, _, head = g.findtext(f"{_SVG}title", "").partition("->")
        for path in g.iter(f"{_SVG}path"):
            lines.append(_Line(frozenset({tail, head}), _points(path.get("d", ""))))
    return Figures(
        width=width,
        height=height,
        smallest_text=min(sizes, default=0.0),
        edge_length=sum(_length(line.points) for line in lines),
        crossings=_crossings(lines),
        through_junctions=_through(lines, _junctions(root)),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.drawing",
        description="Measure drawings made by argmap render: area, text size, lines, crossings.",
    )
    parser.add_argument("svg", nargs="+", type=Path, help="SVG files written by argmap render")
    args = parser.parse_args(argv)
    print(
        "| drawing | width × height (pt) | area (million pt²) | smallest text (pt) "
        "| line length (pt) | crossings | lines through others' junctions |"
    )
    print("|---|---|---|---|---|---|---|")
    for path in args.svg:
        f = measure(path.read_text(encoding="utf-8"))
        print(
            f"| {path.name} | {f.width:.0f} × {f.height:.0f} | {f.area / 1e6:.2f} "
            f"| {f.smallest_text:g} | {f.edge_length:.0f} | {f.crossings} "
            f"| {f.through_junctions} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
