"""The one error shape the engine raises for a question it cannot answer."""

from __future__ import annotations


class EngineError(ValueError):
    """A typed error with a stable `code` for clients, a `message` for people and a JSON Pointer `path`."""

    def __init__(self, code: str, message: str, path: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.path = path

    def to_dict(self) -> dict[str, str]:
        """The error as `{"code", "message", "path"}`, the shape shared by engine, API and designer."""
        return {"code": self.code, "message": self.message, "path": self.path}

    def __reduce__(self) -> tuple:
        # Picklable despite the custom __init__ (Temporal and process pools pickle errors).
        return (type(self), (self.code, self.message, self.path))
