"""The fault suite (bench/faults), bounded: load and agents on `switchboard up` while a worker is killed twice, the
embedded Temporal server is killed (and `up` starts it again itself), `up` itself is killed and started again on
the same data, and the database is locked. `python -m bench.faults` runs the longer one."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from bench.faults import FaultOptions, run_faults, table

pytestmark = pytest.mark.slow


@pytest.mark.timeout(300)
def test_nothing_accepted_is_lost_or_doubled_through_kills_restarts_and_a_locked_database(tmp_path: Path) -> None:
    began = time.monotonic()
    options = FaultOptions(seconds=30, rate=8, worker_kills=2, temporal_restarts=1, api_kills=1, db_locks=1,
                           lock_seconds=3, sla_seconds=10, level2_seconds=8, settle=60, retry_grace=30,
                           recovery_timeout=60, sample_every=0, data_dir=tmp_path / "data")
    report = run_faults(options)
    print(table(report))
    print(json.dumps(report.as_json(), default=str)[:4000])
    print(f"fault suite wall time: {time.monotonic() - began:.0f} s")

    assert report.accepted > 0, report.figures["answers"]
    assert report.lost == 0
    assert report.duplicated == 0, report.duplicates
    # Every planned fault was injected, and the stack recovered from each by itself.
    assert sorted(f.kind for f in report.faults) == ["api_kill", "db_lock", "temporal_restart", "worker_kill",
                                                     "worker_kill"]
    assert not [(f.kind, f.error) for f in report.faults if f.error], table(report)
    assert [f.detail["up_restarted_temporal"] for f in report.faults if f.kind == "temporal_restart"] == [True]
    assert all(f.recovery_s is not None for f in report.faults), [(f.kind, f.detail) for f in report.faults]
    # Every invariant of bench/faults/verify.py, SLAs and the audit trail included.
    assert not report.failed, {i.name: i.examples[:3] for i in report.failed}
