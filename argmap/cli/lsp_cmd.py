"""``argmap lsp``: the language server, for editors (needs the ``lsp`` extra)."""

from __future__ import annotations

import gc

import click

from argmap.cli.inputs import fail

__all__ = ["lsp"]


@click.command()
def lsp() -> None:
    """Run the language server on standard input and output, for an editor to start.

    It reports the findings of `argmap check` as you type, and offers hover (with labels and
    why), go to definition, references, rename, outline, completion, quick fixes and semantic
    colouring. Needs the lsp extra: pip install 'argmap[lsp]'. See docs/editors.md.
    """
    try:
        from argmap.cli.lsp_server import serve
    except ImportError as exc:
        fail(
            f"argmap lsp needs the lsp extra ({exc.name} is not installed): "
            "pip install 'argmap[lsp]'"
        )
        return
    # A server runs for hours: unlike a one-off command, it needs the cycle collector.
    gc.enable()
    serve()
