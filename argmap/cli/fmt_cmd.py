"""``argmap fmt``: rewrite maps in the canonical layout (grammar/README.md)."""

from __future__ import annotations

import difflib
import os
from collections.abc import Sequence

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
from argmap.cli.render_output import write_atomic
from argmap.diagnostics import Diagnostic
from argmap.formatter import format_text
from argmap.reader import read_bytes
from argmap.report.human import format_human
from argmap.text import count

__all__ = ["fmt"]


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
    some file would change; 2: a file could not be read, parsed or written (it is left as it
    was).
    """
    in_place = not (check or diff)
    changed = unchanged = 0
    exit_code = EXIT_CLEAN
    for path in _paths(files):
        data = read_data(path)
        if isinstance(data, InputError):
            click.echo(str(data), err=True)
            exit_code = EXIT_ERROR
            continue
        name = display_name(path)
        try:
            original = data.decode("utf-8")
        except UnicodeDecodeError:
            _report(read_bytes(data, name).diagnostics, name, "")
            exit_code = EXIT_ERROR
            continue
        result = format_text(original, name, cached_parser())
        if result.diagnostics:
            _report(result.diagnostics, name, original)
            exit_code = EXIT_ERROR
            continue
        if path == STDIN and in_place:
            click.echo(result.text, nl=False)
            continue
        if result.text == original:
            unchanged += 1
            continue
        changed += 1
        if check:
            click.echo(f"would reformat {name}")
        if diff:
            click.echo(_diff(original, result.text, name), nl=False)
        if in_place and not _write(path, result.text):
            changed -= 1
            exit_code = EXIT_ERROR
        elif not in_place and exit_code == EXIT_CLEAN:
            exit_code = EXIT_FINDINGS
    if changed or unchanged:
        verb = "reformatted" if in_place else "would be reformatted"
        click.echo(
            f"{count(changed, 'file')} {verb}, {count(unchanged, 'file')} already formatted.",
            err=True,
        )
    raise SystemExit(exit_code)


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
            paths.extend(sorted(found))
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


def _write(path: str, text: str) -> bool:
    try:
        write_atomic(path, text.encode("utf-8"))
    except OSError as exc:
        reason = (exc.strerror or type(exc).__name__).lower()
        click.echo(f"{path}: error: cannot be written ({reason}); it is left as it was", err=True)
        return False
    click.echo(f"reformatted {path}", err=True)
    return True
