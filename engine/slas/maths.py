"""SLA clock maths: start, pause, resume, meet, restart, re-target, and the exact instants of events.

Every function is pure: it takes `SlaClocks` and `now` (aware; stored in UTC) and returns new objects.
An event's instant is the earliest instant at which its running clock has consumed the event's point
(see `clocks`); a point consumed before `running_since`, which only a pause or a policy change can
leave unfired, is overdue and due at `running_since`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from engine.calendars import add_business_time, business_time_between

from .clocks import SlaClock, SlaClocks, SlaEvent, points
from .policy import ALL, TARGETS, SlaError, SlaPolicy, Target

__all__ = ["change_policy", "deadline", "due_events", "met", "next_due", "pause", "pending_events", "restart",
           "resume", "start_clocks", "summary", "withdraw_breach"]

# Same-instant events apply warning, breach, then escalations, target by target: plain key order would
# put "breach" before "warning" and "escalation:10" before "escalation:2".
_KIND_ORDER = {"warning": 0, "breach": 1, "escalation": 2}
_TARGET_ORDER = {target: i for i, target in enumerate(TARGETS)}
_STARTED_AT_OPENING: tuple[Target, ...] = ("first_response", "resolution")


def start_clocks(policy: SlaPolicy, opened_at: datetime) -> SlaClocks:
    """The clocks of a case opened at `opened_at`: first response and resolution run, next response waits."""
    opened_at = _utc("opened_at", opened_at)
    return SlaClocks(policy=policy, clocks={
        target: SlaClock(target=target, running_since=opened_at)
        for target in _STARTED_AT_OPENING if policy.target_seconds(target) is not None})


def pause(clocks: SlaClocks, target_or_all: str | Iterable[str], now: datetime) -> SlaClocks:
    """Stop the chosen running clocks at `now`, banking the business time they ran.

    `target_or_all` is a target, "all", or several targets (waiting on the customer pauses
    ("resolution", "next_response")). Paused, met and unstarted clocks are left as they are.
    """
    now = _utc("now", now)
    return _replace(clocks, {
        target: _stopped(clocks.policy, clock, now)
        for target in _targets(target_or_all)
        if (clock := clocks.clocks.get(target)) is not None and clock.status == "running"})


def resume(clocks: SlaClocks, target_or_all: str | Iterable[str], now: datetime) -> SlaClocks:
    """Run the chosen paused clocks again from `now`; running, met and unstarted clocks are left alone."""
    now = _utc("now", now)
    return _replace(clocks, {
        target: clock.model_copy(update={"running_since": now})
        for target in _targets(target_or_all)
        if (clock := clocks.clocks.get(target)) is not None and clock.status == "paused"})


def met(clocks: SlaClocks, target: str, now: datetime) -> SlaClocks:
    """Stop the target's clock as met at `now`, which cancels its pending events.

    The consumed business time is kept (the read side's "responded in"); a breach stays recorded. Meeting
    a met or unstarted target changes nothing, so a second agent reply keeps the first one's time.
    """
    now, name = _utc("now", now), _target(target)
    clock = clocks.clocks.get(name)
    if clock is None or clock.status == "met":
        return _replace(clocks, {})
    return _replace(clocks, {name: _stopped(clocks.policy, clock, now, met_at=now)})


def withdraw_breach(clocks: SlaClocks, target: str) -> SlaClocks:
    """The target's breach taken back: `due_events` applied it, then the target turned out met before its
    instant (a reply sent in time whose news came late). Its fired keys stay fired."""
    name = _target(target)
    clock = clocks.clocks.get(name)
    if clock is None or clock.breached_at is None:
        return _replace(clocks, {})
    return _replace(clocks, {name: clock.model_copy(update={"breached_at": None})})


def restart(clocks: SlaClocks, target: str, now: datetime) -> SlaClocks:
    """A fresh clock for the target from `now`: nothing consumed, not met nor breached, no event fired.

    For next_response each time a customer writes after an agent reply. It always restarts: to keep the
    clock of an earlier unanswered message, restart only when the target's clock is not running.
    A target the policy does not set stays without a clock.
    """
    now, name = _utc("now", now), _target(target)
    if clocks.policy.target_seconds(name) is None:
        return _replace(clocks, {})
    fired = [key for key in clocks.fired if not _belongs(key, name)]
    return _replace(clocks, {name: SlaClock(target=name, running_since=now)}, fired)


def deadline(clocks: SlaClocks, target: str) -> datetime | None:
    """When the target's running clock reaches its target; None when paused, met, unstarted or unset.

    Already past (`consumed >= target`, after a pause or a stricter policy): `running_since`.
    """
    name = _target(target)
    clock, seconds = clocks.clocks.get(name), clocks.policy.target_seconds(name)
    if clock is None or clock.running_since is None or seconds is None:
        return None
    return _at(clocks.policy, clock, timedelta(seconds=seconds))


def next_due(clocks: SlaClocks) -> datetime | None:
    """The case's "SLA due": the earliest deadline of its running clocks; None when none runs.

    Before the first reply that is the first response (or the resolution, if sooner); after it, the
    resolution, or the next response once the customer writes again. Paused clocks (waiting on the customer)
    have no deadline, so a case whose clocks all wait has none: the read side shows it paused, not due. An
    overdue clock's deadline stays in the past, so a breached case still shows what it missed.
    """
    deadlines = [due for target in TARGETS if (due := deadline(clocks, target)) is not None]
    return min(deadlines, default=None)


def pending_events(clocks: SlaClocks) -> list[SlaEvent]:
    """Every event of the running clocks not yet fired, at its exact instant, in firing order.

    Ordered by instant, then target (first response, next response, resolution), then warning, breach and
    escalation levels upwards. Overdue events (instant <= now) are included: `due_events` takes them.
    """
    fired = set(clocks.fired)
    events = [event for clock in clocks.clocks.values() if clock.status == "running"
              for event in _clock_events(clocks.policy, clock, fired)]
    return sorted(events, key=lambda e: (e.at, _TARGET_ORDER[e.target], _KIND_ORDER[e.kind], e.level or 0))


def due_events(clocks: SlaClocks, now: datetime) -> tuple[list[SlaEvent], SlaClocks]:
    """The pending events at or before `now`, in order, and the clocks with them fired.

    A breach sets its clock's `breached_at` to the breach's instant; the clock keeps running, so the
    escalation ladder stays pending until the target is met or paused.
    """
    now = _utc("now", now)
    due = [event for event in pending_events(clocks) if event.at <= now]
    breached: dict[Target, SlaClock | None] = {
        event.target: clocks.clocks[event.target].model_copy(update={"breached_at": event.at})
        for event in due if event.kind == "breach"}
    return due, _replace(clocks, breached, [*clocks.fired, *(event.key for event in due)])


def change_policy(clocks: SlaClocks, new_policy: SlaPolicy, now: datetime) -> SlaClocks:
    """The clocks under `new_policy` from `now` (a priority change, an edited policy).

    - A running or paused clock keeps its consumed business time, counted up to `now` under the old
      calendar; a running one runs on from `now`. A met clock stays met.
    - A target the new policy drops loses its clock and fired keys; a target it adds starts at `now`
      (next response only at the next customer message, as always).
    - A fired event stays fired when the clock has already consumed past its point under the new
      policy; otherwise (the new policy moved it later than now) it is re-armed and fires again, and a
      re-armed breach clears `breached_at`. An unfired event whose new point is already consumed is
      overdue: due at `now` (or at resume, for a paused clock), so a stricter policy breaches at once.
    """
    now = _utc("now", now)
    fired = set(clocks.fired)
    changed: dict[Target, SlaClock | None] = {}
    keep: set[str] = set()
    for target in TARGETS:
        clock = clocks.clocks.get(target)
        if new_policy.target_seconds(target) is None:
            changed[target] = None
        elif clock is None:
            if target in _STARTED_AT_OPENING:
                changed[target] = SlaClock(target=target, running_since=now)
        elif clock.status == "met":
            keep.update(key for key in fired if _belongs(key, target))
        else:
            consumed = _consumed(clocks.policy, clock, now)
            kept = {point.key for point in points(new_policy, target) if point.offset <= consumed} & fired
            keep |= kept
            changed[target] = clock.model_copy(update={
                "consumed_seconds": consumed.total_seconds(),
                "running_since": now if clock.status == "running" else None,
                "breached_at": clock.breached_at if f"{target}:breach" in kept else None})
    retargeted = clocks.model_copy(update={"policy": new_policy})
    return _replace(retargeted, changed, [key for key in clocks.fired if key in keep])


def summary(clocks: SlaClocks, now: datetime) -> dict[str, dict[str, Any]]:
    """A JSON-able view for the read side, per target the policy sets.

    `{"target_seconds", "status" ("running", "paused", "met" or "not_started"), "due_at" (ISO 8601 or
    None), "consumed_seconds", "remaining_seconds" (negative once overdue; None when met or not
    started), "paused", "met_at", "breached_at"}`.
    """
    now = _utc("now", now)
    view: dict[str, dict[str, Any]] = {}
    for target in TARGETS:
        seconds = clocks.policy.target_seconds(target)
        if seconds is None:
            continue
        clock = clocks.clocks.get(target)
        if clock is None:
            view[target] = {"target_seconds": seconds, "status": "not_started", "due_at": None, "consumed_seconds": 0.0,
                            "remaining_seconds": None, "paused": False, "met_at": None, "breached_at": None}
            continue
        # A query may carry a "now" a little behind the clock's start; read that as no time run yet.
        consumed = _consumed(clocks.policy, clock, max(now, clock.running_since or now))
        remaining = None if clock.status == "met" else (timedelta(seconds=seconds) - consumed).total_seconds()
        view[target] = {"target_seconds": seconds, "status": clock.status, "due_at": _iso(deadline(clocks, target)),
                        "consumed_seconds": consumed.total_seconds(), "remaining_seconds": remaining,
                        "paused": clock.status == "paused", "met_at": _iso(clock.met_at),
                        "breached_at": _iso(clock.breached_at)}
    return view


# --- Helpers ---------------------------------------------------------------------------------------------


def _utc(name: str, moment: datetime) -> datetime:
    if not isinstance(moment, datetime):
        raise SlaError("not_a_datetime", f"{name} must be an aware datetime, got {type(moment).__name__}")
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise SlaError("naive_datetime", f"{name} must be timezone-aware, got {moment.isoformat()}")
    return moment.astimezone(UTC)


def _target(name: str) -> Target:
    if name not in TARGETS:
        raise SlaError("unknown_target", f"expected one of {', '.join(TARGETS)}, got {name!r}")
    return name  # type: ignore[return-value]  # checked just above


def _targets(target_or_all: str | Iterable[str]) -> tuple[Target, ...]:
    if target_or_all == ALL:
        return TARGETS
    if isinstance(target_or_all, str):
        return (_target(target_or_all),)
    return tuple(_target(name) for name in target_or_all)


def _belongs(key: str, target: Target) -> bool:
    return key.startswith(f"{target}:")


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _consumed(policy: SlaPolicy, clock: SlaClock, now: datetime) -> timedelta:
    """Business time consumed by `now`, as a timedelta so sums stay exact to the microsecond."""
    consumed = timedelta(seconds=clock.consumed_seconds)
    if clock.running_since is None:
        return consumed
    if now < clock.running_since:
        raise SlaError("time_went_backwards", f"now ({now.isoformat()}) is before the {clock.target} clock started "
                       f"running ({clock.running_since.isoformat()})", path=f"/clocks/{clock.target}")
    if policy.calendar is None:
        return consumed + (now - clock.running_since)
    return consumed + business_time_between(policy.calendar, clock.running_since, now)


def _stopped(policy: SlaPolicy, clock: SlaClock, now: datetime, **update: Any) -> SlaClock:
    consumed = _consumed(policy, clock, now).total_seconds()
    return clock.model_copy(update={"running_since": None, "consumed_seconds": consumed, **update})


def _clock_events(policy: SlaPolicy, clock: SlaClock, fired: set[str]) -> list[SlaEvent]:
    """A running clock's unfired events, each found from the one before (one calendar walk per clock).

    The same instants as `_at` for each point: adding business time a then b > 0 lands where a + b does,
    since both are the earliest instant with that much open time.
    """
    cursor, reached = _at(policy, clock, timedelta(0)), timedelta(seconds=clock.consumed_seconds)
    events = []
    for point in points(policy, clock.target):
        if point.key in fired:
            continue
        if point.offset > reached:
            cursor, reached = _add(policy, cursor, point.offset - reached), point.offset
        events.append(SlaEvent(key=point.key, target=clock.target, kind=point.kind, level=point.level, at=cursor,
                               actions=point.actions))
    return events


def _add(policy: SlaPolicy, start: datetime, duration: timedelta) -> datetime:
    return start + duration if policy.calendar is None else add_business_time(policy.calendar, start, duration)


def _at(policy: SlaPolicy, clock: SlaClock, offset: timedelta) -> datetime:
    """When a running clock reaches `offset` of consumed time: `running_since` if it already has."""
    since = clock.running_since
    if since is None:
        raise ValueError(f"the {clock.target} clock is not running")  # callers check; kept for the type checker
    left = offset - timedelta(seconds=clock.consumed_seconds)
    return since if left <= timedelta(0) else _add(policy, since, left)


def _replace(clocks: SlaClocks, changed: dict[Target, SlaClock | None], fired: list[str] | None = None) -> SlaClocks:
    """A new SlaClocks with some clocks replaced (None removes one), in TARGETS order, with fresh containers."""
    merged = {**clocks.clocks, **changed}
    ordered = {target: clock for target in TARGETS if (clock := merged.get(target)) is not None}
    return clocks.model_copy(update={"clocks": ordered, "fired": list(clocks.fired if fired is None else fired)})
