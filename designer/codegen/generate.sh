#!/usr/bin/env bash
# Writes the designer's API types from the API's OpenAPI document: `make api-types` runs it.
#   designer/codegen/generate.sh [OUT.ts]   (default: designer/src/api/schema.gen.ts)
# PYTHON names the interpreter that can import the API (default: .venv/bin/python).
# tests/test_api_types.py runs it into a temporary file to tell a stale schema.gen.ts.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:-$root/designer/src/api/schema.gen.ts}
python=${PYTHON:-$root/.venv/bin/python}
if [[ ! -d $here/node_modules/openapi-typescript ]]; then
    echo "openapi-typescript is not installed: run \`make api-types\` (or \`cd designer/codegen && npm ci\`)" >&2
    exit 2
fi
doc=$(mktemp --suffix=.json)
trap 'rm -f "$doc"' EXIT
(cd "$root" && "$python" -m api.openapi_dump) >"$doc"
node "$here/generate.mjs" "$doc" "$out"
