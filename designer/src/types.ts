// Record shapes of the Switchboard API (`/api/...`), written by hand from the
// API contract until a client is generated from the OpenAPI schema.
import type { RaRecord } from 'react-admin';

export type CaseStatus = 'open' | 'assigned' | 'escalated' | 'pending' | 'closed';
export type CasePriority = 'low' | 'normal' | 'high' | 'urgent';
export type CloseReason = 'resolved' | 'no_action' | 'spam';

export const CASE_STATUSES: readonly CaseStatus[] = ['open', 'assigned', 'escalated', 'pending', 'closed'];
export const CASE_PRIORITIES: readonly CasePriority[] = ['low', 'normal', 'high', 'urgent'];
export const CLOSE_REASONS: readonly CloseReason[] = ['resolved', 'no_action', 'spam'];

export interface Case extends RaRecord<string> {
    workflow_id: string;
    conversation_id: string;
    source: string;
    status: CaseStatus;
    priority: CasePriority;
    needs_response: boolean;
    sentiment: number;
    tags: string[];
    team_id: string;
    assignee_id: string | null;
    author: string;
    subject: string;
    opened_at: string;
    assigned_at: string | null;
    first_response_at: string | null;
    closed_at: string | null;
    close_reason: CloseReason | null;
    sla_due_at: string | null;
    sla_breached: boolean;
    flow_version: string;
    first_response_seconds: number | null;
    resolution_seconds: number | null;
    mention_count: number;
    updated_at: string;
    claimed_by: string | null;
    claimed_at: string | null;
    transfers: number;
    escalation_level: number;
    drafts_pending: number;
    sla: Record<string, { due_at?: string | null; paused?: boolean; met_at?: string | null; breached_at?: string | null }>;
}

export interface Mention extends RaRecord<string> {
    source: string;
    external_id: string;
    conversation_id: string;
    case_id: string | null;
    author: string;
    text: string;
    created_at: string;
    received_at: string;
    reply_to_id: string | null;
    direction: 'inbound' | 'outbound';
}

export interface Agent extends RaRecord<string> {
    name: string;
    email: string;
    team_id: string;
    online: boolean;
    open_cases: number;
}

export interface Team extends RaRecord<string> {
    name: string;
    description: string;
}

export type FlowNodeType = 'discovery' | 'tag' | 'triage' | 'assign' | 'sla' | 'approval' | 'close' | 'measure';

export interface FlowNode {
    id: string;
    type: FlowNodeType;
    name: string;
    content: Record<string, unknown>;
    position: { x: number; y: number };
}

export interface FlowEdge {
    id: string;
    sourceId: string;
    targetId: string;
}

export interface FlowDocument {
    nodes: FlowNode[];
    edges: FlowEdge[];
}

export interface Flow extends RaRecord<string> {
    name: string;
    version: string;
    active: boolean;
    published_at: string | null;
    document: FlowDocument;
}

export interface FlowDraft extends RaRecord<string> {
    name: string;
    document: FlowDocument;
    based_on: string | null;
    updated_at: string;
}

export interface CaseEvent extends RaRecord<string> {
    case_id: string;
    at: string;
    kind: string;
    actor: string;
    detail: Record<string, unknown>;
}
