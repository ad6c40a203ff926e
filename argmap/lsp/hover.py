"""What an editor shows on hover over an id or a statement: its kind, text, holder, quotes,
label and why (Markdown, pure)."""

from __future__ import annotations

from argmap.describe import describe as name_of
from argmap.lsp.document import Element, MapDocument, Why
from argmap.model import Group, Objection, Reason, Source, Statement

__all__ = ["describe"]


def describe(doc: MapDocument, element: Element) -> str:
    """Markdown about one element of the map."""
    if isinstance(element, Statement):
        lines = _statement(doc, element)
    elif isinstance(element, Reason | Objection):
        lines = _inference(doc, element)
    elif isinstance(element, Source):
        lines = _source(element)
    else:
        lines = _group(element)
    lines += _label(doc.why, element)
    return "\n\n".join(lines)


def _statement(doc: MapDocument, s: Statement) -> list[str]:
    name = f"**{s.kind.value}** `{s.id}`" if s.named else f"**{name_of(doc.result.map, s.id)}**"
    lines = [name, _quoted(s.text)]
    if s.attribution:
        lines.append(f"held by: {_plain(s.attribution)}")
    for quote in s.quotes:
        lines += [f"quote from `{quote.source}`:", _quoted(quote.text)]
    for citation in s.citations:
        locator = f" ({_plain(citation.locator)})" if citation.locator else ""
        lines.append(f"cites `{citation.source}`{locator}")
    return lines


def _inference(doc: MapDocument, inference: Reason | Objection) -> list[str]:
    kind = "reason" if isinstance(inference, Reason) else "objection"
    if isinstance(inference, Objection) and inference.conceded:
        kind = "conceded objection"
    premises = " & ".join(f"`{p}`" for p in inference.premises)
    lines = [f"**{kind}** `{inference.id}`", f"{premises} → `{inference.target}`"]
    if inference.label:
        lines.insert(1, _quoted(inference.label))
    return lines


def _source(source: Source) -> list[str]:
    lines = [f"**source** `{source.id}`"]
    for name, value in (
        ("title", source.title),
        ("author", source.author),
        ("date", source.date),
        ("file", source.file),
        ("url", source.url),
    ):
        if value:
            lines.append(f"{name}: {_plain(value)}")
    return lines


def _group(group: Group) -> list[str]:
    return [f"**group** `{group.id}`", _quoted(group.title)]


def _label(why: Why | None, element: Element) -> list[str]:
    if not isinstance(element, Statement | Reason | Objection):
        return []
    if why is None:
        return ["label: not known while the map has errors"]
    label = why.labels[element.id]
    return [f"label: **{label.value}** — {_plain(why.reasons[element.id])}"]


def _quoted(text: str) -> str:
    return "> " + _plain(text).replace("\n", "\n> ")


def _plain(text: str) -> str:
    """Text shown as it is: characters Markdown would read as markup are escaped."""
    return "".join("\\" + c if c in "\\`*_[]<>#|~" else c for c in text)
