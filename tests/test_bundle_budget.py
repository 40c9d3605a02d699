"""The designer's first page (the login page, and the app's shell around every page) loads under 1 MB of
JavaScript: the entry chunk and every chunk it imports statically, as vite's build manifest lists them. Pages,
editors and charts are loaded when opened (`designer/src/common/lazyPage.ts`, React.lazy), so their code, and the
libraries only they use, stay out of it.

Reads `designer/dist` (`make test` builds it first); the build's own figures are in its output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DIST = Path(__file__).resolve().parent.parent / "designer" / "dist"
MANIFEST = DIST / ".vite" / "manifest.json"
BUDGET = 1_000_000  # bytes of minified JavaScript, before compression


def static_closure(manifest: dict[str, dict], key: str, seen: set[str] | None = None) -> set[str]:
    """The chunk and what it imports statically, recursively; `dynamicImports` load later and are left out."""
    seen = set() if seen is None else seen
    if key not in seen:
        seen.add(key)
        for imported in manifest[key].get("imports", []):
            static_closure(manifest, imported, seen)
    return seen


def js_bytes(manifest: dict[str, dict], keys: set[str]) -> dict[str, int]:
    files = {manifest[key]["file"] for key in keys}
    return {file: (DIST / file).stat().st_size for file in sorted(files) if file.endswith(".js")}


def read_manifest() -> dict[str, dict]:
    if not (DIST / "index.html").is_file():
        pytest.skip("the designer is not built: `make designer` (make test builds it)")
    assert MANIFEST.is_file(), (f"{MANIFEST} is missing: the build predates `build.manifest` in "
                                "designer/vite.config.ts; rebuild with `cd designer && npm run build`")
    return json.loads(MANIFEST.read_text())


def test_the_first_page_loads_under_1_mb_of_javascript() -> None:
    manifest = read_manifest()
    entries = [key for key, chunk in manifest.items() if chunk.get("isEntry")]
    assert entries == ["index.html"], entries
    loaded = js_bytes(manifest, static_closure(manifest, "index.html"))
    total = sum(loaded.values())
    biggest = "\n".join(f"  {size:>9,} {file}" for file, size in sorted(loaded.items(), key=lambda kv: -kv[1])[:12])
    assert total <= BUDGET, (
        f"the first page loads {total:,} bytes of JavaScript, over the {BUDGET:,} budget. Load pages, editors and "
        f"charts when they are opened (lazyPage / React.lazy) rather than from App.tsx, the layout or a resource's "
        f"index. Largest chunks loaded:\n{biggest}")


def test_the_budget_counts_static_imports_and_leaves_out_dynamic_ones() -> None:
    manifest = {
        "index.html": {"file": "assets/index.js", "isEntry": True, "imports": ["_a.js"],
                       "dynamicImports": ["src/Page.tsx"]},
        "_a.js": {"file": "assets/a.js", "imports": ["_b.js"], "css": ["assets/a.css"]},
        "_b.js": {"file": "assets/b.js", "imports": ["_a.js"]},
        "src/Page.tsx": {"file": "assets/Page.js", "isDynamicEntry": True, "imports": ["_a.js", "index.html"]},
    }
    assert static_closure(manifest, "index.html") == {"index.html", "_a.js", "_b.js"}
    assert static_closure(manifest, "src/Page.tsx") == {"src/Page.tsx", "_a.js", "_b.js", "index.html"}
