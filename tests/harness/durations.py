"""Seconds per test file, from a whole run's JUnit XML, for tests/durations.json (the order files start in:
tests/conftest.py).

    .venv/bin/pytest -n 2 --dist loadfile --no-loadscope-reorder --junitxml=/tmp/run.xml
    .venv/bin/python -m tests.harness.durations /tmp/run.xml
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "durations.json"


def per_file(junit: Path) -> dict[str, float]:
    """Each file's seconds (its tests' setup, call and teardown), longest first."""
    seconds: dict[str, float] = defaultdict(float)
    for case in ET.parse(junit).getroot().iter("testcase"):
        module = case.get("classname", "").split(".")
        # classname is the module path (tests.api.test_x) and, for a test in a class, the class too.
        while module and not module[-1].startswith("test_"):
            module.pop()
        if module:
            seconds["/".join(module) + ".py"] += float(case.get("time") or 0)
    return dict(sorted(((path, round(s, 1)) for path, s in seconds.items()), key=lambda kv: -kv[1]))


def main() -> None:
    durations = per_file(Path(sys.argv[1]))
    OUT.write_text(json.dumps(durations, indent=1) + "\n")
    print(f"{len(durations)} files, {sum(durations.values()):.0f} s in all; the longest: "
          + ", ".join(f"{path} {s:.0f} s" for path, s in list(durations.items())[:5]))


if __name__ == "__main__":
    main()
