"""The workers `switchboard worker` runs pass our workflow modules through the sandbox rather than import
them again for every workflow run (workflows.worker.sandbox_runner), so every run shares their module and
class attributes: those must hold constants only, or one case's workflow could change what another's does
and a replay would not see it. The tests' workers import the modules afresh for each run, in the sandbox
that refuses a clock, random or environment read in them."""

from __future__ import annotations

import enum
import importlib
import inspect
import pkgutil
import types
from datetime import timedelta

from temporalio.common import RetryPolicy

import workflows

# What a module or class attribute of a workflow module may hold: values nothing can change in place.
# RetryPolicy is a plain dataclass, but only ever passed to the SDK, which copies it into the command.
CONSTANT = (str, int, float, bool, bytes, type(None), tuple, frozenset, timedelta, types.MappingProxyType,
            RetryPolicy, enum.Enum, types.UnionType)
RUN_OUTSIDE = {"worker"}  # the composition root: imported by the worker process, never by a workflow run


def _shared_values(module: types.ModuleType) -> list[tuple[str, object]]:
    """The module's own attributes and its classes' class attributes, less functions, classes and imports."""
    found: list[tuple[str, object]] = []
    for name, value in vars(module).items():
        if name.startswith("__") or isinstance(value, types.ModuleType | types.FunctionType) or name == "annotations":
            continue
        if inspect.isclass(value):
            if value.__module__ != module.__name__:
                continue
            for attr, held in vars(value).items():
                if attr.startswith("__") or callable(held) or isinstance(held, property | staticmethod | classmethod):
                    continue
                found.append((f"{name}.{attr}", held))
            continue
        found.append((name, value))
    return found


def test_workflow_modules_hold_constants_only() -> None:
    checked = 0
    for info in pkgutil.iter_modules(workflows.__path__):
        if info.name in RUN_OUTSIDE:
            continue
        module = importlib.import_module(f"workflows.{info.name}")
        for name, value in _shared_values(module):
            checked += 1
            assert isinstance(value, CONSTANT), (
                f"workflows.{info.name}.{name} holds a {type(value).__name__}, which workflow runs would share: "
                "make it a constant (a tuple, frozenset or MappingProxyType) or keep it on the workflow's instance")
    assert checked >= 10  # the tables the parts share: LOCAL, ACTIONS, RETRY, the signal and update names...


def test_a_shared_mutable_value_is_caught() -> None:
    probe = types.ModuleType("workflows.probe")

    class Part:
        seen: list[str] = []  # noqa: RUF012 - the mistake this test looks for

    Part.__module__ = probe.__name__
    probe.Part = Part  # type: ignore[attr-defined]
    probe.CACHE = {}  # type: ignore[attr-defined]
    shared = dict(_shared_values(probe))
    assert not isinstance(shared["CACHE"], CONSTANT) and not isinstance(shared["Part.seen"], CONSTANT)
