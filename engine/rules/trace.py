"""`explain`: evaluate a rule and record what each operation saw and produced.

The tracing back end is the closure back end with every operation wrapped:
after an operation runs, an entry `{"path", "op", "value"}` is appended to
the current trace (with `"args"`, the operand values, for comparisons and
custom operators, whose `var` operands then need no entry of their own). It
is built only when a rule is first explained, so the plain `evaluate` path
carries none of it.

Entries come in evaluation order, so an operation's entry follows those of
its operands; operations skipped by short-circuiting have none, and those
inside `map`, `some`, ... have one per item. Constant sub-expressions were
computed at compile time and are not traced. A trace stops growing at
MAX_TRACE entries (`truncated` says so), which bounds the cost of explaining
a rule over a huge array.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from .closures import ClosureGenerator
from .codegen import Code
from .jsvalues import truthy
from .nodes import Node, Operation
from .operators import OPERATORS

__all__ = ["MAX_TRACE", "Explanation", "TracingGenerator", "run_traced"]

MAX_TRACE = 1000

# Operators whose operand values are worth recording beside their result.
_COMPARISONS = frozenset({"==", "===", "!=", "!==", "<", "<=", ">", ">=", "in"})

# The trace being recorded by this thread: closures are shared between
# threads, so the list they append to cannot live in them.
_state = threading.local()


class _Aborted(Exception):
    """An operator raised; its error entry is recorded, the evaluation stops."""


@dataclass(slots=True)
class Explanation:
    """The result of `explain`: the value, the trace, and the error if one stopped it."""

    result: object
    trace: list[dict]
    error: dict | None = None
    truncated: bool = False

    def matched(self) -> list[str]:
        """Paths of the operations whose value was truthy (for a reader skimming "why")."""
        return [entry["path"] for entry in self.trace if "error" not in entry and truthy(entry["value"])]

    def to_dict(self) -> dict:
        """`{"result", "trace"}`, plus `"error"` and `"truncated"` when they apply."""
        out: dict = {"result": self.result, "trace": self.trace}
        if self.error is not None:
            out["error"] = self.error
        if self.truncated:
            out["truncated"] = True
        return out


def _record(entry: dict) -> None:
    entries = _state.__dict__.get("entries")
    if entries is None:
        # Not explaining: a constant being folded while the closures are built.
        return
    if len(entries) < MAX_TRACE:
        entries.append(entry)
    else:
        _state.truncated = True


def _error_text(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


class TracingGenerator(ClosureGenerator):
    """Closures that append a trace entry for every operation they run."""

    def operation(self, node: Operation) -> Code:
        """The traced closure for one operation node."""
        op, path = node.op, node.path
        if op in self.custom or op in _COMPARISONS:
            fn = self.custom[op].bind(node) if op in self.custom else OPERATORS[op]
            arg_fns = tuple(self.operand(arg).fn for arg in node.args)
            return Code(_with_args(fn, arg_fns, op, path))
        code = super().operation(node)
        if code.const:
            return code
        inner = code.fn

        def traced(data: object) -> object:
            value = inner(data)
            _record({"path": path, "op": op, "value": value})
            return value

        return Code(traced)


    def operand(self, node: Node) -> Code:
        """An operand whose value the parent's entry records: a `var` needs no entry of its own."""
        if isinstance(node, Operation) and node.op == "var" and node.op not in self.custom:
            return ClosureGenerator.operation(self, node)
        return self.gen(node)


def _with_args(fn: Callable[..., object], arg_fns: tuple, op: str, path: str) -> Callable[[object], object]:
    def traced(data: object) -> object:
        args = [arg(data) for arg in arg_fns]
        try:
            value = fn(*args)
        except Exception as error:  # noqa: BLE001 - a custom operator's failure becomes a trace entry
            # Past MAX_TRACE too: the error is what the reader needs most.
            entries = _state.__dict__.get("entries")
            if entries is not None:
                entries.append({"path": path, "op": op, "args": args, "error": _error_text(error)})
            raise _Aborted from error
        _record({"path": path, "op": op, "value": value, "args": args})
        return value

    return traced


def run_traced(fn: Callable[[object], object], data: object) -> Explanation:
    """Run a traced closure on `data`, collecting its entries; never raises."""
    state = _state.__dict__
    previous = state.get("entries"), state.get("truncated", False)
    entries: list[dict] = []
    state["entries"], state["truncated"] = entries, False
    result: object = None
    error: dict | None = None
    try:
        result = fn(data)
    except _Aborted:
        error = next(entry for entry in reversed(entries) if "error" in entry)
    except Exception as failure:  # noqa: BLE001 - e.g. RecursionError on absurdly deep data
        error = {"path": "", "op": None, "error": _error_text(failure)}
        entries.append(error)
    finally:
        truncated = state["truncated"]
        state["entries"], state["truncated"] = previous
    return Explanation(None if error else result, entries, error, truncated)
