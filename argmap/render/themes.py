"""Colour themes. Colour only ever repeats a cue that shapes, line styles and words already
give, so a map reads the same in greyscale; the ``print`` theme uses no colour at all.

The default palette is Okabe and Ito's, chosen to stay distinct for colour-blind readers:
bluish green for support, vermillion for objections, blue for rebuttals, orange for findings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from argmap.model import Label, StatementKind

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
    label_fills: Mapping[Label, str]


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
    rebuttal="#0072b2",
    conceded="#8c8c8c",
    finding="#e69f00",
    cluster_fill="#fafafa",
    cluster_line="#9e9e9e",
    label_fills=MappingProxyType(
        {Label.IN: "#c9ecd9", Label.OUT: "#f7cbb4", Label.UNDEC: "#fbeaa5"}
    ),
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
    label_fills=MappingProxyType(
        {Label.IN: "#ffffff", Label.OUT: "#bfbfbf", Label.UNDEC: "#e6e6e6"}
    ),
)

THEMES: Mapping[str, Theme] = MappingProxyType({t.name: t for t in (DEFAULT, PRINT)})
