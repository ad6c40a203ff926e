"""``argmap render``: draw maps with Graphviz as SVG, PNG, PDF or DOT."""

from __future__ import annotations

import sys

import click

from argmap.checks import SelectionError
from argmap.cli.config import ConfigError
from argmap.cli.drawing_options import Drawing, drawing_options
from argmap.cli.inputs import EXIT_CLEAN, EXIT_ERROR, expand, fail, read_input, usable
from argmap.cli.output_files import write_file
from argmap.cli.render_output import FORMATS, STDOUT, Job, OutputError, plan
from argmap.cli.settings import ConfigFinder
from argmap.reader import ReadResult
from argmap.render import focus_problem, to_digraph
from argmap.render.engines import EngineError, EngineMissing, draw

__all__ = ["render"]

_BINARY = ("png", "pdf")


@click.command()
@click.argument("files", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    metavar="PATH",
    help="Output file, folder (for several maps), or - for standard output.",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="Output format (default: from -o, else svg).",
)
@drawing_options
@click.option(
    "--evaluate",
    is_flag=True,
    help="Mark what is OUT (greyed, saying why) and UNDEC (see argmap label).",
)
def render(
    files: tuple[str, ...],
    output: str | None,
    fmt: str | None,
    evaluate: bool,
    drawing: Drawing,
) -> None:
    """Draw the maps in FILES as diagrams (docs/visual-language.md), or as an interactive HTML
    page (-f html: pan, zoom, search, and a panel for the clicked statement; docs/html.md).

    Each map is written beside itself as MAP.svg unless -o says otherwise; - reads standard
    input. Unsupported claims and unanswered objections are marked as argmap check reports
    them, with the map's settings and suppression comments (--no-check to leave them out).
    Formats other than DOT need Graphviz. Exit code 2 when a map cannot be drawn or its
    settings cannot be used.

    Raw attributes (-G, -N, -E) are passed to Graphviz unchecked, as dot takes them: they
    can make a drawing that is not well-formed SVG. Links that run a script (javascript:)
    are refused.
    """
    try:
        jobs = plan(expand(files), output, fmt)
    except OutputError as exc:
        fail(str(exc))
        return
    binary = [j.format.upper() for j in jobs if j.output == STDOUT and j.format in _BINARY]
    if binary and sys.stdout.isatty():
        fail(f"{binary[0]} would garble the terminal: write it to a file with -o")
    exit_code = EXIT_CLEAN
    for job in jobs:
        if not _run(job, drawing, evaluate=evaluate):
            exit_code = EXIT_ERROR
    raise SystemExit(exit_code)


def _run(job: Job, drawing: Drawing, *, evaluate: bool) -> bool:
    """Draw one map and write it; False (after saying why) when it cannot be done."""
    result = usable(read_input(job.source))
    if result is None:
        return False
    m = result.map
    options = drawing.options
    problem = focus_problem(m, options.focus) if options.focus else None
    if problem:
        click.echo(f"{m.path}: error: {problem}", err=True)
        return False
    if job.format == "html":
        return _html(job, result, drawing, evaluate=evaluate)
    try:
        config = ConfigFinder().for_map(None if m.path == "<stdin>" else m.path)
        found = drawing.findings(m, config, evaluate=evaluate)
    except (ConfigError, SelectionError) as exc:
        click.echo(f"{m.path}: error: {exc}", err=True)
        return False
    source = to_digraph(m, found, options).source
    if job.format == "dot":
        return _write(job, source.encode("utf-8"))
    try:
        drawn = draw(source, format=job.format, engine=drawing.engine)
    except EngineMissing as exc:
        fail(str(exc))
        return False
    except EngineError as exc:
        _pass_on(m.path, exc.warnings)
        click.echo(f"{m.path}: error: {exc}", err=True)
        return False
    _pass_on(m.path, drawn.warnings)
    return _write(job, drawn.data)


def _html(
    job: Job,
    result: ReadResult,
    drawing: Drawing,
    *,
    evaluate: bool,
) -> bool:
    """The interactive page of one map (docs/html.md)."""
    from argmap.cli.html_render import html_parts
    from argmap.html import html_page

    try:
        parts = html_parts(result, drawing)
        page = html_page(parts.drawings, parts.data, evaluate=evaluate)
    except EngineMissing as exc:
        fail(str(exc))
        return False
    except (EngineError, ConfigError, ValueError) as exc:
        _pass_on(result.map.path, getattr(exc, "warnings", ()))
        click.echo(f"{result.map.path}: error: {exc}", err=True)
        return False
    _pass_on(result.map.path, parts.warnings)
    return _write(job, page.encode("utf-8"))


def _pass_on(path: str, warnings: tuple[str, ...]) -> None:
    """Graphviz's warnings about one map, each on a line of standard error."""
    for warning in warnings:
        click.echo(f"{path}: graphviz: {warning}", err=True)


def _write(job: Job, data: bytes) -> bool:
    problem = write_file(job.output, data)
    if problem:
        click.echo(problem, err=True)
        return False
    if job.output != STDOUT:
        click.echo(f"wrote {job.output}", err=True)
    return True
