"""What a run found: the faults injected with their recovery, the invariants checked, and the figures around them."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from typing import Any


def say(line: str) -> None:
    """Progress, on stderr (stdout is the report's)."""
    print(line, file=sys.stderr, flush=True)


@dataclass
class Fault:
    kind: str
    at_s: float  # run seconds
    recovery_s: float | None = None  # None: not recovered within the bound, or not injected (see `error`)
    error: str | None = None  # the fault could not be injected as planned, or the stack did not recover by itself
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass
class Invariant:
    name: str
    ok: bool
    count: int = 0  # how many broke it
    examples: list[Any] = field(default_factory=list)
    note: str = ""

    @classmethod
    def of(cls, name: str, broken: list[Any], note: str = "") -> Invariant:
        return cls(name, not broken, len(broken), broken[:10], note)


@dataclass
class FaultReport:
    accepted: int
    lost: int
    duplicated: int
    faults: list[Fault]
    duplicates: dict[str, int] = field(default_factory=dict)  # what was duplicated: mentions, cases, runs, replies
    posted: int = 0
    cases: int = 0
    invariants: list[Invariant] = field(default_factory=list)
    figures: dict[str, Any] = field(default_factory=dict)  # answers, retries, agents' work, samples, ...
    wall_seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[Invariant]:
        return [i for i in self.invariants if not i.ok]

    @property
    def ok(self) -> bool:
        """Every invariant held, nothing was lost or duplicated, and every fault was injected and recovered from."""
        return (not self.failed and not self.lost and not self.duplicated
                and all(f.error is None and f.recovery_s is not None for f in self.faults))

    def as_json(self) -> dict[str, Any]:
        return {
            "accepted": self.accepted, "lost": self.lost, "duplicated": self.duplicated,
            "faults": [{"kind": f.kind, "recovery_s": None if f.recovery_s is None else round(f.recovery_s, 2),
                        "at_s": round(f.at_s, 2), "error": f.error, **f.detail} for f in self.faults],
            "duplicates": self.duplicates, "posted": self.posted, "cases": self.cases, "ok": self.ok,
            "failed": [i.name for i in self.failed],
            "invariants": {i.name: {"ok": i.ok, "count": i.count, "examples": i.examples[:5], "note": i.note}
                           for i in self.invariants},
            **self.figures, "wall_seconds": round(self.wall_seconds, 1), "notes": self.notes,
        }


def table(report: FaultReport) -> str:
    f = report.figures
    lines = [f"mentions posted {report.posted}, accepted {report.accepted}, LOST {report.lost}, DUPLICATED "
             f"{report.duplicated} {report.duplicates}; cases {report.cases}",
             "webhook answers: " + ", ".join(f"{k}: {v}" for k, v in sorted(f.get("answers", {}).items())),
             "failed answers (count, first and last sent at s): "
             + (", ".join(f"{k}: {v}" for k, v in sorted(f.get("failed_answers", {}).items())) or "none"),
             f"accepted only as a duplicate on a retry: {f.get('retried_then_duplicate', 0)}",
             f"new case accepted -> first workflow task completed, s (baseline before the first fault "
             f"{f.get('baseline_first_task_s')}): "
             + " ".join(f"{t:g}:{'-' if v is None else v}" for t, v in f.get("first_task_samples", [])),
             "", f"{'#':>2} {'fault':<17} {'at s':>7} {'recovery s':>10}  detail"]
    for n, fault in enumerate(report.faults, 1):
        recovery = "NOT RECOVERED" if fault.recovery_s is None else f"{fault.recovery_s:.2f}"
        error = f"ERROR: {fault.error}  " if fault.error else ""
        lines.append(f"{n:>2} {fault.kind:<17} {fault.at_s:>7.1f} {recovery:>10}  {error}"
                     f"{json.dumps(fault.detail, default=str)}")
    lines += ["", f"{'invariant':<64} {'result':<6} {'count':>6}  examples"]
    for i in report.invariants:
        shown = json.dumps(i.examples[:3], default=str)[:300] if i.examples else ""
        lines.append(f"{i.name:<64} {'ok' if i.ok else 'FAILED':<6} {i.count:>6}  {shown}"
                     + (f"  ({i.note})" if i.note else ""))
    lines += ["", "agents: " + ", ".join(f"{k}: {v}" for k, v in f.get("agents", {}).items())]
    lines += [f"note: {n}" for n in report.notes]
    lines.append(f"wall time {report.wall_seconds:.0f} s; {'OK' if report.ok else 'FAILED'}")
    return "\n".join(lines)
