"""Reading the texts of a map's sources: ``--source ID=PATH``, else the ``file`` the map names.

A map is not trusted to name any file: its ``file`` lines must lead (symbolic links resolved)
into the map's own folder or below it, or into a folder the user allows with
``--allow-source-folder`` or ``allow-source-folders`` under ``[tool.argmap]``. Otherwise a map
could make argmap show parts of other files (``/proc/self/environ``) in its findings. A path
given with ``--source`` is the user's own and is read as it is.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from argmap.cli.textfile import Unreadable, path_problem, read_utf8
from argmap.model import ArgumentMap

__all__ = ["SourceReader", "SourceTexts", "parse_source_options"]


class SourceTexts(NamedTuple):
    """For one map: source id → text, → why it could not be read, → the path it came from;
    and the ids whose path was given with ``--source``."""

    texts: dict[str, str]
    problems: dict[str, str]
    paths: dict[str, str]
    overridden: set[str]


def parse_source_options(values: Iterable[str]) -> dict[str, str]:
    """``ID=PATH`` options as source id → path; raises ValueError with a plain-words message
    for a value that is not ``ID=PATH`` or an id given twice."""
    paths: dict[str, str] = {}
    for value in values:
        id, sep, path = value.partition("=")
        id, path = id.strip(), path.strip()
        if not sep or not id or not path:
            raise ValueError(f'--source "{value}" must be ID=PATH, e.g. --source column=column.txt')
        if id in paths:
            raise ValueError(
                f'--source {id} is given twice ("{paths[id]}" and "{path}"); give each source once'
            )
        paths[id] = path
    return paths


class SourceReader:
    """Reads each source file once, however many maps quote it."""

    def __init__(self, overrides: Mapping[str, str]) -> None:
        self.overrides = dict(overrides)
        self._cache: dict[str, str | Unreadable] = {}

    def read(
        self, m: ArgumentMap, map_path: str | None, allowed: Sequence[str] = ()
    ) -> SourceTexts:
        """The texts of ``m``'s sources (none for a source without file or ``--source``).

        A path given with ``--source`` is relative to the working folder; a ``file`` line,
        to the map's folder, and it must lead into that folder or one of the ``allowed`` ones.
        """
        out = SourceTexts({}, {}, {}, set())
        base = Path.cwd() if map_path is None else Path(map_path).parent
        for source in m.sources.values():
            if source.id in self.overrides:
                written = self.overrides[source.id]
                path = written
                out.overridden.add(source.id)
            elif source.file is not None:
                written = source.file
                path = os.path.normpath(base / source.file)
            else:
                continue
            out.paths[source.id] = path
            from_option = source.id in out.overridden
            content = self._load(path) if from_option else self._load_inside(path, base, allowed)
            if isinstance(content, str):
                out.texts[source.id] = content
            else:
                out.problems[source.id] = _problem(source.id, written, path, content, from_option)
        return out

    def _load(self, path: str) -> str | Unreadable:
        key = os.path.abspath(path)
        if key not in self._cache:
            self._cache[key] = read_utf8(path)
        return self._cache[key]

    def _load_inside(self, path: str, base: Path, allowed: Sequence[str]) -> str | Unreadable:
        """The file's text if it is inside ``base`` or an ``allowed`` folder."""
        if path_problem(path):  # os.path.realpath would raise
            return read_utf8(path)
        real = os.path.realpath(path)
        folders = [os.path.realpath(base), *(os.path.realpath(a) for a in allowed)]
        if any(_within(real, folder) for folder in folders):
            return self._load(real)
        return Unreadable(_outside(path, real, folders[0]))


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _outside(path: str, real: str, folder: str) -> str:
    """Why a map may not read ``path``, and how to allow it (completing "the file …")."""
    where = "is" if real == os.path.abspath(path) else f"leads to {real},"
    parent = os.path.dirname(real)
    return (
        f"{where} outside the map's folder {folder}: a map may read only files in its own "
        f"folder and below; to allow it, run argmap check with --allow-source-folder {parent}, "
        f'or add "{parent}" to allow-source-folders under [tool.argmap] in pyproject.toml'
    )


def _problem(id: str, written: str, path: str, problem: Unreadable, from_option: bool) -> str:
    """``the file "X" named under source "s" (looked for at /abs/X) does not exist``."""
    origin = f"given with --source {id}" if from_option else f'named under source "{id}"'
    looked = os.path.abspath(path)
    where = "" if looked == written else f" (looked for at {looked})"
    return f'the file "{written}" {origin}{where} {problem.reason}'
