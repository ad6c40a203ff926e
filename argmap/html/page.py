"""The HTML map page: the SVG drawings, the panel's data and the viewer's code in one file.

Nothing is loaded from elsewhere: the script and the style are inline, and the page's
Content-Security-Policy allows exactly those two (by their SHA-256 hashes) and nothing else: no
other script, no inline event handler, no ``javascript:`` URL, no network (a live page may
also connect back to the server it came from). Map text reaches the page only escaped: in the
SVG as Graphviz writes it (checked by :func:`inert_svg`), and in the panel's data as JSON in a
data block where ``<``, ``>`` and ``&`` are written as ``\\u`` escapes.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

__all__ = ["Drawings", "content_security_policy", "html_page", "inert_svg"]

_HERE = Path(__file__).parent
_FORBIDDEN = frozenset({"script", "foreignobject", "iframe", "object", "embed", "handler"})
_ROOT = re.compile(r"<svg\b[^>]*>")
_SIZE = re.compile(r'\s(?:width|height)="[^"]*"')
_JSON_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


class Drawings(NamedTuple):
    """The map drawn twice: plainly, and coloured by label (``argmap render --evaluate``)."""

    plain: str
    evaluated: str


def inert_svg(svg: str) -> str:
    """The ``<svg>`` element of a Graphviz drawing, ready to sit in a page: the XML prolog and
    the fixed size dropped (the page sizes it). Raises ValueError when it is not well-formed or
    holds anything that could run: a script or foreign element, or an event attribute."""
    start = svg.find("<svg")
    if start < 0:
        raise ValueError("the drawing has no <svg> element")
    body = svg[start:].strip()
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError as exc:
        raise ValueError(f"the drawing is not well-formed SVG ({exc})") from None
    for element in root.iter():
        name = element.tag.rpartition("}")[2].lower()
        if name in _FORBIDDEN:
            raise ValueError(f"the drawing holds a <{name}> element, which the page will not show")
        for attribute in element.attrib:
            if attribute.rpartition("}")[2].lower().startswith("on"):
                raise ValueError(f"the drawing holds an event attribute ({attribute})")
    root_tag = _ROOT.match(body)
    if root_tag is None:  # fromstring accepted it, so it starts with an <svg ...> tag
        raise ValueError("the drawing does not start with an <svg> tag")
    sized = _SIZE.sub("", root_tag.group(0))
    return sized + body[root_tag.end() :]


def _asset(name: str) -> str:
    return (_HERE / name).read_text(encoding="utf-8")


def _hash(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _json_block(data: Mapping[str, Any]) -> str:
    """JSON that can sit in a ``<script type="application/json">`` block: no ``<`` can close
    it, no ``&`` start an entity."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)


def content_security_policy(*, live: bool = False) -> str:
    """The page's policy: its own script and style only; a live page may also connect back to
    its server (for the updates)."""
    script, style = _asset("viewer.js"), _asset("viewer.css")
    connect = "'self'" if live else "'none'"
    return (
        f"default-src 'none'; script-src {_hash(script)}; style-src {_hash(style)}; "
        f"img-src data:; connect-src {connect}; base-uri 'none'; form-action 'none'"
    )


def html_page(
    drawings: Drawings | None,
    data: Mapping[str, Any],
    *,
    evaluate: bool = False,
    live: bool = False,
    errors: str | None = None,
) -> str:
    """The page. ``data`` is :func:`~argmap.html.panel_data`; ``evaluate`` shows the coloured
    drawing first; ``live`` makes the page follow the server it came from (``argmap view``);
    ``errors`` (text) is shown over the drawing, which may be missing then."""
    state = {**data, "evaluate": evaluate, "live": live, "errors": errors}
    title = html.escape(str(data.get("title") or "argument map"), quote=True)
    plain = inert_svg(drawings.plain) if drawings else ""
    evaluated = inert_svg(drawings.evaluated) if drawings else ""
    return _TEMPLATE.format(
        policy=html.escape(content_security_policy(live=live), quote=True),
        title=title,
        style=_asset("viewer.css"),
        plain=plain,
        evaluated=evaluated,
        plain_hidden=" hidden" if evaluate else "",
        evaluated_hidden="" if evaluate else " hidden",
        pressed="true" if evaluate else "false",
        data=_json_block(state),
        script=_asset("viewer.js"),
    )


_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<header id="bar">
<h1 id="map-title">{title}</h1>
<input id="search" type="search" placeholder="Search statements (/)" autocomplete="off" \
aria-label="Search statements">
<span id="matches" aria-live="polite"></span>
<button id="zoom-in" type="button" title="Zoom in (+)">+</button>
<button id="zoom-out" type="button" title="Zoom out (-)">&#8722;</button>
<button id="fit" type="button" title="Fit the map to the window (0)">Fit</button>
<button id="evaluate" type="button" aria-pressed="{pressed}" \
title="Colour statements by label: IN holds, OUT defeated, UNDEC undecided (e)">Labels</button>
</header>
<main id="main">
<div id="stage" tabindex="0" aria-label="The map: drag to move, wheel or +/- to zoom">
<div class="drawing" data-evaluated="false"{plain_hidden}>{plain}</div>
<div class="drawing" data-evaluated="true"{evaluated_hidden}>{evaluated}</div>
<div id="errors" hidden><pre></pre></div>
</div>
<aside id="panel" aria-live="polite"></aside>
</main>
<script type="application/json" id="argmap-data">{data}</script>
<script>{script}</script>
</body>
</html>
"""
