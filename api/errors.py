"""One error shape for every client: {"detail": {"code", "message", "path"}}."""

from __future__ import annotations

from fastapi import HTTPException


class ApiError(HTTPException):
    def __init__(self, status_code: int, *, code: str, message: str, path: str = "",
                 errors: list[dict[str, str]] | None = None, headers: dict[str, str] | None = None) -> None:
        detail: dict[str, object] = {"code": code, "message": message, "path": path}
        if errors is not None:
            detail["errors"] = errors  # several typed errors, each with its own path
        super().__init__(status_code, detail=detail, headers=headers)
        self.code, self.message, self.path = code, message, path



def refusal(description: str) -> dict[str, object]:
    """One route's own refusal for the OpenAPI document, in our one shape: `responses={409: refusal("...")}`."""
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ApiError"}}}}


def _where(loc: tuple | list) -> str:
    """A pydantic error's location as our paths name fields: `config.url`, `sort`, `scopes.0`."""
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("body", "query", "path", "header", "cookie"):
        parts = parts[1:]
    return ".".join(parts)


def validation_error_body(errors: list[dict]) -> dict[str, object]:
    """FastAPI's refusal of a request that does not fit its schema, in our one shape: every problem with
    its path, the first one in `message` and `path`."""
    found = [{"code": "json_invalid", "path": "",
              "message": f"the body is not valid JSON ({(e.get('ctx') or {}).get('error', 'it does not parse')})"}
             if e.get("type") == "json_invalid" else
             {"code": str(e.get("type", "invalid")), "path": _where(e.get("loc", ())),
              "message": str(e.get("msg", "is not valid")).removeprefix("Value error, ")} for e in errors]
    first = found[0] if found else {"path": "", "message": "the request is not valid"}
    where = f"{first['path']}: " if first["path"] else ""
    return {"detail": {"code": "invalid_request", "message": f"{where}{first['message']}", "path": first["path"],
                       "errors": found}}
