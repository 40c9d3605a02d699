// Records shaped like the API's, shared by the component tests.
import type {
    Agent,
    CannedReply,
    Case,
    CaseEvent,
    Conversation,
    CustomerProfile,
    Expert,
    ExpertRequest,
    Mention,
    Source,
} from '../types';
import { engineEvent } from './evidence';

export const agents: Agent[] = [
    { id: 'a1', name: 'Ada Lovelace', email: 'ada@example.com', team_id: 't1', online: true, open_cases: 3, capacity: 5, channel_capacity: {}, skills: {}, languages: ['en'], channels: [], roles: [], seniority: 'senior' },
    { id: 'a2', name: 'Bob Stone', email: 'bob@example.com', team_id: 't1', online: false, open_cases: 0, capacity: 5, channel_capacity: {}, skills: {}, languages: ['en'], channels: [], roles: [], seniority: 'senior' },
];

export const makeCase = (overrides: Partial<Case> = {}): Case => ({
    id: 'c1',
    workflow_id: 'wf-c1',
    conversation_id: 'conv-1',
    source: 'twitter',
    status: 'assigned',
    priority: 'high',
    needs_response: true,
    sentiment: -0.6,
    tags: ['billing', 'refund'],
    team_id: 't1',
    assignee_id: 'a1',
    author: '@jane',
    subject: 'My card was charged twice',
    opened_at: '2025-01-02T10:00:00+00:00',
    assigned_at: '2025-01-02T10:01:00+00:00',
    first_response_at: null,
    closed_at: null,
    close_reason: null,
    sla_due_at: '2025-01-02T11:00:00+00:00',
    sla_breached: false,
    flow_version: 'abc123def4567890',
    first_response_seconds: null,
    resolution_seconds: null,
    mention_count: 2,
    reply_count: 0,
    updated_at: '2025-01-02T10:01:00+00:00',
    claimed_by: null,
    claimed_at: null,
    transfers: 0,
    escalation_level: 0,
    drafts_pending: 0,
    sla: {},
    sla_policy: null,
    notes: [],
    expert_id: null,
    expert_request_id: null,
    reopen_count: 0,
    handle_seconds: 0,
    sla_outcomes: {},
    auto_reply_id: null,
    auto_replied_at: null,
    last_message: null,
    ...overrides,
});

export const caseEvents: CaseEvent[] = [
    // Triage as the engine records it (tests/fixtures/evidence), on this fixture's case.
    { ...engineEvent('angry_billing', 'triaged'), id: 'ev1', seq: 1, case_id: 'c1', at: '2025-01-02T10:00:05+00:00' },
    { id: 'ev2', seq: 2, case_id: 'c1', at: '2025-01-02T10:01:00+00:00', kind: 'waiting_on_customer', actor: 'a1', detail: {} },
];

export const experts: Expert[] = [
    {
        id: 'priya',
        name: 'Priya Shah',
        email: 'priya@example.com',
        department: 'Legal',
        response_seconds: 86400,
        active: true,
    },
    {
        id: 'omar',
        name: 'Omar Haddad',
        email: 'omar@example.com',
        department: 'Product',
        response_seconds: 4 * 3600,
        active: true,
    },
];

export const makeExpertRequest = (overrides: Partial<ExpertRequest> = {}): ExpertRequest => ({
    id: 'r1',
    case_id: 'c1',
    expert_id: 'priya',
    question: 'May we refund both charges?',
    asked_by: 'a1',
    asked_at: '2025-01-02T10:30:00+00:00',
    due_at: '2025-01-03T10:30:00+00:00',
    answered_at: null,
    overdue: false,
    subject: 'My card was charged twice',
    author: '@jane',
    source: 'twitter',
    answer: null,
    ...overrides,
});

export const makeSource = (overrides: Partial<Source> = {}): Source => ({
    id: 'acme-feed',
    kind: 'rss',
    name: 'Acme reviews',
    enabled: true,
    config: { url: 'https://reviews.example.com/feed.xml', poll_seconds: 300 },
    polls: true,
    cursor: '{"etag": "\\"abc\\""}',
    healthy: true,
    last_polled_at: '2025-01-02T10:00:00+00:00',
    last_success_at: '2025-01-02T10:00:00+00:00',
    last_error: null,
    consecutive_failures: 0,
    ...overrides,
});

export const mastodonSource = makeSource({
    id: 'acme-mastodon',
    kind: 'mastodon',
    name: 'Acme on Mastodon',
    config: { base_url: 'https://mastodon.example', access_token: '********', poll_seconds: 60 },
    cursor: '103',
});

export const emailSource = makeSource({
    id: 'acme-support',
    kind: 'email',
    name: 'Acme support mailbox',
    config: {
        imap_host: 'imap.acme.example',
        imap_port: 993,
        imap_security: 'ssl',
        username: 'support@acme.example',
        password: '********',
        mailbox: 'INBOX',
        smtp_host: 'smtp.acme.example',
        smtp_port: 587,
        smtp_security: 'starttls',
        smtp_username: 'relay-user',
        smtp_password: '********',
        from_address: 'support@acme.example',
        poll_seconds: 60,
        allow_insecure: false,
    },
    cursor: '{"uidvalidity": 7, "uid": 42}',
});

export const webhookSource = makeSource({
    id: 'acme-hook',
    kind: 'webhook',
    name: 'Acme webhook',
    config: { mapping: { author: 'user.handle' }, hmac_secret: '********', signature_header: 'X-Signature-256' },
    polls: false,
    cursor: null,
    last_polled_at: null,
    last_success_at: null,
});

export const makeConversation = (overrides: Partial<Conversation> = {}): Conversation => ({
    id: 'acme-feed:r1',
    source: 'acme-feed',
    customer: 'fan@example.com (Fan)',
    thread_id: null,
    first_at: '2025-01-02T10:00:00+00:00',
    last_at: '2025-01-02T10:05:00+00:00',
    last_inbound_at: '2025-01-02T10:00:00+00:00',
    inbound_count: 1,
    outbound_count: 1,
    first_response_from: '2025-01-02T10:00:00+00:00',
    first_response_at: '2025-01-02T10:05:00+00:00',
    first_response_seconds: 300,
    actionable: true,
    customer_id: null,
    case_id: null,
    ...overrides,
});

const mention = (overrides: Partial<Mention>): Mention => ({
    id: 'acme-feed:r1',
    source: 'acme-feed',
    external_id: 'r1',
    conversation_id: 'acme-feed:r1',
    case_id: null,
    author: 'fan@example.com (Fan)',
    text: 'Is the shop down?',
    created_at: '2025-01-02T10:00:00+00:00',
    received_at: '2025-01-02T10:00:01+00:00',
    reply_to_id: null,
    direction: 'inbound',
    thread_id: null,
    author_followers: null,
    author_verified: false,
    tags: null,
    sentiment: null,
    language: null,
    needs_response: null,
    customer_id: null,
    ...overrides,
});

/** A question with a case, then a reply posted outside Switchboard: out of order, as a page may hold them. */
export const conversationMentions: Mention[] = [
    mention({
        id: 'acme-feed:out-1',
        external_id: 'out-1',
        author: 'acme',
        text: 'Back up now, sorry!',
        created_at: '2025-01-02T10:05:00+00:00',
        direction: 'outbound',
        case_id: null,
        tags: null,
        sentiment: null,
        language: null,
        needs_response: null,
    }),
    mention({ case_id: 'c1', tags: ['outage'], sentiment: -0.4, language: 'en', needs_response: true }),
];

/** One person on two channels, with a bad day, a flat one and a good one. */
export const makeCustomer = (overrides: Partial<CustomerProfile> = {}): CustomerProfile => ({
    id: 'cus-robin',
    name: '@robin_case',
    first_seen_at: '2025-01-01T09:00:00+00:00',
    last_seen_at: '2025-01-04T10:00:00+00:00',
    notes: [{ at: '2025-01-02T12:00:00+00:00', author: 'a1', kind: 'note', text: 'Prefers DMs.' }],
    merged_into: null,
    identities: [
        { source: 'twitter', handle: '@robin_case', first_seen_at: '2025-01-01T09:00:00+00:00' },
        { source: 'instagram', handle: '@Robin_Case', first_seen_at: '2025-01-04T10:00:00+00:00' },
    ],
    conversations: 2,
    mentions: 4,
    cases: 1,
    tags: { praise: 1, delivery: 3, refund: 1 },
    sentiment_trend: [
        { day: '2025-01-01', mentions: 2, average: -0.65 },
        { day: '2025-01-02', mentions: 1, average: 0.05 },
        { day: '2025-01-04', mentions: 1, average: 0.7 },
    ],
    followers: null,
    verified: false,
    vip: false,
    past_cases: [],
    past_conversations: [],
    recent_mentions: [],
    ...overrides,
});

/** The same person under a display name on another channel: a customer of their own until merged. */
export const otherRobin = makeCustomer({
    id: 'cus-robin-c',
    name: 'Robin C.',
    first_seen_at: '2025-01-03T08:00:00+00:00',
    last_seen_at: '2025-01-03T08:00:00+00:00',
    notes: [],
    identities: [{ source: 'facebook', handle: 'Robin C.', first_seen_at: '2025-01-03T08:00:00+00:00' }],
    conversations: 1,
    mentions: 1,
    cases: 0,
    tags: { delivery: 1 },
    sentiment_trend: [{ day: '2025-01-03', mentions: 1, average: -0.3 }],
});

/** Robin C. after the merge: everything moved to @robin_case. */
export const mergedRobin = makeCustomer({
    ...otherRobin,
    merged_into: 'cus-robin',
    identities: [],
    conversations: 0,
    mentions: 0,
    tags: {},
    sentiment_trend: [],
});

/** The four replies the migration seeds (store/migrations/versions/0014_canned_replies.py), and one team's. */
export const cannedReplies: CannedReply[] = [
    ['greeting', 'Greeting', 'Hi {{customer.name}}, thanks for reaching out. I am {{agent.name}} and I will look into this for you.'],
    ['dm', 'Move to DM', 'Hi {{customer.name}}, could you send us a direct message with your order number? Reference: {{case.id}}.'],
    ['refund', 'Refund on its way', 'Hi {{customer.name}}, your refund is on its way: it shows on your statement within 5 working days. {{agent.name}}'],
    ['follow-up', 'Follow-up', 'Hi {{customer.name}}, just checking in on case {{case.id}}: is everything sorted now? {{agent.name}}'],
].map(([id, title, text]) => ({
    id, title, text, team_id: null, channels: [], created_by: 'system', created_at: '2025-01-01T00:00:00+00:00',
    updated_by: 'system', updated_at: '2025-01-01T00:00:00+00:00',
}));
