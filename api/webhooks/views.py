"""Inbound webhooks: one JSON mention per request, through the same discovery pipeline as imports.

A webhook source's config maps the sender's JSON onto our fields (dotted paths). Every post is
authenticated before anything is parsed or stored, in constant time: by the source's token in
`X-Switchboard-Token` (the default), or by an HMAC-SHA256 signature of the raw body
(`X-Signature-256: sha256=<hex>` by default, as GitHub and Meta send it). Only a source whose
operator chose `auth: none` takes unauthenticated posts.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response, status
from pydantic import BaseModel

from api.audit.coverage import recorded_elsewhere
from api.auth.deps import public
from api.deps import IngestDep, WebhookSourcesDep
from api.errors import ApiError
from api.security.ratelimit import client_address
from api.webhooks.sources import WebhookSource
from store.connector_config import WebhookConfig
from store.incoming import IncomingMention
from store.ingest import NoActiveFlow, StoreContended
from store.mapping import RowError, map_row
from store.sources import UnknownSource

router = APIRouter(tags=["webhooks"])
MAX_BODY = 256 * 1024  # enforced by api.security.limits
TOKEN_HEADER = "X-Switchboard-Token"


class WebhookAccepted(BaseModel):
    mention_id: str
    conversation_id: str
    duplicate: bool
    needs_response: bool | None  # None for our own outbound replies
    case_id: str | None  # None when its conversation needs no response: stored and counted, no case


@router.post("/webhooks/{source}", response_model=WebhookAccepted, status_code=status.HTTP_201_CREATED,
             responses={200: {"model": WebhookAccepted, "description": "Already received: nothing new created"}},
             openapi_extra={**public("the source's token (X-Switchboard-Token) or HMAC signature"),
                            **recorded_elsewhere("the stored mention is the record, and its case's events"),
                            "requestBody": {"required": True, "content": {"application/json": {
                                "schema": {"$ref": "#/components/schemas/IncomingMention"}}}}})
async def receive_webhook(
    source: Annotated[str, Path(max_length=100)], request: Request, response: Response,
    sources: WebhookSourcesDep, ingest: IngestDep,
) -> WebhookAccepted:
    """One mention, in our field names or in the sender's shape as the source's `mapping` says."""
    try:
        row = await sources.get(source)
    except UnknownSource as exc:
        raise ApiError(404, code="unknown_source", path="source",
                       message=f"no enabled webhook source named {source!r}; create it first") from exc
    limits = request.app.state.limits
    limits.webhook_source.check(source)
    limits.webhook_client.check(client_address(request))
    raw = await request.body()  # at most MAX_BODY: api.security.limits stops a longer one as it streams in
    config = _config(row)
    _verify(config, raw, request.headers)
    message = IncomingMention.model_validate(_mapped(raw, config)).to_message(source, datetime.now(UTC))
    try:
        stored = await ingest.store(message)  # with the posts that arrive meanwhile: one transaction
    except NoActiveFlow as exc:
        raise ApiError(503, code="no_active_flow", path="", message=f"nothing was stored: {exc}") from exc
    except StoreContended as exc:
        raise ApiError(503, code="busy", path="", message=f"nothing was stored: {exc}; post it again") from exc
    # Committed: the mention, its case and what its workflow must hear are durable. The relay tells it.
    if stored.duplicate:
        response.status_code = status.HTTP_200_OK
    return WebhookAccepted(mention_id=stored.mention_id, conversation_id=stored.conversation_id,
                           duplicate=stored.duplicate, needs_response=stored.needs_response, case_id=stored.case_id)


def _config(row: WebhookSource) -> WebhookConfig:
    if not isinstance(row.config, WebhookConfig):
        raise ApiError(409, code="not_a_webhook", path="source",
                       message=f"source {row.id!r} is a {row.kind} source; webhooks post to webhook sources")
    return row.config


def _verify(config: WebhookConfig, raw: bytes, headers: Any) -> None:
    if config.auth == "none":
        return
    if config.auth == "token":
        if config.token_matches(headers.get(TOKEN_HEADER)):
            return
        raise ApiError(401, code="token_missing" if not headers.get(TOKEN_HEADER) else "token_mismatch",
                       path=TOKEN_HEADER, message=f"this source takes posts carrying its token in {TOKEN_HEADER}; "
                       "an admin makes a new one with POST /api/sources/{id}/webhook-token")
    assert config.hmac_secret is not None  # the config refuses auth=hmac without a secret
    given = headers.get(config.signature_header)
    if not given:
        raise ApiError(401, code="signature_missing", path=config.signature_header,
                       message=f"this source requires an HMAC-SHA256 of the body in {config.signature_header}")
    expected = hmac.new(config.hmac_secret.get_secret_value().encode(), raw, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(given.strip().removeprefix("sha256="), expected):
        raise ApiError(401, code="signature_mismatch", path=config.signature_header,
                       message="the signature does not match the body: sign the exact bytes sent, with the "
                               "source's secret, as sha256=<hex digest>")


def _mapped(raw: bytes, config: WebhookConfig) -> dict[str, Any]:
    try:
        body = json.loads(raw)
    except ValueError as exc:
        raise ApiError(422, code="not_json", path="body", message=f"the body is not JSON ({exc})") from exc
    try:
        return map_row(body if isinstance(body, dict) else "the body is one JSON object", config.mapping)
    except RowError as exc:
        raise ApiError(422, code="invalid_mention", path=exc.path, message=str(exc)) from exc
