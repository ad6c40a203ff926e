"""Verdict checks (L6xx, O302, O303): what the labelling says once objections are weighed."""

from __future__ import annotations

from collections.abc import Iterator

from argmap.checks.base import Check, CheckContext
from argmap.checks.registry import register
from argmap.describe import describe
from argmap.diagnostics import Diagnostic, Related, Severity
from argmap.model import ArgumentMap, Label

__all__ = [
    "LabelMismatch",
    "ObjectionStands",
    "ObjectionUndecided",
    "StandsByConcession",
    "ThesisNotAccepted",
]

_WORDS = {Label.IN: "IN (it stands)", Label.OUT: "OUT (it does not stand)", Label.UNDEC: "UNDEC"}


@register
class ThesisNotAccepted(Check):
    """
    What it does
        Reports a thesis that does not stand once objections are weighed: it is OUT (an
        objection defeats it or the support it rests on) or UNDEC (objections attack each
        other in a circle that no side wins). The message says which. A thesis with no
        support ending in evidence or assumptions is reported by S201/S202 instead.

    Why it matters
        A map is written to show that its thesis follows. If it does not, by the map's own
        account, the argument needs another reason, an answer to an objection, or a weaker
        thesis.

    Example
            evidence meeting: "The meeting went well."
            evidence syria: "The two sides disagree over Syria."
            thesis better: "Relations are better than they seem."
              + meeting
              - syria

    How to fix
        Answer the objection that defeats the thesis (an objection to it or to its premise),
        or give the thesis support that ends in evidence or assumptions. `argmap label` shows
        the label of every element and why.
    """

    code = "L601"
    name = "thesis-not-accepted"
    severity = Severity.WARNING
    summary = "A thesis is OUT or UNDEC once objections are weighed."

    def run(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        m = ctx.map
        for thesis in ctx.analysis.theses:
            label = ctx.labelling[thesis]
            if label is Label.IN or thesis in ctx.analysis.unsupported:
                continue  # without any evidential support, S201/S202 already say why
            state = "does not stand" if label is Label.OUT else "is undecided"
            yield self.finding(
                f"{describe(m, thesis)} {state} ({label.value}): {ctx.explanations[thesis]}",
                m.span(m.statements[thesis]),
                thesis,
                _deciding(ctx, thesis),
                hint="`argmap label` shows the label of every element and why",
            )


@register
class ObjectionStands(Check):
    """
    What it does
        Reports an objection that argues against a thesis and stands: its premises are IN and
        nothing defeats it, so its target is OUT. Objections marked `conceded` are not
        reported: the author grants them but holds that they are outweighed, so they defeat
        nothing (L603 reports what stands only because of such a concession).

    Why it matters
        An answered objection can still win when the answer fails: this is how you learn that
        a rebuttal does not work. An objection that stands defeats what it attacks.

    Example
            evidence meeting: "The meeting went well."
            thesis better: "Relations are better than they seem."
              + meeting
              - assumption syria: "The differences over Syria are really important."

    How to fix
        Answer the objection with one that stands (attack it or its premise), or mark it
        `conceded` if you grant it but hold that the other side outweighs it.
    """

    code = "O302"
    name = "objection-stands"
    severity = Severity.WARNING
    summary = "An objection against a thesis stands, so what it attacks is OUT."

    def run(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        for id in _hostile(ctx, Label.IN):
            m, objection = ctx.map, ctx.map.objections[id]
            answered = _answered(ctx, id)
            yield self.finding(
                f"{describe(m, id)} stands, so {describe(m, objection.target)} is OUT{answered}",
                m.span(objection),
                id,
                [Related(m.span_of(objection.target), "what it defeats")],
                hint="answer it with an objection to it or to its premise, or mark it conceded"
                " if you grant it but hold that it is outweighed",
            )


@register
class ObjectionUndecided(Check):
    """
    What it does
        Reports an objection that argues against a thesis and is undecided (UNDEC), for
        example because it and another objection attack each other in a circle.

    Why it matters
        Grounded evaluation takes no side in such a circle: neither the objection nor what it
        attacks can be accepted. This is often intended, but worth knowing.

    Example
            evidence e: "E."
            thesis t: "T."
              + e
            evidence a: "A."
            evidence b: "B."
            objection oa: a -> t
            objection ob: b -> a
            objection oc: a -> b

    How to fix
        Break the circle if one side is stronger: say why one objection fails (attack its
        premise), or concede it.
    """

    code = "O303"
    name = "objection-undecided"
    severity = Severity.INFO
    summary = "An objection against a thesis is undecided (UNDEC)."

    def run(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        for id in _hostile(ctx, Label.UNDEC):
            yield self.finding(
                f"{describe(ctx.map, id)} is undecided: {ctx.explanations[id]}",
                ctx.map.span(ctx.map.objections[id]),
                id,
            )


@register
class StandsByConcession(Check):
    """
    What it does
        Reports a statement, reason or objection that stands (IN) only because an objection
        against it is marked `conceded`: the objection itself is not defeated, so without the
        concession it would defeat its target (or leave it undecided).

    Why it matters
        Conceding means "granted, but outweighed": the author grants the objection's point
        and holds the conclusion anyway. That weighing is the author's assertion, not an
        argument the map states, so a reader should know which verdicts rest on it.

    Example
            evidence meeting: "The meeting went well."
            evidence syria: "The differences over Syria are really important."
            thesis better: "Relations are better than they seem."
              + meeting
              - [conceded] syria

    How to fix
        Nothing, if the weighing is what the author says; the finding is information. To make
        the weighing an argument, answer the objection (an objection to it or to its premise)
        and drop `conceded`. If the objection wins, drop `conceded`: the target is then OUT.
    """

    code = "L603"
    name = "stands-by-concession"
    severity = Severity.INFO
    summary = "An element stands only because an objection against it is conceded."

    def run(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        m, labelling = ctx.map, ctx.labelling
        for target, objections in _conceded_against(m).items():
            if labelling[target] is not Label.IN:
                continue
            standing = [o for o in objections if labelling[o] is not Label.OUT]
            if not standing:
                continue
            names = " and ".join(describe(m, o) for o in standing)
            verb = "is" if len(standing) == 1 else "are"
            yield self.finding(
                f"{describe(m, target)} stands only because {names} {verb} conceded as"
                " outweighed: the weighing is the author's, not an argument of the map",
                m.span_of(target),
                target,
                [Related(m.span(m.objections[o]), "the conceded objection") for o in standing],
                hint="answer the objection to argue the weighing, or drop `conceded` if the"
                " objection wins",
            )


@register
class LabelMismatch(Check):
    """
    What it does
        Compares the labels a map expects (`expect IN: a b`, `expect OUT: c`, `expect UNDEC:
        d`) with the labels computed, and reports each element whose label differs.

    Why it matters
        Expected labels make a map its own test: when an edit changes which claims stand, the
        change shows up here instead of going unnoticed.

    Example
            evidence e: "E."
            evidence x: "X."
            thesis t: "T."
              + e
              - x
            expect IN: t

    How to fix
        If the computed label is right, update the `expect` line; otherwise change the map
        (add the missing reason, answer the objection). `argmap label` shows why each element
        has its label.
    """

    code = "L602"
    name = "label-mismatch"
    severity = Severity.ERROR
    summary = "An element's computed label differs from the one the map expects."

    def run(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        m = ctx.map
        for expectation in m.expectations:
            for position, id in enumerate(expectation.ids):
                if id not in ctx.labelling:
                    continue
                actual = ctx.labelling[id]
                if actual is expectation.label:
                    continue
                spans = expectation.id_spans
                yield self.finding(
                    f"{describe(m, id)} is expected to be {expectation.label.value} but is "
                    f"{_WORDS[actual]}: {ctx.explanations[id]}",
                    spans[position] if position < len(spans) else expectation.span,
                    id,
                    [Related(m.span_of(id), f"{describe(m, id)} is defined here")],
                    hint="update the expect line if the new label is right",
                )


def _answered(ctx: CheckContext, id: str) -> str:
    """What O302 says of the answers to an objection that stands."""
    if id not in ctx.analysis.answered:
        return ""
    if id in ctx.analysis.argued:
        return " (every answer to it fails)"
    return " (every answer to it is conceded: granted, but outweighed)"


def _conceded_against(m: ArgumentMap) -> dict[str, list[str]]:
    """The conceded objections against each element, targets and objections in source order."""
    against: dict[str, list[str]] = {}
    for objection in m.objections.values():
        if objection.conceded:
            against.setdefault(objection.target, []).append(objection.id)
    return against


def _hostile(ctx: CheckContext, label: Label) -> Iterator[str]:
    """Hostile objections with this label that are not conceded, in source order."""
    for id, objection in ctx.map.objections.items():
        hostile = id in ctx.analysis.hostile and not objection.conceded
        if hostile and ctx.labelling[id] is label:
            yield id


def _deciding(ctx: CheckContext, id: str) -> list[Related]:
    """Where the objections that its explanation says decide a statement's label are written:
    those that defeat it or the support it rests on, or that leave it undecided."""
    m = ctx.map
    notes = []
    for objection, attacked in ctx.explanations.deciding(id):
        if ctx.labelling[objection] is Label.UNDEC:
            note = "an undecided objection to it"
        elif attacked == id:
            note = "the objection that defeats it"
        else:
            verb = "defeats" if attacked in m.statements else "cuts off"
            note = f"the objection that {verb} {describe(m, attacked)}, which it rests on"
        notes.append(Related(m.span(m.objections[objection]), note))
    return notes
