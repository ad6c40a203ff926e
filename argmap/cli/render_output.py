"""Where ``argmap render`` writes: choosing output paths and formats, and checking them before
anything is drawn (the writing itself is :mod:`argmap.cli.output_files`)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from argmap.cli.output_files import STDOUT, names_a_folder, output_problem

__all__ = ["FORMATS", "STDOUT", "Job", "OutputError", "plan"]

FORMATS = ("svg", "png", "pdf", "dot", "html")
_EXTENSIONS = {
    ".svg": "svg",
    ".png": "png",
    ".pdf": "pdf",
    ".dot": "dot",
    ".gv": "dot",
    ".html": "html",
    ".htm": "html",
}


class OutputError(ValueError):
    """The output options do not fit together; the message says how to fix them."""


@dataclass(frozen=True, slots=True)
class Job:
    """One map to draw: the input path (``-`` for stdin), where to write it, in what format."""

    source: str
    output: str
    format: str


def _format_of(path: str) -> str | None:
    return _EXTENSIONS.get(Path(path).suffix.lower())


def _stem(source: str) -> str:
    return "stdin" if source == STDOUT else Path(source).stem


def plan(sources: list[str], output: str | None, format: str | None) -> list[Job]:
    """The jobs for ``argmap render SOURCES [-o OUTPUT] [-f FORMAT]``.

    Without ``-o`` each map is written beside itself (standard input goes to standard output);
    ``-o -`` is standard output; ``-o FOLDER`` (an existing folder, a path ending in ``/``, or
    any path when there are several maps) gets one file per map. The format is ``-f``, else the
    output's extension, else SVG.
    """
    several = len(sources) > 1
    if output == "":
        raise OutputError("-o needs a file or folder name, or - for standard output")
    if output == STDOUT:
        if several:
            raise OutputError("-o - writes one map to standard output; give one map, or a folder")
        return [Job(sources[0], STDOUT, format or "svg")]
    if output is not None and not names_a_folder(output, several):
        implied = _format_of(output)
        if format and implied and format != implied:
            raise OutputError(
                f"{output} ends in {Path(output).suffix} but the format is {format}: "
                "change the file name or -f"
            )
        if not (format or implied):
            raise OutputError(
                f"cannot tell the format of {output}: end the name in .svg, .png, .pdf, .dot "
                "or .html, or give -f"
            )
        return _checked([Job(sources[0], output, format or implied or "svg")])
    if output is not None and several and os.path.lexists(output) and not os.path.isdir(output):
        raise OutputError(
            f"with several maps, -o must name a folder, and {output} is a file: "
            "name a folder (it is created if needed), or draw the maps one at a time"
        )
    if output is not None and _format_of(output) and not os.path.isdir(output):
        raise OutputError(
            f"with several maps, -o must name a folder, not the file {output}: "
            "name a folder (it is created if needed), or draw the maps one at a time"
        )
    chosen = format or "svg"
    jobs = []
    for source in sources:
        if output is None:
            target = STDOUT if source == STDOUT else str(Path(source).with_suffix(f".{chosen}"))
        else:
            target = os.path.join(output, f"{_stem(source)}.{chosen}")
        jobs.append(Job(source, target, chosen))
    return _checked(jobs)


def _checked(jobs: list[Job]) -> list[Job]:
    """Refuse plans that would overwrite a map, write two maps to one file, write over a
    folder, or write into a "folder" that is a file."""
    inputs = {os.path.realpath(j.source) for j in jobs if j.source != STDOUT}
    seen: dict[str, str] = {}
    for job in jobs:
        if job.output == STDOUT:
            continue
        problem = output_problem(job.output)
        if problem is not None:
            raise OutputError(problem)
        real = os.path.realpath(job.output)
        if real in inputs:
            raise OutputError(f"{job.output} is one of the maps: it will not be overwritten")
        if real in seen:
            raise OutputError(
                f"{seen[real]} and {job.source} would both be written to {job.output}: "
                "render them separately or rename one"
            )
        seen[real] = job.source
    return jobs
