// How the inbox talks to the API: plain fetches with the session cookie, and one EventSource for the live stream.
import { connectEvents } from '../common/eventSource';
import type { Inbox, Notifications, StreamEvent } from './types';

export interface InboxApi {
    inbox: () => Promise<Inbox>;
    notifications: () => Promise<Notifications>;
    markRead: (upTo: string) => Promise<Notifications>;
    /** Opens the live stream; `onEvent` gets each event, `onStatus` whether it is connected. Returns a closer. */
    connect: (onEvent: (event: StreamEvent) => void, onStatus: (connected: boolean) => void) => () => void;
}

const EVENT_TYPES = ['case', 'counts', 'presence', 'notification'] as const;

const getJson = async <T>(url: string, init?: RequestInit): Promise<T> => {
    const response = await fetch(url, { credentials: 'same-origin', ...init });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return (await response.json()) as T;
};

/** The stream, reconnected (common/eventSource), resuming after the last event it read (`after`). */
export const connectStream = (
    url: string,
    onEvent: (event: StreamEvent) => void,
    onStatus: (connected: boolean) => void,
    Source: typeof EventSource | undefined = globalThis.EventSource,
): (() => void) => {
    let lastId = '';
    const resume = () => (lastId ? `${url}${url.includes('?') ? '&' : '?'}after=${encodeURIComponent(lastId)}` : url);
    return connectEvents(
        resume,
        EVENT_TYPES,
        (type, message) => {
            if (message.lastEventId) lastId = message.lastEventId;
            try {
                onEvent({ type, data: JSON.parse(message.data) } as StreamEvent);
            } catch {
                // a frame we cannot read is skipped; the next poll's counts bring the list up to date
            }
        },
        onStatus,
        Source,
    );
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
