"""``argmap fmt``: rewrite maps in the canonical layout (grammar/README.md)."""

from __future__ import annotations

import difflib
import os
from collections import Counter
from collections.abc import Sequence
from enum import Enum

import click

from argmap.cli.grammar_cache import cached_parser
from argmap.cli.inputs import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    STDIN,
    InputError,
    display_name,
    expand,
    read_data,
)
from argmap.cli.output_files import write_file
from argmap.diagnostics import Diagnostic
from argmap.formatter import format_text
from argmap.reader import ReadResult, decode_map
from argmap.report.human import format_human
from argmap.text import count

__all__ = ["fmt"]


class _Outcome(Enum):
    """What became of one file."""

    CHANGED = "changed"
    UNCHANGED = "unchanged"
    FAILED = "failed"
    PRINTED = "printed"  # standard input, formatted to standard output


@click.command()
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--check", is_flag=True, help="Change nothing; list the files that would change (exit 1)."
)
@click.option(
    "--diff", is_flag=True, help="Change nothing; print the changes as a unified diff (exit 1)."
)
def fmt(files: tuple[str, ...], check: bool, diff: bool) -> None:
    """Rewrite FILES (maps, folders of .arg files, globs, or - for standard input to standard
    output) in argmap's canonical layout, keeping every comment; the meaning never changes.

    Exit code 0: done (or, with --check/--diff, nothing to change); 1: with --check or --diff,
    some file would change; 2: a file could not be read, parsed or written, or is read-only
    (it is left as it was), or a folder holds no .arg file. The others are formatted all the
    same.
    """
    in_place = not (check or diff)
    paths = _paths(files)
    outcomes = Counter(_format(path, check=check, diff=diff) for path in paths)
    changed, unchanged, failed = (
        outcomes[o] for o in (_Outcome.CHANGED, _Outcome.UNCHANGED, _Outcome.FAILED)
    )
    if (changed or unchanged or failed) and not (in_place and paths == [STDIN]):
        verb = "reformatted" if in_place else "would be reformatted"
        summary = f"{count(changed, 'file')} {verb}, {count(unchanged, 'file')} already formatted"
        if failed:
            summary += f", {count(failed, 'file')} could not be formatted (see above)"
        click.echo(f"{summary}.", err=True)
    if failed:
        raise SystemExit(EXIT_ERROR)
    raise SystemExit(EXIT_FINDINGS if changed and not in_place else EXIT_CLEAN)


def _format(path: str, *, check: bool, diff: bool) -> _Outcome:
    """Format one map (a path, or an empty folder to complain about); what became of it."""
    in_place = not (check or diff)
    if path != STDIN and os.path.isdir(path):
        click.echo(f"{path}: error: this folder holds no .arg file, here or below", err=True)
        return _Outcome.FAILED
    data = read_data(path)
    if isinstance(data, InputError):
        click.echo(str(data), err=True)
        return _Outcome.FAILED
    name = display_name(path)
    original = decode_map(data, name)
    if isinstance(original, ReadResult):  # not UTF-8 text: the error, and the text it shows
        _report(original.diagnostics, name, original.text)
        return _Outcome.FAILED
    result = format_text(original, name, cached_parser())
    if result.diagnostics:
        _report(result.diagnostics, name, original)
        return _Outcome.FAILED
    if path == STDIN and in_place:
        click.echo(result.text, nl=False)
        return _Outcome.PRINTED
    if result.text == original:
        return _Outcome.UNCHANGED
    if check:
        click.echo(f"would reformat {name}")
    if diff:
        click.echo(_diff(original, result.text, name), nl=False)
    if in_place:
        problem = write_file(path, result.text.encode("utf-8"), elsewhere="")
        if problem:
            click.echo(problem, err=True)
            return _Outcome.FAILED
        click.echo(f"reformatted {path}", err=True)
    return _Outcome.CHANGED


def _paths(patterns: tuple[str, ...]) -> list[str]:
    """The maps to format: a folder stands for the .arg files in it and below, sorted."""
    paths: list[str] = []
    for path in expand(patterns):
        if path != STDIN and os.path.isdir(path):
            found = [
                os.path.join(folder, name)
                for folder, _, names in os.walk(path)
                for name in names
                if name.endswith(".arg")
            ]
            paths.extend(sorted(found) or [path])  # an empty folder is said to be so
        else:
            paths.append(path)
    return list(dict.fromkeys(paths))


def _report(diagnostics: Sequence[Diagnostic], name: str, text: str) -> None:
    click.echo(format_human(diagnostics, {name: text}), nl=False, err=True)
    click.echo(f"{name}: not formatted: it has syntax errors (see above)", err=True)


def _diff(before: str, after: str, name: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        f"{name} (original)",
        f"{name} (formatted)",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)
