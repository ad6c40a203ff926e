"""How a map is drawn: the options ``argmap render`` and ``argmap view`` share."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from argmap.render import THEMES, RenderOptions
from argmap.render.engines import ENGINES
from argmap.render.options import COLLAPSIBLE, DETAILS, GROUPINGS, RANKDIRS

__all__ = ["drawing_options", "render_options"]

F = TypeVar("F", bound=Callable[..., Any])

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
        type=click.Choice(ENGINES),
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
)


def drawing_options(command: F) -> F:
    """Give a command the drawing options (``--rankdir`` … ``--wrap``), in this order."""
    for option in reversed(_OPTIONS):
        command = option(command)
    return command


def render_options(
    rankdir: str,
    theme: str,
    legend: bool,
    detail: str,
    groups: str,
    collapse: tuple[str, ...],
    width: int,
) -> RenderOptions:
    """The drawing the options of :func:`drawing_options` ask for (``--engine`` aside)."""
    return RenderOptions(
        rankdir=rankdir,
        theme=THEMES[theme],
        width=width,
        legend=legend,
        detail=detail,
        collapse=collapse,
        groups=groups,
    )
