"""Support checks (S2xx): claims that rest on nothing, and parts connected to no thesis."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analysis.witness import why_unsupported
from argmap.checks.base import Check, CheckContext
from argmap.checks.options import Option
from argmap.checks.registry import register
from argmap.describe import describe, mention, quoted_list
from argmap.diagnostics import Diagnostic, Related, Severity

__all__ = ["Orphan", "SinglePremiseReason", "UnsupportedClaim", "UnsupportedClaimTransitive"]

NOTES = 5
"""How many explanatory notes a finding shows before "…and N more"."""

_HOW_TO_SUPPORT = (
    'give it a reason (a "+" line under it), or declare it as evidence (with a quote or '
    "citation) or as an assumption"
)


@register
class UnsupportedClaim(Check):
    """
    What it does
        Reports a thesis or claim that has no reason and is neither evidence nor an assumption,
        when the map relies on it: it is a thesis, or a premise of a reason or an objection.

    Why it matters
        A map is only as strong as its foundations. Evidence and stated assumptions are the only
        things accepted without a reason; any other claim is just asserted.

    Example
            thesis better: "Relations are better than they seem."
              + not_set: "The two countries are not set for confrontation."

        Here "not_set" has no reason and is not evidence or an assumption.

    How to fix
        Give the claim a reason, or say where it comes from by making it evidence (with a
        quote or a citation), or state it openly as an assumption:

            source column "A Precarious Balance"
            thesis better: "Relations are better than they seem."
              + not_set: "The two countries are not set for confrontation."
                + evidence statement: "The joint statement was neutral and constructive."
                  cite column
    """

    code = "S201"
    name = "unsupported-claim"
    severity = Severity.WARNING
    summary = "A claim the map relies on has no reason and is not evidence or an assumption."
    IGNORE_THESES = Option("ignore-theses", False, "report premises only, not theses")
    options = (IGNORE_THESES,)

    def run(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        m, analysis = ctx.map, ctx.analysis
        skip_theses = self.setting(ctx, self.IGNORE_THESES)
        for statement in m.statements.values():
            id = statement.id
            if id not in analysis.unsupported or analysis.index.reasons_of(id):
                continue
            if skip_theses and id in analysis.theses:
                continue
            users = [m.reasons.get(u) or m.objections[u] for u in analysis.index.users_of(id)]
            related = [
                Related(m.span(u), f"it is a premise of {describe(m, u.id)} here")
                for u in users[:NOTES]
            ]
            yield self.finding(
                f"{describe(m, id)} has no reason and is not evidence or an assumption",
                m.span(statement),
                id,
                related,
                hint=_HOW_TO_SUPPORT,
            )


@register
class UnsupportedClaimTransitive(Check):
    """
    What it does
        Reports a claim that has reasons, none of which leads down to evidence or an assumption.
        All the premises of a reason are needed together, so a reason fails as soon as one of
        its premises is unsupported. The notes say why: the reason that fails and its
        unsupported premise, the claim where the chain ends, or a circle of claims.

    Why it matters
        Reasons that rest on unsupported claims only move the problem one step down. A reader
        who follows the chain finds nothing solid at the end.

    Example
            source report "Annual report 2012"
            thesis t: "Trade will keep growing."
              + evidence grew: "Trade grew by 12% in 2011."
                cite report "p. 14"
              & lasts: "What made it grow will last."

        Here "t" has a reason, but the co-premise "lasts" has none (S201 reports it). The
        premises of a reason are needed together, so the reason fails and "t" is unsupported
        too.

    How to fix
        Follow the notes to the end of the chain and support the claim there (a reason,
        evidence, or a stated assumption).
    """

    code = "S202"
    name = "unsupported-claim-transitive"
    severity = Severity.WARNING
    summary = "None of a claim's reasons leads down to evidence or an assumption."

    def run(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        m, analysis = ctx.map, ctx.analysis
        for statement in m.statements.values():
            id = statement.id
            reasons = analysis.index.reasons_of(id)
            if id not in analysis.unsupported or not reasons:
                continue
            if len(reasons) == 1:
                why = "its reason does not lead down to evidence or an assumption"
            else:
                why = f"none of its {len(reasons)} reasons leads down to evidence or an assumption"
            notes, complete = self._notes(ctx, id)
            shown = notes[:NOTES]
            if len(notes) > len(shown):
                why += f" (…and {len(notes) - len(shown)} more causes not shown)"
            elif not complete:
                why += " (…and more further down the chain)"
            yield self.finding(
                f"{describe(m, id)} is unsupported: {why}",
                m.span(statement),
                id,
                shown,
                hint="follow the notes and support the claim where the chain ends",
            )

    @staticmethod
    def _notes(ctx: CheckContext, id: str) -> tuple[list[Related], bool]:
        m, analysis = ctx.map, ctx.analysis
        witness = why_unsupported(m, analysis, id)
        notes: list[Related] = []
        for reason, premises in witness.failing:
            noun = "premise" if len(premises) == 1 else "premises"
            verb = "is" if len(premises) == 1 else "are"
            notes.append(
                Related(
                    m.span(m.reasons[reason]),
                    f"{describe(m, reason)} fails: its {noun} {quoted_list(m, premises)} {verb} "
                    "unsupported",
                )
            )
        for leaf in witness.leaves:
            notes.append(
                Related(
                    m.span(m.statements[leaf]),
                    f"the chain ends at {describe(m, leaf)}, which has no reason and is not "
                    "evidence or an assumption",
                )
            )
        for n in witness.cycles:
            members = analysis.support_cycles[n]
            circle = (
                f'"{members[0]}" is given as a reason for itself (see C403)'
                if len(members) == 1
                else f"{quoted_list(m, members)} only support each other in a circle (see C401)"
            )
            notes.append(Related(m.span(m.statements[members[0]]), circle))
        return notes, witness.complete


@register
class SinglePremiseReason(Check):
    """
    What it does
        (Heuristic, off by default.) Reports a reason with a single premise.

    Why it matters
        Rationale's "Golden Rule": a reason usually needs a second, linked premise that says
        why the first one bears on the claim. A single premise often hides that assumption,
        and the hidden step is where arguments are weakest.

    Example
            thesis t: "We should cycle to work."
              + healthy: "Cycling is healthy."

    How to fix
        State the missing link as a co-premise ("&"), often as an assumption:

            thesis t: "We should cycle to work."
              + healthy: "Cycling is healthy."
              & assumption health_matters: "What is healthy is worth doing."
    """

    code = "S203"
    name = "single-premise-reason"
    severity = Severity.INFO
    summary = "A reason with one premise may hide an unstated assumption (heuristic)."
    default_enabled = False

    def run(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        m = ctx.map
        for reason in m.reasons.values():
            if len(reason.premises) == 1:
                yield self.finding(
                    f"{describe(m, reason.id)} has a single premise, "
                    f"{mention(m, reason.premises[0])}: is an unstated co-premise needed to "
                    f"reach {mention(m, reason.target)}?",
                    m.span(reason),
                    reason.id,
                    hint='add the linking premise with an "&" line, often as an assumption',
                )


@register
class Orphan(Check):
    """
    What it does
        Reports a statement that is connected to no thesis: no chain of reasons and objections
        links it to what the map argues for. Maps that declare no thesis and whose claims are
        all premises (nothing is a conclusion) have no thesis to connect to, and get no finding.

    Why it matters
        A stray statement is usually a forgotten link (a premise that was meant to support
        something) or left-over material. Either way the reader cannot tell what it is for.

    Example
            source report "Annual report 2012"
            thesis t: "T."
              + evidence e: "E."
                cite report
            claim stray: "Something said in passing."

    How to fix
        Use the statement as a premise of a reason or objection that leads to a thesis, or
        remove it. If it is a second conclusion of the map, declare it as a thesis.
    """

    code = "S204"
    name = "orphan"
    severity = Severity.WARNING
    summary = "A statement connected to no thesis."

    def run(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        m, analysis = ctx.map, ctx.analysis
        for statement in m.statements.values():
            if statement.id in analysis.orphans:
                yield self.finding(
                    f"{describe(m, statement.id)} is not connected to any thesis: no reason or "
                    "objection links it to what the map argues for",
                    m.span(statement),
                    statement.id,
                    hint="use it as a premise, declare it as a thesis, or remove it",
                )
