"""The ``argmap`` command. Subcommands live in their own modules and load lazily, so that
``argmap --version`` starts fast. This package is the only place that reads files, prints,
and sets the exit code.

Exit codes: 0 clean, 1 findings at or above ``--fail-on``, 2 usage, syntax or I/O errors.
"""

from __future__ import annotations

import importlib
import os
from typing import Any

import click

from argmap.cli.exitcodes import EXIT_ERROR
from argmap.cli.signals import ending_cleanly_on_sigterm
from argmap.cli.standard_output import StandardOutputError, reporting_failed_writes, stop_writing

__all__ = ["main"]

_COMMANDS = {
    "parse": ("argmap.cli.parse_cmd", "parse"),
    "check": ("argmap.cli.check_cmd", "check"),
    "explain": ("argmap.cli.explain_cmd", "explain"),
    "fmt": ("argmap.cli.fmt_cmd", "fmt"),
    "label": ("argmap.cli.label_cmd", "label"),
    "render": ("argmap.cli.render_cmd", "render"),
    "view": ("argmap.cli.view_cmd", "view"),
    "lsp": ("argmap.cli.lsp_cmd", "lsp"),
    "import": ("argmap.cli.import_cmd", "import_"),
    "export": ("argmap.cli.export_cmd", "export"),
}


class _LazyGroup(click.Group):
    """A group whose subcommands are imported only when they run, and that turns an
    unexpected exception (a bug) into one line and exit code 2 instead of a traceback."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs:  # called in-process with arguments: nothing special
            return super().__call__(*args, **kwargs)
        # argmap as a program (the console script, `python -m argmap`): a SIGTERM ends it as
        # Ctrl-C does, with its temporary files removed and Graphviz ended; standard output
        # that cannot be written is reported, whatever the command.
        with ending_cleanly_on_sigterm(), reporting_failed_writes():
            return super().__call__()

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (
            click.exceptions.Exit,
            click.Abort,
            click.ClickException,
            KeyboardInterrupt,
            StandardOutputError,  # reported where the program ends
        ):
            raise
        except BrokenPipeError:  # the reader of our output went away (| head): stop quietly
            stop_writing()
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
