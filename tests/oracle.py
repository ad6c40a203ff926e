"""The argument-level reference labelling (design notes §7.1, §7.4): slow, small maps only.

It builds the ASPIC+-style argument framework the production labelling never builds:

- an argument for statement ``s`` is a finite support tree: a leaf for evidence or an
  assumption, or a reason for ``s`` applied to one argument per premise, where ``s`` does
  not occur again below it;
- an objection-argument applies an objection to one argument per premise; its statements
  are those of its premise arguments (not its target);
- an objection-argument for ``o`` attacks every argument in which ``o``'s target occurs: as
  a statement anywhere in the tree (rebut, undermine) or as an inference used in it
  (undercut) -- unless ``o`` is conceded: granted and outweighed, it attacks nothing.

It labels that framework by the naive grounded iteration (``IN`` when every attacker is
OUT, ``OUT`` when some attacker is IN, until nothing changes; the rest ``UNDEC``) and lifts
the labels: a statement is IN when one of its arguments is IN, OUT when all are OUT (or it
has none), else UNDEC. An inference is labelled from its *applications*, one per choice of
an argument for each premise, which an objection-argument attacks as above (the target of
the inference is not part of its application); IN when one application is IN, and so on.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from argmap.model import ArgumentMap, Label

__all__ = ["Argument", "ArgumentFramework", "build_framework", "grounded", "oracle_labels"]


@dataclass(frozen=True)
class Argument:
    """A support tree (``top`` a reason id, or None for a leaf) or an objection-argument."""

    conclusion: str
    top: str | None
    children: tuple[Argument, ...]
    statements: frozenset[str]
    inferences: frozenset[str]


@dataclass(frozen=True)
class ArgumentFramework:
    """The arguments for each statement, the objection-arguments, and the applications of
    each inference (which are not arguments of the framework, only labelled by it)."""

    support: Mapping[str, frozenset[Argument]]
    objections: frozenset[Argument]
    applications: Mapping[str, frozenset[Argument]]

    @property
    def arguments(self) -> frozenset[Argument]:
        return frozenset().union(*self.support.values(), self.objections)


def _node(
    top: str, conclusion: str, children: tuple[Argument, ...], own: frozenset[str]
) -> Argument:
    """Inference ``top`` applied to ``children``; ``own``: the statements it adds itself."""
    return Argument(
        conclusion,
        top,
        children,
        own.union(*(c.statements for c in children)),
        frozenset({top}).union(*(c.inferences for c in children)),
    )


def build_framework(m: ArgumentMap) -> ArgumentFramework:
    """Every support tree, objection-argument and inference application of a small map."""
    support: dict[str, set[Argument]] = {s: set() for s in m.statements}
    for s in m.statements.values():
        if s.is_basis:
            support[s.id].add(Argument(s.id, None, (), frozenset({s.id}), frozenset()))
    changed = True
    while changed:  # terminates: no statement repeats on a path, so depth <= |S|
        changed = False
        for r in m.reasons.values():
            for children in itertools.product(*(sorted_args(support[p]) for p in r.premises)):
                if any(r.target in c.statements for c in children):
                    continue
                tree = _node(r.id, r.target, children, frozenset({r.target}))
                if tree not in support[r.target]:
                    support[r.target].add(tree)
                    changed = True
    applications = {
        i.id: frozenset(
            _node(i.id, i.target, children, frozenset())
            for children in itertools.product(*(sorted_args(support[p]) for p in i.premises))
        )
        for i in (*m.reasons.values(), *m.objections.values())
    }
    objection_arguments = frozenset().union(*(applications[o] for o in m.objections))
    return ArgumentFramework(
        {s: frozenset(a) for s, a in support.items()}, objection_arguments, applications
    )


def sorted_args(arguments: Iterable[Argument]) -> list[Argument]:
    """Arguments in a stable order (products over sets would otherwise vary by hash)."""
    return sorted(arguments, key=repr)


def attacks(m: ArgumentMap, attacker: Argument, argument: Argument) -> bool:
    """Whether an objection-argument attacks an argument (or an application); a conceded
    objection attacks nothing."""
    objection = m.objections[attacker.top]  # type: ignore[index]
    if objection.conceded:
        return False
    return objection.target in argument.statements or objection.target in argument.inferences


def grounded(
    arguments: Iterable[Argument], attackers: Mapping[Argument, list[Argument]]
) -> dict[Argument, Label]:
    """The grounded labelling of a plain framework, by the naive iteration."""
    pending = set(arguments)
    labels: dict[Argument, Label] = {}
    changed = True
    while changed:
        changed = False
        for a in sorted_args(pending):
            if all(labels.get(b) is Label.OUT for b in attackers[a]):
                labels[a] = Label.IN
            elif any(labels.get(b) is Label.IN for b in attackers[a]):
                labels[a] = Label.OUT
            else:
                continue
            pending.discard(a)
            changed = True
    labels.update(dict.fromkeys(pending, Label.UNDEC))
    return labels


def _lift(labels: Iterable[Label]) -> Label:
    found = set(labels)
    if Label.IN in found:
        return Label.IN
    return Label.UNDEC if Label.UNDEC in found else Label.OUT


def oracle_labels(m: ArgumentMap) -> dict[str, Label]:
    """The lifted argument-level grounded label of every statement, reason and objection."""
    framework = build_framework(m)
    everything = framework.arguments | frozenset().union(*framework.applications.values())
    attackers = {a: [x for x in framework.objections if attacks(m, x, a)] for a in everything}
    labels = grounded(framework.arguments, attackers)
    result = {s: _lift(labels[a] for a in args) for s, args in framework.support.items()}
    for i, apps in framework.applications.items():
        result[i] = _lift(_application_label(attackers[a], labels) for a in apps)
    return result


def _application_label(attackers: list[Argument], labels: Mapping[Argument, Label]) -> Label:
    if all(labels[x] is Label.OUT for x in attackers):
        return Label.IN
    if any(labels[x] is Label.IN for x in attackers):
        return Label.OUT
    return Label.UNDEC
