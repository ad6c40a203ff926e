"""The words drawn in and around nodes: headers, wrapped text, quotes, attribution, findings.

Every function returns lines of visible text (see :mod:`argmap.render.escape`); the caller
escapes them for DOT.
"""

from __future__ import annotations

from argmap.model import ArgumentMap, Inference, Label, Objection, Statement, StatementKind
from argmap.render.escape import visible_text
from argmap.render.wrap import shorten, wrap

__all__ = [
    "LABEL_WORDS",
    "UNANSWERED",
    "UNSUPPORTED",
    "inference_caption",
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


def _evidence_lines(s: Statement, m: ArgumentMap, width: int) -> list[str]:
    """The first quote, shortened, and where it comes from: the source's title cut to one
    line, then the citation's locator or how many more quotes there are."""
    lines: list[str] = []
    if s.quotes:
        first = s.quotes[0]
        quoted = shorten(visible_text(first.text), width * _QUOTE_WIDTH_FACTOR)
        lines += wrap(f"“{quoted}”", width)
        source, more = first.source, len(s.quotes) - 1
        extra = f" (+{more} more quote{'s' if more > 1 else ''})" if more else ""
    elif s.citations:
        first_cite = s.citations[0]
        source = first_cite.source
        extra = f", {visible_text(first_cite.locator)}" if first_cite.locator else ""
    else:
        return lines
    origin = shorten("— " + visible_text(_source_name(m, source)), width)
    return lines + wrap(origin + extra, width)


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
