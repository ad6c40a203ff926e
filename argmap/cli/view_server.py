"""The server behind ``argmap view``: the live page at ``/`` and its updates at ``/events``.

It listens on 127.0.0.1 only, answers only those two paths (no file is ever served by name),
only to requests addressed to it by that name or ``localhost`` with its port (a web page
elsewhere cannot reach it through a name that resolves here), and sends every response with
the page's Content-Security-Policy and no caching.
"""

from __future__ import annotations

import json
import queue
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

__all__ = ["Live", "ViewServer"]

_HEARTBEAT = 15.0
_POLL = 0.25


class Live:
    """The map as the page should show it now: the page to serve, and the latest update
    (sent to each page as it connects, and then to every open page as it comes)."""

    def __init__(self, page: str, update: dict[str, Any]) -> None:
        self._lock = threading.Lock()
        self._page = page
        self._update = update
        self._listeners: list[queue.SimpleQueue[str]] = []
        self.stopping = threading.Event()

    def publish(self, page: str, update: dict[str, Any]) -> None:
        """A new state, pushed to every open page."""
        with self._lock:
            self._page, self._update = page, update
            message = json.dumps(update, ensure_ascii=False, separators=(",", ":"))
            for listener in self._listeners:
                listener.put(message)

    def page(self) -> str:
        with self._lock:
            return self._page

    def subscribe(self) -> queue.SimpleQueue[str]:
        """A queue that receives the current state now and every later one."""
        listener: queue.SimpleQueue[str] = queue.SimpleQueue()
        with self._lock:
            listener.put(json.dumps(self._update, ensure_ascii=False, separators=(",", ":")))
            self._listeners.append(listener)
        return listener

    def unsubscribe(self, listener: queue.SimpleQueue[str]) -> None:
        with self._lock:
            self._listeners.remove(listener)


class ViewServer(ThreadingHTTPServer):
    """An HTTP server on 127.0.0.1 for one :class:`Live` map (``port`` 0: a free one)."""

    daemon_threads = True

    def __init__(self, live: Live, port: int, policy: str) -> None:
        self.live = live
        self.policy = policy
        super().__init__(("127.0.0.1", port), _Handler)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"


class _Handler(BaseHTTPRequestHandler):
    server: ViewServer

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        hosts = {f"127.0.0.1:{self.server.port}", f"localhost:{self.server.port}"}
        if self.headers.get("Host") not in hosts:
            self._plain(403, "This server answers only at " + self.server.url)
            return
        path = urlsplit(self.path).path
        if path == "/":
            self._send(200, "text/html; charset=utf-8", self.server.live.page().encode("utf-8"))
        elif path == "/events":
            self._events()
        else:
            self._plain(404, "Not found: this server serves the map at / and nothing else.")

    def _headers(self, status: int, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Security-Policy", self.server.policy)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-store")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self._headers(status, content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _plain(self, status: int, text: str) -> None:
        self._send(status, "text/plain; charset=utf-8", text.encode("utf-8"))

    def _events(self) -> None:
        """Server-sent events: each state as an ``update`` event, a comment now and then to
        notice a page that went away; ends when the server stops."""
        self._headers(200, "text/event-stream; charset=utf-8")
        self.end_headers()
        live = self.server.live
        listener = live.subscribe()
        quiet = 0.0
        try:
            while not live.stopping.is_set():
                try:
                    message = listener.get(timeout=_POLL)
                except queue.Empty:
                    quiet += _POLL
                    if quiet < _HEARTBEAT:
                        continue
                    chunk = ": still here\n\n"
                else:
                    chunk = f"event: update\ndata: {message}\n\n"
                quiet = 0.0
                self.wfile.write(chunk.encode("utf-8"))
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the page was closed
        finally:
            live.unsubscribe(listener)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal shows what the map does, not every request."""
