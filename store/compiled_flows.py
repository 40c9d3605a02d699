"""Flow versions compiled once per process, with VADER's sentiment: for the pipeline and the activities.

Versions are immutable (a version is its document's hash), so a compiled flow never goes stale.
"""

from __future__ import annotations

import threading

from engine.flows import CompiledFlow
from store.flows import Flow
from store.lexicons import compile_with_vader

_compiled: dict[str, CompiledFlow] = {}
_lock = threading.Lock()


def cached(version: str) -> CompiledFlow | None:
    """The compiled flow of a version already compiled in this process, else None."""
    return _compiled.get(version)


def compiled(row: Flow) -> CompiledFlow:
    """The compiled flow of a stored version, compiling it the first time."""
    found = _compiled.get(row.id)
    if found is None:
        found = compile_with_vader(row.document)
        with _lock:
            _compiled[row.id] = found
    return found
