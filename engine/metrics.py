"""Report maths over plain values: counts, means, medians, percentiles, SLA attainment, rates and time buckets.

Pure: the read side (store.analytics) fetches the numbers, this module computes what a report shows, so every
figure a report gives can be checked by hand against these definitions.

- **Median**: the middle value of the sorted values; with an even count, the mean of the two middle ones
  (statistics.median), as a person computing it by hand would.
- **Percentiles (p90)**: nearest-rank. The p-th percentile of n sorted values is the value at rank
  ceil(p / 100 * n) (1-based): always one of the values, never interpolated, so "90% of cases were answered
  within p90" holds exactly. p90 of [1..10] is 9, of [1..11] is 10, of one value is that value.
- **SLA attainment** of a target: met / (met + breached). A case closed before anyone answered and before its
  deadline (closed_without_response, engine.measures) is neither: it is counted apart and left out of the
  ratio, as help desks report it. No met and no breached: no attainment (None), never 0 or 1.
- **Rates** (transfers, reopens): the cases with at least one / the cases counted; None when none counted.
- **Time buckets**: an instant's local day (YYYY-MM-DD) or hour (YYYY-MM-DDTHH:00+HH:MM, with the offset,
  so the two 01:00 hours of a night the clocks go back stay apart) in the viewer's time zone.
- **Next response**: the gaps between a customer's mention needing a response, once we had replied, and our
  next reply (`next_response_gaps`).
- **Backlog ageing**: how long an open case has been open, in buckets <1h, 1-4h, 4-24h, 1-3d, >3d.
- **Sentiment labels**: negative at or below -0.05, positive at or above 0.05, neutral between (VADER's cut).
- **Share of voice**: a name's mentions / the mentions matching any configured name, a term matching as a whole
  word or phrase, case-insensitively.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Literal

from pydantic import BaseModel, Field

from engine.measures import BREACHED, CLOSED_WITHOUT_RESPONSE, MET

TimeUnit = Literal["day", "hour"]


class Summary(BaseModel):
    """A distribution of durations (seconds) as reports show it."""

    count: int = Field(description="How many values")
    mean: float | None = Field(description="Their arithmetic mean; null when there are none")
    median: float | None = Field(description="The middle value (the mean of the two middle ones for an even "
                                             "count); null when there are none")
    p90: float | None = Field(description="The 90th percentile by nearest rank: the value at rank "
                                          "ceil(0.9 * count) of the sorted values; null when there are none")


class Attainment(BaseModel):
    """One SLA target's outcomes over a set of closed cases."""

    met: int
    breached: int
    closed_without_response: int = Field(description="Closed before any response and before the deadline: "
                                                     "neither met nor breached, and not in the ratio")
    attainment: float | None = Field(description="met / (met + breached); null when both are 0")


def percentile(values: Iterable[float], p: float) -> float | None:
    """The p-th percentile (0 < p <= 100) of `values` by nearest rank; None for no values."""
    if not 0 < p <= 100:
        raise ValueError(f"a percentile is in (0, 100], not {p}")
    ordered = sorted(values)
    if not ordered:
        return None
    # round() first: 0.9 * 10 is 9.000000000000002 in floating point, whose ceiling would be 10.
    rank = math.ceil(round(p / 100 * len(ordered), 9))
    return ordered[max(rank, 1) - 1]


def summarize(values: Iterable[float]) -> Summary:
    """Count, mean, median and nearest-rank p90 of `values` (see the module docstring)."""
    ordered = sorted(values)
    if not ordered:
        return Summary(count=0, mean=None, median=None, p90=None)
    return Summary(count=len(ordered), mean=math.fsum(ordered) / len(ordered), median=statistics.median(ordered),
                   p90=percentile(ordered, 90))


def attainment(outcomes: Iterable[str]) -> Attainment:
    """Met, breached and closed_without_response counts of one target's outcomes, and met / (met + breached).
    Any other outcome (none is defined today) is ignored."""
    counts = Counter(outcomes)
    met, breached = counts[MET], counts[BREACHED]
    return Attainment(met=met, breached=breached, closed_without_response=counts[CLOSED_WITHOUT_RESPONSE],
                      attainment=met / (met + breached) if met + breached else None)


def rate(part: int, whole: int) -> float | None:
    """part / whole, or None when whole is 0 (no cases: no rate, rather than a misleading 0)."""
    if part < 0 or part > whole:
        raise ValueError(f"a rate needs 0 <= part <= whole, not {part} of {whole}")
    return part / whole if whole else None


# The case metrics of auto-replies (issue 16's auto-response statistics), for each path that answers them.
AUTO_REPLY_METRICS = frozenset({"auto_replies", "auto_reply_rate", "resolved_by_auto_reply"})


def resolved_by_auto_reply(*, auto_replied: bool, human_replies: int, close_reason: str | None) -> bool:
    """Whether a closed case was resolved by its auto-reply alone: it got one, no human replied, and it was not
    closed as spam (spam is dismissed, not resolved). A case reply count counts humans' replies only: the
    auto-reply is no response (Zendesk's one-touch and first reply time count agents' replies)."""
    return auto_replied and human_replies == 0 and close_reason != "spam"


def time_bucket(at: datetime, zone: tzinfo, unit: TimeUnit) -> str:
    """The local day or hour of the aware instant `at` in `zone`, as a report's group label."""
    if at.tzinfo is None:
        raise ValueError("a naive datetime has no place in time: give its offset")
    local = at.astimezone(zone)
    if unit == "day":
        return local.strftime("%Y-%m-%d")
    offset = local.utcoffset() or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{local:%Y-%m-%dT%H}:00{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def time_buckets(since: datetime, until: datetime, zone: tzinfo, unit: TimeUnit) -> list[str]:
    """Every bucket [since, until) touches, in order: the rows a time series shows, zero or not.

    Stepping through the period finds them: by 15 minutes for hours (every zone's offset is a multiple of 15
    minutes, so no local hour is stepped over), by an hour for days (a local day lasts at least 23 hours).
    """
    step = timedelta(minutes=15) if unit == "hour" else timedelta(hours=1)
    return list(dict.fromkeys(time_bucket(at, zone, unit) for at in _steps(since, until, step)))


def _steps(since: datetime, until: datetime, step: timedelta) -> Iterator[datetime]:
    at = since.astimezone(UTC)
    # Start on a step boundary so that every bucket's first step is seen; then `since` itself.
    if at < until:
        yield at
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    at = epoch + ((at - epoch) // step + 1) * step
    while at < until:
        yield at
        at += step


# ---- Next response, backlog ageing, sentiment labels and share of voice ---------------------------------

AGE_BUCKETS: tuple[tuple[str, timedelta], ...] = (
    ("<1h", timedelta(hours=1)), ("1-4h", timedelta(hours=4)), ("4-24h", timedelta(hours=24)),
    ("1-3d", timedelta(days=3)), (">3d", timedelta.max))
# VADER's own reading of its compound score: at or above 0.05 positive, at or below -0.05 negative.
SENTIMENT_CUT = 0.05


def next_response_gaps(messages: Iterable[tuple[datetime, bool, bool]]) -> list[tuple[datetime, datetime]]:
    """The waits for a next response in a case's messages `(written at, inbound, needs a response)`.

    Sorted by time, after our first reply (the first response is not a next response), an inbound mention
    needing a response while nobody waits starts a wait; our next reply ends it. Further inbound mentions
    before that reply join the same wait (the customer waits from their first unanswered one); a wait no
    reply ended yet is not a gap. Returns (start, end) pairs in order.
    """
    gaps: list[tuple[datetime, datetime]] = []
    replied, waiting = False, None
    for at, inbound, needs in sorted(messages, key=lambda message: message[0]):
        if not inbound:
            if waiting is not None:
                gaps.append((waiting, at))
            replied, waiting = True, None
        elif replied and waiting is None and needs:
            waiting = at
    return gaps


def age_bucket(age: timedelta) -> str:
    """The ageing bucket of an open case `age` old: <1h, 1-4h, 4-24h, 1-3d or >3d (each upper bound excluded)."""
    return next(name for name, upper in AGE_BUCKETS if age < upper)


def sentiment_label(score: float | None) -> str | None:
    """negative (<= -0.05), positive (>= 0.05) or neutral; None for a mention with no sentiment."""
    if score is None:
        return None
    return "negative" if score <= -SENTIMENT_CUT else "positive" if score >= SENTIMENT_CUT else "neutral"


def term_pattern(terms: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of `terms` as a whole word or phrase ("acme" in "Acme's" and
    "@acme", not in "acmes"), for share of voice."""
    alternatives = "|".join(re.escape(term.strip()) for term in sorted(terms, key=len, reverse=True) if term.strip())
    if not alternatives:
        raise ValueError("a share of voice name needs at least one non-blank term")
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def shares(counts: dict[str, int]) -> dict[str, float | None]:
    """Each name's share of the mentions matching any name: its count / the sum of the counts (a mention naming
    two counts for each); None for every name when nothing matched."""
    total = sum(counts.values())
    return {name: (n / total if total else None) for name, n in counts.items()}
