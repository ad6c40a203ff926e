"""The check protocol: what every check declares, and the context it runs in."""

from __future__ import annotations

import inspect
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Any, ClassVar, TypeVar

from argmap.analysis import Analysis
from argmap.analysis.labelling import Labelling, label_map
from argmap.analysis.why import Explanations
from argmap.checks.options import Option
from argmap.diagnostics import Diagnostic, Related, Severity
from argmap.model import ArgumentMap, Span

__all__ = ["Check", "CheckContext", "RuleInfo"]

T = TypeVar("T", bool, int, str)

_NO_OPTIONS: Mapping[str, object] = MappingProxyType({})


@dataclass(frozen=True)
class CheckContext:
    """Everything a check may read. Not slotted: checks add ``functools.cached_property``
    members for costly shared results (computed once per map, only when a check asks).

    - ``sources``: source id → its full text, read by the CLI;
    - ``source_problems``: source id → why its text could not be read, in plain words;
    - ``source_paths``: source id → the path its text was read from, as shown to the user
      (findings point into the source there);
    - ``source_overrides``: the source ids whose text was named with ``--source ID=PATH``
      rather than by the map's ``file`` line;
    - ``options``: option values from ``[tool.argmap]``, keyed by a check's code or name or a
      shared table's name (e.g. ``"quotes"``), each a mapping of option key → value (checked
      against the declared :class:`~argmap.checks.options.Option` when the settings are read);
    - ``labels``: the labels, when they are known already (those of a map with the same
      argument, :func:`~argmap.analysis.same_argument`); otherwise they are worked out.
    """

    map: ArgumentMap
    analysis: Analysis
    sources: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    source_problems: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    source_paths: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    source_overrides: frozenset[str] = frozenset()
    options: Mapping[str, object] = field(default_factory=lambda: _NO_OPTIONS)
    labels: Labelling | None = None

    @cached_property
    def labelling(self) -> Labelling:
        """IN/OUT/UNDEC for every element (computed on first use)."""
        if self.labels is not None:
            return self.labels
        return label_map(self.map, self.analysis.index)

    @cached_property
    def explanations(self) -> Explanations:
        """Why each element has its label, in plain words (each worked out on first use)."""
        return Explanations(self.map, self.labelling)


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What ``argmap explain`` and the SARIF output say about a code."""

    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    default_enabled: bool = True
    options: tuple[Option[Any], ...] = ()


class Check(ABC):
    """A check: a stable code, a kebab-case name, a default severity and a ``run`` method.

    The docstring of a subclass has the sections "What it does", "Why it matters",
    "Example" and "How to fix"; ``argmap explain CODE`` prints it, followed by an "Options"
    section made from ``options``, the settings the check reads (see :meth:`setting`).
    Lines indented deeper than a section's text are an example: a whole map, or a command.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    summary: ClassVar[str]
    default_enabled: ClassVar[bool] = True
    options: ClassVar[tuple[Option[Any], ...]] = ()

    @abstractmethod
    def run(self, ctx: CheckContext) -> Iterable[Diagnostic]:
        """The findings of this check on one map."""

    def finding(
        self,
        message: str,
        span: Span,
        subject: str | None = None,
        related: Iterable[Related] = (),
        hint: str | None = None,
    ) -> Diagnostic:
        """A diagnostic with this check's code, name and severity."""
        return Diagnostic(
            self.code, self.name, self.severity, message, span, tuple(related), hint, subject
        )

    def setting(self, ctx: CheckContext, option: Option[T]) -> T:
        """The value of one of this check's ``options``: from ``[tool.argmap.CODE]``, else
        ``[tool.argmap.NAME]``, else its shared table, else its default."""
        if option not in self.options:
            raise ValueError(f"{self.code} does not declare the option {option.key}")
        for table in (self.code, self.name, option.shared):
            values = ctx.options.get(table) if table is not None else None
            if isinstance(values, Mapping) and option.key in values:
                value = values[option.key]
                if not option.accepts(value):
                    raise TypeError(f"{self.code} option {option.key}: {value!r}")
                return value  # type: ignore[no-any-return]
        return option.default

    @classmethod
    def info(cls) -> RuleInfo:
        """What explain and SARIF say about this check: its docstring and its options."""
        doc = inspect.cleandoc(cls.__doc__ or cls.summary)
        if cls.options:
            doc += "\n\n" + _options_section(cls.code, cls.name, cls.options)
        return RuleInfo(
            cls.code, cls.name, cls.severity, cls.summary, doc, cls.default_enabled, cls.options
        )


def _options_section(code: str, name: str, options: Iterable[Option[Any]]) -> str:
    """The "Options" section of a check's doc: a pyproject.toml snippet that sets each one."""
    lines = ["Options", "    In pyproject.toml (every option may be left out):", ""]
    by_table: dict[str, list[Option[Any]]] = {}
    for option in options:
        by_table.setdefault(option.shared or name, []).append(option)
    for table, members in by_table.items():
        lines.append(f"        [tool.argmap.{table}]")
        lines += [f"        {option.example()}" for option in members]
    others = " or ".join(f"[tool.argmap.{t}]" for t in (code, name) if t not in by_table)
    lines += ["", f"    The options may also be set under {others}."]
    return "\n".join(lines)
