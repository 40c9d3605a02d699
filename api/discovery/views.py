"""Imports (batches of mentions of one source) and conversations, read-only."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import ValidationError

from api.audit.trail import record_apart
from api.auth.deps import ImportMentions, ReadMentions
from api.cases.access import get_visible, through_cases
from api.deps import EngineDep, RelayDep, SessionDep, SettingsDep
from api.discovery.models import ImportBatch, ImportReport, Rejected
from api.errors import ApiError
from api.listing import Listing, ListParams, list_rows
from store.cases import Case
from store.conversations import Conversation, ConversationPublic
from store.incoming import IncomingMention
from store.ingest import NoActiveFlow, StoreContended, store_batch
from store.sources import UnknownSource, require_source

router = APIRouter(tags=["discovery"])


@router.post("/sources/{source}/imports", response_model=ImportReport)
async def import_mentions(
    principal: ImportMentions, source: Annotated[str, Path(max_length=100)], body: ImportBatch, request: Request,
    engine: EngineDep, relay: RelayDep, settings: SettingsDep,
) -> ImportReport:
    """Take in a batch: every valid mention is stored once, threaded, tagged and triaged; invalid ones are
    reported by position and field. Mentions of actionable conversations get their cases in the same
    transaction, unless `replay` (backfilling history). Needs a token scoped `import:SOURCE` for this source."""
    limits = request.app.state.limits
    limits.import_client.check(principal.user_id)
    limits.import_source.check(source)
    if not principal.may_import(source):
        raise ApiError(403, code="forbidden", path="source",
                       message=f"this token may not import into {source!r}: make one with the scope import:{source}")
    now = datetime.now(UTC)
    messages, rejected = [], []
    for index, raw in enumerate(body.mentions):
        try:
            messages.append(IncomingMention.model_validate(raw).to_message(source, now))
        except ValidationError as exc:
            rejected += [Rejected(index=index, path=".".join(str(p) for p in e["loc"]) or "mention", message=e["msg"])
                         for e in exc.errors()]
    try:
        await run_in_threadpool(require_source, engine, source)
        stored = await run_in_threadpool(store_batch, engine=engine, mentions=messages, replay=body.replay,
                                         tagging_budget_ms=settings.tagging_budget_ms)
    except UnknownSource as exc:
        raise ApiError(404, code="unknown_source", path="source",
                       message=f"no enabled source named {source!r}; create it first") from exc
    except NoActiveFlow as exc:
        raise ApiError(503, code="no_active_flow", path="", message=f"nothing was stored: {exc}") from exc
    except StoreContended as exc:
        raise ApiError(503, code="busy", path="", message=f"nothing was stored: {exc}; send the batch again") from exc
    relay.wake()
    processed = stored.outcome.processed
    # After the batch's own transaction: the mentions are the record of what came in; this, of who sent it.
    await record_apart(engine, principal, "mentions.import", "source", source,
                       detail={"stored": len(processed), "duplicates": len(stored.outcome.duplicates),
                               "rejected": len(rejected), "replay": body.replay})
    return ImportReport(stored=len(processed), duplicates=len(stored.outcome.duplicates), rejected=rejected,
                        actionable=sum(1 for p in processed if p.needs_response), cases=stored.to_tell)


CONVERSATIONS = Listing(Conversation, "conversations", filterable=("source", "customer", "customer_id", "actionable"),
                        searchable=("customer",))


@router.get("/conversations", response_model=list[ConversationPublic])
def list_conversations(principal: ReadMentions, session: SessionDep, response: Response,
                       params: Annotated[ListParams, Depends(CONVERSATIONS)]) -> list[Conversation]:
    return list_rows(session, response, params, where=through_cases(principal, Conversation.id, Case.conversation_id))


@router.get("/conversations/{conversation_id}", response_model=ConversationPublic)
def get_conversation(principal: ReadMentions, session: SessionDep, conversation_id: str) -> Conversation:
    return get_visible(session, Conversation, conversation_id, resource="conversation",
                       where=through_cases(principal, Conversation.id, Case.conversation_id))
