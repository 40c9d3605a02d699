"""The designer's API types (designer/src/api/schema.gen.ts) are what openapi-typescript makes of the API's
OpenAPI document today: a route or a model changed without `make api-types` fails here."""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATE = ROOT / "designer" / "codegen" / "generate.sh"
COMMITTED = ROOT / "designer" / "src" / "api" / "schema.gen.ts"


def test_the_designers_api_types_are_generated_from_the_current_openapi_document(tmp_path: Path) -> None:
    fresh = tmp_path / "schema.gen.ts"
    env = {**os.environ, "PYTHON": sys.executable, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([str(GENERATE), str(fresh)], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, f"generate.sh failed ({result.returncode}):\n{result.stdout}{result.stderr}"
    expected, committed = fresh.read_text(), COMMITTED.read_text() if COMMITTED.exists() else ""
    if expected != committed:
        diff = "".join(difflib.unified_diff(committed.splitlines(keepends=True), expected.splitlines(keepends=True),
                                            "committed schema.gen.ts", "from today's API", n=1))
        lines = diff.splitlines(keepends=True)
        shown = "".join(lines[:60]) + (f"... ({len(lines) - 60} more lines)\n" if len(lines) > 60 else "")
        raise AssertionError("designer/src/api/schema.gen.ts is stale: the API's OpenAPI document changed since it "
                             "was generated. Run `make api-types`, fix what `cd designer && npx tsc -p tsconfig.json` "
                             "then finds, and commit the file.\n" + shown)


def test_the_designer_names_its_api_types_after_the_generated_ones() -> None:
    """types.ts keeps the names the designer imports, as aliases: no record shape written by hand from scratch."""
    types = (ROOT / "designer" / "src" / "types.ts").read_text()
    assert "from './api/schema.gen'" in types
    for alias in ("Case", "Mention", "Agent", "Team", "User", "Source", "Conversation", "AuditEntry"):
        assert f"export type {alias} = " in types, alias
