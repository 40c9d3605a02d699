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

