"""The HTML map without a browser: the page writer (escaping, the policy, the drawing checked
inert), the panel's data, `argmap render -f html`, and `argmap view`'s server over HTTP."""

from __future__ import annotations

import base64
import hashlib
import http.client
import json
import re
import signal
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.cli.drawing_options import Drawing
from argmap.cli.html_render import html_parts
from argmap.cli.view_server import Live, ViewServer
from argmap.html import content_security_policy, html_page, inert_svg, panel_data
from argmap.model import Label
from argmap.reader import read_text
from argmap.render import RenderOptions
from argmap.render.dot import node_ids
from tests.conftest import ROOT

FLAGSHIP = ROOT / "maps" / "precarious-balance.arg"
HOSTILE = (
    'title "</title><script>window.pwned=1</script>"\n'
    'description "<!-- </script> -->"\n'
    'source s "</svg><script>window.pwned=2</script>"\n'
    '  url "javascript:window.pwned=3"\n'
    '  author "<svg onload=window.pwned=4>"\n'
    'thesis t\u05e2evil: "<img src=x onerror=window.pwned=5> </svg><svg onload=window.pwned=6>"\n'
    '  by "<a href=\\"javascript:window.pwned=7\\">holder</a>"\n'
    '  quote s "</script><script>window.pwned=8</script>"\n'
    '  + a\u0301b: "zero\u200bwidth \u2067bidi\u2069 & \\"quotes\\" \'single\' `back` \u202e"\n'
    '    note "<iframe src=javascript:window.pwned=9></iframe>"\n'
    '  - [o\u0627x "]]></style><style>body{display:none}</style>"] c: '
    '"{{x}} ${x} javascript:window.pwned=10 \u2028 \u2029"\n'
)
"""A map whose every text tries to become markup or script, with ids in right-to-left letters and
a combining accent (tests/test_html_browser.py opens its page in a browser)."""

SMALL = """\
title "Small"
source col "The column"
thesis t: "The thesis."
  by Someone
  + [r_main] e
  - [o_doubt] d
evidence e: "A fact."
  quote col "the words"
claim d: "A doubt with no support."
"""


class _Elements(HTMLParser):
    """The tags of a page, and the text of each script and style element."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.code: dict[str, list[str]] = {"script": [], "style": []}
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in self.code:
            self._open = tag
            self.code[tag].append("")

    def handle_endtag(self, tag: str) -> None:
        self._open = None

    def handle_data(self, data: str) -> None:
        if self._open:
            self.code[self._open][-1] += data


def _parse(page: str) -> _Elements:
    parser = _Elements()
    parser.feed(page)
    parser.close()
    return parser


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _read(text: str, path: str = "map.arg") -> Any:
    result = read_text(text, path)
    assert result.ok, [d.message for d in result.diagnostics]
    return result


@pytest.fixture(scope="module")
def hostile_page() -> str:
    parts = html_parts(_read(HOSTILE), Drawing(RenderOptions(), "dot", check=True))
    return html_page(parts.drawings, parts.data)


# ---- the page ---------------------------------------------------------------------------------


@pytest.mark.dot
def test_hostile_text_never_becomes_markup(hostile_page: str) -> None:
    page = _parse(hostile_page)
    names = [tag for tag, _ in page.tags]
    assert names.count("script") == 2  # the data block and the viewer
    assert not {"img", "iframe", "foreignobject", "object", "embed"} & set(names)
    assert names.count("style") == 1
    links = [attrs for tag, attrs in page.tags if tag == "a"]
    assert links and not any("href" in name for attrs in links for name in attrs)  # tooltips only
    assert all(not name.startswith("on") for _, attrs in page.tags for name in attrs)
    data_block, viewer = page.code["script"]
    assert "pwned" not in viewer
    assert "<" not in data_block and "&" not in data_block
    data = json.loads(data_block)
    texts = [e.get("text") for e in data["elements"].values()]
    assert "<img src=x onerror=window.pwned=5> </svg><svg onload=window.pwned=6>" in texts
    assert data["title"] == "</title><script>window.pwned=1</script>"
    # the <title> holds the title as escaped text
    assert (
        "<title>&lt;/title&gt;&lt;script&gt;window.pwned=1&lt;/script&gt;</title>" in hostile_page
    )


@pytest.mark.dot
def test_hostile_ids_and_controls_arrive_visible(hostile_page: str) -> None:
    data = json.loads(_parse(hostile_page).code["script"][0])
    ids = {e["id"] for e in data["elements"].values()}
    assert {"t\u05e2evil", "a\u0301b", "o\u0627x", "c"} <= ids
    # An id cannot hold a bidirectional control at all: the reader refuses it.
    refused = read_text('thesis t\u202eevil: "T."\n', "map.arg")
    assert [d.code for d in refused.diagnostics] == ["E101"]
    texts = "".join(json.dumps(e) for e in data["elements"].values())
    assert "\u202e" not in texts and "\u2067" not in texts  # bidi controls are named instead
    assert "[RLI]bidi[PDI]" in texts
    assert "\u2028" not in hostile_page and "\u2029" not in hostile_page


@pytest.mark.dot
def test_the_policy_allows_exactly_the_inline_script_and_style(hostile_page: str) -> None:
    page = _parse(hostile_page)
    (policy,) = [
        attrs["content"]
        for tag, attrs in page.tags
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    assert policy == content_security_policy()
    directives = dict(d.strip().split(" ", 1) for d in (policy or "").split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["connect-src"] == "'none'"
    assert directives["script-src"] == f"'sha256-{_sha256(page.code['script'][1])}'"
    assert directives["style-src"] == f"'sha256-{_sha256(page.code['style'][0])}'"
    assert "connect-src 'self'" in content_security_policy(live=True)


def test_inert_svg_drops_the_prolog_and_the_fixed_size() -> None:
    svg = (
        '<?xml version="1.0"?>\n<!DOCTYPE svg>\n<!-- made -->\n'
        '<svg width="10pt" height="20pt" viewBox="0 0 10 20" xmlns="http://www.w3.org/2000/svg">'
        '<g id="s1" class="node"><text>a &lt;b&gt;</text></g></svg>\n'
    )
    assert inert_svg(svg) == (
        '<svg viewBox="0 0 10 20" xmlns="http://www.w3.org/2000/svg">'
        '<g id="s1" class="node"><text>a &lt;b&gt;</text></g></svg>'
    )


@pytest.mark.parametrize(
    ("svg", "problem"),
    [
        ('<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>', "<script>"),
        ('<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>', "event attribute"),
        ('<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>', "<foreignobject>"),
        ("<svg><g></svg>", "not well-formed"),
        ("no drawing", "no <svg>"),
    ],
)
def test_inert_svg_refuses_what_could_run(svg: str, problem: str) -> None:
    with pytest.raises(ValueError, match=re.escape(problem)):
        inert_svg(svg)


def test_a_page_without_a_drawing_shows_its_errors() -> None:
    page = html_page(None, {"elements": {}, "map": []}, live=True, errors="m.arg:1:1: error: x <y>")
    data = json.loads(_parse(page).code["script"][0])
    assert data["errors"] == "m.arg:1:1: error: x <y>"
    assert data["live"] is True
    assert "<y>" not in page


# ---- the panel's data -------------------------------------------------------------------------


@pytest.mark.dot
def test_panel_data_of_a_small_map() -> None:
    parts = html_parts(_read(SMALL), Drawing(RenderOptions(), "dot", check=True))
    nodes = node_ids(_read(SMALL).map)
    elements = parts.data["elements"]
    assert set(elements) == {nodes[id] for id in ("t", "e", "d", "r_main", "o_doubt")}
    thesis = elements[nodes["t"]]
    assert thesis["text"] == "The thesis."
    assert thesis["holder"] == "Someone"
    assert thesis["label"] == "IN"
    assert thesis["why"]
    assert thesis["links"] == [
        {"relation": "supported by", "node": nodes["r_main"]},
        {"relation": "objected to by", "node": nodes["o_doubt"]},
    ]
    fact = elements[nodes["e"]]
    assert fact["quotes"] == [{"source": "The column", "text": "the words"}]
    assert fact["links"] == [{"relation": "premise of", "node": nodes["r_main"]}]
    doubt = elements[nodes["d"]]
    assert [f["code"] for f in doubt["findings"]] == ["S201"]
    assert elements[nodes["o_doubt"]]["kind"] == "objection"
    assert elements[nodes["o_doubt"]]["links"] == [
        {"relation": "premise", "node": nodes["d"]},
        {"relation": "objects to", "node": nodes["t"]},
    ]
    # the quote could not be checked (the source names no file): a finding about no element
    assert [f["code"] for f in parts.data["map"]] == ["Q505"]


def test_panel_data_keeps_only_elements_in_the_drawing() -> None:
    m = _read(SMALL).map
    nodes = {"t": "s1", "e": "s2"}
    data = panel_data(m, nodes, labels={"t": Label.OUT}, why={"t": "because"}, findings=[])
    assert set(data["elements"]) == {"s1", "s2"}
    assert data["elements"]["s1"]["label"] == "OUT"
    assert data["elements"]["s2"]["label"] is None
    assert data["elements"]["s1"]["links"] == []  # its reason is not drawn


@pytest.mark.dot
def test_every_statement_of_the_flagship_is_drawn_and_in_the_panel() -> None:
    result = _read(FLAGSHIP.read_text(encoding="utf-8"), str(FLAGSHIP))
    parts = html_parts(result, Drawing(RenderOptions(), "dot", check=True))
    nodes = node_ids(result.map)
    for svg in parts.drawings:
        drawn = set(re.findall(r'<g id="([^"]+)" class="node', svg))
        assert {nodes[id] for id in result.map.statements} <= drawn
    elements = parts.data["elements"]
    assert {elements[nodes[id]]["id"] for id in result.map.statements} == set(result.map.statements)
    assert elements[nodes["better"]]["label"] == "IN"
    assert str(FLAGSHIP) in parts.files


# ---- argmap render -f html --------------------------------------------------------------------


@pytest.mark.dot
def test_render_writes_the_page_by_extension(tmp_path: Path) -> None:
    (tmp_path / "m.arg").write_text(SMALL, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["render", str(tmp_path / "m.arg"), "-o", str(tmp_path / "m.html")]
    )
    assert result.exit_code == 0, result.output
    page = (tmp_path / "m.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert 'aria-pressed="false"' in page
    result = CliRunner().invoke(
        main, ["render", str(tmp_path / "m.arg"), "-f", "html", "--evaluate"]
    )
    assert result.exit_code == 0, result.output
    assert 'aria-pressed="true"' in (tmp_path / "m.html").read_text(encoding="utf-8")


@pytest.mark.dot
def test_a_focused_page_knows_only_what_it_draws(tmp_path: Path) -> None:
    (tmp_path / "m.arg").write_text(SMALL, encoding="utf-8")
    options = ["--focus", "e", "--depth", "1", "-o", str(tmp_path / "m.html")]
    result = CliRunner().invoke(main, ["render", str(tmp_path / "m.arg"), *options])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "m.html").read_text(encoding="utf-8")
    data = json.loads(_parse(page).code["script"][0])
    assert sorted(e["id"] for e in data["elements"].values()) == ["e", "r_main", "t"]  # not d
    drawn = set(re.findall(r'<g id="([^"]+)" class="node', page))
    assert set(data["elements"]) <= drawn


def test_render_html_of_a_broken_map_fails_in_plain_words(tmp_path: Path) -> None:
    (tmp_path / "m.arg").write_text('claim a "no colon"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(tmp_path / "m.arg"), "-f", "html"])
    assert result.exit_code == 2
    assert "m.arg:1:" in result.stderr
    assert not (tmp_path / "m.html").exists()


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("no-such-map.arg", "no-such-map.arg: error: no such file"),
        (".", ".: error: this is a folder, not a file (give the path of one map file)"),
        ("-", "give its path, not - (standard input)"),
    ],
)
def test_view_refuses_what_is_no_map_file(given: str, said: str) -> None:
    result = CliRunner().invoke(main, ["view", given, "--no-browser"])
    assert result.exit_code == 2
    assert said in result.stderr


def test_view_says_when_the_port_is_taken(server: ViewServer, tmp_path: Path) -> None:
    (tmp_path / "m.arg").write_text(SMALL, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["view", str(tmp_path / "m.arg"), "--no-browser", "--port", str(server.port)]
    )
    assert result.exit_code == 2
    assert f"cannot serve on 127.0.0.1 port {server.port} (address already in use)" in (
        result.stderr
    )


def test_view_draws_with_the_options_of_render(tmp_path: Path) -> None:
    (tmp_path / "m.arg").write_text(SMALL, encoding="utf-8")
    drawing = [
        *("--theme", "print", "--rankdir", "LR", "--detail", "full", "--legend", "--no-check"),
        *("--focus", "e", "--depth", "1", "-G", "bgcolor=azure", "-N", "fontsize=9"),
    ]
    rendered = tmp_path / "m.html"
    written = CliRunner().invoke(main, ["render", str(tmp_path / "m.arg"), "-o", str(rendered)])
    assert written.exit_code == 0, written.stderr
    plain = _svgs(rendered.read_text(encoding="utf-8"))
    written = CliRunner().invoke(
        main, ["render", str(tmp_path / "m.arg"), *drawing, "-o", str(rendered)]
    )
    assert written.exit_code == 0, written.stderr
    expected = _svgs(rendered.read_text(encoding="utf-8"))
    assert expected != plain
    page, _ = _first_page_of_view(tmp_path, "m.arg", *drawing)
    assert _svgs(page) == expected


def test_view_shows_a_focus_the_map_does_not_have_as_an_error(tmp_path: Path) -> None:
    (tmp_path / "m.arg").write_text(SMALL, encoding="utf-8")
    page, stderr = _first_page_of_view(tmp_path, "m.arg", "--focus", "nowhere")
    said = 'm.arg: error: --focus: the map has no statement, reason or objection "nowhere"'
    assert said in stderr
    assert json.loads(_parse(page).code["script"][0])["errors"] == said


def _first_page_of_view(folder: Path, *args: str) -> tuple[str, str]:
    """The page ``argmap view ARGS`` (run in ``folder``) serves first, and what it printed on
    standard error until stopped with Ctrl-C."""
    viewer = subprocess.Popen(
        [sys.executable, "-m", "argmap", "view", "--no-browser", *args],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert viewer.stdout is not None
        url = viewer.stdout.readline().split(" at ", 1)[1].split(" ", 1)[0]
        with urllib.request.urlopen(url, timeout=20) as response:
            page = response.read().decode("utf-8")
    finally:
        viewer.send_signal(signal.SIGINT)
        _, stderr = viewer.communicate(timeout=10)
    return page, stderr


def _svgs(page: str) -> list[str]:
    """The drawings in a page."""
    return re.findall(r"<svg\b.*?</svg>", page, re.DOTALL)


# ---- argmap view's server ---------------------------------------------------------------------


@pytest.fixture
def server() -> Iterator[ViewServer]:
    live = Live("<!DOCTYPE html><p>the page</p>", {"version": 1})
    served = ViewServer(live, 0, "default-src 'none'")
    thread = threading.Thread(target=served.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield served
    live.stopping.set()
    served.shutdown()
    served.server_close()
    thread.join()


def _get(server: ViewServer, path: str, host: str | None = None) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    headers = {"Host": host} if host else {}
    connection.request("GET", path, headers=headers)
    return connection.getresponse()


def test_server_serves_the_page_with_its_policy(server: ViewServer) -> None:
    response = _get(server, "/")
    assert response.status == 200
    assert response.getheader("Content-Security-Policy") == "default-src 'none'"
    assert response.getheader("Cache-Control") == "no-store"
    assert response.read() == b"<!DOCTYPE html><p>the page</p>"
    assert server.server_address[0] == "127.0.0.1"


@pytest.mark.parametrize("path", ["/etc/passwd", "/../map.arg", "/index.html", "//x"])
def test_server_answers_no_other_path(server: ViewServer, path: str) -> None:
    response = _get(server, path)
    assert response.status == 404
    assert b"nothing else" in response.read()


def test_server_answers_only_to_its_own_name(server: ViewServer) -> None:
    assert _get(server, "/", host="attacker.example").status == 403
    assert _get(server, "/", host=f"localhost:{server.port}").status == 200


def test_server_sends_the_state_then_each_update(server: ViewServer) -> None:
    response = _get(server, "/events")
    assert response.getheader("Content-Type") == "text/event-stream; charset=utf-8"
    assert response.readline() == b"event: update\n"
    assert json.loads(response.readline().removeprefix(b"data: ")) == {"version": 1}
    assert response.readline() == b"\n"
    server.live.publish("<p>new</p>", {"version": 2, "text": "a\nb </script>"})
    assert response.readline() == b"event: update\n"
    assert json.loads(response.readline().removeprefix(b"data: ")) == {
        "version": 2,
        "text": "a\nb </script>",
    }
    assert _get(server, "/").read() == b"<p>new</p>"


def test_the_committed_flagship_page_draws_the_committed_dot() -> None:
    page = FLAGSHIP.with_suffix(".html").read_text(encoding="utf-8")
    dot = FLAGSHIP.with_suffix(".dot").read_text(encoding="utf-8")
    dot_nodes = set(re.findall(r"^\s*(\w+) \[", dot, flags=re.MULTILINE)) - {
        "graph",
        "node",
        "edge",
    }
    assert set(re.findall(r'<g id="([^"]+)" class="node', page)) == dot_nodes
    parsed = _parse(page)
    data = json.loads(parsed.code["script"][0])
    statements = _read(FLAGSHIP.read_text(encoding="utf-8"), str(FLAGSHIP)).map.statements
    kinds = {"thesis", "claim", "evidence", "assumption"}
    assert {e["id"] for e in data["elements"].values() if e["kind"] in kinds} == set(statements)
    assert data["evaluate"] is True
    meta = [a for t, a in parsed.tags if t == "meta" and a.get("http-equiv")]
    assert meta[0]["content"] == content_security_policy(), (
        "maps/precarious-balance.html has another viewer than argmap/html/: redraw it with the "
        "command in maps/README.md"
    )
