"""Why each element has its label, in plain words (the "why" column of ``argmap label``).

An IN element names what supports it, the objections that fail and those conceded as
outweighed; an OUT one names the objection that defeats it, or the support that is missing
or fails (and says so when the support goes round in a circle with no failed support from
outside it); an UNDEC one names the undecided objection or support and
the circle of attacks that no side wins, with its steps. All explanations of a map are
computed together in linear time.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from argmap.analysis.graphs import index_map, strongly_connected
from argmap.analysis.wellfounded import attacks, dependencies
from argmap.model import ArgumentMap, Inference, Label

if TYPE_CHECKING:
    from argmap.analysis.labelling import Labelling

__all__ = ["Explanations", "explain_all"]

_CAP = 3
_STEP_CAP = 6


def explain_all(m: ArgumentMap, labelling: Labelling) -> dict[str, str]:
    """The explanation of every statement, reason and objection, by id in source order."""
    return dict(Explanations(m, labelling))


class Explanations(Mapping[str, str]):
    """The explanation of every statement, reason and objection, each worked out when it is
    first asked for: in source order up to it, so that each reads as :func:`explain_all`
    has it (elements explained earlier shape how later ones are told)."""

    def __init__(self, m: ArgumentMap, labelling: Labelling) -> None:
        self._explainer = _Explainer(m, labelling)
        self._ids = [*m.statements, *m.reasons, *m.objections]
        self._known = set(self._ids)
        self._done: dict[str, str] = {}

    def __getitem__(self, id: str) -> str:
        if id not in self._known:
            raise KeyError(id)
        explainer, done = self._explainer, self._done
        while id not in done:
            next_id = self._ids[len(done)]
            is_statement = next_id in explainer.m.statements
            done[next_id] = (explainer.statement if is_statement else explainer.inference)(next_id)
        return done[id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


class _Explainer:
    def __init__(self, m: ArgumentMap, labelling: Labelling) -> None:
        self.m = m
        self.label = {**labelling.statements, **labelling.inferences}.__getitem__
        self.index = index_map(m)
        self.attacks = attacks(m, self.index)
        self.depends = dependencies(m, self.index)
        self.loops, self.way_out = self._support_loops()
        self.circles = self._attack_circles()
        self.origins: dict[str, tuple[str, str]] = {}

    # -- statements ------------------------------------------------------------------

    def statement(self, s: str) -> str:
        label = self.label(s)
        if label is Label.IN:
            return self._accepted(s)
        winners = self._with(self.attackers_of(s), Label.IN)
        if label is Label.OUT and winners:
            return f"defeated by {self.name(winners[0])}, which stands{_more(winners)}"
        if label is Label.OUT:
            return self._unsupported(s)
        open_attacks = self._with(self.attackers_of(s), Label.UNDEC)
        if open_attacks:
            cause = f"{self.name(open_attacks[0])} against it is undecided"
        else:
            reason = self._with(self.index.reasons_of(s), Label.UNDEC)[0]
            cause = f"its support, {self.name(reason)}, is undecided"
        return cause + self.circles[s]

    def _accepted(self, s: str) -> str:
        statement = self.m.statements[s]
        if statement.is_basis:
            text = f"{statement.kind.value}, accepted as given"
        else:
            reason = self._with(self.index.reasons_of(s), Label.IN)[0]
            text = f"supported by {self.name(reason)}"
        return text + self._failed_attacks(s)

    def _unsupported(self, s: str) -> str:
        if self.m.statements[s].is_basis:  # only an objection can put evidence OUT
            raise AssertionError(s)
        reasons = self.index.reasons_of(s)
        if not reasons:
            return "no reason supports it, and it is not evidence or an assumption"
        if len(reasons) == 1:
            return f"its only reason fails: {self._failure(reasons[0], s)}"
        failures = [f"{self.name(r)}: {self._failure(r, s)}" for r in reasons[:_CAP]]
        return f"all {len(reasons)} reasons fail: " + "; ".join(failures) + _more(reasons, _CAP)

    def _failure(self, reason: str, target: str) -> str:
        cutters = self._with(self.attackers_of(reason), Label.IN)
        if cutters:
            return f"undercut by {self.name(cutters[0])}"
        premise = self._with(self.m.reasons[reason].premises, Label.OUT)[0]
        loop = self.loops.get(premise)
        if loop is not None and loop == self.loops.get(target):
            return (
                f"premise {self.name(premise)} is OUT, and {self.name(premise)} rests on this"
                " claim in turn (circular support)"
            )
        return self._failed_premise(premise)

    def _failed_premise(self, premise: str) -> str:
        origin, where = self._origin(premise)
        because = "because" if where == premise else "ultimately because"
        return f"premise {self.name(premise)} is OUT, {because} {origin}"

    def _origin(self, x: str) -> tuple[str, str]:
        """Where the failure of an OUT element starts: a phrase and the element it is about.

        Follows one failing step at a time (a statement's first reason, a reason's first OUT
        premise) down to an element that an objection defeats or that has no support at all;
        results are shared along the way, so explaining every element stays linear.
        """
        path: list[str] = []
        on_path: set[str] = set()
        node: str | None = x
        while node is not None and node not in self.origins and node not in on_path:
            path.append(node)
            on_path.add(node)
            node = self._down(node)
        if node is None:
            found = (self._defeat(path[-1]), path[-1])
        elif node in on_path:
            found = (f"{self.name(node)} rests on circular support", node)
        else:
            found = self.origins[node]
        self.origins.update(dict.fromkeys(path, found))
        return found

    def _down(self, x: str) -> str | None:
        """The OUT element that an OUT element's failure comes from, None when no objection
        defeats it and it has no support to fail. Inside a circle of support, the step goes
        towards the failed support from outside the circle, when there is one."""
        if self._with(self.attackers_of(x), Label.IN):
            return None
        if x in self.way_out:
            return self.way_out[x]
        if x in self.m.statements:
            reasons = self.index.reasons_of(x)
            return reasons[0] if reasons else None
        return self._with(self._premises(x), Label.OUT)[0]

    def _defeat(self, x: str) -> str:
        winners = self._with(self.attackers_of(x), Label.IN)
        if not winners:
            return f"{self.name(x)} has no support"
        verb = "defeats" if x in self.m.statements else "cuts off"
        return f"{self.name(winners[0])} {verb} {self.name(x)}"

    # -- inferences ------------------------------------------------------------------

    def inference(self, i: str) -> str:
        label = self.label(i)
        premises = self._premises(i)
        if label is Label.IN:
            return self._applies(i, premises)
        cutters = self._with(self.attackers_of(i), Label.IN)
        if label is Label.OUT and cutters:
            return f"undercut by {self.name(cutters[0])}, which stands{_more(cutters)}"
        if label is Label.OUT:
            return self._failed_premise(self._with(premises, Label.OUT)[0])
        open_attacks = self._with(self.attackers_of(i), Label.UNDEC)
        if open_attacks:
            cause = f"{self.name(open_attacks[0])} against it is undecided"
        else:
            cause = f"premise {self.name(self._with(premises, Label.UNDEC)[0])} is undecided"
        return cause + self.circles[i]

    def _applies(self, i: str, premises: Sequence[str]) -> str:
        names = _listing([self.name(p) for p in premises])
        holds = f"premise {names} is IN" if len(premises) == 1 else f"premises {names} are IN"
        if i in self.m.reasons:
            return f"applies: {holds}" + self._failed_attacks(i)
        objection = self.m.objections[i]
        target = self.name(objection.target)
        effect = "defeated" if objection.target in self.m.statements else "cut off"
        if objection.conceded:
            effect = f"but it is conceded as outweighed, so {target} is not {effect}"
        else:
            effect = f"so {target} is {effect}"
        return f"stands: {holds}, {effect}" + self._failed_attacks(i)

    # -- shared ----------------------------------------------------------------------

    def _failed_attacks(self, x: str) -> str:
        """The objections against an IN element: those that fail, then those conceded."""
        text = ""
        attackers = self.attackers_of(x)
        if attackers:
            verb = "fails" if len(attackers) == 1 else "fail"
            text = f"; {_listing([self.name(a) for a in attackers])} against it {verb}"
        conceded = [a for a in self.index.attackers_of(x) if self.m.objections[a].conceded]
        if conceded:
            verb = "is" if len(conceded) == 1 else "are"
            text += f"; {_listing([self.name(a) for a in conceded])} {verb} conceded as outweighed"
        return text

    def attackers_of(self, x: str) -> tuple[str, ...]:
        """The objections that attack ``x`` (conceded ones attack nothing)."""
        return self.attacks.get(x, ())

    def _with(self, ids: Iterable[str], label: Label) -> list[str]:
        return [x for x in ids if self.label(x) is label]

    def _premises(self, i: str) -> tuple[str, ...]:
        return self._inference(i).premises

    def _inference(self, i: str) -> Inference:
        inference = self.m.inference(i)
        if inference is None:
            raise KeyError(i)
        return inference

    def name(self, x: str) -> str:
        """How an explanation refers to a statement or an inference."""
        if x in self.m.statements:
            return f'"{x}"'
        inference = self._inference(x)
        kind = "reason" if x in self.m.reasons else "objection"
        if inference.named:
            return f'{kind} "{x}"'
        return f"the {kind} from " + " + ".join(f'"{p}"' for p in inference.premises)

    # -- circles -----------------------------------------------------------------------

    def _support_loops(self) -> tuple[dict[str, int], dict[str, str]]:
        """OUT elements that support each other in a circle (component number by id), and,
        in a circle whose support from outside fails too, each member's next step towards
        that outside support (breadth-first back from the members that have it)."""
        out = [x for x in self.depends if self.label(x) is Label.OUT]

        def support(x: str) -> list[str]:
            positive = self.index.reasons_of(x) if x in self.m.statements else self._premises(x)
            return [y for y in positive if self.label(y) is Label.OUT]

        loops: dict[str, int] = {}
        way_out: dict[str, str] = {}
        for number, component in enumerate(_components(out, support)):
            if len(component) == 1:
                continue
            loops.update(dict.fromkeys(component, number))
            inside = set(component)
            users: dict[str, list[str]] = {}
            queue: deque[str] = deque()
            for x in component:
                for y in support(x):
                    if y in inside:
                        users.setdefault(y, []).append(x)
                    elif x not in way_out:
                        way_out[x] = y
                        queue.append(x)
            while queue:
                y = queue.popleft()
                for x in users.get(y, ()):
                    if x not in way_out:
                        way_out[x] = y
                        queue.append(x)
        return loops, way_out

    def _attack_circles(self) -> dict[str, str]:
        """For each UNDEC element, the circle of attacks its undecidedness comes from.

        In the subgraph of UNDEC elements and their UNDEC dependencies, a component with an
        attack inside holds such a circle; any other component has an UNDEC dependency below
        it (else the well-founded model would have made it OUT), and inherits its circle.
        """
        undecided = [x for x in self.depends if self.label(x) is Label.UNDEC]

        def open_dependencies(x: str) -> list[str]:
            return [y for y in self.depends[x] if self.label(y) is Label.UNDEC]

        text: dict[str, str] = {}
        for component in _components(undecided, open_dependencies):
            inside = set(component)
            knot = next(
                ((x, a) for x in component for a in self.attackers_of(x) if a in inside),
                None,
            )
            if knot is not None:
                steps = self._steps(_cycle(knot, inside, open_dependencies))
                own = f", in a circle of attacks that no side wins: {steps}"
                text.update(dict.fromkeys(component, own))
                continue
            below = next(y for x in component for y in open_dependencies(x) if y not in inside)
            text.update(dict.fromkeys(component, text[below]))
        return text

    def _steps(self, flow: list[str]) -> str:
        """A circle (in the order influence flows) told as one clause per inference."""
        clauses: list[str] = []
        for position, node in enumerate(flow):
            if node in self.m.statements:
                continue
            before = flow[position - 1]
            after = flow[(position + 1) % len(flow)]
            verb = "supports" if node in self.m.reasons else "attacks"
            target = "itself" if after == node else self.name(after)
            if before in self.m.statements:
                clause = f"{self.name(before)} {verb} {target}"
                if self._inference(node).named:
                    clause += f" ({self.name(node)})"
            else:
                clause = f"{self.name(node)} {verb} {target}"
            clauses.append(clause)
        shown = "; ".join(clauses[:_STEP_CAP])
        if len(clauses) > _STEP_CAP:
            shown += f"; …and {len(clauses) - _STEP_CAP} more steps"
        return shown


def _components(nodes: list[str], successors: Callable[[str], list[str]]) -> list[list[str]]:
    """Strongly connected components of a subgraph, dependencies first."""
    return strongly_connected(nodes, {x: successors(x) for x in nodes})


def _cycle(
    knot: tuple[str, str], inside: set[str], successors: Callable[[str], list[str]]
) -> list[str]:
    """A shortest circle through the attack ``attacker -> x`` inside a component, in the
    order influence flows: each element acts on the next, the last (the attacker) on x.

    Breadth-first along dependencies from the attacker back to x; read backwards from x,
    that path is the flow order.
    """
    x, attacker = knot
    if x == attacker:
        return [x]
    came_from: dict[str, str] = {}
    queue = deque([attacker])
    while x not in came_from:
        node = queue.popleft()
        for successor in successors(node):
            if successor in inside and successor not in came_from and successor != attacker:
                came_from[successor] = node
                queue.append(successor)
    flow = [x]
    while flow[-1] != attacker:
        flow.append(came_from[flow[-1]])
    return flow


def _listing(names: Sequence[str]) -> str:
    shown = list(names[:_CAP])
    rest = len(names) - len(shown)
    if rest:
        return ", ".join(shown) + f" and {rest} more"
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + " and " + shown[-1]


def _more(items: Sequence[str], shown: int = 1) -> str:
    rest = len(items) - shown
    return f" (and {rest} more)" if rest > 0 else ""
