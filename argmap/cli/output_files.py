"""Where argmap's commands write (``render``, ``fmt``, ``import``, ``export``): the one way a
file is written, and why it cannot be, in plain words.

Like ``cp``: a read-only file is not replaced, a symbolic link is followed and its target
written, and a special file (a named pipe, ``/dev/null``) is written to, not replaced. A
regular file is written atomically: a failure leaves an existing file as it was. Missing
folders on the way are created.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile

__all__ = [
    "STDOUT",
    "names_a_folder",
    "output_problem",
    "write_file",
    "write_output",
    "write_problem",
]

STDOUT = "-"
_ELSEWHERE = "choose another place with -o"
"""What to do about a file that cannot be written, for the commands that take ``-o``."""


class _ReadOnly(PermissionError):
    """The output file is read-only (found when it is written)."""


def names_a_folder(output: str, several: bool) -> bool:
    """True when ``-o OUTPUT`` means a folder: an existing one, a path ending in ``/``, or any
    path when there are several inputs."""
    return os.path.isdir(output) or output.endswith(("/", os.sep)) or several


def output_problem(path: str) -> str | None:
    """Why ``path`` can be seen not to be writable before anything is made (a file where a
    folder must be, a folder, a read-only file), as a sentence; None when nothing is seen."""
    blocker = _file_in_the_way(path)
    if blocker is not None:
        return _not_a_folder(blocker, path)
    if os.path.isdir(path):
        return _a_folder(path)
    if _read_only(path):
        return _is_read_only(path, path)
    return None


def write_file(path: str, data: bytes, elsewhere: str = _ELSEWHERE) -> str | None:
    """Write ``data`` to ``path`` (``-``: standard output), creating missing folders; None when
    written, else the error line that names the path. ``elsewhere`` says what else the user can
    do (empty for a command that writes files in place). A failure of standard output is
    raised: the program reports it (:mod:`argmap.cli.standard_output`)."""
    if path == STDOUT:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return None
    try:
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        write_output(path, data)
    except OSError as exc:
        return f"{path}: error: {write_problem(path, exc, elsewhere)}"
    return None


def write_output(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` as ``cp`` would: to the target of a symbolic link, through a
    special file, never over a read-only file (:class:`_ReadOnly`) or a folder, else
    atomically."""
    target = os.path.realpath(path)
    try:
        info = os.stat(target)
    except FileNotFoundError:
        _write_atomic(target, data)
        return
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder", path)
    if _read_only(target):
        raise _ReadOnly(errno.EACCES, "read-only file", path)
    if stat.S_ISREG(info.st_mode):
        _write_atomic(target, data)
        return
    with open(target, "wb") as special:  # a named pipe, a device: written to, not replaced
        special.write(data)


def write_problem(path: str, exc: OSError, elsewhere: str = _ELSEWHERE) -> str:
    """Why ``path`` could not be written, in plain words, with what to do about it (the
    message follows the path: ``out/x.svg: error: MESSAGE``)."""
    if isinstance(exc, _ReadOnly):
        return _is_read_only("the file", path, elsewhere)
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return _then("the disk is full: make some room", elsewhere, ", or ")
    if code == errno.EFBIG:
        return _then("the file would be larger than this system allows", elsewhere)
    if code == errno.EISDIR:
        return _a_folder("this", elsewhere)
    if path != STDOUT:
        if code in (errno.EACCES, errno.EPERM):
            return _then(f"no permission to write in {_folder_of(path)}", elsewhere)
        if code == errno.EROFS:
            return _then(f"{_folder_of(path)} is on a read-only disk", elsewhere)
        if code == errno.ENAMETOOLONG:
            return _then("the name is too long for the disk", elsewhere)
        blocker = _file_in_the_way(path)
        if code in (errno.ENOTDIR, errno.EEXIST) and blocker is not None:
            return _not_a_folder(blocker, None, elsewhere)
    reason = (exc.strerror or "unknown error").lower()
    return _then(f"cannot be written ({reason})", elsewhere)


def _then(problem: str, elsewhere: str, joint: str = ": ") -> str:
    return f"{problem}{joint}{elsewhere}" if elsewhere else problem


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


def _not_a_folder(blocker: str, path: str | None, elsewhere: str = _ELSEWHERE) -> str:
    what = "a file, not a folder" if os.path.isfile(blocker) else "not a folder"
    then = f", so {path} cannot be written" if path else ""
    return _then(f"{blocker} is {what}{then}", elsewhere)


def _a_folder(subject: str, elsewhere: str = _ELSEWHERE) -> str:
    return _then(
        f"{subject} is a folder, so it cannot be written over: rename or remove that folder",
        elsewhere,
        ", or ",
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


def _is_read_only(subject: str, path: str, elsewhere: str = _ELSEWHERE) -> str:
    return _then(
        f"{subject} is read-only, so it is not replaced: make it writable (chmod u+w {path})",
        elsewhere,
        " or ",
    )


def _folder_of(path: str) -> str:
    folder = os.path.dirname(path)
    return f"the folder {folder}" if folder else "the current folder"


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _write_atomic(path: str, data: bytes) -> None:
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
