"""Loads flow versions from the read side, compiled once per process (store.compiled_flows)."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlmodel import Session

from engine.flows import CompiledFlow
from store.compiled_flows import cached, compiled
from store.flows import Flow


class UnknownFlowVersion(LookupError):
    pass


class FlowCache:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def get(self, version: str) -> CompiledFlow:
        """The compiled flow of a version; raises UnknownFlowVersion when no such version was published."""
        found = cached(version)
        if found is None:
            with Session(self._engine) as session:
                row = session.get(Flow, version)
            if row is None:
                raise UnknownFlowVersion(f"flow version {version!r} was never published")
            found = compiled(row)
        return found
