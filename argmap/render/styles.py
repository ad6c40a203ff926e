"""The visual language (docs/visual-language.md): Graphviz attributes for each kind of element.

Every distinction is made by shape, line style or arrowhead first and by colour second:

- thesis: a square box with a double, bold border, larger text; claim: a rounded box;
  evidence: a "note" (folded corner); assumption: a square box with a dashed border;
- a reason is a small filled dot where its linked premises meet (lines without arrowheads)
  before one solid arrow with a pointed head goes on to the target;
- an objection is a small diamond; its lines are dashed and end in a flat bar (``tee``);
- a rebuttal (an objection to an objection or to one of its premises) is dotted;
- a premise box is filled with a pale tint of its inference's colour (and its first line
  says "because", "but" or "however", see :mod:`argmap.render.labels`);
- status is secondary: an OUT statement's text and outline are grey, findings (unsupported,
  unanswered) thicken the outline or line, and each adds a word.
"""

from __future__ import annotations

from argmap.model import Label, StatementKind
from argmap.render.roles import Role
from argmap.render.themes import Theme

__all__ = [
    "Role",
    "cluster_style",
    "conclusion_style",
    "edge_defaults",
    "graph_defaults",
    "junction_style",
    "node_defaults",
    "premise_style",
    "statement_style",
]

Attributes = dict[str, str]


_SHAPES: dict[StatementKind, Attributes] = {
    StatementKind.THESIS: {
        "shape": "box",
        "style": "filled,bold",
        "peripheries": "2",
        "penwidth": "1.6",
        "fontsize": "15",
    },
    StatementKind.CLAIM: {"shape": "box", "style": "rounded,filled", "penwidth": "1.2"},
    StatementKind.EVIDENCE: {"shape": "note", "style": "filled", "penwidth": "1.2"},
    StatementKind.ASSUMPTION: {"shape": "box", "style": "dashed,filled", "penwidth": "1.4"},
}

_LINES = {Role.SUPPORT: "solid", Role.OBJECTION: "dashed", Role.REBUTTAL: "dotted"}
_HEADS = {Role.SUPPORT: "normal", Role.OBJECTION: "tee", Role.REBUTTAL: "tee"}
_JUNCTIONS = {Role.SUPPORT: "circle", Role.OBJECTION: "diamond", Role.REBUTTAL: "diamond"}
_FINDING_PEN = "3.2"


def graph_defaults(theme: Theme, rankdir: str) -> Attributes:
    """Attributes of the whole graph. No ``size``: a large map is never shrunk to fit a page.
    ``newrank`` ranks the whole map at once, so that groups do not push the thesis aside."""
    return {
        "rankdir": rankdir,
        "newrank": "true",
        "fontname": theme.font,
        "fontcolor": theme.ink,
        "nodesep": "0.2",
        "ranksep": "0.25",
        "labelloc": "t",
        "fontsize": "18",
    }


def node_defaults(theme: Theme) -> Attributes:
    """Attributes shared by all nodes."""
    return {
        "fontname": theme.font,
        "fontsize": "12",
        "color": theme.ink,
        "fontcolor": theme.ink,
        "margin": "0.12,0.06",
    }


def edge_defaults(theme: Theme) -> Attributes:
    """Attributes shared by all edges."""
    return {"fontname": theme.font, "fontsize": "10", "fontcolor": theme.ink, "arrowsize": "0.9"}


def role_colour(role: Role, theme: Theme) -> str:
    """The colour that repeats a role's line style."""
    return {Role.SUPPORT: theme.support, Role.OBJECTION: theme.objection}.get(role, theme.rebuttal)


def statement_style(
    kind: StatementKind,
    theme: Theme,
    *,
    role: Role | None = None,
    unsupported: bool,
    label: Label | None,
) -> Attributes:
    """A statement's box: shape and line by kind; fill by the role of the inference it is a
    premise of (by kind for the thesis and for statements that are no one's premise); grey
    text and outline when OUT; a thick outline when the checker finds it unsupported."""
    attrs = dict(_SHAPES[kind])
    tinted = role is not None and kind is not StatementKind.THESIS
    attrs["fillcolor"] = theme.role_fills[role] if role and tinted else theme.fills[kind]
    if label is Label.OUT:
        attrs["color"] = attrs["fontcolor"] = theme.faded
    if unsupported:
        attrs["color"] = theme.finding
        attrs["penwidth"] = _FINDING_PEN
    return attrs


def junction_style(role: Role, theme: Theme) -> Attributes:
    """The small node where an inference's premises meet: a dot for reasons, a diamond otherwise."""
    colour = role_colour(role, theme)
    size = "0.16" if role is Role.SUPPORT else "0.22"
    return {
        "shape": _JUNCTIONS[role],
        "style": "filled",
        "fixedsize": "true",
        "width": size,
        "height": size,
        "label": "",
        "color": colour,
        "fillcolor": colour,
    }


def premise_style(role: Role, theme: Theme) -> Attributes:
    """A line from a premise into its inference's junction (no arrowhead: premises join there)."""
    return {
        "arrowhead": "none",
        "style": _LINES[role],
        "color": role_colour(role, theme),
        "penwidth": "1.4",
    }


def conclusion_style(
    role: Role, theme: Theme, *, conceded: bool, unanswered: bool, failed: bool = False
) -> Attributes:
    """The arrow from a junction to what the inference supports or attacks: thin and grey when
    the inference is OUT (``failed``), grey when conceded, thick when unanswered."""
    attrs = {
        "arrowhead": _HEADS[role],
        "style": _LINES[role],
        "color": role_colour(role, theme),
        "penwidth": "1.8",
    }
    if failed:
        attrs["color"] = theme.faded
        attrs["penwidth"] = "1"
    if conceded:
        attrs["color"] = theme.conceded
    if unanswered:
        attrs["penwidth"] = _FINDING_PEN
    return attrs


def cluster_style(theme: Theme, rankdir: str) -> Attributes:
    """A group's box, its title at the top (Graphviz flips ``labelloc`` when drawing upwards)."""
    return {
        "labelloc": "b" if rankdir == "BT" else "t",
        "style": "rounded,filled",
        "color": theme.cluster_line,
        "fillcolor": theme.cluster_fill,
        "fontsize": "13",
        "labeljust": "l",
        "margin": "12",
    }
