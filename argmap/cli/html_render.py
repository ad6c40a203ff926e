"""What an HTML map is made of (``argmap render -f html``, ``argmap view``): the map drawn
plainly and coloured by label, and the panel's data: labels, why, and the findings of the
checks ``argmap check`` runs (with the map's ``[tool.argmap]`` settings and its sources)."""

from __future__ import annotations

import os
from typing import Any, NamedTuple

from argmap.checks import run_checks, select_checks
from argmap.cli.check_cmd import check_context
from argmap.cli.drawing_options import Drawing
from argmap.cli.settings import ConfigFinder
from argmap.cli.sources import SourceReader
from argmap.html import Drawings, panel_data
from argmap.reader import ReadResult
from argmap.render import to_digraph
from argmap.render.dot import drawn_selection, node_ids
from argmap.render.engines import draw

__all__ = ["HtmlParts", "html_parts"]


class HtmlParts(NamedTuple):
    """The drawings, the panel's data, Graphviz's warnings, and the files the page depends on
    (the map and the sources it quotes, as absolute paths)."""

    drawings: Drawings
    data: dict[str, Any]
    warnings: tuple[str, ...]
    files: tuple[str, ...]


def html_parts(result: ReadResult, drawing: Drawing) -> HtmlParts:
    """Everything the page needs for a map read without errors. Raises
    :class:`~argmap.render.engines.EngineError` when Graphviz cannot draw it and
    :class:`~argmap.cli.settings.ConfigError` for unusable settings."""
    m = result.map
    path = None if m.path == "<stdin>" else m.path
    config = ConfigFinder().for_map(path)
    ctx, texts = check_context(result, config, SourceReader({}))
    findings = [*result.diagnostics, *run_checks(ctx, select_checks([config.layer()]))]
    svgs: list[str] = []
    warnings: list[str] = []
    for evaluate in (False, True):
        found = drawing.findings(m, config, evaluate=evaluate)
        source = to_digraph(m, found, drawing.options).source
        drawn = draw(source, format="svg", engine=drawing.engine)
        svgs.append(drawn.data.decode("utf-8"))
        warnings += [w for w in drawn.warnings if w not in warnings]
    labels = {**ctx.labelling.statements, **ctx.labelling.inferences}
    nodes = node_ids(m)
    selection = drawn_selection(m, drawing.options)
    if selection is not None:  # the panel knows only what is drawn
        nodes = {id: node for id, node in nodes.items() if id in selection.ids}
    data = panel_data(m, nodes, labels=labels, why=ctx.explanations, findings=findings)
    files = [os.path.abspath(p) for p in (path, *texts.paths.values()) if p is not None]
    return HtmlParts(Drawings(*svgs), data, tuple(warnings), tuple(dict.fromkeys(files)))
