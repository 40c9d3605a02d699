"""Inbound webhooks: one JSON mention per request."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response, status
from fastapi.concurrency import run_in_threadpool
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field
from temporalio.service import RPCError

from api.deps import EngineDep, SettingsDep, TemporalDep
from api.errors import ApiError
from api.mentions.service import IncomingMention, NoActiveFlow, UnknownSource, dispatch_mention, store_mention

router = APIRouter(tags=["webhooks"])


class WebhookMention(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    external_id: str = Field(min_length=1, max_length=200, description="The mention's id at the source.")
    author: str = Field(min_length=1, max_length=200)
    text: str = Field(min_length=1, max_length=10_000)
    created_at: AwareDatetime = Field(description="ISO 8601 with a timezone, e.g. 2026-11-23T10:00:00Z")
    reply_to_id: str | None = Field(default=None, max_length=200,
                                    description="external id of the mention this one answers")


class WebhookAccepted(BaseModel):
    mention_id: str
    case_id: str | None
    conversation_id: str
    duplicate: bool


@router.post("/webhooks/{source}", response_model=WebhookAccepted, status_code=status.HTTP_201_CREATED,
             responses={200: {"model": WebhookAccepted, "description": "Already received: nothing new created"}})
async def receive_webhook(
    source: Annotated[str, Path(max_length=100)], body: WebhookMention, response: Response,
    engine: EngineDep, temporal: TemporalDep, settings: SettingsDep,
) -> WebhookAccepted:
    incoming = IncomingMention(source=source, **body.model_dump())
    try:
        ingested = await run_in_threadpool(store_mention, engine=engine, incoming=incoming)
    except UnknownSource as exc:
        raise ApiError(404, code="unknown_source", path="source",
                       message=f"no enabled webhook source named {source!r}; create it first") from exc
    mention = ingested.mention
    case_id = mention.case_id
    if not mention.dispatched:
        try:
            case_id = await dispatch_mention(engine=engine, temporal=temporal,
                                             task_queue=settings.task_queue, mention=mention)
        except NoActiveFlow as exc:
            raise ApiError(503, code="no_active_flow", path="", message=f"mention {mention.id} is stored; {exc}") \
                from exc
        except RPCError as exc:
            raise ApiError(503, code="workflow_service_unavailable", path="",
                           message=f"mention {mention.id} is stored; the workflow service did not answer "
                                   f"({exc.message}); post it again or it is delivered at the next start-up") \
                from exc
    if ingested.duplicate:
        response.status_code = status.HTTP_200_OK
    return WebhookAccepted(mention_id=mention.id, case_id=case_id, conversation_id=mention.conversation_id,
                           duplicate=ingested.duplicate)
