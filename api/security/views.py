"""Temporal's remote codec protocol, so the Temporal UI shows sealed payloads to auditors and admins.

The UI posts `{"payloads": [{"metadata": {name: base64}, "data": base64}]}` to /api/codec/decode
(or /encode) with the user's session, and gets the same shape back. Only the origin in
SWITCHBOARD_TEMPORAL_UI_ORIGIN may call it from a browser (CORS with credentials).
"""

from __future__ import annotations

import base64
import binascii
import logging

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field
from temporalio.api.common.v1 import Payload

from api.auth.deps import DecodeHistories
from api.errors import ApiError
from api.security.codec import SealingCodec
from api.security.keys import KeyRingError

log = logging.getLogger("switchboard.codec")
router = APIRouter(tags=["codec"])


class JsonPayload(BaseModel):
    metadata: dict[str, str] = Field(default_factory=dict, description="name -> base64 bytes")
    data: str = Field(default="", description="base64 bytes")


class Payloads(BaseModel):
    payloads: list[JsonPayload] = Field(max_length=1000)


def _to_proto(payloads: Payloads) -> list[Payload]:
    try:
        return [Payload(metadata={k: base64.b64decode(v, validate=True) for k, v in p.metadata.items()},
                        data=base64.b64decode(p.data, validate=True)) for p in payloads.payloads]
    except (binascii.Error, ValueError) as exc:
        raise ApiError(422, code="not_base64", path="payloads", message="metadata values and data are base64") from exc


def _to_json(payloads: list[Payload]) -> Payloads:
    return Payloads(payloads=[JsonPayload(metadata={k: base64.b64encode(v).decode() for k, v in p.metadata.items()},
                                          data=base64.b64encode(p.data).decode()) for p in payloads])


@router.post("/codec/decode", response_model=Payloads)
async def decode(principal: DecodeHistories, body: Payloads, request: Request) -> Payloads:
    """Open sealed payloads (others pass through as they are)."""
    try:
        opened = await SealingCodec(request.app.state.keys).decode(_to_proto(body))
    except KeyRingError as exc:
        raise ApiError(422, code="cannot_open", path="payloads", message=str(exc)) from exc
    log.info("%s decoded %d payloads", principal.email, len(opened))
    return _to_json(opened)


@router.post("/codec/encode", response_model=Payloads)
async def encode(_: DecodeHistories, body: Payloads, request: Request) -> Payloads:
    """Seal payloads (the UI does this for the inputs of workflows it starts or signals)."""
    return _to_json(await SealingCodec(request.app.state.keys).encode(_to_proto(body)))
