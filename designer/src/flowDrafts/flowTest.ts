// The answer of POST /api/flow_drafts/{id}/test (and /api/flows/{id}/test): what a flow decides for one mention.
import type { NamedRule } from '../cases/explain/ruleParts';
import { evidenceRules } from '../cases/explain/ruleParts';

export interface FlowTestStage {
    stage: 'tag' | 'triage' | 'assign' | 'sla' | 'approval' | string;
    node_id: string | null;
    evidence: Record<string, unknown>;
}

export interface FlowTestResult {
    flow_version: string;
    mention: { id: string; text: string; author: string; source: string } & Record<string, unknown>;
    tags: string[];
    sentiment: number;
    language: string | null;
    needs_response: boolean;
    priority: string;
    queue: string;
    sla_policy: string | null;
    requires_approval: boolean;
    stages: FlowTestStage[];
}

export type FlowTestRequest =
    | { mention_id: string }
    | { case_id: string }
    | { mention: Record<string, unknown> };

export const STAGE_LABELS: Record<string, string> = {
    tag: 'Tagging rules',
    triage: 'Triage: needs a response? priority?',
    assign: 'Routing: which queue',
    sla: 'SLA policy',
    approval: 'Approval of a reply',
};

/** A stage's rules, each with its result and trace, as the case page's explanations show them. */
export const stageRules = (stage: FlowTestStage): NamedRule[] => evidenceRules({ evidence: stage.evidence });

/** The pasted text as a mention: plain text is taken as the mention's text; JSON must be an object. */
export const pastedRequest = (text: string): { ok: true; request: FlowTestRequest } | { ok: false; error: string } => {
    const trimmed = text.trim();
    if (!trimmed) return { ok: false, error: 'Paste a mention (JSON with at least "text") or type its text' };
    if (!trimmed.startsWith('{')) return { ok: true, request: { mention: { text: trimmed } } };
    try {
        const value: unknown = JSON.parse(trimmed);
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            return { ok: false, error: 'A mention is a JSON object' };
        }
        return { ok: true, request: { mention: value as Record<string, unknown> } };
    } catch (error) {
        return { ok: false, error: `Not JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
};
