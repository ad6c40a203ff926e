"""The words drawn in and around nodes: headers, wrapped text, quotes, attribution, findings.

Every function returns lines of visible text (see :mod:`argmap.render.escape`); the caller
escapes them for DOT.
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.describe import describe
from argmap.model import ArgumentMap, Inference, Label, Objection, Statement, StatementKind
from argmap.render.escape import visible_text
from argmap.render.roles import Role
from argmap.render.wrap import display_width, shorten, wrap

__all__ = [
    "BRIEF_SOURCE",
    "LABEL_WORDS",
    "ROLE_WORDS",
    "UNANSWERED",
    "UNSUPPORTED",
    "brief_caption",
    "brief_lines",
    "inference_caption",
    "inference_tooltip",
    "not_shown",
    "source_key",
    "statement_lines",
    "statement_tooltip",
    "status_words",
]

UNSUPPORTED = "UNSUPPORTED"
UNANSWERED = "UNANSWERED"
CONCEDED = "conceded"
LABEL_WORDS = {Label.IN: "IN: holds", Label.OUT: "OUT: defeated", Label.UNDEC: "UNDEC: undecided"}
OUT_UNSUPPORTED = "OUT: unsupported"
ROLE_WORDS = {Role.SUPPORT: "because", Role.OBJECTION: "but", Role.REBUTTAL: "however"}

_QUOTE_WIDTH_FACTOR = 2
BRIEF_SOURCE = 24


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


def source_key(
    m: ArgumentMap, statements: Iterable[Statement], *, width: int, every_kind: bool = False
) -> list[str]:
    """``— id: title`` for each source that the evidence among ``statements`` names by its id
    (its title being too long for a node), in order of first use (with ``every_kind``, the
    statements of every kind name their sources, as in brief boxes); not for a source whose
    title is the map's own, which is drawn above it."""
    named: dict[str, str] = {}
    if every_kind and len(m.sources) < 2:
        return []  # brief boxes name a source only when there are several
    for s in statements:
        origin = _origin(s) if every_kind or s.kind is StatementKind.EVIDENCE else None
        if origin is None or origin[0] in named:
            continue
        source = origin[0]
        title = _source_name(m, source)
        if title == m.title:
            continue
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
    defeated: bool = False,
    more: Iterable[str] = (),
) -> list[str]:
    """A statement's label in full: kind and id, text, evidence quote, attribution, its status
    (see :func:`status_words`; ``IN: holds`` too), and what is not drawn (:func:`not_shown`)."""
    header = s.kind.value.upper()
    lines = [f"{header} · {visible_text(s.id)}" if show_id and s.named else header]
    lines += wrap(visible_text(s.text), width)
    if s.kind is StatementKind.EVIDENCE:
        lines += _evidence_lines(s, m, width)
    if s.attribution:
        lines += wrap(f"according to {visible_text(s.attribution)}", width)
    status = status_words(label, unsupported=unsupported, defeated=defeated)
    if status or label:
        lines.append(status or LABEL_WORDS[Label.IN])
    lines += more
    return lines


def statement_tooltip(
    s: Statement, m: ArgumentMap, *, status: str | None = None, why: str | None = None
) -> list[str]:
    """What an SVG viewer shows on hover: the kind and id, the text, full quotes, citations,
    who holds it, notes and tags, then the status and why (the label's or the checker's)."""
    name = f"{s.kind.value} {visible_text(s.id)}" if s.named else describe(m, s.id)
    lines = [name, *visible_text(s.text).split("\n")]
    for q in s.quotes:
        lines.append(f"“{visible_text(q.text)}” — {visible_text(_source_name(m, q.source))}")
    for c in s.citations:
        locator = f", {c.locator}" if c.locator else ""
        lines.append(f"— {visible_text(_source_name(m, c.source) + locator)}")
    if s.attribution:
        lines.append(f"according to {visible_text(s.attribution)}")
    lines += [f"note: {visible_text(n)}" for n in s.notes]
    if s.tags:
        lines.append("tags: " + " ".join(visible_text(t) for t in s.tags))
    if status:
        lines.append(f"{status} — {visible_text(why)}" if why else status)
    return lines


def status_words(label: Label | None, *, unsupported: bool, defeated: bool) -> str | None:
    """The status a box ends with: its label and why it is OUT (defeated by an objection that
    stands, else unsupported: no support that holds), else ``UNSUPPORTED`` when only the
    checker ran; ``None`` if IN or unknown (a box says nothing when all is well)."""
    if label is None:
        return UNSUPPORTED if unsupported else None
    if label is Label.OUT:
        return LABEL_WORDS[label] if defeated else OUT_UNSUPPORTED
    return None if label is Label.IN else LABEL_WORDS[label]


def _held_by_author(m: ArgumentMap, holder: str) -> bool:
    """Whether ``by HOLDER`` names the map's author (in full, or by the last part of the name)."""
    author = (m.author or "").strip()
    return bool(author) and (holder == author or author.endswith(f" {holder}"))


def provenance(s: Statement, m: ArgumentMap) -> str | None:
    """The small mark of where a statement comes from: “quoted” (×2 for two quotes) or
    "cited", with the source when the map has several (by id when its title is long), and who
    holds it unless that is the map's author."""
    parts: list[str] = []
    origin = _origin(s)
    if origin is not None:
        count = len(s.quotes)
        mark = "“quoted”" if count else "cited"
        mark += f" ×{count}" if count > 1 else ""
        if len(m.sources) > 1:
            name = visible_text(_short_source_name(m, origin[0], BRIEF_SOURCE))
            mark += f" {'from' if count else 'in'} {shorten(name, BRIEF_SOURCE)}"
        parts.append(mark)
    if s.attribution and not _held_by_author(m, s.attribution):
        parts.append(f"by {visible_text(s.attribution)}")
    return " · ".join(parts) or None


def brief_lines(
    s: Statement,
    m: ArgumentMap,
    *,
    width: int,
    roles: Iterable[Role],
    status: str | None,
    more: Iterable[str] = (),
) -> list[str]:
    """A statement's label by default: its role and kind, its text, a provenance mark, what
    is not shown under it (``more``), and its status when that is not simply IN."""
    kind = s.kind.value
    words = " / ".join(ROLE_WORDS[role] for role in roles)
    lines = [f"{words} · {kind}" if words else kind.upper()]
    lines += wrap(visible_text(s.text), width)
    mark = provenance(s, m)
    lines += wrap(mark, width) if mark else []
    lines += more
    lines += [status] if status else []
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


def not_shown(links: int, below: int, evidence: int) -> list[str]:
    """What a box says is not drawn: links around a focus, reasons and objections below the
    depth, pieces of evidence folded into it."""
    lines = [f"(+{links} link{'s' if links > 1 else ''} not shown)"] if links else []
    lines += [f"(+{below} not shown below)"] if below else []
    return lines + (
        [f"(+{evidence} piece{'s' if evidence > 1 else ''} of evidence)"] if evidence else []
    )


def brief_caption(inf: Inference, *, width: int, unanswered: bool) -> list[str]:
    """Words beside an inference's arrow by default: only its label and its marks (the id is
    in the tooltip)."""
    return inference_caption(inf, width=width, unanswered=unanswered, show_id=False)


def inference_tooltip(inf: Inference, role: Role, why: str | None) -> list[str]:
    """What an SVG viewer shows on hovering over a reason's dot or an objection's diamond."""
    lines = [f"{role.value} {visible_text(inf.id)}" if inf.named else role.value]
    if inf.label:
        lines.append(f"“{visible_text(inf.label)}”")
    if isinstance(inf, Objection) and inf.conceded:
        lines.append(CONCEDED)
    return lines + ([visible_text(why)] if why else [])
