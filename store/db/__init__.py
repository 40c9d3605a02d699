"""Database engine and sessions for the read side (SQLite or PostgreSQL)."""

from store.db.session import get_session, make_engine, session_scope

__all__ = ["get_session", "make_engine", "session_scope"]
