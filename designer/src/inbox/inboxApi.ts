// How the inbox talks to the API: plain fetches with the session cookie, and one EventSource for the live stream.
import type { Inbox, Notifications, StreamEvent } from './types';

export interface InboxApi {
    inbox: () => Promise<Inbox>;
    notifications: () => Promise<Notifications>;
    markRead: (upTo: string) => Promise<Notifications>;
    /** Opens the live stream; `onEvent` gets each event, `onStatus` whether it is connected. Returns a closer. */
    connect: (onEvent: (event: StreamEvent) => void, onStatus: (connected: boolean) => void) => () => void;
}

const EVENT_TYPES = ['case', 'counts', 'presence', 'notification'] as const;
const RECONNECT_MS = 5_000;

const getJson = async <T>(url: string, init?: RequestInit): Promise<T> => {
    const response = await fetch(url, { credentials: 'same-origin', ...init });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return (await response.json()) as T;
};

/**
 * The stream, reconnected: an EventSource retries by itself (resuming with Last-Event-ID) while the server is
 * away; when it gives up (a refusal, e.g. a session that ended and came back), a new one is opened a little later.
 */
export const connectStream = (
    url: string,
    onEvent: (event: StreamEvent) => void,
    onStatus: (connected: boolean) => void,
    Source: typeof EventSource | undefined = globalThis.EventSource,
): (() => void) => {
    if (!Source) return () => undefined;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let closed = false;
    let lastId = '';
    const open = () => {
        const resume = lastId ? `${url}${url.includes('?') ? '&' : '?'}after=${encodeURIComponent(lastId)}` : url;
        source = new Source(resume, { withCredentials: true });
        source.onopen = () => onStatus(true);
        source.onerror = () => {
            onStatus(false);
            if (source?.readyState === 2 && !closed) {
                source.close();
                timer = setTimeout(open, RECONNECT_MS);
            }
        };
        for (const type of EVENT_TYPES) {
            source.addEventListener(type, message => {
                const event = message as MessageEvent<string>;
                if (event.lastEventId) lastId = event.lastEventId;
                try {
                    onEvent({ type, data: JSON.parse(event.data) } as StreamEvent);
                } catch {
                    // a frame we cannot read is skipped; the next poll's counts bring the list up to date
                }
            });
        }
    };
    open();
    return () => {
        closed = true;
        if (timer) clearTimeout(timer);
        source?.close();
    };
};

export const createInboxApi = (apiUrl = '/api'): InboxApi => ({
    inbox: () => getJson<Inbox>(`${apiUrl}/inbox`),
    notifications: () => getJson<Notifications>(`${apiUrl}/notifications`),
    markRead: upTo =>
        getJson<Notifications>(`${apiUrl}/notifications/read`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ up_to: upTo }),
        }),
    connect: (onEvent, onStatus) => connectStream(`${apiUrl}/stream`, onEvent, onStatus),
});

export const inboxApi = createInboxApi();
