// Record shapes of the Switchboard API (`/api/...`), written by hand from the
// API contract until a client is generated from the OpenAPI schema.
import type { RaRecord } from 'react-admin';
import type { Role } from './auth/access';

/** with_expert: handed to an expert outside the contact centre until they answer. */
export type CaseStatus = 'open' | 'assigned' | 'escalated' | 'pending' | 'with_expert' | 'closed';
export type CasePriority = 'low' | 'normal' | 'high' | 'urgent';
export type CloseReason = 'resolved' | 'no_action' | 'spam';

export const CASE_STATUSES: readonly CaseStatus[] = ['open', 'assigned', 'escalated', 'pending', 'with_expert', 'closed'];
export const CASE_PRIORITIES: readonly CasePriority[] = ['low', 'normal', 'high', 'urgent'];
export const CLOSE_REASONS: readonly CloseReason[] = ['resolved', 'no_action', 'spam'];

/**
 * How a target ended when the case closed (engine.measures): `closed_without_response` is a clock that ran
 * but was closed before any reply and before its deadline: neither met nor breached.
 */
export type SlaOutcome = 'met' | 'breached' | 'closed_without_response';

/** One target's clock as the workflow last saved it (engine.slas.summary). */
export interface SlaTargetClock {
    target_seconds?: number;
    status?: 'running' | 'paused' | 'met' | 'not_started';
    due_at?: string | null;
    remaining_seconds?: number | null;
    paused?: boolean;
    met_at?: string | null;
    breached_at?: string | null;
}

/** An internal note, never sent to the customer. `author` is an agent id, or `expert:{id}` for an expert's answer. */
export interface CaseNote {
    at: string;
    author: string;
    text: string;
    kind: 'note' | 'expert_answer';
}

export interface Case extends RaRecord<string> {
    workflow_id: string;
    conversation_id: string;
    source: string;
    status: CaseStatus;
    priority: CasePriority;
    needs_response: boolean;
    sentiment: number;
    tags: string[];
    team_id: string;
    assignee_id: string | null;
    author: string;
    subject: string;
    opened_at: string;
    assigned_at: string | null;
    first_response_at: string | null;
    closed_at: string | null;
    close_reason: CloseReason | null;
    /** The earliest deadline of the running clocks; null while they are paused, and once closed. */
    sla_due_at: string | null;
    sla_breached: boolean;
    flow_version: string;
    first_response_seconds: number | null;
    resolution_seconds: number | null;
    mention_count: number;
    updated_at: string;
    claimed_by: string | null;
    claimed_at: string | null;
    transfers: number;
    escalation_level: number;
    drafts_pending: number;
    /** Per SLA target the policy sets. */
    sla: Record<string, SlaTargetClock>;
    notes: CaseNote[];
    /** The outside expert consulted last, and their request (the id in the link they answer by). */
    expert_id: string | null;
    expert_request_id: string | null;
    reopen_count: number;
    /** Time agents held the case for work. */
    handle_seconds: number;
    /** Per SLA target, set once the case is closed. */
    sla_outcomes: Record<string, SlaOutcome>;
}

export interface Mention extends RaRecord<string> {
    source: string;
    external_id: string;
    conversation_id: string;
    case_id: string | null;
    author: string;
    text: string;
    created_at: string;
    received_at: string;
    reply_to_id: string | null;
    direction: 'inbound' | 'outbound';
    thread_id?: string | null;
    /** What discovery found (inbound mentions only; null on outbound ones). */
    tags?: string[] | null;
    sentiment?: number | null;
    language?: string | null;
    needs_response?: boolean | null;
    /** Inbound mentions: their author's customer. */
    customer_id?: string | null;
}

/** A connector kind: webhooks and files push mentions in, feeds, Mastodon accounts and mailboxes are polled. */
export type SourceKind = 'webhook' | 'rss' | 'mastodon' | 'email' | 'file';

export const SOURCE_KINDS: readonly SourceKind[] = ['webhook', 'rss', 'mastodon', 'email', 'file'];
export const POLLING_KINDS: readonly SourceKind[] = ['rss', 'mastodon', 'email'];

/** What the API shows instead of a stored secret; sending it back keeps the secret. */
export const SECRET_MASK = '********';

/** Our mention fields a webhook's mapping can name (api/discovery/mapping.py FIELDS). */
export const MAPPABLE_FIELDS = [
    'external_id',
    'author',
    'text',
    'created_at',
    'reply_to_id',
    'thread_id',
    'direction',
    'author_followers',
    'author_verified',
] as const;

/** How a webhook's senders prove who they are: the source's token, an HMAC signature, or nothing. */
export type WebhookAuth = 'token' | 'hmac' | 'none';

export interface WebhookConfig {
    auth?: WebhookAuth;
    /** our field -> dotted path in the posted JSON */
    mapping?: Record<string, string>;
    hmac_secret?: string | null;
    signature_header?: string;
}

export interface RssConfig {
    url?: string;
    poll_seconds?: number;
}

export interface MastodonConfig {
    base_url?: string;
    access_token?: string;
    poll_seconds?: number;
}

/** How a mail connection is secured: TLS from the start, upgraded by STARTTLS, or in plain text. */
export type MailSecurity = 'ssl' | 'starttls' | 'none';

export const MAIL_SECURITIES: readonly MailSecurity[] = ['ssl', 'starttls', 'none'];

/** A support mailbox: mail is read over IMAP, replies are sent over SMTP. */
export interface EmailConfig {
    imap_host?: string;
    imap_port?: number;
    imap_security?: MailSecurity;
    username?: string;
    password?: string;
    mailbox?: string;
    smtp_host?: string;
    smtp_port?: number;
    smtp_security?: MailSecurity;
    /** username when null */
    smtp_username?: string | null;
    /** password when null */
    smtp_password?: string | null;
    /** The address replies are sent from. */
    from_address?: string;
    poll_seconds?: number;
    /** Takes imap_security or smtp_security 'none' (the password crosses the network in the clear). */
    allow_insecure?: boolean;
}

export type SourceConfig = WebhookConfig & RssConfig & MastodonConfig & EmailConfig;

/** A connector instance that mentions arrive from, with its polling cursor and health. */
export interface Source extends RaRecord<string> {
    kind: SourceKind;
    name: string;
    enabled: boolean;
    /** Secrets show as SECRET_MASK. */
    config: SourceConfig;
    /** Whether the kind is polled (rss, mastodon, email). */
    polls: boolean;
    cursor: string | null;
    healthy: boolean;
    last_polled_at: string | null;
    last_success_at: string | null;
    last_error: string | null;
    consecutive_failures: number;
    /** Only in the answer to creating a webhook source that takes a token: shown this once. */
    webhook_token?: string | null;
}

/** A thread of mentions, actionable or not, with the counts analytics reads. */
export interface Conversation extends RaRecord<string> {
    source: string;
    /** The author of its first inbound mention. */
    customer: string | null;
    thread_id: string | null;
    first_at: string;
    last_at: string;
    last_inbound_at: string | null;
    inbound_count: number;
    outbound_count: number;
    first_response_at: string | null;
    first_response_seconds: number | null;
    /** Triage found a mention needing a response. */
    actionable: boolean;
    /** The customer of its first inbound mention's author. */
    customer_id?: string | null;
}

/** A note on a customer; `merge` notes are written by the API when another customer is merged in. */
export interface CustomerNote {
    at: string;
    /** An agent id. */
    author: string;
    kind: 'note' | 'merge';
    text: string;
}

/** One person across channels, as the customer list shows them. */
export interface Customer extends RaRecord<string> {
    name: string;
    first_seen_at: string;
    last_seen_at: string;
    notes: CustomerNote[];
    /** Set once merged into another customer, whose id this is. */
    merged_into: string | null;
}

/** A handle on a source (or an email address) that is the customer's. */
export interface CustomerIdentity {
    source: string;
    handle: string;
    first_seen_at: string;
}

/** The average sentiment (-1..1) of a customer's inbound mentions on one day (`2026-11-20`). */
export interface SentimentPoint {
    day: string;
    mentions: number;
    average: number;
}

/** `GET /api/customers/{id}`: the customer with identities, counts, top tags and a daily sentiment trend. */
export interface CustomerProfile extends Customer {
    identities: CustomerIdentity[];
    conversations: number;
    mentions: number;
    cases: number;
    /** tag -> count, most used first */
    tags: Record<string, number>;
    sentiment_trend: SentimentPoint[];
}

export interface Agent extends RaRecord<string> {
    name: string;
    email: string;
    team_id: string;
    online: boolean;
    open_cases: number;
}

/** Someone outside the contact centre (legal, product, ...) whom agents can ask. */
export interface Expert extends RaRecord<string> {
    name: string;
    email: string;
    department: string;
    /** The expert's own SLA: answer within this many seconds. */
    response_seconds: number;
    active: boolean;
}

/** A question to an expert; its id is the link the expert answers by. */
export interface ExpertRequest extends RaRecord<string> {
    case_id: string;
    expert_id: string;
    question: string;
    asked_by: string;
    asked_at: string;
    due_at: string;
    answered_at: string | null;
    overdue: boolean;
    /** From the case: what the expert sees of it. */
    subject: string;
    author: string;
    source: string;
    answer: string | null;
}

export interface Team extends RaRecord<string> {
    name: string;
    description: string;
}

export type FlowNodeType = 'discovery' | 'tag' | 'triage' | 'assign' | 'sla' | 'approval' | 'close' | 'measure';

export interface FlowNode {
    id: string;
    type: FlowNodeType;
    name: string;
    content: Record<string, unknown>;
    position: { x: number; y: number };
}

export interface FlowEdge {
    id: string;
    sourceId: string;
    targetId: string;
}

export interface FlowDocument {
    nodes: FlowNode[];
    edges: FlowEdge[];
}

export interface Flow extends RaRecord<string> {
    name: string;
    version: string;
    active: boolean;
    published_at: string | null;
    document: FlowDocument;
}

export interface FlowDraft extends RaRecord<string> {
    name: string;
    document: FlowDocument;
    based_on: string | null;
    updated_at: string;
}

/** One case a backtest would decide otherwise (`GET /api/flow_drafts/{id}/backtest`, its `sample`). */
export interface BacktestRow {
    /** changed: opened both ways, decided otherwise; would_open / would_not_open: only one way opens it. */
    kind: 'changed' | 'would_open' | 'would_not_open';
    case_id: string | null;
    mention_id: string;
    conversation_id: string;
    received_at: string;
    source: string;
    changed: BacktestField[];
    live_queue: string | null;
    draft_queue: string | null;
    live_priority: string | null;
    draft_priority: string | null;
    live_sla_policy: string | null;
    draft_sla_policy: string | null;
    live_flow_version: string | null;
    tags_added: string[];
    tags_removed: string[];
}

export type BacktestField = 'queue' | 'priority' | 'sla_policy';

export interface BacktestReport {
    flow_version: string;
    since: string;
    until: string;
    seconds: number;
    totals: {
        mentions: number;
        tags_changed: number;
        needs_response_changed: number;
        live_cases: number;
        draft_cases: number;
        changed: number;
        would_open: number;
        would_not_open: number;
        by_field: Record<BacktestField, number>;
        moves: { field: BacktestField; live: string | null; draft: string | null; cases: number }[];
        live_flow_versions: Record<string, number>;
    };
    sample: BacktestRow[];
}

export interface BacktestPeriod {
    since: string;
    until: string;
}

export interface CaseEvent extends RaRecord<string> {
    case_id: string;
    at: string;
    kind: string;
    actor: string;
    detail: Record<string, unknown>;
}

/** `GET /api/cases/{id}/drafts`: a reply the flow's approval rule held, pending or decided. */
export interface ReplyDraft {
    reply_id: string;
    /** Who wrote it (an agent id). */
    agent_id: string;
    text: string;
    status: 'pending' | 'approved' | 'rejected';
    created_at: string;
    /** Sending it resolves the case. */
    close: boolean;
    decided_by: string | null;
    reason: string | null;
    /** Why the approval rule held it. */
    evidence: Record<string, unknown>;
}

/** Who else is looking at a case (`POST /api/cases/{id}/presence`). */
export interface CaseViewer {
    agent_id: string;
    seen_at: string;
}

/** `GET /api/expert-requests/{id}/link`: the page the expert opens, its token, and when it stops working. */
export interface ExpertLink {
    /** `/#/expert-requests/{id}?token=...`: relative to the designer's origin. */
    url: string;
    /** Sent by the expert's page as X-Expert-Token. */
    token: string;
    expires_at: string;
}

/** `GET /api/users` (admins): a person who logs in. */
export interface User extends RaRecord<string> {
    email: string;
    name: string;
    role: Role;
    /** Teams whose cases the user sees; empty: every team (an agent needs one). */
    teams: string[];
    disabled: boolean;
    created_at: string;
    last_login_at: string | null;
    /** They log in with an authenticator code too. */
    second_factor: boolean;
}

/** `GET /api/tokens`: an API token for integrations (its secret is never shown again). */
export interface ApiToken extends RaRecord<string> {
    name: string;
    /** Permissions (`cases:read`), `read:AREA` or `import:SOURCE`. */
    scopes: string[];
    expires_at: string | null;
    user_id: string;
    created_at: string;
    last_used_at: string | null;
    revoked_at: string | null;
    /** Only in the answer to `POST /api/tokens`: shown this once. */
    token?: string;
}

/** `GET /api/audit_entries` (auditors, admins): one change in the append-only, hash-chained audit log. */
export interface AuditEntry extends RaRecord<number> {
    /** 1, 2, 3...: the entry's place in the chain. */
    id: number;
    at: string;
    /** Who: a user's id, an integration (`source:ID`) or `system`. */
    actor: string;
    /** How a person acted: `session`, `token:ID`, `password` or `password+totp` (a login). */
    via: string | null;
    /** What, e.g. `auth.login`, `user.change`, `flow.publish`, `case.claimed`. */
    action: string;
    /** The kind of thing acted on (`user`, `case`, `flow`...) and its id. */
    target_type: string | null;
    target_id: string | null;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
    detail: Record<string, unknown> | null;
    /** The hash of the entry before (64 zeros for the first). */
    prev: string;
    /** SHA-256 of this entry's canonical encoding, `prev` included. */
    hash: string;
}

/** `GET /api/audit/verify`: "intact", or the first entry where the chain breaks and why. */
export interface AuditVerdict {
    intact: boolean;
    /** The API's one line, e.g. "intact: entries 1-42 (42), 3 signed checkpoints hold". */
    summary: string;
    /** Entries checked, from `first_id` to `last_id` (null: none). */
    entries: number;
    first_id: number | null;
    last_id: number | null;
    /** The last entry as the log's head records it. */
    head_id: number;
    /** Signed checkpoints whose signatures held. */
    checkpoints: number;
    broken_at: number | null;
    why: string | null;
}

/** `POST /api/audit/checkpoints`: the chain's head, signed now (Ed25519). */
export interface AuditCheckpoint {
    id: number | null;
    /** The entry signed (the head when it was signed). */
    seq: number;
    hash: string;
    at: string;
    reason: string;
    key_id: string;
    public_key: string;
    signature: string;
}
