"""The map as JSON-ready data: the stable, documented shape of ``argmap parse --json``.

The shape is described in ``docs/json-format.md``; ``FORMAT_VERSION`` changes whenever a field
is removed or changes meaning (adding fields does not change it).
"""

from __future__ import annotations

from typing import Any

from argmap.model import ArgumentMap, Inference, Objection, Statement, span_to_dict

__all__ = ["FORMAT_VERSION", "map_to_dict"]

FORMAT_VERSION = 1


def map_to_dict(argument_map: ArgumentMap) -> dict[str, Any]:
    """Everything the map declares, in source order, with locations."""
    m = argument_map
    return {
        "format": "argmap",
        "version": FORMAT_VERSION,
        "file": m.path,
        "title": m.title,
        "author": m.author,
        "date": m.date,
        "description": m.description,
        "sources": [
            {
                "id": s.id,
                "title": s.title,
                "file": s.file,
                "url": s.url,
                "author": s.author,
                "date": s.date,
                "span": span_to_dict(m.span(s)),
            }
            for s in m.sources.values()
        ],
        "groups": [
            {"id": g.id, "title": g.title, "parent": g.parent, "span": span_to_dict(m.span(g))}
            for g in m.groups.values()
        ],
        "statements": [_statement(m, s) for s in m.statements.values()],
        "reasons": [_inference(m, r) for r in m.reasons.values()],
        "objections": [_inference(m, o) for o in m.objections.values()],
        "theses": [s.id for s in m.theses],
        "expectations": [
            {"label": e.label.value, "ids": list(e.ids), "span": span_to_dict(e.span)}
            for e in m.expectations
        ],
        "suppressions": [
            {"codes": list(s.codes), "line": s.line, "span": span_to_dict(s.span)}
            for s in m.suppressions
        ],
    }


def _statement(m: ArgumentMap, s: Statement) -> dict[str, Any]:
    return {
        "id": s.id,
        "named": s.named,
        "kind": s.kind.value,
        "text": s.text,
        "attribution": s.attribution,
        "tags": list(s.tags),
        "notes": list(s.notes),
        "group": s.group,
        "quotes": [
            {"source": q.source, "text": q.text, "span": span_to_dict(m.span_in(s.id, q.place))}
            for q in s.quotes
        ],
        "citations": [
            {
                "source": c.source,
                "locator": c.locator,
                "span": span_to_dict(m.span_in(s.id, c.place)),
            }
            for c in s.citations
        ],
        "span": span_to_dict(m.span(s)),
    }


def _inference(m: ArgumentMap, i: Inference) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": i.id,
        "named": i.named,
        "label": i.label,
        "premises": list(i.premises),
        "target": i.target,
        "group": i.group,
        "span": span_to_dict(m.span(i)),
    }
    if isinstance(i, Objection):
        data["conceded"] = i.conceded
    return data
