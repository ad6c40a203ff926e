"""Objection checks (O3xx, structural): hostile objections left without an answer."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analysis.objections import FOR
from argmap.checks.base import Check, CheckContext
from argmap.checks.registry import register
from argmap.describe import describe, quoted_list
from argmap.diagnostics import Diagnostic, Related, Severity

__all__ = ["UnansweredObjection"]


@register
class UnansweredObjection(Check):
    """
    What it does
        Reports an objection that argues against a thesis when nothing in the map answers it:
        no objection is aimed at it, at one of its premises, or at the reasons that support
        those premises. Objections marked `conceded` are not reported.

    Why it matters
        A map that raises an objection and leaves it standing suggests the author had no answer.
        Either answer it, or say openly that you accept it.

    Example
            source column "A Precarious Balance"
            thesis better: "Relations are better than they seem."
              + evidence meeting: "The meeting went well."
                cite column
              - gloomy: "The general picture looks gloomy."

    How to fix
        Answer the objection with an objection to it or to one of its premises:

            source column "A Precarious Balance"
            thesis better: "Relations are better than they seem."
              + evidence meeting: "The meeting went well."
                cite column
              - gloomy: "The general picture looks gloomy."
                  - normal: "Tough bargaining is normal between great powers."

        or mark it conceded when you accept it: `- [conceded] gloomy: "..."`.
    """

    code = "O301"
    name = "unanswered-objection"
    severity = Severity.WARNING
    summary = "An objection against a thesis that nothing answers and that is not conceded."

    def run(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        m, analysis = ctx.map, ctx.analysis
        for objection in m.objections.values():
            if objection.id not in analysis.unanswered:
                continue
            message = (
                f"{describe(m, objection.id)} is not answered: no objection targets it, "
                "its premises or their support"
            )
            if FOR in analysis.polarity[objection.id]:
                message += (
                    "; it argues against a thesis along one path (and for one along another), "
                    "so it is treated as an objection to answer"
                )
            unsupported = [p for p in objection.premises if p not in analysis.grounded]
            if unsupported:
                noun = "premise" if len(unsupported) == 1 else "premises"
                verb = "is" if len(unsupported) == 1 else "are"
                message += (
                    f" (note: its {noun} {quoted_list(m, unsupported)} {verb} itself unsupported)"
                )
            target = m.statements.get(objection.target) or m.inference(objection.target)
            related = (
                [Related(m.span(target), f"it objects to {describe(m, objection.target)} here")]
                if target is not None
                else []
            )
            yield self.finding(
                message,
                m.span(objection),
                objection.id,
                related,
                hint='answer it with an objection to it or to its premise ("-" under the '
                "premise), or mark it conceded: [conceded]",
            )
