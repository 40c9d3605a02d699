"""What the benchmarks share: the best of several timed runs, and a line saying what machine ran them."""

from __future__ import annotations

import os
import platform
import time
from collections.abc import Callable


def best_of(runs: int, fn: Callable[[], object]) -> float:
    """Seconds for the fastest of `runs` calls of `fn`."""
    best = float("inf")
    for _ in range(runs):
        began = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - began)
    return best


def machine() -> str:
    """The Python, the machine and its load, for the line under a table."""
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"Python {platform.python_version()} ({platform.python_implementation()}) on {platform.machine()}, "
            f"{os.cpu_count()} CPUs, load average {load}")
