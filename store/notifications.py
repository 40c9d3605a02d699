"""Where each user has read their notifications up to. The notifications themselves are case events
(store.case_events), read when asked: nothing is written for them on the hot path."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from store.db.types import UtcDateTime


class NotificationRead(SQLModel, table=True):
    __tablename__ = "notification_read"

    user_id: str = Field(primary_key=True)
    read_at: datetime = Field(sa_type=UtcDateTime,  # type: ignore[call-overload]
                              description="notifications of events at or before this instant are read")
    event_id: str = Field(description="the case event the user marked read up to")
