"""Engine construction. SQLite gets WAL and immediate write transactions, so
concurrent writers queue on the lock instead of failing with 'database is locked'."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlmodel import Session

_BEGIN = "switchboard_sqlite_begin"


def make_engine(url: str, *, busy_timeout: float = 30.0) -> Engine:
    """An engine for the read side; creates the SQLite file's folder when needed. `busy_timeout`: how long
    a SQLite connection waits for another writer's lock before giving up."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": busy_timeout})
        _sqlite_tuning(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


def _sqlite_tuning(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        dbapi_conn.isolation_level = None  # let SQLAlchemy's BEGIN below start transactions
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: a commit is on disk before it returns, so a mention answered with a 2xx (and the outbox entry
        # written with it) survives a power loss. WAL with NORMAL could lose the last commits; FULL costs an
        # fsync per commit (~0.2 ms here), far below ingest's other costs.
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):  # type: ignore[no-untyped-def]
        # Writers take the lock up front (a deferred read that upgrades can fail at once with
        # SQLITE_BUSY); readers stay deferred, and in WAL mode they never block a writer.
        conn.exec_driver_sql(conn.get_execution_options().get(_BEGIN, "BEGIN IMMEDIATE"))


@contextmanager
def session_scope(engine: Engine, *, write: bool = True) -> Iterator[Session]:
    """A session whose transaction commits on success and rolls back on error; the caller owns it.

    `write=False` is for sessions that only read: on SQLite they do not take the write lock.
    """
    bind = engine if write else engine.execution_options(**{_BEGIN: "BEGIN"})
    with Session(bind, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def get_session(engine: Engine) -> Iterator[Session]:
    """FastAPI dependency body: one reading session per request (writes use session_scope)."""
    with session_scope(engine, write=False) as session:
        yield session
