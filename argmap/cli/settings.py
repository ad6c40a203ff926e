"""Finding and reading the ``[tool.argmap]`` settings that apply to a map."""

from __future__ import annotations

from pathlib import Path

from argmap.checks import all_rules
from argmap.config import Config, ConfigError, parse_config

__all__ = ["ConfigError", "ConfigFinder"]


class ConfigFinder:
    """The nearest pyproject.toml with ``[tool.argmap]`` above each map, cached by folder."""

    def __init__(self) -> None:
        self._by_folder: dict[Path, Config] = {}
        rules = all_rules().values()
        self._sections = frozenset({r.code for r in rules} | {r.name for r in rules})

    def for_map(self, map_path: str | None) -> Config:
        """The settings for a map file (``None``: standard input, searched from the working folder).

        Raises :class:`ConfigError` for a pyproject.toml that cannot be used.
        """
        start = Path.cwd() if map_path is None else Path(map_path).resolve().parent
        visited: list[Path] = []
        config = Config()
        for folder in (start, *start.parents):
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
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path} cannot be read: {exc}") from None
        return parse_config(text, str(path), self._sections)
