"""A map as .arg text: flat declarations that parse back to the same model.

:func:`argmap.text.encode_text` writes every text as a token of the language. Statements come
first (with their kind, attribution, tags, notes, quotes and citations), then reasons and
objections; groups hold their members, nested as they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from argmap.model import ArgumentMap, Inference, Objection, Statement
from argmap.text import encode_text

__all__ = ["KEYWORDS", "write_arg"]

KEYWORDS = frozenset(
    [
        "title",
        "author",
        "date",
        "description",
        "source",
        "file",
        "url",
        "group",
        "thesis",
        "claim",
        "evidence",
        "assumption",
        "quote",
        "cite",
        "by",
        "tags",
        "note",
        "reason",
        "objection",
        "expect",
        "conceded",
    ]
)
"""Words the language reads as keywords: generated ids avoid them."""

_INDENT = "  "


def write_arg(argument_map: ArgumentMap, header: Iterable[str] = ()) -> str:
    """The map as .arg text; ``header`` lines are written first as comments."""
    m = argument_map
    names = _inference_names(m)
    lines = [f"# {line}".rstrip() for line in header]
    header_fields = (("title", m.title), ("author", m.author), ("date", m.date))
    lines.extend(_fields("", (*header_fields, ("description", m.description))))
    for source in m.sources.values():
        lines.append(
            f"source {source.id}" + (f" {encode_text(source.title)}" if source.title else "")
        )
        fields = (("file", source.file), ("url", source.url), ("author", source.author))
        lines.extend(_fields(_INDENT, (*fields, ("date", source.date))))
    if lines:
        lines.append("")
    lines.extend(_members(m, None, names, ""))
    for expectation in m.expectations:
        lines.append(f"expect {expectation.label.value}: {' '.join(expectation.ids)}")
    return "\n".join(lines).rstrip("\n") + "\n"


def _fields(indent: str, fields: Iterable[tuple[str, str | None]]) -> Iterator[str]:
    """``keyword "value"`` lines for the fields that have a value."""
    for keyword, value in fields:
        if value is not None:
            yield f"{indent}{keyword} {encode_text(value)}"


def _inference_names(m: ArgumentMap) -> dict[str, str]:
    """Ids to write for inferences: their own, or a fresh one for an anonymous inference that
    an objection targets (a reference needs a name); None-like "" for the other anonymous."""
    targeted = {o.target for o in m.objections.values()}
    taken = {*m.statements, *m.reasons, *m.objections, *m.sources, *m.groups}
    names: dict[str, str] = {}
    number = 0
    for inference in (*m.reasons.values(), *m.objections.values()):
        if inference.named:
            names[inference.id] = inference.id
        elif inference.id in targeted:
            number += 1
            while f"inference-{number}" in taken:
                number += 1
            names[inference.id] = f"inference-{number}"
        else:
            names[inference.id] = ""
    return names


def _members(
    m: ArgumentMap, group: str | None, names: dict[str, str], indent: str
) -> Iterator[str]:
    """The statements, inferences and subgroups of ``group`` (the top level when None)."""
    statements = [s for s in m.statements.values() if s.group == group]
    for statement in statements:
        yield from _statement(statement, indent)
    inferences = [i for i in (*m.reasons.values(), *m.objections.values()) if i.group == group]
    if statements and inferences:
        yield ""
    for inference in inferences:
        yield indent + _inference(inference, names)
    for sub in m.groups.values():
        if sub.parent == group:
            yield ""
            yield f"{indent}group {sub.id} {encode_text(sub.title)}"
            yield from _members(m, sub.id, names, indent + _INDENT)


def _statement(s: Statement, indent: str) -> Iterator[str]:
    yield f"{indent}{s.kind.value} {s.id}: {encode_text(s.text)}"
    body = indent + _INDENT
    if s.attribution is not None:
        yield f"{body}by {encode_text(s.attribution)}"
    if s.tags:
        yield f"{body}tags {' '.join(s.tags)}"
    for note in s.notes:
        yield f"{body}note {encode_text(note)}"
    for quote in s.quotes:
        yield f"{body}quote {quote.source} {encode_text(quote.text)}"
    for citation in s.citations:
        locator = "" if citation.locator is None else f" {encode_text(citation.locator)}"
        yield f"{body}cite {citation.source}{locator}"


def _inference(i: Inference, names: dict[str, str]) -> str:
    kind = "objection" if isinstance(i, Objection) else "reason"
    head = [kind]
    if names[i.id]:
        head.append(names[i.id])
    if i.label is not None:
        head.append(encode_text(i.label))
    if isinstance(i, Objection) and i.conceded:
        head.append("conceded")
    target = names.get(i.target) or i.target
    return f"{' '.join(head)}: {' & '.join(i.premises)} -> {target}"
