"""How a map is drawn: the options of ``argmap render`` as one frozen value."""

from __future__ import annotations

import re
from dataclasses import dataclass

from argmap.render.themes import DEFAULT, Theme

__all__ = ["COLLAPSIBLE", "DETAILS", "GROUPINGS", "RANKDIRS", "RenderOptions", "parse_attribute"]

RANKDIRS = ("BT", "TB", "LR", "RL")
DETAILS = ("brief", "full")
COLLAPSIBLE = ("evidence",)
GROUPINGS = ("none", "box")
FOCUS_DEPTH = 2
_ATTRIBUTE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")

Attribute = tuple[str, str]


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """Everything but the map and its findings that decides the DOT.

    ``rankdir`` BT puts the thesis at the top with its reasons below. ``width`` is the wrap
    width of statement text in columns. ``detail`` "brief" draws a statement's text and kind
    with a small mark of where it comes from (the rest is in the SVG's tooltips), "full" its
    quote, source and holder too. ``focus`` with ``depth`` (default 2) draws only a
    neighbourhood; ``depth`` alone draws that many steps below the theses.
    ``collapse`` ("evidence") folds the evidence under each claim into a count. ``groups``
    "box" draws each group as a box around its statements; "none" leaves the layout to the
    argument (a statement's group is named in its tooltip).
    ``graph_attrs``/``node_attrs``/``edge_attrs`` are raw Graphviz attributes that override the
    theme (like dot's ``-G``/``-N``/``-E``).
    """

    rankdir: str = "BT"
    theme: Theme = DEFAULT
    width: int = 30
    legend: bool = False
    focus: str | None = None
    depth: int | None = None
    detail: str = "brief"
    collapse: tuple[str, ...] = ()
    groups: str = "none"
    graph_attrs: tuple[Attribute, ...] = ()
    node_attrs: tuple[Attribute, ...] = ()
    edge_attrs: tuple[Attribute, ...] = ()

    def __post_init__(self) -> None:
        if self.rankdir not in RANKDIRS:
            raise ValueError(f"rankdir must be one of {', '.join(RANKDIRS)}, not {self.rankdir!r}")
        if self.width < 8:
            raise ValueError("the wrap width must be at least 8 columns")
        if self.depth is not None and self.depth < 0:
            raise ValueError("the depth must be 0 or more")
        if self.detail not in DETAILS:
            raise ValueError(f"detail must be one of {', '.join(DETAILS)}, not {self.detail!r}")
        if self.groups not in GROUPINGS:
            raise ValueError(f"groups must be one of {', '.join(GROUPINGS)}, not {self.groups!r}")
        for what in self.collapse:
            if what not in COLLAPSIBLE:
                raise ValueError(f"only {', '.join(COLLAPSIBLE)} can be collapsed, not {what!r}")
        for name, value in (*self.graph_attrs, *self.node_attrs, *self.edge_attrs):
            _check_attribute(name, value)

    @property
    def focus_depth(self) -> int:
        """How many steps around ``focus`` to draw."""
        return FOCUS_DEPTH if self.depth is None else self.depth


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
