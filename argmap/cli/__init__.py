"""The ``argmap`` command. Subcommands live in their own modules and load lazily, so that
``argmap --version`` starts fast. This package is the only place that reads files, prints,
and sets the exit code.

Exit codes: 0 clean, 1 findings at or above ``--fail-on``, 2 usage, syntax or I/O errors.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from argmap.cli.exitcodes import EXIT_ERROR
from argmap.cli.signals import ending_cleanly_on_sigterm

__all__ = ["main"]

_COMMANDS = {
    "parse": ("argmap.cli.parse_cmd", "parse"),
    "check": ("argmap.cli.check_cmd", "check"),
    "explain": ("argmap.cli.explain_cmd", "explain"),
    "label": ("argmap.cli.label_cmd", "label"),
    "render": ("argmap.cli.render_cmd", "render"),
}


class _LazyGroup(click.Group):
    """A group whose subcommands are imported only when they run, and that turns an
    unexpected exception (a bug) into one line and exit code 2 instead of a traceback."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs:  # called in-process with arguments: nothing special
            return super().__call__(*args, **kwargs)
        # argmap as a program (the console script, `python -m argmap`): it reads sys.argv
        # and ends the process. The cycle collector stays off from here to the end, and what
        # is left at the end is frozen: the interpreter's last collections at exit would
        # otherwise scan every object still alive (the imported modules, the grammar, the
        # map), 10-15 ms of every command. The memory goes back to the system with the process.
        collecting = gc.isenabled()
        gc.disable()
        # lark imports interegular, when it is installed, only to warn (through its logger,
        # which is silenced) about terminals that may collide when it analyses a grammar: it
        # does that once per grammar version, then loads its analysis from argmap's cache.
        # The import costs 5 ms of every command (and the warnings 0.2 s of the analysis).
        # (None in sys.modules: an import of it raises ImportError, as if it were absent.)
        sys.modules.setdefault("interegular", None)  # type: ignore[arg-type]
        try:
            with ending_cleanly_on_sigterm():
                return super().__call__()
        finally:
            gc.freeze()
            if collecting:  # for a caller that catches the SystemExit
                gc.enable()

    def invoke(self, ctx: click.Context) -> Any:
        try:
            with _no_cycle_collection():
                return super().invoke(ctx)
        except (click.exceptions.Exit, click.Abort, click.ClickException, KeyboardInterrupt):
            raise
        except BrokenPipeError:  # the reader of our output went away (| head): stop quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise SystemExit(EXIT_ERROR) from None
        except Exception as exc:
            if os.environ.get("ARGMAP_DEBUG"):
                raise
            click.echo(
                f"argmap: internal error: {type(exc).__name__}: {exc}\n"
                "This is a bug in argmap: please report it with the input that caused it "
                "(ARGMAP_DEBUG=1 shows the details).",
                err=True,
            )
            raise SystemExit(EXIT_ERROR) from None

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *_COMMANDS})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in _COMMANDS:
            module, attribute = _COMMANDS[name]
            command: click.Command = getattr(importlib.import_module(module), attribute)
            return command
        return super().get_command(ctx, name)


def _show_version(ctx: click.Context, _: click.Parameter, value: bool) -> None:
    # Like click.version_option, but reads the version only when it is asked for.
    if value and not ctx.resilient_parsing:
        import argmap

        click.echo(f"argmap, version {argmap.__version__}")
        ctx.exit()


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "-V",
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_show_version,
    help="Show the version and exit.",
)
def main(**_: Any) -> None:
    """argmap: write argument maps as text, check them like a linter, draw them with Graphviz."""


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The cycle collector is off while a command runs, from the import of its module on.
    Reading a large map makes hundreds of thousands of objects and next to no reference
    cycles, so the collector would only scan them again and again: 0.2 s of the 1.6 s of
    checking 10 000 statements, and 5-10 ms of the imports of any command. Memory is still
    freed as usual (by reference counting)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
