"""``python -m bench.lsp_phases``: where a warm language server's time goes after a change.

In this process, as ``argmap lsp`` does it for each change: a generated map of ``--size``
statements is read and checked once; then each kind of change of ``python -m bench.lsp`` is
made ``--runs`` times, and the time of each change is split into reading the text (with what
the last version made), checking the map (with the last version's analyses), turning the
findings into LSP diagnostics, and writing the JSON of the notification. The time Python's
cycle collector ran during the change is shown apart (it is inside the other times too).
Medians, in milliseconds. Last, what one full collection costs, the documents' state alive:
the collector's cost is that, times how often the changes make it run one.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from lsprotocol import types
from lsprotocol.converters import get_converter

from argmap.checks import CheckContext
from argmap.cli.check_cmd import check_map
from argmap.cli.settings import ConfigFinder
from argmap.cli.sources import SourceReader
from argmap.lsp.document import MapDocument
from argmap.lsp.findings import EditorDiagnostics
from argmap.reader import ReadCache
from bench.generate import generate, write_files
from bench.lsp import EDITS

__all__ = ["PHASES", "Phases", "main", "measure", "report"]

PHASES = ("read", "check", "LSP diagnostics", "JSON", "total", "collector")
"""The columns: the phases of a change, their total, and the collector's share."""


class Phases(NamedTuple):
    """For each kind of change, the median seconds of each phase (:data:`PHASES`); and the
    objects the collector tracks with the map's state alive, and the seconds of one full
    collection of them (the fastest of three)."""

    medians: dict[str, dict[str, float]]
    objects: int
    full_collection: float


class _Collector:
    """The seconds Python's cycle collector runs, added up (through ``gc.callbacks``)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._started


def measure(size: int, runs: int, seed: int, work: Path) -> Phases:
    """The phases of ``runs`` changes of each kind to a generated map of ``size`` statements."""
    files = write_files(generate(size, seed), work, f"map-{size}")
    text = files.outline.read_text(encoding="utf-8")
    path, uri = str(files.outline), files.outline.resolve().as_uri()
    config = ConfigFinder().for_map(path)
    cache = ReadCache()
    doc = MapDocument(text, path, cache=cache)
    previous: CheckContext | None = check_map(doc.result, config, SourceReader({}))[1]
    converter = get_converter()
    shown = EditorDiagnostics()
    collector = _Collector()
    times: dict[str, dict[str, list[float]]] = {}
    gc.callbacks.append(collector)
    try:
        for kind, edit in EDITS.items():
            phases: dict[str, list[float]] = {phase: [] for phase in PHASES}
            for run in range(runs):
                text = edit(text, run)
                collector.seconds = 0.0
                start = time.perf_counter()
                doc = MapDocument(text, path, cache=cache)
                read = time.perf_counter()
                found, previous = check_map(doc.result, config, SourceReader({}), previous=previous)
                checked = time.perf_counter()
                diagnostics = shown(doc, uri, found)
                converted = time.perf_counter()
                params = types.PublishDiagnosticsParams(uri, diagnostics, run)
                json.dumps(converter.unstructure(params))
                end = time.perf_counter()
                steps = (read - start, checked - read, converted - checked, end - converted)
                measured = (*steps, end - start, collector.seconds)
                for phase, seconds in zip(PHASES, measured, strict=True):
                    phases[phase].append(seconds)
            times[kind] = phases
    finally:
        gc.callbacks.remove(collector)
    full = []
    for _ in range(3):
        start = time.perf_counter()
        gc.collect()
        full.append(time.perf_counter() - start)
    objects = len(gc.get_objects())
    medians = {
        kind: {phase: statistics.median(values) for phase, values in phases.items()}
        for kind, phases in times.items()
    }
    return Phases(medians, objects, min(full))


def report(size: int, measured: Phases) -> str:
    """A Markdown table: a row per kind of change, a column per phase, in milliseconds; and
    a line on the cost of a full collection."""
    lines = [
        f"| {size:,} statements | " + " | ".join(PHASES) + " |",
        "|---|" + "---:|" * len(PHASES),
    ]
    for kind, phases in measured.medians.items():
        cells = " | ".join(f"{phases[phase] * 1000:.0f}" for phase in PHASES)
        lines.append(f"| {kind} | {cells} |")
    lines.append("")
    lines.append(
        f"One full collection of the {measured.objects:,} objects the collector tracks "
        f"(the map's state and Python's own): {measured.full_collection * 1000:.0f} ms."
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.lsp_phases", description=__doc__)
    parser.add_argument("--size", type=int, default=10_000, help="statements")
    parser.add_argument("--runs", type=int, default=5, help="changes of each kind")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="argmap-bench-lsp-") as work:
        measured = measure(args.size, args.runs, args.seed, Path(work))
    print(report(args.size, measured))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
