"""Engine construction. SQLite gets WAL and immediate write transactions, so
concurrent writers queue on the lock instead of failing with 'database is locked'."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

_BEGIN = "switchboard_sqlite_begin"
_EAGER = "switchboard_sqlite_eager_lock"


def make_engine(url: str, *, busy_timeout: float = 30.0) -> Engine:
    """An engine for the read side; creates the SQLite file's folder when needed. `busy_timeout`: how long
    a SQLite connection waits for another writer's lock before giving up."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": busy_timeout})
        _sqlite_tuning(engine, busy_timeout)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


def _sqlite_tuning(engine: Engine, busy_timeout: float) -> None:
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
        options = conn.get_execution_options()
        statement = options.get(_BEGIN, "BEGIN IMMEDIATE")
        if options.get(_EAGER):
            try:
                take_write_lock(conn.connection.driver_connection, busy_timeout)
            except sqlite3.OperationalError as exc:  # as SQLAlchemy would have raised it: callers catch that
                raise OperationalError(statement, None, exc) from exc
        else:
            conn.exec_driver_sql(statement)


def take_write_lock(raw: sqlite3.Connection, timeout: float) -> None:
    """BEGIN IMMEDIATE, tried again every few milliseconds while another connection writes, for up to
    `timeout` seconds (then sqlite3.OperationalError, 'database is locked', as SQLite's own wait raises).

    SQLite's own busy handler sleeps 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50 then 100 ms between tries,
    however soon the lock frees: an ingest batch that met the worker's saves a few times waited tens of
    milliseconds after the lock was free, and that was most of a webhook's tail latency at 25-50 posts/s.
    Only ingest asks for this (`session_scope(eager_lock=True)`): the writer that polls sooner wins the
    lock more often, and when every writer polled this fast, the worker's saves took it from ingest at
    200 posts/s (150 cases/s assigned, p99 4.6 s, against 188/s and 1.4 s).
    """
    raw.execute("PRAGMA busy_timeout = 0")
    try:
        deadline, pause = time.monotonic() + timeout, 0.0005
        while True:
            try:
                raw.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() + pause > deadline:
                    raise
            time.sleep(pause)
            pause = min(pause * 2, 0.004)
    finally:
        # Statements within the transaction (and readers, in WAL's rare busy cases) keep SQLite's own wait.
        raw.execute(f"PRAGMA busy_timeout = {round(timeout * 1000)}")


@contextmanager
def session_scope(engine: Engine, *, write: bool = True, eager_lock: bool = False) -> Iterator[Session]:
    """A session whose transaction commits on success and rolls back on error; the caller owns it.

    `write=False` is for sessions that only read: on SQLite they do not take the write lock. `eager_lock`:
    on SQLite, wait for the write lock by trying every few milliseconds (`take_write_lock`), ahead of the
    other writers, for the transactions someone is waiting on (ingest: a sender holds its post open).
    """
    bind = engine if write else engine.execution_options(**{_BEGIN: "BEGIN"})
    if write and eager_lock and engine.dialect.name == "sqlite":
        bind = engine.execution_options(**{_EAGER: True})
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
