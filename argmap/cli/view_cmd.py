"""``argmap view``: the map's HTML page in the browser, drawn again whenever the map or a source
it quotes is saved (needs the ``view`` extra: ``pip install 'argmap[view]'``)."""

from __future__ import annotations

import os
import threading
import webbrowser
from collections.abc import Callable
from typing import Any

import click

from argmap.cli.config import ConfigError
from argmap.cli.drawing_options import Drawing, drawing_options
from argmap.cli.html_render import html_parts
from argmap.cli.inputs import EXIT_CLEAN, EXIT_ERROR, InputError, fail, read_input
from argmap.cli.settings import settings_files
from argmap.cli.view_server import Live, ViewServer
from argmap.html import Drawings, content_security_policy, html_page, inert_svg
from argmap.render import focus_problem
from argmap.render.engines import EngineError, EngineMissing
from argmap.report.human import format_human

__all__ = ["view"]

_DEBOUNCE_MS = 150
_ONE_MAP = "give the path of one map file"
_RETRY = 0.5


@click.command()
@click.argument("file")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=0,
    help="Port on 127.0.0.1 to serve the page at (default: a free one, printed).",
)
@click.option("--no-browser", is_flag=True, help="Do not open the page in the browser.")
@click.option(
    "--evaluate",
    is_flag=True,
    help="Colour statements IN / OUT / UNDEC at first (a button toggles).",
)
@drawing_options
def view(
    file: str,
    port: int,
    no_browser: bool,
    evaluate: bool,
    drawing: Drawing,
) -> None:
    """Show the map FILE in the browser, and keep it up to date while you edit it.

    Serves the interactive page (as `argmap render -f html` writes it) on 127.0.0.1 and
    opens it. Each time the map, or a source file it quotes, is saved, the map is drawn
    again and the page updates where it is, keeping its zoom and position; a map saved with
    errors keeps its last good drawing and shows the errors over it. Ctrl-C stops.
    The drawing options are those of argmap render.
    """
    try:
        from watchfiles import watch
    except ImportError:
        fail(
            "argmap view needs the watchfiles package: install it with "
            "pip install 'argmap[view]' (or pip install watchfiles)"
        )
        return
    if file == "-":
        fail("argmap view follows a map file as it is saved: give its path, not - (standard input)")
    first = read_input(file, _ONE_MAP)
    if isinstance(first, InputError):
        click.echo(str(first), err=True)
        raise SystemExit(EXIT_ERROR)
    state = _MapState(file, drawing, evaluate)
    live = Live(*state.draw())
    try:
        server = ViewServer(live, port, content_security_policy(live=True))
    except OSError as exc:
        fail(
            f"cannot serve on 127.0.0.1 port {port} ({(exc.strerror or str(exc)).lower()}): "
            "choose another with --port, or leave --port out to use a free one"
        )
        return
    click.echo(f"argmap view: showing {file} at {server.url} (Ctrl-C to stop)")
    if not no_browser:
        threading.Thread(target=webbrowser.open, args=(server.url,), daemon=True).start()
    watcher = threading.Thread(
        target=_watch, args=(watch, state, live), name="argmap-watch", daemon=True
    )
    watcher.start()
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        live.stopping.set()
        server.server_close()
        watcher.join(timeout=5)
    click.echo("argmap view: stopped")
    raise SystemExit(EXIT_CLEAN)


class _MapState:
    """Draws the map and remembers what the page last showed well: its drawings and data, and
    the files they came from (which the watcher follows)."""

    def __init__(self, path: str, drawing: Drawing, evaluate: bool) -> None:
        self.path = path
        self.drawing = drawing
        self.evaluate = evaluate
        self.files: tuple[str, ...] = (os.path.abspath(path), *settings_files(path))
        self.good: tuple[Drawings, dict[str, Any]] | None = None
        self.version = 0

    def draw(self) -> tuple[str, dict[str, Any]]:
        """The page and the update for the map as it is on disk now; errors are printed too."""
        self.version += 1
        errors = self._redraw()
        if errors:
            click.echo(errors.rstrip("\n"), err=True)
        else:
            click.echo(f"argmap view: drew {self.path}", err=True)
        update: dict[str, Any] = {"version": self.version, "errors": errors}
        if self.good is None:
            page = html_page(
                None, {"title": None, "elements": {}, "map": []}, live=True, errors=errors
            )
            return page, update
        drawings, data = self.good
        if not errors:
            update.update(data, svgs=[drawings.plain, drawings.evaluated])
        page = html_page(drawings, data, evaluate=self.evaluate, live=True, errors=errors)
        return page, update

    def _redraw(self) -> str | None:
        """Draw the map again; what went wrong, in plain words, or None."""
        item = read_input(self.path, _ONE_MAP)
        if isinstance(item, InputError):
            return str(item)
        if not item.ok:
            return format_human(item.diagnostics, {item.map.path: item.text})
        focus = self.drawing.options.focus
        problem = focus_problem(item.map, focus) if focus else None
        if problem:
            return f"{self.path}: error: {problem}"
        try:
            parts = html_parts(item, self.drawing)
            drawings = parts.drawings._replace(
                plain=inert_svg(parts.drawings.plain),
                evaluated=inert_svg(parts.drawings.evaluated),
            )
        except EngineMissing as exc:
            return f"argmap: error: {exc}"
        except (EngineError, ConfigError, ValueError) as exc:
            return f"{self.path}: error: {exc}"
        self.good = (drawings, parts.data)
        self.files = (*parts.files, *settings_files(self.path))
        return None


def _watch(watch: Callable[..., Any], state: _MapState, live: Live) -> None:
    """Draw the map again whenever one of its files is saved, until the server stops. The
    folders watched change when the map starts or stops quoting a source in another one; a
    folder that goes away is looked for again every half second."""
    while not live.stopping.is_set():
        files = state.files
        folders = sorted({os.path.dirname(f) for f in files if os.path.isdir(os.path.dirname(f))})
        if not folders:
            live.stopping.wait(_RETRY)
            continue

        def followed(_change: object, path: str, files: tuple[str, ...] = files) -> bool:
            return os.path.abspath(path) in files

        try:
            for _ in watch(
                *folders,
                watch_filter=followed,
                debounce=_DEBOUNCE_MS,
                stop_event=live.stopping,
                recursive=False,
                raise_interrupt=False,
            ):
                live.publish(*state.draw())
                if state.files != files:
                    break
        except OSError:  # a folder went away while it was watched
            live.stopping.wait(_RETRY)
