"""`argmap lsp` end to end: a real client (pytest-lsp) talks to the real server over stdio.

One server runs for the whole module (as an editor keeps one); each test opens its own
documents. Diagnostics are compared with what `argmap check --format json` prints.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the lsp extra is not installed: pip install 'argmap[lsp]'")
pytest_lsp = pytest.importorskip("pytest_lsp", reason="pytest-lsp is not installed")

from lsprotocol import types  # noqa: E402
from pygls.exceptions import JsonRpcException  # noqa: E402
from pygls.uris import from_fs_path  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

from argmap.reader import read_text  # noqa: E402
from tests.conftest import ROOT, SHARED  # noqa: E402

pytestmark = pytest.mark.asyncio(loop_scope="module")

FLAGSHIP = ROOT / "maps" / "precarious-balance.arg"
REGISTERED: list[types.Registration] = []
"""What the server asked the module's client to register."""
UNREGISTERED: list[types.Unregistration] = []
"""What the server asked the module's client to stop."""
DEBOUNCE_MS = 30


@pytest_lsp.fixture(  # type: ignore[untyped-decorator]
    scope="module",
    config=ClientServerConfig(server_command=[sys.executable, "-m", "argmap", "lsp"]),
)
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    lsp_client.diagnostics = Published()

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)  # type: ignore[untyped-decorator]
    def register(_: LanguageClient, params: types.RegistrationParams) -> None:
        REGISTERED.extend(params.registrations)

    @lsp_client.feature(types.CLIENT_UNREGISTER_CAPABILITY)  # type: ignore[untyped-decorator]
    def unregister(_: LanguageClient, params: types.UnregistrationParams) -> None:
        UNREGISTERED.extend(params.unregisterations)

    params = types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        initialization_options={"debounce": DEBOUNCE_MS},
    )
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


# ---- helpers ---------------------------------------------------------------------------------


class Published(dict[str, Sequence[types.Diagnostic]]):
    """The client's diagnostics by document, keeping every publication in order."""

    def __init__(self) -> None:
        super().__init__()
        self.log: list[tuple[str, list[types.Diagnostic]]] = []

    def __setitem__(self, uri: str, diagnostics: Sequence[types.Diagnostic]) -> None:
        super().__setitem__(uri, diagnostics)
        self.log.append((uri, list(diagnostics)))

    def count(self, uri: str) -> int:
        return sum(1 for u, _ in self.log if u == uri)

    async def next(self, uri: str, seen: int) -> list[types.Diagnostic]:
        """The first publication for ``uri`` after the ``seen`` ones."""
        async with asyncio.timeout(20):
            while self.count(uri) <= seen:
                await asyncio.sleep(0.005)
        return [d for u, d in self.log if u == uri][seen]


def log(client: LanguageClient) -> Published:
    assert isinstance(client.diagnostics, Published)
    return client.diagnostics


async def open_text(
    client: LanguageClient, path: Path, text: str | None = None
) -> list[types.Diagnostic]:
    """Open a map (its text on disk, unless ``text`` is given) and wait for its diagnostics."""
    uri = from_fs_path(str(path))
    assert uri is not None
    if text is None:
        text = path.read_text(encoding="utf-8")
    seen = log(client).count(uri)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "argmap", 1, text))
    )
    return await log(client).next(uri, seen)


async def change(
    client: LanguageClient, path: Path, version: int, text: str
) -> list[types.Diagnostic]:
    """Replace the whole text of an open document and wait for its diagnostics."""
    uri = str(from_fs_path(str(path)))
    seen = log(client).count(uri)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version, uri),
            [types.TextDocumentContentChangeWholeDocument(text)],
        )
    )
    return await log(client).next(uri, seen)


async def close(client: LanguageClient, path: Path) -> None:
    """Close a document, and wait for the server to clear its diagnostics."""
    uri = str(from_fs_path(str(path)))
    seen = log(client).count(uri)
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
    )
    assert await log(client).next(uri, seen) == []


def doc(path: Path) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(str(from_fs_path(str(path))))


def position_of(text: str, needle: str, nth: int = 0, offset: int = 0) -> types.Position:
    """The position of the ``nth`` occurrence of ``needle`` (plus ``offset`` characters)."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    at += offset
    line = text.count("\n", 0, at)
    return types.Position(line, at - (text.rfind("\n", 0, at) + 1))


def apply(text: str, edits: Sequence[types.TextEdit]) -> str:
    """The text after the edits (ASCII lines: positions are characters)."""
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)

    def offset(p: types.Position) -> int:
        return starts[p.line] + p.character

    for edit in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


def check_json(path: Path) -> list[dict[str, object]]:
    """What `argmap check --format json` reports on a file."""
    run = subprocess.run(
        [sys.executable, "-m", "argmap", "check", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode in (0, 1, 2), run.stderr
    findings: list[dict[str, object]] = json.loads(run.stdout)["diagnostics"]
    return findings


def as_check_json(diagnostic: types.Diagnostic) -> tuple[object, ...]:
    """An editor's diagnostic in the terms of the JSON of `argmap check`."""
    r = diagnostic.range
    related = [
        (i.message, i.location.range.start.line + 1, i.location.range.start.character + 1)
        for i in diagnostic.related_information or []
    ]
    return (
        diagnostic.code,
        diagnostic.message.split("\nhint: ")[0],
        r.start.line + 1,
        r.start.character + 1,
        r.end.line + 1,
        r.end.character + 1,
        related,
    )


def from_check_json(finding: dict[str, object]) -> tuple[object, ...]:
    location = finding["location"]
    assert isinstance(location, dict)
    related = finding["related"]
    assert isinstance(related, list)
    return (
        finding["code"],
        finding["message"],
        location["line"],
        location["column"],
        location["end_line"],
        location["end_column"],
        [(r["message"], r["location"]["line"], r["location"]["column"]) for r in related],
    )


def label_json(path: Path) -> dict[str, dict[str, str]]:
    """`argmap label --format json`: the label and why of each id."""
    run = subprocess.run(
        [sys.executable, "-m", "argmap", "label", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return {row["id"]: row for row in json.loads(run.stdout)["labels"]}


needs_sources = pytest.mark.skipif(
    not (SHARED / "sources").is_dir(), reason=f"the shared sources are absent ({SHARED})"
)


# ---- done when: the flagship map ---------------------------------------------------------------


@needs_sources
async def test_flagship_s201_on_showdown_as_argmap_check(client: LanguageClient) -> None:
    diagnostics = await open_text(client, FLAGSHIP)
    text = FLAGSHIP.read_text(encoding="utf-8")
    s201 = [d for d in diagnostics if d.code == "S201"]
    assert len(s201) == 1
    assert s201[0].range.start == position_of(text, "claim showdown")
    assert s201[0].severity == types.DiagnosticSeverity.Warning
    assert sorted(map(as_check_json, diagnostics)) == sorted(
        map(from_check_json, check_json(FLAGSHIP))
    )
    await close(client, FLAGSHIP)


async def test_flagship_hover_better_is_in_and_why(client: LanguageClient) -> None:
    await open_text(client, FLAGSHIP)
    text = FLAGSHIP.read_text(encoding="utf-8")
    for where in (
        position_of(text, "thesis better", offset=9),
        position_of(text, "U.S.-Russian relations are"),
    ):
        hover = await client.text_document_hover_async(types.HoverParams(doc(FLAGSHIP), where))
        assert hover is not None and isinstance(hover.contents, types.MarkupContent)
        value = hover.contents.value
        assert value.startswith("**thesis** `better`")
        assert "U.S.-Russian relations are better than their gloomy picture suggests." in value
        assert "held by: Lukyanov" in value
        assert "quote from `column`" in value
        why = label_json(FLAGSHIP)["better"]
        assert why["label"] == "IN"
        assert "label: **IN**" in value
        assert why["why"][:40].replace("_", "\\_") in value
    await close(client, FLAGSHIP)


async def test_a_statement_without_an_id_is_named_by_its_line(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "anonymous.arg"
    text = 'source s "S"\nthesis t: "T."\n  + "Anonymous."\n    quote "But in fact."\n'
    await open_text(client, path, text)
    hover = await client.text_document_hover_async(
        types.HoverParams(doc(path), position_of(text, "Anonymous"))
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    value = hover.contents.value
    assert value.startswith("**the claim on line 3**") and "claim#" not in value
    # A quote is a blockquote of its own, not a ">" in the middle of a line.
    assert "quote from `s`:\n\n> But in fact." in value
    found = await client.text_document_document_symbol_async(types.DocumentSymbolParams(doc(path)))
    names = [s.name for s in found or [] if isinstance(s, types.DocumentSymbol)]
    assert names == ["s", "t", "the claim on line 3"]
    await close(client, path)


async def test_flagship_rename_an_id(client: LanguageClient) -> None:
    await open_text(client, FLAGSHIP)
    text = FLAGSHIP.read_text(encoding="utf-8")
    where = position_of(text, "do_no_harm")
    prepared = await client.text_document_prepare_rename_async(
        types.PrepareRenameParams(doc(FLAGSHIP), where)
    )
    assert isinstance(prepared, types.Range) and prepared.start == where
    edit = await client.text_document_rename_async(
        types.RenameParams(doc(FLAGSHIP), where, "no_harm")
    )
    assert edit is not None and edit.changes is not None
    edits = edit.changes[str(from_fs_path(str(FLAGSHIP)))]
    assert len(edits) == text.count("do_no_harm")
    renamed = apply(text, edits)
    before, after = read_text(text, "m.arg"), read_text(renamed, "m.arg")
    assert after.ok and "no_harm" in after.map.statements
    assert "do_no_harm" not in after.map.statements and "do_no_harm" not in renamed
    assert after.map.reasons["r_meeting"].premises == ("no_harm",)
    assert len(after.map.statements) == len(before.map.statements)
    # A name that is taken is refused, in plain words.
    with pytest.raises(JsonRpcException, match='"better" is taken'):
        await client.text_document_rename_async(types.RenameParams(doc(FLAGSHIP), where, "better"))
    with pytest.raises(JsonRpcException, match="cannot be an id"):
        await client.text_document_rename_async(types.RenameParams(doc(FLAGSHIP), where, "no harm"))
    await close(client, FLAGSHIP)


# ---- diagnostics ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "maps" / "examples").glob("*.arg")))
async def test_diagnostics_are_those_of_argmap_check(client: LanguageClient, name: str) -> None:
    path = ROOT / "maps" / "examples" / name
    diagnostics = await open_text(client, path)
    assert sorted(map(as_check_json, diagnostics)) == sorted(map(from_check_json, check_json(path)))
    await close(client, path)


SETTINGS_MAP = """\
source report "The report"
  file "report.txt"
thesis t: "Trade grew."
  + [r] grew
  + [r2] ports
claim grew: "Trade grew by 12%."
  quote report "Trade grew by 15% in 2011."
claim ports: "The ports were busy."
claim lone: "Nothing leads here."  # argmap: ignore[O302]
"""


async def test_settings_sources_and_suppressions(client: LanguageClient, tmp_path: Path) -> None:
    """[tool.argmap] of the nearest pyproject.toml, quotes read from the source named
    relative to the map, and suppressions: all as `argmap check`."""
    (tmp_path / "pyproject.toml").write_text(
        '[tool.argmap]\nextend-select = ["C402"]\nignore = ["S202"]\n', encoding="utf-8"
    )
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "report.txt").write_text("Trade grew by 12% in 2011.\n")
    path = tmp_path / "maps" / "m.arg"
    path.write_text(SETTINGS_MAP, encoding="utf-8")
    diagnostics = await open_text(client, path)
    expected = sorted(map(from_check_json, check_json(path)))
    assert sorted(map(as_check_json, diagnostics)) == expected
    codes = {d.code for d in diagnostics}
    assert "Q501" in codes  # the quote is not in the source next to the map
    assert "S202" not in codes  # ignored in pyproject.toml
    assert "S201" in codes
    await close(client, path)


async def test_a_changed_pyproject_toml_is_read_again(
    client: LanguageClient, tmp_path: Path
) -> None:
    """The server asks the editor to watch pyproject.toml files, and checks the open maps
    again when one changes."""
    assert await watchers("argmap-settings") == [{"globPattern": "**/pyproject.toml"}]
    settings = tmp_path / "pyproject.toml"
    settings.write_text("[tool.argmap]\n", encoding="utf-8")
    path = tmp_path / "m.arg"
    diagnostics = await open_text(client, path, 'thesis t: "T."\n  + a: "A."\n')
    assert "S201" in {d.code for d in diagnostics}
    settings.write_text('[tool.argmap]\nignore = ["S201"]\n', encoding="utf-8")
    again = await file_changed(client, settings, path)
    assert "S201" not in {d.code for d in again}
    await close(client, path)


async def test_a_changed_source_text_is_read_again(client: LanguageClient, tmp_path: Path) -> None:
    """The server asks the editor to watch the source texts the open maps quote, checks
    the maps again when one changes, and stops watching it when no open map quotes it."""
    source = tmp_path / "report.txt"
    source.write_text("Trade fell.\n", encoding="utf-8")
    path = tmp_path / "m.arg"
    text = (
        'source r "Report"\n  file "report.txt"\n\n'
        'thesis t: "Trade grew."\n  quote r "Trade grew by 12%"\n'
    )
    diagnostics = await open_text(client, path, text)
    assert "Q501" in {d.code for d in diagnostics}  # the quote is not in the source
    id = f"argmap-source:{source}"
    assert await watchers(id) == [{"globPattern": source.as_posix()}]
    source.write_text("Trade grew by 12% in 2011.\n", encoding="utf-8")
    again = await file_changed(client, source, path)
    assert "Q501" not in {d.code for d in again}
    await close(client, path)
    async with asyncio.timeout(20):
        while id not in {u.id for u in UNREGISTERED}:
            await asyncio.sleep(0.005)


async def watchers(id: str) -> object:
    """The watchers of the registration ``id``, once the server has asked the client for it."""
    async with asyncio.timeout(20):  # the server asks once the session has begun
        while not any(r.id == id for r in REGISTERED):
            await asyncio.sleep(0.005)
    (registration,) = [r for r in REGISTERED if r.id == id]
    assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    assert isinstance(registration.register_options, dict)
    return registration.register_options["watchers"]


async def file_changed(client: LanguageClient, file: Path, map: Path) -> list[types.Diagnostic]:
    """Tell the server that a file it watches changed; the map's next diagnostics."""
    uri = str(from_fs_path(str(map)))
    seen = log(client).count(uri)
    event = types.FileEvent(str(from_fs_path(str(file))), types.FileChangeType.Changed)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams([event]))
    return await log(client).next(uri, seen)


async def test_unusable_settings_are_reported(client: LanguageClient, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nselect = ["Z999"]\n')
    path = tmp_path / "m.arg"
    path.write_text('thesis t: "T."\n', encoding="utf-8")
    diagnostics = await open_text(client, path)
    assert len(diagnostics) == 1
    assert diagnostics[0].message.startswith("the map is not checked:")
    assert "Z999" in diagnostics[0].message
    await close(client, path)


BROKEN = 'thesis t: "T."\n  + [r] a\nclaim a "A."\nclaim b: "B\n'
FIXED = 'thesis t: "T."\n  + [r] a\nclaim a: "A."\n  + assumption e: "E."\n'


async def test_syntax_errors_break_and_repair(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "m.arg"
    diagnostics = await open_text(client, path, BROKEN)
    errors = [d for d in diagnostics if d.code == "E101"]
    assert [d.range.start.line for d in errors] == [2, 3]
    assert all(d.severity == types.DiagnosticSeverity.Error for d in errors)
    # The server keeps answering on a map with errors.
    hover = await client.text_document_hover_async(
        types.HoverParams(doc(path), position_of(BROKEN, "t:"))
    )
    assert hover is not None and "label: not known while the map has errors" in str(hover)
    assert await change(client, path, 2, FIXED) == []
    again = await change(client, path, 3, FIXED.replace("claim a:", "claim a"))
    assert [d.code for d in again] == ["E101"]
    assert await change(client, path, 4, FIXED) == []
    await close(client, path)


async def test_changes_give_the_findings_of_the_changed_text(client: LanguageClient) -> None:
    # The server reuses what the last version made (pieces, declarations, analyses): after each
    # change, its findings must be those of the changed text opened afresh beside it.
    text = FLAGSHIP.read_text(encoding="utf-8")
    await open_text(client, FLAGSHIP)
    middle = text.index(': "', len(text) // 2) + 3
    changes = [
        text.replace('title "', 'title "Read: ', 1),  # a word in the title
        "\n" + text,  # every line moves down
        "\n" + text[:middle] + "so " + text[middle:],  # a word half-way down
        "\n" + text.replace("claim showdown:", "evidence showdown:"),  # the argument changes
    ]
    for version, changed in enumerate(changes, start=2):
        got = await change(client, FLAGSHIP, version, changed)
        fresh = FLAGSHIP.parent / f"changed-{version}.arg"  # never written: the editor's text
        expected = await open_text(client, fresh, changed)
        await close(client, fresh)
        assert sorted(map(as_check_json, got)) == sorted(map(as_check_json, expected))
    assert not [d for d in got if d.code == "S201"]  # showdown is evidence now
    await close(client, FLAGSHIP)


async def test_changes_are_debounced(client: LanguageClient, tmp_path: Path) -> None:
    """Quick changes give one publication, for the last version."""
    path = tmp_path / "m.arg"
    await open_text(client, path, FIXED)
    uri = str(from_fs_path(str(path)))
    seen = log(client).count(uri)
    for version in (2, 3, 4, 5):
        text = BROKEN if version % 2 == 0 else FIXED
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version, uri),
                [types.TextDocumentContentChangeWholeDocument(text)],
            )
        )
    assert await log(client).next(uri, seen) == []  # the last text, FIXED
    await asyncio.sleep(5 * DEBOUNCE_MS / 1000)
    assert log(client).count(uri) == seen + 1
    await close(client, path)


async def test_a_file_that_is_not_utf8(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "latin1.arg"
    data = 'thesis t: "Caf\u00e9s are open."\n'.encode("latin-1")
    path.write_bytes(data)
    diagnostics = await open_text(client, path, data.decode("latin-1"))
    assert [d.code for d in diagnostics] == ["E100"]
    assert "not UTF-8" in diagnostics[0].message
    assert diagnostics[0].range.start == types.Position(0, 14)  # at the é
    # Saved as UTF-8, the file is checked as usual.
    path.write_bytes(data.decode("latin-1").encode("utf-8"))
    uri = str(from_fs_path(str(path)))
    seen = log(client).count(uri)
    client.text_document_did_save(types.DidSaveTextDocumentParams(doc(path)))
    assert [d.code for d in await log(client).next(uri, seen)] == ["S201"]
    await close(client, path)


async def test_a_file_in_utf16_is_named_so(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "wide.arg"
    text = 'thesis t: "T."\n'
    path.write_bytes(text.encode("utf-16-le"))  # no byte-order mark: valid UTF-8, full of NULs
    diagnostics = await open_text(client, path, text)
    assert [d.code for d in diagnostics] == ["E100"]
    assert diagnostics[0].message.startswith("the file is UTF-16 text, not UTF-8")
    await close(client, path)


# ---- navigation ------------------------------------------------------------------------------

NAV = """\
source report "The report"
  file "report.txt"
group econ "Economy"
  thesis t: "T."
    + [r1] a
    & b
  claim a: "A."
    quote report "A."
  assumption b: "B."
  objection o: a -> r1
  reason r2: b -> a
  claim c: "C."  # a, in a comment, is no reference
    tags econ
expect IN: t a
"""


def ranges_of(text: str, needle: str, *where: tuple[str, int]) -> list[types.Range]:
    """The ranges of ``needle`` at the end of the ``nth`` occurrence of each context."""
    out = []
    for context, nth in where:
        start = position_of(text, context, nth, context.rindex(needle))
        end = types.Position(start.line, start.character + len(needle))
        out.append(types.Range(start, end))
    return out


@pytest.fixture
def nav(tmp_path: Path) -> Path:
    (tmp_path / "report.txt").write_text("A.\n")
    path = tmp_path / "nav.arg"
    path.write_text(NAV, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("id", "uses"),
    [
        # a statement, written as a premise, a target and in an expect line
        ("a", [("claim a:", 0), ("+ [r1] a", 0), ("o: a ->", 0), ("-> a", 0), ("t a\n", 0)]),
        ("r1", [("[r1]", 0), ("-> r1", 0)]),  # an inference
        ("report", [("source report", 0), ("quote report", 0)]),  # a source
        ("econ", [("group econ", 0)]),  # a group (the tag "econ" is no reference)
    ],
)
async def test_definition_references_highlights(
    client: LanguageClient, nav: Path, id: str, uses: list[tuple[str, int]]
) -> None:
    await open_text(client, nav)
    expected = ranges_of(NAV, id, *uses)
    declaration = expected[0]
    for use in expected:
        found = await client.text_document_definition_async(
            types.DefinitionParams(doc(nav), use.start)
        )
        assert isinstance(found, types.Location) and found.range == declaration
    refs = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=doc(nav),
            position=expected[-1].end,
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    assert sorted(_key(r.range) for r in refs or []) == sorted(map(_key, expected))
    refs = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=doc(nav),
            position=expected[0].start,
            context=types.ReferenceContext(include_declaration=False),
        )
    )
    assert sorted(_key(r.range) for r in refs or []) == sorted(map(_key, expected[1:]))
    highlights = await client.text_document_document_highlight_async(
        types.DocumentHighlightParams(doc(nav), declaration.start)
    )
    assert sorted((_key(h.range), h.kind) for h in highlights or []) == sorted(
        (
            _key(r),
            types.DocumentHighlightKind.Write
            if r == declaration
            else types.DocumentHighlightKind.Read,
        )
        for r in expected
    )
    await close(client, nav)


def _key(r: types.Range) -> tuple[int, int, int, int]:
    return (r.start.line, r.start.character, r.end.line, r.end.character)


async def test_nothing_to_find_outside_ids(client: LanguageClient, nav: Path) -> None:
    await open_text(client, nav)
    for where in (position_of(NAV, "The report"), position_of(NAV, "a, in a comment")):
        assert (
            await client.text_document_definition_async(types.DefinitionParams(doc(nav), where))
            is None
        )
        assert (
            await client.text_document_prepare_rename_async(
                types.PrepareRenameParams(doc(nav), where)
            )
            is None
        )
    await close(client, nav)


@pytest.mark.parametrize("context", ["thesis t", "[r1", "claim a", "group econ"])
async def test_an_id_is_found_with_the_cursor_at_its_end(
    client: LanguageClient, nav: Path, context: str
) -> None:
    """Between an id and the `:` or `]` after it, the cursor is on the id."""
    await open_text(client, nav)
    id = context.split()[-1].lstrip("[")
    (declared,) = ranges_of(NAV, id, (context, 0))
    at = declared.end
    assert (
        await client.text_document_prepare_rename_async(types.PrepareRenameParams(doc(nav), at))
        == declared
    )
    found = await client.text_document_definition_async(types.DefinitionParams(doc(nav), at))
    assert isinstance(found, types.Location) and found.range == declared
    assert await client.text_document_hover_async(types.HoverParams(doc(nav), at)) is not None
    refs = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=doc(nav),
            position=at,
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    assert declared in [r.range for r in refs or []]
    highlights = await client.text_document_document_highlight_async(
        types.DocumentHighlightParams(doc(nav), at)
    )
    assert declared in [h.range for h in highlights or []]
    await close(client, nav)


async def test_an_id_that_spells_a_flag(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "flag.arg"
    text = 'thesis t: "T."\n  + conceded\nassumption conceded: "E."\n'
    await open_text(client, path, text)
    expected = ranges_of(text, "conceded", ("+ conceded", 0), ("assumption conceded", 0))
    refs = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=doc(path),
            position=expected[0].start,
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    assert sorted(_key(r.range) for r in refs or []) == sorted(map(_key, expected))
    edit = await client.text_document_rename_async(
        types.RenameParams(doc(path), expected[0].start, "granted")
    )
    assert edit is not None and edit.changes is not None
    renamed = apply(text, edit.changes[str(from_fs_path(str(path)))])
    assert renamed == text.replace("conceded", "granted")
    await close(client, path)


async def test_rename_an_inference_and_a_source(client: LanguageClient, nav: Path) -> None:
    await open_text(client, nav)
    text = NAV
    for old, new in (("r1", "r_first"), ("report", "annual")):
        edit = await client.text_document_rename_async(
            types.RenameParams(doc(nav), position_of(text, old), new)
        )
        assert edit is not None and edit.changes is not None
        text = apply(text, edit.changes[str(from_fs_path(str(nav)))])
        await change(client, nav, 2 if old == "r1" else 3, text)
    result = read_text(text, "nav.arg")
    assert result.ok
    assert "r_first" in result.map.reasons and result.map.objections["o"].target == "r_first"
    assert list(result.map.sources) == ["annual"]
    assert result.map.statements["a"].quotes[0].source == "annual"
    await close(client, nav)


@pytest.mark.parametrize(
    "new",
    ["quote", "note", "by", "tags", "cite", "file", "url", "source", "reason", "expect"],
)
async def test_rename_to_a_word_that_is_a_keyword_elsewhere(
    client: LanguageClient, tmp_path: Path, new: str
) -> None:
    """What argmap check reads as an id can be one; where the word would open a line at the
    top of the map, where it is a keyword, the rename is refused."""
    path = tmp_path / "words.arg"
    text = 'thesis t: "T."\n  + a\nclaim a: "A."\n'
    await open_text(client, path, text)
    edit = await client.text_document_rename_async(
        types.RenameParams(doc(path), position_of(text, "a:"), new)
    )
    assert edit is not None and edit.changes is not None
    renamed = apply(text, edit.changes[str(from_fs_path(str(path)))])
    assert read_text(renamed, "words.arg").map.statements[new].text == "A."
    await close(client, path)
    opening = 'thesis t: "T."\n  + a\na: "A."\n'
    await open_text(client, path, opening)
    rename = types.RenameParams(doc(path), position_of(opening, "a:"), new)
    if new in ("source", "reason", "expect"):
        with pytest.raises(JsonRpcException, match=f'"{new}" cannot be the id here.*line 3'):
            await client.text_document_rename_async(rename)
    else:
        edit = await client.text_document_rename_async(rename)
        assert edit is not None and edit.changes is not None
        renamed = apply(opening, edit.changes[str(from_fs_path(str(path)))])
        assert read_text(renamed, "words.arg").map.statements[new].text == "A."
    await close(client, path)


async def test_hover_on_an_inference_a_source_and_a_group(
    client: LanguageClient, nav: Path
) -> None:
    await open_text(client, nav)
    expected = {
        "[r1": ["**reason** `r1`", "`a` & `b` → `t`", "label: **OUT**", "undercut"],
        "objection o": ["**objection** `o`", "`a` → `r1`", "label: **IN**"],
        "source report": ["**source** `report`", "title: The report", "file: report.txt"],
        "group econ": ["**group** `econ`", "Economy"],
    }
    for context, parts in expected.items():
        where = position_of(NAV, context, offset=len(context) - 1)
        hover = await client.text_document_hover_async(types.HoverParams(doc(nav), where))
        assert hover is not None and isinstance(hover.contents, types.MarkupContent)
        for part in parts:
            assert part in hover.contents.value, (context, hover.contents.value)
    await close(client, nav)


# ---- outline ---------------------------------------------------------------------------------


async def test_document_symbols_and_folding(client: LanguageClient, nav: Path) -> None:
    await open_text(client, nav)
    found = await client.text_document_document_symbol_async(types.DocumentSymbolParams(doc(nav)))
    assert found is not None
    symbols = [s for s in found if isinstance(s, types.DocumentSymbol)]
    assert [(s.name, s.kind) for s in symbols] == [
        ("report", types.SymbolKind.File),
        ("Economy", types.SymbolKind.Namespace),
    ]
    group = symbols[1]
    assert [(s.name, s.kind) for s in group.children or []] == [
        ("t", types.SymbolKind.Class),
        ("a", types.SymbolKind.Function),
        ("b", types.SymbolKind.Variable),
        ("c", types.SymbolKind.Function),
    ]
    assert group.range.start.line == 2 and group.range.end.line == 11
    folds = await client.text_document_folding_range_async(types.FoldingRangeParams(doc(nav)))
    assert sorted((f.start_line, f.end_line) for f in folds or []) == [
        (0, 1),  # the source and its file
        (2, 12),  # the group
        (3, 5),  # the thesis and its reason, with its co-premise
        (6, 7),  # the claim and its quote
        (11, 12),  # the claim and its tags
    ]
    await close(client, nav)


async def test_flagship_outline(client: LanguageClient) -> None:
    await open_text(client, FLAGSHIP)
    found = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(doc(FLAGSHIP))
    )
    symbols = [s for s in found or [] if isinstance(s, types.DocumentSymbol)]
    names = [s.name for s in symbols]
    assert names[:3] == ["column", "better", "The meeting at Los Cabos"]
    everything, stack = [], list(symbols)
    while stack:
        symbol = stack.pop()
        everything.append(symbol.name)
        stack.extend(symbol.children or [])
    subgroups = next(s for s in symbols if s.name == "Why it is better than it seems").children
    assert [s.name for s in subgroups or []][:2] == [
        "Normal bargaining between great powers",
        "Not set for confrontation",
    ]
    result = read_text(FLAGSHIP.read_text(encoding="utf-8"), str(FLAGSHIP))
    assert sorted(everything) == sorted(
        [
            *result.map.sources,
            *result.map.statements,
            *(g.title for g in result.map.groups.values()),
        ]
    )
    await close(client, FLAGSHIP)


# ---- completion ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "kinds"),
    [
        ("  + ", {"statements", "kinds"}),
        ("  - [o2] ", {"statements", "kinds"}),
        ("    & b", {"statements", "kinds"}),
        # a premise of a flat declaration is an id, never a new statement
        ("reason r3: ", {"statements"}),
        ("reason r7: a & ", {"statements"}),
        ("objection o3: a & b", {"statements"}),
        # a reason targets a statement; an objection may target an inference too
        ("reason r7: a -> ", {"statements"}),
        ("objection o3: a -> ", {"statements", "inferences"}),
        ("expect OUT: ", {"statements", "inferences"}),
        ("expect UNDEC: t ", {"statements", "inferences"}),
        ("  quote ", {"sources"}),
        ("  cite rep", {"sources"}),
        # `+ [` names a new reason: no existing id fits there
        ("  + [", set()),
        ("  - [o", set()),
        ("", {"kinds"}),
        ("cla", {"kinds"}),
        # under a statement: its reasons and objections, never itself, and its attributes
        ('claim z: "Z."\n  + z', {"statements", "kinds"}),
        ('claim z: "Z."\n  + "Anonymous."\n  - z', {"statements", "kinds"}),
        ('claim z: "Z."\n  ', {"body"}),
        ('claim z: "Z."\n  + [r9] a\n    no', {"body"}),
        ('group g "G"\n  ', {"kinds"}),
        # a line that continues a text in triple quotes is not what the next line is under
        ('source s2 """S2\ncontinued"""\n  ', {"fields"}),
        ('claim z: """Z\nmore"""\n  + ', {"statements", "kinds"}),
        ('group g "G"\n  assu', {"kinds"}),
        # a statement without an id is never offered: nothing can refer to it
        ('claim z: "Z."\n  + "Anonymous."\nexpect IN: ', {"statements", "inferences", "z"}),
        (
            'claim z: "Z."\n  + "Anonymous."\nobjection o9: z -> t',
            {"statements", "inferences", "z", "o9"},
        ),
        ('claim "a + ', set()),
        ("# - ", set()),
    ],
)
async def test_completion(client: LanguageClient, nav: Path, line: str, kinds: set[str]) -> None:
    text = NAV + line + "\n"
    await open_text(client, nav, text)
    where = types.Position(text.count("\n") - 1, len(line.split("\n")[-1]))
    result = await client.text_document_completion_async(types.CompletionParams(doc(nav), where))
    labels = set()
    if isinstance(result, types.CompletionList):
        labels = {item.label for item in result.items}
    expected: set[str] = kinds & {"z", "o9"}  # ids the case declares
    if "statements" in kinds:
        expected |= {"t", "a", "b", "c"}
    if "inferences" in kinds:
        expected |= {"r1", "o", "r2"}
    if "sources" in kinds:
        expected |= {"report"}
    if "kinds" in kinds:
        expected |= {"thesis", "claim", "evidence", "assumption"}
    if "body" in kinds:
        expected |= {"quote", "cite", "by", "tags", "note"}
    if "fields" in kinds:
        expected |= {"file", "url", "title", "author", "date"}
    assert labels == expected
    await close(client, nav)


async def test_completion_replaces_the_whole_partial_id(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "ids.arg"
    text = 'claim lost-trust: "L."\nthesis q: "Q."\n  + lost-\n'
    await open_text(client, path, text)
    where = position_of(text, "lost-\n", offset=len("lost-"))
    result = await client.text_document_completion_async(types.CompletionParams(doc(path), where))
    assert isinstance(result, types.CompletionList)
    item = next(i for i in result.items if i.label == "lost-trust")
    assert isinstance(item.text_edit, types.TextEdit)
    assert item.text_edit.range == types.Range(position_of(text, "lost-\n"), where)
    assert apply(text, [item.text_edit]) == text.replace("lost-\n", "lost-trust\n")
    await close(client, path)


# ---- quick fixes -----------------------------------------------------------------------------

FIXABLE = """\
thesis t: "T."
  + [r] a
  & b
claim a: "A."
b: "B."
reason r2: a & missing -> t
"""


async def fixes(client: LanguageClient, path: Path, text: str) -> dict[str, list[types.TextEdit]]:
    """The quick fixes offered for every diagnostic of ``text``, by title."""
    diagnostics = await open_text(client, path, text)
    end = types.Position(text.count("\n"), 0)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            doc(path),
            types.Range(types.Position(0, 0), end),
            types.CodeActionContext(diagnostics),
        )
    )
    uri = str(from_fs_path(str(path)))
    found = {}
    for action in actions or []:
        assert isinstance(action, types.CodeAction)
        assert action.kind == types.CodeActionKind.QuickFix
        assert action.edit is not None and action.edit.changes is not None
        found[action.title] = list(action.edit.changes[uri])
    await close(client, path)
    return found


async def test_quick_fixes(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "fix.arg"
    found = await fixes(client, path, FIXABLE)
    # An undefined id (E102): the map has errors, so only that fix is offered.
    assert list(found) == ['Define "missing" as a claim']
    defined = apply(FIXABLE, found['Define "missing" as a claim'])
    assert defined.endswith('\nclaim missing: ""\n')
    result = read_text(defined, "fix.arg")
    assert result.ok
    # Unsupported claims (S201): make them assumptions, or silence S201 on their line.
    found = await fixes(client, path, defined)
    assert set(found) >= {
        'Make "a" an assumption',
        'Make "b" an assumption',
        "Ignore S201 on this line",
    }
    for title in ('Make "a" an assumption', 'Make "b" an assumption'):
        fixed = read_text(apply(defined, found[title]), "fix.arg")
        assert fixed.ok
        assert fixed.map.statements[title.split('"')[1]].kind.value == "assumption"
    assert 'assumption b: "B."' in apply(defined, found['Make "b" an assumption'])
    # The suppression silences exactly that finding.
    before = {(d.code, subject(d)) for d in await open_text(client, path, defined)}
    await close(client, path)
    silenced = apply(defined, found["Ignore S201 on this line"])
    after = {(d.code, subject(d)) for d in await open_text(client, path, silenced)}
    await close(client, path)
    assert len(before - after) == 1 and list(before - after)[0][0] == "S201"
    assert not any(code == "X901" for code, _ in after)


async def test_quick_fixes_of_a_claim_without_an_id(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "anonymous.arg"
    text = 'thesis t: "T."\n  + "Anonymous C."\n'
    found = await fixes(client, path, text)
    assert set(found) >= {"Make the claim on line 2 an assumption", "Ignore S201 on this line"}
    for edits in found.values():
        fixed = apply(text, edits)
        assert read_text(fixed, "anonymous.arg").ok, fixed
    made = apply(text, found["Make the claim on line 2 an assumption"])
    assert made == 'thesis t: "T."\n  + assumption: "Anonymous C."\n'
    assert "claim#" not in "".join(found)


def subject(diagnostic: types.Diagnostic) -> object:
    assert isinstance(diagnostic.data, dict)
    return diagnostic.data["subject"]


async def test_define_an_undefined_source(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / "src.arg"
    text = 'source a "A"\nsource b "B"\nthesis t: "T."\n  quote paper "words"\n'
    found = await fixes(client, path, text)
    assert list(found) == ['Define "paper" as a source']
    assert read_text(apply(text, found['Define "paper" as a source']), "src.arg").ok


# ---- semantic tokens -------------------------------------------------------------------------


async def test_semantic_tokens(client: LanguageClient, nav: Path) -> None:
    await open_text(client, nav)
    legend = client.capabilities and None  # the legend comes from the server
    del legend
    result = await client.text_document_semantic_tokens_full_async(
        types.SemanticTokensParams(doc(nav))
    )
    assert result is not None
    data = result.data
    types_legend = [
        "keyword",
        "type",
        "variable",
        "string",
        "comment",
        "enumMember",
        "operator",
        "decorator",
    ]
    lines = NAV.split("\n")
    decoded = []
    line = start = 0
    for i in range(0, len(data), 5):
        line += data[i]
        start = data[i + 1] if data[i] else start + data[i + 1]
        word = lines[line][start : start + data[i + 2]]
        decoded.append((word, types_legend[data[i + 3]], data[i + 4]))
    assert ("source", "keyword", 0) in decoded
    assert ("thesis", "type", 0) in decoded
    assert ("t", "variable", 1) in decoded  # declared here
    assert decoded.count(("a", "variable", 0)) == 4  # referred to
    assert ('"T."', "string", 0) in decoded
    assert ("# a, in a comment, is no reference", "comment", 0) in decoded
    assert ("IN", "enumMember", 0) in decoded
    assert ("econ", "decorator", 0) in decoded  # the tag
    await close(client, nav)


async def test_positions_count_utf16_code_units(client: LanguageClient, tmp_path: Path) -> None:
    """An emoji is two UTF-16 code units: positions after it are shifted as editors count."""
    path = tmp_path / "emoji.arg"
    text = 'thesis t: "Smile \U0001f600 more"\n  + [r] a\nclaim a: "\U0001f600"\n'
    diagnostics = await open_text(client, path, text)
    s201 = next(d for d in diagnostics if d.code == "S201")
    assert s201.range.end == types.Position(2, len('claim a: "') + 2 + 1)
    hover = await client.text_document_hover_async(
        types.HoverParams(doc(path), types.Position(1, 9))
    )
    assert hover is not None and "**claim** `a`" in str(hover.contents)
    await close(client, path)


async def test_a_finding_on_a_line_whose_width_changed_moves_with_it(
    client: LanguageClient, tmp_path: Path
) -> None:
    """The server sends a finding it reported before as it was, unless the text of its lines
    changed: a character as wide as two UTF-16 code units moves the end of the same finding."""
    path = tmp_path / "wide.arg"
    text = 'thesis t: "T."\n  + [r] a\nclaim a: "x"\n'
    start = len('claim a: "')
    (s201,) = [d for d in await open_text(client, path, text) if d.code == "S201"]
    assert s201.range.end == types.Position(2, start + 1 + 1)
    changed = text.replace('"x"', '"\U0001f600"')
    (s201,) = [d for d in await change(client, path, 2, changed) if d.code == "S201"]
    assert s201.range.end == types.Position(2, start + 2 + 1)
    (s201,) = [d for d in await change(client, path, 3, "\n" + changed) if d.code == "S201"]
    assert s201.range.end == types.Position(3, start + 2 + 1)
    await close(client, path)


@pytest_lsp.fixture(  # type: ignore[untyped-decorator]
    config=ClientServerConfig(server_command=[sys.executable, "-m", "argmap", "lsp"]),
)
async def misconfigured(lsp_client: LanguageClient) -> AsyncIterator[None]:
    lsp_client.diagnostics = Published()
    params = types.InitializeParams(
        capabilities=client_capabilities("neovim"),
        initialization_options={"debounce": "soon"},
    )
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio(loop_scope="function")
async def test_an_unusable_option_is_said_and_the_default_used(
    misconfigured: LanguageClient, tmp_path: Path
) -> None:
    assert [m.message for m in misconfigured.messages] == [
        "argmap lsp: debounce must be a number of milliseconds from 0 to 10000, "
        "not 'soon'; using 200"
    ]
    path = tmp_path / "m.arg"
    await open_text(misconfigured, path, FIXED)
    assert await change(misconfigured, path, 2, BROKEN) != []


async def formatting(client: LanguageClient, path: Path) -> Sequence[types.TextEdit] | None:
    """The server's answer to "format document" for an open map (two spaces a level)."""
    options = types.FormattingOptions(tab_size=2, insert_spaces=True)
    return await client.text_document_formatting_async(
        types.DocumentFormattingParams(doc(path), options)
    )


async def test_format_document_gives_the_layout_of_argmap_fmt(
    client: LanguageClient, tmp_path: Path
) -> None:
    from argmap.formatter import format_text

    path = tmp_path / "m.arg"
    messy = 'thesis   t :"T."   # the point\n    +    e:"E."\nclaim   x:   "X."\nreason: x->t\n'
    await open_text(client, path, messy)
    edits = await formatting(client, path)
    assert edits is not None and len(edits) == 1
    formatted = apply(messy, edits)
    assert formatted == format_text(messy).text and formatted != messy
    assert "# the point" in formatted
    # Formatted already: nothing to do; with a syntax error: no edit (the error is shown).
    await change(client, path, 2, formatted)
    again = await formatting(client, path)
    assert again is not None and list(again) == []
    await change(client, path, 3, formatted + 'claim broken "no colon"\n')
    broken = await formatting(client, path)
    assert broken is None
    await close(client, path)


async def test_format_document_with_windows_line_ends(
    client: LanguageClient, tmp_path: Path
) -> None:
    from argmap.formatter import format_text

    path = tmp_path / "crlf.arg"
    text = 'thesis t: "T."\r\n  + evidence e: "E."\r\n'
    await open_text(client, path, text)
    edits = await formatting(client, path)
    assert edits is not None and len(edits) == 1
    assert edits[0].range.start == types.Position(0, 0)
    assert edits[0].range.end.line >= text.count("\n")
    assert edits[0].new_text == format_text(text).text == text.replace("\r\n", "\n")
    await close(client, path)


def _framed(message: dict[str, object]) -> bytes:
    body = json.dumps(message).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


async def test_what_goes_wrong_is_logged_a_line_each_without_a_traceback(tmp_path: Path) -> None:
    uri = from_fs_path(str(tmp_path / "m.arg"))
    text = 'thesis t: "T."\n  + e\nevidence e: "E."\n'
    rename = {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 7}}
    messages = [
        b"Content-Length: 5\r\n\r\n{bad}",  # not JSON
        _framed(
            {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}
        ),
        _framed({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
        _framed(
            {
                "jsonrpc": "2.0",
                "method": "textDocument/didOpen",
                "params": {
                    "textDocument": {"uri": uri, "languageId": "argmap", "version": 1, "text": text}
                },
            }
        ),
        _framed(
            {
                "jsonrpc": "2.0",
                "id": 2,
                "method": "textDocument/rename",
                "params": {**rename, "newName": "bad name!"},
            }
        ),
        _framed({"jsonrpc": "2.0", "id": 3, "method": "shutdown"}),
        _framed({"jsonrpc": "2.0", "method": "exit"}),
    ]
    server = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "argmap",
        "lsp",
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(server.communicate(b"".join(messages)), timeout=60)
    said = err.decode("utf-8").splitlines()
    assert server.returncode == 0
    assert len(said) == 2, said
    assert said[0].startswith("argmap lsp: error: Unable to handle message (Expecting property")
    assert said[1].startswith("argmap lsp: error: ")
    assert '("bad name!" cannot be an id: an id starts with a letter' in said[1]
    assert b'"id": 2' in out and b'"code": -32602' in out  # the editor is told, too
