"""Publishing and finding flow versions."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session, col, select

from api.flows.models import Flow
from engine.flows import compile_flow


def publish_flow(*, session: Session, name: str, document: dict[str, Any], activate: bool = True) -> Flow:
    """Store a flow version (compiling it first: a broken flow raises InvalidFlow and is not stored)."""
    version = compile_flow(document).version
    flow = session.get(Flow, version)
    if flow is None:
        flow = Flow(id=version, name=name, document=document, published_at=datetime.now(UTC))
    if activate:
        for other in session.exec(select(Flow).where(col(Flow.active), Flow.id != version)):
            other.active = False
            session.add(other)
        flow.active = True
    session.add(flow)
    return flow


def active_flow(*, session: Session) -> Flow | None:
    """The flow new cases start with."""
    return session.exec(select(Flow).where(col(Flow.active)).order_by(col(Flow.published_at).desc())).first()
