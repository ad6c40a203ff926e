"""``python -m bench.stages``: where argmap's time goes on a generated map, stage by stage.

Each stage of the pipeline runs in this process on a map of ``--size`` statements: the grammar
load, the LALR parse, building the declarations, resolving references, the analyses, the
checks, the labelling, DOT generation, the human report, and formatting (``argmap fmt``).
``--profile STAGE`` adds the functions that stage spends its time in (cProfile). Stages that
argmap does not have yet are shown as n/a.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import importlib
import io
import pstats
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bench.generate import generate, write_outline

__all__ = ["STAGES", "main"]


@dataclass
class _State:
    """What the stages hand on to each other."""

    text: str
    sources: dict[str, str]
    values: dict[str, Any] = field(default_factory=dict)


def _api(module: str, name: str) -> Any:
    return getattr(importlib.import_module(module), name)


def _grammar(state: _State) -> None:
    _api("argmap.syntax", "default_parser")().parse('claim a: "A."\n', "tiny.arg")


def _syntax(state: _State) -> None:
    state.values["parsed"] = _api("argmap.syntax", "default_parser")().parse(state.text, "map.arg")


def _build(state: _State) -> None:
    parsed = state.values["parsed"]
    build = _api("argmap.build", "build")
    state.values["declarations"] = build(parsed.pieces, parsed.comments, state.text, "map.arg")


def _resolve(state: _State) -> None:
    resolve = _api("argmap.resolve", "resolve")
    state.values["map"], errors = resolve(state.values["declarations"], "map.arg")
    if errors:
        raise RuntimeError(f"the generated map has reference errors: {errors[0].message}")


def _analyze(state: _State) -> None:
    state.values["analysis"] = _api("argmap.analysis", "analyze")(state.values["map"])


def _checks(state: _State) -> None:
    context = _api("argmap.checks", "CheckContext")(
        state.values["map"], state.values["analysis"], sources=state.sources
    )
    state.values["diagnostics"] = _api("argmap.checks", "run_checks")(context)


def _label(state: _State) -> None:
    _api("argmap.analysis.labelling", "label_map")(state.values["map"])


def _dot(state: _State) -> None:
    findings = _api("argmap.render.findings", "find")(state.values["map"])
    _api("argmap.render.dot", "to_digraph")(state.values["map"], findings).source  # noqa: B018


def _report(state: _State) -> None:
    format_human = _api("argmap.report.human", "format_human")
    format_human(state.values["diagnostics"], {"map.arg": state.text})


def _format(state: _State) -> None:
    _api("argmap.formatter", "format_text")(state.text, "map.arg")


STAGES: dict[str, Callable[[_State], None]] = {
    "grammar": _grammar,
    "syntax": _syntax,
    "build": _build,
    "resolve": _resolve,
    "analyze": _analyze,
    "checks": _checks,
    "label": _label,
    "dot": _dot,
    "report": _report,
    "format": _format,
}
"""In pipeline order; ``grammar`` is the first parse of a process (it loads the grammar);
``format`` is ``argmap fmt`` on its own (it parses the text again)."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.stages", description=__doc__)
    parser.add_argument("--size", type=int, default=10_000, help="statements (default: 10000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--profile",
        choices=list(STAGES),
        action="append",
        default=[],
        help="show where this stage spends its time (repeatable)",
    )
    parser.add_argument("--top", type=int, default=25, help="functions to show per profile")
    args = parser.parse_args(argv)
    graph = generate(args.size, args.seed)
    state = _State(write_outline(graph, "map"), dict(graph.sources))
    print(f"{args.size} statements, {len(state.text) / 1e6:.1f} MB of text\n")
    print("| stage | seconds |\n|---|---:|")
    total = 0.0
    profiles: dict[str, str] = {}
    for name, stage in STAGES.items():
        profiler = cProfile.Profile() if name in args.profile else None
        gc.collect()
        start = time.perf_counter()
        try:
            if profiler is not None:
                profiler.runcall(stage, state)
            else:
                stage(state)
        except (ImportError, AttributeError, KeyError) as exc:
            print(f"| {name} | n/a ({type(exc).__name__}: {exc}) |")
            continue
        elapsed = time.perf_counter() - start
        total += elapsed
        print(f"| {name} | {elapsed:.3f} |")
        if profiler is not None:
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out).strip_dirs()
            stats.sort_stats("tottime").print_stats(args.top)
            profiles[name] = out.getvalue()
    print(f"| **total** | **{total:.3f}** |")
    for name, text in profiles.items():
        print(f"\n## {name} (cProfile, by own time; profiling slows it down)\n{text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
