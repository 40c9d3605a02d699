"""Fault suite: load on the webhook and on agents while workers, Temporal, the API and the database fail.

    .venv/bin/python -m bench.faults [--seconds 60] [--rate 20] [--worker-kills 5] [--temporal-restarts 2]
                                     [--api-kills 1] [--db-locks 2] [--json]

Starts `switchboard up --no-demo` (embedded Temporal dev server, SQLite, the demo's teams, agents and flow) on
127.0.0.1 in a temporary folder, adds an admin, gives the demo agents and the supervisor accounts, puts every
agent online with a large capacity and publishes the demo flow with one short SLA policy, so escalations fall
due during the run. Then, at once, for `--seconds`:

- the load (`load.py`): `--rate` webhook posts a second, each from an author of its own, retried with the same
  external id until accepted; the assignee of each accepted case claims it and replies and closes at once
  ("prompt", half), replies after the deadline and closes separately ("late", a quarter) or never touches it
  ("ignored", a quarter: it breaches and escalates); a junior's reply is approved by the supervisor;
- the faults (`inject.py`): worker kills, Temporal kills (`up` must start it again itself), API kills (`up` started
  again on the same data) and database locks, each with its recovery time.

Then the posts' retries end, the outbox and the agents settle, and `verify.py` checks the invariants from the read
side and Temporal. Only 127.0.0.1 is contacted and every wait is bounded. The modules by what they own:

- `stack.py`: the `up` process under test, its pids, kills, health and a Temporal client to it;
- `load.py`: the HTTP identities, the posts and the agents' work;
- `inject.py`: the fault schedule and the recovery measurements;
- `verify.py`: the invariants;
- `report.py`: the report, its table and its JSON (`{"accepted", "lost", "duplicated", "faults": [{"kind",
  "recovery_s", ...}], ...}`);
- `run.py`: `FaultOptions` and `run_faults`, which starts `up`, runs all of the above and stops it;
- `__main__.py`: the command line.
"""

from bench.faults.report import FaultReport, table
from bench.faults.run import FaultOptions, run_faults

__all__ = ["FaultOptions", "FaultReport", "run_faults", "table"]
