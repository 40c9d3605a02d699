"""Benchmark: engine.rules against other JsonLogic evaluators on the routing set.

    make bench                      # or: python -m bench.rules_bench --records 5000

Two tasks over the same deterministic mention records
(tests/fixtures/rules/routing_set.json, 30 rules):

- tag:   evaluate every rule's condition (all_match), the tagging shape;
- route: find the first matching rule (first_match), the routing shape.

Every evaluator runs in its best mode, measured in the same run: ours is a
compiled rule set; datalogic-py gets compiled rules and prepared data
(DataHandle, a Session), in each of its batching modes, and the fastest
counts; json-logic-qubit and panzi-json-logic have no compile step. Before
any timing, every evaluator must agree with ours on every record.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench.mentions import mentions
from engine.rules import compile_rule, compile_rule_set, truthy

ROOT = Path(__file__).resolve().parents[1]
ROUTING = ROOT / "tests" / "fixtures" / "rules" / "routing_set.json"
QUBIT_DIR = ROOT / ".venv" / "bench-peers" / "json-logic-qubit"

Run = Callable[[], object]


def same(a: object, b: object) -> bool:
    """JSON equality that keeps true apart from 1."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return a == b


class Peer:
    """One evaluator: how to get each condition's value, and its timed modes per task."""

    def __init__(self, name: str, values: Callable[[dict], list], tag: dict[str, Run], route: dict[str, Run]) -> None:
        self.name, self.values, self.tag, self.route = name, values, tag, route


def _chain(rules: list[dict], default: object) -> dict:
    # first_match as one plain JsonLogic rule, for evaluators without rule sets.
    args: list = []
    for rule in rules:
        args += [rule["when"], rule["then"]]
    return {"if": args + [default]}


def ours(doc: dict, records: list[dict]) -> Peer:
    singles = [compile_rule(rule["when"]) for rule in doc["rules"]]
    tagging = compile_rule_set({**doc, "mode": "all_match"})
    routing = compile_rule_set(doc)
    return Peer("switchboard", lambda record: [rule.evaluate(record) for rule in singles],
                {"rule set": lambda: [tagging.evaluate(r) for r in records],
                 "rule set, traced": lambda: [tagging.explain(r) for r in records]},
                {"rule set": lambda: [routing.evaluate(r) for r in records],
                 "rule set, traced": lambda: [routing.explain(r) for r in records]})


def datalogic(doc: dict, records: list[dict]) -> Peer | None:
    try:
        import datalogic_py as dl
    except ImportError:
        return None
    engine = dl.Engine()
    rules = [engine.compile(rule["when"]) for rule in doc["rules"]]
    array = engine.compile([rule["when"] for rule in doc["rules"]])
    chain = engine.compile(_chain(doc["rules"], doc.get("default")))
    handles = [dl.DataHandle(record) for record in records]
    session = engine.session()

    def route_by_rule() -> list:
        out = []
        for handle in handles:
            out.append(next((i for i, rule in enumerate(rules) if session.evaluate_truthy(rule, handle)), -1))
        return out

    return Peer(
        "datalogic-py", lambda record: [rule.evaluate(record) for rule in rules],
        {"rule + handle": lambda: [[session.evaluate_data(rule, h) for rule in rules] for h in handles],
         "evaluate_many": lambda: [session.evaluate_many(rules, h) for h in handles],
         "evaluate_batch": lambda: [session.evaluate_batch(rule, handles) for rule in rules],
         "array rule": lambda: [session.evaluate_data(array, h) for h in handles],
         # Not prepared: converting each dict is part of the work, as when a mention arrives.
         "array rule, dict in": lambda: [array.evaluate(r) for r in records]},
        {"if-chain + handle": lambda: [session.evaluate_data(chain, h) for h in handles],
         "truthy per rule": route_by_rule,
         "if-chain, dict in": lambda: [chain.evaluate(r) for r in records]})


def _interpreter(name: str, apply: Callable[[object, object], object], doc: dict, records: list[dict]) -> Peer:
    whens = [rule["when"] for rule in doc["rules"]]
    chain = _chain(doc["rules"], doc.get("default"))
    return Peer(name, lambda record: [apply(when, record) for when in whens],
                {"apply per rule": lambda: [[apply(when, r) for when in whens] for r in records]},
                {"apply if-chain": lambda: [apply(chain, r) for r in records]})


def panzi(doc: dict, records: list[dict]) -> Peer | None:
    try:
        from json_logic import jsonLogic
    except ImportError:
        return None
    return _interpreter("panzi-json-logic", jsonLogic, doc, records)


def qubit(doc: dict, records: list[dict], folder: Path) -> Peer | None:
    # It installs a top-level `json_logic` package too, so it lives in its own
    # folder (see `make bench`) and is loaded under another name.
    init = folder / "json_logic" / "__init__.py"
    if not init.is_file():
        return None
    spec = importlib.util.spec_from_file_location("json_logic_qubit", init)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return _interpreter("json-logic-qubit", module.jsonLogic, doc, records)


def check_agreement(peers: list[Peer], records: list[dict]) -> None:
    """Every evaluator must give our value for every condition on every record."""
    reference = peers[0]
    for record in records:
        expected = reference.values(record)
        for peer in peers[1:]:
            got = peer.values(record)
            for index, (a, b) in enumerate(zip(expected, got, strict=True)):
                if not same(a, b):
                    raise SystemExit(f"{peer.name} disagrees on rule {index} of {record['id']}: {b!r}, ours {a!r}")


def measure(peers: list[Peer], task: str, rounds: int) -> dict[tuple[str, str], float]:
    """Best time of `rounds`, each evaluator mode taking turns so machine noise hits all alike."""
    best: dict[tuple[str, str], float] = {}
    for _ in range(rounds):
        for peer in peers:
            for mode, run in getattr(peer, task).items():
                start = time.perf_counter()
                run()
                elapsed = time.perf_counter() - start
                best[(peer.name, mode)] = min(elapsed, best.get((peer.name, mode), elapsed))
    return best


def report(task: str, best: dict[tuple[str, str], float], records: int, rules: int) -> list[str]:
    fastest: dict[str, float] = {}
    for (name, _), seconds in best.items():
        fastest[name] = min(seconds, fastest.get(name, seconds))
    ours_time = best[("switchboard", "rule set")]
    # Routing stops at the first match, so only tagging evaluates every rule.
    per_rule = task == "tag"
    lines = [f"\n{task}: {records} records x {rules} rules",
             f"{'evaluator':18} {'mode':20} {'records/s':>11} {'rule evals/s':>13} {'ours is':>9}"]
    for (name, mode), seconds in sorted(best.items(), key=lambda item: item[1]):
        mark = "*" if fastest[name] == seconds and name != "switchboard" else " "
        rule_rate = f"{records * rules / seconds:13,.0f}" if per_rule else f"{'-':>13}"
        lines.append(f"{name:18} {mode:20} {records / seconds:11,.0f} {rule_rate} {seconds / ours_time:8.2f}x{mark}")
    lines.append("(* each peer's best mode; 'ours is' = their time / our untraced rule set's time,"
                 " so below 1 means they are faster)")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; returns the exit code (non-zero if an evaluator disagrees)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--qubit", type=Path, default=QUBIT_DIR, help="folder json-logic-qubit was installed into")
    args = parser.parse_args(argv)
    doc = json.loads(ROUTING.read_text(encoding="utf-8"))
    records = mentions(args.records, args.seed)
    found = [ours(doc, records), datalogic(doc, records), panzi(doc, records), qubit(doc, records, args.qubit)]
    peers = [peer for peer in found if peer is not None]
    missing = {"datalogic-py", "panzi-json-logic", "json-logic-qubit"} - {peer.name for peer in peers}
    check_agreement(peers, records)
    matched = sum(truthy(value) for record in records for value in peers[0].values(record))
    print(f"{len(peers)} evaluators agree on all {len(records) * len(doc['rules'])} condition values "
          f"({matched} truthy); python {sys.version.split()[0]}")
    if missing:
        print(f"not installed, skipped: {', '.join(sorted(missing))} (make bench installs them)")
    for task in ("tag", "route"):
        print("\n".join(report(task, measure(peers, task, args.rounds), len(records), len(doc["rules"]))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
