// The inbox API's shapes (api/inbox): kept here until the designer's types are generated from the OpenAPI document.

/** One inbox view with its count of open cases (`GET /api/inbox`). */
export interface InboxView {
    /** mine, unassigned, breaching, overdue, approvals or team:<team id> */
    id: string;
    label: string;
    count: number;
    team_id?: string | null;
}

export interface Inbox {
    views: InboxView[];
    at: string;
}

export type NotificationKind = 'escalated' | 'approval' | 'assigned' | 'transferred' | 'crisis';

export interface Notification {
    id: string;
    kind: NotificationKind;
    case_id: string;
    at: string;
    title: string;
    subject: string;
    read: boolean;
}

export interface Notifications {
    unread: number;
    data: Notification[];
}

/** A `case` event of the live stream: the list fields of a case that changed. */
export interface StreamCase {
    id: string;
    status: string;
    priority: string;
    team_id: string | null;
    assignee_id: string | null;
    claimed_by: string | null;
    sla_due_at: string | null;
    sla_breached: boolean;
    drafts_pending: number;
    updated_at: string;
}

export interface StreamPresence {
    case_id: string;
    viewers: string[];
}

/** What the stream delivers, by event type. */
export type StreamEvent =
    | { type: 'case'; data: StreamCase }
    | { type: 'counts'; data: Inbox }
    | { type: 'presence'; data: StreamPresence }
    | { type: 'notification'; data: Notification };
