import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useRefresh } from 'react-admin';
import { inboxApi as defaultApi } from './inboxApi';
import type { InboxApi } from './inboxApi';
import type { Inbox, Notifications, StreamEvent } from './types';

/** At most one list refresh in this long, however many cases change. */
export const REFRESH_THROTTLE_MS = 1_500;

export interface InboxState {
    /** The views with their counts; null until the API has answered. */
    inbox: Inbox | null;
    /** The first answer for the counts came (or failed). */
    ready: boolean;
    notifications: Notifications;
    /** Who views which case (case id -> agent ids), from the stream. */
    viewers: Record<string, string[]>;
    connected: boolean;
    markRead: (upTo: string) => Promise<void>;
    /** Every stream event, for pages that want more than a refresh (e.g. a case page's viewers). */
    subscribe: (listener: (event: StreamEvent) => void) => () => void;
}

const EMPTY: Notifications = { unread: 0, data: [] };

const InboxContext = createContext<InboxState>({
    inbox: null,
    ready: false,
    notifications: EMPTY,
    viewers: {},
    connected: false,
    markRead: async () => undefined,
    subscribe: () => () => undefined,
});

export const useInbox = () => useContext(InboxContext);

/**
 * One live stream for the whole app: counts for the menu, notifications for the bell, and a refresh of what is on
 * screen (react-admin's queries) when a case changes, throttled so a burst of changes refetches once.
 */
export const InboxProvider = ({ api = defaultApi, children }: { api?: InboxApi; children: ReactNode }) => {
    const refresh = useRefresh();
    const [inbox, setInbox] = useState<Inbox | null>(null);
    const [ready, setReady] = useState(false);
    const [notifications, setNotifications] = useState<Notifications>(EMPTY);
    const [viewers, setViewers] = useState<Record<string, string[]>>({});
    const [connected, setConnected] = useState(false);
    const listeners = useRef(new Set<(event: StreamEvent) => void>());
    const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
    const lastRefresh = useRef(0);

    const refreshSoon = useCallback(() => {
        if (pending.current) return;
        const wait = Math.max(0, lastRefresh.current + REFRESH_THROTTLE_MS - Date.now());
        pending.current = setTimeout(() => {
            pending.current = null;
            lastRefresh.current = Date.now();
            refresh();
        }, wait);
    }, [refresh]);

    const loadNotifications = useCallback(() => {
        api.notifications().then(setNotifications, () => undefined);
    }, [api]);

    useEffect(() => {
        let live = true;
        let counted = false;
        api.inbox()
            .then(answer => live && setInbox(answer), () => undefined)
            .finally(() => live && setReady(true));
        loadNotifications();
        const close = api.connect(event => {
            if (!live) return;
            if (event.type === 'counts') {
                // Counts move when cases do, and with the clock (a deadline passing): what is listed may have too.
                if (counted) refreshSoon();
                counted = true;
                setInbox(event.data);
            }
            else if (event.type === 'case') refreshSoon();
            else if (event.type === 'presence')
                setViewers(current => ({ ...current, [event.data.case_id]: event.data.viewers }));
            else if (event.type === 'notification') loadNotifications();
            listeners.current.forEach(listener => listener(event));
        }, setConnected);
        return () => {
            live = false;
            close();
            if (pending.current) clearTimeout(pending.current);
            pending.current = null;
        };
    }, [api, loadNotifications, refreshSoon]);

    const markRead = useCallback(
        async (upTo: string) => {
            try {
                setNotifications(await api.markRead(upTo));
            } catch {
                // the bell keeps its count; the next notification brings it up to date
            }
        },
        [api],
    );
    const subscribe = useCallback((listener: (event: StreamEvent) => void) => {
        listeners.current.add(listener);
        return () => {
            listeners.current.delete(listener);
        };
    }, []);

    const value = useMemo(
        () => ({ inbox, ready, notifications, viewers, connected, markRead, subscribe }),
        [inbox, ready, notifications, viewers, connected, markRead, subscribe],
    );
    return <InboxContext.Provider value={value}>{children}</InboxContext.Provider>;
};
