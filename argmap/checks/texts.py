"""Text checks (S205): a statement with no words."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks.base import Check, CheckContext
from argmap.checks.registry import register
from argmap.describe import describe
from argmap.diagnostics import Diagnostic, Severity

__all__ = ["EmptyStatement"]


@register
class EmptyStatement(Check):
    """
    What it does
        Reports a statement whose text is empty or only spaces.

    Why it matters
        A statement with no words says nothing: what supports it, what attacks it and whether
        it stands mean nothing either. Usually it is a place held for a text not yet written.
        (A quote with no words is Q501's.)

    Example
            thesis better: "Relations are better than they seem."
              + meeting: ""

    How to fix
        Write what the statement says:

            thesis better: "Relations are better than they seem."
              + meeting: "The meeting at Los Cabos went well."
    """

    code = "S205"
    name = "empty-statement"
    severity = Severity.WARNING
    summary = "A statement with no words."

    def run(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        m = ctx.map
        for statement in m.statements.values():
            if not statement.text.strip():
                yield self.finding(
                    f"{describe(m, statement.id)} has no words: its text is empty",
                    m.span(statement),
                    statement.id,
                    hint="write what it says between the quotation marks",
                )
