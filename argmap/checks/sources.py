"""Source checks (Q503, Q504): sources nobody uses, evidence that names no source."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks.base import Check, CheckContext
from argmap.checks.registry import register
from argmap.describe import describe
from argmap.diagnostics import Diagnostic, Severity
from argmap.model import StatementKind

__all__ = ["EvidenceWithoutSource", "UnusedSource"]


@register
class UnusedSource(Check):
    """
    What it does
        Reports a source that no quote and no citation refers to.

    Why it matters
        Usually a quote was meant to name it and names another source, or the source is
        left over from an earlier version of the map.

    Example
            source column "A Precarious Balance"
            source report "Annual report 2012"
            evidence e: "E."
              quote column "words of the column"

    How to fix
        Quote or cite the source where the map relies on it, or remove it.
    """

    code = "Q503"
    name = "unused-source"
    severity = Severity.INFO
    summary = "A source that no quote or citation refers to."

    def run(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        m = ctx.map
        used = {q.source for s in m.statements.values() for q in s.quotes}
        used.update(c.source for s in m.statements.values() for c in s.citations)
        for source in m.sources.values():
            if source.id not in used:
                yield self.finding(
                    f'source "{source.id}" is declared but no quote or citation refers to it',
                    m.span(source),
                    source.id,
                    hint=f'quote it (quote {source.id} "words") or cite it, or remove it',
                )


@register
class EvidenceWithoutSource(Check):
    """
    What it does
        Reports evidence with neither a quote nor a citation.

    Why it matters
        Evidence is accepted without a reason because it reports something checkable. Without
        saying where it comes from, it is just a claim that skips the queue.

    Example
            evidence growth: "Trade grew by 12% in 2011."

    How to fix
        Say where it comes from:

            source report "Annual report 2012"
            evidence growth: "Trade grew by 12% in 2011."
              cite report "p. 14"

        If it is not checkable, declare it as an assumption or a claim instead.
    """

    code = "Q504"
    name = "evidence-without-source"
    severity = Severity.WARNING
    summary = "Evidence with neither a quote nor a citation."

    def run(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        m = ctx.map
        for statement in m.statements.values():
            if statement.kind is StatementKind.EVIDENCE and not (
                statement.quotes or statement.citations
            ):
                yield self.finding(
                    f"{describe(m, statement.id)} has no quote and no citation: "
                    "say where it comes from",
                    m.span(statement),
                    statement.id,
                    hint='add a line under it: quote SOURCE "words" or cite SOURCE "page"',
                )
