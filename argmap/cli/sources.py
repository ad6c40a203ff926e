"""Reading the texts of a map's sources: ``--source ID=PATH``, else the ``file`` the map names."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from argmap.model import ArgumentMap

__all__ = ["SourceReader", "SourceTexts", "parse_source_option"]


@dataclass(frozen=True, slots=True)
class SourceTexts:
    """For one map: source id → text, → why it could not be read, → the path it came from."""

    texts: dict[str, str] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)


def parse_source_option(value: str) -> tuple[str, str]:
    """``ID=PATH`` as a pair; raises ValueError with a plain-words message."""
    id, sep, path = value.partition("=")
    if not sep or not id.strip() or not path.strip():
        raise ValueError(f'--source "{value}" must be ID=PATH, e.g. --source column=column.txt')
    return id.strip(), path.strip()


class SourceReader:
    """Reads each source file once, however many maps quote it."""

    def __init__(self, overrides: Mapping[str, str]) -> None:
        self.overrides = dict(overrides)
        self._cache: dict[str, str | OSError | UnicodeDecodeError] = {}

    def read(self, m: ArgumentMap, map_path: str | None) -> SourceTexts:
        """The texts of ``m``'s sources (none for a source without file or ``--source``)."""
        out = SourceTexts()
        base = Path.cwd() if map_path is None else Path(map_path).parent
        for source in m.sources.values():
            if source.id in self.overrides:
                path, origin = self.overrides[source.id], f"--source {source.id}"
            elif source.file is not None:
                path, origin = os.path.normpath(base / source.file), f'source "{source.id}"'
            else:
                continue
            out.paths[source.id] = path
            content = self._load(path)
            if isinstance(content, str):
                out.texts[source.id] = content
            else:
                out.problems[source.id] = _problem(path, origin, content)
        return out

    def _load(self, path: str) -> str | OSError | UnicodeDecodeError:
        key = os.path.abspath(path)
        if key not in self._cache:
            try:
                with open(path, encoding="utf-8") as handle:
                    self._cache[key] = handle.read().removeprefix("\ufeff")
            except (OSError, UnicodeDecodeError) as exc:
                self._cache[key] = exc
        return self._cache[key]


def _problem(path: str, origin: str, error: OSError | UnicodeDecodeError) -> str:
    if isinstance(error, UnicodeDecodeError):
        return f'the file "{path}" given by {origin} is not UTF-8 text; save it as UTF-8'
    if isinstance(error, FileNotFoundError):
        return f'the file "{path}" given by {origin} does not exist'
    if isinstance(error, IsADirectoryError):
        return f'"{path}" given by {origin} is a folder, not a text file'
    if isinstance(error, PermissionError):
        return f'the file "{path}" given by {origin} cannot be read: permission denied'
    return f'the file "{path}" given by {origin} cannot be read: {error.strerror or error}'
