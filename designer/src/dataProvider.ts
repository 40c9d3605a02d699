import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError, useDataProvider } from 'react-admin';
import type { DataProvider, RaRecord } from 'react-admin';
import { apiErrorMessage, apiFieldErrors, submissionErrors } from './apiErrors';
import type {
    AnalyticsReport,
    ApiToken,
    AuditCheckpoint,
    AuditVerdict,
    BacktestPeriod,
    BacktestReport,
    Case,
    CaseViewer,
    CrisisSettings,
    CrisisSettingsInput,
    CrisisStatus,
    CloseReason,
    CustomerProfile,
    ExpertLink,
    ExpertRequest,
    Flow,
    ReplyDraft,
    Source,
    Subscription,
    SubscriptionDelivery,
    User,
} from './types';

// The acting person comes from the session (the login cookie): no payload names an agent, an approver or
// an author; the API refuses the old actor fields with 422.

export interface ReplyPayload {
    text: string;
    /** Send and resolve in one step. */
    close: boolean;
    /** Idempotency key: a retry with the same one sends once. */
    reply_id?: string;
}

export interface ClosePayload {
    reason: CloseReason;
}

export interface ClaimPayload {
    /** Supervisors: take the case from whoever holds it. */
    takeover?: boolean;
}

export interface ApprovePayload {
    reply_id: string;
    /** Send this edit instead of the text as written. */
    text?: string;
}

export interface RejectPayload {
    reply_id: string;
    reason: string;
}

export interface TransferPayload {
    team_id: string;
    /** Kept as a note on the case. */
    note: string;
}

export interface PendingPayload {
    /** true: waiting on the customer (SLA paused); false: back to work. */
    waiting: boolean;
}

export interface NotePayload {
    text: string;
}

/** `POST /api/cases/{id}/reply-check`: the approval rule's answer for a reply not sent yet. */
export interface ReplyCheckResult {
    needs_approval: boolean;
    evidence: Record<string, unknown>;
}

export interface TagsPayload {
    add: string[];
    remove: string[];
}

export interface ExpertHandoffPayload {
    expert_id: string;
    question: string;
}

export interface CustomerNotePayload {
    text: string;
}

export interface MergePayload {
    /** the customer merged into the one kept */
    other_id: string;
}

export interface ExpertAnswerPayload {
    text: string;
}

/** The header the expert's page sends its link's token in (no login). */
export const EXPERT_TOKEN_HEADER = 'X-Expert-Token';

/** `getOne('expert-requests', {id, meta})`: the token of the expert's link, from the page's URL. */
export interface ExpertRequestMeta {
    expertToken?: string;
}

/** `POST /api/users` (admins). */
export interface UserCreatePayload {
    email: string;
    name: string;
    role: User['role'];
    /** Team ids; empty: every team (an agent needs one). */
    teams: string[];
    password: string;
}

/** `PATCH /api/users/{id}`: only what changes. */
export interface UserChangePayload {
    name?: string;
    role?: User['role'];
    teams?: string[];
    disabled?: boolean;
    /** A new password. */
    password?: string;
    /** Remove their authenticator (a lost phone); their sessions end. */
    reset_second_factor?: boolean;
}

/** `POST /api/tokens`. */
export interface TokenCreatePayload {
    name: string;
    /** Permissions (`cases:read`), `read:AREA` or `import:SOURCE`, within the user's role. */
    scopes: string[];
    /** With a time zone; none: the token does not expire. */
    expires_at?: string;
}

export interface SwitchboardDataProvider extends DataProvider {
    replyToCase: (caseId: string, payload: ReplyPayload) => Promise<{ data: Case }>;
    closeCase: (caseId: string, payload: ClosePayload) => Promise<{ data: Case }>;
    /** Opens the case for work (the first claim wins), or takes it over (supervisors). */
    claimCase: (caseId: string, payload: ClaimPayload) => Promise<{ data: Case }>;
    /** Gives the case back to its team's queue (its holder, or a supervisor). */
    releaseCase: (caseId: string) => Promise<{ data: Case }>;
    /** Would the flow hold this reply, by the logged-in agent, for approval? Changes nothing. */
    checkReply: (caseId: string, payload: { text: string }) => Promise<{ data: ReplyCheckResult }>;
    /** Sends a reply held for approval, as written or edited. */
    approveReply: (caseId: string, payload: ApprovePayload) => Promise<{ data: Case }>;
    rejectReply: (caseId: string, payload: RejectPayload) => Promise<{ data: Case }>;
    /** Moves the case to another team's queue. */
    transferCase: (caseId: string, payload: TransferPayload) => Promise<{ data: Case }>;
    /** Waiting on the customer (or back to work). */
    setCasePending: (caseId: string, payload: PendingPayload) => Promise<{ data: Case }>;
    changeCaseTags: (caseId: string, payload: TagsPayload) => Promise<{ data: Case }>;
    /** Replies of the case that needed approval, pending or decided. */
    getCaseDrafts: (caseId: string) => Promise<{ data: ReplyDraft[] }>;
    /** "I am viewing this case" (repeat every few seconds); answers who else is. */
    casePresence: (caseId: string) => Promise<{ data: CaseViewer[] }>;
    /** An internal note on the case, never sent to the customer. */
    addCaseNote: (caseId: string, payload: NotePayload) => Promise<{ data: Case }>;
    /** Hands the case to an expert outside the contact centre. */
    askExpert: (caseId: string, payload: ExpertHandoffPayload) => Promise<{ data: Case }>;
    /** The expert's answer, with their link's token (no login). */
    answerExpertRequest: (
        requestId: string,
        payload: ExpertAnswerPayload,
        token: string,
    ) => Promise<{ data: ExpertRequest }>;
    /** The link to send the expert (whoever may work the case may ask for it again). */
    getExpertLink: (requestId: string) => Promise<{ data: ExpertLink }>;
    /** Removes a user's authenticator (admins); their sessions end. */
    resetSecondFactor: (userId: string) => Promise<{ data: User }>;
    /** Revokes an API token at once; answers the token with its `revoked_at`. */
    revokeToken: (tokenId: string) => Promise<{ data: ApiToken }>;
    /** Publishes a flow draft as a new (activated) flow version. */
    publishFlowDraft: (draftId: string) => Promise<{ data: Flow }>;
    /** What the draft would have decided over the period, against what was decided (a sample of the cases). */
    backtestFlowDraft: (draftId: string, period: BacktestPeriod, sample?: number) => Promise<{ data: BacktestReport }>;
    /** Makes a published flow version the active one. */
    activateFlow: (flowId: string) => Promise<{ data: Flow }>;
    /** The rule builder's fields per stage (GET /api/flows/fields). */
    flowFields: () => Promise<{ data: unknown }>;
    /** A draft (`flow_drafts`) or a version (`flows`) tried on one mention. */
    testFlow: (resource: 'flow_drafts' | 'flows', id: string, body: object) => Promise<{ data: unknown }>;
    /** Asks a polling source (rss, mastodon, email) to poll now; the API answers 202 before the poll ends. */
    pollSource: (sourceId: string) => Promise<{ data: { status: string } }>;
    /** A new token for a webhook source (the old one stops working); shown this once. */
    newWebhookToken: (sourceId: string) => Promise<{ data: { webhook_token: string } }>;
    /** A note on a customer; answers with the customer's profile. */
    addCustomerNote: (customerId: string, payload: CustomerNotePayload) => Promise<{ data: CustomerProfile }>;
    /** Merges `other_id` into the customer `keepId`; answers with the kept profile. */
    mergeCustomers: (keepId: string, payload: MergePayload) => Promise<{ data: CustomerProfile }>;
    /** Checks the audit log's chain, head and checkpoints (from the last checkpoint before `since`, if given). */
    verifyAuditLog: (since?: string) => Promise<{ data: AuditVerdict }>;
    /** Signs the audit log's head now; answers the checkpoint. */
    signAuditCheckpoint: () => Promise<{ data: AuditCheckpoint }>;
    /** The case as evidence (`GET /api/cases/{id}/bundle`, histories:decode), as the API's very text: its manifest
     * signs hashes of its parts, so it is kept as sent rather than parsed and written again. */
    getCaseBundle: (caseId: string) => Promise<{ data: string }>;
    /** Moves an agent into the team (they leave theirs); answers the team. */
    addTeamMember: (teamId: string, agentId: string) => Promise<{ data: RaRecord }>;
    /** Moves an agent out of the team into team `to` (an agent works in one team); answers the team. */
    removeTeamMember: (teamId: string, agentId: string, to: string) => Promise<{ data: RaRecord }>;
    /** Crisis mode's state, figures and timeline. */
    getCrisis: () => Promise<{ data: CrisisStatus }>;
    getCrisisSettings: () => Promise<{ data: CrisisSettings }>;
    /** Saves crisis mode's settings (crisis:manage); a 422 names the field. */
    saveCrisisSettings: (settings: CrisisSettingsInput) => Promise<{ data: CrisisSettings }>;
    /** Starts a crisis by hand (the actor is the session's); answers the new state. */
    startCrisis: (reason: string) => Promise<{ data: CrisisStatus }>;
    endCrisis: (reason: string) => Promise<{ data: CrisisStatus }>;
    /** Runs a saved report now (`GET /api/reports/{id}/result`): the rows the analytics routes answer. */
    runReport: (reportId: string) => Promise<{ data: AnalyticsReport }>;
    /** Sends a signed test event to a webhook subscription now; answers the delivery. */
    testSubscription: (subscriptionId: string) => Promise<{ data: SubscriptionDelivery }>;
    /** Pauses (false) or resumes (true) a webhook subscription; answers it. */
    setSubscriptionActive: (subscriptionId: string, active: boolean) => Promise<{ data: Subscription }>;
}

/** The fields of the source forms that the API's 422s can name (see `submissionErrors`). */
export const SOURCE_FORM_FIELDS = [
    'id',
    'kind',
    'name',
    'enabled',
    'config.auth',
    'config.url',
    'config.poll_seconds',
    'config.base_url',
    'config.access_token',
    'config.hmac_secret',
    'config.signature_header',
    'config.mapping',
    'config.imap_host',
    'config.imap_port',
    'config.imap_security',
    'config.username',
    'config.password',
    'config.mailbox',
    'config.smtp_host',
    'config.smtp_port',
    'config.smtp_security',
    'config.smtp_username',
    'config.smtp_password',
    'config.from_address',
    'config.allow_insecure',
] as const;

/** The fields of the user forms (create and edit) that the API's refusals name. */
export const USER_FORM_FIELDS = ['email', 'name', 'role', 'teams', 'disabled', 'password'] as const;

/** The fields of the API token form; `scopes/1` lands on `scopes`. */
export const TOKEN_FORM_FIELDS = ['name', 'scopes', 'expires_at'] as const;

/** The fields of the agent and team forms that the API's refusals name (`channel_capacity.fax` lands there). */
export const AGENT_FORM_FIELDS = ['online', 'capacity', 'channel_capacity', 'skills', 'languages', 'channels', 'team_id'] as const;
export const TEAM_FORM_FIELDS = [
    'id',
    'name',
    'description',
    'department',
    'strategy',
    'allow_pull',
    'claim_idle_seconds',
    'relax_optional_after_seconds',
    'members',
] as const;

/** The webhook subscription forms' fields (a bad filter's path, /filter/..., is named in the form's message). */
export const SUBSCRIPTION_FORM_FIELDS = ['name', 'url', 'event_types', 'filter_text', 'secret', 'active'] as const;

const FORM_FIELDS: Record<string, readonly string[]> = {
    agents: AGENT_FORM_FIELDS,
    subscriptions: SUBSCRIPTION_FORM_FIELDS,
    teams: TEAM_FORM_FIELDS,
    sources: SOURCE_FORM_FIELDS,
    users: USER_FORM_FIELDS,
    tokens: TOKEN_FORM_FIELDS,
    reports: ['name', 'kind', 'metric', 'group_by', 'filters', 'period', 'since', 'until', 'tz', 'shared'],
};

/**
 * Rethrows a refused save (422, 409, or a 403 naming a field) with react-admin's `body.errors`, so the form
 * shows each message on its field.
 */
const withFieldErrors = async <T>(resource: string, request: Promise<T>): Promise<T> => {
    try {
        return await request;
    } catch (error) {
        const fields = FORM_FIELDS[resource];
        if (fields && error instanceof HttpError && [403, 409, 422].includes(error.status)) {
            const found = apiFieldErrors(error.body);
            // A 403 without a field (the role may not do this at all) stays a notification.
            if (error.status === 403 && !found.some(({ path }) => path)) throw error;
            const errors = submissionErrors(error.body, fields, error.message);
            if (errors) {
                const original = typeof error.body === 'object' && error.body !== null ? error.body : {};
                throw new HttpError(error.message, error.status, { ...original, errors });
            }
        }
        throw error;
    }
};

export type HttpClient = typeof fetchUtils.fetchJson;

/** Rethrows API errors with the message from the body, so notify() shows it. */
export const withApiErrors =
    (client: HttpClient): HttpClient =>
    async (url, options) => {
        try {
            return await client(url, options);
        } catch (error) {
            if (error instanceof HttpError) {
                throw new HttpError(apiErrorMessage(error.body, error.message), error.status, error.body);
            }
            throw error;
        }
    };

export const createDataProvider = (
    apiUrl = '/api',
    httpClient: HttpClient = fetchUtils.fetchJson,
): SwitchboardDataProvider => {
    const client = withApiErrors(httpClient);
    const base = simpleRestProvider(apiUrl, client);

    const caseUrl = (caseId: string, action: string) => `${apiUrl}/cases/${encodeURIComponent(caseId)}/${action}`;

    const post = async <T = Case>(url: string, payload: object): Promise<{ data: T }> => {
        const { json } = await client(url, { method: 'POST', body: JSON.stringify(payload) });
        return { data: json as T };
    };

    const patch = async <T>(url: string, payload: object): Promise<{ data: T }> => {
        const { json } = await client(url, { method: 'PATCH', body: JSON.stringify(payload) });
        return { data: json as T };
    };

    const resourceUrl = (resource: string, id: unknown) => `${apiUrl}/${resource}/${encodeURIComponent(String(id))}`;

    /** The expert's page has no login: its link's token goes in a header (none: the API says the link is cut). */
    const expertHeaders = (token: string | undefined) =>
        new Headers(token ? { [EXPERT_TOKEN_HEADER]: token } : {});

    return {
        ...base,
        getOne: (resource, params) => {
            if (resource !== 'expert-requests') return base.getOne(resource, params);
            const { expertToken } = (params.meta ?? {}) as ExpertRequestMeta;
            return client(resourceUrl(resource, params.id), {
                headers: expertHeaders(expertToken),
                signal: params.signal,
            }).then(({ json }) => ({ data: json }));
        },
        create: (resource, params) => withFieldErrors(resource, base.create(resource, params)),
        update: (resource, params) => {
            // The sources API changes a source with PATCH (name, enabled, config); the id and kind are fixed.
            if (resource === 'sources') {
                const { name, enabled, config } = params.data as Partial<Source>;
                return withFieldErrors(resource, patch(resourceUrl(resource, params.id), { name, enabled, config }));
            }
            // Users change with PATCH too, with only what changed (see users/userForm.ts).
            if (resource === 'users') {
                return withFieldErrors(resource, patch(resourceUrl(resource, params.id), params.data as UserChangePayload));
            }
            // Agents and teams change with PATCH, with only what changed (see agents/agentForm.ts, teams/teamForm.ts).
            // Canned replies too (title, text, team, channels).
            if (resource === 'agents' || resource === 'teams' || resource === 'canned_replies' || resource === 'reports' || resource === 'subscriptions') {
                return withFieldErrors(resource, patch(resourceUrl(resource, params.id), params.data as object));
            }
            return base.update(resource, params);
        },
        runReport: async reportId => ({ data: (await client(`${resourceUrl('reports', reportId)}/result`)).json as AnalyticsReport }),
        addTeamMember: (teamId, agentId) =>
            post<RaRecord>(`${resourceUrl('teams', teamId)}/members/${encodeURIComponent(agentId)}`, {}),
        removeTeamMember: async (teamId, agentId, to) => {
            const url = `${resourceUrl('teams', teamId)}/members/${encodeURIComponent(agentId)}?to=${encodeURIComponent(to)}`;
            const { json } = await client(url, { method: 'DELETE' });
            return { data: json as RaRecord };
        },
        replyToCase: (caseId, payload) => post(caseUrl(caseId, 'replies'), payload),
        closeCase: (caseId, payload) => post(caseUrl(caseId, 'close'), payload),
        claimCase: (caseId, payload) => post(caseUrl(caseId, 'claim'), payload),
        releaseCase: caseId => post(caseUrl(caseId, 'release'), {}),
        checkReply: (caseId, payload) => post<ReplyCheckResult>(caseUrl(caseId, 'reply-check'), payload),
        approveReply: (caseId, payload) => post(caseUrl(caseId, 'approve'), payload),
        rejectReply: (caseId, payload) => post(caseUrl(caseId, 'reject'), payload),
        transferCase: (caseId, payload) => post(caseUrl(caseId, 'transfer'), payload),
        setCasePending: (caseId, payload) => post(caseUrl(caseId, 'pending'), payload),
        changeCaseTags: (caseId, payload) => post(caseUrl(caseId, 'tags'), payload),
        getCaseBundle: async caseId => {
            const { body } = await client(caseUrl(caseId, 'bundle'));
            return { data: body };
        },
        getCaseDrafts: async caseId => {
            const { json } = await client(caseUrl(caseId, 'drafts'));
            return { data: json as ReplyDraft[] };
        },
        casePresence: caseId => post<CaseViewer[]>(caseUrl(caseId, 'presence'), {}),
        addCaseNote: (caseId, payload) => post(caseUrl(caseId, 'notes'), payload),
        askExpert: (caseId, payload) => post(caseUrl(caseId, 'expert'), payload),
        answerExpertRequest: async (requestId, payload, token) => {
            const { json } = await client(`${resourceUrl('expert-requests', requestId)}/answer`, {
                method: 'POST',
                body: JSON.stringify(payload),
                headers: expertHeaders(token),
            });
            return { data: json as ExpertRequest };
        },
        getExpertLink: async requestId => {
            const { json } = await client(`${resourceUrl('expert-requests', requestId)}/link`);
            return { data: json as ExpertLink };
        },
        resetSecondFactor: userId =>
            patch<User>(resourceUrl('users', userId), { reset_second_factor: true } satisfies UserChangePayload),
        revokeToken: async tokenId => {
            const { json } = await client(resourceUrl('tokens', tokenId), { method: 'DELETE' });
            return { data: json as ApiToken };
        },
        publishFlowDraft: draftId =>
            post<Flow>(`${apiUrl}/flow_drafts/${encodeURIComponent(draftId)}/publish`, { activate: true }),
        backtestFlowDraft: async (draftId, period, sample = 20) => {
            const query = new URLSearchParams({ ...period, sample: String(sample) });
            const { json } = await client(`${apiUrl}/flow_drafts/${encodeURIComponent(draftId)}/backtest?${query}`);
            return { data: json as BacktestReport };
        },
        activateFlow: flowId => post<Flow>(`${apiUrl}/flows/${encodeURIComponent(flowId)}/activate`, {}),
        flowFields: async () => ({ data: (await client(`${apiUrl}/flows/fields`)).json }),
        testFlow: (resource, id, body) => post<unknown>(`${resourceUrl(resource, id)}/test`, body),
        testSubscription: subscriptionId =>
            post<SubscriptionDelivery>(`${resourceUrl('subscriptions', subscriptionId)}/test`, {}),
        setSubscriptionActive: (subscriptionId, active) =>
            patch<Subscription>(resourceUrl('subscriptions', subscriptionId), { active }),
        pollSource: sourceId =>
            post<{ status: string }>(`${apiUrl}/sources/${encodeURIComponent(sourceId)}/poll`, {}),
        newWebhookToken: sourceId =>
            post<{ webhook_token: string }>(`${apiUrl}/sources/${encodeURIComponent(sourceId)}/webhook-token`, {}),
        addCustomerNote: (customerId, payload) =>
            post<CustomerProfile>(`${apiUrl}/customers/${encodeURIComponent(customerId)}/notes`, payload),
        mergeCustomers: (keepId, payload) =>
            post<CustomerProfile>(`${apiUrl}/customers/${encodeURIComponent(keepId)}/merge`, payload),
        verifyAuditLog: async since => {
            const query = since ? `?${new URLSearchParams({ since })}` : '';
            const { json } = await client(`${apiUrl}/audit/verify${query}`);
            return { data: json as AuditVerdict };
        },
        getCrisis: async () => ({ data: (await client(`${apiUrl}/crisis`)).json as CrisisStatus }),
        getCrisisSettings: async () => ({ data: (await client(`${apiUrl}/crisis/settings`)).json as CrisisSettings }),
        saveCrisisSettings: async settings => {
            const { json } = await client(`${apiUrl}/crisis/settings`, { method: 'PUT', body: JSON.stringify(settings) });
            return { data: json as CrisisSettings };
        },
        startCrisis: reason => post<CrisisStatus>(`${apiUrl}/crisis/start`, { reason }),
        endCrisis: reason => post<CrisisStatus>(`${apiUrl}/crisis/end`, { reason }),
        // No body: the API signs whatever the head is when the request arrives.
        signAuditCheckpoint: async () => {
            const { json } = await client(`${apiUrl}/audit/checkpoints`, { method: 'POST' });
            return { data: json as AuditCheckpoint };
        },
    };
};

export const dataProvider = createDataProvider();

export const useSwitchboardDataProvider = () => useDataProvider<SwitchboardDataProvider>();
