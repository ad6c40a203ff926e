"""From a map to a ``graphviz.Digraph``: pure, deterministic, in source order.

Node names are synthetic (``s1`` for statements, ``r1`` reasons, ``o1`` objections,
``cluster_g1`` groups, numbered in source order); no user text ever becomes DOT syntax, only
escaped label, tooltip and caption strings. Reasons and objections are junction nodes, so that
linked premises meet before their arrow goes on, and undercuts can point at the inference.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import graphviz
from graphviz import nohtml

from argmap.model import ArgumentMap, Inference, Label, Objection, Reason, Statement
from argmap.render.attributes import OWN_ATTRIBUTES
from argmap.render.escape import attr_list, dot_text, link_url, tooltip_text, visible_text
from argmap.render.findings import Findings
from argmap.render.focus import Selection, neighbourhood
from argmap.render.labels import (
    BRIEF_SOURCE,
    brief_caption,
    brief_lines,
    inference_caption,
    inference_tooltip,
    not_shown,
    source_key,
    statement_lines,
    statement_tooltip,
    status_words,
)
from argmap.render.legend import legend_findings, legend_map
from argmap.render.options import RenderOptions
from argmap.render.overview import below_theses, collapse_evidence
from argmap.render.roles import Role, inference_roles, premise_roles
from argmap.render.styles import (
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

__all__ = ["drawn_selection", "focus_problem", "node_ids", "to_digraph"]

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


def node_ids(m: ArgumentMap) -> dict[str, str]:
    """The id each statement, reason, objection and group gets in the drawing (``s1``, ``r1``,
    ``o1``, ``cluster_g1``): the SVG's ``<g id=…>`` of its node, whatever its style."""
    return _names(m, _in_source_order(m), "")


def to_digraph(
    m: ArgumentMap,
    findings: Findings | None = None,
    options: RenderOptions | None = None,
) -> graphviz.Digraph:
    """The diagram of a resolved map; ``findings`` are marked on it (none when ``None``)."""
    options = options or RenderOptions()
    findings = findings or Findings()
    theme = options.theme
    selection = drawn_selection(m, options)
    body: list[str] = []
    title = _title_lines(m, selection, options)
    if title and "label" not in dict(options.graph_attrs):
        body.append(f"\t{attr_list({'label': dot_text(title)})}\n")
    body += _Drawing(m, findings, options, selection=selection).lines(1)
    if options.legend:
        body += _legend(findings, options)
    return graphviz.Digraph(
        "argmap",
        graph_attr={**graph_defaults(theme, options.rankdir), **_raw(options.graph_attrs)},
        node_attr={**node_defaults(theme), **_raw(options.node_attrs)},
        edge_attr={**edge_defaults(theme), **_raw(options.edge_attrs)},
        body=body,
    )


def drawn_selection(m: ArgumentMap, options: RenderOptions) -> Selection | None:
    """What to draw: a focus's neighbourhood, or the steps below the theses (``None``: the
    whole map), with the evidence folded into counts when asked."""
    selection = None
    if options.focus:
        selection = neighbourhood(m, options.focus, options.focus_depth)
    elif options.depth is not None:
        selection = below_theses(m, options.depth)
    if "evidence" in options.collapse:
        selection = collapse_evidence(m, selection)
    return selection


def _raw(attributes: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Raw ``-G/-N/-E`` values, never read as HTML labels (as with dot's own options)."""
    return {name: nohtml(value) for name, value in attributes}


def _overridden(style: Mapping[str, str], raw: Iterable[tuple[str, str]]) -> dict[str, str]:
    """An element's style with the raw ``-N``/``-E`` values put in place of argmap's own (the
    names argmap does not set on the element come from the node and edge defaults)."""
    values = {name: value for name, value in raw if name not in OWN_ATTRIBUTES}
    return {name: values.get(name, value) for name, value in style.items()}


def _title_lines(m: ArgumentMap, selection: Selection | None, options: RenderOptions) -> list[str]:
    """The map's title, the key to the sources that boxes name by id, and what --focus shows."""
    lines = wrap(visible_text(m.title), _TITLE_WIDTH) if m.title else []
    shown = [s for id, s in m.statements.items() if selection is None or id in selection.ids]
    brief = options.detail == "brief"
    width = BRIEF_SOURCE if brief else options.width
    for entry in source_key(m, shown, width=width, every_kind=brief):
        lines += wrap(entry, _TITLE_WIDTH)
    if selection is None:
        return lines
    count = f"{len(shown)} of {len(m.statements)} statements shown"
    if options.focus is not None:
        depth = options.focus_depth
        steps = f"{depth} step{'' if depth == 1 else 's'}"
        lines.append(f"within {steps} of {visible_text(options.focus)}: {count}")
    elif options.depth is not None:
        steps = f"{options.depth} step{'' if options.depth == 1 else 's'}"
        lines.append(f"{steps} below the thesis: {count}")
    else:
        lines.append(f"evidence folded into counts: {count}")
    return lines


def _legend(findings: Findings, options: RenderOptions) -> list[str]:
    """The legend's cluster: the legend map drawn like a map, with the marks the map can show."""
    marks = legend_findings(check=findings.checked, evaluate=findings.evaluated)
    drawing = _Drawing(
        legend_map(check=findings.checked, evaluate=findings.evaluated),
        marks,
        options,
        prefix=_LEGEND,
        show_ids=False,
    )
    style = attr_list({**cluster_style(options.theme, options.rankdir), "label": "Legend"})
    return [f"\tsubgraph cluster_{_LEGEND} {{\n", f"\t\t{style}\n", *drawing.lines(2), "\t}\n"]


def _in_source_order(m: ArgumentMap) -> list[Statement | Inference]:
    elements: list[Statement | Inference] = [
        *m.statements.values(),
        *m.reasons.values(),
        *m.objections.values(),
    ]
    elements.sort(key=lambda e: (m.span(e).line, m.span(e).column))
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
    premise_roles: dict[str, tuple[Role, ...]] = field(init=False)
    styles: dict[tuple[object, ...], str] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.elements = _in_source_order(self.m)
        self.names = _names(self.m, self.elements, self.prefix)
        self.roles = inference_roles(self.m)
        self.premise_roles = premise_roles(self.m, self.roles)

    def shown(self, id: str) -> bool:
        return self.selection is None or id in self.selection.ids

    def lines(self, depth: int) -> list[str]:
        """The drawing as DOT lines indented ``depth`` tabs: nodes, clusters, then edges."""
        content: dict[str | None, list[str]] = {None: [], **{g: [] for g in self.m.groups}}
        for element in self.elements:
            if self.shown(element.id):
                node = (
                    self._statement(element)
                    if isinstance(element, Statement)
                    else self._junction(element)
                )
                content[element.group if self.options.groups == "box" else None].append(node)
        pad = "\t" * depth
        out = [f"{pad}{line}\n" for line in content[None]]
        out += self._clusters(content, depth)
        for element in self.elements:
            if isinstance(element, (Reason, Objection)) and self.shown(element.id):
                out += [f"{pad}{line}\n" for line in self._edges(element)]
        return out

    def _clusters(self, content: Mapping[str | None, list[str]], depth: int) -> list[str]:
        """Nested ``subgraph cluster_…`` blocks for the groups that hold something, in source
        order, written without recursion."""
        groups = self.m.groups
        filled: set[str] = set()
        for g in groups:
            current: str | None = g if content[g] else None
            while current is not None and current not in filled:
                filled.add(current)
                current = groups[current].parent
        children: dict[str | None, list[str]] = {None: [], **{g: [] for g in groups}}
        for g in groups:
            if g in filled:
                children[groups[g].parent].append(g)
        style = cluster_style(self.options.theme, self.options.rankdir)
        out: list[str] = []
        stack = [(top, False, depth) for top in reversed(children[None])]
        while stack:
            group, closing, level = stack.pop()
            pad = "\t" * level
            if closing:
                out.append(f"{pad}}}\n")
                continue
            title = wrap(visible_text(groups[group].title), _TITLE_WIDTH)
            out.append(f"{pad}subgraph {self.names[group]} {{\n")
            out.append(f"{pad}\t{attr_list({**style, 'label': dot_text(title)})}\n")
            out += [f"{pad}\t{line}\n" for line in content[group]]
            stack.append((group, True, level))
            stack += [(child, False, level + 1) for child in reversed(children[group])]
        return out

    def _styled(self, key: tuple[object, ...], make: Callable[[], dict[str, str]]) -> str:
        """The attribute text shared by all elements drawn alike, written once."""
        text = self.styles.get(key)
        if text is None:
            text = self.styles[key] = attr_list(make())
        return text

    def _statement(self, s: Statement) -> str:
        unsupported = s.id in self.findings.unsupported
        label = self.findings.labels.get(s.id)
        roles = self.premise_roles.get(s.id, ())
        role = roles[0] if len(roles) == 1 else None
        status = status_words(
            label, unsupported=unsupported, defeated=s.id in self.findings.defeated
        )
        lines = self._words(s, unsupported, label, roles, status)

        def style() -> dict[str, str]:
            attrs = statement_style(
                s.kind, self.options.theme, role=role, unsupported=unsupported, label=label
            )
            classes = ["statement", s.kind.value]
            classes += [role.value] if role else []
            classes += ["unsupported"] if unsupported else []
            classes += [label.value.lower()] if label else []
            attrs = _overridden(attrs, self.options.node_attrs)
            return {**attrs, "class": " ".join(classes)}

        name = self.names[s.id]
        why = self.findings.why.get(s.id)
        group = self.m.groups.get(s.group) if s.group else None
        tooltip = statement_tooltip(s, self.m, status=status, why=why)
        tooltip += [f"in: {visible_text(group.title)}"] if group else []
        own = {"id": name, "tooltip": tooltip_text(tooltip)}
        url = self._link(s)
        if url:
            own["URL"] = url
        key = (s.kind, role, unsupported, label)
        return f"{name} [{attr_list(own, dot_text(lines))} {self._styled(key, style)}]"

    def _words(
        self,
        s: Statement,
        unsupported: bool,
        label: Label | None,
        roles: tuple[Role, ...],
        status: str | None,
    ) -> list[str]:
        """The words in a statement's box, brief or in full (``--detail``)."""
        selection = self.selection
        more = (
            not_shown(
                selection.hidden_links.get(s.id, 0),
                selection.hidden_below.get(s.id, 0),
                selection.evidence.get(s.id, 0),
            )
            if selection
            else []
        )
        width = self.options.width
        if self.options.detail == "full":
            return statement_lines(
                s,
                self.m,
                width=width,
                show_id=self.show_ids,
                unsupported=unsupported,
                label=label,
                defeated=s.id in self.findings.defeated,
                more=more,
            )
        return brief_lines(s, self.m, width=width, roles=roles, status=status, more=more)

    def _link(self, s: Statement) -> str | None:
        """Where a click on the box leads: the web address of the source it quotes or cites."""
        for source in (*(q.source for q in s.quotes), *(c.source for c in s.citations)):
            found = self.m.sources.get(source)
            url = link_url(found.url) if found and found.url else None
            if url:
                return url
        return None

    def _junction(self, inf: Inference) -> str:
        role = self.roles[inf.id]
        name = self.names[inf.id]

        def style() -> dict[str, str]:
            return {**junction_style(role, self.options.theme), "class": f"inference {role.value}"}

        tooltip = inference_tooltip(inf, role, self.findings.why.get(inf.id))
        own = attr_list({"id": name, "tooltip": tooltip_text(tooltip)})
        return f"{name} [{own} {self._styled((role,), style)}]"

    def _caption(self, inf: Inference) -> list[str]:
        unanswered = inf.id in self.findings.unanswered
        if self.options.detail == "full":
            return inference_caption(
                inf, width=self.options.width, unanswered=unanswered, show_id=self.show_ids
            )
        return brief_caption(inf, width=self.options.width, unanswered=unanswered)

    def _edges(self, inf: Inference) -> list[str]:
        role = self.roles[inf.id]
        junction = self.names[inf.id]
        theme = self.options.theme

        raw = self.options.edge_attrs

        def premise() -> dict[str, str]:
            attrs = _overridden(premise_style(role, theme), raw)
            return {**attrs, "class": f"premise {role.value}"}

        line_in = self._styled(("premise", role), premise)
        lines = [f"{self.names[p]} -> {junction} [{line_in}]" for p in inf.premises]
        conceded = isinstance(inf, Objection) and inf.conceded
        unanswered = inf.id in self.findings.unanswered
        failed = inf.id in self.findings.failed

        def conclusion() -> dict[str, str]:
            attrs = conclusion_style(
                role, theme, conceded=conceded, unanswered=unanswered, failed=failed
            )
            attrs = _overridden(attrs, raw)
            classes = _conclusion_classes(role, conceded, unanswered, failed)
            return {**attrs, "class": " ".join(classes)}

        key = ("conclusion", role, conceded, unanswered, failed)
        line_out = self._styled(key, conclusion)
        caption = self._caption(inf)
        if caption:
            line_out = f"{attr_list({'label': dot_text(caption)})} {line_out}"
        lines.append(f"{junction} -> {self.names[inf.target]} [{line_out}]")
        return lines


def _conclusion_classes(
    role: Role, conceded: bool, unanswered: bool, failed: bool
) -> Iterable[str]:
    yield "conclusion"
    yield role.value
    if conceded:
        yield "conceded"
    if unanswered:
        yield "unanswered"
    if failed:
        yield "out"
