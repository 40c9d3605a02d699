"""`python -m bench.faults`: the long fault suite; a table, or with `--json` one JSON object, on stdout (progress on
stderr). Exit 1 if an invariant failed, anything was lost or duplicated, or a fault was not injected, not recovered
from within `--recovery-timeout`, or needed the suite's help (`up` not restarting Temporal)."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from bench import faults
from bench.faults import FaultOptions, run_faults, table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.faults", description=(faults.__doc__ or "").split("\n")[0])
    defaults = FaultOptions()
    for option in dataclasses.fields(FaultOptions):
        value = getattr(defaults, option.name)
        kind = Path if option.name == "data_dir" else type(value)
        parser.add_argument(f"--{option.name.replace('_', '-')}", type=kind, default=value,
                            help=option.metadata["help"] + ("" if value is None else f" (default {value})"))
    parser.add_argument("--json", action="store_true", help="print the report as one JSON object")
    args = vars(parser.parse_args(argv))
    as_json = args.pop("json")
    report = run_faults(FaultOptions(**args))
    print(json.dumps(report.as_json(), default=str) if as_json else table(report), flush=True)
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
