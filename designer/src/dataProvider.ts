import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError, useDataProvider } from 'react-admin';
import type { DataProvider } from 'react-admin';
import { apiErrorMessage, submissionErrors } from './apiErrors';
import type { Case, CloseReason, CustomerProfile, ExpertRequest, Flow, Source } from './types';

export interface ReplyPayload {
    agent_id: string;
    text: string;
    close: boolean;
}

export interface ClosePayload {
    reason: CloseReason;
    agent_id: string;
}

export interface NotePayload {
    agent_id: string;
    text: string;
}

export interface ExpertHandoffPayload {
    agent_id: string;
    expert_id: string;
    question: string;
}

export interface CustomerNotePayload {
    /** an agent id */
    author: string;
    text: string;
}

export interface MergePayload {
    /** the customer merged into the one kept */
    other_id: string;
    /** the agent who merges, for the record */
    by: string;
}

export interface SwitchboardDataProvider extends DataProvider {
    replyToCase: (caseId: string, payload: ReplyPayload) => Promise<{ data: Case }>;
    closeCase: (caseId: string, payload: ClosePayload) => Promise<{ data: Case }>;
    /** An internal note on the case, never sent to the customer. */
    addCaseNote: (caseId: string, payload: NotePayload) => Promise<{ data: Case }>;
    /** Hands the case to an expert outside the contact centre. */
    askExpert: (caseId: string, payload: ExpertHandoffPayload) => Promise<{ data: Case }>;
    /** The expert's answer, through their request's link. */
    answerExpertRequest: (requestId: string, payload: { text: string }) => Promise<{ data: ExpertRequest }>;
    /** Publishes a flow draft as a new (activated) flow version. */
    publishFlowDraft: (draftId: string) => Promise<{ data: Flow }>;
    /** Asks a polling source (rss, mastodon, email) to poll now; the API answers 202 before the poll ends. */
    pollSource: (sourceId: string) => Promise<{ data: { status: string } }>;
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
        replyToCase: (caseId, payload) =>
            post(`${apiUrl}/cases/${encodeURIComponent(caseId)}/replies`, payload),
        closeCase: (caseId, payload) =>
            post(`${apiUrl}/cases/${encodeURIComponent(caseId)}/close`, payload),
        addCaseNote: (caseId, payload) => post(`${apiUrl}/cases/${encodeURIComponent(caseId)}/notes`, payload),
        askExpert: (caseId, payload) => post(`${apiUrl}/cases/${encodeURIComponent(caseId)}/expert`, payload),
        answerExpertRequest: (requestId, payload) =>
            post<ExpertRequest>(`${apiUrl}/expert-requests/${encodeURIComponent(requestId)}/answer`, payload),
        publishFlowDraft: draftId =>
            post<Flow>(`${apiUrl}/flow_drafts/${encodeURIComponent(draftId)}/publish`, { activate: true }),
        pollSource: sourceId =>
            post<{ status: string }>(`${apiUrl}/sources/${encodeURIComponent(sourceId)}/poll`, {}),
        addCustomerNote: (customerId, payload) =>
            post<CustomerProfile>(`${apiUrl}/customers/${encodeURIComponent(customerId)}/notes`, payload),
        mergeCustomers: (keepId, payload) =>
            post<CustomerProfile>(`${apiUrl}/customers/${encodeURIComponent(keepId)}/merge`, payload),
    };
};

export const dataProvider = createDataProvider();

export const useSwitchboardDataProvider = () => useDataProvider<SwitchboardDataProvider>();
