"""What the side panel of the HTML map shows, as JSON-ready data keyed by the drawing's node ids.

For each statement: its text, who holds it, its quotes and citations with the source's name,
its notes; for each statement and inference: its label and why, the findings about it, and
links to its neighbours (the inferences it takes part in and the statements they join). All
text is :func:`~argmap.text.visible_text`: the page shows it as text, never as markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from argmap.diagnostics import Diagnostic
from argmap.model import ArgumentMap, Inference, Label, Objection, Statement
from argmap.text import visible_text

__all__ = ["panel_data"]


def _source_name(m: ArgumentMap, source_id: str) -> str:
    source = m.sources.get(source_id)
    return visible_text(source.title if source is not None and source.title else source_id)


def _finding(d: Diagnostic) -> dict[str, Any]:
    return {
        "code": d.code,
        "severity": str(d.severity),
        "message": visible_text(d.message),
        "line": d.span.line,
    }


def _statement(m: ArgumentMap, s: Statement) -> dict[str, Any]:
    return {
        "kind": s.kind.value,
        "text": visible_text(s.text),
        "holder": visible_text(s.attribution) if s.attribution else None,
        "quotes": [
            {"source": _source_name(m, q.source), "text": visible_text(q.text)} for q in s.quotes
        ],
        "citations": [
            {
                "source": _source_name(m, c.source),
                "locator": visible_text(c.locator) if c.locator else None,
            }
            for c in s.citations
        ],
        "notes": [visible_text(n) for n in s.notes],
        "tags": [visible_text(t) for t in s.tags],
    }


def _inference(inf: Inference) -> dict[str, Any]:
    kind = "objection" if isinstance(inf, Objection) else "reason"
    return {
        "kind": kind,
        "text": visible_text(inf.label) if inf.label else None,
        "conceded": isinstance(inf, Objection) and inf.conceded,
    }


def _links(m: ArgumentMap, inferences: Iterable[Inference]) -> dict[str, list[tuple[str, str]]]:
    """Element id → (how it is related, the neighbour's id), in source order."""
    links: dict[str, list[tuple[str, str]]] = {}
    for inf in inferences:
        reason = not isinstance(inf, Objection)
        own = links.setdefault(inf.id, [])
        own += [("premise", p) for p in inf.premises]
        own.append(("supports" if reason else "objects to", inf.target))
        links.setdefault(inf.target, []).append(
            ("supported by" if reason else "objected to by", inf.id)
        )
        for p in inf.premises:
            links.setdefault(p, []).append(("premise of" if reason else "objects in", inf.id))
    return links


def _named(element: Statement | Inference) -> bool:
    """Statements always have an id of the author's; a reason or objection may have none."""
    return isinstance(element, Statement) or element.named


def panel_data(
    m: ArgumentMap,
    nodes: Mapping[str, str],
    *,
    labels: Mapping[str, Label],
    why: Mapping[str, str],
    findings: Iterable[Diagnostic],
) -> dict[str, Any]:
    """The panel's data: ``elements`` by node id (``nodes`` maps an element's id to the id of
    its node in the drawing), and the findings about no element in particular under ``map``."""
    inferences = [*m.reasons.values(), *m.objections.values()]
    about: dict[str, list[dict[str, Any]]] = {}
    general: list[dict[str, Any]] = []
    for d in findings:
        if d.subject is not None and d.subject in nodes:
            about.setdefault(d.subject, []).append(_finding(d))
        else:
            general.append(_finding(d))
    links = _links(m, inferences)
    elements: dict[str, dict[str, Any]] = {}
    everything: list[Statement | Inference] = [*m.statements.values(), *inferences]
    for element in everything:
        if element.id not in nodes:
            continue
        entry = _statement(m, element) if isinstance(element, Statement) else _inference(element)
        label = labels.get(element.id)
        entry.update(
            {
                "id": visible_text(element.id) if _named(element) else None,
                "line": m.span(element).line,
                "label": label.value if label else None,
                "why": visible_text(why[element.id]) if element.id in why else None,
                "findings": about.get(element.id, []),
                "links": [
                    {"relation": relation, "node": nodes[other]}
                    for relation, other in links.get(element.id, [])
                    if other in nodes
                ],
            }
        )
        elements[nodes[element.id]] = entry
    return {
        "title": visible_text(m.title) if m.title else None,
        "elements": elements,
        "map": general,
    }
