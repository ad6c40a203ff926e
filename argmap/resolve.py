"""Check references and assemble the :class:`ArgumentMap` (E102, E104).

Every id written as a reference must name something of the right kind: a premise names a
statement, a reason supports a statement, an objection attacks a statement, a reason or an
objection, and a quote names a source. What fails is reported and left out, so that the map
handed on holds only valid references and the analyses can rely on that.
"""

from __future__ import annotations

import difflib
from dataclasses import replace

from argmap.build import Declarations, token_span
from argmap.diagnostics import Diagnostic, Severity
from argmap.model import ArgumentMap, Expectation, Span, Statement
from argmap.text import a_or_an

__all__ = ["resolve"]

_ALLOWED = {
    "premise": ("statement",),
    "reason target": ("statement",),
    "objection target": ("statement", "reason", "objection"),
    "source": ("source",),
    "statement or inference": ("statement", "reason", "objection"),
}
_WHAT = {
    "premise": "a premise must be a statement",
    "reason target": "a reason can only support a statement",
    "objection target": "an objection can only attack a statement, a reason or an objection",
    "source": "a quote or citation must name a source",
    "statement or inference": "only statements, reasons and objections have labels",
}


def resolve(decl: Declarations, path: str) -> tuple[ArgumentMap, list[Diagnostic]]:
    """The map with valid references only, and the reference errors."""
    kinds: dict[str, str] = {}
    for what, table in (
        ("source", decl.sources),
        ("group", decl.groups),
        ("statement", decl.statements),
        ("reason", decl.reasons),
        ("objection", decl.objections),
    ):
        kinds.update(dict.fromkeys(table, what))
    diagnostics: list[Diagnostic] = []
    suggest = _Suggestions(list(kinds))
    bad_owners: set[str] = set()
    bad_uses: set[tuple[str, str]] = set()
    for offset, piece_uses in decl.uses:
        for owner, uses in piece_uses.items():
            for id, token, expects in uses:
                kind = kinds.get(id)
                if kind in _ALLOWED[expects]:
                    continue
                span = token_span(decl.path, token, offset=offset)
                diagnostics.append(_problem(id, span, kind, expects, suggest))
                bad_owners.add(owner)
                bad_uses.add((owner, id))
    sole_source = next(iter(decl.sources)) if len(decl.sources) == 1 else None
    for span in decl.quotes_without_source:
        if sole_source is None:
            count = "no source" if not decl.sources else f"{len(decl.sources)} sources"
            diagnostics.append(
                Diagnostic(
                    "E102",
                    "undefined-reference",
                    Severity.ERROR,
                    f"this quote names no source, and the map declares {count}",
                    span,
                    hint='name the source: quote SOURCE "words"',
                )
            )
    statements, reasons, objections = decl.statements, decl.reasons, decl.objections
    expectations = decl.expectations
    # Without bad references or quotes that name no source, everything is kept as it is.
    if bad_uses or decl.quotes_without_source:
        statements = {
            id: _valid_quotes(s, id, bad_uses, sole_source) for id, s in statements.items()
        }
        reasons = {i: r for i, r in reasons.items() if i not in bad_owners}
        objections = {i: o for i, o in objections.items() if i not in bad_owners}
        expectations = [_valid_ids(e, bad_uses) for e in expectations]
    header = decl.header
    argument_map = ArgumentMap(
        path=path,
        title=header.get("title"),
        author=header.get("author"),
        date=header.get("date"),
        description=header.get("description"),
        sources=decl.sources,
        groups=decl.groups,
        statements=statements,
        reasons=reasons,
        objections=objections,
        suppressions=tuple(decl.suppressions),
        expectations=tuple(e for e in expectations if e.ids),
        offsets=decl.offsets,
    )
    return argument_map, diagnostics


class _Suggestions:
    """Suggestions ("did you mean") for undefined ids, within a budget.

    Each lookup compares the id with every defined id, so a file with thousands of undefined
    references (e.g. its definitions were deleted) would take minutes. Lookups are remembered
    per id, and once ``BUDGET`` comparisons have been spent the remaining ids get no
    suggestion (CPython too stops suggesting names when there are too many).
    """

    BUDGET = 200_000

    def __init__(self, ids: list[str]) -> None:
        self.ids = ids
        self.spent = 0
        self.found: dict[str, str | None] = {}

    def __call__(self, id: str) -> str | None:
        if id not in self.found:
            if self.spent >= self.BUDGET:
                return None
            self.spent += len(self.ids)
            close = difflib.get_close_matches(id, self.ids, n=1)
            self.found[id] = close[0] if close else None
        return self.found[id]


def _problem(
    id: str, span: Span, kind: str | None, expects: str, suggest: _Suggestions
) -> Diagnostic:
    """What is wrong with ``id``, written at ``span``: it names nothing, or a ``kind`` of
    thing that does not fit what is ``expects``-ed there."""
    if kind is None:
        close = suggest(id)
        return Diagnostic(
            "E102",
            "undefined-reference",
            Severity.ERROR,
            f'"{id}" is not defined',
            span,
            hint=f'did you mean "{close}"?' if close else f'define "{id}" or fix the id',
            subject=id,
        )
    return Diagnostic(
        "E104",
        "invalid-target",
        Severity.ERROR,
        f'"{id}" is {a_or_an(kind)} {kind}, but {_WHAT[expects]}',
        span,
        subject=id,
    )


def _valid_quotes(
    statement: Statement, id: str, bad_uses: set[tuple[str, str]], sole_source: str | None
) -> Statement:
    quotes = tuple(
        replace(q, source=source)
        for q in statement.quotes
        if (source := q.source or sole_source or "") and (id, q.source) not in bad_uses
    )
    citations = tuple(c for c in statement.citations if (id, c.source) not in bad_uses)
    if quotes == statement.quotes and citations == statement.citations:
        return statement
    return replace(statement, quotes=quotes, citations=citations)


def _valid_ids(expectation: Expectation, bad_uses: set[tuple[str, str]]) -> Expectation:
    owner = f"expect@{expectation.span.line}:{expectation.span.column}"
    pairs = [
        (i, s)
        for i, s in zip(expectation.ids, expectation.id_spans, strict=True)
        if (owner, i) not in bad_uses
    ]
    return replace(expectation, ids=tuple(i for i, _ in pairs), id_spans=tuple(s for _, s in pairs))
