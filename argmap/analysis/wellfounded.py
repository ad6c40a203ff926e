"""The well-founded model of a map's logic program (design notes §7.3).

The map stands for this normal logic program::

    in(e)   <- not att(e)                      e evidence or assumption
    in(t)   <- app(r), not att(t)              r a reason for t
    app(i)  <- in(p1), ..., in(pk), not cut(i) i a reason or objection with premises p1..pk
    att(t)  <- app(o)                          o an objection to statement t
    cut(i)  <- app(o)                          o an objection to inference i

``att`` and ``cut`` are folded into "some objection aimed at it applies", so there is one
atom per statement (``in``) and one per inference (``app``), keyed by id.

The model is computed component by component: the strongly connected components of the
dependency graph (a statement depends on its reasons and attackers, an inference on its
premises and attackers) are solved in dependency order, each with Van Gelder's alternating
fixpoint over linear-time Horn propagation, taking the labels below it as final. A component
with no attack inside it is stratified and needs one pass each way, so a long chain of
rebuttals stays linear; only a knot of attacks inside one component takes several rounds.
A support loop does not support itself (the least model never starts it), so claims that
rest only on a loop are OUT, where the Kripke–Kleene shortcut would leave them UNDEC.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass

from argmap.analysis.graphs import MapIndex, strongly_connected
from argmap.model import ArgumentMap, Label

__all__ = ["Program", "dependencies", "gamma", "well_founded"]

_OUT, _UNDEC, _IN = 0, 1, 2
_LABELS = (Label.OUT, Label.UNDEC, Label.IN)
_NONE: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Program:
    """The map's rules as plain lookups (ids to ids), for the fixpoint's inner loops.

    ``basis``: evidence and assumptions; ``reasons_for[s]``: the reasons for statement s;
    ``premises[i]``: the premises of inference i; ``target[r]``: the statement reason r
    supports; ``users[s]``: the inferences with premise s; ``attackers[x]``: the objections
    aimed at x. Statements absent from ``premises`` are the program's statements.
    """

    basis: frozenset[str]
    reasons_for: Mapping[str, tuple[str, ...]]
    premises: Mapping[str, tuple[str, ...]]
    target: Mapping[str, str]
    users: Mapping[str, tuple[str, ...]]
    attackers: Mapping[str, tuple[str, ...]]

    @classmethod
    def of(cls, m: ArgumentMap, index: MapIndex) -> Program:
        inferences = (*m.reasons.values(), *m.objections.values())
        return cls(
            basis=index.basis,
            reasons_for=dict(index.reasons_for),
            premises={i.id: i.premises for i in inferences},
            target={r.id: r.target for r in m.reasons.values()},
            users=dict(index.used_in),
            attackers=dict(index.attackers),
        )


def well_founded(m: ArgumentMap, index: MapIndex) -> dict[str, Label]:
    """The label of every statement, reason and objection of a resolved map."""
    program = Program.of(m, index)
    successors = dependencies(m, index)
    labels: dict[str, int] = {}
    for component in strongly_connected(successors, successors):
        if len(component) == 1 and component[0] not in successors[component[0]]:
            labels[component[0]] = _decide(program, component[0], labels)
        else:
            _solve(program, component, labels)
    return {id: _LABELS[label] for id, label in labels.items()}


def dependencies(m: ArgumentMap, index: MapIndex) -> dict[str, list[str]]:
    """What each label depends on, in source order: a statement on its reasons and
    attackers, an inference on its premises and attackers. Statements come first."""
    successors = {s: [*index.reasons_of(s), *index.attackers_of(s)] for s in m.statements}
    for inference in (*m.reasons.values(), *m.objections.values()):
        successors[inference.id] = [*inference.premises, *index.attackers_of(inference.id)]
    return successors


def _decide(program: Program, x: str, labels: Mapping[str, int]) -> int:
    """The label of an element that does not depend on itself, from its dependencies' final
    labels: what the fixpoint gives for a component of one, in strong Kleene logic
    (IN = 2, UNDEC = 1, OUT = 0; "and" is min, "or" is max, "not" is 2 - x)."""
    label = labels.__getitem__
    attackers = program.attackers.get(x)
    attacked = max(map(label, attackers)) if attackers else _OUT
    premises = program.premises.get(x)
    if premises is not None:
        body = min(map(label, premises)) if premises else _IN
    elif x in program.basis:
        body = _IN
    else:
        reasons = program.reasons_for.get(x)
        body = max(map(label, reasons)) if reasons else _OUT
    return min(body, _IN - attacked)


def _solve(program: Program, members: list[str], labels: dict[str, int]) -> None:
    """Label one component, all of whose dependencies outside it are labelled already."""
    inside = set(members)
    if any(a in inside for x in members for a in program.attackers.get(x, _NONE)):
        low: Set[str] = frozenset()
        while True:
            high = gamma(program, members, labels, low, optimistic=True)
            lower = gamma(program, members, labels, high, optimistic=False)
            if len(lower) == len(low):  # the low estimate only grows
                break
            low = lower
    else:
        low = gamma(program, members, labels, frozenset(), optimistic=False)
        high = gamma(program, members, labels, frozenset(), optimistic=True)
    for x in members:
        labels[x] = _IN if x in low else _UNDEC if x in high else _OUT


def gamma(
    program: Program,
    members: Sequence[str],
    labels: Mapping[str, int],
    other: Set[str],
    *,
    optimistic: bool,
) -> set[str]:
    """Γ: the least model of the program's reduct, restricted to ``members``.

    ``other`` is the opposite estimate for the members: an objection among the members
    blocks its target when it is in ``other``. Outside the members, ``labels`` are final
    (0 OUT, 1 UNDEC, 2 IN): the optimistic estimate counts IN and UNDEC as true, and only
    an IN objection blocks; the pessimistic one counts only IN as true, and an IN or UNDEC
    objection blocks. Horn propagation with one counter per inference (Dowling & Gallier),
    linear in the size of the members' rules. With every id of the map as ``members`` and
    an empty ``other``, the statements returned are W, the grounded support (§3).
    """
    need = _UNDEC if optimistic else _IN
    block = _IN if optimistic else _UNDEC
    inside = set(members)
    open_statements: set[str] = set()
    waiting: dict[str, int] = {}
    queue: list[str] = []
    for x in members:
        if any(
            a in other if a in inside else labels[a] >= block
            for a in program.attackers.get(x, _NONE)
        ):
            continue
        premises = program.premises.get(x)
        if premises is None:
            open_statements.add(x)
            if x in program.basis or any(
                r not in inside and labels[r] >= need for r in program.reasons_for.get(x, _NONE)
            ):
                queue.append(x)
        elif all(p in inside or labels[p] >= need for p in premises):
            waiting[x] = sum(p in inside for p in premises)
            if not waiting[x]:
                queue.append(x)
    true: set[str] = set()
    while queue:
        x = queue.pop()
        if x in true:
            continue
        true.add(x)
        for user in program.users.get(x, _NONE):
            if user in waiting:
                waiting[user] -= 1
                if not waiting[user]:
                    queue.append(user)
        target = program.target.get(x)
        if target in open_statements:
            queue.append(target)
    return true
