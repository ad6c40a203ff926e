"""The check protocol: what every check declares, and the context it runs in."""

from __future__ import annotations

import inspect
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import ClassVar

from argmap.analysis import Analysis
from argmap.analysis.labelling import Labelling, explain_all, label_map
from argmap.diagnostics import Diagnostic, Related, Severity
from argmap.model import ArgumentMap, Span

__all__ = ["Check", "CheckContext", "RuleInfo"]

_NO_OPTIONS: Mapping[str, object] = MappingProxyType({})


@dataclass(frozen=True)
class CheckContext:
    """Everything a check may read. Not slotted: checks add ``functools.cached_property``
    members for costly shared results (computed once per map, only when a check asks).

    - ``sources``: source id → its full text, read by the CLI;
    - ``source_problems``: source id → why its text could not be read, in plain words;
    - ``source_paths``: source id → the path its text was read from, as shown to the user
      (findings point into the source there);
    - ``options``: per-check options from ``[tool.argmap]``, keyed by a check's code, name or
      a section name (e.g. ``"quotes"``), each value a mapping of option name → value.
    """

    map: ArgumentMap
    analysis: Analysis
    sources: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    source_problems: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    source_paths: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    options: Mapping[str, object] = field(default_factory=lambda: _NO_OPTIONS)

    @cached_property
    def labelling(self) -> Labelling:
        """IN/OUT/UNDEC for every element (computed on first use)."""
        return label_map(self.map)

    @cached_property
    def explanations(self) -> Mapping[str, str]:
        """Why each element has its label, in plain words (computed on first use)."""
        return explain_all(self.map, self.labelling)

    def option(self, sections: Iterable[str], key: str, default: object) -> object:
        """The first value of ``key`` found in the named option sections, else ``default``."""
        for section in sections:
            table = self.options.get(section)
            if isinstance(table, Mapping) and key in table:
                return table[key]
        return default


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What ``argmap explain`` and the SARIF output say about a code."""

    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    default_enabled: bool = True


class Check(ABC):
    """A check: a stable code, a kebab-case name, a default severity and a ``run`` method.

    The docstring of a subclass has the sections "What it does", "Why it matters",
    "Example" and "How to fix"; ``argmap explain CODE`` prints it.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    summary: ClassVar[str]
    default_enabled: ClassVar[bool] = True

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

    def option(self, ctx: CheckContext, key: str, default: object) -> object:
        """An option of this check, from ``[tool.argmap.CODE]`` or ``[tool.argmap.NAME]``."""
        return ctx.option((self.code, self.name), key, default)

    @classmethod
    def info(cls) -> RuleInfo:
        return RuleInfo(
            cls.code,
            cls.name,
            cls.severity,
            cls.summary,
            inspect.cleandoc(cls.__doc__ or cls.summary),
            cls.default_enabled,
        )
