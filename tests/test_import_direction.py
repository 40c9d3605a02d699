"""The dependency direction of DEVELOPERS.md, enforced on every import statement."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OURS = {"engine", "workflows", "activities", "api", "cli", "store"}
STDLIB = set(sys.stdlib_module_names)
# What each package may import beyond the standard library.
ALLOWED: dict[str, set[str]] = {
    "engine": {"engine", "pydantic"},
    "workflows": {"workflows", "engine", "temporalio"},  # worker.py is the composition root, below
    # Connectors are activities: they speak HTTP (httpx) and parse feeds (feedparser).
    "activities": {"activities", "engine", "store", "temporalio", "sqlalchemy", "sqlmodel", "httpx", "feedparser"},
}
# store/ holds the tables and the transactional services the API and the activities share: it imports
# neither of them (nor the workflows or the command line).
FORBIDDEN: dict[str, set[str]] = {"api": {"workflows", "activities", "cli"},
                                  "store": {"api", "workflows", "activities", "cli"}}
COMPOSITION_ROOTS = {ROOT / "workflows" / "worker.py"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def _files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_package_imports_only_what_it_may(package: str) -> None:
    files = [f for f in _files(package) if f not in COMPOSITION_ROOTS]
    assert files, f"no files found in {package}/"
    offences = {
        f"{f.relative_to(ROOT)} imports {name}"
        for f in files for name in imported_modules(f) - STDLIB - ALLOWED[package]
    }
    assert not offences, sorted(offences)


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_never_imports_forbidden(package: str) -> None:
    offences = {
        f"{f.relative_to(ROOT)} imports {name}"
        for f in _files(package) for name in imported_modules(f) & FORBIDDEN[package]
    }
    assert not offences, sorted(offences)


def test_the_checker_sees_a_forbidden_import(tmp_path: Path) -> None:
    sample = tmp_path / "bad.py"
    sample.write_text("import os\nfrom sqlmodel import Session\nfrom .local import x\nimport temporalio.client\n")
    assert imported_modules(sample) - STDLIB == {"sqlmodel", "temporalio"}
