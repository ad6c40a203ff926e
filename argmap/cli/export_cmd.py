"""``argmap export``: a map as AIF, Argdown or argmap's JSON."""

from __future__ import annotations

import click

from argmap.cli.inputs import EXIT_CLEAN, EXIT_ERROR, fail, read_input, usable
from argmap.cli.output_files import write_file
from argmap.interchange.convert import EXPORTS, export_map

__all__ = ["export"]


@click.command()
@click.argument("file")
@click.option(
    "--to", "target", type=click.Choice(EXPORTS), required=True, help="The format to write."
)
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    help="The file to write (- for standard output).",
)
def export(file: str, target: str, output: str) -> None:
    """Export the map FILE (- for standard input) as AIF JSON, Argdown or argmap's JSON
    (docs/json-format.md). Whatever the format cannot hold is reported on standard error.

    Exit code 0: exported; 2: the map could not be read or has errors, or the output could not
    be written.
    """
    if output == "":
        fail("-o needs a file name, or - for standard output")
    result = usable(read_input(file))
    if result is None:
        raise SystemExit(EXIT_ERROR)
    converted = export_map(result.map, target)
    for note in converted.notes:
        click.echo(str(note), err=True)
    problem = write_file(output, converted.value.encode("utf-8"))
    if problem:
        click.echo(problem, err=True)
        raise SystemExit(EXIT_ERROR)
    raise SystemExit(EXIT_CLEAN)
