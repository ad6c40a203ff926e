"""From a map to a ``graphviz.Digraph``: pure, deterministic, in source order.

Node names are synthetic (``s1`` for statements, ``r1`` reasons, ``o1`` objections,
``cluster_g1`` groups, numbered in source order); no user text ever becomes DOT syntax, only
escaped label, tooltip and caption strings. Reasons and objections are junction nodes, so that
linked premises meet before their arrow goes on, and undercuts can point at the inference.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import graphviz

from argmap.model import ArgumentMap, Inference, Objection, Reason, Statement
from argmap.render.escape import dot_text, visible_text
from argmap.render.findings import Findings
from argmap.render.focus import Selection, neighbourhood
from argmap.render.labels import inference_caption, statement_lines, statement_tooltip
from argmap.render.legend import legend_findings, legend_map
from argmap.render.options import RenderOptions
from argmap.render.styles import (
    Role,
    cluster_style,
    conclusion_style,
    edge_defaults,
    graph_defaults,
    junction_style,
    node_defaults,
    premise_style,
    statement_style,
)
from argmap.render.wrap import wrap

__all__ = ["focus_problem", "to_digraph"]

_TITLE_WIDTH = 60
_LEGEND = "legend_"


def focus_problem(m: ArgumentMap, focus: str) -> str | None:
    """Why ``focus`` cannot be the centre of a focused drawing, or ``None`` when it can."""
    ids = [*m.statements, *m.reasons, *m.objections]
    if focus in ids:
        return None
    close = difflib.get_close_matches(focus, ids, n=1)
    hint = f'; did you mean "{close[0]}"?' if close else ""
    return f'--focus: the map has no statement, reason or objection "{focus}"{hint}'


def to_digraph(
    m: ArgumentMap,
    findings: Findings | None = None,
    options: RenderOptions | None = None,
) -> graphviz.Digraph:
    """The diagram of a resolved map; ``findings`` are marked on it (none when ``None``)."""
    options = options or RenderOptions()
    findings = findings or Findings()
    theme = options.theme
    graph = graphviz.Digraph(
        "argmap",
        graph_attr={**graph_defaults(theme, options.rankdir), **dict(options.graph_attrs)},
        node_attr={**node_defaults(theme), **dict(options.node_attrs)},
        edge_attr={**edge_defaults(theme), **dict(options.edge_attrs)},
    )
    selection = neighbourhood(m, options.focus, options.depth) if options.focus else None
    title = _title_lines(m, selection, options)
    if title and "label" not in dict(options.graph_attrs):
        graph.attr(label=dot_text(title))
    _Drawing(m, findings, options, selection=selection).draw(graph)
    if options.legend:
        graph.subgraph(_legend(findings, options))
    return graph


def _title_lines(m: ArgumentMap, selection: Selection | None, options: RenderOptions) -> list[str]:
    lines = wrap(visible_text(m.title), _TITLE_WIDTH) if m.title else []
    if selection is not None and options.focus is not None:
        shown = sum(1 for id in m.statements if id in selection.ids)
        lines.append(
            f"around {visible_text(options.focus)}, {options.depth} step"
            f"{'' if options.depth == 1 else 's'}: {shown} of {len(m.statements)} statements shown"
        )
    return lines


def _legend(findings: Findings, options: RenderOptions) -> graphviz.Digraph:
    evaluate = findings.evaluated
    check = findings.checked
    cluster = graphviz.Digraph(f"cluster_{_LEGEND}")
    cluster.attr(**cluster_style(options.theme, options.rankdir), label=dot_text(["Legend"]))
    marks = legend_findings(check=check, evaluate=evaluate)
    _Drawing(legend_map(evaluate), marks, options, prefix=_LEGEND, show_ids=False).draw(cluster)
    return cluster


def _roles(m: ArgumentMap) -> dict[str, Role]:
    """Reasons support; an objection to an objection or to one of its premises is a rebuttal."""
    objection_premises = {p for o in m.objections.values() for p in o.premises}
    roles = {id: Role.SUPPORT for id in m.reasons}
    for o in m.objections.values():
        answers = o.target in m.objections or o.target in objection_premises
        roles[o.id] = Role.REBUTTAL if answers else Role.OBJECTION
    return roles


def _in_source_order(m: ArgumentMap) -> list[Statement | Inference]:
    elements: list[Statement | Inference] = [
        *m.statements.values(),
        *m.reasons.values(),
        *m.objections.values(),
    ]
    elements.sort(key=lambda e: (e.span.line, e.span.column))
    return elements


def _names(
    m: ArgumentMap, elements: Iterable[Statement | Inference], prefix: str
) -> dict[str, str]:
    """Synthetic node names, numbered in source order: s1, r1, o1, cluster_g1."""
    counts = {"s": 0, "r": 0, "o": 0}
    names: dict[str, str] = {}
    for e in elements:
        letter = "s" if isinstance(e, Statement) else "r" if isinstance(e, Reason) else "o"
        counts[letter] += 1
        names[e.id] = f"{prefix}{letter}{counts[letter]}"
    names.update({id: f"cluster_{prefix}g{n}" for n, id in enumerate(m.groups, 1)})
    return names


@dataclass
class _Drawing:
    """One map drawn into a graph (the map itself, or the legend inside its cluster)."""

    m: ArgumentMap
    findings: Findings
    options: RenderOptions
    selection: Selection | None = None
    prefix: str = ""
    show_ids: bool = True
    elements: list[Statement | Inference] = field(init=False)
    names: dict[str, str] = field(init=False)
    roles: dict[str, Role] = field(init=False)

    def __post_init__(self) -> None:
        self.elements = _in_source_order(self.m)
        self.names = _names(self.m, self.elements, self.prefix)
        self.roles = _roles(self.m)

    def shown(self, id: str) -> bool:
        return self.selection is None or id in self.selection.ids

    def draw(self, graph: graphviz.Digraph) -> None:
        clusters = {g: self._cluster(g) for g in self.m.groups}
        filled: set[str] = set()
        for element in self.elements:
            if not self.shown(element.id):
                continue
            target = clusters[element.group] if element.group else graph
            if element.group:
                filled.add(element.group)
            if isinstance(element, Statement):
                self._statement(target, element)
            else:
                self._junction(target, element)
        self._nest(graph, clusters, filled)
        for element in self.elements:
            if isinstance(element, (Reason, Objection)) and self.shown(element.id):
                self._edges(graph, element)

    def _cluster(self, group_id: str) -> graphviz.Digraph:
        cluster = graphviz.Digraph(self.names[group_id])
        title = wrap(visible_text(self.m.groups[group_id].title), _TITLE_WIDTH)
        cluster.attr(**cluster_style(self.options.theme, self.options.rankdir), label=dot_text(title))
        return cluster

    def _nest(
        self, graph: graphviz.Digraph, clusters: Mapping[str, graphviz.Digraph], filled: set[str]
    ) -> None:
        """Put each cluster inside its parent, innermost first; leave out empty ones."""
        depth = _group_depths(self.m)
        innermost_first = sorted(self.m.groups, key=lambda g: -depth[g])
        for g in innermost_first:
            parent = self.m.groups[g].parent
            if g in filled and parent is not None:
                filled.add(parent)
        for g in innermost_first:
            if g in filled:
                parent = self.m.groups[g].parent
                (clusters[parent] if parent is not None else graph).subgraph(clusters[g])

    def _statement(self, graph: graphviz.Digraph, s: Statement) -> None:
        unsupported = s.id in self.findings.unsupported
        label = self.findings.labels.get(s.id)
        hidden = self.selection.hidden_links.get(s.id, 0) if self.selection else 0
        lines = statement_lines(
            s,
            self.m,
            width=self.options.width,
            show_id=self.show_ids,
            unsupported=unsupported,
            label=label,
            hidden_links=hidden,
        )
        classes = ["statement", s.kind.value]
        classes += ["unsupported"] if unsupported else []
        classes += [label.value.lower()] if label else []
        attrs = statement_style(s.kind, self.options.theme, unsupported=unsupported, label=label)
        name = self.names[s.id]
        attrs.update({"id": name, "class": " ".join(classes)})
        attrs["tooltip"] = dot_text(statement_tooltip(s, self.m))
        graph.node(name, dot_text(lines), _attributes=attrs)

    def _junction(self, graph: graphviz.Digraph, inf: Inference) -> None:
        role = self.roles[inf.id]
        name = self.names[inf.id]
        attrs = junction_style(role, self.options.theme)
        attrs.update({"id": name, "class": f"inference {role.value}"})
        attrs["tooltip"] = dot_text([role.value, *self._caption(inf)])
        graph.node(name, _attributes=attrs)

    def _caption(self, inf: Inference) -> list[str]:
        unanswered = inf.id in self.findings.unanswered
        return inference_caption(
            inf, width=self.options.width, unanswered=unanswered, show_id=self.show_ids
        )

    def _edges(self, graph: graphviz.Digraph, inf: Inference) -> None:
        role = self.roles[inf.id]
        junction = self.names[inf.id]
        theme = self.options.theme
        for premise in inf.premises:
            attrs = premise_style(role, theme)
            attrs["class"] = f"premise {role.value}"
            graph.edge(self.names[premise], junction, _attributes=attrs)
        conceded = isinstance(inf, Objection) and inf.conceded
        unanswered = inf.id in self.findings.unanswered
        attrs = conclusion_style(role, theme, conceded=conceded, unanswered=unanswered)
        attrs["class"] = " ".join(_conclusion_classes(role, conceded, unanswered))
        caption = self._caption(inf)
        if caption:
            attrs["label"] = dot_text(caption)
        graph.edge(junction, self.names[inf.target], _attributes=attrs)


def _group_depths(m: ArgumentMap) -> dict[str, int]:
    """How deeply each group is nested (0 for a top-level group), without recursion."""
    depth: dict[str, int] = {}
    for g in m.groups:
        chain = [g]
        while (parent := m.groups[chain[-1]].parent) is not None and parent not in depth:
            chain.append(parent)
        base = depth[parent] + 1 if parent is not None else 0
        for n, member in enumerate(reversed(chain)):
            depth[member] = base + n
    return depth


def _conclusion_classes(role: Role, conceded: bool, unanswered: bool) -> Iterable[str]:
    yield "conclusion"
    yield role.value
    if conceded:
        yield "conceded"
    if unanswered:
        yield "unanswered"
