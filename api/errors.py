"""One error shape for every client: {"detail": {"code", "message", "path"}}."""

from __future__ import annotations

from fastapi import HTTPException


class ApiError(HTTPException):
    def __init__(self, status_code: int, *, code: str, message: str, path: str = "") -> None:
        super().__init__(status_code, detail={"code": code, "message": message, "path": path})
        self.code, self.message, self.path = code, message, path

