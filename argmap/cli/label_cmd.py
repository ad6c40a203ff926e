"""``argmap label``: which claims stand. The thesis verdict, then every element's label and why."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import click

from argmap.analysis.labelling import Labelling, explain_all, label_map
from argmap.cli.inputs import EXIT_CLEAN, EXIT_ERROR, json_payload, read_inputs, usable
from argmap.model import ArgumentMap, Label, Span, made_up, span_to_dict

__all__ = ["label"]

_MEANING = {Label.IN: "it stands", Label.OUT: "it does not stand", Label.UNDEC: "undecided"}
_ID_WIDTH = 32


@click.command()
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["human", "json"]),
    default="human",
    show_default=True,
    help="human: the verdict and a table; json: see docs/labelling.md.",
)
def label(files: tuple[str, ...], output_format: str) -> None:
    """Say which claims of FILES stand once objections are weighed: IN, OUT or UNDEC.

    Prints the verdict on each thesis first, then a table of every statement, reason and
    objection with its label and why. Use - to read standard input. Exit code 0; 2 when a
    file cannot be read or has errors (the other files are still labelled).
    """
    exit_code = EXIT_CLEAN
    documents: list[dict[str, Any]] = []
    for item in read_inputs(files):
        result = usable(item)
        if result is None:
            exit_code = EXIT_ERROR
            continue
        m = result.map
        labelling = label_map(m)
        document = _document(m, labelling, explain_all(m, labelling))
        if output_format == "json":
            documents.append(document)
        else:
            if documents:
                click.echo()
            documents.append(document)
            click.echo(_human(document))
    if output_format == "json" and documents:
        click.echo(json_payload(documents, files))
    raise SystemExit(exit_code)


def _document(m: ArgumentMap, labelling: Labelling, why: Mapping[str, str]) -> dict[str, Any]:
    """The labelling of one map as JSON-ready data, rows in the order of the file."""
    rows = [
        {
            "id": id,
            "kind": _kind(m, id),
            "label": labelling[id].value,
            "why": why[id],
            "location": span_to_dict(m.span_of(id)),
        }
        for id in sorted(why, key=lambda id: _position(m.span_of(id)))
    ]
    counts = {label.value: 0 for label in Label}
    for id in why:
        counts[labelling[id].value] += 1
    return {
        "file": m.path,
        "theses": [
            {"id": s.id, "label": labelling[s.id].value, "why": why[s.id]} for s in m.theses
        ],
        "counts": counts,
        "labels": rows,
    }


def _human(document: Mapping[str, Any]) -> str:
    lines = [f"{document['file']}:"]
    if not document["theses"]:
        if any(row["kind"] == "claim" for row in document["labels"]):
            why = "every claim is used as a premise"
        else:
            why = "the map has no claim that could be one"
        lines.append(f'  no thesis: {why} (declare one: thesis ID: "...")')
    for thesis in document["theses"]:
        meaning = _MEANING[Label(thesis["label"])]
        lines.append(f'  thesis "{thesis["id"]}": {thesis["label"]} ({meaning}): {thesis["why"]}')
    counts = document["counts"]
    lines.append("  " + ", ".join(f"{n} {label}" for label, n in counts.items()))
    lines.append("")
    rows = document["labels"]
    shown = [_shown_id(row) for row in rows]
    width = min(_ID_WIDTH, max(len("id"), *(len(id) for id in shown)))
    lines.append(f"  {'id':<{width}}  {'kind':<10}  {'label':<5}  why")
    for id, row in zip(shown, rows, strict=True):
        lines.append(f"  {id:<{width}}  {row['kind']:<10}  {row['label']:<5}  {row['why']}")
    return "\n".join(lines)


def _shown_id(row: Mapping[str, Any]) -> str:
    """A row's id, and for an element written without one (``reason#2``) its line."""
    id: str = row["id"]
    return f"{id} (line {row['location']['line']})" if made_up(id) else id


def _kind(m: ArgumentMap, id: str) -> str:
    statement = m.statements.get(id)
    if statement is not None:
        return statement.kind.value
    return "reason" if id in m.reasons else "objection"


def _position(span: Span) -> tuple[int, int]:
    return (span.line, span.column)
