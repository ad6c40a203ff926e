r"""Making user text safe for DOT and for the SVG Graphviz writes from it.

Three steps, all pure:

- :func:`visible_text` (:mod:`argmap.text`) turns any text into what the diagram shows: line breaks
  become ``\n``, a tab becomes a space, other control characters become their visible Unicode
  "control pictures" (``␛`` for ESC), the bidirectional embedding, override and isolate
  characters that can make text read differently from what it says become a visible name such
  as ``[RLO]``, and code points XML cannot carry (lone surrogates, U+FFFE, U+FFFF) become ``�``.
- :func:`dot_text` turns lines of visible text into a DOT escString: backslashes doubled (so
  ``\N`` or ``\l`` stay letters), ``&`` written as ``&amp;`` (Graphviz reads HTML entities in
  plain labels), the record-label characters ``{ } | < >`` escaped, lines joined with ``\n``.
  In the result every backslash starts a two-character escape, so no ``"`` follows a lone
  backslash.
- :func:`tooltip_text` does the same for a ``tooltip``, which Graphviz reads twice (``\\N`` in
  a tooltip still becomes the node's name): every backslash is written four times, and the
  record characters need no escape there. :func:`link_url` writes a web address for ``URL``,
  which Graphviz copies into the SVG without escaping: anything but plain URL characters is
  percent-encoded, so the address can neither end the attribute nor add markup.
- :func:`quote_id` and :func:`attr_list` write such values (and argmap's own constants) as DOT:
  a bare id where DOT allows one, else a double-quoted string with ``"`` escaped. (Raw
  attributes from the command line go through the ``graphviz`` package's own quoting.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from urllib.parse import quote

from argmap.text import BIDI_CONTROLS, visible_text

__all__ = [
    "BIDI_CONTROLS",
    "attr_list",
    "dot_text",
    "link_url",
    "quote_id",
    "tooltip_text",
    "visible_text",
]

_DOT = str.maketrans(
    {"\\": "\\\\", "&": "&amp;", "{": "\\{", "}": "\\}", "|": "\\|", "<": "\\<", ">": "\\>"}
)


def dot_text(lines: Iterable[str]) -> str:
    """Lines of visible text as one escaped DOT label (centred lines)."""
    return "\\n".join(line.translate(_DOT) for line in lines)


_TOOLTIP = str.maketrans({"\\": "\\" * 4, "&": "&amp;"})


def tooltip_text(lines: Iterable[str]) -> str:
    """Lines of visible text as one DOT ``tooltip`` value, shown by the SVG as written."""
    return "\\n".join(line.translate(_TOOLTIP) for line in lines)


_URL_SAFE = "/:?#[]@!$&'()*+,;=%~-._"


def link_url(url: str) -> str | None:
    """A web address (http or https) as a DOT ``URL`` value, else ``None``: its characters
    other than letters, digits and the URL punctuation are percent-encoded, ``&`` is an entity."""
    scheme = url.partition(":")[0].lower()
    if scheme not in ("http", "https") or not url.lower().startswith(f"{scheme}://"):
        return None
    return quote(url, safe=_URL_SAFE).replace("&", "&amp;")


_BARE_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|-?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)")
_KEYWORDS = frozenset({"node", "edge", "graph", "digraph", "subgraph", "strict"})


def quote_id(value: str) -> str:
    """A value from :func:`dot_text` (or a constant) as a DOT id: bare if it may be, else quoted."""
    if _BARE_ID.fullmatch(value) and value.lower() not in _KEYWORDS:
        return value
    return '"' + value.replace('"', '\\"') + '"'


def attr_list(attrs: Mapping[str, str], label: str | None = None) -> str:
    """``label=… name=value …``: the label first, the other attributes sorted by name."""
    parts = [f"label={quote_id(label)}"] if label is not None else []
    parts += [f"{name}={quote_id(attrs[name])}" for name in sorted(attrs)]
    return " ".join(parts)
