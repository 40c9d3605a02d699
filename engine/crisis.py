"""Crisis mode's maths: is this a spike, and is it over? Pure: the read side counts, this module decides.

- **Series.** Inbound mentions are counted in the last `window_seconds`, as a whole and per topic (a tag), and
  so are the negative ones (sentiment at or below `negative_below`, VADER's -0.05 by default): the series are
  `mentions`, `mentions/<topic>`, `negative` and `negative/<topic>`.
- **Baseline per hour of the week.** A series' baseline is the mean of its counts over the same stretch of the
  week (the same hour of the week, to the second) in each of the past `baseline_weeks` weeks
  (`baseline_windows`): a Monday 09:00 rush is compared with the Monday 09:00 of past weeks, not with a
  Sunday night. Weeks with no mention count as 0, so a new installation's baseline is low and only the minimum
  counts hold it back.
- **Spike.** A series spikes when its count reaches its minimum (`min_mentions`, or `min_negative` for the
  negative series) and is at least `ratio` (`negative_ratio`) times its baseline: count >= min and
  count >= ratio * baseline. Crisis mode starts when any series spikes.
- **Calm.** A series is calm when its count is below its minimum or at most `end_ratio` times its baseline.
  An automatic crisis ends after `calm_checks` checks in a row where every series is calm; one started by
  hand ends by hand.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Literal

from pydantic import BaseModel, Field

WEEK = timedelta(days=7)
NEGATIVE_BELOW = -0.05  # VADER's compound score at or below which a text is negative


class Thresholds(BaseModel):
    """What the ops lead sets: how big a rise is a crisis, and how small a one is over."""

    ratio: float = Field(default=3.0, gt=1, le=1000, description="a series spikes at this many times its baseline")
    min_mentions: int = Field(default=50, ge=1, le=1_000_000,
                              description="and with at least this many mentions in the window")
    negative_ratio: float = Field(default=3.0, gt=1, le=1000,
                                  description="a negative series spikes at this many times its baseline")
    min_negative: int = Field(default=20, ge=1, le=1_000_000,
                              description="and with at least this many negative mentions in the window")
    negative_below: float = Field(default=NEGATIVE_BELOW, ge=-1, le=0,
                                  description="a mention is negative when its sentiment is at or below this")
    end_ratio: float = Field(default=1.5, ge=0, le=1000,
                             description="a series is calm at or below this many times its baseline")
    calm_checks: int = Field(default=2, ge=1, le=100,
                             description="an automatic crisis ends after this many calm checks in a row")


class Counts(BaseModel):
    """What one window held: inbound mentions, and the negative ones, overall and per topic."""

    mentions: int = 0
    negative: int = 0
    mentions_by_topic: dict[str, int] = Field(default_factory=dict)
    negative_by_topic: dict[str, int] = Field(default_factory=dict)


class CrisisSignal(BaseModel):
    """One series' figures at a check."""

    series: str = Field(description="mentions, negative, mentions/<topic> or negative/<topic>")
    count: int
    baseline: float = Field(description="the mean count of the same stretch of the week in the past weeks")
    ratio: float | None = Field(description="count / baseline; null when the baseline is 0")
    spiking: bool
    calm: bool


class Decision(BaseModel):
    """What a check concludes."""

    action: Literal["start", "end", "none"]
    reason: str
    calm_streak: int = Field(description="calm checks in a row, this one included (0 when it was not calm)")
    signals: list[CrisisSignal] = Field(description="the series that spike, else the busiest ones, for the record")


def count_window(rows: Iterable[tuple[list[str] | None, float | None]], *, negative_below: float = NEGATIVE_BELOW,
                 topics: Iterable[str] = ()) -> Counts:
    """The counts of one window from its inbound mentions' (tags, sentiment); with `topics`, only those tags
    are counted per topic (every tag otherwise). A mention counts once per tag it carries."""
    wanted = set(topics)
    counts = Counts()
    for tags, sentiment in rows:
        negative = sentiment is not None and sentiment <= negative_below
        counts.mentions += 1
        counts.negative += negative
        for tag in set(tags or ()):
            if wanted and tag not in wanted:
                continue
            counts.mentions_by_topic[tag] = counts.mentions_by_topic.get(tag, 0) + 1
            if negative:
                counts.negative_by_topic[tag] = counts.negative_by_topic.get(tag, 0) + 1
    return counts


def baseline_windows(end: datetime, window_seconds: int, weeks: int) -> list[tuple[datetime, datetime]]:
    """The windows a baseline averages: [end - window, end) moved back 1, 2 ... `weeks` whole weeks."""
    if window_seconds <= 0 or weeks < 1:
        raise ValueError("a baseline needs a window of at least a second and at least one week")
    span = timedelta(seconds=window_seconds)
    return [(end - k * WEEK - span, end - k * WEEK) for k in range(1, weeks + 1)]


def hour_of_week(instant: datetime) -> int:
    """0 for Monday 00:00-00:59 UTC up to 167 for Sunday 23:00-23:59 UTC (naive instants are taken as UTC)."""
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    utc = instant.astimezone(UTC)
    return utc.weekday() * 24 + utc.hour


def _series(counts: Counts) -> dict[str, tuple[int, bool]]:
    """Every series of a window: its count and whether it is a negative one."""
    found = {"mentions": (counts.mentions, False), "negative": (counts.negative, True)}
    found |= {f"mentions/{t}": (n, False) for t, n in counts.mentions_by_topic.items()}
    found |= {f"negative/{t}": (n, True) for t, n in counts.negative_by_topic.items()}
    return found


def signals(window: Counts, past: list[Counts], thresholds: Thresholds) -> list[CrisisSignal]:
    """Each series of `window` (and of the past weeks, so a topic gone quiet is seen too) against its baseline:
    the mean of the `past` windows' counts (a week missing the series counts 0)."""
    now, before = _series(window), [_series(week) for week in past]
    names = sorted(set(now).union(*before)) if before else sorted(now)
    found = []
    for name in names:
        negative = name.startswith("negative")
        count = now.get(name, (0, negative))[0]
        baseline = sum(week.get(name, (0, negative))[0] for week in before) / len(before) if before else 0.0
        ratio_needed = thresholds.negative_ratio if negative else thresholds.ratio
        minimum = thresholds.min_negative if negative else thresholds.min_mentions
        spiking = count >= minimum and count >= ratio_needed * baseline
        calm = count < minimum or count <= thresholds.end_ratio * baseline
        found.append(CrisisSignal(series=name, count=count, baseline=baseline,
                            ratio=None if baseline == 0 else count / baseline, spiking=spiking, calm=calm))
    return found


def describe(signal: CrisisSignal) -> str:
    """One line a person reads: `negative/billing: 60 in the window, 3x its baseline of 20`."""
    times = "no baseline" if signal.ratio is None else f"{signal.ratio:.3g}x its baseline of {signal.baseline:.3g}"
    return f"{signal.series}: {signal.count} in the window, {times}"


def decide(*, window: Counts, past: list[Counts], thresholds: Thresholds, active: bool, automatic: bool,
           calm_streak: int) -> Decision:
    """One check: start a crisis on a spike, end an automatic one after `calm_checks` calm checks in a row.

    `calm_streak`: the calm checks in a row before this one. A crisis started by hand (`automatic` False) is
    never ended here, and a running one is never started again."""
    found = signals(window, past, thresholds)
    spiking = [s for s in found if s.spiking]
    calm = all(s.calm for s in found)
    streak = calm_streak + 1 if calm else 0
    busiest = sorted(found, key=lambda s: (-s.count, s.series))[:5]
    if not active:
        if spiking:
            return Decision(action="start", reason="spike: " + "; ".join(describe(s) for s in spiking[:5]),
                            calm_streak=0, signals=spiking)
        return Decision(action="none", reason="no spike", calm_streak=streak, signals=busiest)
    if automatic and calm and streak >= thresholds.calm_checks:
        return Decision(action="end", reason=f"back to baseline for {streak} checks in a row: "
                                             + "; ".join(describe(s) for s in busiest[:3]),
                        calm_streak=streak, signals=busiest)
    return Decision(action="none", reason="calm" if calm else "still above baseline", calm_streak=streak,
                    signals=[s for s in found if not s.calm][:5] or busiest)


# The crisis watch: one long-running workflow per installation (workflows/crisis_watch.py), started by name.
CRISIS_WATCH_WORKFLOW = "CrisisWatch"
CHECK_NOW_SIGNAL = "check_now"  # settings changed: check now rather than at the next tick


def crisis_watch_id(task_queue: str) -> str:
    """The watch's workflow id: one per installation (its task queue)."""
    return f"crisis-watch-{task_queue}"


CHECKS_PER_RUN = 100  # about 8 events a check: a run's history stays under a thousand events


class WatchInput(BaseModel):
    """The watch's input, carried over each continue-as-new."""

    calm_streak: int = 0
    checks_per_run: int = Field(default=CHECKS_PER_RUN, ge=1, description="checks before it continues as new")


class SampleRequest(BaseModel):
    at: datetime = Field(description="the end of the window: the workflow's now")


class Sample(BaseModel):
    """What one check needs: the settings, whether a crisis is on, and the counts."""

    enabled: bool
    interval_seconds: int
    thresholds: Thresholds
    active: bool
    automatic: bool
    window: Counts
    past: list[Counts]


class ApplyRequest(BaseModel):
    """A check's decision, to record (and, for start and end, to carry out)."""

    at: datetime
    decision: Decision


class ApplyResult(BaseModel):
    applied: bool
    message: str = ""
