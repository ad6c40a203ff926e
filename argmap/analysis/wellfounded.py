"""The well-founded model of a map's logic program (design notes §7.3).

The map stands for this normal logic program::

    in(e)   <- not att(e)                      e evidence or assumption
    in(t)   <- app(r), not att(t)              r a reason for t
    app(i)  <- in(p1), ..., in(pk), not cut(i) i a reason or objection with premises p1..pk
    att(t)  <- app(o)                          o an objection to statement t, not conceded
    cut(i)  <- app(o)                          o an objection to inference i, not conceded

``att`` and ``cut`` are folded into "some objection aimed at it applies", so there is one
atom per statement (``in``) and one per inference (``app``), keyed by id. A conceded
objection is granted and outweighed: it has its own atom but attacks nothing.

The model is computed by queue-driven propagation with counters, component by component
of the dependency graph (a statement depends on its reasons and attackers, an inference on
its premises and attackers), dependencies first:

- *propagation*: an element is IN when its support is IN (basis, an IN reason, all premises
  IN) and every attacker is OUT; OUT when an attacker is IN or its support is OUT. Each
  element keeps counters of what it still waits for, so every edge is looked at a bounded
  number of times: Horn forward chaining for support (Dowling & Gallier 1984), Dung-style
  IN/OUT propagation for attacks;
- *unfounded sets*: when propagation stalls, the undecided elements that cannot be derived
  from the basis through elements that are not OUT (the greatest unfounded set, found by one
  more linear Horn pass) are OUT: they rest only on support loops. Then propagation goes on,
  and what is still undecided is split into components again.

When propagation stalls and nothing is unfounded, what is left is UNDEC. Every step is
linear in the part of the map still undecided; only a component that needs one unfounded-set
step after another (support loops whose outside support fails one after the other, all tied
into one knot of attacks) is worked on more than once. docs/labelling.md shows such a map.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from argmap.analysis.graphs import MapIndex, strongly_connected
from argmap.model import ArgumentMap, Label

__all__ = ["Program", "attacks", "dependencies", "founded", "well_founded"]

_OUT, _UNDEC, _IN = 0, 1, 2
_LABELS = (Label.OUT, Label.UNDEC, Label.IN)
_NONE: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Program:
    """The map's rules as plain lookups (ids to ids), for the inner loops.

    ``basis``: evidence and assumptions; ``reasons_for[s]``: the reasons for statement s;
    ``premises[i]``: the premises of inference i; ``target[r]``: the statement reason r
    supports; ``aim[o]``: what objection o attacks, for objections that are not conceded;
    ``users[s]``: the inferences with premise s; ``attackers[x]``: the objections aimed at
    x that are not conceded. Statements absent from ``premises`` are the program's statements.
    """

    basis: frozenset[str]
    reasons_for: Mapping[str, tuple[str, ...]]
    premises: Mapping[str, tuple[str, ...]]
    target: Mapping[str, str]
    aim: Mapping[str, str]
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
            aim={o.id: o.target for o in m.objections.values() if not o.conceded},
            users=dict(index.used_in),
            attackers=dict(attacks(m, index)),
        )


def well_founded(m: ArgumentMap, index: MapIndex) -> dict[str, Label]:
    """The label of every statement, reason and objection of a resolved map."""
    program = Program.of(m, index)
    successors = dependencies(m, index)
    labels: dict[str, int] = {}
    todo = strongly_connected(successors, successors)[::-1]  # next component last
    while todo:
        component = todo.pop()
        if len(component) == 1 and component[0] not in successors[component[0]]:
            labels[component[0]] = _decide(program, component[0], labels)
            continue
        rest = _Component(program, component, labels).solve()
        if rest:
            kept = set(rest)
            inner = {x: [y for y in successors[x] if y in kept] for x in rest}
            todo.extend(strongly_connected(rest, inner)[::-1])
    return {id: _LABELS[label] for id, label in labels.items()}


def dependencies(m: ArgumentMap, index: MapIndex) -> dict[str, list[str]]:
    """What each label depends on, in source order: a statement on its reasons and
    attackers, an inference on its premises and attackers (conceded objections attack
    nothing). Statements come first."""

    attackers = attacks(m, index)
    successors = {s: [*index.reasons_of(s), *attackers.get(s, _NONE)] for s in m.statements}
    for inference in (*m.reasons.values(), *m.objections.values()):
        successors[inference.id] = [*inference.premises, *attackers.get(inference.id, _NONE)]
    return successors


def attacks(m: ArgumentMap, index: MapIndex) -> Mapping[str, tuple[str, ...]]:
    """The objections that attack each element: all those aimed at it but the conceded ones
    (granted and outweighed), in source order."""
    if not any(o.conceded for o in m.objections.values()):
        return index.attackers
    return {
        x: kept
        for x, aimed in index.attackers.items()
        if (kept := tuple(a for a in aimed if not m.objections[a].conceded))
    }


def _decide(program: Program, x: str, labels: Mapping[str, int]) -> int:
    """The label of an element that does not depend on itself, from its dependencies' final
    labels, in strong Kleene logic (IN = 2, UNDEC = 1, OUT = 0; "and" is min, "or" is max,
    "not" is 2 - x)."""
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


class _Component:
    """Propagation with counters inside one component whose dependencies outside it are
    labelled: ``labels`` is shared and filled in as elements are decided."""

    def __init__(self, program: Program, members: Sequence[str], labels: dict[str, int]) -> None:
        self.program = program
        self.members = members
        self.labels = labels
        self.inside = set(members)
        self.live_attackers: dict[str, int] = {}  # attackers not (yet) OUT
        self.live_support: dict[str, int] = {}  # a claim's reasons not (yet) OUT
        self.missing: dict[str, int] = {}  # an inference's premises not (yet) IN
        self.supported: set[str] = set()  # statements with an IN reason, or basis
        self.queue: list[str] = []

    def solve(self) -> list[str]:
        """Label what propagation and one unfounded-set step decide; return the members
        still undecided after that (to be split into components again), or [] when done."""
        for x in self.members:
            self._count(x)
        self._propagate()
        rest = [x for x in self.members if x not in self.labels]
        if not rest:
            return []
        unfounded = set(rest) - founded(self.program, rest, self.labels)
        if not unfounded:
            self.labels.update(dict.fromkeys(rest, _UNDEC))
            return []
        for x in rest:
            if x in unfounded:
                self._set(x, _OUT)
        self._propagate()
        return [x for x in rest if x not in self.labels]

    def _count(self, x: str) -> None:
        """Start the counters of member ``x`` from the labels outside the component."""
        labels, inside, program = self.labels, self.inside, self.program
        live = 0
        for a in program.attackers.get(x, _NONE):
            if a in inside:
                live += 1
            elif labels[a] == _IN:
                self._set(x, _OUT)
            elif labels[a] == _UNDEC:
                live += 1
        self.live_attackers[x] = live
        premises = program.premises.get(x)
        if premises is None:
            if x in program.basis:
                self.supported.add(x)
                ready = True
            else:
                alive = 0
                for r in program.reasons_for.get(x, _NONE):
                    if r in inside:
                        alive += 1
                    elif labels[r] != _OUT:
                        alive += 1
                        if labels[r] == _IN:
                            self.supported.add(x)
                self.live_support[x] = alive
                if not alive:
                    self._set(x, _OUT)
                ready = x in self.supported
        else:
            missing = 0
            for p in premises:
                if p in inside:
                    missing += 1
                elif labels[p] == _OUT:
                    self._set(x, _OUT)
                elif labels[p] == _UNDEC:
                    missing += 1
            self.missing[x] = missing
            ready = not missing
        if ready and not live:
            self._set(x, _IN)

    def _set(self, x: str, label: int) -> None:
        if x not in self.labels:
            self.labels[x] = label
            self.queue.append(x)

    def _propagate(self) -> None:
        """Tell each decided element's neighbours inside the component, until none is left."""
        labels, inside, program, queue = self.labels, self.inside, self.program, self.queue
        while queue:
            x = queue.pop()
            accepted = labels[x] == _IN
            for user in program.users.get(x, _NONE):
                if user not in inside or user in labels:
                    continue
                if not accepted:
                    self._set(user, _OUT)
                else:
                    self.missing[user] -= 1
                    if not self.missing[user] and not self.live_attackers[user]:
                        self._set(user, _IN)
            target = program.target.get(x)
            if target is not None and target in inside and target not in labels:
                if accepted:
                    self.supported.add(target)
                    if not self.live_attackers[target]:
                        self._set(target, _IN)
                elif target not in program.basis:
                    self.live_support[target] -= 1
                    if not self.live_support[target]:
                        self._set(target, _OUT)
            aim = program.aim.get(x)
            if aim is not None and aim in inside and aim not in labels:
                if accepted:
                    self._set(aim, _OUT)
                else:
                    self.live_attackers[aim] -= 1
                    if not self.live_attackers[aim] and (
                        aim in self.supported or self.missing.get(aim) == 0
                    ):
                        self._set(aim, _IN)


def founded(program: Program, members: Sequence[str], labels: Mapping[str, int]) -> set[str]:
    """The members derivable from the basis through elements that are not OUT.

    Elements outside ``members`` are labelled (``labels``); those not OUT count as given.
    Attacks are not looked at: after propagation, an undecided element has no IN attacker.
    The members not returned form the greatest unfounded set. Horn propagation with one
    counter per inference, linear in the size of the members' rules. With every id of the
    map as ``members``, the statements returned are W, the grounded support (§3).
    """
    rest = set(members)
    waiting: dict[str, int] = {}
    queue: list[str] = []
    for x in members:
        premises = program.premises.get(x)
        if premises is None:
            if x in program.basis or any(
                r not in rest and labels[r] != _OUT for r in program.reasons_for.get(x, _NONE)
            ):
                queue.append(x)
        elif all(p in rest or labels[p] != _OUT for p in premises):
            waiting[x] = sum(p in rest for p in premises)
            if not waiting[x]:
                queue.append(x)
    derived: set[str] = set()
    while queue:
        x = queue.pop()
        if x in derived:
            continue
        derived.add(x)
        for user in program.users.get(x, _NONE):
            if user in waiting:
                waiting[user] -= 1
                if not waiting[user]:
                    queue.append(user)
        target = program.target.get(x)
        if target in rest:
            queue.append(target)
    return derived
