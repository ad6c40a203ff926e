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
  more linear Horn pass) are OUT: they rest only on support loops. Then propagation goes on.
  Each statement remembers the reason it was derived through, so at the next stall only what
  was derived through an element that has become OUT since is derived again.

When propagation stalls and nothing is unfounded, what is left is UNDEC. Propagation is
linear; the unfounded-set steps are too unless an element has to be derived again and
again, through one alternative after another that fails at a later step (the ``relay`` shape
of ``python -m bench.labelling``, quadratic). docs/labelling.md says more.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
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
    for component in strongly_connected(successors, successors):
        if len(component) == 1 and component[0] not in successors[component[0]]:
            labels[component[0]] = _decide(program, component[0], labels)
        else:
            _Component(program, component, labels).solve()
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
    labelled: ``labels`` is shared and filled in as elements are decided.

    After the first unfounded-set step, ``founded`` holds the undecided members derivable
    from the basis, each statement with the reason it was derived through (its *source*;
    None when it needs none inside the component). When a founded member becomes OUT, only
    what was derived through it is looked at again (``_refound``), so a component that needs
    many unfounded-set steps does not pay for its whole undecided rest at each step.
    """

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
        self.founded: dict[str, str | None] = {}
        self.lost: list[str] = []  # founded members that became OUT since the last step

    def solve(self) -> None:
        """Label every member: propagate, and when that stalls, make the greatest unfounded
        set OUT and propagate again; what is left at the end is UNDEC."""
        labels = self.labels
        for x in self.members:
            self._count(x)
        self._propagate()
        rest = [x for x in self.members if x not in labels]
        self.founded = founded(self.program, rest, labels)
        unfounded = [x for x in rest if x not in self.founded]
        while unfounded:
            for x in unfounded:
                self._set(x, _OUT)
            self._propagate()
            unfounded = self._refound()
        for x in self.members:
            if x not in labels:
                labels[x] = _UNDEC

    def _refound(self) -> list[str]:
        """The members that are no longer founded since the last step: take away what was
        derived through a member that became OUT (following sources), derive again what
        can be, and return the rest, undecided members all."""
        program, labels, founded_now = self.program, self.labels, self.founded
        gone = self.lost
        self.lost = []
        removed: list[str] = []
        while gone:
            x = gone.pop()
            through = list(program.users.get(x, _NONE))
            target = program.target.get(x)
            if target in founded_now and founded_now[target] == x:
                through.append(target)
            for y in through:
                if y in founded_now and labels.get(y) != _IN:
                    del founded_now[y]
                    gone.append(y)
                    removed.append(y)
        again = [x for x in removed if x not in labels]
        founded_now.update(_derive(program, again, self._available))
        return [x for x in again if x not in founded_now]

    def _available(self, x: str) -> bool:
        """Whether an element outside the members being derived again can support them."""
        label = self.labels.get(x)
        return x in self.founded if label is None else label != _OUT

    def _count(self, x: str) -> None:
        """Start the counters of member ``x`` from the labels outside the component."""
        labels, inside, program = self.labels, self.inside, self.program
        live, defeated = self._open(program.attackers.get(x, _NONE), _IN)
        if defeated:
            self._set(x, _OUT)
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
            missing, failed = self._open(premises, _OUT)
            if failed:
                self._set(x, _OUT)
            self.missing[x] = missing
            ready = not missing
        if ready and not live:
            self._set(x, _IN)

    def _open(self, ids: Sequence[str], decisive: int) -> tuple[int, bool]:
        """How many of ``ids`` are undecided (members, or UNDEC outside), and whether one
        outside the component has the label ``decisive``."""
        undecided, decided = 0, False
        for y in ids:
            label = _UNDEC if y in self.inside else self.labels[y]
            undecided += label == _UNDEC
            decided = decided or label == decisive
        return undecided, decided

    def _set(self, x: str, label: int) -> None:
        if x not in self.labels:
            self.labels[x] = label
            self.queue.append(x)
            if label == _OUT and x in self.founded:
                del self.founded[x]
                self.lost.append(x)

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


def founded(
    program: Program, members: Sequence[str], labels: Mapping[str, int]
) -> dict[str, str | None]:
    """The members derivable from the basis through elements that are not OUT, each
    statement with the reason it was derived through (None for evidence and assumptions,
    and for reasons and objections, which need all their premises).

    Elements outside ``members`` are labelled (``labels``). Attacks are not looked at: after
    propagation, an undecided element has no IN attacker. The members not returned form the
    greatest unfounded set. With every id of the map as ``members`` (and no labels), the
    statements returned are W, the grounded support (§3).
    """
    return _derive(program, members, lambda x: labels[x] != _OUT)


def _derive(
    program: Program, members: Sequence[str], given: Callable[[str], bool]
) -> dict[str, str | None]:
    """Horn propagation with one counter per inference (Dowling & Gallier), linear in the
    size of the members' rules: which members follow from the basis and from the elements
    outside them for which ``given`` is true."""
    rest = set(members)
    waiting: dict[str, int] = {}
    queue: list[tuple[str, str | None]] = []
    for x in members:
        premises = program.premises.get(x)
        if premises is None:
            if x in program.basis:
                queue.append((x, None))
            else:
                reasons = program.reasons_for.get(x, _NONE)
                source = next((r for r in reasons if r not in rest and given(r)), None)
                if source is not None:
                    queue.append((x, source))
        elif all(p in rest or given(p) for p in premises):
            waiting[x] = sum(p in rest for p in premises)
            if not waiting[x]:
                queue.append((x, None))
    derived: dict[str, str | None] = {}
    while queue:
        x, source = queue.pop()
        if x in derived:
            continue
        derived[x] = source
        for user in program.users.get(x, _NONE):
            if user in waiting:
                waiting[user] -= 1
                if not waiting[user]:
                    queue.append((user, None))
        target = program.target.get(x)
        if target in rest:
            queue.append((target, x))
    return derived
