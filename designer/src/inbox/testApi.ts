// A fake inbox API for component tests: answers given up front, and a handle to push stream events.
import { vi } from 'vitest';
import type { InboxApi } from './inboxApi';
import type { Inbox, Notifications, StreamEvent } from './types';

export const INBOX: Inbox = {
    at: '2026-12-04T10:00:00+00:00',
    views: [
        { id: 'mine', label: 'Mine', count: 3 },
        { id: 'unassigned', label: 'Unassigned', count: 0 },
        { id: 'breaching', label: 'Breaching soon', count: 1 },
        { id: 'overdue', label: 'Overdue', count: 2 },
        { id: 'team:support', label: 'Support/Sales', count: 7, team_id: 'support' },
    ],
};

export const NOTIFICATIONS: Notifications = {
    unread: 2,
    data: [
        { id: 'c2:9', kind: 'escalated', case_id: 'c2', at: '2026-12-04T09:59:00+00:00', title: 'Escalated to level 1: first response SLA missed', subject: 'Fire hazard', read: false },
        { id: 'c1:4', kind: 'assigned', case_id: 'c1', at: '2026-12-04T09:50:00+00:00', title: 'Assigned to you', subject: 'Charged twice', read: false },
        { id: 'c0:3', kind: 'transferred', case_id: 'c0', at: '2026-12-04T08:00:00+00:00', title: 'Transferred to support by sofia', subject: 'Old one', read: true },
    ],
};

export const fakeInboxApi = (inbox: Inbox = INBOX, notifications: Notifications = NOTIFICATIONS) => {
    let push: (event: StreamEvent) => void = () => undefined;
    const api = {
        inbox: vi.fn(async () => inbox),
        notifications: vi.fn(async () => notifications),
        markRead: vi.fn(async (upTo: string) => ({
            unread: 0,
            data: notifications.data.map(note => ({ ...note, read: note.read || note.at <= (notifications.data.find(n => n.id === upTo)?.at ?? '') })),
        })),
        connect: vi.fn((onEvent: (event: StreamEvent) => void, onStatus: (connected: boolean) => void) => {
            push = onEvent;
            onStatus(true);
            return () => undefined;
        }),
    } satisfies InboxApi;
    return { api, emit: (event: StreamEvent) => push(event) };
};
