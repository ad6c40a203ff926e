"""Graphviz's attribute names, and what is wrong with a ``-G``/``-N``/``-E name=value`` option.

Graphviz says nothing about an attribute it does not know (``-G bogusattr=1``) or one set on
the wrong kind of element (``-G shape=box``): it ignores it. The table below is Graphviz's own
list of attributes and the elements that use them (https://graphviz.org/doc/info/attrs.html,
Graphviz 12), so that ``argmap render`` can say so instead.
"""

from __future__ import annotations

import difflib

__all__ = ["OWN_ATTRIBUTES", "USED_BY", "attribute_problem"]

USED_BY: dict[str, str] = {
    "_background": "G",
    "area": "NC",
    "arrowhead": "E",
    "arrowsize": "E",
    "arrowtail": "E",
    "bb": "GC",
    "beautify": "G",
    "bgcolor": "GC",
    "center": "G",
    "charset": "G",
    "class": "GCNE",
    "cluster": "CS",
    "clusterrank": "G",
    "color": "ENC",
    "colorscheme": "ENCG",
    "comment": "ENG",
    "compound": "G",
    "concentrate": "G",
    "constraint": "E",
    "Damping": "G",
    "decorate": "E",
    "defaultdist": "G",
    "dim": "G",
    "dimen": "G",
    "dir": "E",
    "diredgeconstraints": "G",
    "distortion": "N",
    "dpi": "G",
    "edgehref": "E",
    "edgetarget": "E",
    "edgetooltip": "E",
    "edgeURL": "E",
    "epsilon": "G",
    "esep": "G",
    "fillcolor": "NEC",
    "fixedsize": "N",
    "fontcolor": "ENGC",
    "fontname": "ENGC",
    "fontnames": "G",
    "fontpath": "G",
    "fontsize": "ENGC",
    "forcelabels": "G",
    "gradientangle": "NCG",
    "group": "N",
    "head_lp": "E",
    "headclip": "E",
    "headhref": "E",
    "headlabel": "E",
    "headport": "E",
    "headtarget": "E",
    "headtooltip": "E",
    "headURL": "E",
    "height": "N",
    "href": "GCNE",
    "id": "GCNE",
    "image": "N",
    "imagepath": "G",
    "imagepos": "N",
    "imagescale": "N",
    "inputscale": "G",
    "K": "GC",
    "label": "ENGC",
    "label_scheme": "G",
    "labelangle": "E",
    "labeldistance": "E",
    "labelfloat": "E",
    "labelfontcolor": "E",
    "labelfontname": "E",
    "labelfontsize": "E",
    "labelhref": "E",
    "labeljust": "GC",
    "labelloc": "NGC",
    "labeltarget": "E",
    "labeltooltip": "E",
    "labelURL": "E",
    "landscape": "G",
    "layer": "ENC",
    "layerlistsep": "G",
    "layers": "G",
    "layerselect": "G",
    "layersep": "G",
    "layout": "G",
    "len": "E",
    "levels": "G",
    "levelsgap": "G",
    "lhead": "E",
    "lheight": "GC",
    "linelength": "G",
    "lp": "EGC",
    "ltail": "E",
    "lwidth": "GC",
    "margin": "NCG",
    "maxiter": "G",
    "mclimit": "G",
    "mindist": "G",
    "minlen": "E",
    "mode": "G",
    "model": "G",
    "newrank": "G",
    "nodesep": "G",
    "nojustify": "GCNE",
    "normalize": "G",
    "notranslate": "G",
    "nslimit": "G",
    "nslimit1": "G",
    "oneblock": "G",
    "ordering": "GN",
    "orientation": "NG",
    "outputorder": "G",
    "overlap": "G",
    "overlap_scaling": "G",
    "overlap_shrink": "G",
    "pack": "G",
    "packmode": "G",
    "pad": "G",
    "page": "G",
    "pagedir": "G",
    "pencolor": "C",
    "penwidth": "CNE",
    "peripheries": "NC",
    "pin": "N",
    "pos": "EN",
    "quadtree": "G",
    "quantum": "G",
    "rank": "S",
    "rankdir": "G",
    "ranksep": "G",
    "ratio": "G",
    "rects": "N",
    "regular": "N",
    "remincross": "G",
    "repulsiveforce": "G",
    "resolution": "G",
    "root": "GN",
    "rotate": "G",
    "rotation": "G",
    "samehead": "E",
    "sametail": "E",
    "samplepoints": "N",
    "scale": "G",
    "searchsize": "G",
    "sep": "G",
    "shape": "N",
    "shapefile": "N",
    "showboxes": "ENG",
    "sides": "N",
    "size": "G",
    "skew": "N",
    "smoothing": "G",
    "sortv": "GCN",
    "splines": "G",
    "start": "G",
    "style": "ENCG",
    "stylesheet": "G",
    "tail_lp": "E",
    "tailclip": "E",
    "tailhref": "E",
    "taillabel": "E",
    "tailport": "E",
    "tailtarget": "E",
    "tailtooltip": "E",
    "tailURL": "E",
    "target": "ENGC",
    "TBbalance": "G",
    "tooltip": "NECG",
    "truecolor": "G",
    "URL": "ENGC",
    "vertices": "N",
    "viewport": "G",
    "voro_margin": "G",
    "weight": "E",
    "width": "N",
    "xdotversion": "G",
    "xlabel": "EN",
    "xlp": "NE",
    "z": "N",
}
"""Each attribute and what uses it: G the graph, N nodes, E edges, C clusters (argmap's group
boxes), S other subgraphs."""

_OPTIONS = {"-G": "G", "-N": "N", "-E": "E"}
_ELEMENTS = {"G": "the graph", "N": "nodes", "E": "edges", "C": "group boxes", "S": "subgraphs"}

OWN_ATTRIBUTES = frozenset({"label", "id", "tooltip", "class"})
"""What argmap writes on each statement box itself (its words and names): ``-N`` cannot
change them, while it overrides the style of every box."""


def attribute_problem(option: str, name: str) -> str | None:
    """Why ``option name=…`` (option ``-G``, ``-N`` or ``-E``) will change nothing in the
    drawing, in plain words; ``None`` when Graphviz uses the attribute there."""
    used_by = USED_BY.get(name)
    if used_by is None:
        return f'{option} {name}: Graphviz has no attribute "{name}" and ignores it{_hint(name)}'
    if _OPTIONS[option] not in used_by:
        *others, last = [_ELEMENTS[letter] for letter in used_by]
        where = f"{', '.join(others)} and {last}" if others else last
        better = [o for o, letter in _OPTIONS.items() if letter in used_by]
        hint = f": use {better[0]} {name}=…" if better else ""
        return f'{option} {name}: Graphviz uses "{name}" for {where} only and ignores it here{hint}'
    if option == "-N" and name in OWN_ATTRIBUTES:
        return f'{option} {name}: argmap writes each box\'s own "{name}", so this changes nothing'
    return None


def _hint(name: str) -> str:
    """A known name that ``name`` may be a misspelling of."""
    same = [known for known in USED_BY if known.lower() == name.lower()]
    if same:
        return f'; did you mean "{same[0]}"? (names are case-sensitive)'
    close = difflib.get_close_matches(name, USED_BY, n=1)
    return f'; did you mean "{close[0]}"?' if close else ""
