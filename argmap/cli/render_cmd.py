"""``argmap render``: draw maps with Graphviz as SVG, PNG, PDF or DOT."""

from __future__ import annotations

import os
import sys
from dataclasses import replace

import click

from argmap.cli.config import ConfigError
from argmap.cli.drawing_options import drawing_options, render_options
from argmap.cli.inputs import EXIT_CLEAN, EXIT_ERROR, expand, fail, read_input, usable
from argmap.cli.render_output import (
    FORMATS,
    STDOUT,
    Job,
    OutputError,
    plan,
    write_output,
    write_problem,
)
from argmap.reader import ReadResult
from argmap.render import RenderOptions, find, focus_problem, parse_attribute, to_digraph
from argmap.render.attributes import attribute_problem
from argmap.render.engines import EngineError, EngineMissing, draw

__all__ = ["render"]

_BINARY = ("png", "pdf")


_LINKS = {
    "url",
    "href",
    *(f"{p}{n}" for p in ("edge", "head", "tail", "label") for n in ("url", "href")),
}
"""Graphviz attributes that become links in SVG (names compared in lower case)."""
_SCRIPT_SCHEMES = ("javascript:", "vbscript:")
_INVISIBLE = {code: None for code in range(0x21)}
_RAW_HELP = "passed on unchecked"


def _script_link(name: str, value: str) -> bool:
    """True for a link attribute whose value would run a script when clicked (as a browser
    reads it: entities decoded, spaces and control characters ignored, any case)."""
    if name.lower() not in _LINKS:
        return False
    import html  # here: raw attributes are rare

    return html.unescape(value).translate(_INVISIBLE).lower().startswith(_SCRIPT_SCHEMES)


def _attributes(values: tuple[str, ...], option: str) -> tuple[tuple[str, str], ...]:
    """The ``name=value`` pairs of one of -G/-N/-E; a warning for each that changes nothing."""
    try:
        attributes = tuple(parse_attribute(v) for v in values)
    except ValueError as exc:
        fail(f"{option}: {exc}")
        raise  # unreachable: fail exits
    for name, value in attributes:
        if _script_link(name, value):
            fail(f"{option} {name}: a link that runs a script ({value[:40]}) is refused")
        problem = attribute_problem(option, name)
        if problem:
            click.echo(f"argmap: warning: {problem}", err=True)
    return attributes


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
    "--no-check", is_flag=True, help="Do not mark unsupported claims and unanswered objections."
)
@click.option(
    "--evaluate",
    is_flag=True,
    help="Mark what is OUT (greyed, saying why) and UNDEC (see argmap label).",
)
@click.option(
    "--focus", metavar="ID", help="Draw only the neighbourhood of this statement or inference."
)
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    metavar="N",
    help="Draw N reasoning steps below the thesis; with --focus, around it (default 2).",
)
@click.option(
    "-G",
    "graph_attrs",
    multiple=True,
    metavar="NAME=VALUE",
    help=f"Raw Graphviz graph attribute (like dot -G), {_RAW_HELP}.",
)
@click.option(
    "-N",
    "node_attrs",
    multiple=True,
    metavar="NAME=VALUE",
    help=f"Raw Graphviz node attribute (like dot -N), {_RAW_HELP}.",
)
@click.option(
    "-E",
    "edge_attrs",
    multiple=True,
    metavar="NAME=VALUE",
    help=f"Raw Graphviz edge attribute (like dot -E), {_RAW_HELP}.",
)
def render(
    files: tuple[str, ...],
    output: str | None,
    fmt: str | None,
    rankdir: str,
    theme: str,
    legend: bool,
    no_check: bool,
    evaluate: bool,
    focus: str | None,
    depth: int | None,
    detail: str,
    collapse: tuple[str, ...],
    groups: str,
    engine: str,
    width: int,
    graph_attrs: tuple[str, ...],
    node_attrs: tuple[str, ...],
    edge_attrs: tuple[str, ...],
) -> None:
    """Draw the maps in FILES as diagrams (docs/visual-language.md), or as an interactive HTML
    page (-f html: pan, zoom, search, and a panel for the clicked statement; docs/html.md).

    Each map is written beside itself as MAP.svg unless -o says otherwise; - reads standard
    input. Unsupported claims and unanswered objections are marked (--no-check to leave them
    out). Formats other than DOT need Graphviz. Exit code 2 when a map cannot be drawn.

    Raw attributes (-G, -N, -E) are passed to Graphviz unchecked, as dot takes them: they
    can make a drawing that is not well-formed SVG. Links that run a script (javascript:)
    are refused.
    """
    if focus is not None and not focus.strip():
        fail("--focus needs the id of a statement, reason or objection (it was empty)")
    options = replace(
        render_options(rankdir, theme, legend, detail, groups, collapse, width),
        focus=focus,
        depth=depth,
        graph_attrs=_attributes(graph_attrs, "-G"),
        node_attrs=_attributes(node_attrs, "-N"),
        edge_attrs=_attributes(edge_attrs, "-E"),
    )
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
        if not _run(job, options, engine, check=not no_check, evaluate=evaluate):
            exit_code = EXIT_ERROR
    raise SystemExit(exit_code)


def _run(job: Job, options: RenderOptions, engine: str, *, check: bool, evaluate: bool) -> bool:
    """Draw one map and write it; False (after saying why) when it cannot be done."""
    result = usable(read_input(job.source))
    if result is None:
        return False
    m = result.map
    problem = focus_problem(m, options.focus) if options.focus else None
    if problem:
        click.echo(f"{m.path}: error: {problem}", err=True)
        return False
    if job.format == "html":
        return _html(job, result, options, engine, check=check, evaluate=evaluate)
    source = to_digraph(m, find(m, check=check, evaluate=evaluate), options).source
    if job.format == "dot":
        return _write(job, source.encode("utf-8"))
    try:
        drawing = draw(source, format=job.format, engine=engine)
    except EngineMissing as exc:
        fail(str(exc))
        return False
    except EngineError as exc:
        _pass_on(m.path, exc.warnings)
        click.echo(f"{m.path}: error: {exc}", err=True)
        return False
    _pass_on(m.path, drawing.warnings)
    return _write(job, drawing.data)


def _html(
    job: Job,
    result: ReadResult,
    options: RenderOptions,
    engine: str,
    *,
    check: bool,
    evaluate: bool,
) -> bool:
    """The interactive page of one map (docs/html.md)."""
    from argmap.cli.html_render import html_parts
    from argmap.html import html_page

    try:
        parts = html_parts(result, options, engine, check=check)
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
    if job.output == STDOUT:
        try:
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            raise  # the reader went away (| head): the command group stops quietly
        except OSError as exc:
            click.echo(f"standard output: error: {write_problem(STDOUT, exc)}", err=True)
            return False
        return True
    try:
        os.makedirs(os.path.dirname(os.path.abspath(job.output)), exist_ok=True)
        write_output(job.output, data)
    except OSError as exc:
        click.echo(f"{job.output}: error: {write_problem(job.output, exc)}", err=True)
        return False
    click.echo(f"wrote {job.output}", err=True)
    return True
