"""Finding and reading the ``[tool.argmap]`` settings that apply to a map."""

from __future__ import annotations

from pathlib import Path

from argmap.checks import option_tables_of_checks
from argmap.cli.config import Config, ConfigError, parse_config
from argmap.cli.textfile import Unreadable, read_utf8

__all__ = ["ConfigError", "ConfigFinder", "settings_files"]


class ConfigFinder:
    """The nearest pyproject.toml with ``[tool.argmap]`` above each map, cached by folder."""

    def __init__(self) -> None:
        self._by_folder: dict[Path, Config] = {}
        self._tables = option_tables_of_checks()

    def for_map(self, map_path: str | None) -> Config:
        """The settings for a map file (``None``: standard input, searched from the working folder).

        Raises :class:`ConfigError` for a pyproject.toml that cannot be used.
        """
        visited: list[Path] = []
        config = Config()
        for folder in _folders(map_path):
            if folder in self._by_folder:
                config = self._by_folder[folder]
                break
            visited.append(folder)
            found = self._read(folder / "pyproject.toml")
            if found is not None:
                config = found
                break
        for folder in visited:
            self._by_folder[folder] = config
        return config

    def _read(self, path: Path) -> Config | None:
        text = read_utf8(path)
        if isinstance(text, Unreadable):
            if text.missing:
                return None
            raise ConfigError(f"the settings file {path} {text.reason}")
        return parse_config(text, str(path), self._tables)


def settings_files(map_path: str | None) -> tuple[str, ...]:
    """The files a map's settings may come from: ``pyproject.toml`` in its folder and each
    folder above it (a change in any of them may change the settings)."""
    return tuple(str(folder / "pyproject.toml") for folder in _folders(map_path))


def _folders(map_path: str | None) -> tuple[Path, ...]:
    """Where the settings of a map are looked for, nearest first."""
    start = Path.cwd() if map_path is None else Path(map_path).resolve().parent
    return (start, *start.parents)
