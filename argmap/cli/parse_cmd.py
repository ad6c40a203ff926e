"""``argmap parse``: validate maps and print a summary or the model as JSON."""

from __future__ import annotations

import click

from argmap.cli.inputs import EXIT_CLEAN, EXIT_ERROR, json_payload, read_inputs, usable
from argmap.export_json import map_to_dict
from argmap.text import count

__all__ = ["parse"]


@click.command()
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--json", "as_json", is_flag=True, help="Print the model as JSON (docs/json-format.md)."
)
def parse(files: tuple[str, ...], as_json: bool) -> None:
    """Check that FILES are valid maps (syntax and references).

    Prints one line per map, or with --json the maps as JSON: an object for one file, a list
    for several. Use - to read standard input. Exit code 2 when a file has errors.
    """
    exit_code = EXIT_CLEAN
    documents = []
    for item in read_inputs(files):
        result = usable(item)
        if result is None:
            exit_code = EXIT_ERROR
            continue
        m = result.map
        if as_json:
            documents.append(map_to_dict(m))
        else:
            click.echo(
                f"{m.path}: ok: {count(len(m.statements), 'statement')}, "
                f"{count(len(m.reasons), 'reason')}, {count(len(m.objections), 'objection')}"
            )
    if as_json and documents:
        click.echo(json_payload(documents, files))
    raise SystemExit(exit_code)
