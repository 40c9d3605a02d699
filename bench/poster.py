"""A lean load generator's client: JSON posts over a pool of keep-alive HTTP/1.1 connections.

The benchmarks measure the server, so the client must cost it little: on a 2-core machine httpx spent
1-3 ms of CPU per post and, at 100 posts/s, took half a core from the processes under test and sent
late (its own event loop was the queue). Here a post is one `write` of prepared bytes and one read of
the answer's head and body: tens of microseconds. Only what our API answers is handled (a
Content-Length body; `Connection: close` honoured); a post is bounded by `timeout` whatever happens.
A connection idle for `IDLE_CLOSE` seconds is closed rather than reused: uvicorn closes its side after 5 s
idle, and a post written to such a connection would fail (posts are not retried: that would count one
mention twice in the figures).
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any
from urllib.parse import urlsplit

IDLE_CLOSE = 3.0  # seconds; under uvicorn's keep-alive timeout (5 s)


class PostFailed(Exception):
    """The exchange broke off (connection refused or reset, a malformed answer, the timeout)."""


class Poster:
    def __init__(self, base_url: str, *, headers: dict[str, str] | None = None, connections: int = 200,
                 timeout: float = 60.0) -> None:
        url = urlsplit(base_url)
        if url.scheme != "http" or not url.hostname:
            raise ValueError(f"Poster speaks plain HTTP to a host: {base_url!r}")
        self._host, self._port = url.hostname, url.port or 80
        self._head = "".join(f"{name}: {value}\r\n" for name, value in (headers or {}).items())
        self._slots = asyncio.Semaphore(connections)
        self._idle: list[tuple[float, asyncio.StreamReader, asyncio.StreamWriter]] = []  # (idle since, ...)
        self._timeout = timeout

    async def post_json(self, path: str, body: Any) -> tuple[int, Any]:
        """POST `body` as JSON; returns (status, the answer's JSON or None)."""
        data = json.dumps(body).encode()
        request = (f"POST {path} HTTP/1.1\r\nHost: {self._host}:{self._port}\r\n{self._head}"
                   f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n\r\n").encode() + data
        async with self._slots:
            connection = self._fresh_idle()
            try:
                status, answer = await asyncio.wait_for(self._exchange(connection, request), self._timeout)
            except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as exc:
                raise PostFailed(f"{type(exc).__name__}: {exc}") from exc
        try:
            return status, json.loads(answer) if answer else None
        except ValueError:
            return status, None

    async def _exchange(self, connection: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None,
                        request: bytes) -> tuple[int, bytes]:
        if connection is None:
            connection = await asyncio.open_connection(self._host, self._port)
        reader, writer = connection
        try:
            writer.write(request)
            head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
            status = int(head[0].split(" ", 2)[1])
            fields = {name.strip().lower(): value.strip()
                      for name, _, value in (line.partition(":") for line in head[1:] if line)}
            if "content-length" not in fields:
                raise ValueError(f"an answer without Content-Length ({head[0]})")
            answer = await reader.readexactly(int(fields["content-length"]))
        except BaseException:
            writer.close()
            raise
        if fields.get("connection", "").lower() == "close":
            writer.close()
        else:
            self._idle.append((time.monotonic(), reader, writer))
        return status, answer

    def _fresh_idle(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter] | None:
        while self._idle:
            since, reader, writer = self._idle.pop()
            if time.monotonic() - since < IDLE_CLOSE:
                return reader, writer
            writer.close()
        return None

    async def close(self) -> None:
        while self._idle:
            _, _, writer = self._idle.pop()
            writer.close()
            try:
                await writer.wait_closed()
            except OSError:
                pass
