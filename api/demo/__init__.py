"""Demo data: sources, teams, agents, the default flow, and mentions to post."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from api.auth.passwords import hash_password
from api.auth.permissions import Role
from api.flows.service import publish_flow
from store.accounts import User
from store.connector_config import set_webhook_token
from store.db import session_scope
from store.experts import Expert
from store.flows import active_flow
from store.sources import Source
from store.teams import Agent, Team

HERE = Path(__file__).resolve().parent
# The demo accounts' password, printed in `switchboard up`'s banner: for trying Switchboard out on one's
# own machine, never for a deployment (`--no-demo` creates no accounts).
DEMO_PASSWORD = "switchboard-demo"


def default_flow() -> dict[str, Any]:
    """The demo's flow document (also the fixture of tests that need a realistic flow)."""
    return json.loads((HERE / "flow.json").read_text())


def demo_data() -> dict[str, Any]:
    return json.loads((HERE / "seed.json").read_text())


@cache
def _demo_hash() -> str:
    return hash_password(DEMO_PASSWORD)  # once per process: argon2id is slow on purpose


def seed(engine: Engine, *, accounts: bool = True, webhook_token: str | None = None) -> str:
    """Insert what is missing of the demo set; returns the active flow version. Safe to run again.

    `accounts`: the demo users (one per role, password DEMO_PASSWORD). `webhook_token`: the token the
    demo's webhook sources take from now on (in X-Switchboard-Token); without it they keep theirs.
    """
    data = demo_data()
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        for table, rows in ((Source, data["sources"]), (Team, data["teams"]), (Agent, data["agents"]),
                            (Expert, data["experts"])):
            for row in rows:
                if session.get(table, row["id"]) is None:
                    session.add(table(**row))
        session.flush()
        for row in data["users"] if accounts else ():
            if session.get(User, row["id"]) is None:
                session.add(User(**{**row, "role": Role(row["role"])}, password_hash=_demo_hash(),
                                 password_changed_at=now, created_at=now))
        if webhook_token is not None:
            for row in data["sources"]:
                source = session.get(Source, row["id"])
                if source is not None and source.kind == "webhook":
                    source.config = set_webhook_token(source.config or {}, webhook_token)
                    session.add(source)
        session.flush()
        # Never override a flow an ops lead has since made active.
        flow = active_flow(session=session) or publish_flow(
            session=session, name="Default care flow", document=default_flow())
        return flow.id


def demo_accounts() -> list[dict[str, Any]]:
    """The demo users: id, email, name, role and teams."""
    return demo_data()["users"]


def demo_mentions() -> list[dict[str, Any]]:
    """Webhook bodies to post, each with its source."""
    return demo_data()["mentions"]
