"""``[tool.argmap]`` settings from a pyproject.toml (pure: the CLI finds and reads the file).

```toml
[tool.argmap]
select = ["S", "O", "C", "Q"]        # replaces the default set of checks
extend-select = ["C402"]             # adds to it
ignore = ["S204"]                    # removes from it
fail-on = "warning"                  # error | warning | info

[tool.argmap.unsupported-claim]      # options of one check, by code or name
ignore-theses = true
```
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from argmap.checks.selection import SelectionLayer
from argmap.diagnostics import Severity

__all__ = ["Config", "ConfigError", "OPTION_SECTIONS", "parse_config", "parse_severity"]

OPTION_SECTIONS = frozenset({"quotes"})
"""Option tables that belong to a family of checks rather than to one check."""

_LISTS = ("select", "extend-select", "ignore")
_KEYS = (*_LISTS, "fail-on")


class ConfigError(ValueError):
    """A setting that cannot be used; the message names the file and says what is wrong."""


@dataclass(frozen=True, slots=True)
class Config:
    """The settings of one pyproject.toml (``origin``), or the empty defaults."""

    origin: str = "the defaults"
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity | None = None
    options: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))

    def layer(self) -> SelectionLayer:
        """This file's check selection, as a layer over the defaults."""
        return SelectionLayer(self.select, self.extend_select, self.ignore, self.origin)


def parse_severity(value: str, where: str) -> Severity:
    """``error``, ``warning`` or ``info`` (any case) as a severity."""
    try:
        return Severity[value.strip().upper()]
    except KeyError:
        raise ConfigError(
            f'{where}: fail-on must be "error", "warning" or "info", not "{value}"'
        ) from None


def parse_config(text: str, origin: str, sections: Collection[str]) -> Config | None:
    """The ``[tool.argmap]`` table of a pyproject.toml, or None when it has none.

    ``sections`` are the names allowed for option tables (check codes and names).
    """
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin} is not valid TOML: {exc}") from None
    table = document.get("tool", {}).get("argmap")
    if table is None:
        return None
    where = f"[tool.argmap] in {origin}"
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table")
    options = {}
    for key, value in table.items():
        if isinstance(value, dict):
            options[_section(key, sections, where)] = MappingProxyType(value)
        elif key not in _KEYS:
            raise ConfigError(f'{where}: unknown setting "{key}"{_close(key, _KEYS)}')
    fail_on = table.get("fail-on")
    if fail_on is not None and not isinstance(fail_on, str):
        raise ConfigError(f'{where}: fail-on must be "error", "warning" or "info"')
    return Config(
        origin=where,
        select=_list(table, "select", where) if "select" in table else None,
        extend_select=_list(table, "extend-select", where),
        ignore=_list(table, "ignore", where),
        fail_on=None if fail_on is None else parse_severity(fail_on, where),
        options=MappingProxyType(options),
    )


def _list(table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f'{where}: {key} must be a list of check codes or names, e.g. ["S201"]')
    return tuple(value)


def _section(key: str, sections: Collection[str], where: str) -> str:
    known = {*sections, *OPTION_SECTIONS}
    if key in known or key.upper() in known:
        return key.upper() if key.upper() in known else key
    raise ConfigError(
        f"{where}: [tool.argmap.{key}] is not a check or an option section{_close(key, known)}"
    )


def _close(word: str, choices: Collection[str]) -> str:
    match = difflib.get_close_matches(word, list(choices), n=1)
    return f' (did you mean "{match[0]}"?)' if match else ""
