"""Loads flow versions from the read side and keeps them compiled.

Versions are immutable, so a compiled flow never goes stale in the cache.
"""

from __future__ import annotations

import threading

from sqlalchemy import Engine
from sqlmodel import Session

from api.discovery.lexicons import compile_with_vader
from api.flows.models import Flow
from engine.flows import CompiledFlow


class UnknownFlowVersion(LookupError):
    pass


class FlowCache:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._compiled: dict[str, CompiledFlow] = {}
        self._lock = threading.Lock()

    def get(self, version: str) -> CompiledFlow:
        """The compiled flow of a version; raises UnknownFlowVersion when no such version was published."""
        compiled = self._compiled.get(version)
        if compiled is None:
            with Session(self._engine) as session:
                row = session.get(Flow, version)
            if row is None:
                raise UnknownFlowVersion(f"flow version {version!r} was never published")
            compiled = compile_with_vader(row.document)
            with self._lock:
                self._compiled[version] = compiled
        return compiled
