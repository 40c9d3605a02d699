// Record shapes of the Switchboard API (`/api/...`), as the names the designer imports: aliases to the types
// generated from the API's OpenAPI document (src/api/schema.gen.ts, `make api-types`). Where the API declares a
// free-form object (a case's SLA clocks and notes, a flow's document, a backtest's kind) the designer's finer
// reading of it is written here, on top of the generated shape.
import type { components, operations } from './api/schema.gen';

type Schemas = components['schemas'];

/** with_expert: handed to an expert outside the contact centre until they answer. */
export type CaseStatus = Schemas['CaseStatus'];
export type CasePriority = Schemas['Priority'];
export type CloseReason = Schemas['CloseReason'];

/** Every member of a union, once: a member the API adds (or drops) fails the typecheck here. */
const every =
    <T extends string>() =>
    <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : never)): readonly T[] =>
        list;

export const CASE_STATUSES = every<CaseStatus>()(['open', 'assigned', 'escalated', 'pending', 'with_expert', 'closed']);
export const CASE_PRIORITIES = every<CasePriority>()(['low', 'normal', 'high', 'urgent']);
export const CLOSE_REASONS = every<CloseReason>()(['resolved', 'no_action', 'spam']);

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

/** A conversation's newest message (either way) as a case list shows it: one line, at most 160 characters. */
export type LastMessage = Schemas['LastMessage'];

/**
 * `sla_due_at`: the earliest deadline of the running clocks; null while they are paused, and once closed.
 * `last_message` comes with the list and the case (`CaseListItem`), not with a case action's answer (`CasePublic`).
 */
export type Case = Omit<Schemas['CaseListItem'], 'sla' | 'notes' | 'sla_outcomes' | 'last_message'> & {
    /** The conversation's newest message; null when it has none (or the caller may not read mentions). */
    last_message?: LastMessage | null;
    /** Per SLA target the policy sets. */
    sla: Record<string, SlaTargetClock>;
    notes: CaseNote[];
    /** Per SLA target, set once the case is closed. */
    sla_outcomes: Record<string, SlaOutcome>;
};

/** What discovery found is on inbound mentions only (null on outbound ones). */
export type Mention = Schemas['MentionPublic'];

/** A connector kind: webhooks and files push mentions in, feeds, Mastodon accounts and mailboxes are polled. */
export type SourceKind = (
    | Schemas['NewWebhookSource']
    | Schemas['NewRssSource']
    | Schemas['NewMastodonSource']
    | Schemas['NewEmailSource']
    | Schemas['NewFileSource']
)['kind'];

export const SOURCE_KINDS = every<SourceKind>()(['webhook', 'rss', 'mastodon', 'email', 'file']);
export const POLLING_KINDS: readonly SourceKind[] = ['rss', 'mastodon', 'email'];

/** What the API shows instead of a stored secret; sending it back keeps the secret. */
export const SECRET_MASK = '********';

/** Our mention fields a webhook's mapping can name (store/mapping.py FIELDS). */
export const MAPPABLE_FIELDS = [
    'external_id',
    'author',
    'text',
    'created_at',
    'reply_to_id',
    'thread_id',
    'direction',
    'inbound',
    'outbound',
    'author_followers',
    'author_verified',
] as const;

export type WebhookConfig = Schemas['WebhookConfig'];
export type RssConfig = Schemas['RssConfig'];
export type MastodonConfig = Schemas['MastodonConfig'];
export type EmailConfig = Schemas['EmailConfig'];

/** How a webhook's senders prove who they are: the source's token, an HMAC signature, or nothing. */
export type WebhookAuth = NonNullable<WebhookConfig['auth']>;
/** How a mail connection is secured: TLS from the start, upgraded by STARTTLS, or in plain text. */
export type MailSecurity = NonNullable<EmailConfig['imap_security']>;

export const MAIL_SECURITIES = every<MailSecurity>()(['ssl', 'starttls', 'none']);

/** Any kind's config, as a form edits it (the API's answer declares it a free-form object). */
export type SourceConfig = Partial<WebhookConfig & RssConfig & MastodonConfig & EmailConfig>;

/** A connector instance that mentions arrive from, with its polling cursor and health; secrets show as SECRET_MASK. */
export type Source = Omit<Schemas['SourcePublic'], 'kind' | 'config'> & {
    kind: SourceKind;
    config: SourceConfig;
    /** Only in the answer to creating a webhook source that takes a token: shown this once. */
    webhook_token?: Schemas['SourceCreated']['webhook_token'];
};

/** A thread of mentions, actionable or not, with the counts analytics reads. */
export type Conversation = Schemas['ConversationPublic'];

/** A note on a customer; `merge` notes are written by the API when another customer is merged in. */
export interface CustomerNote {
    at: string;
    /** An agent id. */
    author: string;
    kind: 'note' | 'merge';
    text: string;
}

/** One person across channels, as the customer list shows them. */
export type Customer = Omit<Schemas['CustomerPublic'], 'notes'> & { notes: CustomerNote[] };

/** A handle on a source (or an email address) that is the customer's. */
export type CustomerIdentity = Schemas['IdentityPublic'];

/** The average sentiment (-1..1) of a customer's inbound mentions on one day (`2026-11-20`). */
export type SentimentPoint = Schemas['SentimentPoint'];

/** `GET /api/customers/{id}`: the customer with identities, counts, top tags and a daily sentiment trend. */
export type CustomerProfile = Omit<Schemas['CustomerProfile'], 'notes'> & { notes: CustomerNote[] };

export type Agent = Schemas['AgentPublic'];

/** Someone outside the contact centre (legal, product, ...) whom agents can ask. */
export type Expert = Schemas['ExpertPublic'];

/** A question to an expert; its id is the link the expert answers by. */
export type ExpertRequest = Schemas['ExpertRequestPublic'];

export type Team = Schemas['TeamPublic'];

/** A text agents insert into a reply, with `{{variables}}` (cases/cannedReplies.ts fills them). */
export type CannedReply = Schemas['CannedReplyPublic'];
export type CannedReplyCreatePayload = Schemas['CannedReplyCreate'];
export type CannedReplyChangePayload = Schemas['CannedReplyChange'];

/** A saved report (`/api/reports`): a metric, grouping, filters and period, shared or its owner's. */
export type SavedReport = Schemas['SavedReportPublic'];
export type SavedReportCreatePayload = Schemas['ReportCreate'];
export type SavedReportChangePayload = Schemas['ReportChange'];
export type ReportFilters = Schemas['ReportFilters'];
export type FlowNodeType = Schemas['FlowNode']['type'];

/** A node as the API stores it: its content and position filled in. */
export type FlowNode = Required<Schemas['FlowNode']>;
export type FlowEdge = Schemas['FlowEdge'];

export interface FlowDocument {
    nodes: FlowNode[];
    edges: FlowEdge[];
}

/** The API declares a version's and a draft's document a free-form object: it is the FlowDocument it was sent. */
export type Flow = Omit<Schemas['FlowPublic'], 'document'> & { document: FlowDocument };
export type FlowDraft = Omit<Schemas['FlowDraftPublic'], 'document'> & { document: FlowDocument };

export type BacktestField = 'queue' | 'priority' | 'sla_policy';

/** One case a backtest would decide otherwise (`GET /api/flow_drafts/{id}/backtest`, its `sample`). */
export type BacktestRow = Omit<Schemas['BacktestRow'], 'kind' | 'changed'> & {
    /** changed: opened both ways, decided otherwise; would_open / would_not_open: only one way opens it. */
    kind: 'changed' | 'would_open' | 'would_not_open';
    changed: BacktestField[];
};

export type BacktestReport = Omit<Schemas['BacktestReport'], 'totals' | 'sample'> & {
    totals: Omit<Schemas['BacktestTotals'], 'by_field' | 'moves'> & {
        by_field: Record<BacktestField, number>;
        moves: (Omit<Schemas['BacktestMove'], 'field'> & { field: BacktestField })[];
    };
    sample: BacktestRow[];
};

type BacktestQuery = NonNullable<operations['backtest_draft_api_flow_drafts__draft_id__backtest_get']['parameters']['query']>;

export interface BacktestPeriod {
    since: NonNullable<BacktestQuery['since']>;
    until: NonNullable<BacktestQuery['until']>;
}

export type CaseEvent = Schemas['CaseEventPublic'];

/** `GET /api/cases/{id}/drafts`: a reply the flow's approval rule held, pending or decided. */
export type ReplyDraft = Omit<Schemas['ReplyDraft'], 'status'> & { status: 'pending' | 'approved' | 'rejected' };

/** Who else is looking at a case (`POST /api/cases/{id}/presence`). */
export type CaseViewer = Schemas['Viewer'];

/** `GET /api/expert-requests/{id}/link`: the page the expert opens (relative to the designer's origin), its token. */
export type ExpertLink = Schemas['ExpertLink'];

/** `GET /api/users` (admins): a person who logs in; `teams` empty: every team (an agent needs one). */
export type User = Schemas['UserPublic'];

/** `GET /api/tokens`: an API token for integrations (its secret is never shown again). */
export type ApiToken = Schemas['ApiTokenPublic'] & {
    /** Only in the answer to `POST /api/tokens`: shown this once. */
    token?: Schemas['ApiTokenCreated']['token'];
};

/** `GET /api/audit_entries` (auditors, admins): one change in the append-only, hash-chained audit log. */
export type AuditEntry = Schemas['AuditEntry'];

/** `GET /api/audit/verify`: "intact", or the first entry where the chain breaks and why. */
export type AuditVerdict = Schemas['VerifyAnswer'];

/** `POST /api/audit/checkpoints`: the chain's head, signed now (Ed25519). */
export type AuditCheckpoint = Schemas['CheckpointPublic'];

/** `GET /api/analytics/cases` and `/mentions`, and a saved report's result: a metric over a period, one row per group (day, channel, target…). */
export type AnalyticsReport = Schemas['AnalyticsReport'];
export type ShareOfVoiceTerms = Schemas['ShareOfVoiceTermsPublic'];
export type ShareOfVoiceTermsInput = Schemas['ShareOfVoiceTerms'];
export type AnalyticsRow = Schemas['AnalyticsRow'];

/** `GET /api/analytics/live/snapshot`, and each `snapshot` event of `GET /api/analytics/live`: the live dashboard's figures. */
export type LiveSnapshot = Schemas['LiveSnapshot'];
export type LiveQueue = Schemas['LiveQueue'];

/** Crisis mode (GET /api/crisis): normal, or a crisis since when and why, with its figures and timeline. */
export type CrisisStatus = Schemas['CrisisStatus'];
/** One series' figures at a check: its count in the window against its baseline of past weeks. */
export type CrisisSignal = Schemas['CrisisSignal'];
/** Crisis mode's settings as saved (GET /api/crisis/settings), and as sent (PUT). */
export type CrisisSettings = Schemas['CrisisSettingsPublic'];
export type CrisisSettingsInput = Schemas['CrisisSettings'];
export type CrisisThresholds = Schemas['Thresholds'];
export type CrisisBackupTeam = Schemas['BackupTeam'];
/** `GET /api/subscriptions` (admins): a webhook target with its event types, filter, health and backlog (its secret
 * is write-only). */
export type Subscription = Schemas['SubscriptionPublic'];
export type SubscriptionCreatePayload = Schemas['SubscriptionCreate'];
export type SubscriptionChangePayload = Schemas['SubscriptionChange'];
/** One try of a delivery: status code, latency, error, attempt (`GET /api/subscription_deliveries`). */
export type SubscriptionDelivery = Schemas['DeliveryPublic'];
/** An event type a subscription may take. */
export type EventType = Schemas['SubscriptionCreate']['event_types'][number];
