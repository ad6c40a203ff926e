"""Colour themes. Colour only ever repeats a cue that shapes, line styles and words already
give, so a map reads the same in greyscale; the ``print`` theme uses no colour at all.

The default palette is Okabe and Ito's, chosen to stay distinct for colour-blind readers, in
the convention of argument-mapping tools: bluish green for reasons, vermillion for objections,
orange for rebuttals, reddish purple for findings. A premise box is filled with a pale tint of
its inference's colour; grey text and outline fade a statement that is OUT.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from argmap.model import StatementKind
from argmap.render.roles import Role

__all__ = ["THEMES", "Theme"]


@dataclass(frozen=True, slots=True)
class Theme:
    """The colours and font of a diagram."""

    name: str
    font: str
    ink: str
    fills: Mapping[StatementKind, str]
    support: str
    objection: str
    rebuttal: str
    conceded: str
    finding: str
    cluster_fill: str
    cluster_line: str
    role_fills: Mapping[Role, str]
    faded: str


_FONT = "Helvetica,Arial,sans-serif"

DEFAULT = Theme(
    name="default",
    font=_FONT,
    ink="#222222",
    fills=MappingProxyType(
        {
            StatementKind.THESIS: "#cfe3f3",
            StatementKind.CLAIM: "#ffffff",
            StatementKind.EVIDENCE: "#f2f2f2",
            StatementKind.ASSUMPTION: "#ffffff",
        }
    ),
    support="#009e73",
    objection="#d55e00",
    rebuttal="#e69f00",
    conceded="#8c8c8c",
    finding="#cc79a7",
    cluster_fill="#fafafa",
    cluster_line="#bdbdbd",
    role_fills=MappingProxyType(
        {Role.SUPPORT: "#dcf2e8", Role.OBJECTION: "#fadccb", Role.REBUTTAL: "#fcecc4"}
    ),
    faded="#8c8c8c",
)

PRINT = Theme(
    name="print",
    font=_FONT,
    ink="#000000",
    fills=MappingProxyType(
        {
            StatementKind.THESIS: "#e0e0e0",
            StatementKind.CLAIM: "#ffffff",
            StatementKind.EVIDENCE: "#f0f0f0",
            StatementKind.ASSUMPTION: "#ffffff",
        }
    ),
    support="#000000",
    objection="#000000",
    rebuttal="#000000",
    conceded="#7f7f7f",
    finding="#000000",
    cluster_fill="#ffffff",
    cluster_line="#7f7f7f",
    role_fills=MappingProxyType(
        {Role.SUPPORT: "#ffffff", Role.OBJECTION: "#d9d9d9", Role.REBUTTAL: "#ececec"}
    ),
    faded="#7f7f7f",
)

THEMES: Mapping[str, Theme] = MappingProxyType({t.name: t for t in (DEFAULT, PRINT)})
