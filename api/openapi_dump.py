"""Print the API's OpenAPI document (JSON) without starting a server: `python -m api.openapi_dump`.

`make api-types` feeds it to openapi-typescript, which writes the designer's `src/api/schema.gen.ts`. The document
is the one the app serves at `/openapi.json` with the default settings: `SWITCHBOARD_*` variables in the
environment (a longer password minimum, say) do not change the generated types.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from typing import Any
from unittest import mock

from api.app import create_app
from api.settings import Settings


def openapi_document() -> dict[str, Any]:
    ours = {name: value for name, value in os.environ.items() if not name.upper().startswith("SWITCHBOARD_")}
    with mock.patch.dict(os.environ, ours, clear=True):
        settings = Settings()
    return create_app(settings).openapi()


def main() -> None:
    logging.disable(logging.WARNING)  # "designer not built": true, and beside the point here
    json.dump(openapi_document(), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
