"""Circularity (C4xx): claims that support each other in a circle, self-reference, and a
statement that argues both for and against the same target."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from argmap.analysis.support import cycle_path
from argmap.checks.base import Check, CheckContext
from argmap.checks.registry import register
from argmap.describe import describe, mention, quoted_list
from argmap.diagnostics import Diagnostic, Related, Severity

__all__ = [
    "CircularSupport",
    "CircularSupportGrounded",
    "RestatedPremise",
    "SelfAttack",
    "SelfSupport",
    "SupportsAndAttacks",
]

NOTES = 8
"""How many reasons of a circle a finding shows as notes."""


def _loop_text(ctx: CheckContext, members: tuple[str, ...]) -> tuple[str, list[Related]]:
    """The circle as ``a → b → a`` and one note per reason that closes it."""
    m = ctx.map
    steps = cycle_path(m, ctx.analysis.index, members)
    path = " → ".join(f'"{s}"' for s, _ in steps[:NOTES])
    path += " → …" if len(steps) > NOTES else f' → "{steps[0][0]}"'
    notes = [
        Related(
            m.span(m.reasons[r]),
            f'{describe(m, r)} supports "{m.reasons[r].target}" with "{premise}"',
        )
        for premise, r in steps[:NOTES]
    ]
    return path, notes


def _circles(
    ctx: CheckContext, grounded: bool
) -> Iterator[tuple[tuple[str, ...], str, list[Related]]]:
    """Circles of two or more claims, all grounded or not; each with its loop text and notes."""
    for members in ctx.analysis.support_cycles:
        if len(members) > 1 and all(s in ctx.analysis.grounded for s in members) == grounded:
            yield (members, *_loop_text(ctx, members))


@register
class CircularSupport(Check):
    """
    What it does
        Reports claims that support each other in a circle (A because B, B because A) when at
        least one of them has no other support: nothing outside the circle leads down to
        evidence or an assumption. The finding shows the circle and the reasons that close it.

    Why it matters
        Circular reasoning ("begging the question") supports nothing: each claim borrows its
        strength from the other, and neither has any.

    Example
            claim a: "The paper is reliable."
            claim b: "The paper's reports are true."
            reason r1: b -> a
            reason r2: a -> b

    How to fix
        Break the circle: find independent support (evidence, an assumption) for one of the
        claims, or remove the reason that closes the loop.
    """

    code = "C401"
    name = "circular-support"
    severity = Severity.WARNING
    summary = "Claims support each other in a circle, with no support from outside it."

    def run(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        m, grounded = ctx.map, ctx.analysis.grounded
        for members, path, notes in _circles(ctx, grounded=False):
            alone = [s for s in members if s not in grounded]
            yield self.finding(
                f"circular support: {path}; {quoted_list(m, alone)} "
                f"{'has' if len(alone) == 1 else 'have'} no support from outside the circle",
                m.span(m.statements[members[0]]),
                members[0],
                notes,
                hint="support one of these claims independently, or remove a reason of the circle",
            )


@register
class CircularSupportGrounded(Check):
    """
    What it does
        (Off by default.) Reports claims that support each other in a circle although every one
        of them also has support from outside the circle.

    Why it matters
        Such a circle does no harm to the verdict, but it may confuse readers, and it becomes
        a real circle (C401) as soon as the outside support is removed.

    Example
            source report "Annual report 2012"
            evidence e: "E."
              cite report
            claim a: "A."
            claim b: "B."
            reason r1: b -> a
            reason r2: a -> b
            reason r3: e -> a

    How to fix
        Remove the reason that closes the circle if it adds nothing.
    """

    code = "C402"
    name = "circular-support-grounded"
    severity = Severity.INFO
    summary = "A circle of support whose members all have support from outside it."
    default_enabled = False

    def run(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        m = ctx.map
        for members, path, notes in _circles(ctx, grounded=True):
            yield self.finding(
                f"circular support: {path}; each of them also has support from outside the circle",
                m.span(m.statements[members[0]]),
                members[0],
                notes,
            )


@register
class SelfSupport(Check):
    """
    What it does
        Reports a reason whose premise is its own target: the claim is given as a reason for
        itself.

    Why it matters
        "A because A" is the shortest circle; it supports nothing and is almost always a
        mistyped id.

    Example
            claim a: "A."
            reason r: a -> a

    How to fix
        Replace the premise with the statement that was meant, or remove the reason.
    """

    code = "C403"
    name = "self-support"
    severity = Severity.ERROR
    summary = "A reason gives a claim as a reason for itself."

    def run(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        m = ctx.map
        for reason in m.reasons.values():
            if reason.target in reason.premises:
                yield self.finding(
                    f'{describe(m, reason.id)} supports "{reason.target}" with itself: '
                    f'"{reason.target}" is both its premise and its target',
                    m.span(reason),
                    reason.id,
                    hint="replace the premise with the statement you meant, or remove the reason",
                )


@register
class SelfAttack(Check):
    """
    What it does
        Reports an objection that attacks itself: its target is the objection itself, or one
        of its premises is the statement it attacks ("A, therefore not A").

    Why it matters
        Such an objection can be neither accepted nor rejected: the labelling leaves it, and
        what it touches, undecided. It is almost always a mistyped id.

    Example
            claim a: "A."
            claim b: "B."
            objection o: a -> o

    How to fix
        Aim the objection at what it was meant to attack, or give it another premise:

            claim a: "A."
            claim b: "B."
            objection o: a -> b
    """

    code = "C405"
    name = "self-attack"
    severity = Severity.ERROR
    summary = "An objection attacks itself, or has its target as a premise."

    def run(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        m = ctx.map
        for objection in m.objections.values():
            if objection.target == objection.id:
                message = f"{describe(m, objection.id)} objects to itself: it is its own target"
            elif objection.target in objection.premises:
                message = (
                    f'{describe(m, objection.id)} objects to "{objection.target}" with itself: '
                    f'"{objection.target}" is both its premise and its target'
                )
            else:
                continue
            yield self.finding(
                message,
                m.span(objection),
                objection.id,
                hint="aim the objection at what it was meant to attack, or correct its premise",
            )


@register
class SupportsAndAttacks(Check):
    """
    What it does
        Reports a statement that is a premise both of a reason for a target and of an objection
        to the same target: it argues for and against the same thing.

    Why it matters
        One statement cannot count for and against the same claim in the same sense. Usually
        one of the two links is a mistake (a wrong target or a wrong sign), or the statement
        says two things that should be two statements.

    Example
            thesis t: "The lane should stay."
            evidence e: "Cycling doubled on the street."
            reason r: e -> t
            objection o: e -> t

    How to fix
        Correct the link that is wrong, or split the statement into the part that supports
        and the part that objects:

            thesis t: "The lane should stay."
            evidence e: "Cycling doubled on the street."
            evidence f: "Deliveries now take longer."
            reason r: e -> t
            objection o: f -> t
    """

    code = "C406"
    name = "supports-and-attacks"
    severity = Severity.WARNING
    summary = "A statement is a premise of both a reason for and an objection to one target."

    def run(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        m = ctx.map
        supporting: dict[tuple[str, str], str] = {}  # (premise, target) -> the first reason
        for reason in m.reasons.values():
            for premise in reason.premises:
                supporting.setdefault((premise, reason.target), reason.id)
        for objection in m.objections.values():
            for premise in dict.fromkeys(objection.premises):
                reason_id = supporting.get((premise, objection.target))
                if reason_id is None:
                    continue
                reason = m.reasons[reason_id]
                yield self.finding(
                    f"{mention(m, premise)} both supports and attacks "
                    f"{mention(m, objection.target)}: it is a premise of "
                    f"{describe(m, reason_id)} and of {describe(m, objection.id)}",
                    m.span(objection),
                    objection.id,
                    [Related(m.span(reason), f"{describe(m, reason_id)} is here")],
                    hint="correct the link that is wrong, or split the statement in two",
                )


_TRAILING = re.compile(r"[\s.,;:!?…]+$")
_SPACES = re.compile(r"\s+")


def normalised(text: str) -> str:
    """Text compared for restatement: NFC, case-folded, spaces collapsed, no end punctuation."""
    folded = _SPACES.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip()
    return _TRAILING.sub("", folded)


@register
class RestatedPremise(Check):
    """
    What it does
        (Heuristic, off by default.) Reports a reason whose premise says the same words as its
        target under another id (ignoring case, spacing and final punctuation).

    Why it matters
        Restating a claim is not a reason for it: "A, because A" in different words is
        circular. Identical wording is the clearest case.

    Example
            claim a: "Sanctions work."
            claim b: "sanctions work"
            reason r: b -> a

    How to fix
        Give a premise that says something different, or merge the two statements.
    """

    code = "C404"
    name = "restated-premise"
    severity = Severity.WARNING
    summary = "A premise says the same as its target under another id (heuristic)."
    default_enabled = False

    def run(self, ctx: CheckContext) -> Iterator[Diagnostic]:
        m = ctx.map
        for reason in m.reasons.values():
            target = normalised(m.statements[reason.target].text)
            for premise in reason.premises:
                if premise != reason.target and normalised(m.statements[premise].text) == target:
                    named = mention(m, premise)
                    yield self.finding(
                        f"{describe(m, reason.id)} supports {mention(m, reason.target)} with "
                        f"{named}, which says the same thing in the same words",
                        m.span(reason),
                        reason.id,
                        [Related(m.span(m.statements[premise]), f"{named} is declared here")],
                    )
