"""The language server of ``argmap lsp``: pygls on standard input and output.

Diagnostics are those of ``argmap check`` (the same settings, sources and suppressions),
published a short while after the editor's last change (``debounce``, in milliseconds, may be
set in the client's ``initializationOptions``; default 200), and again when a
``pyproject.toml`` or a source text the open maps quote changes, where the editor can watch
files for the server. The answers to
the editor's questions come from :mod:`argmap.lsp`; this module reads the files (settings,
sources, the map's bytes on disk) and talks to the editor.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
from collections.abc import Collection
from pathlib import Path

from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from argmap import __version__
from argmap.checks import CheckContext, SelectionError
from argmap.cli.check_cmd import check_map
from argmap.cli.settings import ConfigError, ConfigFinder
from argmap.cli.sources import SourceReader
from argmap.lsp.actions import format_edits, quick_fixes
from argmap.lsp.completion import complete
from argmap.lsp.document import Element, MapDocument
from argmap.lsp.findings import EditorDiagnostics, editor_diagnostic
from argmap.lsp.hover import describe
from argmap.lsp.navigation import (
    RenameRefused,
    definition_range,
    reference_ranges,
    rename_edits,
)
from argmap.lsp.outline import folding_ranges, symbols
from argmap.lsp.semantic import LEGEND, semantic_tokens
from argmap.reader import ReadCache, ReadResult, decode_map

__all__ = ["ArgmapServer", "build_server", "serve"]

DEFAULT_DEBOUNCE = 0.2
"""Seconds between the editor's last change and the diagnostics."""

_TRIGGERS = ["+", "-", "&", ">", "[", ":", " "]
_WATCHED = types.WORKSPACE_DID_CHANGE_WATCHED_FILES
_GLOB = re.compile(r"[][*?{}]")
"""The characters a glob pattern gives a meaning."""
_SOURCE = "argmap-source:"
"""The id of the registration that watches a source text: this, then the file's path."""


class ArgmapServer(LanguageServer):
    """The maps the editor has open, read again at each change, and their diagnostics. What
    the last version of each made is kept: only the top-level items a change touched are
    parsed again, and the analyses are reused while the argument stays the same."""

    def __init__(self) -> None:
        super().__init__("argmap", str(__version__))
        self.debounce = DEFAULT_DEBOUNCE
        self._documents: dict[str, tuple[str, MapDocument]] = {}
        self._caches: dict[str, ReadCache] = {}
        self._contexts: dict[str, CheckContext] = {}
        self._shown: dict[str, EditorDiagnostics] = {}
        self._pending: dict[str, asyncio.Task[None]] = {}
        self._not_utf8: dict[str, ReadResult] = {}
        self.watches_files = False
        """Whether the editor watches files for the server (set once the session begins)."""
        self.relative_patterns = False
        self._watched: set[str] = set()
        self._watching = asyncio.Lock()
        self._rewatching: set[asyncio.Task[None]] = set()
        """The changes of the source watchers under way (held, so that they run to their end)."""

    def document(self, uri: str) -> MapDocument:
        """The map as the editor has it now (read once per version of its text)."""
        text = self.workspace.get_text_document(uri).source
        cached = self._documents.get(uri)
        if cached is not None and cached[0] == text:
            return cached[1]
        encoding = self.workspace.position_encoding or types.PositionEncodingKind.Utf16
        cache = self._caches.setdefault(uri, ReadCache())
        doc = MapDocument(text, _path(uri), encoding, cache)
        self._documents[uri] = (text, doc)
        return doc

    def read_disk(self, uri: str) -> None:
        """Note whether the file on disk is UTF-8 text: the editor decodes it somehow, but
        ``argmap check`` would refuse it (E100) until it is saved as UTF-8."""
        self._not_utf8.pop(uri, None)
        if not uri.startswith("file:"):
            return
        try:
            data = Path(_path(uri)).read_bytes()
        except OSError:
            return
        decoded = decode_map(data, _path(uri))
        if isinstance(decoded, ReadResult):  # the error (E100), worded without parsing anything
            self._not_utf8[uri] = decoded

    def check_again(self) -> None:
        """Publish the diagnostics of every open map again (its settings may have changed)."""
        for uri in list(self._caches):
            self.schedule(uri)

    def forget(self, uri: str) -> None:
        """Drop what is kept of a closed document."""
        self._documents.pop(uri, None)
        self._caches.pop(uri, None)
        self._contexts.pop(uri, None)
        self._shown.pop(uri, None)
        self._not_utf8.pop(uri, None)
        task = self._pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.watch_sources()

    async def watch(self, registrations: list[types.Registration], what: str) -> bool:
        """Ask the editor to watch files; False (and a line on standard error) if it refuses."""
        try:
            await self.client_register_capability_async(types.RegistrationParams(registrations))
        except JsonRpcException as exc:
            logging.getLogger(__name__).warning(
                "the editor refused to watch %s (%s): a change there shows at the next change "
                "of a map",
                what,
                exc,
            )
            return False
        return True

    def watch_sources(self) -> None:
        """Have the editor watch the source texts the open maps quote, and no others."""
        if self.watches_files and _sources(self._contexts.values()) != self._watched:
            task = asyncio.get_running_loop().create_task(self._watch_sources())
            self._rewatching.add(task)
            task.add_done_callback(self._rewatching.discard)

    async def _watch_sources(self) -> None:
        async with self._watching:  # one change of the registrations at a time
            wanted = _sources(self._contexts.values())
            gone = sorted(self._watched - wanted)
            if gone:
                ended = [types.Unregistration(_SOURCE + path, _WATCHED) for path in gone]
                # An editor that cannot end them has nothing for the server to undo.
                with contextlib.suppress(JsonRpcException):
                    await self.client_unregister_capability_async(types.UnregistrationParams(ended))
                self._watched.difference_update(gone)
            paths = sorted(wanted - self._watched)
            if not paths:
                return
            watchers = [
                types.Registration(
                    _SOURCE + path,
                    _WATCHED,
                    types.DidChangeWatchedFilesRegistrationOptions(
                        [_watcher(path, self.relative_patterns)]
                    ),
                )
                for path in paths
            ]
            if await self.watch(watchers, "source texts"):
                self._watched.update(paths)
            else:
                self.watches_files = False

    def schedule(self, uri: str) -> None:
        """Publish the diagnostics after ``debounce`` seconds without another change."""
        task = self._pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self._pending[uri] = asyncio.get_running_loop().create_task(self._later(uri))

    async def _later(self, uri: str) -> None:
        if self.debounce > 0:
            await asyncio.sleep(self.debounce)
        self._pending.pop(uri, None)
        self.publish(uri)

    def publish(self, uri: str) -> None:
        """Check the document and send its diagnostics."""
        version = self.workspace.get_text_document(uri).version
        diagnostics = self.diagnostics(uri)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri, diagnostics, version)
        )

    def diagnostics(self, uri: str) -> list[types.Diagnostic]:
        """What ``argmap check`` reports on the document as the editor has it."""
        doc = self.document(uri)
        if uri in self._not_utf8:
            return [editor_diagnostic(doc, uri, d) for d in self._not_utf8[uri].diagnostics]
        if not doc.result.ok:
            return [editor_diagnostic(doc, uri, d) for d in doc.result.diagnostics]
        try:
            config = ConfigFinder().for_map(doc.path)
            previous = self._contexts.get(uri)
            found, self._contexts[uri] = check_map(
                doc.result, config, SourceReader({}), previous=previous
            )
            self.watch_sources()
        except (ConfigError, SelectionError) as exc:
            problem = types.Diagnostic(
                types.Range(types.Position(0, 0), types.Position(0, 0)),
                f"the map is not checked: {exc}",
                severity=types.DiagnosticSeverity.Error,
                source="argmap",
            )
            return [problem, *(editor_diagnostic(doc, uri, d) for d in doc.result.diagnostics)]
        return self._shown.setdefault(uri, EditorDiagnostics())(doc, uri, found)


def _sources(contexts: Collection[CheckContext]) -> set[str]:
    """The files the source texts of these maps are read from."""
    return {p for ctx in contexts for p in ctx.source_paths.values() if os.path.isabs(p)}


def _watcher(path: str, relative: bool) -> types.FileSystemWatcher:
    """A watcher of one file: a pattern relative to its folder where the editor takes one
    (LSP 3.17), else the whole path as the pattern. Glob patterns cannot escape, so a
    character that means something in them is matched by ``?``: the pattern may match a
    few files more, never fewer."""
    file = Path(path)
    if relative:
        folder = from_fs_path(str(file.parent)) or file.parent.as_uri()
        return types.FileSystemWatcher(types.RelativePattern(folder, _GLOB.sub("?", file.name)))
    return types.FileSystemWatcher(_GLOB.sub("?", file.as_posix()))


def _path(uri: str) -> str:
    """The file of a ``file:`` URI; other URIs (an unsaved buffer) stand for themselves."""
    return (to_fs_path(uri) or uri) if uri.startswith("file:") else uri


def build_server() -> ArgmapServer:
    """A server with every feature registered."""
    server = ArgmapServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: ArgmapServer, params: types.InitializeParams) -> None:
        options = params.initialization_options
        debounce = options.get("debounce") if isinstance(options, dict) else None
        if debounce is None:
            return
        if isinstance(debounce, int | float) and 0 <= debounce <= 10_000:
            ls.debounce = debounce / 1000
            return
        message = (
            f"argmap lsp: debounce must be a number of milliseconds from 0 to 10000, "
            f"not {debounce!r}; using {DEFAULT_DEBOUNCE * 1000:.0f}"
        )
        ls.window_show_message(types.ShowMessageParams(types.MessageType.Warning, message))

    @server.feature(types.INITIALIZED)
    async def initialized(ls: ArgmapServer, params: types.InitializedParams) -> None:
        workspace = ls.client_capabilities.workspace
        watching = workspace.did_change_watched_files if workspace is not None else None
        if watching is None or not watching.dynamic_registration:
            return
        options = types.DidChangeWatchedFilesRegistrationOptions(
            [types.FileSystemWatcher("**/pyproject.toml")]
        )
        registration = types.Registration("argmap-settings", _WATCHED, options)
        ls.relative_patterns = bool(watching.relative_pattern_support)
        ls.watches_files = await ls.watch([registration], "pyproject.toml files")
        ls.watch_sources()

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files_changed(ls: ArgmapServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.check_again()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ArgmapServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.read_disk(params.text_document.uri)
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: ArgmapServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ArgmapServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.read_disk(params.text_document.uri)
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ArgmapServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(params.text_document.uri, [])
        )

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: ArgmapServer, params: types.HoverParams) -> types.Hover | None:
        doc = ls.document(params.text_document.uri)
        id = doc.id_at(params.position)
        element: Element | None = doc.elements[id] if id is not None else None
        where = doc.token_at(params.position) if id is not None else None
        if element is None:
            element = doc.statement_at(params.position)
        if element is None:
            return None
        content = types.MarkupContent(types.MarkupKind.Markdown, describe(doc, element))
        return types.Hover(content, doc.lines.token_range(where) if where else None)

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: ArgmapServer, params: types.DefinitionParams) -> types.Location | None:
        uri = params.text_document.uri
        doc = ls.document(uri)
        id = doc.id_at(params.position)
        return None if id is None else types.Location(uri, definition_range(doc, id))

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    def references(ls: ArgmapServer, params: types.ReferenceParams) -> list[types.Location]:
        uri = params.text_document.uri
        doc = ls.document(uri)
        id = doc.id_at(params.position)
        if id is None:
            return []
        ranges = reference_ranges(doc, id, params.context.include_declaration)
        return [types.Location(uri, r) for r in ranges]

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_HIGHLIGHT)
    def highlight(
        ls: ArgmapServer, params: types.DocumentHighlightParams
    ) -> list[types.DocumentHighlight]:
        doc = ls.document(params.text_document.uri)
        id = doc.id_at(params.position)
        if id is None:
            return []
        declared = definition_range(doc, id)
        return [
            types.DocumentHighlight(
                r,
                types.DocumentHighlightKind.Write
                if r == declared
                else types.DocumentHighlightKind.Read,
            )
            for r in reference_ranges(doc, id)
        ]

    @server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
    def prepare_rename(ls: ArgmapServer, params: types.PrepareRenameParams) -> types.Range | None:
        doc = ls.document(params.text_document.uri)
        token = doc.token_at(params.position)
        if doc.id_at(params.position) is None or token is None:
            return None
        return doc.lines.token_range(token)

    @server.feature(types.TEXT_DOCUMENT_RENAME)
    def rename(ls: ArgmapServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
        uri = params.text_document.uri
        doc = ls.document(uri)
        id = doc.id_at(params.position)
        if id is None:
            raise JsonRpcInvalidParams("there is no id here to rename")
        try:
            edits = rename_edits(doc, id, params.new_name)
        except RenameRefused as exc:
            raise JsonRpcInvalidParams(str(exc)) from None
        return types.WorkspaceEdit(changes={uri: edits})

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def document_symbol(
        ls: ArgmapServer, params: types.DocumentSymbolParams
    ) -> list[types.DocumentSymbol]:
        return symbols(ls.document(params.text_document.uri))

    @server.feature(types.TEXT_DOCUMENT_FOLDING_RANGE)
    def folding_range(
        ls: ArgmapServer, params: types.FoldingRangeParams
    ) -> list[types.FoldingRange]:
        return folding_ranges(ls.document(params.text_document.uri).text)

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=_TRIGGERS)
    )
    def completion(ls: ArgmapServer, params: types.CompletionParams) -> types.CompletionList:
        items = complete(ls.document(params.text_document.uri), params.position)
        return types.CompletionList(is_incomplete=False, items=items)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls: ArgmapServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        return quick_fixes(ls.document(uri), uri, list(params.context.diagnostics))

    @server.feature(types.TEXT_DOCUMENT_FORMATTING)
    def formatting(
        ls: ArgmapServer, params: types.DocumentFormattingParams
    ) -> list[types.TextEdit] | None:
        return format_edits(ls.document(params.text_document.uri))

    @server.feature(types.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL, LEGEND)
    def tokens(ls: ArgmapServer, params: types.SemanticTokensParams) -> types.SemanticTokens:
        return types.SemanticTokens(data=semantic_tokens(ls.document(params.text_document.uri)))

    return server


class _OneLine(logging.Formatter):
    """A log record on one line, the error's own words in place of its traceback: editors
    show the server's standard error in their log, to users."""

    def format(self, record: logging.LogRecord) -> str:
        message = f"argmap lsp: {record.levelname.lower()}: {record.getMessage()}"
        error = record.exc_info[1] if record.exc_info else None
        return f"{message} ({error})" if error is not None else message


def serve() -> None:
    """Run the server on standard input and output until the editor ends it; what goes wrong
    with a message (one the editor sent that is not JSON, a refused rename) is logged on
    standard error, a line each."""
    handler = logging.StreamHandler()
    handler.setFormatter(_OneLine())
    logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)
    build_server().start_io()
