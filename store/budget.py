"""The clock of each mention's tagging budget (`SWITCHBOARD_TAGGING_BUDGET_MS`), for ingest and the worker.

The budget counts the tagging thread's CPU time, so neither other threads and processes on a loaded
machine nor a collection of the whole heap (150-180 ms each in bench.discovery's process: enough to cut
short whichever mention it lands in) count against a mention.
"""

from __future__ import annotations

import gc
import threading
import time

from engine.tagging import TagBudget

DEFAULT_TAGGING_BUDGET_MS = 200.0


class _FullCollections(threading.local):
    """The CPU time this thread has spent in the interpreter's full garbage collections."""

    spent = 0.0
    began: float | None = None


_full_collections = _FullCollections()
_counting = threading.Lock()


def _count_full_collections(phase: str, info: dict[str, int]) -> None:
    # Only full collections: they scan the whole heap (150-180 ms each in bench.discovery's process, enough to
    # cut short whichever mention they land in); young ones take well under a few milliseconds.
    if info["generation"] == 2:
        if phase == "start":
            _full_collections.began = time.thread_time()
        elif _full_collections.began is not None:
            _full_collections.spent += time.thread_time() - _full_collections.began
            _full_collections.began = None


def tagging_clock() -> float:
    """The calling thread's CPU time, less its full garbage collections: what tagging itself spends."""
    return time.thread_time() - _full_collections.spent


def tagging_budget(ms: float) -> TagBudget:
    """`ms` milliseconds of `tagging_clock` for each mention's tagging: neither the time other threads and
    processes take on a loaded machine nor a collection of the whole heap counts against a mention. Wall
    time, which never runs slower, is read first because it is cheaper: the CPU clock is read only once it
    shows the budget may be spent."""
    with _counting:
        if _count_full_collections not in gc.callbacks:
            gc.callbacks.append(_count_full_collections)
    return TagBudget(clock=tagging_clock, seconds=ms / 1000, wall=time.perf_counter)
