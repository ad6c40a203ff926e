"""The benchmark's tables: times, memory, ratios against Argdown, and the targets (Markdown)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from bench.measure import Failure, Timing
from bench.tasks import STARTUP, TASKS, Task

__all__ = ["RATIOS", "Results", "Target", "TARGETS", "evaluate", "format_report"]

Results = Mapping[tuple[str, int], Timing | Failure]
"""(task key, map size) → what was measured; start-up tasks use size 0."""


@dataclass(frozen=True, slots=True)
class Ratio:
    """``slow`` ÷ ``fast``: how many times faster argmap is than Argdown (wall time)."""

    title: str
    slow: str
    fast: str


RATIOS = (
    Ratio("Argdown validate ÷ argmap check", "argdown-validate", "check"),
    Ratio("Argdown validate ÷ argmap parse", "argdown-validate", "parse"),
    Ratio("Argdown json ÷ argmap parse --json", "argdown-json", "parse-json"),
    Ratio("Argdown map → DOT ÷ argmap render → DOT", "argdown-map-dot", "render-dot"),
    Ratio("Argdown map → SVG ÷ argmap render → SVG", "argdown-map-svg", "render-svg"),
)

FASTER_SIZES = (100, 10_000)
"""argmap must be faster than Argdown at every size from the first to the second."""

LINEAR_TASKS = ("parse", "parse-flat", "parse-json", "check", "label", "render-dot")
LINEAR_SIZES = (1_000, 5_000, 10_000)
LINEAR_NOTE = (
    "Growth: the CPU time each added statement costs from 5 000 to 10 000 statements, divided "
    "by the same from 1 000 to 5 000 (1.0 for a straight line, 2.5 for a quadratic one)."
)


@dataclass(frozen=True, slots=True)
class Measured:
    """A target's measured value, and how the report shows it."""

    value: float
    shown: str


@dataclass(frozen=True, slots=True)
class Target:
    """One target: what it measures in the results (or why it could not), and its limit."""

    title: str
    limit: float
    measure: Callable[[Results], Measured | str]
    at_least: bool = False

    def met(self, value: float) -> bool:
        return value >= self.limit if self.at_least else value <= self.limit


def _of(task: str, size: int, memory: bool = False) -> Callable[[Results], Measured | str]:
    """The wall time (or with ``memory``, the peak RSS) of one task at one size."""

    def measure(results: Results) -> Measured | str:
        found = results.get((task, size))
        if not isinstance(found, Timing):
            return _why(found, size)
        if memory:
            return Measured(found.rss, f"{found.rss:.0f} MiB")
        return Measured(found.wall, f"{found.wall:.2f} s (CPU {found.cpu:.2f} s)")

    return measure


def _linear(results: Results) -> Measured | str:
    """The largest growth factor of the argmap commands that were measured (see
    ``LINEAR_SIZES``)."""
    small, middle, large = LINEAR_SIZES
    worst: tuple[float, str] | None = None
    for task in LINEAR_TASKS:
        found = [results.get((task, size)) for size in LINEAR_SIZES]
        if not all(isinstance(t, Timing) for t in found):
            continue
        a, b, c = (t.cpu for t in found if isinstance(t, Timing))
        if b <= a:
            continue  # no measurable growth: nothing to compare
        growth = ((c - b) / (large - middle)) / ((b - a) / (middle - small))
        if worst is None or growth > worst[0]:
            worst = (growth, _title(task))
    if worst is None:
        return f"needs argmap's timings at {', '.join(map(str, LINEAR_SIZES))} statements"
    return Measured(worst[0], f"{worst[0]:.2f} (largest: {worst[1]})")


def _faster(ratio: Ratio) -> Callable[[Results], Measured | str]:
    def measure(results: Results) -> Measured | str:
        low, high = FASTER_SIZES
        sizes = sorted({s for (_, s) in results if low <= s <= high})
        values = {s: v for s in sizes if isinstance(v := _ratio(ratio, results, s), float)}
        if not values:  # then the smallest size says why
            return str(_ratio(ratio, results, low))
        size = min(values, key=values.__getitem__)
        measured = ", ".join(_number(s) for s in values)
        return Measured(values[size], f"{values[size]:.2f}× at {_number(size)} (of {measured})")

    return measure


TARGETS = (
    Target("start-up (`argmap --version`) ≤ 0.15 s", 0.15, _of("startup", 0)),
    Target("`argmap check` of the flagship map ≤ 0.3 s", 0.3, _of("flagship", 0)),
    Target("parse + check of 10 000 statements ≤ 1.5 s", 1.5, _of("check", 10_000)),
    Target("… with peak RSS ≤ 150 MB", 150e6 / 2**20, _of("check", 10_000, memory=True)),
    Target("every argmap command linear (growth ≤ 1.5, see below)", 1.5, _linear),
    *(
        Target(f"{r.title} > 1 at every size from 100 to 10 000", 1.0, _faster(r), at_least=True)
        for r in RATIOS
    ),
)
"""The targets (BENCHMARKS.md). Argdown's SVG is compared only up to ``--render-max``."""


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
    return slow.wall / fast.wall


def _number(size: int) -> str:
    return f"{size:,}".replace(",", " ")


def _title(key: str) -> str:
    return next(t.title for t in (*TASKS, *STARTUP) if t.key == key)


def evaluate(results: Results) -> list[tuple[Target, Measured | str, bool | None]]:
    """Each target with its measured value and whether it is met (None: not measured)."""
    rows: list[tuple[Target, Measured | str, bool | None]] = []
    for target in TARGETS:
        found = target.measure(results)
        rows.append(
            (target, found, target.met(found.value) if isinstance(found, Measured) else None)
        )
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
    header = ["", *(_number(size) for size in sizes)]

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
    out += ["", "Start-up, and the flagship map:", ""]
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
                row.append(f"{value:.2f}×")
        ratio_rows.append(row)
    if ratio_rows:
        out += [
            "",
            "Ratios (how many times faster argmap is, in wall time):",
        ]
        out += ["", *_table(["statements →", *header[1:]], ratio_rows)]
    out += ["", "Targets:", ""]
    target_rows = []
    for target, found, met in evaluate(results):
        if isinstance(found, str):
            target_rows.append([target.title, notes.mark(found), "not measured"])
            continue
        target_rows.append([target.title, found.shown, "met" if met else "MISSED"])
    out += _table(["target", "measured", "verdict"], target_rows)
    out += ["", LINEAR_NOTE]
    if notes.reasons:
        out += ["", "Notes:", "", *notes.lines()]
    return "\n".join(out) + "\n"
