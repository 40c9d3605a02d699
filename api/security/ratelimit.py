"""Token buckets per key (a client address, a source, a token), kept in this process.

Each API process keeps its own buckets, so N replicas allow N times the rate: set the limits per
replica. A refusal says how long to wait (429 with Retry-After); nothing is stored before it.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict

from fastapi import Request

from api.errors import ApiError


class RateLimiter:
    def __init__(self, *, per_second: float, burst: int, what: str, max_keys: int = 100_000) -> None:
        self.rate, self.burst, self.what, self.max_keys = per_second, burst, what, max_keys
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def wait_for(self, key: str, now: float | None = None) -> float:
        """Take one token for `key`: 0 if there was one, else the seconds until there is."""
        now = time.monotonic() if now is None else now
        with self._lock:
            tokens, last = self._buckets.pop(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            wait = 0.0 if tokens >= 1 else (1 - tokens) / self.rate
            self._buckets[key] = (tokens - 1 if wait == 0 else tokens, now)
            if len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)  # the key least recently seen
            return wait

    def check(self, key: str) -> None:
        """Raise 429 with Retry-After when `key` is over its rate."""
        wait = self.wait_for(key)
        if wait > 0:
            seconds = max(1, math.ceil(wait))
            raise ApiError(429, code="rate_limited", path="", headers={"Retry-After": str(seconds)},
                           message=f"too many {self.what}: try again in {seconds} s")


def client_address(request: Request) -> str:
    """The peer's address (behind a proxy, run uvicorn with --proxy-headers so this is the client's)."""
    return request.client.host if request.client else "unknown"


class Limits:
    """The API's limiters, made once per app from its settings."""

    def __init__(self, *, login_per_minute: int, webhook_per_second: int, import_per_second: int) -> None:
        self.login = RateLimiter(per_second=login_per_minute / 60, burst=login_per_minute, what="login attempts")
        self.webhook_source = RateLimiter(per_second=webhook_per_second, burst=2 * webhook_per_second,
                                          what="posts to this source")
        self.webhook_client = RateLimiter(per_second=webhook_per_second, burst=2 * webhook_per_second,
                                          what="posts from this address")
        self.import_client = RateLimiter(per_second=import_per_second, burst=2 * import_per_second,
                                         what="import batches from this token")
        self.import_source = RateLimiter(per_second=import_per_second, burst=2 * import_per_second,
                                         what="import batches into this source")
