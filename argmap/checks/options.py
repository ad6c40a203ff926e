"""Options of checks: each check declares the settings it reads from ``[tool.argmap.CODE]``.

A check lists its :class:`Option` objects in ``options``; the configuration reader accepts
exactly those keys, with values of the declared type, and ``argmap explain`` documents them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Generic, TypeVar

__all__ = ["Option", "OptionTable", "option_tables", "toml_value", "type_words"]

T = TypeVar("T", bool, int, str)

_SHOWN = 40
"""Longer texts are shortened in messages."""

_TYPE_WORDS = {bool: "true or false", int: "a whole number", str: "a text in quotes"}


@dataclass(frozen=True, slots=True)
class Option(Generic[T]):
    """One setting: its key, its default (whose type every value must have), what it does in
    a few words, and ``shared``, a table shared by a family of checks where it may also be set
    (``"quotes"`` for ``[tool.argmap.quotes]``)."""

    key: str
    default: T
    help: str
    shared: str | None = None

    def accepts(self, value: object) -> bool:
        """True when ``value`` has the option's type (``true`` is not a number, nor 1 a bool)."""
        return type(value) is type(self.default)

    def example(self) -> str:
        """A TOML line that sets the option to its most telling value, with its help."""
        value: object = not self.default if isinstance(self.default, bool) else self.default
        return (
            f"{self.key} = {toml_value(value)}  # {self.help} (default: {toml_value(self.default)})"
        )


@dataclass(frozen=True, slots=True)
class OptionTable:
    """A table of ``[tool.argmap]`` that holds options: ``key`` is the check's code (or the
    shared table's name) under which its values are kept, ``title`` names it in messages."""

    key: str
    title: str
    options: Mapping[str, Option[Any]]


def option_tables(
    checks: Iterable[tuple[str, str, Iterable[Option[Any]]]],
) -> Mapping[str, OptionTable]:
    """The tables ``[tool.argmap]`` may hold, by lower-cased table name.

    ``checks`` gives each check's code, name and options. Every check has a table under its
    code and one under its name (empty for a check without options); an option with a
    ``shared`` table may also be set there.
    """
    tables: dict[str, OptionTable] = {}
    shared: dict[str, dict[str, Option[Any]]] = {}
    for code, name, options in checks:
        own = {o.key: o for o in options}
        table = OptionTable(code, f"{code} ({name})", MappingProxyType(own))
        tables[code.lower()] = tables[name.lower()] = table
        for option in own.values():
            if option.shared is not None:
                shared.setdefault(option.shared, {})[option.key] = option
    for section, members in shared.items():
        title = f"the shared table [tool.argmap.{section}]"
        tables[section.lower()] = OptionTable(section, title, MappingProxyType(members))
    return MappingProxyType(tables)


def type_words(option: Option[Any]) -> str:
    """What a value of the option must be, in words: ``true or false``."""
    return _TYPE_WORDS[type(option.default)]


def toml_value(value: object) -> str:
    """A value as TOML writes it (``true``, ``"no"``, ``3``), or what kind of value it is."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        shown = value if len(value) <= _SHOWN else value[: _SHOWN - 1] + "…"
        return json.dumps(shown, ensure_ascii=False)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return "a date or time"
