"""Webhook subscriptions (admins only, audited): where events out are delivered, their health and delivery log.

A target must resolve to public addresses unless the operator allow-lists its network (the connectors' rule,
store.netguard, and SWITCHBOARD_CONNECT_ALLOW); a filter must compile (engine.rules), its error placed on the
node. The secret is sealed with the key ring and never shown again. Delivery itself is store.webhook_relay's.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Query, Request, Response, status
from fastapi.concurrency import run_in_threadpool
from sqlmodel import Session, col, select

from api.audit.trail import record
from api.auth.deps import ManageSubscriptions
from api.deps import KeysDep, SessionDep, SettingsDep, WriteSessionDep
from api.errors import ApiError, refusal
from api.listing import Listing, ListParams, get_or_404, list_rows
from api.subscriptions.models import DeliveryPublic, SubscriptionChange, SubscriptionCreate, SubscriptionPublic
from engine.rules import RuleError, compile_rule
from store.db import session_scope
from store.event_payloads import TestPing
from store.events_out import EventType, last_cursor
from store.netguard import AddressRefused, NetGuard, parse_networks, redacted
from store.subscriptions import Delivery, Subscription, backlog, seal_secret

router = APIRouter(tags=["subscriptions"])

SUBSCRIPTIONS = Listing(Subscription, "subscriptions", filterable=("active", "healthy"), searchable=("name", "url"),
                        sortable=("id", "name", "created_at", "updated_at", "last_delivery_at"))
DELIVERIES = Listing(Delivery, "subscription_deliveries", filterable=("subscription_id", "ok", "type", "event_id"),
                     sortable=("id", "at", "latency_ms", "status_code"))
REFUSED = {404: refusal("no such subscription"),
           422: refusal("a target that resolves to a private address, or a filter that does not compile (its path "
                        "names the node)")}


def public(session: Session, sub: Subscription) -> SubscriptionPublic:
    return SubscriptionPublic.model_validate({**sub.model_dump(), "backlog": backlog(session, sub)})


def state(sub: Subscription) -> dict[str, Any]:
    """What the audit log keeps of a subscription: everything but its secret (and its delivery bookkeeping)."""
    return {"name": sub.name, "url": redacted(sub.url), "event_types": sub.event_types, "filter": sub.filter,
            "active": sub.active}


def check_target(url: str, settings: Any) -> None:
    """Refuse a URL that resolves to an address deliveries may not reach, saying how the operator allows it."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        NetGuard(parse_networks(settings.connect_allow)).resolve(parts.hostname or "", port)
    except AddressRefused as exc:
        raise ApiError(422, code="address_refused", path="url", message=str(exc).replace(
            "Switchboard does not connect there", "webhooks are not delivered there")) from exc


def check_filter(rule: dict[str, Any] | None) -> None:
    if rule is None:
        return
    try:
        compile_rule(rule, path="/filter")
    except RuleError as exc:
        errors = [{"code": e.code, "path": e.path, "message": e.message} for e in exc.errors]
        raise ApiError(422, code=exc.code, path=exc.path, message=f"the filter does not compile: {exc.message}",
                       errors=errors) from exc


@router.get("/subscriptions", response_model=list[SubscriptionPublic])
def list_subscriptions(principal: ManageSubscriptions, session: SessionDep, response: Response,
                       params: Annotated[ListParams, Depends(SUBSCRIPTIONS)]) -> list[SubscriptionPublic]:
    """Webhook subscriptions with their health and backlog."""
    return [public(session, sub) for sub in list_rows(session, response, params)]


@router.get("/subscriptions/{subscription_id}", response_model=SubscriptionPublic, responses={404: REFUSED[404]})
def get_subscription(principal: ManageSubscriptions, session: SessionDep, subscription_id: str) -> SubscriptionPublic:
    return public(session, get_or_404(session, Subscription, subscription_id, resource="subscription"))


@router.post("/subscriptions", response_model=SubscriptionPublic, status_code=status.HTTP_201_CREATED,
             responses={422: REFUSED[422]})
def create_subscription(principal: ManageSubscriptions, session: WriteSessionDep, body: SubscriptionCreate,
                        settings: SettingsDep, keys: KeysDep) -> SubscriptionPublic:
    """Subscribe a target to event types; it receives events written from now on (the feed has the past)."""
    url = str(body.url)
    check_target(url, settings)
    check_filter(body.filter)
    now = datetime.now(UTC)
    sub = Subscription(id=f"sub-{uuid.uuid4().hex[:12]}", name=body.name, url=url, event_types=list(body.event_types),
                       filter=body.filter, secret=seal_secret(keys, body.secret.get_secret_value()),
                       active=body.active, paused_reason=None if body.active else f"created paused by "
                                                                                  f"{principal.user_id}",
                       cursor=last_cursor(session), created_at=now, created_by=principal.user_id, updated_at=now)
    session.add(sub)
    record(session, principal, "subscription.create", "subscription", sub.id, after=state(sub))
    session.flush()
    return public(session, sub)


@router.patch("/subscriptions/{subscription_id}", response_model=SubscriptionPublic, responses=REFUSED)
def change_subscription(principal: ManageSubscriptions, session: WriteSessionDep, subscription_id: str,
                        body: SubscriptionChange, settings: SettingsDep, keys: KeysDep) -> SubscriptionPublic:
    """Change a subscription; `active` pauses it (its backlog kept) or resumes it (the backlog delivered)."""
    sub: Subscription = get_or_404(session, Subscription, subscription_id, resource="subscription")
    before = state(sub)
    given = body.model_fields_set
    if body.url is not None:
        check_target(str(body.url), settings)
        sub.url = str(body.url)
    if "filter" in given:
        check_filter(body.filter)
        sub.filter = body.filter
    if body.name is not None:
        sub.name = body.name
    if body.event_types is not None:
        sub.event_types = list(body.event_types)
    if body.secret is not None:
        sub.secret = seal_secret(keys, body.secret.get_secret_value())
    now = datetime.now(UTC)
    if body.active is True:
        sub.active, sub.paused_reason, sub.paused_at, sub.healthy = True, None, None, True
        sub.consecutive_failures, sub.failing_since, sub.next_attempt_at = 0, None, None
    elif body.active is False and sub.active:
        sub.active, sub.paused_reason, sub.paused_at = False, f"paused by {principal.user_id}", now
    sub.updated_at = now
    session.add(sub)
    record(session, principal, "subscription.change", "subscription", sub.id, before=before, after=state(sub),
           detail={"secret_changed": True} if body.secret is not None else None)
    session.flush()
    return public(session, sub)


@router.delete("/subscriptions/{subscription_id}", response_model=SubscriptionPublic, responses={404: REFUSED[404]})
def delete_subscription(principal: ManageSubscriptions, session: WriteSessionDep,
                        subscription_id: str) -> SubscriptionPublic:
    """Remove a subscription (its delivery log stays); answers it as it was."""
    sub: Subscription = get_or_404(session, Subscription, subscription_id, resource="subscription")
    shown = public(session, sub)
    record(session, principal, "subscription.delete", "subscription", sub.id, before=state(sub))
    session.delete(sub)
    return shown


@router.get("/subscriptions/{subscription_id}/deliveries", response_model=list[DeliveryPublic],
            responses={404: REFUSED[404]})
def latest_deliveries(principal: ManageSubscriptions, session: SessionDep, subscription_id: str,
                      limit: Annotated[int, Query(ge=1, le=500)] = 50,
                      failed: Annotated[bool, Query(description="only the tries that failed")] = False,
                      ) -> list[Delivery]:
    """This subscription's latest tries, newest first: status code, latency, error, attempt."""
    get_or_404(session, Subscription, subscription_id, resource="subscription")
    query = select(Delivery).where(Delivery.subscription_id == subscription_id)
    if failed:
        query = query.where(col(Delivery.ok).is_(False))
    return list(session.exec(query.order_by(col(Delivery.id).desc()).limit(limit)).all())


@router.get("/subscription_deliveries", response_model=list[DeliveryPublic])
def list_deliveries(principal: ManageSubscriptions, session: SessionDep, response: Response,
                    params: Annotated[ListParams, Depends(DELIVERIES)]) -> list[Delivery]:
    """Every subscription's delivery log as a react-admin list (filter by subscription_id, ok, type)."""
    return list_rows(session, response, params)


@router.post("/subscriptions/{subscription_id}/test", response_model=DeliveryPublic, responses={404: REFUSED[404]})
async def send_test(principal: ManageSubscriptions, request: Request, subscription_id: str) -> Delivery:
    """Send a signed `subscription.test` event now, whatever the subscription's types, filter or pause; answers
    the delivery (ok, status code, latency, error), also kept in its log."""
    engine = request.app.state.engine

    def load() -> Subscription:
        with session_scope(engine, write=False) as session:
            return get_or_404(session, Subscription, subscription_id, resource="subscription")

    sub = await run_in_threadpool(load)
    now = datetime.now(UTC)
    event = {"cursor": None, "id": str(uuid.uuid4()), "type": EventType.test.value, "version": TestPing.VERSION,
             "case_id": None, "occurred_at": now.isoformat(),
             "data": TestPing(subscription_id=sub.id).model_dump(mode="json")}
    delivery = await run_in_threadpool(request.app.state.webhooks.send_test, sub, event)

    def keep() -> Delivery:
        with session_scope(engine) as session:
            session.add(delivery)
            record(session, principal, "subscription.test", "subscription", sub.id,
                   detail={"ok": delivery.ok, "status_code": delivery.status_code})
            session.flush()
            session.refresh(delivery)
            session.expunge(delivery)
            return delivery

    return await run_in_threadpool(keep)
