import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError, useDataProvider } from 'react-admin';
import type { DataProvider } from 'react-admin';
import { apiErrorMessage, submissionErrors } from './apiErrors';
import type {
    Case,
    CaseViewer,
    CloseReason,
    CustomerProfile,
    ExpertRequest,
    Flow,
    ReplyDraft,
    Source,
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

export interface SwitchboardDataProvider extends DataProvider {
    replyToCase: (caseId: string, payload: ReplyPayload) => Promise<{ data: Case }>;
    closeCase: (caseId: string, payload: ClosePayload) => Promise<{ data: Case }>;
    /** Opens the case for work (the first claim wins), or takes it over (supervisors). */
    claimCase: (caseId: string, payload: ClaimPayload) => Promise<{ data: Case }>;
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
    /** The expert's answer, through their request's link. */
    answerExpertRequest: (requestId: string, payload: { text: string }) => Promise<{ data: ExpertRequest }>;
    /** Publishes a flow draft as a new (activated) flow version. */
    publishFlowDraft: (draftId: string) => Promise<{ data: Flow }>;
    /** Makes a published flow version the active one. */
    activateFlow: (flowId: string) => Promise<{ data: Flow }>;
    /** Asks a polling source (rss, mastodon, email) to poll now; the API answers 202 before the poll ends. */
    pollSource: (sourceId: string) => Promise<{ data: { status: string } }>;
    /** A new token for a webhook source (the old one stops working); shown this once. */
    newWebhookToken: (sourceId: string) => Promise<{ data: { webhook_token: string } }>;
    /** A note on a customer; answers with the customer's profile. */
    addCustomerNote: (customerId: string, payload: CustomerNotePayload) => Promise<{ data: CustomerProfile }>;
    /** Merges `other_id` into the customer `keepId`; answers with the kept profile. */
    mergeCustomers: (keepId: string, payload: MergePayload) => Promise<{ data: CustomerProfile }>;
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
] as const;

/** Rethrows a refused source save with react-admin's `body.errors`, so the form shows each message on its field. */
const withFieldErrors = async <T>(request: Promise<T>): Promise<T> => {
    try {
        return await request;
    } catch (error) {
        if (error instanceof HttpError && (error.status === 422 || error.status === 409)) {
            const errors = submissionErrors(error.body, SOURCE_FORM_FIELDS, error.message);
            if (errors) {
                const body = typeof error.body === 'object' && error.body !== null ? error.body : {};
                throw new HttpError(error.message, error.status, { ...body, errors });
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

    return {
        ...base,
        create: (resource, params) =>
            resource === 'sources' ? withFieldErrors(base.create(resource, params)) : base.create(resource, params),
        // The sources API changes a source with PATCH (name, enabled, config); the id and kind are fixed.
        update: (resource, params) => {
            if (resource !== 'sources') return base.update(resource, params);
            const { name, enabled, config } = params.data as Partial<Source>;
            return withFieldErrors(
                client(`${apiUrl}/sources/${encodeURIComponent(String(params.id))}`, {
                    method: 'PATCH',
                    body: JSON.stringify({ name, enabled, config }),
                }).then(({ json }) => ({ data: json })),
            );
        },
        replyToCase: (caseId, payload) => post(caseUrl(caseId, 'replies'), payload),
        closeCase: (caseId, payload) => post(caseUrl(caseId, 'close'), payload),
        claimCase: (caseId, payload) => post(caseUrl(caseId, 'claim'), payload),
        approveReply: (caseId, payload) => post(caseUrl(caseId, 'approve'), payload),
        rejectReply: (caseId, payload) => post(caseUrl(caseId, 'reject'), payload),
        transferCase: (caseId, payload) => post(caseUrl(caseId, 'transfer'), payload),
        setCasePending: (caseId, payload) => post(caseUrl(caseId, 'pending'), payload),
        changeCaseTags: (caseId, payload) => post(caseUrl(caseId, 'tags'), payload),
        getCaseDrafts: async caseId => {
            const { json } = await client(caseUrl(caseId, 'drafts'));
            return { data: json as ReplyDraft[] };
        },
        casePresence: caseId => post<CaseViewer[]>(caseUrl(caseId, 'presence'), {}),
        addCaseNote: (caseId, payload) => post(caseUrl(caseId, 'notes'), payload),
        askExpert: (caseId, payload) => post(caseUrl(caseId, 'expert'), payload),
        answerExpertRequest: (requestId, payload) =>
            post<ExpertRequest>(`${apiUrl}/expert-requests/${encodeURIComponent(requestId)}/answer`, payload),
        publishFlowDraft: draftId =>
            post<Flow>(`${apiUrl}/flow_drafts/${encodeURIComponent(draftId)}/publish`, { activate: true }),
        activateFlow: flowId => post<Flow>(`${apiUrl}/flows/${encodeURIComponent(flowId)}/activate`, {}),
        pollSource: sourceId =>
            post<{ status: string }>(`${apiUrl}/sources/${encodeURIComponent(sourceId)}/poll`, {}),
        newWebhookToken: sourceId =>
            post<{ webhook_token: string }>(`${apiUrl}/sources/${encodeURIComponent(sourceId)}/webhook-token`, {}),
        addCustomerNote: (customerId, payload) =>
            post<CustomerProfile>(`${apiUrl}/customers/${encodeURIComponent(customerId)}/notes`, payload),
        mergeCustomers: (keepId, payload) =>
            post<CustomerProfile>(`${apiUrl}/customers/${encodeURIComponent(keepId)}/merge`, payload),
    };
};

export const dataProvider = createDataProvider();

export const useSwitchboardDataProvider = () => useDataProvider<SwitchboardDataProvider>();
