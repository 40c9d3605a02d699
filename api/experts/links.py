"""Experts' links: capability tokens that let one person read and answer one request, for a while.

A link's token is the request's expiry and a signature over (purpose, request, expiry) by the key
ring, so it cannot be guessed or stretched, works for that request only, and is checked without a
lookup; after a key rotation older links stay valid until they expire. Nothing lists it: an agent
who may work the case asks for it (`GET /api/expert-requests/{id}/link`) to send to the expert.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from api.errors import ApiError
from store.keys import KeyRing

PURPOSE = "expert-link"
HEADER = "X-Expert-Token"
LIFETIME = timedelta(days=14)


def _message(request_id: str, expires: int) -> str:
    return f"expert-answer:{request_id}:{expires}"


def link_token(keys: KeyRing, request_id: str, asked_at: datetime) -> tuple[str, datetime]:
    """The token of a request's link, and when it stops working (LIFETIME after the question was asked)."""
    expires = int((asked_at + LIFETIME).timestamp())
    return f"{expires}.{keys.sign(_message(request_id, expires), purpose=PURPOSE)}", datetime.fromtimestamp(
        expires, UTC)


def check_link(keys: KeyRing, request_id: str, token: str | None, now: datetime) -> None:
    """Raise 401 unless `token` is a live link to this very request."""
    expires_text, _, signature = (token or "").partition(".")
    if not token or not expires_text.isdigit() or not signature:
        raise ApiError(401, code="link_missing", path=HEADER,
                       message="open the request through the link you were sent (it carries its token)")
    expires = int(expires_text)
    if not keys.verify(_message(request_id, expires), signature, purpose=PURPOSE):
        raise ApiError(401, code="link_invalid", path=HEADER,
                       message="this link is not valid for this request: use the link you were sent, whole")
    if expires <= now.timestamp():
        when = datetime.fromtimestamp(expires, UTC).strftime("%Y-%m-%d %H:%M UTC")
        raise ApiError(401, code="link_expired", path=HEADER,
                       message=f"this link expired on {when}: ask the agent who sent it for a new one")


