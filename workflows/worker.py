"""The worker's composition root: binds activities to the database and runs the case workflow."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from temporalio.client import Client
from temporalio.worker import Worker
from temporalio.worker.workflow_sandbox import SandboxedWorkflowRunner, SandboxRestrictions

from activities.cases import CaseActivities
from activities.connectors.base import Connector, ConnectorRegistry, PushOnly
from activities.connectors.email import EmailConnector
from activities.connectors.mastodon import MastodonConnector
from activities.connectors.netguard import NetGuard, Network
from activities.connectors.rss import RssConnector
from activities.crisis import CrisisActivities
from activities.discovery import DiscoveryActivities
from activities.flows import FlowCache
from activities.reports import ReportActivities
from activities.routing import RoutingActivities
from store.budget import DEFAULT_TAGGING_BUDGET_MS
from store.db import make_engine
from store.keys import KeyRing
from store.report_mail import SmtpConfig
from workflows.case import CaseWorkflow
from workflows.crisis_watch import CrisisWatchWorkflow
from workflows.poll import PollSourceWorkflow
from workflows.report_delivery import DeliverReportWorkflow

WORKFLOWS = [CaseWorkflow, PollSourceWorkflow, CrisisWatchWorkflow, DeliverReportWorkflow]


def sandbox_runner(*, reimport_workflows: bool = True) -> SandboxedWorkflowRunner:
    """The sandbox, with our pure engine and pydantic passed through instead of re-imported.

    With `reimport_workflows` (the tests' and the replayer's workers), every workflow run imports our
    workflow modules afresh inside the sandbox, which then refuses a clock, random or environment read in
    them: that is how a nondeterministic call fails a test. The workers `switchboard worker` runs pass
    them through as well: importing them again cost each new case's workflow 20-40% of the worker's CPU
    (compiling the sources, where no bytecode cache is written, and building their classes), and those
    modules keep no state of their own (module-level names are constant tables)."""
    passthrough = ("engine", "pydantic", "pydantic_core") + (() if reimport_workflows else ("workflows",))
    return SandboxedWorkflowRunner(restrictions=SandboxRestrictions.default.with_passthrough_modules(*passthrough))


# Open cases beyond the cache are evicted, and each of their timers then replays the whole history:
# a storm of 1,500 simultaneous SLA breaches took 119 s with the SDK's default of 1,000 and 52 s with
# 5,000 (bench/lifecycle.py, 2026-11-23). Memory grows with the number of cases cached.
MAX_CACHED_WORKFLOWS = 5000


def build_worker(client: Client, *, task_queue: str, database_url: str, keys: KeyRing | None,
                 connect_allow: Sequence[Network] = (), executor: ThreadPoolExecutor | None = None,
                 max_cached_workflows: int = MAX_CACHED_WORKFLOWS,
                 tagging_budget_ms: float = DEFAULT_TAGGING_BUDGET_MS,
                 connectors: Mapping[str, Connector[Any]] | None = None, reimport_workflows: bool = True,
                 smtp: SmtpConfig | None = None, share_of_voice: Mapping[str, list[str]] | None = None) -> Worker:
    """A worker for the case task queue, with activities bound to the read side at `database_url`,
    connector secrets opened with `keys` (payloads are sealed by the client's data converter),
    connectors reaching private networks only in `connect_allow`, and each mention's classification
    tagged within `tagging_budget_ms` of CPU time (the setting of that name). `connectors` replaces the
    connectors of some kinds (a test's stand-in for a remote API that fails as remote APIs do);
    `reimport_workflows` as in `sandbox_runner`; `smtp`: the server scheduled reports are emailed through;
    `share_of_voice`: the setting SWITCHBOARD_SHARE_OF_VOICE, the names a share of voice report counts until an
    ops lead saves some."""
    engine = make_engine(database_url)
    guard = NetGuard(connect_allow)
    registry = ConnectorRegistry({"webhook": PushOnly(), "file": PushOnly(), "rss": RssConnector(guard=guard),
                                  "mastodon": MastodonConnector(guard=guard), "email": EmailConnector(guard=guard),
                                  **(connectors or {})}, keys=keys)
    acts = CaseActivities(engine=engine, flows=FlowCache(engine), connectors=registry,
                          tagging_budget_ms=tagging_budget_ms)
    routing = RoutingActivities(engine=engine, client=client)
    discovery = DiscoveryActivities(engine=engine, connectors=registry, client=client, task_queue=task_queue,
                                    tagging_budget_ms=tagging_budget_ms)
    crisis = CrisisActivities(engine=engine, client=client)
    reports = ReportActivities(engine=engine, keys=keys, guard=guard, smtp=smtp,
                               share_of_voice=dict(share_of_voice or {}))
    return Worker(
        client,
        task_queue=task_queue,
        workflows=WORKFLOWS,
        activities=acts.all() + routing.all() + discovery.all() + crisis.all() + reports.all(),
        activity_executor=executor or ThreadPoolExecutor(max_workers=16),
        workflow_runner=sandbox_runner(reimport_workflows=reimport_workflows),
        max_cached_workflows=max_cached_workflows,
    )
