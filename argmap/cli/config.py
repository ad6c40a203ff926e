"""``[tool.argmap]`` settings from a pyproject.toml (pure: the CLI finds and reads the file).

```toml
[tool.argmap]
select = ["S", "O", "C", "Q"]        # replaces the default set of checks
extend-select = ["C402"]             # adds to it
ignore = ["S204"]                    # removes from it
fail-on = "warning"                  # error | warning | info
allow-source-folders = ["../texts"]  # where maps may read source files, besides their folder

[tool.argmap.unsupported-claim]      # options of one check, by code or name
ignore-theses = true
```

Every key, table and value is checked: anything argmap would not use is an error that names
the file and the key, never silently ignored.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from argmap.checks.options import OptionTable, toml_value, type_words
from argmap.checks.selection import SelectionLayer
from argmap.cli.textfile import path_problem
from argmap.diagnostics import Severity

__all__ = ["Config", "ConfigError", "parse_config", "parse_severity"]

_LISTS = ("select", "extend-select", "ignore")
_FOLDERS = "allow-source-folders"
_KEYS = (*_LISTS, "fail-on", _FOLDERS)
_SEVERITY_WORDS = '"error", "warning" or "info"'


class ConfigError(ValueError):
    """A setting that cannot be used; the message names the file and says what is wrong."""


@dataclass(frozen=True, slots=True)
class Config:
    """The settings of one pyproject.toml (``origin``), or the empty defaults.

    ``options`` holds the option values by check code (or shared table name), each already
    checked against what the check declares. ``allow_source_folders`` are the folders, besides
    its own, from which a map may read source files (joined to the settings file's folder).
    """

    origin: str = "the defaults"
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity | None = None
    allow_source_folders: tuple[str, ...] = ()
    options: Mapping[str, Mapping[str, object]] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def layer(self) -> SelectionLayer:
        """This file's check selection, as a layer over the defaults."""
        return SelectionLayer(self.select, self.extend_select, self.ignore, self.origin)


def parse_severity(value: str, where: str) -> Severity:
    """``error``, ``warning`` or ``info`` (any case) as a severity."""
    try:
        return Severity[value.strip().upper()]
    except KeyError:
        raise ConfigError(f'{where}: fail-on must be {_SEVERITY_WORDS}, not "{value}"') from None


def parse_config(text: str, origin: str, tables: Mapping[str, OptionTable]) -> Config | None:
    """The ``[tool.argmap]`` table of a pyproject.toml, or None when it has none.

    ``tables`` are the option tables it may hold, by lower-cased name (see
    :func:`argmap.checks.option_tables_of_checks`). Raises :class:`ConfigError`.
    """
    import tomllib  # here: most maps have no pyproject.toml above them

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin} is not valid TOML: {exc}") from None
    tool = document.get("tool")
    if tool is None:
        return None
    if not isinstance(tool, dict):
        raise ConfigError(
            f'{origin}: "tool" must be a table ([tool.argmap] goes under it), '
            f"not {toml_value(tool)}"
        )
    table = tool.get("argmap")
    if table is None:
        return None
    where = f"[tool.argmap] in {origin}"
    if not isinstance(table, dict):
        raise ConfigError(f'{origin}: "tool.argmap" must be a table, not {toml_value(table)}')
    options: dict[str, dict[str, tuple[object, str]]] = {}
    for key, value in table.items():
        if key in _KEYS:
            continue
        if key.lower() not in tables:
            if isinstance(value, dict):
                raise ConfigError(
                    f"{where}: [tool.argmap.{key}] is not a check (code or name) or a shared "
                    f"table of options{_close(key, list(tables))}"
                )
            raise ConfigError(f'{where}: unknown setting "{key}"{_close(key, [*_KEYS, *tables])}')
        if not isinstance(value, dict):
            raise ConfigError(
                f"{where}: {key} must be a table of options, [tool.argmap.{key}], "
                f"not {toml_value(value)}"
            )
        _options(tables[key.lower()], key, value, origin, options)
    return Config(
        origin=where,
        select=_list(table, "select", where) if "select" in table else None,
        extend_select=_list(table, "extend-select", where),
        ignore=_list(table, "ignore", where),
        fail_on=_fail_on(table, where),
        allow_source_folders=_folders(table, where, os.path.dirname(origin)),
        options=MappingProxyType(
            {
                k: MappingProxyType({key: v for key, (v, _) in kept.items()})
                for k, kept in options.items()
            }
        ),
    )


def _fail_on(table: Mapping[str, Any], where: str) -> Severity | None:
    value = table.get("fail-on")
    if value is None:
        return None
    if not isinstance(value, str):
        raise ConfigError(f"{where}: fail-on must be {_SEVERITY_WORDS}, not {toml_value(value)}")
    return parse_severity(value, where)


def _folders(table: Mapping[str, Any], where: str, base: str) -> tuple[str, ...]:
    value = table.get(_FOLDERS, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(
            f"{where}: {_FOLDERS} must be a list of folders (paths from the folder of the "
            'settings file), e.g. ["../texts"]'
        )
    for folder in value:
        problem = path_problem(folder)
        if problem:
            raise ConfigError(f'{where}: {_FOLDERS}: "{folder}" {problem}')
    return tuple(os.path.normpath(os.path.join(base, folder)) for folder in value)


def _list(table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f'{where}: {key} must be a list of check codes or names, e.g. ["S201"]')
    if key == "select" and not any(v.strip() for v in value):
        raise ConfigError(
            f"{where}: select is empty, which would turn every check off; "
            'name the checks to run, e.g. select = ["S", "O"]'
        )
    return tuple(value)


def _options(
    table: OptionTable,
    name: str,
    values: Mapping[str, Any],
    origin: str,
    into: dict[str, dict[str, tuple[object, str]]],
) -> None:
    """Check the values of ``[tool.argmap.NAME]`` and add them, with the name of the table
    that sets them, to ``into[table.key]``."""
    where = f"[tool.argmap.{name}] in {origin}"
    kept = into.setdefault(table.key, {})
    for key, value in values.items():
        option = table.options.get(key)
        if option is None:
            if not table.options:
                raise ConfigError(f'{where}: unknown option "{key}": {table.title} has no options')
            listed = ", ".join(table.options)
            raise ConfigError(
                f'{where}: unknown option "{key}"{_close(key, table.options)}; '
                f"the options of {table.title} are: {listed}"
            )
        if not option.accepts(value):
            raise ConfigError(
                f"{where}: {key} must be {type_words(option)}, not {toml_value(value)}"
            )
        if key in kept:
            raise ConfigError(
                f"{where}: {key} is set twice for {table.title}: "
                f"under [tool.argmap.{kept[key][1]}] too; keep one"
            )
        kept[key] = (value, name)


def _close(word: str, choices: Collection[str]) -> str:
    match = difflib.get_close_matches(word, list(choices), n=1)
    return f' (did you mean "{match[0]}"?)' if match else ""
