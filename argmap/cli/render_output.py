"""Where ``argmap render`` writes: choosing output paths and formats, checking them before
anything is drawn, writing, and saying in plain words why a file cannot be written.

Like ``cp``: a read-only file is not replaced, a symbolic link is followed and its target
written, and a special file (a named pipe, ``/dev/null``) is written to, not replaced. A
regular file is written atomically: a failure leaves an existing file as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "FORMATS",
    "STDOUT",
    "Job",
    "OutputError",
    "plan",
    "write_atomic",
    "write_output",
    "write_problem",
]

STDOUT = "-"
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


def _is_folder(output: str, several: bool) -> bool:
    return os.path.isdir(output) or output.endswith(("/", os.sep)) or several


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
    if output is not None and not _is_folder(output, several):
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
        blocker = _file_in_the_way(job.output)
        if blocker is not None:
            raise OutputError(_not_a_folder(blocker, job.output))
        if os.path.isdir(job.output):
            raise OutputError(_a_folder(job.output))
        if _read_only(job.output):
            raise OutputError(_is_read_only(job.output))
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


def _file_in_the_way(path: str) -> str | None:
    """The nearest existing path above ``path`` when it is not a folder (``ok.arg`` for
    ``ok.arg/x.svg``); ``None`` when the folders on the way exist or can be created."""
    folder = os.path.dirname(path)
    while folder and not os.path.lexists(folder):
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent
    return folder if folder and not os.path.isdir(folder) else None


def _not_a_folder(blocker: str, path: str | None = None) -> str:
    what = "a file, not a folder" if os.path.isfile(blocker) else "not a folder"
    then = f", so {path} cannot be written" if path else ""
    return f"{blocker} is {what}{then}: choose another place with -o"


def _a_folder(path: str | None = None) -> str:
    return (
        f"{path or 'this'} is a folder, so the drawing cannot be written over it: "
        "rename or remove that folder, or choose another place with -o"
    )


def _read_only(path: str) -> bool:
    """True for an existing regular file that may not be written: not by this user, or (as
    ``cp`` would find for anyone but the superuser) by no one."""
    try:
        info = os.stat(path)
    except OSError:
        return False
    writable = info.st_mode & 0o222 and os.access(path, os.W_OK)
    return stat.S_ISREG(info.st_mode) and not writable


def _is_read_only(path: str) -> str:
    return (
        f"{path} is read-only, so it is not replaced: make it writable (chmod u+w {path}) "
        "or choose another place with -o"
    )


class ReadOnly(PermissionError):
    """The output file is read-only (found when it is written)."""


def _folder_of(path: str) -> str:
    folder = os.path.dirname(path)
    return f"the folder {folder}" if folder else "the current folder"


def write_problem(path: str, exc: OSError) -> str:
    """Why ``path`` could not be written, in plain words, with what to do about it (the
    message follows the path: ``out/x.svg: error: MESSAGE``)."""
    if isinstance(exc, ReadOnly):
        return _is_read_only(path).removeprefix(f"{path} ")
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM):
        return f"no permission to write in {_folder_of(path)}: choose another place with -o"
    if code == errno.EROFS:
        return f"{_folder_of(path)} is on a read-only disk: choose another place with -o"
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "the disk is full: make some room, or choose another place with -o"
    if code == errno.ENAMETOOLONG:
        return "the name is too long for the disk: choose a shorter one with -o"
    if code == errno.EISDIR:
        return _a_folder()
    blocker = _file_in_the_way(path)
    if code in (errno.ENOTDIR, errno.EEXIST) and blocker is not None:
        return _not_a_folder(blocker)
    reason = (exc.strerror or "unknown error").lower()
    return f"the file cannot be written here ({reason}): choose another place with -o"


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_output(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` as ``cp`` would: to the target of a symbolic link, through a
    special file, never over a read-only file (:class:`ReadOnly`), else atomically."""
    target = os.path.realpath(path)
    try:
        info = os.stat(target)
    except FileNotFoundError:
        write_atomic(target, data)
        return
    if _read_only(target):
        raise ReadOnly(errno.EACCES, "read-only file", path)
    if stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode):
        write_atomic(target, data)
        return
    with open(target, "wb") as special:  # a named pipe, a device: written to, not replaced
        special.write(data)


def write_atomic(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` all at once: through a temporary file in the same folder that
    replaces ``path`` only when complete, so a failure leaves an existing file untouched."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = _new_file_mode()
    handle, temporary = tempfile.mkstemp(
        dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
