"""The webhook relay: delivers events out (store.events_out) to each subscription, in order, at least once.

It runs beside the outbox relay in the API process (api.app starts it), for the same reasons: the events are
rows of the read side already, committed with the change that caused them, so delivering them is reading past
a cursor and moving it; no workflow history grows by an event per request, and pausing or resuming a
subscription is a flag on its row. Each round, every active subscription with events beyond its cursor is
taken (a lease on its row, so two API processes never deliver one subscription at once) and its events are
sent one at a time, oldest first: one event a request, so a receiver's 2xx acknowledges exactly one event.

- The cursor moves only after a 2xx (or past an event the subscription's types or filter do not want),
  committed every COMMIT_EVERY events or COMMIT_AFTER seconds: a crash between a 2xx and that commit sends
  the event again, with the same `Idempotency-Key` (the event id), which is how receivers dedupe.
- A failure (no answer, a non-2xx, a refused address) stops the subscription where it is, so nothing behind
  the event overtakes it (every case's events stay in order), and it is tried again after an exponential
  backoff. After `max_failures` consecutive failures, or failing for longer than `pause_after`, the subscription
  is paused with the reason and marked unhealthy; its backlog stays, and resuming it delivers the backlog.
- Every try is logged (subscription_delivery): status code, latency, error, attempt.

Signing (documented in the README): `X-Switchboard-Signature: v1=<hex HMAC-SHA256(secret, f"{timestamp}.{body}")>`
with `X-Switchboard-Timestamp: <unix seconds>`; receivers recompute it over the raw body and refuse a stale
timestamp (replays).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import json
import logging
import time
import uuid
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, update
from sqlmodel import Session, col, select

from engine.rules import compile_rule
from store.db import session_scope
from store.events_out import EventOut, envelope, events_after
from store.keys import KeyRing, KeyRingError
from store.netguard import NetGuard, Network, redacted
from store.subscriptions import Delivery, Subscription, open_secret

log = logging.getLogger("switchboard.webhooks")

SIGNATURE_HEADER = "X-Switchboard-Signature"
TIMESTAMP_HEADER = "X-Switchboard-Timestamp"
LEASE = timedelta(seconds=60)
BATCH = 100  # events read at a time for one subscription
COMMIT_EVERY = 20  # delivered events committed together (cursor and log)...
COMMIT_AFTER = 0.25  # ... or after this many seconds, whichever comes first
THREADS = 4  # subscriptions delivered at once


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """The signature header's value for a body sent at `timestamp` (unix seconds, as text)."""
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"v1={mac}"


def body_of(event: dict[str, Any]) -> bytes:
    return json.dumps(event, separators=(",", ":"), default=lambda v: v.isoformat()).encode()


@dataclass
class Sent:
    ok: bool
    status_code: int | None
    latency_ms: float
    error: str | None


@dataclass
class Policy:
    """Retries and when to give up: from the settings (webhook_*)."""

    max_failures: int = 10
    pause_after: timedelta = timedelta(hours=24)
    backoff_base: float = 1.0  # seconds before the first retry; doubled each failure
    backoff_max: float = 600.0
    timeout: float = 10.0

    def backoff(self, failures: int) -> timedelta:
        return timedelta(seconds=min(self.backoff_base * 2 ** max(failures - 1, 0), self.backoff_max))


class Sender:
    """Sends one signed event to a URL through the outbound-address guard."""

    def __init__(self, guard: NetGuard, timeout: float) -> None:
        self._client = guard.http_client(timeout=timeout, follow_redirects=False)

    def send(self, *, url: str, secret: str, event: dict[str, Any]) -> Sent:
        body = body_of(event)
        timestamp = str(int(time.time()))
        headers = {"Content-Type": "application/json", "User-Agent": "Switchboard-Webhooks/1",
                   "Idempotency-Key": event["id"], "X-Switchboard-Event": event["type"],
                   "X-Switchboard-Event-Id": event["id"], TIMESTAMP_HEADER: timestamp,
                   SIGNATURE_HEADER: signature(secret, timestamp, body)}
        started = time.perf_counter()
        try:
            answer = self._client.post(url, content=body, headers=headers)
        except Exception as exc:  # noqa: BLE001 - refused address, DNS, connect, timeout: all a failed try
            return Sent(False, None, (time.perf_counter() - started) * 1000, f"{type(exc).__name__}: {exc}"[:500])
        latency = (time.perf_counter() - started) * 1000
        ok = 200 <= answer.status_code < 300
        return Sent(ok, answer.status_code, latency, None if ok else f"HTTP {answer.status_code}")

    def close(self) -> None:
        self._client.close()


def wanted(subscription: Subscription, event: dict[str, Any], filters: dict[str, Any]) -> bool:
    """Whether the subscription takes the event: one of its types, and its filter (JSON Logic over the
    envelope) true for it."""
    if subscription.event_types and event["type"] not in subscription.event_types:
        return False
    if not subscription.filter:
        return True
    key = json.dumps(subscription.filter, sort_keys=True)
    rule = filters.get(key)
    if rule is None:
        rule = filters[key] = compile_rule(subscription.filter)
    return bool(rule.evaluate(json.loads(body_of(event))))


class WebhookRelay:
    def __init__(self, *, engine: Engine, keys: KeyRing, allow: Sequence[Network] = (), policy: Policy | None = None,
                 idle_poll: float = 0.5) -> None:
        self._engine, self._keys = engine, keys
        self.policy = policy or Policy()
        self._sender = Sender(NetGuard(allow), self.policy.timeout)
        self._idle_poll = idle_poll
        self._owner = uuid.uuid4().hex
        self._filters: dict[str, Any] = {}
        self._wake = asyncio.Event()
        # Threads of its own: a slow target holds one of these for up to its timeout, never a thread the outbox
        # relay or the API's requests are waiting for (asyncio's default executor is theirs).
        self._threads = ThreadPoolExecutor(max_workers=THREADS, thread_name_prefix="webhooks")

    def wake(self) -> None:
        self._wake.set()

    async def run(self) -> None:
        """Deliver until cancelled; a round's error is logged and the round tried again."""
        while True:
            self._wake.clear()
            try:
                loop = asyncio.get_running_loop()
                due = await loop.run_in_executor(self._threads, self._due)
                await asyncio.gather(*(loop.run_in_executor(self._threads, self.deliver, sid) for sid in due))
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("the webhook relay's round failed; trying again")
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self._idle_poll):
                    await self._wake.wait()

    def close(self) -> None:
        self._threads.shutdown(wait=False, cancel_futures=True)
        self._sender.close()

    # ---- one subscription ------------------------------------------------------------------------------
    def _due(self) -> list[str]:
        now = datetime.now(UTC)
        with session_scope(self._engine, write=False) as session:
            newest = session.exec(select(EventOut.id).order_by(col(EventOut.id).desc()).limit(1)).first() or 0
            rows = session.exec(select(Subscription.id).where(
                col(Subscription.active), col(Subscription.cursor) < newest,
                (col(Subscription.next_attempt_at).is_(None)) | (col(Subscription.next_attempt_at) <= now),
                (col(Subscription.lease_until).is_(None)) | (col(Subscription.lease_until) < now))).all()
        return list(rows)

    def _lease(self, session: Session, subscription_id: str, now: datetime) -> bool:
        taken = session.execute(update(Subscription).where(
            col(Subscription.id) == subscription_id, col(Subscription.active),
            (col(Subscription.lease_until).is_(None)) | (col(Subscription.lease_until) < now)
            | (col(Subscription.leased_by) == self._owner)).values(lease_until=now + LEASE, leased_by=self._owner))
        return bool(taken.rowcount)  # type: ignore[attr-defined]

    def deliver(self, subscription_id: str) -> int:
        """Deliver what is due for one subscription, until its backlog is empty or a try fails; returns how many
        events were delivered."""
        with session_scope(self._engine) as session:
            if not self._lease(session, subscription_id, datetime.now(UTC)):
                return 0
        delivered = 0
        try:
            while True:
                with session_scope(self._engine, write=False) as session:
                    sub = session.get(Subscription, subscription_id)
                    if sub is None or not sub.active:
                        return delivered
                    events = [envelope(row) for row in events_after(session, after=sub.cursor, limit=BATCH)]
                if not events:
                    return delivered
                try:
                    secret = open_secret(self._keys, sub.secret)
                except KeyRingError as exc:
                    self._pause(subscription_id, f"its secret does not open with this key ring ({exc})")
                    return delivered
                # Delivered events are committed (cursor and log) in groups: one commit (an fsync) per event
                # would cap a receiver at a few hundred a second. A crash loses at most a group's commit, and
                # those events go again with their idempotency keys.
                done: list[tuple[dict[str, Any], Sent]] = []
                cursor, committed_at = 0, time.monotonic()
                for event in events:
                    if not wanted(sub, event, self._filters):
                        cursor = event["cursor"]
                        continue
                    sent = self._sender.send(url=sub.url, secret=secret, event=event)
                    if not sent.ok:
                        self._failed(subscription_id, event, sent, cursor, done)
                        return delivered + len(done)
                    done.append((event, sent))
                    cursor = event["cursor"]
                    if len(done) >= COMMIT_EVERY or time.monotonic() - committed_at > COMMIT_AFTER:
                        delivered += len(done)
                        active = self._advance(subscription_id, cursor, done)
                        done, committed_at = [], time.monotonic()
                        if not active:
                            return delivered  # paused or removed meanwhile
                if cursor:
                    delivered += len(done)
                    self._advance(subscription_id, cursor, done)
        finally:
            with session_scope(self._engine) as session:
                session.execute(update(Subscription).where(col(Subscription.id) == subscription_id,
                                                           col(Subscription.leased_by) == self._owner)
                                .values(lease_until=None, leased_by=None))

    def _advance(self, subscription_id: str, cursor: int, done: list[tuple[dict[str, Any], Sent]]) -> bool:
        """Move the cursor past events delivered (`done`, logged) or not wanted; False: the subscription is gone or
        paused."""
        now = datetime.now(UTC)
        with session_scope(self._engine) as session:
            sub = session.get(Subscription, subscription_id)
            if sub is None:
                return False
            self._log(session, sub, done, now)
            sub.cursor = max(sub.cursor, cursor)
            sub.lease_until = now + LEASE
            session.add(sub)
            return sub.active

    @staticmethod
    def _log(session: Session, sub: Subscription, done: list[tuple[dict[str, Any], Sent]], now: datetime) -> None:
        for n, (event, sent) in enumerate(done):  # only the first can have been tried before
            session.add(_delivery(sub, event, sent, now, attempt=None if n == 0 else 1))
        if done:
            sub.consecutive_failures, sub.failing_since, sub.next_attempt_at = 0, None, None
            sub.healthy, sub.last_error, sub.last_delivery_at = True, None, now

    def _failed(self, subscription_id: str, event: dict[str, Any], sent: Sent, cursor: int,
                done: list[tuple[dict[str, Any], Sent]]) -> None:
        now = datetime.now(UTC)
        with session_scope(self._engine) as session:
            sub = session.get(Subscription, subscription_id)
            if sub is None:
                return
            self._log(session, sub, done, now)
            sub.cursor = max(sub.cursor, cursor)
            session.add(_delivery(sub, event, sent, now))
            sub.consecutive_failures += 1
            sub.failing_since = sub.failing_since or now
            sub.last_error = sent.error
            sub.next_attempt_at = now + self.policy.backoff(sub.consecutive_failures)
            failing_for = now - sub.failing_since
            if sub.consecutive_failures >= self.policy.max_failures or failing_for >= self.policy.pause_after:
                why = (f"paused after {sub.consecutive_failures} failed deliveries in a row since "
                       f"{sub.failing_since.isoformat(timespec='seconds')}; last: {sent.error}")
                sub.active, sub.healthy, sub.paused_reason, sub.paused_at = False, False, why, now
                log.warning("webhook subscription %s (%s) %s", sub.id, redacted(sub.url), why)
            else:
                sub.healthy = sub.consecutive_failures < 3
            session.add(sub)

    def _pause(self, subscription_id: str, why: str) -> None:
        with session_scope(self._engine) as session:
            sub = session.get(Subscription, subscription_id)
            if sub is not None:
                sub.active, sub.healthy, sub.paused_reason, sub.paused_at = False, False, why, datetime.now(UTC)
                session.add(sub)

    def send_test(self, subscription: Subscription, event: dict[str, Any]) -> Delivery:
        """Send a test event now (not stored, no cursor); returns its delivery, which the caller records."""
        try:
            secret = open_secret(self._keys, subscription.secret)
        except KeyRingError as exc:
            return _delivery(subscription, event, Sent(False, None, 0.0, f"the secret does not open: {exc}"),
                             datetime.now(UTC), attempt=1)
        return _delivery(subscription, event, self._sender.send(url=subscription.url, secret=secret, event=event),
                         datetime.now(UTC), attempt=1)


def _delivery(sub: Subscription, event: dict[str, Any], sent: Sent, at: datetime, attempt: int | None = None,
              ) -> Delivery:
    return Delivery(subscription_id=sub.id, event_id=event["id"], cursor=event.get("cursor"), type=event["type"],
                    attempt=attempt or sub.consecutive_failures + 1, ok=sent.ok, status_code=sent.status_code,
                    latency_ms=round(sent.latency_ms, 2), error=sent.error, at=at)
