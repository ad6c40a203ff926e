"""How a map is drawn: the options of ``argmap render`` as one frozen value."""

from __future__ import annotations

import re
from dataclasses import dataclass

from argmap.render.themes import DEFAULT, Theme

__all__ = ["RANKDIRS", "RenderOptions", "parse_attribute"]

RANKDIRS = ("BT", "TB", "LR", "RL")
_ATTRIBUTE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")

Attribute = tuple[str, str]


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """Everything but the map and its findings that decides the DOT.

    ``rankdir`` BT puts the thesis at the top with its reasons below. ``width`` is the wrap
    width of statement text in columns. ``focus``/``depth`` draw only a neighbourhood.
    ``graph_attrs``/``node_attrs``/``edge_attrs`` are raw Graphviz attributes that override the
    theme (like dot's ``-G``/``-N``/``-E``).
    """

    rankdir: str = "BT"
    theme: Theme = DEFAULT
    width: int = 30
    legend: bool = False
    focus: str | None = None
    depth: int = 2
    graph_attrs: tuple[Attribute, ...] = ()
    node_attrs: tuple[Attribute, ...] = ()
    edge_attrs: tuple[Attribute, ...] = ()

    def __post_init__(self) -> None:
        if self.rankdir not in RANKDIRS:
            raise ValueError(f"rankdir must be one of {', '.join(RANKDIRS)}, not {self.rankdir!r}")
        if self.width < 8:
            raise ValueError("the wrap width must be at least 8 columns")
        if self.depth < 0:
            raise ValueError("the depth must be 0 or more")
        for name, value in (*self.graph_attrs, *self.node_attrs, *self.edge_attrs):
            _check_attribute(name, value)


def parse_attribute(text: str) -> Attribute:
    """``name=value`` as given to ``-G``/``-N``/``-E``; ``ValueError`` in plain words if not."""
    name, sep, value = text.partition("=")
    if not sep:
        raise ValueError(f'"{text}" is not of the form name=value (for example rankdir=LR)')
    _check_attribute(name, value)
    return name, value


def _check_attribute(name: str, value: str) -> None:
    """Refuse what cannot be written into DOT safely: a name that is not an identifier, a
    value whose last backslash would escape the closing quote."""
    if not _ATTRIBUTE_NAME.match(name):
        raise ValueError(
            f'"{name}" is not a Graphviz attribute name '
            "(letters, digits and _, not starting with a digit)"
        )
    if re.search(r"(?<!\\)(\\\\)*\\\Z", value):
        raise ValueError(f'the value of "{name}" cannot end with a backslash')
