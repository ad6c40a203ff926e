"""A map as comparable data, up to the ids of anonymous reasons and objections (which say
where they are written) and the order of declarations."""

from __future__ import annotations

from typing import Any

from argmap.export_json import map_to_dict
from argmap.model import ArgumentMap

_PLACES = ("span", "file", "id_spans")


def _without_places(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_places(v) for k, v in value.items() if k not in _PLACES}
    if isinstance(value, list):
        return [_without_places(v) for v in value]
    return value


def canonical(argument_map: ArgumentMap) -> dict[str, Any]:
    """Everything the map says, without places, anonymous ids or suppressions, sorted."""
    data: dict[str, Any] = _without_places(map_to_dict(argument_map))
    inferences = {i["id"]: i for i in data["reasons"] + data["objections"]}

    def name(id: str) -> Any:
        inference = inferences.get(id)
        if inference is None or inference["named"]:
            return id
        return ("anonymous", tuple(inference["premises"]), name(inference["target"]))

    for inference in data["reasons"] + data["objections"]:
        inference["id"], inference["target"] = name(inference["id"]), name(inference["target"])
    del data["suppressions"]
    for key in ("statements", "reasons", "objections", "groups", "sources", "theses"):
        data[key] = sorted(data[key], key=repr)
    return data


def graph(argument_map: ArgumentMap) -> dict[str, Any]:
    """The map's graph alone: statements with kinds and speakers, and every inference."""
    data = canonical(argument_map)
    return {
        "statements": [(s["id"], s["kind"], s["attribution"]) for s in data["statements"]],
        "reasons": data["reasons"],
        "objections": data["objections"],
    }
