import { vi } from 'vitest';
import type { DataProvider, RaRecord } from 'react-admin';
import type { SwitchboardDataProvider } from '../dataProvider';
import type {
    ApiToken,
    AuditCheckpoint,
    AuditVerdict,
    BacktestPeriod,
    BacktestReport,
    Case,
    CaseViewer,
    CustomerProfile,
    ExpertLink,
    ExpertRequest,
    Flow,
    ReplyDraft,
    User,
} from '../types';

/** When the fake API writes notes (customer notes, merges). */
export const FAKE_NOW = '2025-01-05T09:00:00+00:00';
/** Who the fake API's session says is acting (the agent `a1` of the fixtures). */
export const FAKE_ACTOR = 'a1';

/** An in-memory data provider: `records` per resource, case actions as spies. */
export const fakeDataProvider = (records: Record<string, RaRecord[]>) => {
    const all = (resource: string) => records[resource] ?? [];
    const customer = (id: string) => all('customers').find(record => record.id === id) as CustomerProfile;
    const base = {
        getList: vi.fn(async (resource: string) => ({ data: all(resource), total: all(resource).length })),
        // The page's URL gives ids as text; the audit log's are numbers.
        getOne: vi.fn(async (resource: string, { id }: { id: unknown }) => ({
            data: all(resource).find(record => String(record.id) === String(id)),
        })),
        getMany: vi.fn(async (resource: string, { ids }: { ids: unknown[] }) => ({
            data: all(resource).filter(record => ids.includes(record.id)),
        })),
        getManyReference: vi.fn(
            async (resource: string, { target, id }: { target: string; id: unknown }) => {
                const data = all(resource).filter(record => record[target] === id);
                return { data, total: data.length };
            },
        ),
        create: vi.fn(
            async (_resource: string, { data }: { data: Record<string, unknown> }): Promise<{ data: RaRecord }> => ({
                data: { id: 'new', ...data },
            }),
        ),
        update: vi.fn(async (_resource: string, { id, data }: { id: unknown; data: Record<string, unknown> }) => ({
            data: { ...data, id },
        })),
        delete: vi.fn(async (_resource: string, { id }: { id: unknown }) => ({ data: { id } })),
        pollSource: vi.fn(async () => ({ data: { status: 'polling' } })),
        testSubscription: vi.fn(async (subscriptionId: string) => ({
            data: { id: 99, subscription_id: subscriptionId, event_id: 'e-test', cursor: null, type: 'subscription.test',
                    attempt: 1, ok: true, status_code: 200, latency_ms: 12.5, error: null, at: FAKE_NOW },
        })),
        setSubscriptionActive: vi.fn(async (subscriptionId: string, active: boolean) => {
            const sub = all('subscriptions').find(record => record.id === subscriptionId);
            if (sub) Object.assign(sub, { active, paused_reason: active ? null : 'paused by a1', healthy: true });
            return { data: sub as RaRecord };
        }),
        addTeamMember: vi.fn(async (teamId: string, agentId: string) => {
            const agent = all('agents').find(record => record.id === agentId);
            if (agent) agent.team_id = teamId;
            return { data: all('teams').find(record => record.id === teamId) as RaRecord };
        }),
        removeTeamMember: vi.fn(async (teamId: string, agentId: string, to: string) => {
            const agent = all('agents').find(record => record.id === agentId);
            if (agent) agent.team_id = to;
            return { data: all('teams').find(record => record.id === teamId) as RaRecord };
        }),
        publishFlowDraft: vi.fn(async () => ({ data: { id: 'f-new' } as Flow })),
        flowFields: vi.fn(async () => ({ data: { stages: [] } })),
        testFlow: vi.fn(async () => ({ data: {} })),
        // A period with no history; a test gives its own report with mockResolvedValueOnce.
        backtestFlowDraft: vi.fn(async (_draftId: string, period: BacktestPeriod) => ({
            data: {
                flow_version: 'f-draft',
                ...period,
                seconds: 0,
                totals: {
                    mentions: 0, tags_changed: 0, needs_response_changed: 0, live_cases: 0, draft_cases: 0,
                    changed: 0, would_open: 0, would_not_open: 0,
                    by_field: { queue: 0, priority: 0, sla_policy: 0 }, moves: [], live_flow_versions: {},
                },
                sample: [],
            } as BacktestReport,
        })),
        replyToCase: vi.fn(async (caseId: string) => ({ data: { id: caseId } as Case })),
        closeCase: vi.fn(async (caseId: string) => ({ data: { id: caseId } as Case })),
        claimCase: vi.fn(async (caseId: string) => ({ data: { id: caseId } as Case })),
        releaseCase: vi.fn(async (caseId: string) => ({ data: { id: caseId } as Case })),
        checkReply: vi.fn(async () => ({ data: { needs_approval: false, evidence: {} } })),
        approveReply: vi.fn(async (caseId: string) => ({ data: { id: caseId } as Case })),
        rejectReply: vi.fn(async (caseId: string) => ({ data: { id: caseId } as Case })),
        transferCase: vi.fn(async (caseId: string) => ({ data: { id: caseId } as Case })),
        setCasePending: vi.fn(async (caseId: string) => ({ data: { id: caseId } as Case })),
        changeCaseTags: vi.fn(async (caseId: string) => ({ data: { id: caseId } as Case })),
        getCaseBundle: vi.fn(async (caseId: string) => ({
            data: `{"manifest": {"case_id": "${caseId}"}}`,
        })),
        getCaseDrafts: vi.fn(async (caseId: string) => ({
            data: all('drafts').filter(draft => draft.case_id === caseId) as unknown as ReplyDraft[],
        })),
        casePresence: vi.fn(async () => ({ data: [] as CaseViewer[] })),
        activateFlow: vi.fn(async (flowId: string) => ({ data: { id: flowId, active: true } as Flow })),
        newWebhookToken: vi.fn(async () => ({ data: { webhook_token: 'new-webhook-token' } })),
        addCaseNote: vi.fn(async (caseId: string) => ({ data: { id: caseId } as Case })),
        askExpert: vi.fn(async (caseId: string) => ({ data: { id: caseId } as Case })),
        answerExpertRequest: vi.fn(async (requestId: string, { text }: { text: string }) => ({
            data: {
                ...all('expert-requests').find(record => record.id === requestId),
                id: requestId,
                answer: text,
                answered_at: '2025-01-02T12:00:00+00:00',
            } as ExpertRequest,
        })),
        getExpertLink: vi.fn(async (requestId: string) => ({
            data: {
                url: `/#/expert-requests/${requestId}?token=1797491109.sig-${requestId}`,
                token: `1797491109.sig-${requestId}`,
                expires_at: '2026-12-17T07:05:09Z',
            } as ExpertLink,
        })),
        resetSecondFactor: vi.fn(async (userId: string) => ({
            data: { ...all('users').find(record => record.id === userId), id: userId, second_factor: false } as User,
        })),
        revokeToken: vi.fn(async (tokenId: string) => ({
            data: { ...all('tokens').find(record => record.id === tokenId), id: tokenId, revoked_at: FAKE_NOW } as ApiToken,
        })),
        // An intact log of whatever `audit_entries` holds, and a checkpoint of its last entry.
        verifyAuditLog: vi.fn(async () => {
            const ids = all('audit_entries').map(record => Number(record.id));
            const [first, last] = ids.length ? [Math.min(...ids), Math.max(...ids)] : [null, null];
            const span = ids.length ? `entries ${first}-${last}` : 'no entries';
            const data: AuditVerdict = {
                intact: true,
                summary: `intact: ${span} (${ids.length}), 0 signed checkpoints hold`,
                entries: ids.length,
                first_id: first,
                last_id: last,
                head_id: last ?? 0,
                checkpoints: 0,
                broken_at: null,
                why: null,
            };
            return { data };
        }),
        signAuditCheckpoint: vi.fn(async () => {
            const last = all('audit_entries').reduce((most, record) => Math.max(most, Number(record.id)), 0);
            const data: AuditCheckpoint = {
                id: 1,
                seq: last,
                hash: String(all('audit_entries').find(record => Number(record.id) === last)?.hash ?? '0'.repeat(64)),
                at: FAKE_NOW,
                reason: 'on demand',
                key_id: 'k1',
                public_key: 'MCowBQYDK2VwAyEA',
                signature: 'c2lnbmF0dXJl',
            };
            return { data };
        }),
        // Answer as the API does, without changing `records`: what getOne gives stays the same.
        addCustomerNote: vi.fn(async (customerId: string, { text }: { text: string }) => {
            const found = customer(customerId);
            return {
                data: {
                    ...found,
                    notes: [...found.notes, { at: FAKE_NOW, author: FAKE_ACTOR, kind: 'note', text }],
                } as CustomerProfile,
            };
        }),
        mergeCustomers: vi.fn(async (keepId: string, { other_id }: { other_id: string }) => {
            const kept = customer(keepId);
            const other = customer(other_id);
            return {
                data: {
                    ...kept,
                    identities: [...kept.identities, ...other.identities],
                    conversations: kept.conversations + other.conversations,
                    mentions: kept.mentions + other.mentions,
                    cases: kept.cases + other.cases,
                    notes: [
                        ...kept.notes,
                        ...other.notes,
                        { at: FAKE_NOW, author: FAKE_ACTOR, kind: 'merge', text: `merged ${other.name} (${other_id}) into this customer` },
                    ],
                } as CustomerProfile,
            };
        }),
    };
    return base as unknown as SwitchboardDataProvider & DataProvider & typeof base;
};
