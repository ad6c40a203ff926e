"""``argmap import``: maps of other tools (AIF, Argdown, the microtexts) as .arg files, and
optionally checked, on every core."""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import NamedTuple

import click

from argmap.cli.grammar_cache import cached_parser
from argmap.cli.inputs import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    InputError,
    display_name,
    expand,
    fail,
    read_data,
)
from argmap.cli.interchange_io import read_document
from argmap.cli.output_files import names_a_folder, write_file
from argmap.diagnostics import Diagnostic, Severity, sort_key
from argmap.interchange.basis import Leaves
from argmap.interchange.convert import IMPORTS, format_of, import_document
from argmap.interchange.notes import FormatError, Note
from argmap.text import count

__all__ = ["import_"]

STDOUT = "-"
_POOL_FROM = 8
"""Fewer files than this are converted in this process: a pool would cost more than it saves."""


class _Job(NamedTuple):
    source: str
    output: str | None  # None: not written (only checked)
    format: str
    leaves: Leaves | None
    check: bool


class _Done(NamedTuple):
    job: _Job
    path: str  # the name of the .arg text in findings
    text: str | None  # None: the file could not be read or converted
    error: str | None  # why it could not be read, converted or (text given) checked
    notes: tuple[Note, ...]
    findings: tuple[Diagnostic, ...]


@click.command("import")
@click.argument("files", nargs=-1, required=True)
@click.option("-o", "--output", help="The .arg file to write (- for standard output), or a folder.")
@click.option(
    "--from",
    "source_format",
    type=click.Choice(sorted(IMPORTS)),
    help="The format of FILES (default: from the extension: .json AIF, .xml microtext, "
    ".argdown Argdown).",
)
@click.option(
    "--leaves",
    type=click.Choice([leaves.value for leaves in Leaves]),
    help="What statements no reason supports become (default: assumption for AIF and "
    "microtexts, claim for Argdown); the output's header says which.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="How many processes convert and check the files (default: one per core).",
)
@click.option(
    "--check",
    "check",
    is_flag=True,
    help="Check the imported maps and print the findings (with several files, on every core).",
)
def import_(
    files: tuple[str, ...],
    output: str | None,
    source_format: str | None,
    leaves: str | None,
    jobs: int | None,
    check: bool,
) -> None:
    """Import FILES (AIF JSON, Argdown, microtext XML; - for standard input) as .arg maps.

    Without -o one map goes to standard output; several need -o FOLDER (one .arg per file),
    unless --check is given alone. Whatever a map cannot express is reported on standard error.
    With --check, the maps are converted and checked in a pool of processes (-j), and the
    findings are the same, in the same order, as in one process.
    Exit code 0: imported; 1: --check found a warning or error; 2: a file could not be read
    or converted, or a usage error.
    """
    sources = expand(files)
    planned = _plan(sources, output, source_format, Leaves(leaves) if leaves else None, check)
    results = _run(planned, jobs or os.cpu_count() or 1)
    exit_code = EXIT_CLEAN
    findings: list[Diagnostic] = []
    texts: dict[str, str] = {}
    for done in results:
        for note in done.notes:
            click.echo(f"{note}", err=True)
        if done.text is None:
            click.echo(f"{done.job.source}: error: {done.error}", err=True)
            exit_code = EXIT_ERROR
            continue
        if done.job.output is not None:
            problem = write_file(done.job.output, done.text.encode("utf-8"))
            if problem:
                click.echo(problem, err=True)
                exit_code = EXIT_ERROR
        if done.error is not None:
            click.echo(f"{done.path}: error: {done.error}", err=True)
            exit_code = EXIT_ERROR
        findings.extend(done.findings)
        texts[done.path] = done.text
    if check:
        from argmap.report.human import format_human

        findings.sort(key=sort_key)
        stream_is_taken = output == STDOUT
        click.echo(format_human(findings, texts), nl=False, err=stream_is_taken)
        click.echo(_summary(findings, len(texts)), err=stream_is_taken)
        if exit_code == EXIT_CLEAN and any(f.severity >= Severity.WARNING for f in findings):
            exit_code = EXIT_FINDINGS
    raise SystemExit(exit_code)


def _plan(
    sources: Sequence[str],
    output: str | None,
    chosen: str | None,
    leaves: Leaves | None,
    check: bool,
) -> list[_Job]:
    jobs = []
    several = len(sources) > 1
    if output is None and several and not check:
        fail("several files need -o FOLDER (one .arg file per map), or --check to check them only")
    if output == STDOUT and several:
        fail("-o - writes one map to standard output; give one file, or a folder")
    folder = output is not None and output != STDOUT and names_a_folder(output, several)
    seen: dict[str, str] = {}
    for source in sources:
        format = chosen or format_of(source)
        if format is None and source != STDOUT and not os.path.exists(source):
            missing = read_data(source)  # why it cannot be read comes before what it is
            if isinstance(missing, InputError):
                click.echo(str(missing), err=True)
                raise SystemExit(EXIT_ERROR)
        if format is None:
            fail(
                f"cannot tell the format of {source}: give --from aif, argdown or microtext "
                "(or name it .json, .argdown or .xml)"
            )
        target: str | None = output if not several or output is None else None
        if folder and output is not None:
            stem = "stdin" if source == STDOUT else Path(source).stem
            target = os.path.join(output, f"{stem}.arg")
        if target is None and not check:
            target = STDOUT
        if target is not None and target != STDOUT:
            real = os.path.realpath(target)
            if real in seen:
                fail(
                    f"{seen[real]} and {source} would both be written to {target}: "
                    "import them separately"
                )
            seen[real] = source
        jobs.append(_Job(source, target, format, leaves, check))
    if folder and output is not None:
        try:
            os.makedirs(output, exist_ok=True)
        except OSError as exc:
            fail(f"the folder {output} cannot be made: {exc.strerror or exc}")
    return jobs


def _run(jobs: list[_Job], workers: int) -> list[_Done]:
    """Every job, in order: in a pool of ``workers`` processes when there are many."""
    if workers == 1 or len(jobs) < _POOL_FROM:
        return [_convert(job) for job in jobs]
    if jobs[0].check:  # imported once here, so that forked workers need not import them
        _check('thesis t: "T."\n', "warm-up.arg")
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_convert, jobs, chunksize=max(1, len(jobs) // (8 * workers))))


def _convert(job: _Job) -> _Done:
    """One file read, converted and (with --check) checked."""
    path = job.output if job.output not in (None, STDOUT) else f"{display_name(job.source)}.arg"
    assert path is not None
    data = read_document(job.source)
    if not isinstance(data, str):
        return _Done(job, path, None, data.message, (), ())
    try:
        converted = import_document(data, display_name(job.source), job.format, job.leaves)
    except FormatError as exc:
        return _Done(job, path, None, f"cannot be read as {job.format}: {exc}", (), ())
    if not job.check:
        return _Done(job, path, converted.value, None, converted.notes, ())
    checked = _check(converted.value, path)
    if isinstance(checked, str):
        return _Done(job, path, converted.value, checked, converted.notes, ())
    return _Done(job, path, converted.value, None, converted.notes, tuple(checked))


def _check(text: str, path: str) -> list[Diagnostic] | str:
    """What ``argmap check`` finds in an imported map, with the settings (``[tool.argmap]``)
    of the folder it goes to; or, when those settings cannot be used, why it is not checked."""
    from argmap.checks import SelectionError
    from argmap.cli.check_cmd import check_map
    from argmap.cli.settings import ConfigError, ConfigFinder
    from argmap.cli.sources import SourceReader
    from argmap.reader import read_text

    result = read_text(text, path, cached_parser())
    if not result.ok:
        return list(result.diagnostics)
    try:
        return check_map(result, ConfigFinder().for_map(path), SourceReader({}))[0]
    except (ConfigError, SelectionError) as exc:
        return f"the map is not checked: {exc}"


def _summary(findings: Sequence[Diagnostic], maps: int) -> str:
    """``Found 3 warnings and 1 info finding in 2 imported maps.``"""
    counts = [
        count(sum(f.severity is severity for f in findings), str(severity) + suffix)
        for severity, suffix in (
            (Severity.ERROR, ""),
            (Severity.WARNING, ""),
            (Severity.INFO, " finding"),
        )
    ]
    shown = [c for c in counts if not c.startswith("0 ")] or ["no findings"]
    listed = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]
    return f"Found {listed} in {count(maps, 'imported map')}."
