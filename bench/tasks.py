"""What the benchmark measures: each task is one command line run on a generated map."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.generate import MapFiles
from bench.measure import Failure, Timing, measure
from bench.tools import Tools

__all__ = ["FLAGSHIP", "STARTUP", "TASKS", "Task", "run_task"]


@dataclass(frozen=True, slots=True)
class Task:
    """A command to time on each map size.

    ``program`` is ``argmap``, ``dot``, ``argdown`` or ``python`` (argmap's interpreter);
    ``args`` builds its arguments from the map's files (relative to the work folder);
    ``needs`` is the argmap subcommand it runs; ``render`` tasks lay out a whole graph and
    are capped by ``--render-max``; ``after`` names the task whose output file this one reads.
    """

    key: str
    title: str
    program: str
    args: Callable[[MapFiles], list[str]]
    ok: tuple[int, ...] = (0,)
    needs: str | None = None
    render: bool = False
    after: str | None = None


def _name(path: Path) -> str:
    return path.name


def _dot(files: MapFiles) -> str:
    return files.outline.with_suffix(".dot").name


TASKS = (
    Task("parse", "argmap parse", "argmap", lambda f: ["parse", _name(f.outline)], needs="parse"),
    Task(
        "parse-flat",
        "argmap parse (flat form)",
        "argmap",
        lambda f: ["parse", _name(f.flat)],
        needs="parse",
    ),
    Task(
        "parse-json",
        "argmap parse --json",
        "argmap",
        lambda f: ["parse", "--json", _name(f.outline)],
        needs="parse",
    ),
    Task(
        "check",
        "argmap check (parse + check)",
        "argmap",
        lambda f: ["check", _name(f.outline)],
        ok=(0, 1),
        needs="check",
    ),
    Task("label", "argmap label", "argmap", lambda f: ["label", _name(f.outline)], needs="label"),
    Task(
        "fmt",
        "argmap fmt --check",
        "argmap",
        lambda f: ["fmt", "--check", _name(f.outline)],
        ok=(0, 1),
        needs="fmt",
    ),
    Task(
        "render-dot",
        "argmap render → DOT",
        "argmap",
        lambda f: ["render", _name(f.outline), "-o", _dot(f)],
        needs="render",
    ),
    Task(
        "render-svg",
        "argmap render → SVG",
        "argmap",
        lambda f: ["render", _name(f.outline), "-o", f.outline.with_suffix(".svg").name],
        needs="render",
        render=True,
    ),
    Task(
        "dot-svg",
        "bare dot -Tsvg on argmap's DOT",
        "dot",
        lambda f: ["-Tsvg", _dot(f), "-o", f.outline.stem + "-bare.svg"],
        render=True,
        after="render-dot",
    ),
    Task("argdown-validate", "Argdown validate", "argdown", lambda f: [_name(f.argdown)]),
    Task(
        "argdown-json",
        "Argdown json",
        "argdown",
        lambda f: ["json", _name(f.argdown), "argdown-out"],
    ),
    Task(
        "argdown-map-dot",
        "Argdown map → DOT",
        "argdown",
        lambda f: ["map", "-f", "dot", _name(f.argdown), "argdown-out"],
    ),
    Task(
        "argdown-map-svg",
        "Argdown map → SVG",
        "argdown",
        lambda f: ["map", "-f", "svg", _name(f.argdown), "argdown-out"],
        render=True,
    ),
)

FLAGSHIP = Path(__file__).resolve().parents[1] / "maps" / "precarious-balance.arg"
"""The flagship map: its quotes are verified when the column's text is beside the repository."""

STARTUP = (
    Task("startup", "argmap --version", "argmap", lambda f: ["--version"]),
    Task(
        "flagship",
        "argmap check of the flagship map",
        "argmap",
        lambda f: ["check", str(FLAGSHIP)],
        ok=(0, 1),
        needs="check",
    ),
    Task("argdown-startup", "argdown --version", "argdown", lambda f: ["--version"]),
    # The floor of any command of a Python CLI built on lark and click: what no work of
    # argmap's own can go below.
    Task("python", "Python, doing nothing (floor)", "python", lambda f: ["-c", "pass"]),
    Task(
        "python-imports",
        "Python importing lark and click (floor)",
        "python",
        lambda f: ["-c", "import lark, click"],
    ),
)


def run_task(
    task: Task,
    files: MapFiles,
    size: int,
    tools: Tools,
    runs: int,
    render_max: int,
    done: dict[str, Timing | Failure],
) -> Timing | Failure:
    """Measure one task on one map, or say why it cannot run; ``done`` holds earlier tasks."""
    program = _program(task, tools)
    if isinstance(program, Failure):
        return program
    if task.render and size > render_max:
        return Failure(f"not run above {render_max} statements (--render-max)")
    if task.after is not None and not isinstance(done.get(task.after), Timing):
        return Failure(f"needs the output of: {_title(task.after)}")
    return measure([str(program), *task.args(files)], files.outline.parent, runs, task.ok)


def _program(task: Task, tools: Tools) -> Path | Failure:
    if task.program == "argmap":
        if task.needs is not None and task.needs not in tools.argmap_commands:
            return Failure(f"`argmap {task.needs}` does not exist yet")
        return tools.argmap
    if task.program == "python":
        return tools.python
    if task.program == "dot":
        return tools.dot if tools.dot is not None else Failure("Graphviz `dot` is not installed")
    return tools.argdown if isinstance(tools.argdown, Path) else Failure(f"Argdown {tools.argdown}")


def _title(key: str) -> str:
    return next(t.title for t in TASKS if t.key == key)
