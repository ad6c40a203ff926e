"""What the language server answers (pure): each module takes a :class:`MapDocument`, one
version of a map open in an editor, and returns LSP data. ``argmap lsp``
(:mod:`argmap.cli.lsp_server`) talks to the editor and reads the files."""
