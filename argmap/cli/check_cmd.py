"""``argmap check``: lint maps like code and report findings in several formats."""

from __future__ import annotations

import dataclasses
import difflib
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import click

from argmap.analysis import analyze, same_argument
from argmap.checks import (
    CheckContext,
    SelectionError,
    SelectionLayer,
    all_rules,
    run_checks,
    select_checks,
)
from argmap.cli.config import Config
from argmap.cli.inputs import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, InputError, fail, read_inputs
from argmap.cli.settings import ConfigError, ConfigFinder
from argmap.cli.sources import SourceReader, SourceTexts, parse_source_options
from argmap.diagnostics import Diagnostic, Severity, sort_key
from argmap.reader import ReadResult
from argmap.report.human import format_human
from argmap.report.run import CheckRun, FileResult, FileStatus
from argmap.text import count

__all__ = ["check", "check_context", "check_map"]

DEFAULT_FAIL_ON = Severity.WARNING
_SEVERITIES = ("error", "warning", "info")


class _Options(NamedTuple):
    layer: SelectionLayer
    fail_on: Severity | None
    use_config: bool
    allowed: tuple[str, ...] = ()


@click.command()
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["human", "json", "github", "sarif"]),
    default="human",
    show_default=True,
    help="human: for people; json: see docs/checks.md; github: annotations for GitHub Actions; "
    "sarif: SARIF 2.1.0 for code-scanning tools.",
)
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Run only these checks (codes, names or prefixes, comma-separated; "
    "ALL: every default check).",
)
@click.option(
    "--extend-select",
    multiple=True,
    metavar="CODES",
    help="Run these checks too (e.g. a heuristic that is off by default).",
)
@click.option("--ignore", multiple=True, metavar="CODES", help="Do not run these checks.")
@click.option(
    "--fail-on",
    type=click.Choice(_SEVERITIES, case_sensitive=False),
    help="Exit with 1 when a finding is at least this severe (default: warning).",
)
@click.option(
    "--source",
    "sources",
    multiple=True,
    metavar="ID=PATH",
    help="Read source ID's text from PATH (instead of the file the map names); applies to the "
    "maps that declare ID.",
)
@click.option(
    "--allow-source-folder",
    "allowed",
    multiple=True,
    metavar="FOLDER",
    help="Let maps read source files from FOLDER too (by default only from their own folder "
    "and below; also allow-source-folders under [tool.argmap]).",
)
@click.option("--no-config", is_flag=True, help="Ignore [tool.argmap] in pyproject.toml files.")
def check(
    files: tuple[str, ...],
    output_format: str,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    sources: tuple[str, ...],
    allowed: tuple[str, ...],
    no_config: bool,
) -> None:
    """Check FILES (maps, globs, or - for standard input) for unsupported claims, unanswered
    objections, circular support, quotes not in their source and other flaws.

    Exit code 0: no finding at or above --fail-on; 1: some; 2: a file could not be read or
    parsed, or a usage error. `argmap explain CODE` says what a finding means.
    """
    try:
        options = _Options(
            SelectionLayer(
                _selectors(select) if select else None, _split(extend_select), _split(ignore)
            ),
            None if fail_on is None else Severity[fail_on.upper()],
            not no_config,
            tuple(_folder(folder) for folder in allowed),
        )
        select_checks([options.layer])
        overrides = parse_source_options(sources)
    except (SelectionError, ValueError) as exc:
        fail(str(exc))
    reader = SourceReader(overrides)
    try:
        run, declared = _check_all(files, options, reader)
    except (ConfigError, SelectionError) as exc:
        fail(str(exc))
    unknown = sorted(set(overrides) - declared)
    if unknown and all(f.status is FileStatus.CHECKED for f in run.files):
        # A usage error, known only once every map is read: the output says so too.
        run = dataclasses.replace(run, exit_code=EXIT_ERROR)
        click.echo(f"argmap: error: {_unknown_sources(unknown, declared)}", err=True)
    _print(run, output_format)
    raise SystemExit(run.exit_code)


def _folder(path: str) -> str:
    """A folder of ``--allow-source-folder``, checked (raises ValueError)."""
    if not os.path.isdir(path):
        raise ValueError(
            f"--allow-source-folder {path}: there is no such folder "
            "(give a folder that holds source texts)"
        )
    return path


def _selectors(select: Iterable[str]) -> tuple[str, ...]:
    """The codes of ``--select``: at least one, since selecting nothing turns every check off."""
    codes = _split(select)
    if not codes:
        raise ValueError(
            "--select names no check, which would turn every check off; "
            "name the checks to run, e.g. --select S,O (or leave --select out)"
        )
    return codes


def _split(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _check_all(
    files: Sequence[str], options: _Options, reader: SourceReader
) -> tuple[CheckRun, set[str]]:
    """Read, check and collect every input; also the source ids the maps declare."""
    finder = ConfigFinder()
    results: list[FileResult] = []
    diagnostics: list[Diagnostic] = []
    texts: dict[str, str] = {}
    declared: set[str] = set()
    exit_code = EXIT_CLEAN
    for item in read_inputs(files):
        if isinstance(item, InputError):
            results.append(FileResult(item.path, FileStatus.UNREADABLE, item.message))
            exit_code = EXIT_ERROR
            continue
        texts[item.map.path] = item.text
        if not item.ok:
            results.append(FileResult(item.map.path, FileStatus.INVALID))
            diagnostics.extend(item.diagnostics)
            exit_code = EXIT_ERROR
            continue
        results.append(FileResult(item.map.path, FileStatus.CHECKED))
        declared.update(item.map.sources)
        config = finder.for_map(_real_path(item)) if options.use_config else Config()
        found, _ = check_map(item, config, reader, options.layer, options.allowed)
        diagnostics.extend(found)
        threshold = options.fail_on or config.fail_on or DEFAULT_FAIL_ON
        if exit_code == EXIT_CLEAN and any(d.severity >= threshold for d in found):
            exit_code = EXIT_FINDINGS
    diagnostics.sort(key=sort_key)
    return CheckRun(tuple(results), tuple(diagnostics), exit_code, texts), declared


def check_map(
    item: ReadResult,
    config: Config,
    reader: SourceReader,
    layer: SelectionLayer | None = None,
    allowed: tuple[str, ...] = (),
    previous: CheckContext | None = None,
) -> tuple[list[Diagnostic], CheckContext]:
    """The findings of ``argmap check`` on a map read without errors: the reader's warnings
    and the checks that ``config`` (and ``layer``, the command line's) select, suppressions
    applied; and what the checks looked at (see :func:`check_context` for ``previous``)."""
    selection = select_checks([config.layer(), *([layer] if layer is not None else [])])
    ctx, _ = check_context(item, config, reader, allowed, previous)
    return [*item.diagnostics, *run_checks(ctx, selection)], ctx


def check_context(
    item: ReadResult,
    config: Config,
    reader: SourceReader,
    allowed: tuple[str, ...] = (),
    previous: CheckContext | None = None,
) -> tuple[CheckContext, SourceTexts]:
    """What the checks of a map read without errors look at, and the sources it quotes: read
    relative to the map's file, from its folder tree and the folders ``allowed`` on the
    command line or in ``config``. ``previous``: the context of an earlier version of the
    map, whose analyses and labels are reused when the argument did not change."""
    texts = reader.read(item.map, _real_path(item), (*allowed, *config.allow_source_folders))
    kept = previous if previous is not None and same_argument(previous.map, item.map) else None
    ctx = CheckContext(
        item.map,
        kept.analysis if kept is not None else analyze(item.map),
        sources=texts.texts,
        source_problems=texts.problems,
        source_paths=texts.paths,
        source_overrides=frozenset(texts.overridden),
        options=config.options,
        labels=kept.labelling if kept is not None else None,
    )
    return ctx, texts


def _real_path(item: ReadResult) -> str | None:
    return None if item.map.path == "<stdin>" else item.map.path


def _print(run: CheckRun, output_format: str) -> None:
    for result in run.files:
        if result.status is FileStatus.UNREADABLE:
            click.echo(f"{result.path}: error: {result.message}", err=True)
    # The machine formats are imported only when asked for: the human one is the usual.
    if output_format == "json":
        from argmap.report.json_format import format_json

        click.echo(format_json(run), nl=False)
    elif output_format == "sarif":
        from argmap.report.sarif import format_sarif

        click.echo(format_sarif(run, all_rules()), nl=False)
    elif output_format == "github":
        from argmap.report.github import format_github

        click.echo(format_github(run), nl=False)
    else:
        click.echo(format_human(run.diagnostics, run.texts), nl=False)
        click.echo(_summary(run))


def _summary(run: CheckRun) -> str:
    """``Found 2 errors and 1 warning in 3 files; 1 file could not be read.``"""
    counts = [
        count(run.count(Severity.ERROR), "error"),
        count(run.count(Severity.WARNING), "warning"),
        count(run.count(Severity.INFO), "info finding"),
    ]
    shown = [c for c in counts if not c.startswith("0 ")]
    statuses = Counter(f.status for f in run.files)
    parts = []
    read = len(run.files) - statuses[FileStatus.UNREADABLE]
    if read:
        files = count(read, "file")
        if shown:
            listed = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]
            parts.append(f"Found {listed} in {files}")
        else:
            parts.append(f"No findings in {files}")
    invalid = statuses[FileStatus.INVALID]
    if invalid:
        were = "it was" if invalid == 1 else "they were"
        parts.append(
            f"{count(invalid, 'file')} could not be parsed, so {were} not checked "
            "(see the errors above)"
        )
    unreadable = statuses[FileStatus.UNREADABLE]
    if unreadable:
        parts.append(f"{count(unreadable, 'file')} could not be read")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "."


def _unknown_sources(unknown: Sequence[str], declared: set[str]) -> str:
    parts = []
    for id in unknown:
        close = difflib.get_close_matches(id, sorted(declared), n=1)
        hint = f' (did you mean "{close[0]}"?)' if close else ""
        parts.append(f'--source {id}: no map declares a source "{id}"{hint}')
    return "; ".join(parts)
