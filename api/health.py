"""Health and metrics: whether the API answers, and how far the outbox relay and the deadline sweeper are
behind (counts only)."""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel, Field

from store.deadlines import DeadlineSweeper
from store.relay import OutboxRelay


class OutboxHealth(BaseModel):
    backlog: int = Field(description="entries the relay has yet to tell the case workflows")
    lag_seconds: float = Field(description="age of the oldest of them (0 when there are none)")
    failing: int = Field(description="entries that failed at least once and wait to be retried")
    last_error: str | None = Field(description="why the oldest failing entry failed")


class DeadlineHealth(BaseModel):
    overdue: int = Field(description="SLA deadlines due and not yet shown on the read side by the sweeper")
    lag_seconds: float = Field(description="how late the earliest of them is (0 when there are none)")


class Health(BaseModel):
    status: str = Field(description="ok, or behind when an outbox entry or a deadline has waited a minute or more")
    outbox: OutboxHealth
    deadlines: DeadlineHealth


BEHIND_SECONDS = 60.0


async def health_of(relay: OutboxRelay, sweeper: DeadlineSweeper) -> Health:
    backlog = await relay.backlog()
    lag = backlog.lag_seconds(datetime.now(UTC))
    overdue, late = await sweeper.overdue()
    return Health(status="behind" if max(lag, late) >= BEHIND_SECONDS else "ok",
                  outbox=OutboxHealth(backlog=backlog.entries, lag_seconds=round(lag, 3), failing=backlog.failing,
                                      last_error=backlog.last_error),
                  deadlines=DeadlineHealth(overdue=overdue, lag_seconds=round(late, 3)))


async def prometheus_text(relay: OutboxRelay, sweeper: DeadlineSweeper) -> str:
    backlog = await relay.backlog()
    overdue, late = await sweeper.overdue()
    lines = [
        "# HELP switchboard_outbox_backlog Outbox entries not yet told to their case workflows.",
        "# TYPE switchboard_outbox_backlog gauge",
        f"switchboard_outbox_backlog {backlog.entries}",
        "# HELP switchboard_outbox_lag_seconds Age of the oldest outbox entry.",
        "# TYPE switchboard_outbox_lag_seconds gauge",
        f"switchboard_outbox_lag_seconds {backlog.lag_seconds(datetime.now(UTC)):.3f}",
        "# HELP switchboard_outbox_failing Outbox entries waiting to be retried.",
        "# TYPE switchboard_outbox_failing gauge",
        f"switchboard_outbox_failing {backlog.failing}",
        "# HELP switchboard_outbox_told_total Entries this process told, by kind.",
        "# TYPE switchboard_outbox_told_total counter",
        *(f'switchboard_outbox_told_total{{kind="{kind}"}} {n}' for kind, n in sorted(relay.stats.told.items())),
        "# HELP switchboard_outbox_failures_total Telling attempts that failed in this process.",
        "# TYPE switchboard_outbox_failures_total counter",
        f"switchboard_outbox_failures_total {relay.stats.failures}",
        "# HELP switchboard_outbox_yielded_rounds_total Relay rounds trickled because ingest was saturated.",
        "# TYPE switchboard_outbox_yielded_rounds_total counter",
        f"switchboard_outbox_yielded_rounds_total {relay.stats.yielded}",
        "# HELP switchboard_deadlines_overdue SLA deadlines due and not yet shown on the read side.",
        "# TYPE switchboard_deadlines_overdue gauge",
        f"switchboard_deadlines_overdue {overdue}",
        "# HELP switchboard_deadlines_lag_seconds How late the earliest overdue deadline is.",
        "# TYPE switchboard_deadlines_lag_seconds gauge",
        f"switchboard_deadlines_lag_seconds {late:.3f}",
        "# HELP switchboard_deadlines_projected_total Deadlines this process showed on the read side.",
        "# TYPE switchboard_deadlines_projected_total counter",
        f"switchboard_deadlines_projected_total {sweeper.projected}",
    ]
    return "\n".join(lines) + "\n"
