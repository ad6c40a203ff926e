"""Why each element has its label, in plain words (the "why" column of ``argmap label``).

An IN element names the reason it rests on (one whose premises are supported without it), the
objections that fail and those conceded as outweighed; an OUT one names the objection that
defeats it, or the support that is missing or fails (and says so when the support goes round in
a circle with no failed support from outside it); an UNDEC one names the undecided objection or
support and the circle of attacks that no side wins behind it, with its steps: the circle that
following those undecided elements down, one explanation after the other, comes to. All
explanations of a map are computed together in linear time.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from argmap.analysis.graphs import index_map, strongly_connected
from argmap.analysis.wellfounded import attacks
from argmap.describe import mention
from argmap.model import ArgumentMap, Inference, Label

if TYPE_CHECKING:
    from argmap.analysis.labelling import Labelling

__all__ = ["Explanations", "explain_all"]

_CAP = 3
_STEP_CAP = 6

Attack = tuple[str, str]
"""An objection and the element it defeats, cuts off or leaves undecided."""


class _Why(NamedTuple):
    text: str
    deciding: tuple[Attack, ...] = ()


class _Origin(NamedTuple):
    """Where the failure of an OUT element starts: a phrase, the element it is about, and
    the objection that defeats that element (if one does)."""

    phrase: str
    where: str
    attack: Attack | None


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
        self._done: dict[str, _Why] = {}

    def __getitem__(self, id: str) -> str:
        return self._why(id).text

    def deciding(self, id: str) -> tuple[Attack, ...]:
        """The objections that decide the label of ``id`` as its explanation tells it, each
        with the element it attacks: for an OUT element, those that defeat it, or that defeat
        or cut off the support its failure starts from; for an UNDEC one, the undecided
        objections against it. Conceded objections defeat nothing and are never among them."""
        return self._why(id).deciding

    def _why(self, id: str) -> _Why:
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
        self.origins: dict[str, _Origin] = {}
        self.circle_texts: dict[str, str] = {}

    # -- statements ------------------------------------------------------------------

    def statement(self, s: str) -> _Why:
        label = self.label(s)
        if label is Label.IN:
            return _Why(self._accepted(s))
        winners = self._with(self.attackers_of(s), Label.IN)
        if label is Label.OUT and winners:
            text = f"defeated by {self.name(winners[0])}, which stands{_more(winners)}"
            return _Why(text, tuple((w, s) for w in winners))
        if label is Label.OUT:
            return self._unsupported(s)
        return self._undecided(s)

    def _accepted(self, s: str) -> str:
        statement = self.m.statements[s]
        if statement.is_basis:
            text = f"{statement.kind.value}, accepted as given"
        else:
            text = f"supported by {self.name(self.support[s])}"
        return text + self._failed_attacks(s)

    def _unsupported(self, s: str) -> _Why:
        if self.m.statements[s].is_basis:  # only an objection can put evidence OUT
            raise AssertionError(s)
        reasons = self.index.reasons_of(s)
        if not reasons:
            return _Why("no reason supports it, and it is not evidence or an assumption")
        told = reasons[:_CAP]
        failures = [self._failure(r, s) for r in told]
        deciding = tuple(dict.fromkeys(a for f in failures for a in f.deciding))
        if len(reasons) == 1:
            return _Why(f"its only reason fails: {failures[0].text}", deciding)
        each = "; ".join(f"{self.name(r)}: {f.text}" for r, f in zip(told, failures, strict=True))
        count = "both reasons" if len(reasons) == 2 else f"all {len(reasons)} reasons"
        return _Why(f"{count} fail: {each}{_more(reasons, _CAP)}", deciding)

    def _failure(self, reason: str, target: str) -> _Why:
        """Why one reason of an OUT statement fails (``deciding``: at most one attack)."""
        cutters = self._with(self.attackers_of(reason), Label.IN)
        if cutters:
            return _Why(f"undercut by {self.name(cutters[0])}", ((cutters[0], reason),))
        premises = self._premises(reason)
        if target in premises:
            return _Why(f"{self.name(target)} is given as a reason for itself")
        premise = self._with(premises, Label.OUT)[0]
        loop = self.loops.get(premise)
        if loop is not None and loop == self.loops.get(target):
            return _Why(
                f"{self._premise(premise)} is OUT, and {self.name(premise)} rests on this claim"
                " in turn (circular support)"
            )
        return self._failed_premise(premise)

    def _failed_premise(self, premise: str) -> _Why:
        origin = self._origin(premise)
        because = "because" if origin.where == premise else "ultimately because"
        text = f"{self._premise(premise)} is OUT, {because} {origin.phrase}"
        return _Why(text, () if origin.attack is None else (origin.attack,))

    def _origin(self, x: str) -> _Origin:
        """Where the failure of an OUT element starts.

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
            found = self._defeat(path[-1])
        elif node in on_path:
            found = self._circular(node, path)
        else:
            found = self.origins[node]
        self.origins.update(dict.fromkeys(path, found))
        return found

    def _circular(self, node: str, path: list[str]) -> _Origin:
        """The origin of a failure whose steps down come back to ``node``: a circle of
        support; of two steps when a reason gives its own target as a premise."""
        if path[-2] == node:  # a statement and a reason for it that it is a premise of
            statement = node if node in self.m.statements else path[-1]
            return _Origin(f"{self.name(statement)} is given as a reason for itself", node, None)
        return _Origin(f"{self.name(node)} rests on circular support", node, None)

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

    def _defeat(self, x: str) -> _Origin:
        winners = self._with(self.attackers_of(x), Label.IN)
        if not winners:
            return _Origin(f"{self.name(x)} has no support", x, None)
        verb = "defeats" if x in self.m.statements else "cuts off"
        return _Origin(f"{self.name(winners[0])} {verb} {self.name(x)}", x, (winners[0], x))

    # -- inferences ------------------------------------------------------------------

    def inference(self, i: str) -> _Why:
        label = self.label(i)
        premises = self._premises(i)
        if label is Label.IN:
            return _Why(self._applies(i, premises))
        cutters = self._with(self.attackers_of(i), Label.IN)
        if label is Label.OUT and cutters:
            text = f"undercut by {self.name(cutters[0])}, which stands{_more(cutters)}"
            return _Why(text, tuple((c, i) for c in cutters))
        if label is Label.OUT:
            return self._failed_premise(self._with(premises, Label.OUT)[0])
        return self._undecided(i)

    def _applies(self, i: str, premises: Sequence[str]) -> str:
        if len(premises) == 1:
            holds = f"{self._premise(premises[0])} is IN"
        else:
            holds = f"premises {_listing([self.name(p) for p in premises])} are IN"
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

    # -- undecided ---------------------------------------------------------------------

    def _undecided(self, x: str) -> _Why:
        cause = self.cause[x]
        if cause in self.m.objections:
            text = f"{self.name(cause)} against it is undecided"
        elif cause in self.m.reasons:
            text = f"its support, {self.name(cause)}, is undecided"
        else:
            text = f"{self._premise(cause)} is undecided"
        undecided = self._with(self.attackers_of(x), Label.UNDEC)
        return _Why(text + self._circle(cause), tuple((a, x) for a in undecided))

    @cached_property
    def cause(self) -> dict[str, str]:
        """What each UNDEC element's explanation names: its first undecided objection, or
        else the undecided reason it rests on (a statement) or its first undecided premise."""
        causes: dict[str, str] = {}
        for x in self._ids:
            if self.label(x) is not Label.UNDEC:
                continue
            against = self._with(self.attackers_of(x), Label.UNDEC)
            if against:
                causes[x] = against[0]
            elif x in self.m.statements:
                causes[x] = self.support[x]
            else:
                causes[x] = self._with(self._premises(x), Label.UNDEC)[0]
        return causes

    @cached_property
    def _circles(self) -> tuple[dict[str, str], dict[str, str], dict[str, int]]:
        """Following causes from an UNDEC element always comes to a circle (every element
        has one, and support steps go down in :attr:`support`'s order, so a circle holds an
        attack). For each UNDEC element: the first element of the circle its causes come to
        (``entry``); for each element of a circle: the one it acts on in the circle
        (``acts_on``) and how many inferences the circle has (``steps``)."""
        cause = self.cause
        entry: dict[str, str] = {}
        acts_on: dict[str, str] = {}
        steps: dict[str, int] = {}
        for x in cause:
            path: list[str] = []
            at: dict[str, int] = {}
            node = x
            while node not in entry and node not in at:
                at[node] = len(path)
                path.append(node)
                node = cause[node]
            if node in at:  # a circle not met before: path[at[node]:]
                circle = path[at[node] :]
                count = sum(1 for y in circle if y not in self.m.statements)
                for y in circle:
                    acts_on[cause[y]] = y
                    entry[y] = y
                    steps[y] = count
                path = path[: at[node]]
            entry.update(dict.fromkeys(path, entry[node]))
        return entry, acts_on, steps

    def _circle(self, x: str) -> str:
        """The circle of attacks behind an UNDEC element, told from where its causes enter
        it, in the order influence flows (each element acts on the next)."""
        entry, acts_on, steps = self._circles
        start = entry[x]
        text = self.circle_texts.get(start)
        if text is None:
            clauses: list[str] = []
            node = start
            while len(clauses) < _STEP_CAP:
                if node not in self.m.statements:
                    clauses.append(self._step(node, self.cause[node], acts_on[node]))
                node = acts_on[node]
                if node == start:
                    break
            shown = "; ".join(clauses)
            if steps[start] > _STEP_CAP:
                shown += f"; …and {steps[start] - _STEP_CAP} more steps"
            text = self.circle_texts[start] = f", in a circle of attacks that no side wins: {shown}"
        return text

    def _step(self, node: str, before: str, after: str) -> str:
        """One inference of a circle as a clause: what acts through it on what."""
        verb = "supports" if node in self.m.reasons else "attacks"
        target = "itself" if after == node else self.name(after)
        if before not in self.m.statements:
            return f"{self.name(node)} {verb} {target}"
        clause = f"{self.name(before)} {verb} {target}"
        if self._inference(node).named:
            clause += f" ({self.name(node)})"
        return clause

    # -- support -----------------------------------------------------------------------

    @cached_property
    def support(self) -> dict[str, str]:
        """The reason each IN claim rests on, and each UNDEC claim that has an undecided one:
        the first of its reasons (in source order) with its label whose premises have support
        that does not go through the claim, so that following these reasons down never goes
        round in a circle.

        A premise outside the claim's circles of support (of reasons with their targets'
        labels) cannot rest on the claim. Inside, support is followed up from the evidence and
        assumptions that are not OUT (forward chaining, as for W: a reason that is not OUT is
        reached when all its premises are; an IN claim through an IN reason, an UNDEC one
        through any), and a premise must be reached before the claim.
        """
        rank = self._reached()
        label, reasons = self.label, self.m.reasons
        candidates = {
            s: [r for r in self.index.reasons_of(s) if label(r) is label(s)] for s in rank
        }
        graph: dict[str, Sequence[str]] = dict(candidates)
        graph.update((r, reasons[r].premises) for rs in candidates.values() for r in rs)
        circle: dict[str, int] = {}
        for number, component in enumerate(strongly_connected(list(graph), graph)):
            if len(component) > 1:
                circle.update(dict.fromkeys(component, number))
        support: dict[str, str] = {}
        for s, at in rank.items():
            around = circle.get(s)
            found = next(
                (
                    r
                    for r in candidates[s]
                    if all(
                        around is None or circle.get(p) != around or rank[p] < at
                        for p in reasons[r].premises
                    )
                ),
                None,
            )
            if found is not None:
                support[s] = found
        return support

    def _reached(self) -> dict[str, int]:
        """The statements that are not OUT, numbered in the order that support followed up
        from the evidence and assumptions reaches them (see :attr:`support`)."""
        m, label = self.m, self.label
        waiting = {r: len(x.premises) for r, x in m.reasons.items() if label(r) is not Label.OUT}
        queue = deque(
            s for s in m.statements if s in self.index.basis and label(s) is not Label.OUT
        )
        rank: dict[str, int] = {}
        while queue:
            s = queue.popleft()
            if s in rank:
                continue
            rank[s] = len(rank)
            for r in self.index.users_of(s):
                if r not in waiting:
                    continue
                waiting[r] -= 1
                target = m.reasons[r].target
                if waiting[r] == 0 and target not in rank:
                    wanted = label(target)
                    if wanted is Label.UNDEC or (wanted is Label.IN and label(r) is Label.IN):
                        queue.append(target)
        return rank

    @cached_property
    def _support_loops(self) -> tuple[dict[str, int], dict[str, str]]:
        """OUT elements that support each other in a circle (component number by id), and,
        in a circle whose support from outside fails too, each member's next step towards
        that outside support (breadth-first back from the members that have it)."""
        out = [x for x in self._ids if self.label(x) is Label.OUT]

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

    @property
    def loops(self) -> dict[str, int]:
        return self._support_loops[0]

    @property
    def way_out(self) -> dict[str, str]:
        return self._support_loops[1]

    # -- shared ----------------------------------------------------------------------

    @cached_property
    def _ids(self) -> list[str]:
        return [*self.m.statements, *self.m.reasons, *self.m.objections]

    def _failed_attacks(self, x: str) -> str:
        """The objections against an IN element: those that fail (OUT), then those conceded
        as outweighed (conceded objections that stand or are undecided)."""
        aimed = self.index.attackers_of(x)
        failing = self._with(aimed, Label.OUT)
        outweighed = [a for a in aimed if self.label(a) is not Label.OUT]
        text = ""
        if failing:
            verb = "fails" if len(failing) == 1 else "fail"
            text = f"; {_listing([self.name(a) for a in failing])} against it {verb}"
        if outweighed:
            verb = "is" if len(outweighed) == 1 else "are"
            names = _listing([self.name(a) for a in outweighed])
            text += f"; {names} {verb} conceded as outweighed"
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

    def _premise(self, p: str) -> str:
        """``premise "p"``, or ``its premise, the claim on line 12,`` for one without an id."""
        if self.m.statements[p].named:
            return f"premise {self.name(p)}"
        return f"its premise, {self.name(p)},"

    def name(self, x: str) -> str:
        """How an explanation refers to a statement or an inference: a statement by its id
        in quotes (or its line, when it has none), an inference by its id or its premises."""
        if x in self.m.statements:
            return mention(self.m, x)
        inference = self._inference(x)
        kind = "reason" if x in self.m.reasons else "objection"
        if inference.named:
            return f'{kind} "{x}"'
        return f"the {kind} from " + " + ".join(self.name(p) for p in inference.premises)


def _components(nodes: list[str], successors: Callable[[str], list[str]]) -> list[list[str]]:
    """Strongly connected components of a subgraph, dependencies first."""
    return strongly_connected(nodes, {x: successors(x) for x in nodes})


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
