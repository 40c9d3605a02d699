"""Temporal's remote codec protocol, so the Temporal UI shows sealed payloads to auditors and admins.

The UI posts `{"payloads": [{"metadata": {name: base64}, "data": base64}]}` to /api/codec/decode
(or /encode) with the user's session, and gets the same shape back. Only the origin in
SWITCHBOARD_TEMPORAL_UI_ORIGIN may call it from a browser (CORS with credentials).
"""

from __future__ import annotations

import base64
import logging
from typing import Annotated

from fastapi import APIRouter, Request
from google.protobuf.message import DecodeError
from pydantic import BaseModel, ConfigDict, Field
from temporalio.api.common.v1 import Payload

from api.audit.coverage import recorded_elsewhere
from api.audit.trail import record_apart
from api.auth.deps import DecodeHistories
from api.errors import ApiError
from api.security.codec import SealingCodec
from store.keys import KeyRingError

log = logging.getLogger("switchboard.codec")
router = APIRouter(tags=["codec"])


# Standard base64, padded: what Temporal's codec JSON carries, and all that decodes as it.
BASE64_PATTERN = r"^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$"
Base64 = Annotated[str, Field(pattern=BASE64_PATTERN, description="bytes in base64 (standard alphabet, padded)")]


class JsonPayload(BaseModel):
    """One Temporal payload as the codec protocol's JSON has it; a key it does not know is refused, not dropped
    (what we answer would lack it)."""

    model_config = ConfigDict(extra="forbid")

    metadata: dict[str, Base64] = Field(default_factory=dict, description="name -> base64 bytes")
    data: Base64 = Field(default="", description="base64 bytes")


class Payloads(BaseModel):
    model_config = ConfigDict(extra="forbid")

    payloads: list[JsonPayload] = Field(max_length=1000)


def _to_proto(payloads: Payloads) -> list[Payload]:
    return [Payload(metadata={k: base64.b64decode(v, validate=True) for k, v in p.metadata.items()},
                    data=base64.b64decode(p.data, validate=True)) for p in payloads.payloads]


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
    except (UnicodeDecodeError, DecodeError) as exc:  # says it is sealed, but is no sealed value at all
        raise ApiError(422, code="cannot_open", path="payloads",
                       message="a payload whose metadata says binary/sealed does not hold a sealed value") from exc
    log.info("%s decoded %d payloads", principal.email, len(opened))
    # An auditor's (or admin's) read of customer data in Temporal's histories.
    await record_apart(request.app.state.engine, principal, "histories.decode", detail={"payloads": len(opened)})
    return _to_json(opened)


@router.post("/codec/encode", response_model=Payloads,
             openapi_extra=recorded_elsewhere("nothing to record: sealing changes nothing stored"))
async def encode(_: DecodeHistories, body: Payloads, request: Request) -> Payloads:
    """Seal payloads (the UI does this for the inputs of workflows it starts or signals)."""
    return _to_json(await SealingCodec(request.app.state.keys).encode(_to_proto(body)))
