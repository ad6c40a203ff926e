"""The HTML map in a real browser: Debian's Chromium, headless, driven through Playwright.

The flagship's page renders without a console error; search highlights and centres; a click
fills the panel; the wheel, the keys and a drag zoom and pan; the label button swaps the
colouring; a hostile map stays inert; and `argmap view` updates the open page when the map or
its source is saved, keeping the zoom, and shows the errors of a broken save over the last
good drawing. Screenshots go to test-artifacts/screenshots/ (not committed).

Skipped, saying why, where Playwright or Chromium is missing (.ci/run installs both).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.test_html_page import HOSTILE

try:
    from playwright import sync_api
except ImportError:  # the browser-test extra is not installed
    sync_api = None  # type: ignore[assignment]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
MISSING = (
    "Playwright is not installed: pip install -e '.[browser-test]'"
    if sync_api is None
    else "Chromium is not installed: sudo apt-get install chromium"
    if CHROMIUM is None
    else None
)
REQUIRED = os.environ.get("ARGMAP_REQUIRE_BROWSER") == "1"
"""Set by .ci/run, which installs both: there a missing browser is a failure, not a skip."""
FLAGSHIP = ROOT / "maps" / "precarious-balance.arg"
SHOTS = ROOT / "test-artifacts" / "screenshots"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.dot


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module."""
    if MISSING is not None:
        if REQUIRED:
            pytest.fail(f"the browser tests cannot run: {MISSING}")
        pytest.skip(f"{MISSING} (the browser tests run in .ci/run, which installs it)")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


class Watched:
    """A page, with every console message, page error and dialog it caused."""

    def __init__(self, browser: Any) -> None:
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        self.page.on("dialog", lambda dialog: self.problems.append(f"dialog: {dialog.message}"))

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning"):
            self.problems.append(f"console {message.type}: {message.text}")

    def shot(self, name: str) -> None:
        self.page.screenshot(path=str(SHOTS / f"{name}.png"))

    def view_box(self) -> list[float]:
        return _view_box(self.page)


def _view_box(page: Any) -> list[float]:
    """The part of the drawing in view: x, y, width, height in the drawing's units."""
    box = page.eval_on_selector(".drawing:not([hidden]) svg", "svg => svg.getAttribute('viewBox')")
    return [float(n) for n in box.split()]


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    w = Watched(browser)
    yield w
    w.context.close()


def _render(map_path: Path, out: Path, *options: str) -> Path:
    subprocess.run(
        [sys.executable, "-m", "argmap", "render", str(map_path), *options, "-o", str(out)],
        check=True,
        capture_output=True,
    )
    return out


@pytest.fixture(scope="module")
def flagship(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _render(FLAGSHIP, tmp_path_factory.mktemp("html") / "flagship.html")


def _node(page: Any, text: str) -> str:
    """The node id of the element the panel data names ``text``."""
    node: str = page.evaluate(
        """id => { const d = JSON.parse(document.getElementById('argmap-data').textContent);
        return Object.keys(d.elements).find(k => d.elements[k].id === id); }""",
        text,
    )
    return node


def test_flagship_renders_without_console_errors(watched: Watched, flagship: Path) -> None:
    page = watched.page
    page.goto(flagship.as_uri())
    assert page.locator(".drawing:not([hidden]) g.node.statement").count() > 30
    assert "Precarious Balance" in page.inner_text("#map-title")
    assert "Click a statement" in page.inner_text("#panel")
    watched.shot("flagship")
    assert watched.problems == []


def test_search_highlights_and_centres_a_statement(watched: Watched, flagship: Path) -> None:
    page = watched.page
    page.goto(flagship.as_uri())
    page.fill("#search", "Jackson-Vanik")
    assert page.inner_text("#matches") == "1 of 1"
    node = _node(page, "jackson_vanik")
    assert page.get_attribute(f'.drawing:not([hidden]) g[id="{node}"]', "class").endswith(
        "argmap-match argmap-selected"
    )
    stage = page.locator("#stage").bounding_box()
    box = page.locator(f'.drawing:not([hidden]) g[id="{node}"]').bounding_box()
    assert abs(box["x"] + box["width"] / 2 - (stage["x"] + stage["width"] / 2)) < 2
    assert abs(box["y"] + box["height"] / 2 - (stage["y"] + stage["height"] / 2)) < 2
    assert box["width"] > 100  # zoomed in to read it
    assert "Jackson-Vanik" in page.inner_text("#panel")
    watched.shot("search")
    assert watched.problems == []


def test_a_click_fills_the_panel_and_its_links_lead_on(watched: Watched, flagship: Path) -> None:
    page = watched.page
    page.goto(flagship.as_uri())
    page.fill("#search", "better than their gloomy")
    page.fill("#search", "")
    page.keyboard.press("Escape")
    node = _node(page, "better")
    page.click(f'.drawing:not([hidden]) g[id="{node}"]')
    panel = page.inner_text("#panel")
    assert "thesis better" in panel
    assert "U.S.-Russian relations are better than their gloomy picture suggests." in panel
    assert "Held by Lukyanov" in panel
    assert "IN" in panel
    assert "— Russia and the United States: A Precarious Balance" in panel
    assert "supported by" in panel and "objected to by" in panel
    watched.shot("panel")
    page.click("#panel button.link >> nth=0")
    panel = page.inner_text("#panel")
    assert panel.startswith("reason r_meeting")
    assert "supports better: U.S.-Russian relations" in panel
    assert watched.problems == []


def test_wheel_keys_and_drag_zoom_and_pan(watched: Watched, flagship: Path) -> None:
    page = watched.page
    page.goto(flagship.as_uri())
    home = watched.view_box()
    page.mouse.move(600, 400)
    page.mouse.wheel(0, -500)
    zoomed = watched.view_box()
    assert zoomed[2] < home[2] / 2
    page.focus("#stage")
    page.keyboard.press("0")
    assert watched.view_box() == home
    page.keyboard.press("+")
    page.keyboard.press("+")
    assert watched.view_box()[2] == pytest.approx(home[2] / 1.5625)
    before = watched.view_box()
    page.keyboard.press("ArrowLeft")
    assert watched.view_box()[0] < before[0]
    before = watched.view_box()
    page.mouse.move(500, 500)
    page.mouse.down()
    page.mouse.move(400, 450, steps=5)
    page.mouse.up()
    after = watched.view_box()
    assert after[0] > before[0] and after[1] > before[1] and after[2] == before[2]
    page.click("#zoom-out")
    assert watched.view_box()[2] > after[2]
    watched.shot("zoomed")
    page.click("#fit")
    assert watched.view_box() == home
    assert watched.problems == []


def test_fingers_pan_and_pinch(browser: Any, flagship: Path) -> None:
    context = browser.new_context(viewport={"width": 1000, "height": 700}, has_touch=True)
    try:
        page = context.new_page()
        page.goto(flagship.as_uri())
        touch = context.new_cdp_session(page)

        def fingers(kind: str, *points: tuple[float, float]) -> None:
            spots = [{"x": x, "y": y, "id": n} for n, (x, y) in enumerate(points)]
            touch.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": spots})

        home = _view_box(page)
        fingers("touchStart", (400, 300))
        for step in range(1, 6):
            fingers("touchMove", (400 - 20 * step, 300))
        fingers("touchEnd")
        panned = _view_box(page)
        assert panned[0] > home[0] and panned[2] == home[2]
        fingers("touchStart", (380, 300), (420, 300))
        for step in range(1, 9):
            fingers("touchMove", (380 - 20 * step, 300), (420 + 20 * step, 300))
        fingers("touchEnd")
        assert _view_box(page)[2] < panned[2] / 2
    finally:
        context.close()


def test_the_label_button_swaps_the_colouring(watched: Watched, flagship: Path) -> None:
    page = watched.page
    page.goto(flagship.as_uri())
    assert page.get_attribute("#evaluate", "aria-pressed") == "false"
    page.click("#evaluate")
    assert page.get_attribute("#evaluate", "aria-pressed") == "true"
    shown = page.locator(".drawing:not([hidden])")
    assert shown.get_attribute("data-evaluated") == "true"
    assert "OUT: unsupported" in shown.inner_text()  # showdown: the column gives it no reason
    watched.shot("labels")
    page.keyboard.press("e")
    assert page.get_attribute("#evaluate", "aria-pressed") == "false"
    assert watched.problems == []


def test_a_hostile_map_stays_inert(watched: Watched, tmp_path: Path) -> None:
    (tmp_path / "hostile.arg").write_text(HOSTILE, encoding="utf-8")
    out = _render(tmp_path / "hostile.arg", tmp_path / "hostile.html")
    page = watched.page
    page.goto(out.as_uri())
    nodes = page.eval_on_selector_all(".drawing:not([hidden]) g.node", "gs => gs.map(g => g.id)")
    texts = []
    for node in nodes:
        page.click(f'.drawing:not([hidden]) g[id="{node}"]', force=True)
        texts.append(page.inner_text("#panel"))
    page.fill("#search", "pwned")
    page.click("#evaluate")
    panels = "\n".join(texts)
    assert "<img src=x onerror=window.pwned=5> </svg><svg onload=window.pwned=6>" in panels
    assert "</script><script>window.pwned=8</script>" in panels
    assert "<iframe src=javascript:window.pwned=9></iframe>" in panels
    assert page.inner_text("#map-title") == "</title><script>window.pwned=1</script>"
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.locator("img, iframe, foreignObject, object, embed").count() == 0
    assert page.locator("script").count() == 2
    watched.shot("hostile")
    assert watched.problems == []


def test_the_policy_blocks_script_that_got_into_the_page(watched: Watched, tmp_path: Path) -> None:
    """Defence in depth: were markup ever to get past the escaping, it would not run."""
    (tmp_path / "small.arg").write_text(SMALL, encoding="utf-8")
    page_path = _render(tmp_path / "small.arg", tmp_path / "small.html")
    page = page_path.read_text(encoding="utf-8")
    injected = (
        "<script>window.pwned = 1</script><img src=x onerror='window.pwned = 2'>"
        "<a id=js href='javascript:window.pwned=3'>x</a>"
    )
    page_path.write_text(page.replace("<main", injected + "<main", 1), encoding="utf-8")
    watched.page.goto(page_path.as_uri())
    watched.page.click("#js")
    assert watched.page.evaluate("typeof window.pwned") == "undefined"
    blocked = [p for p in watched.problems if "Content Security Policy" in p]
    assert len(blocked) >= 3, watched.problems


# ---- argmap view -------------------------------------------------------------------------------

SMALL = """\
title "Watched"
source col "The column"
  file "col.txt"
thesis t: "The thesis."
  + e
evidence e: "A fact."
  quote col "the words"
"""


class Viewer:
    """`argmap view` running on a map in a folder, stopped with Ctrl-C (SIGINT) at the end."""

    def __init__(self, folder: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "argmap", "view", "map.arg", "--no-browser"],
            cwd=folder,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert self.process.stderr is not None
        assert " at http://127.0.0.1:" in line, line + self.process.stderr.read()
        self.url = line.split(" at ", 1)[1].split(" ", 1)[0]

    def stop(self) -> tuple[int, str]:
        self.process.send_signal(signal.SIGINT)
        out, _ = self.process.communicate(timeout=10)
        return self.process.returncode, out


def _wait_for_version(page: Any, version: int) -> None:
    page.wait_for_selector(f'body[data-version="{version}"]', state="attached", timeout=15000)


def test_view_updates_the_page_on_save(watched: Watched, tmp_path: Path) -> None:
    (tmp_path / "map.arg").write_text(SMALL, encoding="utf-8")
    (tmp_path / "col.txt").write_text("The column says the words.\n", encoding="utf-8")
    viewer = Viewer(tmp_path)
    try:
        page = watched.page
        page.goto(viewer.url)
        _wait_for_version(page, 1)
        page.focus("#stage")
        page.keyboard.press("+")
        page.keyboard.press("ArrowLeft")
        kept = watched.view_box()

        page.click(f'.drawing:not([hidden]) g[id="{_node(page, "e")}"]')
        assert page.inner_text("#panel h2") == "evidence e"
        kept = watched.view_box()
        where = page.locator(f'.drawing:not([hidden]) g[id="{_node(page, "e")}"]').bounding_box()

        # a statement before the others: the drawing's node ids all move on by one
        added = SMALL.replace(
            "thesis t:", 'claim added: "Added while the page was open."\nthesis t:'
        )
        (tmp_path / "map.arg").write_text(added, encoding="utf-8")
        _wait_for_version(page, 2)
        assert "Added while the page" in page.inner_text(".drawing:not([hidden])")
        assert page.inner_text("#panel h2") == "evidence e"  # still the same statement
        assert watched.view_box()[2:] == kept[2:]  # the same zoom, and the statement in place:
        moved = page.locator(f'.drawing:not([hidden]) g[id="{_node(page, "e")}"]').bounding_box()
        assert (moved["x"], moved["y"]) == pytest.approx((where["x"], where["y"]), abs=1)
        watched.shot("view-updated")

        (tmp_path / "map.arg").write_text(added + 'claim broken "no colon"\n', encoding="utf-8")
        _wait_for_version(page, 3)
        errors = page.locator("#errors")
        assert errors.is_visible()
        assert "map.arg:9:" in errors.inner_text()
        assert "Added while the page" in page.inner_text(".drawing:not([hidden])")  # kept
        watched.shot("view-errors")

        (tmp_path / "map.arg").write_text(SMALL, encoding="utf-8")
        _wait_for_version(page, 4)
        assert not errors.is_visible()
        (tmp_path / "col.txt").write_text("The column no longer says it.\n", encoding="utf-8")
        _wait_for_version(page, 5)
        page.fill("#search", "A fact")
        assert "Q501" in page.inner_text("#panel")
        watched.shot("view-source-changed")

        # settings beside the map: the finding is ignored from now on
        (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nignore = ["Q501"]\n')
        _wait_for_version(page, 6)
        page.fill("#search", "A fact")
        assert "A fact" in page.inner_text("#panel")
        assert "Q501" not in page.inner_text("#panel")
        assert watched.problems == []
    finally:
        code, out = viewer.stop()
    assert code == 0
    assert "argmap view: stopped" in out
