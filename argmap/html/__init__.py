"""The interactive HTML map: one self-contained page with the drawing, pan and zoom, search,
and a panel that says, for the clicked statement or inference, what the map knows about it.

:func:`panel_data` gathers what the panel shows from the map, its labels and its findings;
:func:`html_page` writes the page around the SVG drawings Graphviz made. Both are pure.
"""

from __future__ import annotations

from argmap.html.page import Drawings, content_security_policy, html_page, inert_svg
from argmap.html.panel import panel_data

__all__ = ["Drawings", "content_security_policy", "html_page", "inert_svg", "panel_data"]
