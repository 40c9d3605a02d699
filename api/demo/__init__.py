"""Demo data: sources, teams, agents, the default flow, and mentions to post."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from api.db import session_scope
from api.experts.models import Expert
from api.flows.service import active_flow, publish_flow
from api.sources import Source
from api.teams.models import Agent, Team

HERE = Path(__file__).resolve().parent


def default_flow() -> dict[str, Any]:
    """The demo's flow document (also the fixture of tests that need a realistic flow)."""
    return json.loads((HERE / "flow.json").read_text())


def demo_data() -> dict[str, Any]:
    return json.loads((HERE / "seed.json").read_text())


def seed(engine: Engine) -> str:
    """Insert what is missing of the demo set; returns the active flow version. Safe to run again."""
    data = demo_data()
    with session_scope(engine) as session:
        for table, rows in ((Source, data["sources"]), (Team, data["teams"]), (Agent, data["agents"]),
                            (Expert, data["experts"])):
            for row in rows:
                if session.get(table, row["id"]) is None:
                    session.add(table(**row))
        session.flush()
        # Never override a flow an ops lead has since made active.
        flow = active_flow(session=session) or publish_flow(
            session=session, name="Default care flow", document=default_flow())
        return flow.id


def demo_mentions() -> list[dict[str, Any]]:
    """Webhook bodies to post, each with its source."""
    return demo_data()["mentions"]
