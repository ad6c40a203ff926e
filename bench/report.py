"""The benchmark's tables: times, memory, ratios, and the targets of issue 7 (Markdown)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bench.measure import Failure, Timing
from bench.tasks import STARTUP, TASKS, Task

__all__ = ["RATIOS", "Results", "Target", "TARGETS", "evaluate", "format_report"]

Results = Mapping[tuple[str, int], Timing | Failure]
"""(task key, map size) → what was measured; start-up tasks use size 0."""


@dataclass(frozen=True, slots=True)
class Ratio:
    """``slow`` ÷ ``fast`` (how many times faster argmap is), or argmap's share of a render."""

    title: str
    slow: str
    fast: str
    share: bool = False


RATIOS = (
    Ratio("Argdown validate ÷ argmap check", "argdown-validate", "check"),
    Ratio("Argdown validate ÷ argmap parse", "argdown-validate", "parse"),
    Ratio("Argdown json ÷ argmap parse --json", "argdown-json", "parse-json"),
    Ratio("Argdown map → DOT ÷ argmap render → DOT", "argdown-map-dot", "render-dot"),
    Ratio("Argdown map → SVG ÷ argmap render → SVG", "argdown-map-svg", "render-svg"),
    Ratio(
        "argmap's share of its SVG render (the rest is dot)", "render-svg", "dot-svg", share=True
    ),
)


@dataclass(frozen=True, slots=True)
class Target:
    """A target of issue 7: a time or memory of one task (``wall``/``rss``), or a ratio."""

    title: str
    size: int
    limit: float
    task: str = ""
    field: str = "wall"
    ratio: Ratio | None = None

    def value(self, results: Results) -> float | str:
        """The measured value, or why there is none."""
        if self.ratio is not None:
            return _ratio(self.ratio, results, self.size)
        found = results.get((self.task, self.size))
        if not isinstance(found, Timing):
            return _why(found, self.size)
        return found.rss if self.field == "rss" else found.wall

    def met(self, value: float) -> bool:
        if self.ratio is not None and not self.ratio.share:
            return value >= self.limit
        return value <= self.limit

    def show(self, value: float) -> str:
        if self.ratio is not None:
            return f"{value:.0%}" if self.ratio.share else f"{value:.2f}×"
        return f"{value:.0f} MiB" if self.field == "rss" else f"{value:.2f} s"


TARGETS = (
    Target("start-up (`argmap --version`) ≤ 0.2 s", 0, 0.2, task="startup"),
    Target("parse + check of 10 000 statements ≤ 1 s", 10_000, 1.0, task="check"),
    Target("… with peak RSS ≤ 150 MB", 10_000, 150e6 / 2**20, task="check", field="rss"),
    Target("argmap's own share of an SVG render at 500 nodes ≤ 10 %", 500, 0.10, ratio=RATIOS[-1]),
    Target("parse + check at 5 000 ≥ 4× faster than Argdown validate", 5_000, 4.0, ratio=RATIOS[0]),
)


def _why(found: Timing | Failure | None, size: int) -> str:
    if isinstance(found, Failure):
        return found.reason
    return f"size {size} was not run (add it to --sizes)" if size else "not run"


def _ratio(ratio: Ratio, results: Results, size: int) -> float | str:
    slow, fast = results.get((ratio.slow, size)), results.get((ratio.fast, size))
    if not isinstance(slow, Timing):
        return _why(slow, size)
    if not isinstance(fast, Timing):
        return _why(fast, size)
    if ratio.share:  # CPU time: argmap and dot each use one core, and load does not skew it
        return max(0.0, slow.cpu - fast.cpu) / slow.cpu
    return slow.wall / fast.wall


def evaluate(results: Results) -> list[tuple[Target, float | str, bool | None]]:
    """Each target with its measured value and whether it is met (None: not measured)."""
    rows: list[tuple[Target, float | str, bool | None]] = []
    for target in TARGETS:
        value = target.value(results)
        rows.append((target, value, target.met(value) if isinstance(value, float) else None))
    return rows


class _Notes:
    """Footnotes for the cells that hold no number: one number per distinct reason."""

    def __init__(self) -> None:
        self.reasons: dict[str, int] = {}

    def mark(self, reason: str) -> str:
        number = self.reasons.setdefault(reason, len(self.reasons) + 1)
        return f"n/a [{number}]"

    def lines(self) -> list[str]:
        return [f"[{n}] {reason}" for reason, n in self.reasons.items()]


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        padded = [
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "| " + " | ".join(padded) + " |"

    rule = "|" + "|".join("-" * (w + 1) + (":" if i else "-") for i, w in enumerate(widths)) + "|"
    return [line(header), rule, *(line(row) for row in rows)]


def format_report(
    results: Results, sizes: Sequence[int], runs: int, tasks: Sequence[Task] = TASKS
) -> str:
    """The whole report as Markdown: tables of ``tasks``, ratios, targets, notes."""
    notes = _Notes()
    header = ["", *(f"{size:,}".replace(",", " ") for size in sizes)]

    def cell(key: str, size: int, field: str) -> str:
        found = results.get((key, size))
        if isinstance(found, Timing):
            if field == "rss":
                return f"{found.rss:.0f}"
            return f"{found.wall:.2f} ({found.cpu:.2f})"
        return notes.mark(_why(found, size))

    out = [f"Wall time in seconds (CPU user+system in brackets), median of {runs} runs:", ""]
    out += _table(
        ["statements →", *header[1:]],
        [[t.title, *(cell(t.key, s, "time") for s in sizes)] for t in tasks],
    )
    out += ["", "Peak memory (RSS, MiB), median of the runs:", ""]
    out += _table(
        ["statements →", *header[1:]],
        [[t.title, *(cell(t.key, s, "rss") for s in sizes)] for t in tasks],
    )
    out += ["", "Start-up:", ""]
    out += _table(
        ["command", "wall s (CPU s)", "RSS MiB"],
        [[t.title, cell(t.key, 0, "time"), cell(t.key, 0, "rss")] for t in STARTUP],
    )
    ratio_rows = []
    keys = {t.key for t in tasks}
    for ratio in (r for r in RATIOS if {r.slow, r.fast} <= keys):
        row = [ratio.title]
        for size in sizes:
            value = _ratio(ratio, results, size)
            if isinstance(value, str):
                row.append(notes.mark(value))
            else:
                row.append(f"{value:.0%}" if ratio.share else f"{value:.2f}×")
        ratio_rows.append(row)
    if ratio_rows:
        out += [
            "",
            "Ratios (× = how many times faster argmap is, in wall time; "
            "% = argmap's share of the CPU time):",
        ]
        out += ["", *_table(["statements →", *header[1:]], ratio_rows)]
    out += ["", "Targets (issue 7):", ""]
    target_rows = []
    for target, value, met in evaluate(results):
        if isinstance(value, str):
            target_rows.append([target.title, notes.mark(value), "not measured"])
            continue
        target_rows.append([target.title, target.show(value), "met" if met else "MISSED"])
    out += _table(["target", "measured", "verdict"], target_rows)
    if notes.reasons:
        out += ["", "Notes:", "", *notes.lines()]
    return "\n".join(out) + "\n"
