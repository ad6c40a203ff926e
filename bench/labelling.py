"""``python -m bench.labelling``: how the labelling scales on the shapes that are hard for it.

Each shape is a map of about N statements, written in flat declarations; ``argmap label`` is
timed on it in a fresh process, as a user would run it:

- ``chain``: a chain of reasons from one piece of evidence (the yardstick: any method is
  linear here);
- ``cycle``: an attack cycle through an unsupported thesis: ``c0`` has no support, ``c1`` …
  ``cN-1`` are evidence, and ``ci`` attacks ``c(i+1 mod N)``. Van Gelder's alternating
  fixpoint took about N/2 rounds here; propagation decides it in one pass;
- ``knot``: support loops ``ai`` ⇄ ``bi`` whose support from outside (``xi``) fails one loop
  after the other (``zi`` defeats ``xi`` once loop i-1 is found unfounded), all tied into one
  knot through an undecided hub ``h``. Each loop needs an unfounded-set step of its own, and
  each step looks at the whole undecided rest: the labelling is quadratic here
  (docs/labelling.md).

``python -m bench.labelling --sizes 10000,50000`` prints one Markdown table row per shape and
size: the median wall time, CPU time and peak memory of ``argmap label``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from pathlib import Path

from bench.measure import Failure, measure
from bench.tools import find_argmap

__all__ = ["SHAPES", "chain", "cycle", "knot", "main"]


def chain(n: int) -> str:
    """``s0`` evidence, then ``si`` supported by ``s(i-1)``: n statements."""
    lines = ['evidence s0: "S0."']
    for i in range(1, n):
        lines += [f'claim s{i}: "S{i}."', f"reason r{i}: s{i - 1} -> s{i}"]
    return "\n".join(lines) + "\n"


def cycle(n: int) -> str:
    """An attack cycle of n statements through the unsupported thesis ``c0``."""
    lines = ['thesis c0: "C0."']
    lines += [f'evidence c{i}: "C{i}."' for i in range(1, n)]
    lines += [f"objection o{i}: c{i} -> c{(i + 1) % n}" for i in range(n)]
    return "\n".join(lines) + "\n"


def knot(n: int) -> str:
    """About n statements: (n - 1) // 4 gated support loops and the hub ``h``."""
    lines = ['evidence h: "H."']
    for i in range(1, max(2, (n - 1) // 4 + 1)):
        lines += [
            f'claim a{i}: "A{i}."',
            f'claim b{i}: "B{i}."',
            f'evidence x{i}: "X{i}."',
            f'evidence z{i}: "Z{i}."',
            f"reason ra{i}: b{i} -> a{i}",
            f"reason rb{i}: a{i} -> b{i}",
            f"reason rx{i}: x{i} -> a{i}",
            f"objection oz{i}: z{i} -> x{i}",
            f"objection oh{i}: h -> a{i}",
            f"objection oa{i}: a{i} -> h",
        ]
        if i > 1:
            lines.append(f"objection og{i}: a{i - 1} -> z{i}")
    return "\n".join(lines) + "\n"


SHAPES: dict[str, Callable[[int], str]] = {"chain": chain, "cycle": cycle, "knot": knot}


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError("give sizes as numbers separated by commas") from None
    if any(size < 2 for size in sizes):
        raise argparse.ArgumentTypeError("every size must be at least 2 statements")
    return sizes


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench.labelling",
        description="Time `argmap label` on the map shapes that are hard for the labelling.",
    )
    parser.add_argument(
        "--sizes", type=_sizes, default=[1000, 4000, 16000], help="statements per map"
    )
    parser.add_argument("--runs", type=int, default=1, help="fresh runs per map (median)")
    parser.add_argument(
        "--shapes",
        default=",".join(SHAPES),
        help=f"comma-separated shapes (default: {','.join(SHAPES)})",
    )
    parser.add_argument(
        "--work", type=Path, default=Path(".bench-cache"), help="where the maps are written"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Write each map, time `argmap label` on it, print the table."""
    args = _parser().parse_args(argv)
    shapes = args.shapes.split(",")
    unknown = [s for s in shapes if s not in SHAPES]
    if unknown or args.runs < 1:
        _parser().error(f"unknown shape {', '.join(unknown)}" if unknown else "--runs must be ≥ 1")
    folder = args.work / "labelling"
    folder.mkdir(parents=True, exist_ok=True)
    for line in _rows(shapes, args.sizes, args.runs, folder):
        print(line, flush=True)
    return 0


def _rows(shapes: list[str], sizes: list[int], runs: int, folder: Path) -> Iterator[str]:
    argmap = str(find_argmap())
    yield "| shape | statements | wall s | CPU s | peak MiB |"
    yield "|---|---:|---:|---:|---:|"
    for shape in shapes:
        for size in sizes:
            path = folder / f"{shape}-{size}.arg"
            path.write_text(SHAPES[shape](size), encoding="utf-8")
            result = measure([argmap, "label", path.name], folder, runs)
            if isinstance(result, Failure):
                yield f"| {shape} | {size} | {result.reason} | | |"
            else:
                yield f"| {shape} | {size} | {result.wall:.2f} | {result.cpu:.2f} | {result.rss:.0f} |"


if __name__ == "__main__":
    raise SystemExit(main())
