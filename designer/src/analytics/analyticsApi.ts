// How the dashboard talks to the API: plain fetches with the session cookie, and one EventSource for the live figures.
import type { operations } from '../api/schema.gen';
import { connectEvents } from '../common/eventSource';
import type { AnalyticsReport, LiveSnapshot, ShareOfVoiceTerms, ShareOfVoiceTermsInput } from '../types';

export type CaseQuery = NonNullable<operations['case_analytics_api_analytics_cases_get']['parameters']['query']>;
export type MentionQuery = NonNullable<operations['mention_analytics_api_analytics_mentions_get']['parameters']['query']>;

export interface AnalyticsApi {
    cases: (query: CaseQuery) => Promise<AnalyticsReport>;
    mentions: (query: MentionQuery) => Promise<AnalyticsReport>;
    snapshot: () => Promise<LiveSnapshot>;
    /** Opens the live figures' stream; `onSnapshot` gets each, `onStatus` whether it is connected. Returns a closer. */
    live: (onSnapshot: (snapshot: LiveSnapshot) => void, onStatus: (connected: boolean) => void) => () => void;
    /** Share of voice's brand and competitors, and where they come from (saved, the setting, none). */
    voiceTerms: () => Promise<ShareOfVoiceTerms>;
    /** Saves them (analytics:manage); a refusal is an ApiFailure naming the field. */
    saveVoiceTerms: (terms: ShareOfVoiceTermsInput) => Promise<ShareOfVoiceTerms>;
}

/** An API refusal in our one shape: `path` names the field (`competitors.1.terms.0`), `code` why. */
export class ApiFailure extends Error {
    constructor(
        message: string,
        readonly status: number,
        readonly code: string = '',
        readonly path: string = '',
    ) {
        super(message);
    }
}


const query = (params: Record<string, string | number | null | undefined>): string =>
    new URLSearchParams(
        Object.entries(params)
            .filter(([, value]) => value != null && value !== '')
            .map(([key, value]) => [key, String(value)]),
    ).toString();

const sendJson = async <T>(url: string, init: RequestInit = {}): Promise<T> => {
    const response = await fetch(url, { credentials: 'same-origin', ...init });
    if (!response.ok) {
        let detail: { message?: string; code?: string; path?: string } = {};
        try {
            detail = ((await response.json()) as { detail?: typeof detail }).detail ?? {};
        } catch {
            // not our error shape: the status says enough
        }
        throw new ApiFailure(detail.message ?? `${response.status}`, response.status, detail.code, detail.path);
    }
    return (await response.json()) as T;
};

const getJson = <T>(url: string): Promise<T> => sendJson<T>(url);

/** The live figures, reconnected (common/eventSource): each `snapshot` event brings every figure. */
export const connectLive = (
    url: string,
    onSnapshot: (snapshot: LiveSnapshot) => void,
    onStatus: (connected: boolean) => void,
    Source: typeof EventSource | undefined = globalThis.EventSource,
): (() => void) =>
    connectEvents(
        () => url,
        ['snapshot'],
        (_, message) => {
            try {
                onSnapshot(JSON.parse(message.data) as LiveSnapshot);
            } catch {
                // a frame we cannot read is skipped: the next one brings every figure again
            }
        },
        onStatus,
        Source,
    );

export const createAnalyticsApi = (apiUrl = '/api'): AnalyticsApi => ({
    cases: params => getJson<AnalyticsReport>(`${apiUrl}/analytics/cases?${query(params)}`),
    mentions: params => getJson<AnalyticsReport>(`${apiUrl}/analytics/mentions?${query(params)}`),
    snapshot: () => getJson<LiveSnapshot>(`${apiUrl}/analytics/live/snapshot`),
    live: (onSnapshot, onStatus) => connectLive(`${apiUrl}/analytics/live`, onSnapshot, onStatus),
    voiceTerms: () => getJson<ShareOfVoiceTerms>(`${apiUrl}/analytics/share-of-voice/terms`),
    saveVoiceTerms: terms =>
        sendJson<ShareOfVoiceTerms>(`${apiUrl}/analytics/share-of-voice/terms`, {
            method: 'PUT',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(terms),
        }),
});

export const analyticsApi = createAnalyticsApi();
