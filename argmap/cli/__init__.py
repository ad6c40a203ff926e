"""The ``argmap`` command. Subcommands live in their own modules and load lazily, so that
``argmap --version`` starts fast. This package is the only place that reads files, prints,
and sets the exit code.

Exit codes: 0 clean, 1 findings at or above ``--fail-on``, 2 usage, syntax or I/O errors.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from argmap import __version__

__all__ = ["main"]

_COMMANDS = {
    "parse": ("argmap.cli.parse_cmd", "parse"),
    "check": ("argmap.cli.check_cmd", "check"),
    "explain": ("argmap.cli.explain_cmd", "explain"),
    "label": ("argmap.cli.label_cmd", "label"),
    "render": ("argmap.cli.render_cmd", "render"),
}


class _LazyGroup(click.Group):
    """A group whose subcommands are imported only when they run."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *_COMMANDS})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in _COMMANDS:
            module, attribute = _COMMANDS[name]
            command: click.Command = getattr(importlib.import_module(module), attribute)
            return command
        return super().get_command(ctx, name)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="argmap")
def main(**_: Any) -> None:
    """argmap: write argument maps as text, check them like a linter, draw them with Graphviz."""
