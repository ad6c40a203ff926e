"""Drawing maps: the pure DOT builder (:func:`to_digraph`) and the Graphviz engine adapter.

The visual language is described in docs/visual-language.md and in :mod:`argmap.render.styles`.
"""

from __future__ import annotations

from argmap.render.dot import focus_problem, to_digraph
from argmap.render.findings import Findings, find
from argmap.render.options import RenderOptions, parse_attribute
from argmap.render.themes import THEMES, Theme

__all__ = [
    "THEMES",
    "Findings",
    "RenderOptions",
    "Theme",
    "find",
    "focus_problem",
    "parse_attribute",
    "to_digraph",
]
