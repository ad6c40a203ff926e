"""How a map is drawn: the options ``argmap render`` and ``argmap view`` share, declared once
and handed to the command as one :class:`Drawing`."""

from __future__ import annotations

import functools
import html
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

import click
from click.core import ParameterSource

from argmap.checks import select_checks
from argmap.cli.config import Config
from argmap.cli.inputs import fail
from argmap.model import ArgumentMap
from argmap.render import THEMES, Findings, RenderOptions, find, parse_attribute
from argmap.render.attributes import attribute_problem
from argmap.render.engines import ENGINES
from argmap.render.options import COLLAPSIBLE, DETAILS, GROUPINGS, RANKDIRS

__all__ = ["Drawing", "drawing_options"]

F = TypeVar("F", bound=Callable[..., Any])

_RAW_HELP = "passed on unchecked"


class Drawing(NamedTuple):
    """What the drawing options ask for: the drawing, the Graphviz engine, and whether
    unsupported claims and unanswered objections are marked."""

    options: RenderOptions
    engine: str
    check: bool

    def findings(self, m: ArgumentMap, config: Config, *, evaluate: bool) -> Findings:
        """What to mark on the drawing of ``m``: what ``argmap check`` reports with the
        map's settings (``config``) and suppression comments, and the labels with
        ``evaluate``. Raises :class:`~argmap.checks.SelectionError` for a selection that
        names no check."""
        selection = select_checks([config.layer()])
        return find(
            m, check=self.check, evaluate=evaluate, selection=selection, options=config.options
        )


class _EngineChoice(click.Choice[str]):
    """The engines argmap knows; a wrong ``ARGMAP_ENGINE`` is blamed on that setting, not on
    an ``--engine`` the user never gave."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as exc:
            name = param.name if param is not None else None
            if ctx is None or name is None:
                raise
            if ctx.get_parameter_source(name) is not ParameterSource.ENVIRONMENT:
                raise
            hint = "the environment variable ARGMAP_ENGINE"
            raise click.BadParameter(exc.message, ctx, param_hint=hint) from None


def _raw(flag: str, name: str, like: str) -> Callable[[F], F]:
    return click.option(
        flag,
        name,
        multiple=True,
        metavar="NAME=VALUE",
        help=f"Raw Graphviz {like} attribute (like dot {flag}), {_RAW_HELP}.",
    )


_OPTIONS = (
    click.option(
        "--rankdir",
        type=click.Choice(RANKDIRS),
        default="BT",
        show_default=True,
        help="Layout direction: BT puts the thesis on top with its reasons below.",
    ),
    click.option(
        "--theme",
        type=click.Choice(sorted(THEMES)),
        default="default",
        show_default=True,
        help="Colours; print is greyscale.",
    ),
    click.option("--legend", is_flag=True, help="Draw a small key to the boxes, lines and marks."),
    click.option(
        "--detail",
        type=click.Choice(DETAILS),
        default="brief",
        show_default=True,
        help="brief: text, kind and a provenance mark (the rest on hover in SVG); "
        "full: quotes, sources, holders and ids in the boxes.",
    ),
    click.option(
        "--groups",
        type=click.Choice(GROUPINGS),
        default="none",
        show_default=True,
        help="box: draw each group as a box around its statements (a larger drawing).",
    ),
    click.option(
        "--collapse",
        type=click.Choice(COLLAPSIBLE),
        multiple=True,
        help="Fold the evidence under each claim into a count.",
    ),
    click.option(
        "--engine",
        type=_EngineChoice(ENGINES),
        default="dot",
        show_default=True,
        envvar="ARGMAP_ENGINE",
        help="Graphviz layout engine (or set ARGMAP_ENGINE).",
    ),
    click.option(
        "--wrap",
        "width",
        metavar="N",
        type=click.IntRange(min=8),
        default=30,
        show_default=True,
        help="Wrap statement text at this many characters.",
    ),
    click.option(
        "--no-check", is_flag=True, help="Do not mark unsupported claims and unanswered objections."
    ),
    click.option(
        "--focus", metavar="ID", help="Draw only the neighbourhood of this statement or inference."
    ),
    click.option(
        "--depth",
        type=click.IntRange(min=0),
        metavar="N",
        help="Draw N reasoning steps below the thesis; with --focus, around it (default 2).",
    ),
    _raw("-G", "graph_attrs", "graph"),
    _raw("-N", "node_attrs", "node"),
    _raw("-E", "edge_attrs", "edge"),
)

_LINKS = {
    "url",
    "href",
    *(f"{p}{n}" for p in ("edge", "head", "tail", "label") for n in ("url", "href")),
}
"""Graphviz attributes that become links in SVG (names compared in lower case)."""
_SCRIPT_SCHEMES = ("javascript:", "vbscript:")
_INVISIBLE = {code: None for code in range(0x21)}


def drawing_options(command: F) -> F:
    """Give a command the drawing options (``--rankdir`` … ``-E``); it receives them as one
    keyword argument, ``drawing`` (a :class:`Drawing`)."""

    @functools.wraps(command)
    def with_drawing(
        *args: Any,
        rankdir: str,
        theme: str,
        legend: bool,
        detail: str,
        groups: str,
        collapse: tuple[str, ...],
        engine: str,
        width: int,
        no_check: bool,
        focus: str | None,
        depth: int | None,
        graph_attrs: tuple[str, ...],
        node_attrs: tuple[str, ...],
        edge_attrs: tuple[str, ...],
        **kwargs: Any,
    ) -> Any:
        if focus is not None and not focus.strip():
            fail("--focus needs the id of a statement, reason or objection (it was empty)")
        options = RenderOptions(
            rankdir=rankdir,
            theme=THEMES[theme],
            width=width,
            legend=legend,
            detail=detail,
            collapse=collapse,
            groups=groups,
            focus=focus,
            depth=depth,
            graph_attrs=_attributes(graph_attrs, "-G"),
            node_attrs=_attributes(node_attrs, "-N"),
            edge_attrs=_attributes(edge_attrs, "-E"),
        )
        return command(*args, drawing=Drawing(options, engine, not no_check), **kwargs)

    for option in reversed(_OPTIONS):
        with_drawing = option(with_drawing)
    return with_drawing  # type: ignore[return-value]


def _attributes(values: tuple[str, ...], option: str) -> tuple[tuple[str, str], ...]:
    """The ``name=value`` pairs of one of -G/-N/-E; a warning for each that changes nothing."""
    try:
        attributes = tuple(parse_attribute(v) for v in values)
    except ValueError as exc:
        fail(f"{option}: {exc}")
    for name, value in attributes:
        if _script_link(name, value):
            fail(f"{option} {name}: a link that runs a script ({value[:40]}) is refused")
        problem = attribute_problem(option, name)
        if problem:
            click.echo(f"argmap: warning: {problem}", err=True)
    return attributes


def _script_link(name: str, value: str) -> bool:
    """True for a link attribute whose value would run a script when clicked (as a browser
    reads it: entities decoded, spaces and control characters ignored, any case)."""
    if name.lower() not in _LINKS:
        return False
    return html.unescape(value).translate(_INVISIBLE).lower().startswith(_SCRIPT_SCHEMES)
