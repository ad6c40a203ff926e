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
  component through an undecided hub ``h``. Each loop needs an unfounded-set step of its own;
  each step looks only at what was derived through what failed, so this stays linear;
- ``relay``: the knot, plus a claim ``s`` with one reason from each ``xi`` at the head of a
  long chain ``t1`` … that the hub keeps undecided (the chain's end attacks the hub, so it is
  all one component). The loops are written so that ``s`` is derived through the ``xi`` that
  fails first; each time it fails, the whole chain is derived again through the next one:
  quadratic, the worst case docs/labelling.md describes.

``python -m bench.labelling --sizes 10000,50000`` prints one Markdown table row per shape and
size: the median wall time, CPU time and peak memory of ``argmap label``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from pathlib import Path

from bench.measure import Failure, measure
from bench.tools import find_argmap

__all__ = ["SHAPES", "chain", "cycle", "knot", "main", "relay"]


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
    loops = max(1, (n - 1) // 4)
    return "\n".join(_loops(range(1, loops + 1))) + "\n"


def _loops(numbers: range) -> list[str]:
    """The hub ``h`` and support loops ``ai`` ⇄ ``bi``, written in the order of ``numbers``;
    loop i's outside support ``xi`` is defeated once loop i-1 is unfounded."""
    lines = ['evidence h: "H."']
    for i in numbers:
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
    return lines


def relay(n: int) -> str:
    """About n statements: n // 10 gated loops (written last to first), ``s`` with a reason
    from each ``xi``, and a chain ``t1`` … behind ``s`` that attacks the hub at its end."""
    loops = max(2, n // 10)
    lines = _loops(range(loops, 0, -1))
    lines.append('claim s: "S."')
    lines += [f"reason rs{i}: x{i} -> s" for i in range(1, loops + 1)]
    previous = "s"
    for j in range(1, max(2, n - 4 * loops - 1)):
        lines += [f'claim t{j}: "T{j}."', f"reason rt{j}: {previous} -> t{j}"]
        lines.append(f"objection ot{j}: h -> t{j}")
        previous = f"t{j}"
    lines.append(f"objection os: {previous} -> h")
    return "\n".join(lines) + "\n"


SHAPES: dict[str, Callable[[int], str]] = {
    "chain": chain,
    "cycle": cycle,
    "knot": knot,
    "relay": relay,
}


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
                times = f"{result.wall:.2f} | {result.cpu:.2f} | {result.rss:.0f}"
                yield f"| {shape} | {size} | {times} |"


if __name__ == "__main__":
    raise SystemExit(main())
