"""``python -m bench``: time argmap on generated maps, beside bare Graphviz and Argdown.

For each size, a map is generated (by seed), written as argmap outline, argmap flat form and
Argdown, and every task of :mod:`bench.tasks` runs ``--runs`` times in fresh processes. The
report (Markdown) gives median wall and CPU times, peak memory, the ratios against Argdown,
and each target met, MISSED or not measured; the exit code is 1 when a target is missed.
Commands that argmap does not have yet, and programs that are not installed, are shown as n/a
with the reason.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bench.generate import generate, write_files
from bench.measure import Failure, Timing
from bench.report import evaluate, format_report
from bench.tasks import STARTUP, TASKS, Task, run_task
from bench.tools import Machine, ensure_argdown, find_tools, machine

__all__ = ["DEFAULT_SIZES", "Run", "main"]

DEFAULT_SIZES = (100, 500, 1_000, 5_000, 10_000)
DEFAULT_RENDER_MAX = 1_000
ROOT = Path(__file__).resolve().parents[1]


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError("give sizes as numbers separated by commas") from None
    if not sizes or min(sizes) < 2:
        raise argparse.ArgumentTypeError("every size must be at least 2 statements")
    return sorted(set(sizes))


def _tasks(text: str) -> frozenset[str]:
    keys = {part.strip() for part in text.split(",") if part.strip()}
    unknown = sorted(keys - {t.key for t in TASKS})
    if unknown or not keys:
        known = ", ".join(t.key for t in TASKS)
        raise argparse.ArgumentTypeError(f"unknown task {', '.join(unknown)}; the tasks: {known}")
    return frozenset(keys)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Time argmap on generated maps, side by side with bare dot and Argdown.",
    )
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=list(DEFAULT_SIZES),
        help="map sizes in statements, comma-separated (default: %(default)s)",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=3,
        help="fresh runs per command; the medians are reported (default: 3)",
    )
    parser.add_argument(
        "--render-max",
        type=int,
        default=DEFAULT_RENDER_MAX,
        help="largest size for the SVG renders, which grow superlinearly (default: %(default)s)",
    )
    parser.add_argument(
        "--tasks",
        type=_tasks,
        help="run only these rows, comma-separated: " + ", ".join(t.key for t in TASKS),
    )
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default: 0)")
    parser.add_argument(
        "--work",
        type=Path,
        default=ROOT / ".bench-cache",
        help="folder for the maps, outputs and the Argdown install (default: .bench-cache)",
    )
    parser.add_argument("--no-argdown", action="store_true", help="do not run Argdown")
    parser.add_argument(
        "--no-install", action="store_true", help="do not npm-install Argdown when it is missing"
    )
    parser.add_argument(
        "--install-argdown",
        action="store_true",
        help="only install the Argdown CLI into --work (the tests use it there); exit 1 if "
        "it cannot be installed",
    )
    parser.add_argument(
        "--json", type=Path, metavar="FILE", help="also write the raw measurements as JSON"
    )
    parser.add_argument(
        "--report",
        type=Path,
        metavar="FILE",
        help="print the report of measurements saved with --json, without running anything",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the report. Exit code: 0 when no measured target is missed,
    1 when one is, 2 when saved measurements cannot be read."""
    args = _parser().parse_args(argv)
    if args.runs < 1:
        _parser().error("--runs must be at least 1")
    if args.report is not None:
        return _reprint(args.report)
    if args.install_argdown:
        found = ensure_argdown(args.work, install=True)
        print(f"bench: Argdown CLI: {found}", file=sys.stderr)
        return 0 if isinstance(found, Path) else 1
    _use_bytecode_cache()
    tools = find_tools(
        args.work, install_argdown=not args.no_install, use_argdown=not args.no_argdown
    )
    host = machine(tools)
    load_before = _load()
    results: dict[tuple[str, int], Timing | Failure] = {}
    maps = args.work / "maps"
    startup_files = write_files(generate(2, args.seed), maps, "map-startup")
    for task in STARTUP:
        results[(task.key, 0)] = run_task(task, startup_files, 0, tools, args.runs, 0, {})
        _progress(task.title, 0, results[(task.key, 0)])
    for size in args.sizes:
        files = write_files(generate(size, args.seed), maps, f"map-{size}")
        done: dict[str, Timing | Failure] = {}
        for task in TASKS:
            if args.tasks is not None and task.key not in args.tasks:
                done[task.key] = Failure("not selected (--tasks)")
            else:
                done[task.key] = run_task(
                    task, files, size, tools, args.runs, args.render_max, done
                )
                _progress(task.title, size, done[task.key])
            results[(task.key, size)] = done[task.key]
    run = Run(args.seed, args.runs, list(args.sizes), host, (load_before, _load()), results)
    shown = [t for t in TASKS if args.tasks is None or t.key in args.tasks]
    print(run.report(shown), end="")
    if args.json is not None:
        args.json.write_text(json.dumps(run.to_dict(), indent=2) + "\n", encoding="utf-8")
    return run.verdict()


@dataclass(frozen=True, slots=True)
class Run:
    """One benchmark run: its settings, the machine, and what was measured."""

    seed: int
    runs: int
    sizes: list[int]
    machine: Machine
    load: tuple[str, str]
    results: dict[tuple[str, int], Timing | Failure]

    def report(self, tasks: Sequence[Task] = TASKS) -> str:
        head = [f"# argmap benchmark (seed {self.seed})", ""]
        head += [f"- {line}" for line in self.machine.lines()]
        head += [f"- Load average (1 min) before and after: {self.load[0]} → {self.load[1]}", ""]
        return "\n".join(head) + "\n" + format_report(self.results, self.sizes, self.runs, tasks)

    def verdict(self) -> int:
        """The exit code: 1 when a measured target is missed, else 0."""
        return 1 if any(met is False for _, _, met in evaluate(self.results)) else 0

    def to_dict(self) -> dict[str, object]:
        return {
            "seed": self.seed,
            "runs": self.runs,
            "sizes": self.sizes,
            "load": list(self.load),
            "machine": asdict(self.machine),
            "results": [
                {"task": key, "size": size, **asdict(result)}
                for (key, size), result in self.results.items()
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Run:
        """A run read back from :meth:`to_dict`'s JSON."""
        results: dict[tuple[str, int], Timing | Failure] = {}
        for row in data["results"]:
            key = (row.pop("task"), row.pop("size"))
            results[key] = Failure(**row) if "reason" in row else Timing(**row)
        load = data.get("load") or ["unknown", "unknown"]
        timings = [r for r in results.values() if isinstance(r, Timing)]
        return cls(
            data.get("seed", 0),
            data.get("runs") or max((t.runs for t in timings), default=0),
            data.get("sizes") or sorted({size for _, size in results if size}),
            Machine(**data["machine"]),
            (load[0], load[1]),
            results,
        )


def _use_bytecode_cache() -> None:
    """Compile argmap's modules first, so that every measured run starts from bytecode, as an
    installed package does (see ``bench.measure``)."""
    package = importlib.util.find_spec("argmap")
    if package is not None and package.submodule_search_locations:
        for folder in package.submodule_search_locations:
            compileall.compile_dir(folder, quiet=1)


def _reprint(path: Path) -> int:
    try:
        run = Run.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        print(f"bench: cannot read measurements from {path}: {exc}", file=sys.stderr)
        return 2
    print(run.report(), end="")
    return run.verdict()


def _load() -> str:
    """The 1-minute load average: other work on the machine inflates wall times."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "unknown"


def _progress(title: str, size: int, result: Timing | Failure) -> None:
    shown = f"{result.wall:.2f} s" if isinstance(result, Timing) else f"n/a: {result.reason}"
    print(f"bench: {size or '-':>6} {title}: {shown}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
