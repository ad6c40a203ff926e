"""The words drawn in and around nodes: headers, wrapped text, quotes, attribution, findings.

Every function returns lines of visible text (see :mod:`argmap.render.escape`); the caller
escapes them for DOT.
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.model import ArgumentMap, Inference, Label, Objection, Statement, StatementKind
from argmap.render.escape import visible_text
from argmap.render.wrap import display_width, shorten, wrap

__all__ = [
    "LABEL_WORDS",
    "UNANSWERED",
    "UNSUPPORTED",
    "inference_caption",
    "source_key",
    "statement_lines",
    "statement_tooltip",
]

UNSUPPORTED = "UNSUPPORTED"
UNANSWERED = "UNANSWERED"
CONCEDED = "conceded"
LABEL_WORDS = {Label.IN: "IN: holds", Label.OUT: "OUT: defeated", Label.UNDEC: "UNDEC: undecided"}

_QUOTE_WIDTH_FACTOR = 2


def _source_name(m: ArgumentMap, source_id: str) -> str:
    source = m.sources.get(source_id)
    return source.title if source is not None and source.title else source_id


def _short_source_name(m: ArgumentMap, source_id: str, width: int) -> str:
    """How a node names a source: its title when it fits on a line, else its id when that
    does (:func:`source_key` then says what the id stands for), else the title, shortened.
    Depends only on the source and the width, so every node names the same source alike."""
    title = _source_name(m, source_id)
    if display_width(f"— {title}") > width and display_width(f"— {source_id}") <= width:
        return source_id
    return title


def _origin(s: Statement) -> tuple[str, str, str] | None:
    """Where an evidence node's words come from: the source of its first quote and how many
    more quotes there are, else its first citation's source and locator; with the text that
    joins the two on one line."""
    if s.quotes:
        more = len(s.quotes) - 1
        extra = f"(+{more} more quote{'s' if more > 1 else ''})" if more else ""
        return s.quotes[0].source, extra, " "
    if s.citations:
        first = s.citations[0]
        return first.source, visible_text(first.locator) if first.locator else "", ", "
    return None


def _evidence_lines(s: Statement, m: ArgumentMap, width: int) -> list[str]:
    """The first quote, shortened, and where it comes from on one line: the source's name
    (see :func:`_short_source_name`), then the citation's locator or how many more quotes
    there are (the quote count on a line of its own when the two do not fit on one)."""
    lines: list[str] = []
    if s.quotes:
        quoted = shorten(visible_text(s.quotes[0].text), width * _QUOTE_WIDTH_FACTOR)
        lines += wrap(f"“{quoted}”", width)
    origin = _origin(s)
    if origin is None:
        return lines
    source, extra, separator = origin
    name = shorten("— " + visible_text(_short_source_name(m, source, width)), width)
    if not extra:
        return lines + [name]
    together = name + separator + extra
    if display_width(together) <= width or separator == ", ":
        return lines + wrap(together, width)
    return lines + [name, *wrap(extra, width)]


def source_key(m: ArgumentMap, statements: Iterable[Statement], *, width: int) -> list[str]:
    """``— id: title`` for each source that the evidence among ``statements`` names by its id
    (its title being too long for a node), in order of first use."""
    named: dict[str, str] = {}
    for s in statements:
        origin = _origin(s) if s.kind is StatementKind.EVIDENCE else None
        if origin is None or origin[0] in named:
            continue
        source = origin[0]
        title = _source_name(m, source)
        if _short_source_name(m, source, width) != title:
            named[source] = f"— {visible_text(source)}: {visible_text(title)}"
    return list(named.values())


def statement_lines(
    s: Statement,
    m: ArgumentMap,
    *,
    width: int,
    show_id: bool = True,
    unsupported: bool = False,
    label: Label | None = None,
    hidden_links: int = 0,
) -> list[str]:
    """A statement's label: kind and id, text, evidence quote, attribution, findings."""
    header = s.kind.value.upper()
    lines = [f"{header} · {visible_text(s.id)}" if show_id else header]
    lines += wrap(visible_text(s.text), width)
    if s.kind is StatementKind.EVIDENCE:
        lines += _evidence_lines(s, m, width)
    if s.attribution:
        lines += wrap(f"according to {visible_text(s.attribution)}", width)
    if unsupported:
        lines.append(UNSUPPORTED)
    if label is not None:
        lines.append(LABEL_WORDS[label])
    if hidden_links:
        lines.append(f"(+{hidden_links} link{'s' if hidden_links > 1 else ''} not shown)")
    return lines


def statement_tooltip(s: Statement, m: ArgumentMap) -> list[str]:
    """What an SVG viewer shows on hover: the id, full quotes, citations, notes and tags."""
    lines = [f"{s.kind.value} {visible_text(s.id)}"]
    for q in s.quotes:
        lines.append(f"“{visible_text(q.text)}” — {visible_text(_source_name(m, q.source))}")
    for c in s.citations:
        locator = f", {c.locator}" if c.locator else ""
        lines.append(f"— {visible_text(_source_name(m, c.source) + locator)}")
    lines += [f"note: {visible_text(n)}" for n in s.notes]
    if s.tags:
        lines.append("tags: " + " ".join(visible_text(t) for t in s.tags))
    return lines


def inference_caption(
    inf: Inference, *, width: int, unanswered: bool, show_id: bool = True
) -> list[str]:
    """Words beside an inference's arrow: its id if named, its label, conceded, unanswered."""
    lines: list[str] = []
    if inf.named and show_id:
        lines.append(visible_text(inf.id))
    if inf.label:
        lines += wrap(f"“{visible_text(inf.label)}”", width)
    if isinstance(inf, Objection) and inf.conceded:
        lines.append(CONCEDED)
    if unanswered:
        lines.append(UNANSWERED)
    return lines
